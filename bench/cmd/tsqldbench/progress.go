package main

import (
	"fmt"
	"os"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progress shows how far the run is: a bar on a terminal, plain lines
// otherwise (CI logs, pipes). Everything goes to stderr so stdout stays
// the report.
type progress struct {
	bar   *progressbar.ProgressBar
	total int
	done  int
}

func newProgress(total int) *progress {
	p := &progress{total: total}
	if term.IsTerminal(int(os.Stderr.Fd())) {
		p.bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(os.Stderr),
			progressbar.OptionShowCount(),
			progressbar.OptionSetWidth(30),
			progressbar.OptionSetElapsedTime(true),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionClearOnFinish(),
		)
	}
	return p
}

// start announces the next step.
func (p *progress) start(desc string) {
	if p.bar != nil {
		p.bar.Describe(desc)
		return
	}
	fmt.Fprintf(os.Stderr, "[%d/%d] %s ...\n", p.done+1, p.total, desc)
}

// finish ends the current step with a one-line result.
func (p *progress) finish(result string) {
	p.done++
	if p.bar != nil {
		p.bar.Add(1)
		return
	}
	if result != "" {
		fmt.Fprintf(os.Stderr, "        %s\n", result)
	}
}

// skip counts steps that will not run (a workload that failed its probe).
func (p *progress) skip(n int) {
	p.done += n
	if p.bar != nil {
		p.bar.Add(n)
	}
}

// logf prints a message without garbling the bar.
func (p *progress) logf(format string, args ...any) {
	if p.bar != nil {
		p.bar.Clear()
	}
	fmt.Fprintf(os.Stderr, format+"\n", args...)
}

func (p *progress) close() {
	if p.bar != nil {
		p.bar.Finish()
		fmt.Fprintln(os.Stderr)
	}
}

// summary is the one-line result of a measurement for plain progress.
func summary(m *measurement, unit string) string {
	switch {
	case m == nil:
		return "skipped"
	case m.Error != "":
		return "FAILED: " + m.Error
	}
	s := fmt.Sprintf("%.1f %s/s", m.Throughput, unit)
	if m.P50us > 0 {
		s += fmt.Sprintf(", p50 %s, p99 %s", usStr(m.P50us), usStr(m.P99us))
	}
	if m.CPUusPerOp > 0 {
		s += fmt.Sprintf(", server cpu %s/%s", usStr(m.CPUusPerOp), unit)
	}
	s += fmt.Sprintf(", other load %.0f%%", m.OtherCPUPct)
	if m.Errors > 0 {
		s += fmt.Sprintf(", %d errors", m.Errors)
	}
	return s
}
