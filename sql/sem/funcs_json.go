package sem

import (
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/types"
)

// JSON scalar built-ins (OPENJSON is a table source: bind_tvf.go).

func init() {
	register(bindIsJSON, "ISJSON")
	register(bindJSONValue, "JSON_VALUE", "JSON_QUERY")
	register(bindJSONModify, "JSON_MODIFY")
}

// jsonArg checks that argument i is character data (JSON text or path).
func (b *Binder) jsonArg(e *ast.FuncCall, name string, i int, x Expr) Expr {
	t := x.Type()
	if isNullConst(x) {
		return &Const{T: NVarChar(1)}
	}
	if !IsString(t) {
		b.badArgType(e, name, i, t)
	}
	return x
}

// isJSONTypes are ISJSON's json_type_constraint keywords.
var isJSONTypes = map[string]int64{"VALUE": 1, "ARRAY": 2, "OBJECT": 3, "SCALAR": 4}

func bindIsJSON(b *Binder, s *scope, e *ast.FuncCall, name string) Expr {
	b.argCount(e, name, 1, 2)
	x := b.jsonArg(e, name, 0, b.expr(s, e.Args[0]))
	args := []Expr{x}
	if len(e.Args) == 2 {
		c, ok := e.Args[1].(*ast.ColumnRef)
		if !ok || !c.Table.IsZero() {
			b.fail(e, 102, ",")
		}
		k, ok := isJSONTypes[strings.ToUpper(c.Name.Name)]
		if !ok {
			b.fail(e, 102, c.Name.Name)
		}
		args = append(args, intConst(k))
	}
	return &Func{T: IntType, Name: name, Args: args}
}

func bindJSONValue(b *Binder, s *scope, e *ast.FuncCall, name string) Expr {
	if name == "JSON_VALUE" {
		b.argCount(e, name, 2, 2)
	} else {
		b.argCount(e, name, 1, 2)
	}
	args := b.bindArgs(s, e)
	for i := range args {
		args[i] = b.jsonArg(e, name, i, args[i])
	}
	t := b.strResult(true, 4000)
	if name == "JSON_QUERY" {
		t = b.strResult(true, types.MaxLength)
	}
	return &Func{T: t, Name: name, Args: args}
}

// bindJSONModify adds a fourth, internal argument: how the new value is
// written (0 string, 1 JSON text from JSON_QUERY/JSON_MODIFY, 2 number, 3
// bit as true/false).
func bindJSONModify(b *Binder, s *scope, e *ast.FuncCall, name string) Expr {
	b.argCount(e, name, 3, 3)
	args := b.bindArgs(s, e)
	args[0] = b.jsonArg(e, name, 0, args[0])
	args[1] = b.jsonArg(e, name, 1, args[1])
	mode := int64(0)
	v := args[2]
	vt := v.Type()
	switch {
	case isNullConst(v):
		v = &Const{T: NVarChar(1)}
	case isJSONFunc(v):
		mode = 1
	case vt.ID == types.Bit:
		mode = 3
	case IsNumeric(vt):
		mode = 2
	case IsString(vt):
	default:
		v = Conv(v, NVarChar(4000))
	}
	return &Func{T: b.strResult(true, types.MaxLength), Name: name, Args: []Expr{args[0], args[1], v, intConst(mode)}}
}

// isJSONFunc reports an expression whose value is JSON text to embed as is.
func isJSONFunc(x Expr) bool {
	f, ok := x.(*Func)
	return ok && (f.Name == "JSON_QUERY" || f.Name == "JSON_MODIFY")
}
