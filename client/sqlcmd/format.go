package sqlcmd

import (
	"fmt"
	"io"
	"strings"
)

// FormatOptions are the command-line switches that shape the output.
type FormatOptions struct {
	// ColSep is -s (default one space).
	ColSep string
	// Headers is -h: 0 prints the headings once per result set, n > 0
	// every n rows, -1 never.
	Headers int
	// TrimSpaces is -W: no padding, no trailing spaces.
	TrimSpaces bool
	// ScreenWidth is -w: lines longer than this wrap; 0 never wraps.
	ScreenWidth int
	Widths      Widths
	Control     ControlChars
	// ErrorLevel is -m: errors below this severity are not shown; -1 also
	// gives informational messages (PRINT …) the "Msg …" heading.
	ErrorLevel int
	// Redirect is -r: -1 everything to stdout, 0 errors of severity 11 and
	// above to stderr, 1 every message (PRINT too) to stderr.
	Redirect int
}

// DefaultFormat is sqlcmd's default output.
func DefaultFormat() FormatOptions {
	return FormatOptions{ColSep: " ", Widths: DefaultWidths, Redirect: -1}
}

// Message is a server message (an INFO or ERROR token) as sqlcmd prints it.
type Message struct {
	Number int32
	Class  uint8
	State  uint8
	Server string
	Proc   string
	Line   int32
	Text   string
}

// Heading is "Msg 208, Level 16, State 1, Server X, Line 1" (with
// ", Procedure p" before the line when there is one).
func (m *Message) Heading() string {
	if m.Proc != "" {
		return fmt.Sprintf("Msg %d, Level %d, State %d, Server %s, Procedure %s, Line %d",
			m.Number, m.Class, m.State, m.Server, m.Proc, m.Line)
	}
	return fmt.Sprintf("Msg %d, Level %d, State %d, Server %s, Line %d",
		m.Number, m.Class, m.State, m.Server, m.Line)
}

// Formatter writes results and messages the way the classic ODBC sqlcmd
// does. Call BeginResultSet, Row for each row, EndResultSet; RowsAffected
// for each DONE count; Message for each INFO/ERROR in server order.
type Formatter struct {
	Out, Err io.Writer
	Opt      FormatOptions

	cols   []Column
	widths []int
	rows   int
	// lastEnded: the previous output was the end of a result set (which
	// already wrote the blank line a row count follows).
	lastEnded bool
	line      strings.Builder
}

// NewFormatter returns a formatter writing to out (results, messages) and
// errOut (redirected messages, -r).
func NewFormatter(out, errOut io.Writer, opt FormatOptions) *Formatter {
	if opt.ColSep == "" {
		opt.ColSep = " "
	}
	return &Formatter{Out: out, Err: errOut, Opt: opt}
}

// BeginResultSet starts a result set and prints its headings.
func (f *Formatter) BeginResultSet(cols []Column) {
	f.cols = cols
	f.widths = f.widths[:0]
	for i := range cols {
		f.widths = append(f.widths, cols[i].Width(f.Opt.Widths))
	}
	f.rows = 0
	f.lastEnded = false
	if f.Opt.Headers >= 0 {
		f.headings()
	}
}

func (f *Formatter) headings() {
	var names, dashes strings.Builder
	for i := range f.cols {
		if i > 0 {
			names.WriteString(f.Opt.ColSep)
			dashes.WriteString(f.Opt.ColSep)
		}
		name := f.cols[i].Name
		w := f.widths[i]
		n := runeLen(name)
		switch {
		case f.Opt.TrimSpaces:
			names.WriteString(name)
			dashes.WriteString(strings.Repeat("-", max(n, 1)))
		case w == 0:
			names.WriteString(name)
			dashes.WriteString(strings.Repeat("-", n))
		default:
			names.WriteString(name)
			names.WriteString(strings.Repeat(" ", max(w-n, 0)))
			dashes.WriteString(strings.Repeat("-", w))
		}
	}
	f.writeLine(f.Out, names.String())
	f.writeLine(f.Out, dashes.String())
}

// Row prints one row of rendered values (see RenderValue).
func (f *Formatter) Row(vals []string) {
	if f.Opt.Headers > 0 && f.rows > 0 && f.rows%f.Opt.Headers == 0 {
		f.writeLine(f.Out, "")
		f.headings()
	}
	f.rows++
	b := &f.line
	b.Reset()
	for i, v := range vals {
		if i > 0 {
			b.WriteString(f.Opt.ColSep)
		}
		if i >= len(f.widths) {
			b.WriteString(v)
			continue
		}
		w := f.widths[i]
		if w > 0 {
			if r := []rune(v); len(r) > w {
				v = string(r[:w])
			}
		}
		if f.Opt.TrimSpaces || w == 0 {
			b.WriteString(strings.TrimRight(v, " "))
			continue
		}
		pad := w - runeLen(v)
		if f.cols[i].rightJustified() {
			b.WriteString(strings.Repeat(" ", max(pad, 0)))
			b.WriteString(v)
		} else {
			b.WriteString(v)
			b.WriteString(strings.Repeat(" ", max(pad, 0)))
		}
	}
	f.writeLine(f.Out, b.String())
}

// EndResultSet ends a result set with sqlcmd's blank line.
func (f *Formatter) EndResultSet() {
	f.writeLine(f.Out, "")
	f.lastEnded = true
}

// RowsAffected prints "(N rows affected)" ("(1 row affected)"), after a
// blank line unless a result set just ended with one.
func (f *Formatter) RowsAffected(n int64) {
	if !f.lastEnded {
		f.writeLine(f.Out, "")
	}
	f.lastEnded = false
	if n == 1 {
		f.writeLine(f.Out, "(1 row affected)")
		return
	}
	f.writeLine(f.Out, fmt.Sprintf("(%d rows affected)", n))
}

// Message prints an informational message (PRINT, RAISERROR ≤ 10) as its
// text and an error as the "Msg …" heading followed by the text; -m and -r
// decide whether and where.
func (f *Formatter) Message(m Message) {
	f.lastEnded = false
	if m.Class <= 10 {
		w := f.Out
		if f.Opt.Redirect >= 1 {
			w = f.Err
		}
		if f.Opt.ErrorLevel < 0 {
			f.writeLine(w, m.Heading())
		}
		f.writeText(w, m.Text)
		return
	}
	if f.Opt.ErrorLevel > 0 && int(m.Class) < f.Opt.ErrorLevel {
		return
	}
	w := f.Out
	if f.Opt.Redirect >= 0 {
		w = f.Err
	}
	f.writeLine(w, m.Heading())
	f.writeText(w, m.Text)
}

// Text prints a line of sqlcmd's own (warnings, :listvar …) to stdout.
func (f *Formatter) Text(s string) {
	f.lastEnded = false
	f.writeText(f.Out, s)
}

// ErrorText prints one of sqlcmd's own error lines ("Sqlcmd: Error: …"),
// which -r sends to stderr like server errors.
func (f *Formatter) ErrorText(s string) {
	f.lastEnded = false
	w := f.Out
	if f.Opt.Redirect >= 0 {
		w = f.Err
	}
	f.writeText(w, s)
}

func (f *Formatter) writeText(w io.Writer, s string) {
	for _, l := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
		f.writeLine(w, l)
	}
}

// writeLine writes one line, wrapped at -w when set.
func (f *Formatter) writeLine(w io.Writer, s string) {
	sw := f.Opt.ScreenWidth
	if sw > 0 && runeLen(s) > sw {
		r := []rune(s)
		var b strings.Builder
		for len(r) > sw {
			b.WriteString(string(r[:sw]))
			b.WriteByte('\n')
			r = r[sw:]
		}
		b.WriteString(string(r))
		s = b.String()
	}
	io.WriteString(w, s+"\n")
}
