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

// The collector's target stays Go's default (GOGC=100) unless --gc-percent
// or GOGC says otherwise: measured on 2026-11-25 (bench/results/
// 2026-11-25-session2.txt), raising it to 400 cut no measurable CPU from
// the OLTP and GROUP BY workloads (GC is 1-2% of their profiles since the
// per-row allocations went) but grew the resident set after a 100k-row
// load from 156 to 224 MiB.

// applyGCTuning sets the collector's target (gcPercent, 0: leave it) and
// soft memory limit unless the operator chose them through GOGC /
// GOMEMLIMIT (which the runtime has already applied). limitMB is
// memory.memorylimitmb, SQL Server's "max server memory" (0: not
// configured, no limit). It returns a description for the error log.
func applyGCTuning(gcPercent, limitMB int) string {
	desc := ""
	if os.Getenv("GOGC") == "" && gcPercent != 0 {
		debug.SetGCPercent(gcPercent)
		desc = "GOGC=" + strconv.Itoa(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" && limitMB > 0 {
		// The limit covers the Go heap only (pebble's block cache is
		// allocated outside it): leave a margin for the rest.
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
