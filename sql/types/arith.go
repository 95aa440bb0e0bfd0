package types

import (
	"math"
	"math/bits"

	"github.com/cockroachdb/apd/v3"
	"github.com/tsqld/tsqld/sql/msgs"
)

// Arith computes a op b, where a has type at, b has type bt and rt is
// ArithResultType(op, at, bt). NULL in gives NULL out. Errors are SQL
// Server's: 8134 divide by zero, 8115 "Arithmetic overflow error converting
// expression to data type <rt>." (int, bigint, numeric, money, float …),
// 517 for datetime overflow, and conversion errors of string operands.
// Integer division truncates toward zero (7/2 = 3) and % takes the sign of
// the dividend, as in SQL Server (and Go).
func Arith(op Op, a Value, at Type, b Value, bt Type, rt Type) (Value, *msgs.Error) {
	if a.K == KindNull || b.K == KindNull {
		return Null, nil
	}
	switch rt.Kind() {
	case KindInt, KindBool:
		x, err := operandInt(&a, at, rt)
		if err != nil {
			return Null, err
		}
		y, err := operandInt(&b, bt, rt)
		if err != nil {
			return Null, err
		}
		r, err := IntArith(op, x, y, rt)
		if rt.ID == Bit {
			return Value{K: KindBool, I: r}, err
		}
		return Value{K: KindInt, I: r}, err
	case KindFloat:
		x, err := operandFloat(&a, at, rt)
		if err != nil {
			return Null, err
		}
		y, err := operandFloat(&b, bt, rt)
		if err != nil {
			return Null, err
		}
		r, err := FloatArith(op, x, y, rt)
		return Value{K: KindFloat, F: r}, err
	case KindMoney:
		x, err := operandMoney(&a, at, rt)
		if err != nil {
			return Null, err
		}
		y, err := operandMoney(&b, bt, rt)
		if err != nil {
			return Null, err
		}
		r, err := MoneyArith(op, x, y, rt)
		return Value{K: KindMoney, I: r}, err
	case KindDecimal:
		var res Value
		res.K = KindDecimal
		var x, y apd.Decimal
		if err := operandDec(&x, &a, at, rt); err != nil {
			return Null, err
		}
		if err := operandDec(&y, &b, bt, rt); err != nil {
			return Null, err
		}
		if err := DecimalArith(op, &res.Dec, &x, &y, rt); err != nil {
			return Null, err
		}
		return res, nil
	case KindString:
		return concatStrings(a, at, b, bt, rt)
	case KindBytes:
		out := make([]byte, 0, len(a.B)+len(b.B))
		out = append(append(out, a.B...), b.B...)
		if rt.Length > 0 && len(out) > int(rt.Length) {
			out = out[:rt.Length]
		}
		return Value{K: KindBytes, B: out}, nil
	case KindDateTime:
		return dateTimeArith(op, a, at, b, bt, rt)
	}
	return Null, ErrIncompatibleOperator(at, bt, op.MsgName())
}

func operandInt(v *Value, t, rt Type) (int64, *msgs.Error) {
	switch v.K {
	case KindInt, KindBool:
		return v.I, nil
	}
	c, err := Convert(*v, t, rt)
	if err != nil {
		return 0, err
	}
	return c.I, nil
}

func operandFloat(v *Value, t, rt Type) (float64, *msgs.Error) {
	switch v.K {
	case KindFloat:
		return v.F, nil
	case KindInt, KindBool:
		return float64(v.I), nil
	case KindMoney:
		return float64(v.I) / 10000, nil
	case KindDecimal:
		f, _ := v.Dec.Float64()
		return f, nil
	}
	c, err := Convert(*v, t, rt)
	if err != nil {
		return 0, err
	}
	return c.F, nil
}

func operandMoney(v *Value, t, rt Type) (int64, *msgs.Error) {
	if v.K == KindMoney {
		return v.I, nil
	}
	c, err := Convert(*v, t, TypeMoney)
	if err != nil {
		return 0, err
	}
	return c.I, nil
}

func operandDec(dst *apd.Decimal, v *Value, t, rt Type) *msgs.Error {
	if toDec(dst, v) {
		return nil
	}
	// A string operand: parse exactly, without rounding to a scale.
	if v.K == KindString {
		if _, ok := parseDecimalString(dst, v.S); ok {
			return nil
		}
		return ErrConverting(t, Type{ID: Numeric})
	}
	c, err := Convert(*v, t, rt)
	if err != nil {
		return err
	}
	dst.Set(&c.Dec)
	return nil
}

// IntArith applies op to two integers of result type rt (tinyint, smallint,
// int, bigint, bit for the bitwise operators) with SQL Server's overflow
// and divide-by-zero errors.
func IntArith(op Op, x, y int64, rt Type) (int64, *msgs.Error) {
	var r int64
	switch op {
	case OpAdd:
		r = x + y
		if (r > x) != (y > 0) {
			return 0, ErrExprOverflow(rt)
		}
	case OpSub:
		r = x - y
		if (r < x) != (y > 0) {
			return 0, ErrExprOverflow(rt)
		}
	case OpMul:
		if x == 0 || y == 0 {
			return 0, nil
		}
		ux, uy := absU(x), absU(y)
		hi, lo := bits.Mul64(ux, uy)
		neg := (x < 0) != (y < 0)
		if hi != 0 || lo > math.MaxInt64+boolU(neg) {
			return 0, ErrExprOverflow(rt)
		}
		r = int64(lo)
		if neg {
			r = -r
		}
	case OpDiv:
		if y == 0 {
			return 0, ErrDivideByZero()
		}
		if y == -1 {
			if x == math.MinInt64 {
				return 0, ErrExprOverflow(rt)
			}
			r = -x
		} else {
			r = x / y
		}
	case OpMod:
		if y == 0 {
			return 0, ErrDivideByZero()
		}
		if y == -1 {
			return 0, nil
		}
		r = x % y
	case OpBitAnd:
		r = x & y
	case OpBitOr:
		r = x | y
	case OpBitXor:
		r = x ^ y
	}
	switch rt.ID {
	case TinyInt:
		if op >= OpBitAnd {
			r &= 0xFF
		}
	case Bit:
		return r & 1, nil
	}
	if lo, hi := rt.ID.intRange(); r < lo || r > hi {
		return 0, ErrExprOverflow(rt)
	}
	return r, nil
}

func absU(x int64) uint64 {
	if x < 0 {
		return uint64(-x)
	}
	return uint64(x)
}

func boolU(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// FloatArith applies op to floats; rt real rounds to float32.
func FloatArith(op Op, x, y float64, rt Type) (float64, *msgs.Error) {
	var r float64
	switch op {
	case OpAdd:
		r = x + y
	case OpSub:
		r = x - y
	case OpMul:
		r = x * y
	case OpDiv:
		if y == 0 {
			return 0, ErrDivideByZero()
		}
		r = x / y
	default:
		return 0, ErrIncompatibleOperator(rt, rt, op.MsgName())
	}
	if rt.ID == Real {
		f := float32(r)
		if math.IsInf(float64(f), 0) {
			return 0, ErrExprOverflow(rt)
		}
		r = float64(f)
	}
	if math.IsInf(r, 0) || math.IsNaN(r) {
		return 0, ErrExprOverflow(rt)
	}
	return r, nil
}

// MoneyArith applies op to money amounts in 1/10000 units. Products and
// quotients are rounded half away from zero to 4 decimals.
func MoneyArith(op Op, x, y int64, rt Type) (int64, *msgs.Error) {
	var r int64
	switch op {
	case OpAdd:
		r = x + y
		if (r > x) != (y > 0) {
			return 0, ErrExprOverflow(rt)
		}
	case OpSub:
		r = x - y
		if (r < x) != (y > 0) {
			return 0, ErrExprOverflow(rt)
		}
	case OpMul:
		q, ok := mulDivRound(x, y, 10000)
		if !ok {
			return 0, ErrExprOverflow(rt)
		}
		r = q
	case OpDiv:
		if y == 0 {
			return 0, ErrDivideByZero()
		}
		q, ok := mulDivRound(x, 10000, y)
		if !ok {
			return 0, ErrExprOverflow(rt)
		}
		r = q
	case OpMod:
		if y == 0 {
			return 0, ErrDivideByZero()
		}
		if y == -1 {
			return 0, nil
		}
		r = x % y
	default:
		return 0, ErrIncompatibleOperator(rt, rt, op.MsgName())
	}
	if rt.ID == SmallMoney && (r < math.MinInt32 || r > math.MaxInt32) {
		return 0, ErrExprOverflow(rt)
	}
	return r, nil
}

// mulDivRound returns x*y/d rounded half away from zero, using a 128-bit
// intermediate.
func mulDivRound(x, y, d int64) (int64, bool) {
	neg := (x < 0) != (y < 0) != (d < 0)
	hi, lo := bits.Mul64(absU(x), absU(y))
	ud := absU(d)
	if hi >= ud {
		return 0, false
	}
	q, rem := bits.Div64(hi, lo, ud)
	if rem >= ud-rem { // rem*2 >= ud without overflow
		q++
	}
	if q > math.MaxInt64+boolU(neg) {
		return 0, false
	}
	if neg {
		return -int64(q), true
	}
	return int64(q), true
}

// DecimalArith computes dst = x op y rounded to rt's scale (division
// truncates, like SQL Server) and checks rt's precision (Msg 8115
// "converting expression to data type numeric").
func DecimalArith(op Op, dst, x, y *apd.Decimal, rt Type) *msgs.Error {
	trunc := false
	if (op == OpAdd || op == OpSub || op == OpMul) && smallDecArith(op, dst, x, y, rt) {
		return nil
	}
	switch op {
	case OpAdd:
		exactCtx.Add(dst, x, y)
	case OpSub:
		exactCtx.Sub(dst, x, y)
	case OpMul:
		exactCtx.Mul(dst, x, y)
	case OpDiv:
		if y.IsZero() {
			return ErrDivideByZero()
		}
		if !quoFast(dst, x, y, int32(rt.Scale)) {
			truncCtx.Quo(dst, x, y)
		}
		trunc = true
	case OpMod:
		if y.IsZero() {
			return ErrDivideByZero()
		}
		exactCtx.Rem(dst, x, y)
	default:
		return ErrIncompatibleOperator(rt, rt, op.MsgName())
	}
	p := rt.Precision
	if p == 0 {
		p = MaxDecimalPrecision // a result type built without precision
	}
	if !fitDecimal(dst, p, rt.Scale, trunc) {
		return ErrExprOverflow(Type{ID: Numeric})
	}
	return nil
}

func concatStrings(a Value, at Type, b Value, bt Type, rt Type) (Value, *msgs.Error) {
	if a.K != KindString {
		c, err := Convert(a, at, rt)
		if err != nil {
			return Null, err
		}
		a = c
	}
	if b.K != KindString {
		c, err := Convert(b, bt, rt)
		if err != nil {
			return Null, err
		}
		b = c
	}
	s := a.S + b.S
	s = truncChars(s, rt)
	return Value{K: KindString, S: s}, nil
}

var pow10u = [...]uint64{1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000,
	1000000000, 10000000000, 100000000000, 1000000000000, 10000000000000,
	100000000000000, 1000000000000000, 10000000000000000, 100000000000000000,
	1000000000000000000, 10000000000000000000}

// quoFast computes dst = trunc(x / y) at the given scale with 128-bit
// integer arithmetic when the coefficients are small, avoiding apd's
// allocating long division (the common case in per-row expressions).
func quoFast(dst, x, y *apd.Decimal, scale int32) bool {
	if x.Form != apd.Finite || y.Form != apd.Finite || !x.Coeff.IsUint64() || !y.Coeff.IsUint64() {
		return false
	}
	xc, yc := x.Coeff.Uint64(), y.Coeff.Uint64()
	// x/y = xc/yc * 10^(ex-ey); at scale s: q = xc*10^(s+ex-ey) / yc.
	k := int64(scale) + int64(x.Exponent) - int64(y.Exponent)
	if k < 0 {
		if -k >= int64(len(pow10u)) {
			return false
		}
		hi, lo := bits.Mul64(yc, pow10u[-k])
		if hi != 0 {
			return false
		}
		yc = lo
		k = 0
	}
	if k >= int64(len(pow10u)) {
		return false
	}
	hi, lo := bits.Mul64(xc, pow10u[k])
	if hi >= yc {
		return false
	}
	q, _ := bits.Div64(hi, lo, yc)
	if q > math.MaxInt64 {
		return false
	}
	dst.SetFinite(int64(q), -scale)
	dst.Negative = x.Negative != y.Negative && q != 0
	return true
}

// smallDecArith computes + - * exactly in 64-bit integers when both
// coefficients are small and the exact result already has the result
// scale (the usual case: operands stored at their declared scales), so the
// per-row path avoids apd's general algorithms. It reports false when the
// general path must run.
func smallDecArith(op Op, dst, x, y *apd.Decimal, rt Type) bool {
	if x.Form != apd.Finite || y.Form != apd.Finite || !x.Coeff.IsInt64() || !y.Coeff.IsInt64() {
		return false
	}
	xc, yc := x.Coeff.Int64(), y.Coeff.Int64()
	if x.Negative {
		xc = -xc
	}
	if y.Negative {
		yc = -yc
	}
	var r int64
	var exp int32
	switch op {
	case OpMul:
		hi, lo := bits.Mul64(absU(xc), absU(yc))
		if hi != 0 || lo > math.MaxInt64 {
			return false
		}
		r = int64(lo)
		if (xc < 0) != (yc < 0) {
			r = -r
		}
		exp = x.Exponent + y.Exponent
	default:
		// Align to the smaller exponent.
		exp = min(x.Exponent, y.Exponent)
		var ok bool
		if xc, ok = scaleUp(xc, x.Exponent-exp); !ok {
			return false
		}
		if yc, ok = scaleUp(yc, y.Exponent-exp); !ok {
			return false
		}
		if op == OpSub {
			if yc == math.MinInt64 {
				return false
			}
			yc = -yc
		}
		r = xc + yc
		if (r > xc) != (yc > 0) {
			return false
		}
	}
	if exp != -int32(rt.Scale) {
		return false
	}
	if u := absU(r); u >= pow10u[min(int(rt.Precision), 19)] && rt.Precision < 19 {
		return false // let the general path report the overflow
	}
	dst.SetFinite(r, exp)
	return true
}

// scaleUp multiplies c by 10^k (k >= 0) if it stays in int64.
func scaleUp(c int64, k int32) (int64, bool) {
	if k == 0 {
		return c, true
	}
	if k >= int32(len(pow10u)) {
		return 0, false
	}
	hi, lo := bits.Mul64(absU(c), pow10u[k])
	if hi != 0 || lo > math.MaxInt64 {
		return 0, false
	}
	if c < 0 {
		return -int64(lo), true
	}
	return int64(lo), true
}
