package proc

import (
	"context"
	"strconv"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/session"
	"github.com/tsqld/tsqld/sql/types"
)

// dbccStmt runs the DBCC commands tsqld implements: USEROPTIONS (the
// session's SET options as a result set). Others are not supported.
func (s *Session) dbccStmt(ctx context.Context, x *ast.DbccStmt, w result.Writer, rc *runCtx) (*stmtError, error) {
	if x.Command != "USEROPTIONS" {
		return msgErr(40517, "Dbcc"), nil
	}
	o := &s.opts
	rows := [][2]string{
		{"textsize", strconv.Itoa(int(o.TextSize))},
		{"language", o.Language},
		{"dateformat", o.DateFormat},
		{"datefirst", strconv.Itoa(int(o.DateFirst))},
		{"lock_timeout", strconv.Itoa(int(o.LockTimeout))},
	}
	for _, f := range []struct {
		name string
		flag session.Flag
	}{
		{"quoted_identifier", session.QuotedIdentifier}, {"arithabort", session.ArithAbort},
		{"ansi_null_dflt_on", session.AnsiNullDfltOn}, {"ansi_warnings", session.AnsiWarnings},
		{"ansi_padding", session.AnsiPadding}, {"ansi_nulls", session.AnsiNulls},
		{"concat_null_yields_null", session.ConcatNullYieldsNull}, {"xact_abort", session.XactAbort},
		{"nocount", session.NoCount}, {"implicit_transactions", session.ImplicitTransactions},
		{"arithignore", session.ArithIgnore}, {"numeric_roundabort", session.NumericRoundAbort},
		{"cursor_close_on_commit", session.CursorCloseOnCommit}, {"ansi_null_dflt_off", session.AnsiNullDfltOff},
	} {
		if o.Has(f.flag) {
			rows = append(rows, [2]string{f.name, "SET"})
		}
	}
	iso := map[session.Isolation]string{session.ReadUncommitted: "read uncommitted", session.ReadCommitted: "read committed",
		session.RepeatableRead: "repeatable read", session.Serializable: "serializable", session.Snapshot: "snapshot"}[o.Isolation]
	rows = append(rows, [2]string{"isolation level", iso})
	cols := []result.Column{{Name: "Set Option", Type: sem.NVarChar(128)}, {Name: "Value", Type: sem.NVarChar(128)}}
	if err := w.Columns(cols); err != nil {
		return nil, err
	}
	row := make([]types.Value, 2)
	for _, r := range rows {
		row[0] = types.Value{K: types.KindString, S: r[0]}
		row[1] = types.Value{K: types.KindString, S: r[1]}
		if err := w.Row(row); err != nil {
			return nil, err
		}
	}
	if err := s.done(w, rc, result.CmdSelect, int64(len(rows))); err != nil {
		return nil, err
	}
	m := msgs.New(2528)
	m.Server, m.Proc = s.srv.cfg.ServerName, rc.procName
	return nil, w.Message(m)
}
