package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// cmdDrive runs workloads against one server only, repeatedly, printing
// one line per window: the tool for before/after comparisons of a single
// change (and for holding a server under load while a profile is taken),
// where `run`'s side-by-side report is more than needed. The server's
// CPU per operation is measured when --pid is given.
func cmdDrive(args []string) error {
	fs := flag.NewFlagSet("drive", flag.ContinueOnError)
	sideName := fs.String("side", "tsqld", "tsqld or postgresql")
	addr := fs.String("addr", "", "server host:port")
	pid := fs.Int("pid", 0, "server pid (CPU per operation)")
	only := fs.String("only", "point", "comma-separated workloads ("+workloadKeys()+")")
	conc := fs.String("conc", "1", "concurrency levels, comma-separated")
	accounts := fs.Int("accounts", 100000, "accounts rows (multiple of 100000)")
	load := fs.Bool("load", false, "create the schema and bulk-load accounts first")
	warmup := fs.Duration("warmup", 500*time.Millisecond, "warm-up before each window")
	dur := fs.Duration("duration", 3*time.Second, "window length")
	count := fs.Int("count", 3, "windows per workload and concurrency")
	if err := fs.Parse(normalizeFlags(args)); err != nil {
		return err
	}
	if *addr == "" {
		return fmt.Errorf("drive: --addr is required")
	}
	d, err := dialectOf(*sideName)
	if err != nil {
		return err
	}
	var concs []int
	maxConc := 1
	for _, c := range strings.Split(*conc, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(c))
		if err != nil || n < 1 {
			return fmt.Errorf("drive: bad --conc %q", *conc)
		}
		concs = append(concs, n)
		maxConc = max(maxConc, n)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	s, err := openSide(ctx, d, *addr, os.Getenv("MSSQL_SA_PASSWORD"), *pid, maxConc)
	if err != nil {
		return err
	}
	defer s.db.Close()
	if *load {
		if err := createSchema(ctx, s, *accounts); err != nil {
			return err
		}
		t0 := time.Now()
		if err := bulkLoad(ctx, s, "accounts", *accounts); err != nil {
			return fmt.Errorf("bulk load: %w", err)
		}
		fmt.Printf("loaded %d accounts in %v\n", *accounts, time.Since(t0).Round(time.Millisecond))
	}
	for _, key := range strings.Split(*only, ",") {
		var w *workload
		for i := range workloads {
			if workloads[i].key == strings.TrimSpace(key) {
				w = &workloads[i]
			}
		}
		if w == nil {
			return fmt.Errorf("drive: unknown workload %q", key)
		}
		for _, c := range concs {
			for i := 0; i < *count && ctx.Err() == nil; i++ {
				wn := runWindow(ctx, s, *w, c, *accounts, *warmup, *dur, 15*time.Second, uint64(i+1), nil)
				m := summarize([]*window{wn})
				fmt.Printf("%-8s c=%d  %9.0f op/s  p50 %7.1fµs  p99 %8.1fµs  server cpu %6.1fµs/op  client cpu %5.1fµs/op  other %3.0f%%  errors %d %s\n",
					w.key, c, m.Throughput, m.P50us, m.P99us, m.CPUusPerOp, m.ClientCPUusPerOp, m.OtherCPUPct, m.Errors, m.Error+m.Note)
			}
		}
	}
	return nil
}
