package types

import (
	"github.com/cockroachdb/apd/v3"
)

// IntValue returns an integer value (tinyint..bigint).
func IntValue(i int64) Value { return Value{K: KindInt, I: i} }

// BitValue returns a bit value.
func BitValue(b bool) Value {
	if b {
		return Value{K: KindBool, I: 1}
	}
	return Value{K: KindBool}
}

// FloatValue returns a float or real value.
func FloatValue(f float64) Value { return Value{K: KindFloat, F: f} }

// StringValue returns a character value (UTF-8 in S whatever the SQL type).
func StringValue(s string) Value { return Value{K: KindString, S: s} }

// BytesValue returns a binary value; b is not copied.
func BytesValue(b []byte) Value { return Value{K: KindBytes, B: b} }

// GUIDValue returns a uniqueidentifier from its 16 bytes in SQL Server order.
func GUIDValue(b [16]byte) Value { return Value{K: KindGUID, B: b[:]} }

// MoneyValue returns a money/smallmoney value from 1/10000 units.
func MoneyValue(units int64) Value { return Value{K: KindMoney, I: units} }

// DecimalValue returns a decimal value equal to d (copied).
func DecimalValue(d *apd.Decimal) Value {
	v := Value{K: KindDecimal}
	v.Dec.Set(d)
	return v
}

// DecimalCoefValue returns coef × 10^-scale as a decimal, e.g.
// DecimalCoefValue(1250, 2) = 12.50. It does not allocate.
func DecimalCoefValue(coef int64, scale int32) Value {
	v := Value{K: KindDecimal}
	v.Dec.SetFinite(coef, -scale)
	return v
}

// DateTimeValue returns a date/time value from 100 ns ticks since
// 0001-01-01 00:00:00 (see datetime.go for each type's convention).
func DateTimeValue(ticks int64) Value { return Value{K: KindDateTime, I: ticks} }

// DateTimeOffsetValue returns a datetimeoffset value: ticks of the local
// (offset) time and the offset in minutes.
func DateTimeOffsetValue(ticks int64, offsetMinutes int16) Value {
	return Value{K: KindDateTime, I: ticks, Off: offsetMinutes}
}

// VariantOf wraps a value with its base type as sql_variant.
func VariantOf(t Type, v Value) Value {
	if v.K == KindNull {
		return Null
	}
	return Value{K: KindVariant, Var: &VariantValue{Type: t, Value: v}}
}

// Bool reports a bit value's truth.
func (v *Value) Bool() bool { return v.I != 0 }
