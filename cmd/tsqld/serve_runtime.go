package main

import (
	"fmt"
	"net"
	"net/http"
	"net/http/pprof"
	"os"
	"runtime/debug"
	"strconv"
)

// defaultGCPercent is the GC target `tsqld serve` uses when GOGC is not
// set. The server's heap is small next to its allocation rate (one short-
// lived request after another), so Go's default of 100 collects very
// often: at 400 the OLTP benchmarks spend a fraction of the CPU in GC, and
// the soft memory limit below makes the collector work harder again before
// the process outgrows the memory it is allowed.
const defaultGCPercent = 400

// applyGCTuning sets the collector's target and soft memory limit unless
// the operator chose them through GOGC / GOMEMLIMIT (which the runtime has
// already applied). limitMB is memory.memorylimitmb (0: not configured, in
// which case the limit is left off: a high GOGC alone only scales a small
// live heap). It returns a description for the error log.
func applyGCTuning(gcPercent, limitMB int) string {
	desc := ""
	if os.Getenv("GOGC") == "" && gcPercent != 0 {
		debug.SetGCPercent(gcPercent)
		desc = "GOGC=" + strconv.Itoa(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" && limitMB > 0 {
		// The engine's caches live inside the same limit; leave a margin
		// for what the runtime does not count (stacks, fragmentation).
		debug.SetMemoryLimit(int64(limitMB) << 20 * 9 / 10)
		if desc != "" {
			desc += ", "
		}
		desc += fmt.Sprintf("GOMEMLIMIT=%dMiB", limitMB*9/10)
	}
	return desc
}

// startProfiler serves net/http/pprof on addr (TSQLD_PPROF, loopback
// only): live CPU, heap and mutex profiles of a running instance.
func startProfiler(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("TSQLD_PPROF=%q: %v", addr, err)
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("TSQLD_PPROF=%q: only a loopback address is allowed", addr)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	go http.Serve(ln, mux)
	return nil
}
