package proc

import (
	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/msgs"
)

// checkFuncBody rejects what a function body may not contain, as SQL
// Server does when the function is created: side effects on anything but
// local table variables (Msg 443) and result sets (Msg 444).
func checkFuncBody(stmts []ast.Stmt) *msgs.Error {
	for _, st := range stmts {
		if e := checkFuncStmt(st); e != nil {
			return e
		}
	}
	return nil
}

func checkFuncStmt(st ast.Stmt) *msgs.Error {
	sideEffect := func(op string) *msgs.Error {
		e := msgs.New(443, op)
		e.Line = st.NodeSpan().Line
		return e
	}
	local := func(te ast.TableExpr) bool {
		_, ok := te.(*ast.VarTable)
		return ok
	}
	switch x := st.(type) {
	case *ast.BlockStmt:
		return checkFuncBody(x.Stmts)
	case *ast.IfStmt:
		if e := checkFuncStmt(x.Then); e != nil {
			return e
		}
		if x.Else != nil {
			return checkFuncStmt(x.Else)
		}
	case *ast.WhileStmt:
		return checkFuncStmt(x.Body)
	case *ast.TryCatchStmt:
		return sideEffect("BEGIN TRY")
	case *ast.SelectStmt:
		if x.Query != nil {
			if sel, ok := x.Query.Body.(*ast.Select); ok {
				if sel.Into != nil {
					return sideEffect("SELECT INTO")
				}
				if len(sel.Items) > 0 && sel.Items[0].Var != "" {
					return nil
				}
			}
		}
		e := msgs.New(444)
		e.Line = st.NodeSpan().Line
		return e
	case *ast.InsertStmt:
		if !local(x.Target) {
			return sideEffect("INSERT")
		}
	case *ast.UpdateStmt:
		if !local(x.Target) {
			return sideEffect("UPDATE")
		}
	case *ast.DeleteStmt:
		if !local(x.Target) {
			return sideEffect("DELETE")
		}
	case *ast.PrintStmt:
		return sideEffect("PRINT")
	case *ast.RaiserrorStmt:
		return sideEffect("RAISERROR")
	case *ast.ThrowStmt:
		return sideEffect("THROW")
	case *ast.BeginTranStmt:
		return sideEffect("BEGIN TRANSACTION")
	case *ast.CommitStmt:
		return sideEffect("COMMIT TRANSACTION")
	case *ast.RollbackStmt:
		return sideEffect("ROLLBACK TRANSACTION")
	case *ast.TruncateStmt:
		return sideEffect("TRUNCATE TABLE")
	case *ast.CreateTableStmt:
		return sideEffect("CREATE TABLE")
	case *ast.SetOptionStmt:
		return sideEffect("SET ON/OFF")
	}
	return nil
}
