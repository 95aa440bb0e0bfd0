package sem

import (
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/types"
)

// Names of the session-evaluated functions the procedural features bind
// to (exec hands them to Session.SessionFunc). The NUL prefix keeps them
// out of the T-SQL name space.
const (
	// FuncNextValue: args = database id, sequence object id.
	FuncNextValue = "\x00NEXTVAL"
	// FuncUDF: args = database id, function object id, bitmask of the
	// parameters passed as DEFAULT, then the arguments converted to the
	// parameter types.
	FuncUDF = "\x00UDF"
)

// UserFuncs is implemented by environments that can run user-defined
// functions: it reports a scalar function's signature.
type UserFuncs interface {
	// ScalarSignature returns the parameter types (with whether each has
	// a default) and the return type of a scalar function object.
	ScalarSignature(o *catalog.Object) (params []types.Type, hasDefault []bool, ret types.Type, err *msgs.Error)
}

// userFunc binds a call of a schema-qualified scalar UDF; ok=false when
// the name is not a user function (built-ins take over).
func (b *Binder) userFunc(s *scope, e *ast.FuncCall) (Expr, bool) {
	if e.Name.Schema.Name == "" {
		return nil, false
	}
	d, o := b.LookupObject(&e.Name)
	if o == nil {
		if e.Name.Database.Name == "" && !strings.EqualFold(e.Name.Schema.Name, "sys") {
			// A schema-qualified name is never a built-in.
			b.fail(e, 4121, e.Name.Schema.Name, e.Name.Schema.Name+"."+e.Name.Name.Name)
		}
		return nil, false
	}
	if o.Kind == catalog.KindInlineTVF || o.Kind == catalog.KindTableFunc {
		// A table-valued function used as a scalar.
		b.fail(e, 4121, o.Schema, o.Schema+"."+o.Name)
	}
	if o.Kind != catalog.KindScalarFunc {
		return nil, false
	}
	uf, ok := b.env.(UserFuncs)
	if !ok {
		return nil, false
	}
	params, hasDef, ret, err := uf.ScalarSignature(o)
	if err != nil {
		panic(bindErr{err})
	}
	if len(e.Args) > len(params) {
		b.fail(e, 8144, o.Name)
	}
	args := make([]Expr, 0, 3+len(params))
	mask := &Const{T: BigIntType, V: types.Value{K: types.KindInt}}
	args = append(args, &Const{T: IntType, V: types.Value{K: types.KindInt, I: int64(d.ID)}},
		&Const{T: IntType, V: types.Value{K: types.KindInt, I: int64(o.ID)}}, mask)
	for i, pt := range params {
		if i >= len(e.Args) {
			// Omitted arguments are an error even with defaults (the
			// DEFAULT keyword is required for scalar functions).
			b.fail(e, 313, o.Name)
		}
		if _, isDef := e.Args[i].(*ast.DefaultExpr); isDef {
			if !hasDef[i] {
				b.fail(e, 313, o.Name)
			}
			// The mask tells the session to use the parameter's default.
			mask.V.I |= 1 << uint(i)
			args = append(args, &Const{T: pt, V: types.Value{K: types.KindNull}})
			continue
		}
		args = append(args, Conv(b.expr(s, e.Args[i]), pt))
	}
	return &Func{T: ret, Name: FuncUDF, Args: args}, true
}

// nextValue binds NEXT VALUE FOR seq.
func (b *Binder) nextValue(e *ast.NextValueExpr) Expr {
	d, o := b.LookupObject(&e.Seq)
	if o == nil || o.Kind != catalog.KindSequence || o.Sequence == nil {
		b.fail(e, 208, fullName(&e.Seq))
	}
	t := types.Type{ID: types.TypeID(o.Sequence.TypeID)}
	if t.ID == types.Decimal || t.ID == types.Numeric {
		t.Precision = o.Sequence.Precision
	}
	return &Func{T: t, Name: FuncNextValue, Args: []Expr{
		&Const{T: IntType, V: types.Value{K: types.KindInt, I: int64(d.ID)}},
		&Const{T: IntType, V: types.Value{K: types.KindInt, I: int64(o.ID)}}}}
}

// UserTableFuncs is implemented by environments that can run
// table-valued user functions.
type UserTableFuncs interface {
	// TableSignature returns the parameter types and result columns of an
	// inline or multi-statement table-valued function.
	TableSignature(o *catalog.Object) (params []types.Type, hasDefault []bool, cols []Column, err *msgs.Error)
}

// userTableFunc binds schema.f(args) in FROM when f is a table-valued
// user function: a TableFunc named FuncUDF whose first two arguments
// identify the function (exec hands it to the session).
func (b *Binder) userTableFunc(s *scope, te *ast.FuncTable) (Rel, bool) {
	if te.Call == nil {
		return nil, false
	}
	e := te.Call
	d, o := b.LookupObject(&e.Name)
	if o == nil && e.Name.Schema.Name == "" {
		return nil, false
	}
	if o == nil {
		b.fail(te, 208, fullName(&e.Name))
	}
	if o.Kind != catalog.KindInlineTVF && o.Kind != catalog.KindTableFunc {
		if o.Kind == catalog.KindScalarFunc {
			b.fail(te, 208, fullName(&e.Name))
		}
		return nil, false
	}
	uf, ok := b.env.(UserTableFuncs)
	if !ok {
		return nil, false
	}
	params, hasDef, cols, err := uf.TableSignature(o)
	if err != nil {
		panic(bindErr{err})
	}
	if len(e.Args) > len(params) {
		b.fail(e, 8144, o.Name)
	}
	mask := &Const{T: BigIntType, V: types.Value{K: types.KindInt}}
	args := []Expr{&Const{T: IntType, V: types.Value{K: types.KindInt, I: int64(d.ID)}},
		&Const{T: IntType, V: types.Value{K: types.KindInt, I: int64(o.ID)}}, mask}
	for i, pt := range params {
		if i >= len(e.Args) {
			b.fail(e, 216, o.Name)
		}
		if _, isDef := e.Args[i].(*ast.DefaultExpr); isDef {
			if !hasDef[i] {
				b.fail(e, 216, o.Name)
			}
			mask.V.I |= 1 << uint(i)
			args = append(args, &Const{T: pt, V: types.Value{K: types.KindNull}})
			continue
		}
		args = append(args, Conv(b.expr(&scope{parent: s.parent}, e.Args[i]), pt))
	}
	out := make([]Column, len(cols))
	copy(out, cols)
	r := &TableFunc{Name: FuncUDF, Args: args, Out: out}
	alias := te.Alias.Name
	if alias == "" {
		alias = o.Name
	}
	return b.aliasRel(s, te, r, alias, te.Columns), true
}
