package rowcodec

import "github.com/tsqld/tsqld/sql/types"

// sql_variant keys order values first by base type family, in SQL Server's
// hierarchy (uniqueidentifier < binary < character < exact numeric <
// approximate numeric < date and time), then by value within the family:
// exact numerics (bit, ints, money, decimal) compare by numeric value, so
// they share the decimal encoding; character types share the collation
// sort key. The family byte is never 0x00 (NULL).
const (
	famGUID     = 0x01
	famBinary   = 0x02
	famString   = 0x03
	famExact    = 0x04
	famApprox   = 0x05
	famDateTime = 0x06
)

func appendVariantKey(dst []byte, v *types.Value, coll SortKeyer) ([]byte, error) {
	if v.Var == nil {
		return append(dst, keyNull), nil
	}
	b := &v.Var.Value
	switch b.K {
	case types.KindNull:
		return append(dst, keyNull), nil
	case types.KindGUID:
		return appendKeyAsc(append(dst, famGUID), b, nil)
	case types.KindBytes:
		return appendKeyAsc(append(dst, famBinary), b, nil)
	case types.KindString:
		return appendKeyAsc(append(dst, famString), b, coll)
	case types.KindBool, types.KindInt:
		return appendIntAsDecimalKey(append(dst, famExact), b.I, 0), nil
	case types.KindMoney:
		return appendIntAsDecimalKey(append(dst, famExact), b.I, -4), nil
	case types.KindDecimal:
		return appendDecimalKey(append(dst, famExact), &b.Dec)
	case types.KindFloat:
		return appendKeyAsc(append(dst, famApprox), b, nil)
	case types.KindDateTime:
		return appendKeyAsc(append(dst, famDateTime), b, nil)
	}
	return nil, ErrBadValue
}
