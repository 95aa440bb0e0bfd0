package proc

import (
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/session"
)

// warnTarget is where the running statement's informational warnings go.
type warnTarget struct {
	w    result.Writer
	line int32
	proc string
	// nulls holds the statement's pending warning 8153 (null_warn.go).
	nulls *nullWarnWriter
}

// warnInto directs warnings to w for the statement at line and returns
// the previous target (a procedure's statements nest inside the EXEC).
func (s *Session) warnInto(w result.Writer, line int32, rc *runCtx) warnTarget {
	prev := s.warn
	s.warn = warnTarget{w: w, line: line, proc: rc.procName}
	return prev
}

// arithWarning is exec.Ctx.Warn: it sends a severity-10 message at the
// point the executor met the condition (between the rows, like SQL Server).
func (s *Session) arithWarning(number int32) {
	if number == 8153 { // sent before the statement's DONE (null_warn.go)
		s.nullWarnNote()
		return
	}
	t := s.warn
	if t.w == nil {
		return
	}
	m := msgs.New(number)
	m.Line, m.Proc, m.Server = t.line, t.proc, s.srv.cfg.ServerName
	_ = t.w.Message(m) // a failed write surfaces on the next row
}

// arithAbort applies ARITHABORT ON with ANSI_WARNINGS OFF: an arithmetic
// error (divide by zero, overflow) ends the batch and rolls back the
// transaction instead of only the statement.
func (s *Session) arithAbort(serr *stmtError) {
	if serr == nil || serr.e == nil || serr.kind != errStmt ||
		!s.opts.Has(session.ArithAbort) || s.opts.Has(session.AnsiWarnings) {
		return
	}
	switch serr.e.Number {
	case 8134, 8115, 220, 232:
		serr.kind = errTxn
	}
}

// flushNowait flushes the writer after fail() sent the error of a
// RAISERROR … WITH NOWAIT (severity 11+), as for informational ones.
func (s *Session) flushNowait(e *msgs.Error, w result.Writer) error {
	if s.nowait == nil || s.nowait != e {
		return nil
	}
	s.nowait = nil
	return result.Flush(w)
}
