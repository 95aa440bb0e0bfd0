package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// measurement is one side's result for one workload row.
type measurement struct {
	Ops        int64   `json:"ops"`
	Seconds    float64 `json:"seconds"`
	Throughput float64 `json:"throughput_per_sec"`
	P50us      float64 `json:"p50_us,omitempty"`
	P99us      float64 `json:"p99_us,omitempty"`
	// CPUusPerOp is the server's own user+system CPU per operation
	// (per row for loads); 0 when it could not be measured.
	CPUusPerOp float64 `json:"server_cpu_us_per_op,omitempty"`
	// ClientCPUusPerOp is the harness's own CPU per operation (driver
	// and measurement cost; both sides' pools live in it, idle).
	ClientCPUusPerOp float64 `json:"client_cpu_us_per_op,omitempty"`
	// OtherCPUPct is the share of the machine's CPUs busy with anything
	// but this server and the harness during the window: how much outside
	// load disturbed the figures.
	OtherCPUPct float64 `json:"other_cpu_pct"`
	Errors      int64   `json:"errors,omitempty"`
	// Method is how a load was done: "tds-bulk-copy", "copy" or
	// "multi-row-insert" (for tsqld's bulk row: the fallback).
	Method string `json:"method,omitempty"`
	Error  string `json:"error,omitempty"`
	Note   string `json:"note,omitempty"`
}

func (m *measurement) ok() bool { return m != nil && m.Error == "" && m.Ops > 0 }

// timing is how long runs last: the window is split into rounds, and the
// two sides alternate round by round (A B A B), so that load from outside
// the benchmark drifting over time hits both alike.
type timing struct {
	warmup, duration, grace time.Duration
	rounds                  int
}

// window is one round's raw result on one side.
type window struct {
	lat      latencies
	elapsed  time.Duration
	cpu      time.Duration
	cpuOK    bool
	client   time.Duration
	other    time.Duration // machine busy time that was neither server nor client
	otherOK  bool
	errs     int64
	firstErr string
	failed   string // the workload could not run at all
}

// probe runs one operation: a server that does not implement the
// workload yet fails here, and the row records why without timed runs.
func probe(ctx context.Context, s *side, w workload, accounts int, tm timing, seed uint64) error {
	ctx, cancel := context.WithTimeout(ctx, tm.grace)
	defer cancel()
	return w.op(ctx, &worker{s: s, rng: rand.New(rand.NewPCG(seed, 0)), n: accounts})
}

// runWindow runs w on s with conc workers: a warm-up (may be zero), then
// a fixed window bracketed by two readings of the server's CPU. The
// operations that complete inside the window are counted and their
// latencies kept; in steady state the work of operations straddling the
// start balances that of operations straddling the end, so CPU and
// throughput refer to the same interval even when one operation takes
// longer than the window. The window is stretched (up to grace) until
// at least one operation has completed in it. sample, when set, is
// called about every 250 ms during the window (memory under load).
func runWindow(ctx context.Context, s *side, w workload, conc, accounts int, warmup, dur, grace time.Duration, seed uint64, sample func()) *window {
	ctx, cancel := context.WithTimeout(ctx, warmup+dur+grace)
	defer cancel()
	var (
		recording, closed, stop atomic.Bool
		completed, errs         atomic.Int64
		firstErr                atomic.Value
		wg                      sync.WaitGroup
	)
	parts := make([]latencies, conc)
	for i := 0; i < conc; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			wk := &worker{s: s, rng: rand.New(rand.NewPCG(seed, uint64(i+1))), n: accounts}
			lat := make(latencies, 0, 4096)
			for !stop.Load() && ctx.Err() == nil {
				t0 := time.Now()
				err := w.op(ctx, wk)
				d := time.Since(t0)
				if !recording.Load() || closed.Load() {
					continue // completed outside the window
				}
				if err != nil {
					if ctx.Err() != nil {
						break // run cut short: not the server's fault
					}
					firstErr.CompareAndSwap(nil, oneLine(err))
					// A workload failing on every call stops early
					// instead of spinning for the whole window.
					if n := errs.Add(1); n > 1000 && n > 10*int64(len(lat)) {
						stop.Store(true)
					}
					continue
				}
				lat = append(lat, d)
				completed.Add(1)
			}
			parts[i] = lat
		}(i)
	}

	sleepCtx(ctx, warmup)
	cpu0, ok0 := s.serverCPU()
	busy0, okb0 := machineBusy()
	self0 := selfCPU()
	t0 := time.Now()
	recording.Store(true)
	end := t0.Add(dur)
	lastSample := t0
	for ctx.Err() == nil && !stop.Load() {
		now := time.Now()
		if !now.Before(end) && completed.Load() > 0 {
			break
		}
		step := 250 * time.Millisecond
		if now.Before(end) {
			step = min(step, end.Sub(now))
		} else {
			step = 5 * time.Millisecond // stretched: waiting for a first completion
		}
		sleepCtx(ctx, step)
		if sample != nil && time.Since(lastSample) >= 200*time.Millisecond {
			sample()
			lastSample = time.Now()
		}
	}
	closed.Store(true)
	wn := &window{elapsed: time.Since(t0)}
	cpu1, ok1 := s.serverCPU()
	busy1, okb1 := machineBusy()
	wn.client = selfCPU() - self0
	stop.Store(true)
	wg.Wait() // operations in flight finish uncounted
	wn.errs = errs.Load()
	wn.cpu, wn.cpuOK = cpu1-cpu0, ok0 && ok1
	wn.other, wn.otherOK = max(0, busy1-busy0-wn.cpu-wn.client), wn.cpuOK && okb0 && okb1
	for _, p := range parts {
		wn.lat = append(wn.lat, p...)
	}
	if e, ok := firstErr.Load().(string); ok {
		wn.firstErr = e
	}
	if len(wn.lat) == 0 && wn.errs == 0 && ctx.Err() != nil {
		wn.failed = fmt.Sprintf("no operation completed within %v", warmup+dur+grace)
	}
	return wn
}

// summarize turns a side's rounds into its measurement.
func summarize(ws []*window) *measurement {
	m := &measurement{}
	var (
		elapsed, cpu, client, other time.Duration
		cpuOK, otherOK              = true, true
		parts                       []latencies
	)
	for _, w := range ws {
		if w.failed != "" && m.Error == "" {
			m.Error = w.failed
		}
		elapsed += w.elapsed
		cpu += w.cpu
		client += w.client
		other += w.other
		cpuOK = cpuOK && w.cpuOK
		otherOK = otherOK && w.otherOK
		m.Errors += w.errs
		if w.firstErr != "" && m.Note == "" {
			m.Note = "first error: " + w.firstErr
		}
		parts = append(parts, w.lat)
	}
	all := mergeSorted(parts)
	m.Ops = int64(len(all))
	m.Seconds = elapsed.Seconds()
	if m.Ops == 0 {
		switch {
		case m.Error != "":
		case m.Note != "":
			m.Error, m.Note = strings.TrimPrefix(m.Note, "first error: "), ""
		default:
			m.Error = "no operation completed"
		}
		return m
	}
	m.Error = "" // some rounds completed operations: the row stands
	m.Throughput = float64(m.Ops) / elapsed.Seconds()
	m.P50us = us(all.percentile(0.50))
	m.P99us = us(all.percentile(0.99))
	if cpuOK {
		m.CPUusPerOp = us(cpu) / float64(m.Ops)
	}
	m.ClientCPUusPerOp = us(client) / float64(m.Ops)
	if otherOK {
		m.OtherCPUPct = otherPct(other, elapsed)
	}
	return m
}

// otherPct is busy time as a percentage of all CPUs over elapsed.
func otherPct(busy, elapsed time.Duration) float64 {
	if elapsed <= 0 {
		return 0
	}
	return 100 * busy.Seconds() / (elapsed.Seconds() * float64(runtime.NumCPU()))
}

func us(d time.Duration) float64 { return float64(d.Nanoseconds()) / 1000 }

func sleepCtx(ctx context.Context, d time.Duration) {
	if d <= 0 {
		return
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}

// oneLine shortens an error for a table cell / JSON field.
func oneLine(err error) string {
	s := err.Error()
	for i, c := range s {
		if c == '\n' || c == '\r' {
			s = s[:i]
			break
		}
	}
	if len(s) > 300 {
		s = s[:300] + "…"
	}
	return s
}
