package proc

import "github.com/tsqld/tsqld/sql/ast"

// readOnlyInDoomed reports statements SQL Server still runs in a doomed
// transaction (XACT_STATE() = -1): reads and session-local work that
// writes nothing to the log. Everything else fails with 3930.
func readOnlyInDoomed(st ast.Node) bool {
	switch x := st.(type) {
	case *ast.SelectStmt:
		if x.Query != nil {
			if sel, ok := x.Query.Body.(*ast.Select); ok && sel.Into != nil {
				return false
			}
		}
		return true
	case *exprStmt, *ast.DeclareStmt, *ast.SetVarStmt, *ast.SetOptionStmt, *ast.PrintStmt,
		*ast.RaiserrorStmt, *ast.ThrowStmt, *ast.WaitForStmt, *ast.ExecStmt, *ast.SetIsolationStmt:
		return true
	}
	return false
}
