package main

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
)

// report is everything one run measured; the table and --json show the
// same data.
type report struct {
	Mode     string     `json:"mode"`
	Started  string     `json:"started"`
	Machine  machine    `json:"machine"`
	Settings settings   `json:"settings"`
	Servers  servers    `json:"servers"`
	Startup  startupRow `json:"startup"`
	Memory   []memRow   `json:"memory"`
	Rows     []row      `json:"rows"`
	// Ratios are tsqld / PostgreSQL: throughput above 1 favours tsqld;
	// latency, CPU and memory below 1 favour tsqld.
	RatioNote string `json:"ratio_note"`
}

type machine struct {
	CPUs      int    `json:"cpus"`
	Kernel    string `json:"kernel,omitempty"`
	GoVersion string `json:"go"`
	Pinned    string `json:"pinned,omitempty"`
}

type settings struct {
	Accounts    int     `json:"accounts"`
	Warmup      float64 `json:"warmup_seconds"`
	Duration    float64 `json:"duration_seconds"` // the whole window, over all rounds
	Rounds      int     `json:"rounds"`
	Concurrency []int   `json:"concurrency"`
}

type serverInfo struct {
	Version string `json:"version"`
	PID     int    `json:"pid"`
	Started string `json:"started,omitempty"`
}

type servers struct {
	Tsqld      serverInfo `json:"tsqld"`
	PostgreSQL serverInfo `json:"postgresql"`
}

// startupRow is start → first successful login. The first start of
// tsqld is on an empty data directory (it creates master); PostgreSQL's
// first start follows initdb. Restarts open existing data.
type startupRow struct {
	TsqldMs      []float64 `json:"tsqld_ms,omitempty"`
	PGMs         []float64 `json:"postgresql_ms,omitempty"`
	FirstRatio   float64   `json:"first_start_ratio,omitempty"`
	RestartRatio float64   `json:"restart_median_ratio,omitempty"`
}

func newStartup(tsqld, pg string) startupRow {
	r := startupRow{TsqldMs: parseFloats(tsqld), PGMs: parseFloats(pg)}
	if len(r.TsqldMs) > 0 && len(r.PGMs) > 0 {
		r.FirstRatio = ratio(r.TsqldMs[0], r.PGMs[0])
		r.RestartRatio = ratio(median(restarts(r.TsqldMs)), median(restarts(r.PGMs)))
	}
	return r
}

func parseFloats(s string) []float64 {
	var out []float64
	for _, f := range strings.Split(s, ",") {
		if v, err := strconv.ParseFloat(strings.TrimSpace(f), 64); err == nil {
			out = append(out, v)
		}
	}
	return out
}

func restarts(v []float64) []float64 {
	if len(v) < 2 {
		return nil
	}
	return v[1:]
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Clone(v)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

type memRow struct {
	When  string   `json:"when"`
	Tsqld *memInfo `json:"tsqld,omitempty"`
	PG    *memInfo `json:"postgresql,omitempty"`
	// Ratio compares PSS (RSS with shared pages split among the
	// processes sharing them, so PostgreSQL's shared buffers count once).
	Ratio float64 `json:"pss_ratio,omitempty"`
}

type ratios struct {
	Throughput float64 `json:"throughput,omitempty"`
	P50        float64 `json:"p50,omitempty"`
	P99        float64 `json:"p99,omitempty"`
	CPU        float64 `json:"server_cpu_per_op,omitempty"`
}

type row struct {
	Key      string       `json:"key"`
	Workload string       `json:"workload"`
	Conc     int          `json:"concurrency"`
	Unit     string       `json:"unit"` // what throughput counts: "op" or "row"
	Tsqld    *measurement `json:"tsqld"`
	PG       *measurement `json:"postgresql"`
	Ratios   ratios       `json:"ratios"`
}

func (r *row) computeRatios() {
	t, p := r.Tsqld, r.PG
	if !t.ok() || !p.ok() {
		return
	}
	r.Ratios = ratios{
		Throughput: ratio(t.Throughput, p.Throughput),
		P50:        ratio(t.P50us, p.P50us),
		P99:        ratio(t.P99us, p.P99us),
		CPU:        ratio(t.CPUusPerOp, p.CPUusPerOp),
	}
}

func writeJSON(w io.Writer, r *report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// writeTable prints the human-readable comparison.
func writeTable(w io.Writer, r *report) {
	fmt.Fprintf(w, "\ntsqld vs PostgreSQL — %s mode, %d accounts, %d CPUs, warm-up %.1fs, window %.1fs in %d alternating rounds%s\n",
		r.Mode, r.Settings.Accounts, r.Machine.CPUs, r.Settings.Warmup, r.Settings.Duration, r.Settings.Rounds, pinnedNote(r.Machine.Pinned))
	fmt.Fprintf(w, "tsqld:      %s (%s)\n", firstLine(r.Servers.Tsqld.Version), r.Servers.Tsqld.Started)
	fmt.Fprintf(w, "PostgreSQL: %s\n", firstLine(r.Servers.PostgreSQL.Version))
	fmt.Fprintln(w, "ratio = tsqld / PostgreSQL (thr× > 1: tsqld faster; p50×, p99×, cpu× < 1: tsqld better)")
	fmt.Fprintln(w)

	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "#\tworkload\tc\ttsqld/s\tpg/s\tthr×\ttsqld p50\tpg p50\tp50×\ttsqld p99\tpg p99\tp99×\ttsqld cpu/op\tpg cpu/op\tcpu×\tother%\t")
	var notes []string
	for i, rw := range r.Rows {
		n := i + 1
		t, p := rw.Tsqld, rw.PG
		fmt.Fprintf(tw, "%d\t%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", n, rw.Workload, rw.Conc,
			thr(t), thr(p), fmtRatio(rw.Ratios.Throughput),
			lat(t, t.P50us), lat(p, p.P50us), fmtRatio(rw.Ratios.P50),
			lat(t, t.P99us), lat(p, p.P99us), fmtRatio(rw.Ratios.P99),
			lat(t, t.CPUusPerOp), lat(p, p.CPUusPerOp), fmtRatio(rw.Ratios.CPU), otherStr(t, p))
		for _, side := range []struct {
			name string
			m    *measurement
		}{{"tsqld", t}, {"postgresql", p}} {
			if side.m == nil {
				continue
			}
			if side.m.Error != "" {
				notes = append(notes, fmt.Sprintf("[%d] %s FAILED: %s", n, side.name, side.m.Error))
			}
			if side.m.Note != "" {
				notes = append(notes, fmt.Sprintf("[%d] %s: %s", n, side.name, side.m.Note))
			}
			if side.m.Errors > 0 {
				notes = append(notes, fmt.Sprintf("[%d] %s: %d operations failed in the window", n, side.name, side.m.Errors))
			}
		}
	}
	tw.Flush()
	fmt.Fprintln(w, "throughput is per second (rows/s for the loads); latencies per operation (per 500-row statement for INSERT loads);")
	fmt.Fprintln(w, "cpu/op is the server's own user+sys CPU per operation (per row for loads); other% is the share of all CPUs")
	fmt.Fprintln(w, "busy with other processes during the tsqld/PostgreSQL windows (high values: the figures were disturbed)")

	fmt.Fprintln(w)
	st := r.Startup
	if len(st.TsqldMs) > 0 && len(st.PGMs) > 0 {
		fmt.Fprintf(w, "start → first login, first start: tsqld %s, PostgreSQL %s, ratio %s\n",
			ms(st.TsqldMs[0]), ms(st.PGMs[0]), fmtRatio(st.FirstRatio))
		if st.RestartRatio > 0 {
			fmt.Fprintf(w, "start → first login, median of %d restarts: tsqld %s, PostgreSQL %s, ratio %s\n",
				len(st.TsqldMs)-1, ms(median(restarts(st.TsqldMs))), ms(median(restarts(st.PGMs))), fmtRatio(st.RestartRatio))
		}
	}
	for _, m := range r.Memory {
		fmt.Fprintf(w, "memory %-28s tsqld %s, PostgreSQL %s, PSS ratio %s\n", m.When+":", memStr(m.Tsqld), memStr(m.PG), fmtRatio(m.Ratio))
	}
	if len(notes) > 0 {
		fmt.Fprintln(w)
		for _, s := range notes {
			fmt.Fprintln(w, s)
		}
	}
}

func otherStr(t, p *measurement) string {
	f := func(m *measurement) string {
		if !m.ok() {
			return "—"
		}
		return fmt.Sprintf("%.0f", m.OtherCPUPct)
	}
	return f(t) + "/" + f(p)
}

func pinnedNote(p string) string {
	if p == "" {
		return ""
	}
	return ", pinned: " + p
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		s = s[:i]
	}
	return s
}

func thr(m *measurement) string {
	if m == nil {
		return "—"
	}
	if m.Error != "" {
		return "FAILED"
	}
	if m.Throughput >= 100 {
		return fmt.Sprintf("%.0f", m.Throughput)
	}
	return fmt.Sprintf("%.2f", m.Throughput)
}

func lat(m *measurement, v float64) string {
	if m == nil || m.Error != "" || v <= 0 {
		return "—"
	}
	return usStr(v)
}

func usStr(v float64) string {
	switch {
	case v >= 1e6:
		return fmt.Sprintf("%.2fs", v/1e6)
	case v >= 1e4:
		return fmt.Sprintf("%.1fms", v/1e3)
	case v >= 1e3:
		return fmt.Sprintf("%.2fms", v/1e3)
	case v >= 10:
		return fmt.Sprintf("%.0fµs", v)
	}
	return fmt.Sprintf("%.1fµs", v)
}

// fmtRatio shows three significant digits: ratios far from 1 are the
// interesting ones and must not round to 0.00.
func fmtRatio(r float64) string {
	if r <= 0 {
		return "—"
	}
	if r >= 1000 {
		return fmt.Sprintf("%.0f", r)
	}
	return strconv.FormatFloat(r, 'g', 3, 64)
}

func ms(v float64) string {
	if v <= 0 {
		return "—"
	}
	if v >= 100 {
		return fmt.Sprintf("%.0f ms", v)
	}
	return fmt.Sprintf("%.1f ms", v)
}

func memStr(m *memInfo) string {
	if m == nil {
		return "—"
	}
	return fmt.Sprintf("PSS %.1f MiB (RSS %.1f MiB)", float64(m.PSSKiB)/1024, float64(m.RSSKiB)/1024)
}
