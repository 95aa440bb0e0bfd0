package sem

import "github.com/tsqld/tsqld/sql/ast"

// isNullLiteral reports whether x is the bare NULL keyword (possibly in
// parentheses). SQL Server types it int, yet CAST(NULL AS date) and
// CONVERT(uniqueidentifier, NULL) are allowed: the NULL constant converts
// to every type, so a cast of it is a typed NULL constant.
func isNullLiteral(x ast.Expr) bool {
	for {
		switch e := x.(type) {
		case *ast.Literal:
			return e.Kind == ast.LitNull
		case *ast.ParenExpr:
			x = e.X
		default:
			return false
		}
	}
}
