package main

import (
	"context"
	"fmt"
	"math/rand/v2"
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
	Errors     int64   `json:"errors,omitempty"`
	Error      string  `json:"error,omitempty"`
	Note       string  `json:"note,omitempty"`
}

func (m *measurement) ok() bool { return m != nil && m.Error == "" && m.Ops > 0 }

// timing is how long runs last.
type timing struct {
	warmup, duration, grace time.Duration
}

// runTimed runs w on s with conc workers: a warm-up, then a fixed window
// in which every operation started is timed, bracketed by two readings of
// the server's CPU. sample, when set, is called about every 250 ms during
// the window (memory under load).
func runTimed(ctx context.Context, s *side, w workload, conc, accounts int, tm timing, seed uint64, sample func()) *measurement {
	m := &measurement{}
	ctx, cancel := context.WithTimeout(ctx, tm.warmup+tm.duration+tm.grace)
	defer cancel()

	// One operation first: a server that does not implement the workload
	// yet fails here, and the row records why without a timed run.
	probe := &worker{s: s, rng: rand.New(rand.NewPCG(seed, 0)), n: accounts}
	if err := w.op(ctx, probe); err != nil {
		m.Error = oneLine(err)
		return m
	}

	var (
		recording, stop atomic.Bool
		errs            atomic.Int64
		firstErr        atomic.Value
		wg              sync.WaitGroup
	)
	parts := make([]latencies, conc)
	for i := 0; i < conc; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			wk := &worker{s: s, rng: rand.New(rand.NewPCG(seed, uint64(i+1))), n: accounts}
			lat := make(latencies, 0, 4096)
			for !stop.Load() && ctx.Err() == nil {
				rec := recording.Load()
				t0 := time.Now()
				err := w.op(ctx, wk)
				d := time.Since(t0)
				if !rec {
					continue
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
			}
			parts[i] = lat
		}(i)
	}

	sleepCtx(ctx, tm.warmup)
	cpu0, cpuOK := s.serverCPU()
	t0 := time.Now()
	recording.Store(true)
	end := t0.Add(tm.duration)
	for time.Now().Before(end) && ctx.Err() == nil && !stop.Load() {
		step := min(250*time.Millisecond, time.Until(end))
		sleepCtx(ctx, step)
		if sample != nil {
			sample()
		}
	}
	stop.Store(true)
	wg.Wait()
	elapsed := time.Since(t0)
	cpu1, cpuOK1 := s.serverCPU()

	all := mergeSorted(parts)
	m.Ops = int64(len(all))
	m.Seconds = elapsed.Seconds()
	m.Errors = errs.Load()
	if e, ok := firstErr.Load().(string); ok {
		m.Note = "first error: " + e
	}
	if m.Ops == 0 {
		m.Error = "no operation completed"
		if m.Note != "" {
			m.Error = m.Note
			m.Note = ""
		}
		if ctx.Err() != nil && m.Errors == 0 {
			m.Error = fmt.Sprintf("no operation completed within %v", tm.warmup+tm.duration+tm.grace)
		}
		return m
	}
	m.Throughput = float64(m.Ops) / elapsed.Seconds()
	m.P50us = us(all.percentile(0.50))
	m.P99us = us(all.percentile(0.99))
	if cpuOK && cpuOK1 {
		m.CPUusPerOp = us(cpu1-cpu0) / float64(m.Ops)
	}
	return m
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
