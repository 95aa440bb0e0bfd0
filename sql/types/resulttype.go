package types

import "github.com/tsqld/tsqld/sql/msgs"

// Op is a binary arithmetic or bitwise operator.
type Op uint8

const (
	OpAdd Op = iota
	OpSub
	OpMul
	OpDiv
	OpMod
	OpBitAnd
	OpBitOr
	OpBitXor
)

// MsgName is the operator's name in Msg 402 ("add", "modulo", ...).
func (op Op) MsgName() string {
	switch op {
	case OpAdd:
		return "add"
	case OpSub:
		return "subtract"
	case OpMul:
		return "multiply"
	case OpDiv:
		return "divide"
	case OpMod:
		return "modulo"
	case OpBitAnd:
		return "boolean AND"
	case OpBitOr:
		return "boolean OR"
	}
	return "boolean XOR"
}

// Symbol is the operator as written in T-SQL.
func (op Op) Symbol() string {
	return [...]string{"+", "-", "*", "/", "%", "&", "|", "^"}[op]
}

// MaxDecimalPrecision is the largest decimal precision.
const MaxDecimalPrecision = 38

// minAdjustedScale is the scale SQL Server keeps at least when a decimal
// result's precision exceeds 38 and digits must be dropped.
const minAdjustedScale = 6

// adjustDecimal caps a decimal result at precision 38. When the ideal
// precision is larger, the integral part (p-s) is kept and the scale is cut
// to what is left, but not below min(s, 6) — SQL Server's documented rule
// (integral part < 32: scale = 38-(p-s); otherwise scale = min(s, 6)).
func adjustDecimal(p, s int) Type {
	if p <= MaxDecimalPrecision {
		return NewDecimal(uint8(max(p, 1)), uint8(s))
	}
	intDigits := p - s
	minScale := min(s, minAdjustedScale)
	s = max(MaxDecimalPrecision-intDigits, minScale)
	return NewDecimal(MaxDecimalPrecision, uint8(s))
}

// DecimalResultType applies SQL Server's precision/scale formulas for
// e1 op e2 with e1 = decimal(p1,s1), e2 = decimal(p2,s2):
//
//   - -  s = max(s1,s2)            p = max(s1,s2) + max(p1-s1,p2-s2) + 1
//   - s = s1+s2                 p = p1+p2+1
//     /    s = max(6, s1+p2+1)       p = p1-s1+s2 + s
//     %    s = max(s1,s2)            p = min(p1-s1,p2-s2) + max(s1,s2)
//
// then caps at 38 (see adjustDecimal). Non-decimal exact operands are first
// seen as decimals (int → decimal(10,0), money → decimal(19,4)).
func DecimalResultType(op Op, l, r Type) Type {
	l, r = l.AsDecimal(), r.AsDecimal()
	p1, s1, p2, s2 := int(l.Precision), int(l.Scale), int(r.Precision), int(r.Scale)
	switch op {
	case OpAdd, OpSub:
		s := max(s1, s2)
		return adjustDecimal(s+max(p1-s1, p2-s2)+1, s)
	case OpMul:
		return adjustDecimal(p1+p2+1, s1+s2)
	case OpDiv:
		s := max(minAdjustedScale, s1+p2+1)
		return adjustDecimal(p1-s1+s2+s, s)
	case OpMod:
		s := max(s1, s2)
		return adjustDecimal(min(p1-s1, p2-s2)+s, s)
	}
	return UnionDecimalType(l, r)
}

// UnionDecimalType is the decimal type of CASE/UNION/COALESCE over two
// decimals: s = max(s1,s2), p = max(s1,s2) + max(p1-s1, p2-s2), capped.
func UnionDecimalType(l, r Type) Type {
	l, r = l.AsDecimal(), r.AsDecimal()
	p1, s1, p2, s2 := int(l.Precision), int(l.Scale), int(r.Precision), int(r.Scale)
	s := max(s1, s2)
	p := s + max(p1-s1, p2-s2)
	if p > MaxDecimalPrecision {
		// UNION keeps the integral digits and drops scale.
		s = max(0, MaxDecimalPrecision-max(p1-s1, p2-s2))
		p = MaxDecimalPrecision
	}
	return NewDecimal(uint8(p), uint8(s))
}

// IntLiteralType returns the type SQL Server gives an integer literal:
// int when it fits, otherwise decimal(n,0) with n its digit count (bigint
// never results from a literal).
func IntLiteralType(v int64) Type {
	if v >= -2147483648 && v <= 2147483647 {
		return TypeInt
	}
	return NewDecimal(uint8(digitCount(v)), 0)
}

// IntLiteralDecimalType returns decimal(n,0) with n the digit count of v:
// the type SQL Server gives an int constant in decimal arithmetic
// (1.0/3 is decimal(2,1)/decimal(1,0) → 0.333333).
func IntLiteralDecimalType(v int64) Type { return NewDecimal(uint8(digitCount(v)), 0) }

// DecimalLiteralType returns decimal(p,s) for a literal like "12.50"
// (p = digits without leading zeros of the integral part, at least s and
// at least 1).
func DecimalLiteralType(lit string) Type {
	intDigits, frac, seenDot, lead := 0, 0, false, true
	for i := 0; i < len(lit); i++ {
		c := lit[i]
		switch {
		case c == '.':
			seenDot = true
		case c >= '0' && c <= '9':
			if seenDot {
				frac++
			} else if !(lead && c == '0') {
				lead = false
				intDigits++
			}
		}
	}
	p := intDigits + frac
	if p == 0 {
		p = 1
	}
	if p > MaxDecimalPrecision {
		p = MaxDecimalPrecision
	}
	return NewDecimal(uint8(p), uint8(min(frac, p)))
}

func digitCount(v int64) int {
	u := uint64(v)
	if v < 0 {
		u = uint64(-v)
	}
	n := 1
	for u >= 10 {
		u /= 10
		n++
	}
	return n
}

// isNumericOperand reports types that take part in arithmetic as numbers.
func isNumericOperand(t Type) bool { return t.IsNumeric() }

// ArithResultType returns the result type of l op r, or SQL Server's
// error: 402 for a type the operator does not take (bit + bit, float %
// int, text + varchar), 206 when the operands cannot meet (date + int). The
// executor converts each operand to the result type (decimal operands keep
// their own precision; see Arith) — string + string is concatenation.
func ArithResultType(op Op, l, r Type) (Type, *msgs.Error) {
	if l.ID == Unknown {
		l = r
	}
	if r.ID == Unknown {
		r = l
	}
	if l.ID == Unknown {
		return TypeInt, nil
	}
	incompatible := func() (Type, *msgs.Error) { return Type{}, ErrIncompatibleOperator(l, r, op.MsgName()) }
	if l.IsLOB() || r.IsLOB() || l.ID == SQLVariant || r.ID == SQLVariant {
		return incompatible()
	}
	// Concatenation.
	if l.IsString() && r.IsString() {
		if op != OpAdd {
			return incompatible()
		}
		return ConcatType(l, r), nil
	}
	if l.IsBinary() && r.IsBinary() && op == OpAdd {
		return ConcatType(l, r), nil
	}
	// datetime and smalldatetime accept + and - of numbers and of each
	// other; the newer date/time types take no arithmetic at all.
	if l.IsDateTime() || r.IsDateTime() {
		for _, t := range [2]Type{l, r} {
			if t.IsDateTime() && t.ID != DateTime && t.ID != SmallDateTime {
				other := r
				if t == r {
					other = l
				}
				if op == OpAdd || op == OpSub {
					return Type{}, ErrTypeClash(t, other)
				}
				return incompatible()
			}
		}
		if op != OpAdd && op != OpSub {
			return incompatible()
		}
		h := Higher(l, r)
		o := l
		if h == l {
			o = r
		}
		if o.IsDateTime() || o.IsNumeric() || o.IsString() {
			return h, nil
		}
		return Type{}, ErrTypeClash(o, h)
	}
	// Numbers (strings and binaries are converted to the numeric side).
	if !isNumericOperand(l) && !isNumericOperand(r) {
		if ConversionOf(l.ID, r.ID) == ConvNotAllowed {
			return Type{}, ErrTypeClash(l, r)
		}
		return incompatible()
	}
	h, o := l, r
	if Precedence(r.ID) > Precedence(l.ID) {
		h, o = r, l
	}
	if !isNumericOperand(o) {
		if ConversionOf(o.ID, h.ID) != ConvImplicit {
			return Type{}, ErrTypeClash(o, h)
		}
		if o.IsBinary() && h.ID.Kind() == KindFloat {
			return Type{}, ErrTypeClash(o, h)
		}
		o = h
	}
	if l.ID == Bit && r.ID == Bit && op <= OpMod {
		return incompatible()
	}
	switch op {
	case OpMod:
		if h.ID.Kind() == KindFloat || o.ID.Kind() == KindFloat {
			return incompatible()
		}
	case OpBitAnd, OpBitOr, OpBitXor:
		if !(h.IsInteger() || h.ID == Bit) || !(o.IsInteger() || o.ID == Bit) {
			return incompatible()
		}
		return Type{ID: h.ID}, nil
	}
	if h.IsDecimal() {
		return DecimalResultType(op, l.numericSide(o), r.numericSide(o)), nil
	}
	return Type{ID: h.ID}, nil
}

// numericSide returns t, or fallback when t is not numeric (a string
// operand that converts to the other operand's type).
func (t Type) numericSide(fallback Type) Type {
	if isNumericOperand(t) {
		return t
	}
	return fallback
}

// ConcatType is the type of string + string (or binary + binary): the
// Unicode type when either side is, fixed-length only when both are, length
// the sum capped at 8000 bytes, max when either is max.
func ConcatType(l, r Type) Type {
	if l.IsBinary() {
		t := Type{ID: VarBinary, Length: addLen(l.Length, r.Length, 8000)}
		if l.ID == Binary && r.ID == Binary && t.Length != MaxLength {
			t.ID = Binary
		}
		return t
	}
	uni := l.IsUnicode() || r.IsUnicode()
	fixed := l.IsFixedLength() && r.IsFixedLength()
	limit := int32(8000)
	if uni {
		limit = 4000
	}
	t := Type{ID: VarChar, Length: addLen(l.Length, r.Length, limit)}
	switch {
	case uni && fixed && t.Length != MaxLength:
		t.ID = NChar
	case uni:
		t.ID = NVarChar
	case fixed && t.Length != MaxLength:
		t.ID = Char
	}
	t.Collation = l.Collation
	if t.Collation.Name == "" {
		t.Collation = r.Collation
	}
	return t
}

func addLen(a, b, limit int32) int32 {
	if a == MaxLength || b == MaxLength {
		return MaxLength
	}
	n := a + b
	if n > limit {
		n = limit
	}
	return n
}

// ComparisonType returns the type both operands of a comparison are
// converted to: the higher-precedence type (for two strings, the Unicode
// one with the larger length). LOB types are not comparable (Msg 402 with
// "equal to"); unrelated types give Msg 206.
func ComparisonType(l, r Type) (Type, *msgs.Error) {
	if l.ID == Unknown {
		return r, nil
	}
	if r.ID == Unknown {
		return l, nil
	}
	if l.ID == XML || r.ID == XML {
		return Type{}, newErr(305, "The XML data type cannot be compared or sorted, except when using the IS NULL operator.")
	}
	if l.IsSpatial() {
		return Type{}, ErrInvalidOperator("equal to", l)
	}
	if r.IsSpatial() {
		return Type{}, ErrInvalidOperator("equal to", r)
	}
	if l.IsLOB() || r.IsLOB() {
		return Type{}, ErrIncompatibleOperator(l, r, "equal to")
	}
	if l.IsString() && r.IsString() {
		return CommonType(l, r)
	}
	h, o := Higher(l, r), l
	if h == l {
		o = r
	}
	if ConversionOf(o.ID, h.ID) != ConvImplicit {
		return Type{}, ErrTypeClash(o, h)
	}
	return h, nil
}

// CommonType is the result type of CASE, UNION, COALESCE, ISNULL-free
// unions of several types: the highest precedence type; decimals widen to
// hold every input (UnionDecimalType); strings take the longest length
// (Unicode wins, varchar unless all are char); datetime2/time/
// datetimeoffset take the largest scale.
func CommonType(ts ...Type) (Type, *msgs.Error) {
	var acc Type
	for _, t := range ts {
		if t.ID == Unknown {
			continue
		}
		if acc.ID == Unknown {
			acc = t
			continue
		}
		var err *msgs.Error
		if acc, err = common2(acc, t); err != nil {
			return Type{}, err
		}
	}
	if acc.ID == Unknown {
		return TypeInt, nil // SELECT NULL UNION SELECT NULL is int
	}
	return acc, nil
}

func common2(a, b Type) (Type, *msgs.Error) {
	if a.ID == b.ID {
		switch {
		case a.IsDecimal():
			t := UnionDecimalType(a, b)
			t.ID = a.ID
			return t, nil
		case a.IsString() || a.IsBinary():
			if b.Length == MaxLength || (a.Length != MaxLength && b.Length > a.Length) {
				a.Length = b.Length
			}
			return a, nil
		case a.ID == Time || a.ID == DateTime2 || a.ID == DateTimeOffset:
			a.Scale = max(a.Scale, b.Scale)
			return a, nil
		}
		return a, nil
	}
	if (a.IsString() && b.IsString()) || (a.IsBinary() && b.IsBinary()) {
		h := Higher(a, b)
		if h.IsLOB() {
			return h, nil
		}
		// Fixed length only when every input is; Unicode when any is.
		fixed := a.IsFixedLength() && b.IsFixedLength()
		var id TypeID
		switch {
		case h.IsBinary():
			id = VarBinary
			if fixed {
				id = Binary
			}
		case a.IsUnicode() || b.IsUnicode():
			id = NVarChar
			if fixed {
				id = NChar
			}
		default:
			id = VarChar
			if fixed {
				id = Char
			}
		}
		n := a.Length
		if b.Length == MaxLength || (n != MaxLength && b.Length > n) {
			n = b.Length
		}
		if (id == NVarChar || id == NChar) && n > 4000 {
			n = MaxLength
			id = NVarChar
		}
		return Type{ID: id, Length: n, Collation: h.Collation}, nil
	}
	if a.IsExactNumeric() && b.IsExactNumeric() && (a.IsDecimal() || b.IsDecimal()) {
		t := UnionDecimalType(a, b)
		if a.ID == Numeric || b.ID == Numeric {
			if !(a.ID == Decimal || b.ID == Decimal) {
				t.ID = Numeric
			}
		}
		return t, nil
	}
	h, o := Higher(a, b), a
	if h == a {
		o = b
	}
	if ConversionOf(o.ID, h.ID) != ConvImplicit {
		return Type{}, ErrTypeClash(o, h)
	}
	if (h.ID == DateTime2 || h.ID == DateTimeOffset || h.ID == Time) && o.ID == h.ID {
		h.Scale = max(h.Scale, o.Scale)
	}
	if (h.ID == DateTime2 || h.ID == DateTimeOffset) && o.ID == DateTime2 {
		h.Scale = max(h.Scale, o.Scale)
	}
	return h, nil
}
