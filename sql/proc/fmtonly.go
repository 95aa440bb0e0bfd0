package proc

import (
	"context"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/result"
)

// SET FMTONLY ON: statements are compiled, not executed. A SELECT returns
// its column metadata and no rows (what drivers use it for: go-mssqldb's
// bulk copy runs "SET FMTONLY ON select * from t SET FMTONLY OFF" to learn
// the destination's columns); statements that change data or the schema
// do nothing. SET statements still apply, so FMTONLY OFF works.

// fmtOnlyStmt handles st under FMTONLY; handled is false for statements
// that run normally (SET, DECLARE, control flow).
func (s *Session) fmtOnlyStmt(ctx context.Context, st ast.Node, w result.Writer, rc *runCtx) (handled bool, serr *stmtError, err error) {
	switch x := st.(type) {
	case *ast.SelectStmt:
		if sel, ok := x.Query.Body.(*ast.Select); ok && ((len(sel.Items) > 0 && sel.Items[0].Var != "") || sel.Into != nil) {
			return true, nil, w.Done(result.Done{Cmd: result.CmdSelect, InProc: rc.inProc})
		}
		bq, serr := s.bindQuery(x.Query, x, x.Span.Line, rc)
		if serr != nil {
			return true, serr, nil
		}
		if err := w.Columns(bq.cols); err != nil {
			return true, nil, err
		}
		return true, nil, w.Done(result.Done{Cmd: result.CmdSelect, InProc: rc.inProc})
	case *ast.InsertStmt, *ast.UpdateStmt, *ast.DeleteStmt, *ast.MergeStmt, *ast.TruncateStmt,
		*ast.CreateTableStmt, *ast.CreateIndexStmt, *ast.AlterTableStmt, *ast.DropIndexStmt, *ast.DropStmt,
		*ast.CreateViewStmt, *ast.CreateProcStmt, *ast.ExecStmt:
		return true, nil, w.Done(result.Done{Cmd: result.CmdNone, InProc: rc.inProc})
	}
	return false, nil, nil
}
