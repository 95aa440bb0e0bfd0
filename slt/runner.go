package slt

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"
)

// Engine is the name conditions are matched against.
const Engine = "mssql"

// DefaultHashThreshold is the threshold before any hash-threshold record
// (the C driver's default).
const DefaultHashThreshold = 8

// Failure describes one failed record.
type Failure struct {
	File string
	Line int
	SQL  string
	Msg  string
}

func (f Failure) String() string {
	return fmt.Sprintf("%s:%d: %s", f.File, f.Line, f.Msg)
}

// Diverged is a failing record found in the divergence list.
type Diverged struct {
	File   string
	Line   int
	Reason string
	Msg    string
}

// FileResult is the outcome of one file.
type FileResult struct {
	File                    string
	Passed, Failed, Skipped int
	Failures                []Failure
	Diverged                []Diverged
	// Stale lists divergence entries whose records now pass.
	Stale []int
	// Halted: a halt record stopped the file; the records after it count
	// as skipped.
	Halted bool
	// Abandoned: a record outlived its timeout by the grace period and the
	// session was given up (the rest of the file counts as skipped).
	Abandoned bool
	// Err is a file-level problem (unreadable file, script error, the
	// database could not be opened); the file then counts one failure.
	Err      error
	Duration time.Duration
}

// Totals sums file results.
type Totals struct {
	Files                   int
	Passed, Failed, Skipped int
}

// Add accumulates one file.
func (t *Totals) Add(r *FileResult) {
	t.Files++
	t.Passed += r.Passed
	t.Failed += r.Failed
	t.Skipped += r.Skipped
}

// String is the closing line CI reads.
func (t Totals) String() string {
	return fmt.Sprintf("%d passed, %d failed, %d skipped", t.Passed, t.Failed, t.Skipped)
}

// Runner runs files against databases from Open.
type Runner struct {
	Open OpenFunc
	// EngineName defaults to "mssql".
	EngineName  string
	Divergences *Divergences
	// Timeout bounds each record (0: none).
	Timeout time.Duration
	// MaxFailures stops a file after that many failures (0: no limit);
	// the rest of the file counts as skipped.
	MaxFailures int
	// Log receives one line per failure and per file ("file: N passed, …");
	// nil discards.
	Log io.Writer
	// Verbose adds expected/actual excerpts to failure lines.
	Verbose bool
	// Progress, if set, is called after each record with the file's
	// progress (for a TTY progress bar).
	Progress func(file string, done, total int)

	seq int
}

func (r *Runner) engine() string {
	if r.EngineName == "" {
		return Engine
	}
	return r.EngineName
}

func (r *Runner) logf(format string, args ...any) {
	if r.Log != nil {
		fmt.Fprintf(r.Log, format, args...)
	}
}

// RunFiles runs every file in order and returns per-file results and the
// totals; it logs a summary line per file and, last, the totals line.
func (r *Runner) RunFiles(ctx context.Context, files []string) ([]*FileResult, Totals) {
	var tot Totals
	out := make([]*FileResult, 0, len(files))
	for _, f := range files {
		if ctx.Err() != nil {
			break
		}
		res := r.RunFile(ctx, f)
		tot.Add(res)
		out = append(out, res)
	}
	r.logf("%s\n", tot)
	return out, tot
}

// RunFile parses and runs one file on a fresh database.
func (r *Runner) RunFile(ctx context.Context, path string) *FileResult {
	start := time.Now()
	res := &FileResult{File: path}
	defer func() {
		res.Duration = time.Since(start)
		extra := ""
		if len(res.Diverged) > 0 {
			extra = fmt.Sprintf(" (%d known divergences)", len(res.Diverged))
		}
		r.logf("%s: %d passed, %d failed, %d skipped%s\n", path, res.Passed, res.Failed, res.Skipped, extra)
	}()
	recs, err := ParseFile(path)
	if err != nil {
		res.Err = err
		res.Failed++
		r.logf("%v\n", err)
		return res
	}
	if r.Open == nil {
		res.Err = fmt.Errorf("%s: Runner.Open is not set", path)
		res.Failed++
		r.logf("%v\n", res.Err)
		return res
	}
	seq := r.seq
	r.seq++
	db, err := r.Open(ctx, path, seq)
	if err != nil {
		res.Err = fmt.Errorf("%s: open database: %w", path, err)
		res.Failed++
		r.logf("%v\n", res.Err)
		return res
	}
	r.runRecords(ctx, db, path, recs, res)
	if res.Abandoned {
		// Close may wait for the hung batch; do not hold the run for it.
		go db.Close()
		return res
	}
	if err := db.Close(); err != nil {
		r.logf("%s: closing database: %v\n", path, err)
	}
	return res
}

// RunRecords runs already-parsed records on db (tests, in-memory scripts).
func (r *Runner) RunRecords(ctx context.Context, db DB, name string, recs []Record) *FileResult {
	res := &FileResult{File: name}
	r.runRecords(ctx, db, name, recs, res)
	return res
}

type fileState struct {
	threshold int
	labels    map[string]labelHash
}

type labelHash struct {
	hash string
	line int
}

func (r *Runner) runRecords(ctx context.Context, db DB, path string, recs []Record, res *FileResult) {
	st := fileState{threshold: DefaultHashThreshold, labels: map[string]labelHash{}}
	eng := r.engine()
	countable := func(k RecordKind) bool { return k == KindStatement || k == KindQuery }
	for i := range recs {
		rec := &recs[i]
		if r.Progress != nil {
			r.Progress(path, i, len(recs))
		}
		if ctx.Err() != nil || (r.MaxFailures > 0 && res.Failed >= r.MaxFailures) {
			for _, rest := range recs[i:] {
				if countable(rest.Kind) {
					res.Skipped++
				}
			}
			return
		}
		if !rec.Applies(eng) {
			if countable(rec.Kind) {
				res.Skipped++
			}
			if rec.Kind == KindQuery && rec.Label != "" {
				st.noteSkippedLabel(rec)
			}
			continue
		}
		switch rec.Kind {
		case KindHashThreshold:
			st.threshold = rec.Threshold
			continue
		case KindHalt:
			res.Halted = true
			for _, rest := range recs[i+1:] {
				if countable(rest.Kind) {
					res.Skipped++
				}
			}
			return
		}
		msg, hung := r.runGuarded(ctx, db, rec, &st)
		if hung {
			// The session is still busy with the abandoned record: record
			// the failure, skip the rest of the file, and tell the caller
			// not to wait for Close.
			res.Failed++
			f := Failure{File: path, Line: rec.Line, SQL: rec.SQL, Msg: msg}
			res.Failures = append(res.Failures, f)
			r.logf("%s\n", f)
			for _, rest := range recs[i+1:] {
				if countable(rest.Kind) {
					res.Skipped++
				}
			}
			res.Abandoned = true
			return
		}
		if msg == "" {
			res.Passed++
			if _, ok := r.Divergences.Lookup(path, rec.Line); ok {
				res.Stale = append(res.Stale, rec.Line)
			}
			continue
		}
		if reason, ok := r.Divergences.Lookup(path, rec.Line); ok {
			res.Skipped++
			res.Diverged = append(res.Diverged, Diverged{File: path, Line: rec.Line, Reason: reason, Msg: msg})
			continue
		}
		res.Failed++
		f := Failure{File: path, Line: rec.Line, SQL: rec.SQL, Msg: msg}
		res.Failures = append(res.Failures, f)
		if r.Verbose {
			r.logf("%s\n%s\n", f, indent(rec.SQL))
		} else {
			r.logf("%s\n", f)
		}
	}
	if r.Progress != nil {
		r.Progress(path, len(recs), len(recs))
	}
}

func indent(s string) string {
	return "    " + strings.ReplaceAll(s, "\n", "\n    ")
}

func (st *fileState) noteSkippedLabel(rec *Record) {
	if _, ok := st.labels[rec.Label]; ok {
		return
	}
	h := rec.Hash
	if !rec.HasHash {
		if rec.Expected == nil {
			return // nothing to learn
		}
		h = HashValues(rec.Expected)
	}
	st.labels[rec.Label] = labelHash{h, rec.Line}
}

// hangGrace is how long past its timeout a record may run before the
// runner stops waiting for a DB that ignores context cancellation.
var hangGrace = 5 * time.Second

// runGuarded is runOne with the record timeout enforced even against a DB
// that ignores its context: after Timeout+hangGrace the record fails and
// hung is true.
func (r *Runner) runGuarded(ctx context.Context, db DB, rec *Record, st *fileState) (msg string, hung bool) {
	if r.Timeout <= 0 {
		return r.runOne(ctx, db, rec, st), false
	}
	done := make(chan string, 1)
	go func() { done <- r.runOne(ctx, db, rec, st) }()
	t := time.NewTimer(r.Timeout + hangGrace)
	defer t.Stop()
	select {
	case m := <-done:
		return m, false
	case <-t.C:
		return fmt.Sprintf("timed out after %v (the session ignored cancellation; rest of file skipped)", r.Timeout), true
	}
}

// runOne runs a statement or query and returns "" on success or why it
// failed.
func (r *Runner) runOne(ctx context.Context, db DB, rec *Record, st *fileState) string {
	if r.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, r.Timeout)
		defer cancel()
	}
	if rec.Kind == KindStatement {
		err := db.Exec(ctx, rec.SQL)
		switch {
		case rec.ExpectError && err == nil:
			return "statement succeeded, error expected"
		case !rec.ExpectError && err != nil:
			return "statement failed: " + oneLine(err.Error())
		}
		return ""
	}
	rows, err := db.Query(ctx, rec.SQL)
	if err != nil {
		return "query failed: " + oneLine(err.Error())
	}
	if rows == nil {
		rows = &Rows{}
	}
	if len(rows.Values) > 0 && rows.Columns != len(rec.Types) {
		return fmt.Sprintf("query returned %d columns, %d expected (%s)", rows.Columns, len(rec.Types), rec.Types)
	}
	for _, row := range rows.Values {
		if len(row) != len(rec.Types) {
			return fmt.Sprintf("query returned a row of %d values, %d expected", len(row), len(rec.Types))
		}
	}
	got := SortValues(RenderRows(rows.Values, rec.Types), rec.Sort)
	n := len(got)
	hash := ""
	if rec.Label != "" || rec.HasHash || (st.threshold > 0 && n > st.threshold) {
		hash = HashValues(got)
	}
	if rec.HasHash {
		if n != rec.HashValues || hash != rec.Hash {
			return fmt.Sprintf("%d values hashing to %s, expected %d values hashing to %s", n, hash, rec.HashValues, rec.Hash)
		}
	} else if msg := compareValues(rec.Expected, got, r.Verbose); msg != "" {
		return msg
	}
	if rec.Label != "" {
		if prev, ok := st.labels[rec.Label]; ok {
			if prev.hash != hash {
				return fmt.Sprintf("label %s: hash %s differs from %s at line %d", rec.Label, hash, prev.hash, prev.line)
			}
		} else {
			st.labels[rec.Label] = labelHash{hash, rec.Line}
		}
	}
	return ""
}

func compareValues(want, got []string, verbose bool) string {
	for i := 0; i < len(want) && i < len(got); i++ {
		if want[i] != got[i] {
			msg := fmt.Sprintf("value %d: got %q, expected %q", i+1, got[i], want[i])
			if verbose {
				msg += "\n" + excerpt("expected", want) + "\n" + excerpt("got", got)
			}
			return msg
		}
	}
	switch {
	case len(got) > len(want):
		return fmt.Sprintf("too many values: got %d, expected %d (first extra %q)", len(got), len(want), got[len(want)])
	case len(got) < len(want):
		return fmt.Sprintf("too few values: got %d, expected %d (first missing %q)", len(got), len(want), want[len(got)])
	}
	return ""
}

func excerpt(title string, vals []string) string {
	const max = 20
	var b strings.Builder
	b.WriteString("    " + title + ":")
	for i, v := range vals {
		if i == max {
			fmt.Fprintf(&b, " … (%d more)", len(vals)-max)
			break
		}
		b.WriteString(" " + v)
	}
	return b.String()
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
