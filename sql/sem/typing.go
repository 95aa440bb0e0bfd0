package sem

import (
	"github.com/tsqld/tsqld/sql/types"
)

// precedence ranks types by SQL Server's data type precedence (higher wins
// in implicit conversions).
var precedence = map[types.TypeID]int{
	types.SQLVariant: 30, types.XML: 29, types.DateTimeOffset: 28, types.DateTime2: 27,
	types.DateTime: 26, types.SmallDateTime: 25, types.Date: 24, types.Time: 23,
	types.Float: 22, types.Real: 21, types.Decimal: 20, types.Numeric: 20,
	types.Money: 19, types.SmallMoney: 18, types.BigInt: 17, types.Int: 16,
	types.SmallInt: 15, types.TinyInt: 14, types.Bit: 13, types.NText: 12,
	types.Text: 11, types.Image: 10, types.Timestamp: 9, types.UniqueIdentifier: 8,
	types.NVarChar: 7, types.NChar: 6, types.VarChar: 5, types.Char: 4,
	types.VarBinary: 3, types.Binary: 2,
}

// Prec returns the precedence rank of t.
func Prec(t types.Type) int { return precedence[t.ID] }

// Higher returns the type with higher precedence (a on ties).
func Higher(a, b types.Type) types.Type {
	if precedence[b.ID] > precedence[a.ID] {
		return b
	}
	return a
}

// IsString reports character types.
func IsString(t types.Type) bool {
	switch t.ID {
	case types.Char, types.VarChar, types.NChar, types.NVarChar, types.Text, types.NText:
		return true
	}
	return false
}

// IsUnicode reports nchar/nvarchar/ntext.
func IsUnicode(t types.Type) bool {
	return t.ID == types.NChar || t.ID == types.NVarChar || t.ID == types.NText
}

// IsInteger reports tinyint..bigint.
func IsInteger(t types.Type) bool {
	switch t.ID {
	case types.TinyInt, types.SmallInt, types.Int, types.BigInt:
		return true
	}
	return false
}

// IsDecimal reports decimal/numeric.
func IsDecimal(t types.Type) bool { return t.ID == types.Decimal || t.ID == types.Numeric }

// IsNumeric reports the exact and approximate numeric types and bit.
func IsNumeric(t types.Type) bool {
	switch t.ID {
	case types.TinyInt, types.SmallInt, types.Int, types.BigInt, types.Bit,
		types.Decimal, types.Numeric, types.Money, types.SmallMoney, types.Float, types.Real:
		return true
	}
	return false
}

// IsBinary reports binary/varbinary/image.
func IsBinary(t types.Type) bool {
	return t.ID == types.Binary || t.ID == types.VarBinary || t.ID == types.Image
}

// IsDateTime reports the date/time family.
func IsDateTime(t types.Type) bool {
	switch t.ID {
	case types.Date, types.Time, types.DateTime, types.DateTime2, types.SmallDateTime, types.DateTimeOffset:
		return true
	}
	return false
}

// Common type constructors.
var (
	IntType      = types.Type{ID: types.Int}
	BigIntType   = types.Type{ID: types.BigInt}
	FloatType    = types.Type{ID: types.Float}
	DateTimeType = types.Type{ID: types.DateTime}
	MoneyType    = types.Type{ID: types.Money}
)

// VarChar returns varchar(n) (n may be types.MaxLength).
func VarChar(n int32) types.Type { return types.Type{ID: types.VarChar, Length: n} }

// NVarChar returns nvarchar(n).
func NVarChar(n int32) types.Type { return types.Type{ID: types.NVarChar, Length: n} }

// DecimalType returns decimal(p,s).
func DecimalType(p, s uint8) types.Type {
	return types.Type{ID: types.Numeric, Precision: p, Scale: s}
}

// asDecimal gives the decimal(p,s) an exact numeric operand counts as in
// decimal arithmetic.
func asDecimal(t types.Type) (p, s int) {
	switch t.ID {
	case types.Bit:
		return 1, 0
	case types.TinyInt:
		return 3, 0
	case types.SmallInt:
		return 5, 0
	case types.Int:
		if t.Precision > 0 {
			return int(t.Precision), 0
		}
		return 10, 0
	case types.BigInt:
		return 19, 0
	case types.Money:
		return 19, 4
	case types.SmallMoney:
		return 10, 4
	case types.Decimal, types.Numeric:
		return int(t.Precision), int(t.Scale)
	}
	return 38, 0
}

// capDecimal applies SQL Server's rule when a result precision exceeds
// 38: keep the integral digits and cut the scale, but not below 6.
func capDecimal(p, s int) (int, int) {
	if p <= 38 {
		return p, s
	}
	integral := p - s
	if integral < 32 {
		s = min(s, 38-integral)
	} else {
		s = min(s, 6)
	}
	return 38, s
}

// decimalResult returns the result type of a decimal operation.
func decimalResult(op byte, a, b types.Type) types.Type {
	p1, s1 := asDecimal(a)
	p2, s2 := asDecimal(b)
	var p, s int
	switch op {
	case '+', '-':
		s = max(s1, s2)
		p = max(p1-s1, p2-s2) + s + 1
	case '*':
		p, s = p1+p2+1, s1+s2
	case '/':
		s = max(6, s1+p2+1)
		p = p1 - s1 + s2 + s
	case '%':
		s = max(s1, s2)
		p = min(p1-s1, p2-s2) + s
	}
	p, s = capDecimal(p, s)
	return types.Type{ID: types.Numeric, Precision: uint8(p), Scale: uint8(s)}
}

// maxLen returns the maximum declared length for a string/binary type id.
func maxLen(id types.TypeID) int32 {
	if id == types.NVarChar || id == types.NChar {
		return 4000
	}
	return 8000
}

// concatResult is the type of a + b on strings.
func concatResult(a, b types.Type) types.Type {
	t := Higher(a, b)
	id := types.VarChar
	if IsUnicode(t) {
		id = types.NVarChar
	}
	la, lb := charLen(a, id), charLen(b, id)
	if la == types.MaxLength || lb == types.MaxLength {
		return types.Type{ID: id, Length: types.MaxLength, Collation: t.Collation}
	}
	n := la + lb
	if n > maxLen(id) {
		n = maxLen(id)
	}
	return types.Type{ID: id, Length: n, Collation: t.Collation}
}

// charLen is the length of t in characters of the target string kind.
func charLen(t types.Type, id types.TypeID) int32 {
	switch {
	case IsString(t) || IsBinary(t):
		if t.ID == types.Text || t.ID == types.NText || t.ID == types.Image {
			return types.MaxLength
		}
		return t.Length
	}
	return DisplayLen(t)
}

// DisplayLen is the character length a value of t needs when converted to
// a string (what CAST(x AS varchar) without length keeps, roughly).
func DisplayLen(t types.Type) int32 {
	switch t.ID {
	case types.Bit:
		return 1
	case types.TinyInt:
		return 3
	case types.SmallInt:
		return 6
	case types.Int:
		return 12
	case types.BigInt:
		return 24
	case types.Decimal, types.Numeric:
		return int32(t.Precision) + 2
	case types.Float, types.Real:
		return 30
	case types.Money, types.SmallMoney:
		return 30
	case types.DateTime, types.SmallDateTime, types.DateTime2, types.DateTimeOffset:
		return 30
	case types.Date:
		return 10
	case types.Time:
		return 16
	case types.UniqueIdentifier:
		return 36
	}
	return 30
}

// ArithResult returns the operand type and result type of a binary
// arithmetic operator, ok=false when the operator is not defined on the
// operand types (Msg 8117 / 402).
func ArithResult(op byte, a, b types.Type) (opT, resT types.Type, ok bool) {
	if op == '+' && (IsString(a) || IsString(b)) && (IsString(a) || a.ID == types.Unknown) && (IsString(b) || b.ID == types.Unknown) {
		t := concatResult(a, b)
		return t, t, true
	}
	if op == '+' && IsBinary(a) && IsBinary(b) {
		t := types.Type{ID: types.VarBinary, Length: min(a.Length+b.Length, 8000)}
		return t, t, true
	}
	h := Higher(a, b)
	if IsInteger(h) {
		h.Precision = 0
	}
	switch {
	case IsDateTime(h):
		if h.ID == types.DateTime || h.ID == types.SmallDateTime {
			if op == '+' || op == '-' {
				return h, h, true
			}
		}
		return h, h, false
	case h.ID == types.Float || h.ID == types.Real:
		if op == '%' {
			return h, h, false
		}
		return FloatType, FloatType, true
	case IsDecimal(h):
		t := decimalResult(op, a, b)
		if op == '%' {
			return t, t, true
		}
		return t, t, true
	case h.ID == types.Money || h.ID == types.SmallMoney:
		if op == '/' && (b.ID == types.Money || b.ID == types.SmallMoney) && (a.ID == types.Money || a.ID == types.SmallMoney) {
			return MoneyType, MoneyType, true
		}
		return MoneyType, MoneyType, true
	case IsInteger(h) || h.ID == types.Bit:
		if h.ID == types.Bit {
			h = IntType
		}
		h.Precision = 0
		return h, h, true
	case IsString(h):
		// string op number resolved above by precedence; string-string for
		// non '+' is an error.
		return h, h, false
	}
	return h, h, false
}

// ComparisonType is the type both sides of a comparison convert to.
func ComparisonType(a, b types.Type) types.Type {
	if IsString(a) && IsString(b) {
		t := Higher(a, b)
		t.Length = max(a.Length, b.Length)
		if a.Length == types.MaxLength || b.Length == types.MaxLength {
			t.Length = types.MaxLength
		}
		return t
	}
	if IsDecimal(a) || IsDecimal(b) {
		if (IsDecimal(a) || IsInteger(a) || a.ID == types.Bit) && (IsDecimal(b) || IsInteger(b) || b.ID == types.Bit) {
			p1, s1 := asDecimal(a)
			p2, s2 := asDecimal(b)
			s := max(s1, s2)
			p, s := capDecimal(max(p1-s1, p2-s2)+s, s)
			return DecimalType(uint8(p), uint8(s))
		}
	}
	return Higher(a, b)
}

// UnionType is the result type of two expressions combined by CASE,
// UNION, COALESCE: the higher precedence type, with lengths and decimal
// precision widened to hold both.
func UnionType(a, b types.Type) types.Type {
	if a.ID == types.Unknown {
		return b
	}
	if b.ID == types.Unknown {
		return a
	}
	h := Higher(a, b)
	switch {
	case IsString(h) || IsBinary(h):
		la, lb := charLen(a, h.ID), charLen(b, h.ID)
		if la == types.MaxLength || lb == types.MaxLength {
			h.Length = types.MaxLength
		} else {
			h.Length = max(la, lb)
			if h.Length > maxLen(h.ID) {
				h.Length = maxLen(h.ID)
			}
		}
		if h.ID == types.Char && a.ID != b.ID {
			h.ID = types.VarChar
		}
		if h.ID == types.NChar && a.ID != b.ID {
			h.ID = types.NVarChar
		}
	case IsDecimal(h):
		p1, s1 := asDecimal(a)
		p2, s2 := asDecimal(b)
		s := max(s1, s2)
		p, s := capDecimal(max(p1-s1, p2-s2)+s, s)
		h = types.Type{ID: h.ID, Precision: uint8(p), Scale: uint8(s)}
	}
	return h
}
