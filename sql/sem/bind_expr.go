package sem

import (
	"encoding/hex"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/cockroachdb/apd/v3"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/types"
)

// Conv wraps e in an implicit conversion to t when the runtime kinds or
// declared types differ in a way the executor must see.
func Conv(e Expr, t types.Type) Expr {
	et := e.Type()
	if et.ID == t.ID && et.Length == t.Length && et.Precision == t.Precision && et.Scale == t.Scale {
		return e
	}
	if c, ok := e.(*Const); ok && c.V.K == types.KindNull {
		return &Const{T: t}
	}
	return &Cast{T: t, X: e}
}

// convKind converts only when the value representation differs (numbers
// of one family share a representation, strings of any length too).
func convKind(e Expr, t types.Type) Expr {
	et := e.Type()
	if kindOf(et.ID) == kindOf(t.ID) && !(IsDecimal(t) && !IsDecimal(et)) {
		if !(IsString(t) && !IsString(et)) {
			return e
		}
	}
	return &Cast{T: t, X: e}
}

func kindOf(id types.TypeID) types.Kind {
	switch id {
	case types.Bit:
		return types.KindBool
	case types.TinyInt, types.SmallInt, types.Int, types.BigInt:
		return types.KindInt
	case types.Float, types.Real:
		return types.KindFloat
	case types.Decimal, types.Numeric:
		return types.KindDecimal
	case types.Money, types.SmallMoney:
		return types.KindMoney
	case types.Char, types.VarChar, types.NChar, types.NVarChar, types.Text, types.NText, types.XML:
		return types.KindString
	case types.Binary, types.VarBinary, types.Image, types.Timestamp:
		return types.KindBytes
	case types.UniqueIdentifier:
		return types.KindGUID
	case types.Date, types.Time, types.DateTime, types.DateTime2, types.SmallDateTime, types.DateTimeOffset:
		return types.KindDateTime
	case types.SQLVariant:
		return types.KindVariant
	}
	return types.KindNull
}

// KindOf is the runtime representation of values of type id.
func KindOf(id types.TypeID) types.Kind { return kindOf(id) }

// Literal binds a literal to its SQL Server type and value.
func (b *Binder) Literal(l *ast.Literal) *Const {
	switch l.Kind {
	case ast.LitNull:
		return &Const{T: IntType}
	case ast.LitInt:
		n, err := strconv.ParseInt(l.Val, 10, 64)
		if err == nil && n >= -2147483648 && n <= 2147483647 {
			return &Const{T: IntType, V: types.Value{K: types.KindInt, I: n}}
		}
		fallthrough
	case ast.LitDecimal:
		v := types.Value{K: types.KindDecimal}
		if _, _, err := v.Dec.SetString(l.Val); err != nil {
			b.fail(l, 102, l.Text)
		}
		p, s := decimalDigits(l.Val)
		if p > 38 {
			// Too many digits for numeric(38): SQL Server reads it as float.
			f, _ := strconv.ParseFloat(l.Val, 64)
			return &Const{T: FloatType, V: types.Value{K: types.KindFloat, F: f}}
		}
		return &Const{T: DecimalType(uint8(p), uint8(s)), V: v}
	case ast.LitFloat:
		f, err := strconv.ParseFloat(l.Val, 64)
		if err != nil {
			b.fail(l, 102, l.Text)
		}
		return &Const{T: FloatType, V: types.Value{K: types.KindFloat, F: f}}
	case ast.LitMoney:
		var d apd.Decimal
		if _, _, err := d.SetString(l.Val); err != nil {
			b.fail(l, 102, l.Text)
		}
		d.Exponent += 4
		var i apd.Decimal
		apd.BaseContext.WithPrecision(40).Quantize(&i, &d, 0)
		n, err := i.Int64()
		if err != nil {
			b.fail(l, 8115, "expression", "money")
		}
		return &Const{T: MoneyType, V: types.Value{K: types.KindMoney, I: n}}
	case ast.LitString:
		n := int32(len(l.Val))
		if n == 0 {
			n = 1
		}
		if n > 8000 {
			n = types.MaxLength
		}
		t := VarChar(n)
		t.Collation = b.env.DefaultCollation()
		return &Const{T: t, V: types.Value{K: types.KindString, S: l.Val}}
	case ast.LitNString:
		n := int32(len(utf16.Encode([]rune(l.Val))))
		if n == 0 {
			n = 1
		}
		if n > 4000 {
			n = types.MaxLength
		}
		t := NVarChar(n)
		t.Collation = b.env.DefaultCollation()
		return &Const{T: t, V: types.Value{K: types.KindString, S: l.Val}}
	case ast.LitBinary:
		s := l.Val
		if len(s)%2 == 1 {
			s = "0" + s
		}
		bs, err := hex.DecodeString(s)
		if err != nil {
			b.fail(l, 102, l.Text)
		}
		n := int32(len(bs))
		if n == 0 {
			n = 1
		}
		return &Const{T: types.Type{ID: types.VarBinary, Length: n}, V: types.Value{K: types.KindBytes, B: bs}}
	}
	b.fail(l, 102, l.Text)
	return nil
}

// decimalDigits returns the precision and scale SQL Server gives a decimal
// literal: all digits except leading zeros of the integral part, at least
// the scale, at least 1.
func decimalDigits(s string) (p, sc int) {
	s = strings.TrimLeft(s, "+-")
	intPart, frac, _ := strings.Cut(s, ".")
	intPart = strings.TrimLeft(intPart, "0")
	sc = len(frac)
	p = len(intPart) + sc
	if p == 0 {
		p = 1
	}
	return p, sc
}

func (b *Binder) expr(s *scope, e ast.Expr) Expr {
	switch e := e.(type) {
	case *ast.Literal:
		return b.Literal(e)
	case *ast.ParenExpr:
		return b.expr(s, e.X)
	case *ast.MethodCall:
		if r, ok := b.udtMethodCall(s, e); ok { // bind_udt.go
			return r
		}
		return b.methodCall(s, e)
	case *ast.StaticMethodCall:
		return b.staticMethodCall(s, e)
	case *ast.PropertyRef:
		return b.propertyRef(s, e)
	case *ast.ColumnRef:
		return b.column(s, e)
	case *ast.VarRef:
		slot, t, ok := b.env.Var(e.Name)
		if !ok {
			b.fail(e, 137, e.Name)
		}
		return &VarRef{T: t, Slot: slot, Name: e.Name}
	case *ast.GlobalVarRef:
		return b.globalVar(e)
	case *ast.NextValueExpr:
		return b.nextValue(e)
	case *ast.UnaryExpr:
		x := b.expr(s, e.X)
		if e.Op == ast.OpNot {
			return &Not{X: x}
		}
		t := x.Type()
		if IsString(t) {
			if e.Op == ast.OpNeg || e.Op == ast.OpBitNot {
				b.fail(e, 8117, "varchar", "minus")
			}
		}
		if t.ID == types.Bit || t.ID == types.TinyInt && e.Op == ast.OpNeg {
			t = IntType
			x = Conv(x, t)
		}
		if c, ok := x.(*Const); ok && e.Op == ast.OpNeg {
			return negConst(c)
		}
		return &Unary{T: t, Op: e.Op, X: x}
	case *ast.BinaryExpr:
		return b.binary(s, e)
	case *ast.BetweenExpr:
		x := b.expr(s, e.X)
		lo := b.expr(s, e.Low)
		hi := b.expr(s, e.High)
		var r Expr = &Logic{And: true, L: b.compare(e, ast.OpGe, x, lo), R: b.compare(e, ast.OpLe, x, hi)}
		if e.Not {
			r = &Not{X: r}
		}
		return r
	case *ast.IsNullExpr:
		return &IsNull{X: b.expr(s, e.X), Not: e.Not}
	case *ast.LikeExpr:
		x := b.expr(s, e.X)
		p := b.expr(s, e.Pattern)
		b.checkUDTLike(e, x.Type(), p.Type()) // bind_udt.go
		t := ComparisonType(x.Type(), p.Type())
		if !IsString(t) {
			t = VarChar(8000)
		}
		t = b.applyCollation(e, "like", t, x, p)
		l := &Like{X: convKind(x, t), Pattern: convKind(p, t), Not: e.Not, CmpT: t}
		if e.Escape != nil {
			l.Escape = b.expr(s, e.Escape)
		}
		return l
	case *ast.InExpr:
		x := b.expr(s, e.X)
		if e.Query != nil {
			q := b.subquery(s, e.Query)
			if len(q.rel.Cols()) != 1 {
				b.fail(e, 116)
			}
			t := ComparisonType(x.Type(), q.rel.Cols()[0].Type)
			t = b.applyCollation(e, "equal to", t, x, &ColRef{T: q.rel.Cols()[0].Type})
			return &Subquery{T: BitType, Kind: SubIn, Query: q.rel, X: convKind(x, t), Op: ast.OpEq, Not: e.Not, CmpT: t, Correlated: q.correlated}
		}
		t := x.Type()
		list := make([]Expr, len(e.List))
		for i, it := range e.List {
			list[i] = b.expr(s, it)
			t = ComparisonType(t, list[i].Type())
		}
		t = b.applyListCollation(e, "equal to", t, x, list)
		for i := range list {
			list[i] = convKind(list[i], t)
		}
		return &InList{X: convKind(x, t), List: list, Not: e.Not, CmpT: t}
	case *ast.ExistsExpr:
		q := b.subquery(s, e.Query)
		return &Subquery{T: BitType, Kind: SubExists, Query: q.rel, Correlated: q.correlated}
	case *ast.SubqueryExpr:
		q := b.subquery(s, e.Query)
		cols := q.rel.Cols()
		if len(cols) != 1 {
			b.fail(e, 116)
		}
		return &Subquery{T: cols[0].Type, Kind: SubScalar, Query: q.rel, Correlated: q.correlated}
	case *ast.QuantifiedExpr:
		x := b.expr(s, e.X)
		q := b.subquery(s, e.Query)
		if len(q.rel.Cols()) != 1 {
			b.fail(e, 116)
		}
		t := ComparisonType(x.Type(), q.rel.Cols()[0].Type)
		k := SubAny
		if e.Quant == ast.QuantAll {
			k = SubAll
		}
		return &Subquery{T: BitType, Kind: k, Query: q.rel, X: convKind(x, t), Op: e.Op, CmpT: t, Correlated: q.correlated}
	case *ast.CaseExpr:
		return b.caseExpr(s, e)
	case *ast.CastExpr:
		t := b.ResolveType(e.Type, true)
		if isNullLiteral(e.X) {
			return &Const{T: t, V: types.Null}
		}
		x := b.expr(s, e.X)
		if xt := x.Type(); IsString(t) && IsString(xt) && xt.Collation.Name != "" {
			// A character-to-character CAST keeps its input's collation
			// (and so its code page: CAST(… COLLATE Thai_CI_AI AS varchar)).
			t.Collation = xt.Collation
		}
		return &Cast{T: t, X: x, Try: e.Try}
	case *ast.ConvertExpr:
		t := b.ResolveType(e.Type, true)
		if isNullLiteral(e.X) {
			return &Const{T: t, V: types.Null}
		}
		c := &Cast{T: t, X: b.expr(s, e.X), Try: e.Try}
		if e.Style != nil {
			st, ok := b.expr(s, e.Style).(*Const)
			if ok && st.V.K == types.KindInt {
				c.Style = int(st.V.I)
			}
		}
		return c
	case *ast.ParseExpr:
		// PARSE/TRY_PARSE(x AS type [USING culture]): evaluated by
		// sql/exec/funcs_parse.go; only numbers and dates/times, from a
		// string (Msg 8116 otherwise, like SQL Server).
		t := b.ResolveType(e.Type, true)
		x := b.expr(s, e.X)
		name := "PARSE"
		if e.Try {
			name = "TRY_PARSE"
		}
		if !IsString(x.Type()) && !isNullLiteral(e.X) {
			b.fail(e, 8116, TypeName(x.Type()), 1, strings.ToLower(name))
		}
		switch t.ID {
		case types.TinyInt, types.SmallInt, types.Int, types.BigInt, types.Decimal, types.Numeric, types.Money, types.SmallMoney,
			types.Float, types.Real, types.Date, types.Time, types.DateTime, types.SmallDateTime, types.DateTime2, types.DateTimeOffset:
		default:
			b.fail(e, 10761, TypeName(t), strings.ToLower(name))
		}
		var culture Expr = &Const{T: VarChar(1), V: types.Value{K: types.KindString}}
		if e.Culture != nil {
			culture = b.expr(s, e.Culture)
		}
		return &Func{T: t, Name: name, Args: []Expr{x, culture}}
	case *ast.FuncCall:
		return b.funcCall(s, e)
	case *ast.CollateExpr:
		return b.collate(s, e)
	case *ast.AtTimeZoneExpr:
		return b.atTimeZone(s, e) // bind_forms.go
	case *ast.TrimExpr:
		return b.trimForm(s, e)
	case *ast.Star:
		b.fail(e, 102, "*")
	case *ast.DefaultExpr:
		b.fail(e, 156, "DEFAULT")
	}
	b.fail(e, 102, "expression")
	return nil
}

func negConst(c *Const) Expr {
	v := c.V
	switch v.K {
	case types.KindInt, types.KindMoney:
		v.I = -v.I
	case types.KindFloat:
		v.F = -v.F
	case types.KindDecimal:
		var d apd.Decimal
		d.Neg(&c.V.Dec)
		v.Dec = d
	case types.KindNull:
	default:
		return &Unary{T: c.T, Op: ast.OpNeg, X: c}
	}
	return &Const{T: c.T, V: v}
}

func (b *Binder) binary(s *scope, e *ast.BinaryExpr) Expr {
	l := b.expr(s, e.L)
	r := b.expr(s, e.R)
	// A bare NULL takes the other operand's type ('a' + NULL is a NULL
	// varchar, not a conversion of 'a' to int).
	if ln, rn := isNullLiteral(e.L), isNullLiteral(e.R); ln && !rn {
		l = &Const{T: r.Type()}
	} else if rn && !ln {
		r = &Const{T: l.Type()}
	}
	switch {
	case e.Op == ast.OpAnd || e.Op == ast.OpOr:
		return &Logic{And: e.Op == ast.OpAnd, L: l, R: r}
	case e.Op.IsComparison():
		return b.compare(e, e.Op, l, r)
	}
	var op byte
	switch e.Op {
	case ast.OpAdd:
		op = '+'
	case ast.OpSub:
		op = '-'
	case ast.OpMul:
		op = '*'
	case ast.OpDiv:
		op = '/'
	case ast.OpMod:
		op = '%'
	case ast.OpBitAnd, ast.OpBitOr, ast.OpBitXor:
		t := Higher(l.Type(), r.Type())
		if !IsInteger(t) && t.ID != types.Bit {
			b.fail(e, 402, typeName(l.Type()), typeName(r.Type()), opName(e.Op))
		}
		return &Arith{T: t, OpT: t, Op: e.Op, L: convKind(l, t), R: convKind(r, t)}
	}
	lt, rt := constPrecision(l), constPrecision(r)
	// A string operand against a number converts to the number (precedence).
	opT, resT, ok := ArithResult(op, lt, rt)
	if !ok {
		b.fail(e, 8117, typeName(Higher(lt, rt)), opName(e.Op))
	}
	if IsDecimal(opT) {
		return &Arith{T: resT, OpT: opT, Op: e.Op, L: convKind(l, opT), R: convKind(r, opT)}
	}
	return &Arith{T: resT, OpT: opT, Op: e.Op, L: convKind(l, opT), R: convKind(r, opT)}
}

func (b *Binder) compare(n ast.Node, op ast.BinaryOp, l, r Expr) Expr {
	lt, rt := l.Type(), r.Type()
	if (lt.ID == types.Text || lt.ID == types.NText || lt.ID == types.Image) && r.Type().ID != types.Unknown {
		b.fail(n, 402, typeName(lt), typeName(rt), opName(op))
	}
	b.checkUDTComparable(n, op, lt, rt) // bind_udt.go
	t := b.applyCollation(n, opName(op), ComparisonType(lt, rt), l, r)
	return &Compare{CmpT: t, Op: op, L: convKind(l, t), R: convKind(r, t)}
}

func opName(op ast.BinaryOp) string {
	switch op {
	case ast.OpAdd:
		return "add"
	case ast.OpSub:
		return "subtract"
	case ast.OpMul:
		return "multiply"
	case ast.OpDiv:
		return "divide"
	case ast.OpMod:
		return "modulo"
	case ast.OpEq:
		return "equal to"
	case ast.OpNe:
		return "not equal to"
	case ast.OpLt:
		return "less than"
	case ast.OpGt:
		return "greater than"
	case ast.OpLe:
		return "less than or equal to"
	case ast.OpGe:
		return "greater than or equal to"
	case ast.OpBitAnd:
		return "boolean AND"
	case ast.OpBitOr:
		return "boolean OR"
	case ast.OpBitXor:
		return "boolean XOR"
	}
	return "operator"
}

// TypeName returns the SQL Server name of a type id (for messages).
func typeName(t types.Type) string {
	switch t.ID {
	case types.Int:
		return "int"
	case types.BigInt:
		return "bigint"
	case types.SmallInt:
		return "smallint"
	case types.TinyInt:
		return "tinyint"
	case types.Bit:
		return "bit"
	case types.Decimal:
		return "decimal"
	case types.Numeric:
		return "numeric"
	case types.Float:
		return "float"
	case types.Real:
		return "real"
	case types.Money:
		return "money"
	case types.SmallMoney:
		return "smallmoney"
	case types.Char:
		return "char"
	case types.VarChar:
		return "varchar"
	case types.NChar:
		return "nchar"
	case types.NVarChar:
		return "nvarchar"
	case types.Text:
		return "text"
	case types.NText:
		return "ntext"
	case types.Binary:
		return "binary"
	case types.VarBinary:
		return "varbinary"
	case types.Image:
		return "image"
	case types.Date:
		return "date"
	case types.Time:
		return "time"
	case types.DateTime:
		return "datetime"
	case types.DateTime2:
		return "datetime2"
	case types.SmallDateTime:
		return "smalldatetime"
	case types.DateTimeOffset:
		return "datetimeoffset"
	case types.UniqueIdentifier:
		return "uniqueidentifier"
	case types.XML:
		return "xml"
	case types.SQLVariant:
		return "sql_variant"
	case types.Timestamp:
		return "timestamp"
	case types.HierarchyID, types.Geometry, types.Geography:
		return t.ID.Name()
	}
	return "unknown"
}

// TypeName returns the SQL Server name of t's type (for messages).
func TypeName(t types.Type) string { return typeName(t) }

func (b *Binder) caseExpr(s *scope, e *ast.CaseExpr) Expr {
	c := &Case{}
	var operand Expr
	if e.Operand != nil {
		operand = b.expr(s, e.Operand)
	}
	var t types.Type
	results := make([]Expr, len(e.Whens))
	for i, w := range e.Whens {
		var cond Expr
		if operand != nil {
			cond = b.compare(w, ast.OpEq, operand, b.expr(s, w.Cond))
		} else {
			cond = b.expr(s, w.Cond)
		}
		results[i] = b.expr(s, w.Result)
		c.Whens = append(c.Whens, CaseWhen{Cond: cond})
		t = UnionType(t, results[i].Type())
	}
	if e.Else != nil {
		c.Else = b.expr(s, e.Else)
		t = UnionType(t, c.Else.Type())
	}
	for i := range c.Whens {
		c.Whens[i].Result = Conv(results[i], t)
	}
	if c.Else != nil {
		c.Else = Conv(c.Else, t)
	}
	c.T = t
	return c
}

// column resolves a column reference in s or an enclosing scope.
func (b *Binder) column(s *scope, c *ast.ColumnRef) Expr {
	name := c.Name.Name
	depth := 0
	for sc := s; sc != nil; sc = sc.parent {
		col, idx, found := b.findColumn(sc, c)
		if found {
			if depth == 0 {
				return &ColRef{T: col.Type, Idx: idx, Name: col.Name}
			}
			for x := s; x != sc; x = x.parent {
				x.outerUsed = true
			}
			return &OuterRef{T: col.Type, Depth: depth, Idx: idx}
		}
		depth++
	}
	if r, ok := b.udtColumnProperty(s, c); ok { // c.STX on a CLR-typed column
		return r
	}
	if !c.Table.IsZero() {
		if !b.qualifierExists(s, &c.Table) {
			b.fail(c, 4104, fullName(&c.Table)+"."+name)
		}
	}
	b.fail(c, 207, name)
	return nil
}

func (b *Binder) qualifierExists(s *scope, q *ast.ObjectName) bool {
	for sc := s; sc != nil; sc = sc.parent {
		for i := range sc.tables {
			if tableMatches(&sc.tables[i], q) {
				return true
			}
		}
	}
	return false
}

func tableMatches(t *scopeTable, q *ast.ObjectName) bool {
	if !strings.EqualFold(t.name, q.Name.Name) {
		return false
	}
	if q.Schema.Name != "" && t.schema != "" && !strings.EqualFold(t.schema, q.Schema.Name) {
		return false
	}
	if q.Schema.Name != "" && t.schema == "" {
		return false
	}
	return true
}

// findColumn looks for c in one scope; 209 when ambiguous.
func (b *Binder) findColumn(s *scope, c *ast.ColumnRef) (Column, int, bool) {
	var (
		found    Column
		foundIdx = -1
	)
	for ti := range s.tables {
		t := &s.tables[ti]
		if !c.Table.IsZero() && !tableMatches(t, &c.Table) {
			continue
		}
		for i, col := range t.cols {
			if strings.EqualFold(col.Name, c.Name.Name) {
				if foundIdx >= 0 {
					b.fail(c, 209, c.Name.Name)
				}
				found, foundIdx = col, t.offset+i
			}
		}
	}
	return found, foundIdx, foundIdx >= 0
}

func (b *Binder) globalVar(e *ast.GlobalVarRef) Expr {
	name := strings.ToUpper(strings.TrimPrefix(e.Name, "@@"))
	var t types.Type
	switch name {
	case "ROWCOUNT", "TRANCOUNT", "ERROR", "FETCH_STATUS", "DATEFIRST", "LOCK_TIMEOUT", "MAX_CONNECTIONS", "NESTLEVEL", "OPTIONS", "TEXTSIZE", "PROCID", "CPU_BUSY", "IDLE", "IO_BUSY", "TOTAL_ERRORS", "CONNECTIONS", "PACK_RECEIVED", "PACK_SENT", "MAX_PRECISION":
		t = IntType
	case "SPID", "LANGID":
		t = types.Type{ID: types.SmallInt}
	case "MICROSOFTVERSION":
		t = IntType
	case "CURSOR_ROWS": // procedural features (proc featureGlobalVar)
		t = IntType
	case "IDENTITY":
		t = DecimalType(38, 0)
	case "VERSION":
		t = NVarChar(300)
	case "SERVERNAME", "SERVICENAME", "LANGUAGE":
		t = NVarChar(128)
	case "DBTS":
		t = types.Type{ID: types.VarBinary, Length: 8}
	default:
		b.fail(e, 137, e.Name)
	}
	if IsString(t) {
		t.Collation = b.env.DefaultCollation()
	}
	return &GlobalVar{T: t, Name: name}
}

// constPrecision types an integer constant in decimal arithmetic by its
// digits (SQL Server treats 2 in 7.0/2 as decimal(1,0), not int's (10,0)).
func constPrecision(e Expr) types.Type {
	t := e.Type()
	c, ok := e.(*Const)
	if !ok || c.V.K != types.KindInt || !IsInteger(t) {
		return t
	}
	n := c.V.I
	if n < 0 {
		n = -n
	}
	p := uint8(1)
	for n >= 10 {
		n /= 10
		p++
	}
	return types.Type{ID: types.Int, Precision: p}
}
