package sem

import (
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/types"
)

// builtinBinder binds one built-in function call (name is upper case). It
// receives the raw call because some functions take non-expression
// arguments (DATEADD's datepart).
type builtinBinder func(b *Binder, s *scope, e *ast.FuncCall, name string) Expr

// builtins holds the functions bound outside funcCall's switch, one file
// per family (funcs_string.go, funcs_date.go, …). Filled by init so the
// family files stay independent.
var builtins = map[string]builtinBinder{}

func register(f builtinBinder, names ...string) {
	for _, n := range names {
		builtins[n] = f
	}
}

// builtin binds e when it names a registered built-in.
func (b *Binder) builtin(s *scope, e *ast.FuncCall, name string) (Expr, bool) {
	if e.Name.Schema.Name != "" {
		return nil, false
	}
	f, ok := builtins[name]
	if !ok {
		return nil, false
	}
	return f(b, s, e, name), true
}

// bindArgs binds every argument of e.
func (b *Binder) bindArgs(s *scope, e *ast.FuncCall) []Expr {
	args := make([]Expr, len(e.Args))
	for i, a := range e.Args {
		args[i] = b.expr(s, a)
	}
	return args
}

// argCount fails with Msg 174 unless lo <= n <= hi (SQL Server names the
// lower bound in the message).
func (b *Binder) argCount(e *ast.FuncCall, name string, lo, hi int) {
	if len(e.Args) < lo || len(e.Args) > hi {
		b.fail(e, 174, strings.ToLower(name), lo)
	}
}

// failText fails with a message the catalogue may not hold yet: the
// catalogue's text when present, else SQL Server's text given here.
func (b *Binder) failText(n ast.Node, number int32, text string, args ...any) {
	panic(bindErr{b.errText(n, number, text, args...)})
}

func (b *Binder) errText(n ast.Node, number int32, text string, args ...any) *msgs.Error {
	if msgs.Text("us_english", number) != "" {
		return b.err(n, number, args...)
	}
	e := &msgs.Error{Number: number, Severity: 16, State: 1, Text: msgs.Format(text, args...), Line: b.Line}
	if n != nil {
		if sp := n.NodeSpan(); sp.Line > 0 {
			e.Line = sp.Line
		}
	}
	return e
}

// badArgType is Msg 8116 for argument i (0-based) of name.
func (b *Binder) badArgType(e *ast.FuncCall, name string, i int, t types.Type) {
	b.fail(e, 8116, typeName(t), i+1, strings.ToLower(name))
}

// isNullConst reports an untyped NULL literal.
func isNullConst(x Expr) bool {
	c, ok := x.(*Const)
	return ok && c.V.K == types.KindNull
}

// intConst is an int constant (internal arguments such as a datepart).
func intConst(n int64) *Const {
	return &Const{T: IntType, V: types.Value{K: types.KindInt, I: n}}
}

// constInt evaluates x when it is an integer constant (possibly negated).
func constInt(x Expr) (int64, bool) {
	switch c := x.(type) {
	case *Const:
		switch c.V.K {
		case types.KindInt, types.KindBool:
			return c.V.I, true
		}
	case *Unary:
		if c.Op == ast.OpNeg {
			if n, ok := constInt(c.X); ok {
				return -n, true
			}
		}
	case *Cast:
		if IsInteger(c.T) {
			return constInt(c.X)
		}
	}
	return 0, false
}

// strArg converts a non-character argument to varchar/nvarchar as string
// functions do implicitly; character arguments are kept.
func strArg(x Expr, unicode bool) Expr {
	t := x.Type()
	if IsString(t) {
		return x
	}
	if unicode {
		return Conv(x, NVarChar(4000))
	}
	return Conv(x, VarChar(8000))
}

// strResult is a varchar/nvarchar result type of length n (capped at the
// type's maximum unless n is max) in the database collation.
func (b *Binder) strResult(unicode bool, n int32) types.Type {
	t := VarChar(n)
	if unicode {
		t.ID = types.NVarChar
	}
	if n != types.MaxLength && n > maxLen(t.ID) {
		t.Length = maxLen(t.ID)
	}
	t.Collation = b.env.DefaultCollation()
	return t
}

// isMax reports a (max) string or binary type.
func isMax(t types.Type) bool {
	return t.Length == types.MaxLength || t.ID == types.Text || t.ID == types.NText || t.ID == types.Image
}
