package types

import (
	"bytes"
	"math"

	"github.com/cockroachdb/apd/v3"
	"github.com/tsqld/tsqld/sql/collation"
)

// Compare orders two non-NULL values: -1, 0 or +1. Strings compare under
// coll — pass CollationOf(t) for the comparison type t, so nvarchar gets
// the Unicode rules; nil means the server default for varchar
// (SQL_Latin1_General_CP1_CI_AS) — so 'a' = 'A ' under a CI collation. Numbers of different kinds (int, decimal,
// money, float, bit) compare by value exactly; binaries compare with the
// shorter padded by zero bytes (0x01 = 0x0100); uniqueidentifiers in SQL
// Server's order (last group first); datetimeoffset by UTC instant. Values
// of unrelated kinds order by kind so that sorting is still total. NULLs
// sort first (callers handle three-valued logic).
func Compare(a, b Value, coll *collation.Collation) int {
	if a.K == KindNull || b.K == KindNull {
		switch {
		case a.K == b.K:
			return 0
		case a.K == KindNull:
			return -1
		}
		return 1
	}
	if a.K == KindVariant {
		if b.K == KindVariant {
			return compareVariant(a.Var, b.Var, coll)
		}
		a = a.Var.Value
	}
	if b.K == KindVariant {
		b = b.Var.Value
	}
	if a.K == b.K {
		switch a.K {
		case KindInt, KindBool, KindMoney:
			return cmpInt(a.I, b.I)
		case KindFloat:
			return cmpFloat(a.F, b.F)
		case KindDecimal:
			return a.Dec.Cmp(&b.Dec)
		case KindString:
			if coll == nil {
				coll = collation.Default
			}
			return coll.Compare(a.S, b.S)
		case KindBytes:
			return compareBinary(a.B, b.B)
		case KindGUID:
			return compareGUID(a.B, b.B)
		case KindDateTime:
			if a.Off != 0 || b.Off != 0 {
				return cmpInt(UTCTicks(a), UTCTicks(b))
			}
			return cmpInt(a.I, b.I)
		}
	}
	if isNumKind(a.K) && isNumKind(b.K) {
		return compareNumbers(&a, &b)
	}
	return cmpInt(int64(a.K), int64(b.K))
}

func isNumKind(k Kind) bool {
	switch k {
	case KindInt, KindBool, KindMoney, KindFloat, KindDecimal:
		return true
	}
	return false
}

// compareNumbers compares numbers of different kinds exactly: float
// against anything compares as float (as SQL Server converts to float),
// the exact kinds compare as decimals.
func compareNumbers(a, b *Value) int {
	if a.K == KindFloat || b.K == KindFloat {
		fa, _ := operandFloat(a, Type{}, TypeFloat)
		fb, _ := operandFloat(b, Type{}, TypeFloat)
		return cmpFloat(fa, fb)
	}
	if a.K != KindDecimal && b.K != KindDecimal {
		// int vs money: scale the int.
		x, y := a.I, b.I
		if a.K == KindMoney {
			return cmpInt128(x, 1, y, 10000)
		}
		return cmpInt128(x, 10000, y, 1)
	}
	var x, y apd.Decimal
	toDec(&x, a)
	toDec(&y, b)
	return x.Cmp(&y)
}

// cmpInt128 compares x*mx with y*my without overflow.
func cmpInt128(x, mx, y, my int64) int {
	fx := float64(x) * float64(mx)
	fy := float64(y) * float64(my)
	if math.Abs(fx) < 1e15 && math.Abs(fy) < 1e15 {
		return cmpInt(x*mx, y*my)
	}
	var a, b apd.Decimal
	a.SetInt64(x)
	b.SetInt64(y)
	var ma, mb apd.Decimal
	ma.SetInt64(mx)
	mb.SetInt64(my)
	exactCtx.Mul(&a, &a, &ma)
	exactCtx.Mul(&b, &b, &mb)
	return a.Cmp(&b)
}

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// compareBinary pads the shorter operand with zero bytes.
func compareBinary(a, b []byte) int {
	n := min(len(a), len(b))
	if c := bytes.Compare(a[:n], b[:n]); c != 0 {
		return c
	}
	for _, x := range a[n:] {
		if x != 0 {
			return 1
		}
	}
	for _, x := range b[n:] {
		if x != 0 {
			return -1
		}
	}
	return 0
}

// guidOrder is the byte significance SQL Server uses to sort
// uniqueidentifiers (most significant first), over the stored bytes.
var guidOrder = [16]int{10, 11, 12, 13, 14, 15, 8, 9, 6, 7, 4, 5, 0, 1, 2, 3}

func compareGUID(a, b []byte) int {
	if len(a) != 16 || len(b) != 16 {
		return bytes.Compare(a, b)
	}
	for _, i := range guidOrder {
		if a[i] != b[i] {
			if a[i] < b[i] {
				return -1
			}
			return 1
		}
	}
	return 0
}

// compareVariant orders sql_variant values: by value when the base types
// are in the same family, else by the family's precedence.
func compareVariant(a, b *VariantValue, coll *collation.Collation) int {
	fa, fb := variantFamily(a.Type), variantFamily(b.Type)
	if fa != fb {
		return cmpInt(int64(fa), int64(fb))
	}
	return Compare(a.Value, b.Value, coll)
}

// variantFamily ranks sql_variant type families as SQL Server compares
// them: date/time > approximate > exact numeric > character > binary >
// uniqueidentifier.
func variantFamily(t Type) int {
	switch {
	case t.IsDateTime():
		return 6
	case t.ID.Kind() == KindFloat:
		return 5
	case t.IsExactNumeric():
		return 4
	case t.IsString():
		return 3
	case t.IsBinary():
		return 2
	case t.ID == UniqueIdentifier:
		return 1
	}
	return 0
}

// Equal reports Compare(a, b, coll) == 0 for non-NULL values.
func Equal(a, b Value, coll *collation.Collation) bool { return Compare(a, b, coll) == 0 }

// CollationOf returns the comparison rules for values of t: its collation
// (the server default when t has none or names an unknown collation), and
// for Unicode types that collation's Unicode rules (SQL_* collations sort
// nvarchar with Windows word sort; see collation.Collation.Unicode). Use the
// same result for comparisons, sort keys and LIKE on t.
func CollationOf(t Type) *collation.Collation {
	c := collation.Default
	if t.Collation.Name != "" {
		if l, err := collation.Lookup(t.Collation.Name); err == nil {
			c = l
		}
	}
	if t.IsUnicode() {
		return c.Unicode()
	}
	return c
}

// CollationInfo returns the descriptor (name and TDS record) of a
// collation for Type.Collation.
func CollationInfo(c *collation.Collation) Collation {
	return Collation{Name: c.Name, LCID: c.LCID, Flags: c.Flags, Version: c.Version, SortID: c.SortID}
}

// DefaultCollation is the descriptor of SQL_Latin1_General_CP1_CI_AS.
var DefaultCollation = CollationInfo(collation.Default)
