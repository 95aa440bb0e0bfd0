package types

import (
	"github.com/cockroachdb/apd/v3"
	"github.com/tsqld/tsqld/sql/msgs"
)

// Decimal values are stored in Value.Dec with Exponent = -scale, so the
// coefficient carries the trailing zeros of the declared scale (12.50 in a
// decimal(5,2) is 1250e-2) and printing keeps the scale.

// exactCtx computes intermediate results exactly: 38-digit operands give at
// most 77-digit products; Quo uses it with an explicit scale.
var exactCtx = apd.Context{Precision: 100, MaxExponent: apd.MaxExponent, MinExponent: apd.MinExponent, Traps: 0}

// roundCtx rounds half away from zero (SQL Server's decimal rounding).
var roundCtx = apd.Context{Precision: 100, MaxExponent: apd.MaxExponent, MinExponent: apd.MinExponent, Rounding: apd.RoundHalfUp}

// truncCtx truncates toward zero (decimal → int, decimal division).
var truncCtx = apd.Context{Precision: 100, MaxExponent: apd.MaxExponent, MinExponent: apd.MinExponent, Rounding: apd.RoundDown}

// numDigits returns the number of digits of d's coefficient (0 for zero).
func numDigits(d *apd.Decimal) int64 {
	if d.Coeff.Sign() == 0 {
		return 0
	}
	return apd.NumDigits(&d.Coeff)
}

// fitDecimal rounds d in place to scale (half away from zero, or toward
// zero if trunc) and reports whether it fits precision p.
func fitDecimal(d *apd.Decimal, p, scale uint8, trunc bool) bool {
	ctx := &roundCtx
	if trunc {
		ctx = &truncCtx
	}
	if d.Form != apd.Finite {
		return false
	}
	// Reject numbers whose integral part is already too long before
	// quantizing (a huge exponent would exceed the context's precision).
	if d.Coeff.Sign() != 0 && numDigits(d)+int64(d.Exponent) > int64(p)-int64(scale) {
		return false
	}
	if d.Exponent != -int32(scale) {
		if _, err := ctx.Quantize(d, d, -int32(scale)); err != nil || d.Form != apd.Finite {
			return false
		}
	}
	// A result like -0.00 keeps no sign in SQL Server.
	if d.Coeff.Sign() == 0 {
		d.Negative = false
	}
	return numDigits(d) <= int64(p)
}

// toDec returns v (an exact numeric, bit or float value) as a decimal in
// dst, exactly (floats go through their shortest decimal representation).
func toDec(dst *apd.Decimal, v *Value) bool {
	switch v.K {
	case KindInt, KindBool:
		dst.SetInt64(v.I)
	case KindMoney:
		dst.SetFinite(v.I, -4)
	case KindDecimal:
		dst.Set(&v.Dec)
	case KindFloat:
		if _, err := dst.SetFloat64(v.F); err != nil {
			return false
		}
	default:
		return false
	}
	return true
}

// decimalOverflow is Msg 8115 for a conversion to decimal from src.
func decimalOverflow(src Type) *msgs.Error {
	name := src.MsgName()
	if src.ID == Unknown {
		name = "expression"
	}
	return ErrOverflow(name, Type{ID: Numeric})
}
