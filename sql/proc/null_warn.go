package proc

import (
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/session"
)

// Warning 8153 "Null value is eliminated by an aggregate or other SET
// operation." (severity 10, state 1): with ANSI_WARNINGS ON SQL Server
// sends it once per statement in which an aggregate skipped a NULL,
// after the statement's rows and before its DONE ("(n rows affected)"
// follows it in sqlcmd/SSMS output). The executor reports it through
// exec.Ctx.Warn (sql/exec/null_warn.go); the statement's writer is
// wrapped so that the message precedes the DONE, and a statement that
// sends no DONE (SET @v = (SELECT SUM…), IF conditions) gets it at its
// end. A statement that fails does not send it.

// nullWarnWriter holds a statement's pending 8153 until its DONE.
type nullWarnWriter struct {
	result.Writer
	s       *Session
	line    int32
	proc    string
	pending bool
}

// nullWarnWrap wraps w for the statement whose warning target warnInto
// just set; with ANSI_WARNINGS OFF nothing can be pending and w is kept.
func (s *Session) nullWarnWrap(w result.Writer) result.Writer {
	if !s.opts.Has(session.AnsiWarnings) {
		return w
	}
	var n *nullWarnWriter
	if k := len(s.nullFree); k > 0 {
		n, s.nullFree = s.nullFree[k-1], s.nullFree[:k-1]
	} else {
		n = new(nullWarnWriter)
	}
	*n = nullWarnWriter{Writer: w, s: s, line: s.warn.line, proc: s.warn.proc}
	s.warn.nulls = n
	return n
}

// nullWarnNote is exec.Ctx.Warn(8153): the statement now owes the
// warning.
func (s *Session) nullWarnNote() {
	if n := s.warn.nulls; n != nil {
		n.pending = true
	}
}

// send writes the pending warning once.
func (n *nullWarnWriter) send() error {
	if !n.pending {
		return nil
	}
	n.pending = false
	m := msgs.NewLang(n.s.opts.Language, 8153)
	m.Line, m.Proc, m.Server = n.line, n.proc, n.s.srv.cfg.ServerName
	return n.Writer.Message(m)
}

// Done sends the pending warning before a successful statement's DONE.
func (n *nullWarnWriter) Done(d result.Done) error {
	if !d.Error {
		if err := n.send(); err != nil {
			return err
		}
	}
	return n.Writer.Done(d)
}

// Flush forwards RAISERROR … WITH NOWAIT's flush (embedding does not
// promote the optional result.Flusher).
func (n *nullWarnWriter) Flush() error { return result.Flush(n.Writer) }

// nullWarnEnd sends the warning of a successful statement that sent no
// DONE, drops it when the statement failed, and keeps the wrapper for the
// session's next statement.
func (s *Session) nullWarnEnd(w result.Writer, ok bool) error {
	n, _ := w.(*nullWarnWriter)
	if n == nil {
		return nil
	}
	var err error
	if ok {
		err = n.send()
	}
	*n = nullWarnWriter{}
	s.nullFree = append(s.nullFree, n)
	return err
}
