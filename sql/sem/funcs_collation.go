package sem

import (
	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/types"
)

// COLLATIONPROPERTY is a pure function of its arguments (evaluated in
// exec/funcs_collation.go from the collation catalogue).
func init() {
	register(bindCollationProperty, "COLLATIONPROPERTY")
}

// bindCollationProperty is COLLATIONPROPERTY(collation_name, property):
// sql_variant (int base type), NULL for an unknown name or property.
func bindCollationProperty(b *Binder, s *scope, e *ast.FuncCall, name string) Expr {
	b.argCount(e, name, 2, 2)
	args := b.bindArgs(s, e)
	for i := range args {
		args[i] = strArg(args[i], true)
	}
	return &Func{T: types.Type{ID: types.SQLVariant}, Name: name, Args: args}
}
