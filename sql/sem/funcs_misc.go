package sem

import (
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/types"
)

// Logical, math and system built-ins not bound in funcs.go's switch.

func init() {
	register(bindChoose, "CHOOSE")
	register(bindGreatest, "GREATEST", "LEAST")
	register(bindFloatFn, "COT")
	register(bindAtn2, "ATN2")
	register(bindIsNumeric, "ISNUMERIC")
	register(bindChecksum, "CHECKSUM", "BINARY_CHECKSUM")
	register(bindHashBytes, "HASHBYTES")
	register(bindCompress, "COMPRESS", "DECOMPRESS")
	register(bindNewSeqID, "NEWSEQUENTIALID")
	register(bindContextInfo, "CONTEXT_INFO")
}

// bindContextInfo is CONTEXT_INFO(): the session's SET CONTEXT_INFO value
// (answered by the session, see proc's SessionFunc).
func bindContextInfo(b *Binder, s *scope, e *ast.FuncCall, name string) Expr {
	b.argCount(e, name, 0, 0)
	return &Func{T: types.Type{ID: types.VarBinary, Length: 128}, Name: name}
}

// bindChoose is CHOOSE(i, v1, v2, …): SQL Server expands it to a CASE on i,
// so only the chosen value is evaluated.
func bindChoose(b *Binder, s *scope, e *ast.FuncCall, name string) Expr {
	if len(e.Args) < 2 {
		b.fail(e, 189, "choose", 2, 254)
	}
	args := b.bindArgs(s, e)
	idx := args[0]
	if !IsNumeric(idx.Type()) && !IsString(idx.Type()) && !isNullConst(idx) {
		b.badArgType(e, name, 0, idx.Type())
	}
	idx = Conv(idx, IntType)
	t := unionNonNull(args[1:])
	c := &Case{T: t}
	for i, a := range args[1:] {
		c.Whens = append(c.Whens, CaseWhen{Cond: &Compare{CmpT: IntType, Op: ast.OpEq, L: idx, R: intConst(int64(i + 1))}, Result: Conv(a, t)})
	}
	return c
}

// bindGreatest is GREATEST/LEAST: the arguments convert to the type of
// highest precedence; NULLs are ignored.
func bindGreatest(b *Binder, s *scope, e *ast.FuncCall, name string) Expr {
	if len(e.Args) < 1 || len(e.Args) > 254 {
		b.fail(e, 189, name, 1, 254)
	}
	args := b.bindArgs(s, e)
	for i, a := range args {
		at := a.Type()
		switch at.ID {
		case types.Text, types.NText, types.Image, types.XML, types.SQLVariant:
			b.badArgType(e, name, i, at)
		}
		if isMax(at) {
			b.badArgType(e, name, i, at)
		}
	}
	t := unionNonNull(args)
	if IsString(t) && t.Collation.Name == "" {
		t.Collation = b.env.DefaultCollation()
	}
	for i := range args {
		args[i] = Conv(args[i], t)
	}
	return &Func{T: t, Name: name, Args: args}
}

func bindFloatFn(b *Binder, s *scope, e *ast.FuncCall, name string) Expr {
	b.argCount(e, name, 1, 1)
	args := b.bindArgs(s, e)
	return &Func{T: FloatType, Name: name, Args: []Expr{convKind(args[0], FloatType)}}
}

func bindAtn2(b *Binder, s *scope, e *ast.FuncCall, name string) Expr {
	b.argCount(e, name, 2, 2)
	args := b.bindArgs(s, e)
	return &Func{T: FloatType, Name: name, Args: []Expr{convKind(args[0], FloatType), convKind(args[1], FloatType)}}
}

func bindIsNumeric(b *Binder, s *scope, e *ast.FuncCall, name string) Expr {
	b.argCount(e, name, 1, 1)
	args := b.bindArgs(s, e)
	return &Func{T: IntType, Name: name, Args: args}
}

// bindChecksum accepts CHECKSUM(*) too: the star expands to the columns
// of the FROM clause.
func bindChecksum(b *Binder, s *scope, e *ast.FuncCall, name string) Expr {
	if len(e.Args) == 0 {
		b.fail(e, 174, "checksum", 1)
	}
	var args []Expr
	for _, a := range e.Args {
		if st, ok := a.(*ast.Star); ok && st.Table.IsZero() {
			for i, c := range s.row() {
				args = append(args, &ColRef{T: c.Type, Idx: i, Name: c.Name})
			}
			continue
		}
		args = append(args, b.expr(s, a))
	}
	for i, a := range args {
		switch a.Type().ID {
		case types.Text, types.NText, types.Image, types.XML:
			b.badArgType(e, name, i, a.Type())
		}
	}
	return &Func{T: IntType, Name: name, Args: args}
}

func bindHashBytes(b *Binder, s *scope, e *ast.FuncCall, name string) Expr {
	b.argCount(e, name, 2, 2)
	args := b.bindArgs(s, e)
	t := args[1].Type()
	if !IsString(t) && !IsBinary(t) && !isNullConst(args[1]) {
		b.badArgType(e, name, 1, t)
	}
	args[0] = strArg(args[0], false)
	return &Func{T: types.Type{ID: types.VarBinary, Length: 8000}, Name: name, Args: args}
}

func bindCompress(b *Binder, s *scope, e *ast.FuncCall, name string) Expr {
	b.argCount(e, name, 1, 1)
	args := b.bindArgs(s, e)
	t := args[0].Type()
	if !IsString(t) && !IsBinary(t) && !isNullConst(args[0]) {
		b.badArgType(e, name, 0, t)
	}
	return &Func{T: types.Type{ID: types.VarBinary, Length: types.MaxLength}, Name: name, Args: args}
}

// newSequentialID is NEWSEQUENTIALID() where it is allowed: as the whole
// of a column DEFAULT, which sessions bind with BindExpr.
var newSequentialID = &Func{T: types.Type{ID: types.UniqueIdentifier}, Name: "NEWSEQUENTIALID"}

func isNewSequentialID(e ast.Expr) bool {
	for {
		p, ok := e.(*ast.ParenExpr)
		if !ok {
			break
		}
		e = p.X
	}
	f, ok := e.(*ast.FuncCall)
	return ok && f.Name.Schema.Name == "" && strings.EqualFold(f.Name.Name.Name, "NEWSEQUENTIALID") && len(f.Args) == 0
}

func bindNewSeqID(b *Binder, s *scope, e *ast.FuncCall, name string) Expr {
	b.failText(e, 302, "The newsequentialid() built-in function can only be used in a DEFAULT expression for a column of type 'uniqueidentifier' in a CREATE TABLE or ALTER TABLE statement. It cannot be combined with other operators to form a complex scalar expression.")
	return nil
}

// unionNonNull is the type of highest precedence among args, ignoring
// untyped NULL literals (int when every argument is NULL).
func unionNonNull(args []Expr) types.Type {
	var t types.Type
	for _, a := range args {
		if !isNullConst(a) {
			t = UnionType(t, a.Type())
		}
	}
	if t.ID == 0 {
		return IntType
	}
	return t
}
