package sem

import (
	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/types"
)

// String built-ins not bound in funcs.go's switch.

func init() {
	register(bindPatIndex, "PATINDEX")
	register(bindStuff, "STUFF")
	register(bindConcatWS, "CONCAT_WS")
	register(bindQuoteName, "QUOTENAME")
	register(bindStr, "STR")
	register(bindTranslate, "TRANSLATE")
	register(bindSoundex, "SOUNDEX", "DIFFERENCE")
	register(bindFormat, "FORMAT")
}

// textArg rejects non-character, non-convertible arguments the way the
// string functions do (binary is accepted as varchar; date/time, numbers
// convert implicitly).
func (b *Binder) textArg(e *ast.FuncCall, name string, i int, x Expr) Expr {
	t := x.Type()
	switch {
	case isNullConst(x):
		return &Const{T: VarChar(1)}
	case IsString(t):
		return x
	case t.ID == types.XML || t.ID == types.SQLVariant || t.ID == types.Image:
		b.badArgType(e, name, i, t)
	}
	return strArg(x, false)
}

func bindPatIndex(b *Binder, s *scope, e *ast.FuncCall, name string) Expr {
	b.argCount(e, name, 2, 2)
	args := b.bindArgs(s, e)
	for i := range args {
		args[i] = b.textArg(e, name, i, args[i])
	}
	t := IntType
	if isMax(args[1].Type()) {
		t = BigIntType
	}
	return &Func{T: t, Name: name, Args: args}
}

func bindStuff(b *Binder, s *scope, e *ast.FuncCall, name string) Expr {
	b.argCount(e, name, 4, 4)
	args := b.bindArgs(s, e)
	args[0] = b.textArg(e, name, 0, args[0])
	args[3] = b.textArg(e, name, 3, args[3])
	args[1], args[2] = Conv(args[1], IntType), Conv(args[2], IntType)
	uni := IsUnicode(args[0].Type()) || IsUnicode(args[3].Type())
	n := int32(8000)
	if isMax(args[0].Type()) || isMax(args[3].Type()) {
		n = types.MaxLength
	}
	return &Func{T: b.strResult(uni, n), Name: name, Args: args}
}

func bindConcatWS(b *Binder, s *scope, e *ast.FuncCall, name string) Expr {
	if len(e.Args) < 3 || len(e.Args) > 254 {
		b.fail(e, 189, "concat_ws", 3, 254)
	}
	args := b.bindArgs(s, e)
	uni := false
	for _, a := range args {
		uni = uni || IsUnicode(a.Type())
	}
	id := types.VarChar
	if uni {
		id = types.NVarChar
	}
	// Each value may be preceded by a separator.
	var n int32
	sep := charLen(args[0].Type(), id)
	for i, a := range args[1:] {
		l := charLen(a.Type(), id)
		if l == types.MaxLength || sep == types.MaxLength || n == types.MaxLength {
			n = types.MaxLength
			continue
		}
		n += l
		if i > 0 {
			n += sep
		}
	}
	t := b.strResult(uni, n)
	ct := types.Type{ID: id, Length: types.MaxLength, Collation: t.Collation}
	for i := range args {
		args[i] = convKind(args[i], ct)
	}
	return &Func{T: t, Name: name, Args: args}
}

func bindQuoteName(b *Binder, s *scope, e *ast.FuncCall, name string) Expr {
	b.argCount(e, name, 1, 2)
	args := b.bindArgs(s, e)
	for i := range args {
		args[i] = b.textArg(e, name, i, args[i])
	}
	return &Func{T: b.strResult(true, 258), Name: name, Args: args}
}

func bindStr(b *Binder, s *scope, e *ast.FuncCall, name string) Expr {
	b.argCount(e, name, 1, 3)
	args := b.bindArgs(s, e)
	t := args[0].Type()
	if !IsNumeric(t) && !IsString(t) && !isNullConst(args[0]) {
		b.badArgType(e, name, 0, t)
	}
	args[0] = Conv(args[0], FloatType)
	n := int32(10)
	for i := 1; i < len(args); i++ {
		args[i] = Conv(args[i], IntType)
	}
	if len(args) > 1 {
		if l, ok := constInt(args[1]); ok && l > 0 && l <= 8000 {
			n = int32(l)
		} else {
			n = 8000
		}
	}
	return &Func{T: b.strResult(false, n), Name: name, Args: args}
}

func bindTranslate(b *Binder, s *scope, e *ast.FuncCall, name string) Expr {
	b.argCount(e, name, 3, 3)
	args := b.bindArgs(s, e)
	for i := range args {
		args[i] = b.textArg(e, name, i, args[i])
	}
	t := args[0].Type()
	uni := IsUnicode(t) || IsUnicode(args[1].Type()) || IsUnicode(args[2].Type())
	n := charLen(t, types.VarChar)
	if uni {
		n = charLen(t, types.NVarChar)
	}
	return &Func{T: b.strResult(uni, n), Name: name, Args: args}
}

func bindSoundex(b *Binder, s *scope, e *ast.FuncCall, name string) Expr {
	n := 1
	if name == "DIFFERENCE" {
		n = 2
	}
	b.argCount(e, name, n, n)
	args := b.bindArgs(s, e)
	for i := range args {
		args[i] = b.textArg(e, name, i, args[i])
	}
	if name == "DIFFERENCE" {
		return &Func{T: IntType, Name: name, Args: args}
	}
	return &Func{T: b.strResult(false, 4), Name: name, Args: args}
}

func bindFormat(b *Binder, s *scope, e *ast.FuncCall, name string) Expr {
	b.argCount(e, name, 2, 3)
	args := b.bindArgs(s, e)
	t := args[0].Type()
	if !IsNumeric(t) && !IsDateTime(t) && !isNullConst(args[0]) || t.ID == types.Bit {
		b.badArgType(e, name, 0, t)
	}
	for i := 1; i < len(args); i++ {
		if !IsString(args[i].Type()) && !isNullConst(args[i]) {
			b.badArgType(e, name, i, args[i].Type())
		}
		args[i] = strArg(args[i], true)
	}
	return &Func{T: b.strResult(true, 4000), Name: name, Args: args}
}

// binarySubstring is SUBSTRING over binary data: byte positions, and a
// varbinary result of the input's length.
func binarySubstring(args []Expr) Expr {
	t := args[0].Type()
	t.ID = types.VarBinary
	if t.Length == 0 {
		t.Length = 8000
	}
	return &Func{T: t, Name: "SUBSTRING_BINARY", Args: []Expr{args[0], Conv(args[1], BigIntType), Conv(args[2], BigIntType)}}
}
