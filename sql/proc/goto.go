package proc

import (
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/msgs"
)

// findLabel returns the index of label's declaration in list, or -1. A
// GOTO signal climbs the enclosing statement lists until one declares it.
func findLabel(list []ast.Stmt, label string) int {
	for i, st := range list {
		if l, ok := st.(*ast.LabelStmt); ok && strings.EqualFold(l.Label.Name, label) {
			return i
		}
	}
	return -1
}

// gotoCheck is the compile-time check SQL Server makes on a batch or
// module: every GOTO names a label declared somewhere in it (Msg 133).
func gotoCheck(stmts []ast.Stmt) *msgs.Error {
	labels := map[string]bool{}
	var gotos []*ast.GotoStmt
	var walk func(list []ast.Stmt)
	var one func(st ast.Stmt)
	one = func(st ast.Stmt) {
		switch x := st.(type) {
		case *ast.LabelStmt:
			labels[strings.ToLower(x.Label.Name)] = true
		case *ast.GotoStmt:
			gotos = append(gotos, x)
		case *ast.BlockStmt:
			walk(x.Stmts)
		case *ast.IfStmt:
			one(x.Then)
			if x.Else != nil {
				one(x.Else)
			}
		case *ast.WhileStmt:
			one(x.Body)
		case *ast.TryCatchStmt:
			walk(x.Try)
			walk(x.Catch)
		}
	}
	walk = func(list []ast.Stmt) {
		for _, st := range list {
			one(st)
		}
	}
	walk(stmts)
	for _, g := range gotos {
		if !labels[strings.ToLower(g.Label.Name)] {
			return msgs.New(133, g.Label.Name).WithLine(g.Span.Line)
		}
	}
	return nil
}

// inTry reports whether an error now goes to a CATCH block: a TRY of this
// scope or of a caller (EXEC, sp_executesql, dynamic SQL) is open.
func (s *Session) inTry(rc *runCtx) bool { return rc.tryDepth > 0 || s.tryNest > 0 }
