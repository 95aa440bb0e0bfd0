package proc

import (
	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/parser"
	"github.com/tsqld/tsqld/sql/sysobj"
)

// The catalog views show DEFAULT, CHECK and computed-column expressions in
// SQL Server's normalized form; sysobj may not import the parser, so the
// session layer supplies the renderer.
func init() {
	sysobj.CanonicalExpr = func(text string) string {
		e, err := parser.ParseExpr(text, parser.Options{})
		if err != nil {
			return ""
		}
		return ast.Canonical(e)
	}
}
