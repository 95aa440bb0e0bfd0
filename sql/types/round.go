package types

import (
	"crypto/rand"
	"math"

	"github.com/cockroachdb/apd/v3"
	"github.com/tsqld/tsqld/sql/msgs"
)

// RoundResultType is the type of ROUND(x, n) for x of type t: tinyint and
// smallint give int, decimal keeps its precision and scale, smallmoney
// gives money, real gives float.
func RoundResultType(t Type) Type {
	switch t.ID {
	case TinyInt, SmallInt, Int, Bit:
		return TypeInt
	case SmallMoney, Money:
		return TypeMoney
	case Real, Float, Char, VarChar, NChar, NVarChar:
		return TypeFloat
	}
	return t
}

// Round implements ROUND(v, length[, function]): half away from zero (or
// toward zero when truncate), length < 0 rounds left of the decimal point.
// The result keeps the input's precision and scale, so ROUND(9.5, 0) on a
// decimal(2,1) overflows (Msg 8115) as in SQL Server.
func Round(v Value, t Type, length int, truncate bool) (Value, *msgs.Error) {
	rt := RoundResultType(t)
	switch v.K {
	case KindNull:
		return Null, nil
	case KindInt, KindBool:
		if length >= 0 {
			return Value{K: KindInt, I: v.I}, nil
		}
		if length < -18 {
			return Value{K: KindInt}, nil
		}
		u := int64(pow10u[-length])
		q, r := v.I/u, v.I%u
		if !truncate {
			if r >= (u+1)/2 {
				q++
			} else if r <= -(u+1)/2 {
				q--
			}
		}
		res, err := IntArith(OpMul, q, u, rt)
		if err != nil {
			return Null, err
		}
		return Value{K: KindInt, I: res}, nil
	case KindMoney:
		if length >= 4 {
			return v, nil
		}
		var d apd.Decimal
		d.SetFinite(v.I, -4)
		if err := roundDec(&d, length, truncate); err != nil {
			return Null, err
		}
		ctx := roundCtx
		ctx.Quantize(&d, &d, -4)
		d.Exponent = 0
		i, err := d.Int64()
		if err != nil {
			return Null, ErrExprOverflow(rt)
		}
		return Value{K: KindMoney, I: i}, nil
	case KindFloat:
		f := v.F
		if length > 300 {
			return v, nil
		}
		p := math.Pow(10, float64(length))
		x := f * p
		if truncate {
			x = math.Trunc(x)
		} else {
			x = math.Round(x)
		}
		r := x / p
		if length < 0 {
			r = x * math.Pow(10, float64(-length))
		}
		if math.IsInf(r, 0) || math.IsNaN(r) {
			return Null, ErrExprOverflow(rt)
		}
		return Value{K: KindFloat, F: r}, nil
	case KindDecimal:
		out := Value{K: KindDecimal}
		out.Dec.Set(&v.Dec)
		if err := roundDec(&out.Dec, length, truncate); err != nil {
			return Null, err
		}
		// Back to the declared scale, then check the declared precision.
		scale := int32(t.Scale)
		if t.ID == Unknown {
			scale = -v.Dec.Exponent
		}
		roundCtx.Quantize(&out.Dec, &out.Dec, -scale)
		if out.Dec.Coeff.Sign() == 0 {
			out.Dec.Negative = false
		}
		if t.Precision != 0 && numDigits(&out.Dec) > int64(t.Precision) {
			return Null, ErrExprOverflow(Type{ID: Numeric})
		}
		return out, nil
	case KindString:
		// Strings are converted to float, as SQL Server's implicit
		// conversion for ROUND does.
		f, err := Convert(v, t, TypeFloat)
		if err != nil {
			return Null, err
		}
		return Round(f, TypeFloat, length, truncate)
	}
	return Null, newErr(8116, txt8116, t.MsgName(), 1, "round")
}

// roundDec rounds d to length decimal places (negative: tens, hundreds …).
func roundDec(d *apd.Decimal, length int, truncate bool) *msgs.Error {
	ctx := &roundCtx
	if truncate {
		ctx = &truncCtx
	}
	if -d.Exponent <= int32(length) {
		return nil
	}
	if _, err := ctx.Quantize(d, d, -int32(length)); err != nil {
		return ErrExprOverflow(Type{ID: Numeric})
	}
	return nil
}

// Negate computes unary minus with SQL Server's overflow error
// (-(-2147483648) in int is Msg 8115); tinyint has no negative values.
func Negate(v Value, t Type) (Value, *msgs.Error) {
	switch v.K {
	case KindNull:
		return Null, nil
	case KindInt, KindBool:
		lo, hi := t.ID.intRange()
		if t.ID == TinyInt || t.ID == Bit {
			// SQL Server computes -tinyint in int.
			lo, hi = math.MinInt32, math.MaxInt32
		}
		if v.I == math.MinInt64 || -v.I < lo || -v.I > hi {
			return Null, ErrExprOverflow(t)
		}
		return Value{K: KindInt, I: -v.I}, nil
	case KindMoney:
		if v.I == math.MinInt64 {
			return Null, ErrExprOverflow(t)
		}
		return Value{K: KindMoney, I: -v.I}, nil
	case KindFloat:
		return Value{K: KindFloat, F: -v.F}, nil
	case KindDecimal:
		out := Value{K: KindDecimal}
		out.Dec.Neg(&v.Dec)
		if out.Dec.Coeff.Sign() == 0 {
			out.Dec.Negative = false
		}
		return out, nil
	}
	return Null, ErrInvalidOperator("minus", t)
}

// NewGUIDRandom returns a random (version 4) uniqueidentifier, as NEWID().
func NewGUIDRandom() Value {
	var g [16]byte
	_, _ = rand.Read(g[:])
	// Version and variant bits sit in the display order's 7th and 9th
	// bytes: stored bytes 7 (the high byte of the little-endian third
	// group) and 8.
	g[7] = g[7]&0x0F | 0x40
	g[8] = g[8]&0x3F | 0x80
	return GUIDValue(g)
}
