package rowcodec

import (
	"bytes"
	"cmp"
	"strings"

	"github.com/cockroachdb/apd/v3"
	"github.com/tsqld/tsqld/sql/types"
)

// refCompare is an independent reference ordering of two values of one
// column (SQL Server semantics: NULL first, strings by collation, GUIDs in
// SQL Server byte order, datetimeoffset by UTC).
func refCompare(a, b *types.Value, coll SortKeyer) int {
	an, bn := a.K == types.KindNull, b.K == types.KindNull
	if a.K == types.KindVariant && (a.Var == nil || a.Var.Value.K == types.KindNull) {
		an = true
	}
	if b.K == types.KindVariant && (b.Var == nil || b.Var.Value.K == types.KindNull) {
		bn = true
	}
	switch {
	case an && bn:
		return 0
	case an:
		return -1
	case bn:
		return 1
	}
	switch a.K {
	case types.KindBool, types.KindInt, types.KindMoney:
		return cmp.Compare(a.I, b.I)
	case types.KindFloat:
		return cmp.Compare(a.F, b.F)
	case types.KindDecimal:
		return a.Dec.Cmp(&b.Dec)
	case types.KindString:
		if coll == nil {
			return cmp.Compare(strings.TrimRight(a.S, " "), strings.TrimRight(b.S, " "))
		}
		return foldCompare(a.S, b.S)
	case types.KindBytes:
		return bytes.Compare(bytes.TrimRight(a.B, "\x00"), bytes.TrimRight(b.B, "\x00"))
	case types.KindGUID:
		for _, i := range []int{10, 11, 12, 13, 14, 15, 8, 9, 6, 7, 4, 5, 0, 1, 2, 3} {
			if c := cmp.Compare(a.B[i], b.B[i]); c != 0 {
				return c
			}
		}
		return 0
	case types.KindDateTime:
		return cmp.Compare(a.I-int64(a.Off)*600_000_000, b.I-int64(b.Off)*600_000_000)
	case types.KindVariant:
		fa, fb := refFamily(a.Var.Value.K), refFamily(b.Var.Value.K)
		if fa != fb {
			return cmp.Compare(fa, fb)
		}
		if fa == 4 { // exact numerics by value
			var da, db apd.Decimal
			refExact(&da, &a.Var.Value)
			refExact(&db, &b.Var.Value)
			return da.Cmp(&db)
		}
		return refCompare(&a.Var.Value, &b.Var.Value, coll)
	}
	panic("kind")
}

// refFamily ranks sql_variant base type families from lowest to highest.
func refFamily(k types.Kind) int {
	switch k {
	case types.KindGUID:
		return 1
	case types.KindBytes:
		return 2
	case types.KindString:
		return 3
	case types.KindBool, types.KindInt, types.KindMoney, types.KindDecimal:
		return 4
	case types.KindFloat:
		return 5
	case types.KindDateTime:
		return 6
	}
	return 0
}

func refExact(d *apd.Decimal, v *types.Value) {
	switch v.K {
	case types.KindDecimal:
		d.Set(&v.Dec)
	case types.KindMoney:
		d.SetFinite(v.I, -4)
	default:
		d.SetFinite(v.I, 0)
	}
}

func sign(c int) int { return cmp.Compare(c, 0) }
