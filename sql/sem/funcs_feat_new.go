package sem

import (
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/types"
)

// Session functions of the procedural features: bound here, evaluated by
// the session (proc featureFunc).
const (
	// FuncUpdated is UPDATE(column) in a trigger: arg = column name.
	FuncUpdated = "\x00UPDATED"
)

func init() {
	register(bindCursorStatus, "CURSOR_STATUS")
	register(bindTriggerNestLevel, "TRIGGER_NESTLEVEL")
	register(bindColumnsUpdated, "COLUMNS_UPDATED")
	register(bindUpdated, "UPDATE")
}

func bindCursorStatus(b *Binder, s *scope, e *ast.FuncCall, name string) Expr {
	b.argCount(e, name, 2, 2)
	args := b.bindArgs(s, e)
	for i := range args {
		if !IsString(args[i].Type()) {
			args[i] = &Cast{T: NVarChar(128), X: args[i]}
		}
	}
	return &Func{T: types.Type{ID: types.SmallInt}, Name: name, Args: args}
}

func bindTriggerNestLevel(b *Binder, s *scope, e *ast.FuncCall, name string) Expr {
	b.argCount(e, name, 0, 3)
	return &Func{T: IntType, Name: name, Args: b.bindArgs(s, e)}
}

func bindColumnsUpdated(b *Binder, s *scope, e *ast.FuncCall, name string) Expr {
	b.argCount(e, name, 0, 0)
	return &Func{T: types.Type{ID: types.VarBinary, Length: 8000}, Name: name}
}

// bindUpdated binds UPDATE(column), which only triggers can use.
func bindUpdated(b *Binder, s *scope, e *ast.FuncCall, name string) Expr {
	if len(e.Args) != 1 {
		b.fail(e, 174, "update", 1)
	}
	cr, ok := e.Args[0].(*ast.ColumnRef)
	if !ok {
		b.fail(e, 102, "(")
	}
	col := cr.Name.Name
	return &Func{T: types.Type{ID: types.Bit}, Name: FuncUpdated, Args: []Expr{
		&Const{T: NVarChar(128), V: types.Value{K: types.KindString, S: strings.TrimSpace(col)}}}}
}
