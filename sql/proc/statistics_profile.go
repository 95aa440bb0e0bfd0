package proc

import (
	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/exec"
	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/session"
	"github.com/tsqld/tsqld/sql/types"
)

// SET STATISTICS PROFILE: after a query statement's results, a result set
// with its plan (the SHOWPLAN_ALL columns) preceded by the actual Rows and
// Executes of each operator, counted while the statement ran
// (exec.Profile). The plan shown is the tree that ran, not a new binding.
// Operators whose counts are not their own (the index seek below a row
// lookup) and the row-modifying operator of INSERT/UPDATE/DELETE show the
// statement's row count or NULL; estimates are NULL as in SHOWPLAN_ALL.

var profileCols = append([]result.Column{
	{Name: "Rows", Type: sem.BigIntType, Nullable: true},
	{Name: "Executes", Type: sem.BigIntType, Nullable: true},
}, showAllCols...)

// profiled reports the statements STATISTICS PROFILE reports on.
func profiled(st ast.Node) bool {
	switch x := st.(type) {
	case *ast.SelectStmt:
		if sel, ok := x.Query.Body.(*ast.Select); ok && len(sel.Items) > 0 && sel.Items[0].Var != "" {
			return false // assignments return no result set
		}
		return true
	case *ast.InsertStmt, *ast.UpdateStmt, *ast.DeleteStmt:
		return true
	}
	return false
}

func (s *Session) sendProfile(st ast.Node, prof *exec.Profile, w result.Writer, rc *runCtx) error {
	rows, serr := s.compileStmt(s.ctx, st, rc, prof.Root)
	if serr != nil || rows == nil {
		return nil // nothing ran that a plan could describe
	}
	if err := w.Columns(profileCols); err != nil {
		return err
	}
	text := stmtText(st, rc)
	null := types.Null
	big := func(n int64) types.Value { return types.Value{K: types.KindInt, I: n} }
	stmt := []types.Value{big(s.rowCount), big(1), nstr(text), nint(1), nint(1), nint(0), null, null, null, null,
		null, null, null, null, null, null, null, nstr(stmtType(st, text)), null, null}
	if err := w.Row(stmt); err != nil {
		return err
	}
	for _, r := range rows {
		n, ex := null, null
		if r.Rel != nil {
			if os, ok := prof.Stats(r.Rel); ok {
				n, ex = big(os.Rows), big(os.Executes)
			} else {
				n, ex = big(0), big(0) // never ran (an empty outer input)
			}
		} else if r.Parent == 0 {
			n, ex = big(s.rowCount), big(1) // the INSERT/UPDATE/DELETE operator
		}
		row := []types.Value{n, ex, nstr(r.Text), nint(1), nint(r.NodeID + 1), nint(r.Parent + 1),
			nstr(r.Physical), nstr(r.Logical), nstr(r.Argument), nstr(r.Defined),
			null, null, null, null, null, nstr(r.OutputList), null, nstr("PLAN_ROW"),
			{K: types.KindBool, I: 0}, null}
		if err := w.Row(row); err != nil {
			return err
		}
	}
	return w.Done(result.Done{Cmd: result.CmdSelect, Count: int64(len(rows) + 1), HasCount: !s.opts.Has(session.NoCount), InProc: rc.inProc})
}
