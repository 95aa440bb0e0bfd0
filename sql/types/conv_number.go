package types

import (
	"encoding/binary"
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/cockroachdb/apd/v3"
	"github.com/tsqld/tsqld/sql/msgs"
)

// trimBlanks removes the white space SQL Server ignores around numbers.
func trimBlanks(s string) string { return strings.Trim(s, " \t\r\n") }

// toInt converts to tinyint/smallint/int/bigint.
func toInt(v *Value, from, to Type) (int64, *msgs.Error) {
	lo, hi := to.ID.intRange()
	switch v.K {
	case KindInt, KindBool:
		if v.I < lo || v.I > hi {
			if to.ID == TinyInt || to.ID == SmallInt {
				return 0, errIntRange(to, v.I)
			}
			return 0, ErrExprOverflow(to)
		}
		return v.I, nil
	case KindDecimal:
		var d apd.Decimal
		truncCtx.RoundToIntegralValue(&d, &v.Dec)
		i, err := d.Int64()
		if err != nil || i < lo || i > hi {
			// SQL Server reports numeric → integer overflow as an
			// expression overflow (SET @i = 2147483648).
			return 0, ErrOverflow("expression", to)
		}
		return i, nil
	case KindMoney:
		// money → integer rounds (CAST($2.5 AS int) = 3).
		q := v.I / 10000
		if r := v.I % 10000; r >= 5000 {
			q++
		} else if r <= -5000 {
			q--
		}
		if q < lo || q > hi {
			return 0, ErrOverflow(from.MsgName(), to)
		}
		return q, nil
	case KindFloat:
		f := math.Trunc(v.F)
		if math.IsNaN(f) || f < float64(lo) || f >= float64(hi)+1 {
			return 0, errFloatRange(to, v.F)
		}
		return int64(f), nil
	case KindString:
		return parseIntString(v.S, from, to)
	case KindBytes:
		return int64(bytesToUint(v.B, intSize(to.ID), to.ID)), nil
	case KindDateTime:
		// Days since 1900-01-01, rounded to the nearest day.
		d := v.I - Day1900*TicksPerDay
		days := d / TicksPerDay
		if rem := d % TicksPerDay; rem >= TicksPerDay/2 {
			days++
		} else if rem <= -TicksPerDay/2 {
			days--
		}
		if days < lo || days > hi {
			return 0, ErrOverflow("expression", to)
		}
		return days, nil
	}
	return 0, ErrExplicitNotAllowed(from, to)
}

func intSize(id TypeID) int {
	switch id {
	case TinyInt, Bit:
		return 1
	case SmallInt:
		return 2
	case Int:
		return 4
	}
	return 8
}

// bytesToUint reads the rightmost n bytes of b big-endian (binary → int
// takes the low-order bytes) and sign-extends for signed types.
func bytesToUint(b []byte, n int, id TypeID) int64 {
	if len(b) > n {
		b = b[len(b)-n:]
	}
	var buf [8]byte
	copy(buf[8-len(b):], b)
	u := binary.BigEndian.Uint64(buf[:])
	switch id {
	case SmallInt:
		return int64(int16(u))
	case Int:
		return int64(int32(u))
	case TinyInt:
		return int64(uint8(u))
	}
	return int64(u)
}

// parseIntString converts a string to an integer type: blanks around the
// number are ignored, an optional sign, digits only; ” is 0. Anything else
// is Msg 245; overflow is 244 (tinyint "INT1", smallint "INT2"), 248 (int)
// or 8114 (bigint), as SQL Server reports.
func parseIntString(s string, from, to Type) (int64, *msgs.Error) {
	t := trimBlanks(s)
	if t == "" {
		return 0, nil
	}
	neg := false
	body := t
	if body[0] == '+' || body[0] == '-' {
		neg = body[0] == '-'
		body = body[1:]
	}
	if body == "" {
		return 0, ErrConversionFailed(from, s, to)
	}
	var u uint64
	over := false
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c < '0' || c > '9' {
			return 0, ErrConversionFailed(from, s, to)
		}
		if u > (math.MaxUint64-9)/10 {
			over = true
			continue
		}
		u = u*10 + uint64(c-'0')
	}
	lo, hi := to.ID.intRange()
	var i int64
	if !over {
		if neg && u <= 1<<63 {
			i = -int64(u)
		} else if !neg && u <= math.MaxInt64 {
			i = int64(u)
		} else {
			over = true
		}
	}
	if over || i < lo || i > hi {
		switch to.ID {
		case TinyInt:
			return 0, newErr(244, txt244, from.MsgName(), s, "INT1")
		case SmallInt:
			return 0, newErr(244, txt244, from.MsgName(), s, "INT2")
		case Int:
			return 0, newErr(248, txt248, from.MsgName(), s)
		}
		return 0, ErrConverting(from, to)
	}
	return i, nil
}

// toBit converts to bit: any non-zero number is 1; strings 'TRUE'/'FALSE'
// (any case) or integers.
func toBit(v *Value, from, to Type) (int64, *msgs.Error) {
	switch v.K {
	case KindBool, KindInt, KindMoney:
		return boolI(v.I != 0), nil
	case KindFloat:
		return boolI(v.F != 0), nil
	case KindDecimal:
		return boolI(!v.Dec.IsZero()), nil
	case KindString:
		t := trimBlanks(v.S)
		switch strings.ToLower(t) {
		case "true":
			return 1, nil
		case "false":
			return 0, nil
		}
		i, err := parseIntString(v.S, from, TypeBigInt)
		if err != nil {
			return 0, ErrConversionFailed(from, v.S, to)
		}
		return boolI(i != 0), nil
	case KindBytes:
		for _, b := range v.B {
			if b != 0 {
				return 1, nil
			}
		}
		return 0, nil
	}
	return 0, ErrExplicitNotAllowed(from, to)
}

func boolI(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// toDecimal converts to decimal(p,s), rounding half away from zero.
func toDecimal(v *Value, from, to Type) (Value, *msgs.Error) {
	to = to.Normalize()
	out := Value{K: KindDecimal}
	switch v.K {
	case KindInt, KindBool, KindMoney, KindDecimal:
		toDec(&out.Dec, v)
	case KindFloat:
		if math.IsInf(v.F, 0) || math.IsNaN(v.F) {
			return Null, decimalOverflow(from)
		}
		// SQL Server converts the float's exact binary value
		// (CAST(0.1E0 AS decimal(38,30)) = 0.100000000000000005551115123126).
		exactFloatDecimal(&out.Dec, v.F)
	case KindString:
		if _, ok := parseDecimalString(&out.Dec, v.S); !ok {
			return Null, ErrConverting(from, Type{ID: Numeric})
		}
	case KindDateTime:
		f := dateTimeToFloat(v.I)
		if _, err := out.Dec.SetFloat64(f); err != nil {
			return Null, decimalOverflow(from)
		}
	default:
		return Null, ErrConverting(from, Type{ID: Numeric})
	}
	if !fitDecimal(&out.Dec, to.Precision, to.Scale, false) {
		return Null, decimalOverflow(from)
	}
	return out, nil
}

// parseDecimalString parses [blanks][sign]digits[.digits][blanks] exactly
// (no exponent: '1e3' is not a decimal in SQL Server). It returns the
// number of fractional digits.
func parseDecimalString(dst *apd.Decimal, s string) (int, bool) {
	t := trimBlanks(s)
	if t == "" {
		return 0, false
	}
	neg := false
	if t[0] == '+' || t[0] == '-' {
		neg = t[0] == '-'
		t = t[1:]
	}
	digits, frac, dot := 0, 0, false
	var coef uint64
	small := true
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch {
		case c == '.' && !dot:
			dot = true
		case c >= '0' && c <= '9':
			digits++
			if dot {
				frac++
			}
			if coef > (math.MaxUint64-9)/10 {
				small = false
			} else {
				coef = coef*10 + uint64(c-'0')
			}
		default:
			return 0, false
		}
	}
	if digits == 0 {
		return 0, false
	}
	if small && coef <= math.MaxInt64 {
		dst.SetFinite(int64(coef), -int32(frac))
	} else {
		clean := strings.Replace(t, ".", "", 1)
		if _, ok := dst.Coeff.SetString(clean, 10); !ok {
			return 0, false
		}
		dst.Exponent = -int32(frac)
		dst.Form = apd.Finite
	}
	dst.Negative = neg && dst.Coeff.Sign() != 0
	return frac, true
}

// toMoney converts to money/smallmoney (1/10000 units), rounding half away
// from zero.
func toMoney(v *Value, from, to Type) (int64, *msgs.Error) {
	var units int64
	overflow := func() (int64, *msgs.Error) { return 0, ErrOverflow(from.MsgName(), to) }
	switch v.K {
	case KindInt, KindBool:
		if v.I > math.MaxInt64/10000 || v.I < math.MinInt64/10000 {
			return overflow()
		}
		units = v.I * 10000
	case KindMoney:
		units = v.I
	case KindDecimal:
		var d apd.Decimal
		roundCtx.Quantize(&d, &v.Dec, -4)
		d.Exponent = 0
		i, err := d.Int64()
		if err != nil {
			return overflow()
		}
		units = i
	case KindFloat:
		f := math.Round(v.F * 10000)
		if math.IsNaN(f) || f >= 9.223372036854775807e18 || f < -9.223372036854775808e18 {
			return overflow()
		}
		units = int64(f)
	case KindString:
		u, st := parseMoney(v.S)
		if st == moneyOverflow {
			return overflow()
		}
		if st != moneyOK {
			if to.ID == SmallMoney {
				return 0, newErr(293, txt293)
			}
			return 0, newErrState(235, 0, txt235)
		}
		units = u
	case KindBytes:
		units = bytesToUint(v.B, 8, BigInt)
		if to.ID == SmallMoney {
			units = bytesToUint(v.B, 4, Int)
		}
	case KindDateTime:
		f := math.Round(dateTimeToFloat(v.I) * 10000)
		units = int64(f)
	default:
		return 0, ErrExplicitNotAllowed(from, to)
	}
	if to.ID == SmallMoney && (units < math.MinInt32 || units > math.MaxInt32) {
		return overflow()
	}
	return units, nil
}

// parseMoneyString accepts [blanks][sign][currency symbol][sign]digits with
// optional thousands commas and a decimal point; more than 4 decimals are
// rounded. ” is 0.
func parseMoneyString(s string) (int64, bool) {
	u, st := parseMoney(s)
	return u, st == moneyOK
}

const (
	moneyOK = iota
	moneySyntax
	moneyOverflow
)

func parseMoney(s string) (int64, int) {
	t := trimBlanks(s)
	neg := false
	if t != "" && (t[0] == '+' || t[0] == '-') {
		neg = t[0] == '-'
		t = t[1:]
	}
	for _, sym := range []string{"$", "£", "€", "¥", "¢", "¤"} {
		if strings.HasPrefix(t, sym) {
			t = strings.TrimLeft(t[len(sym):], " ")
			break
		}
	}
	if t != "" && (t[0] == '+' || t[0] == '-') {
		if t[0] == '-' {
			neg = !neg
		}
		t = t[1:]
	}
	if t == "" {
		return 0, moneyOK
	}
	var whole uint64
	var frac int64
	fracDigits := 0
	dot, any := false, false
	round := false
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch {
		case c == ',' && !dot:
		case c == '.' && !dot:
			dot = true
		case c >= '0' && c <= '9':
			any = true
			if dot {
				if fracDigits < 4 {
					frac = frac*10 + int64(c-'0')
					fracDigits++
				} else if fracDigits == 4 {
					round = c >= '5'
					fracDigits++
				}
			} else {
				if whole > math.MaxInt64/10 {
					return 0, moneyOverflow
				}
				whole = whole*10 + uint64(c-'0')
			}
		default:
			return 0, moneySyntax
		}
	}
	if !any && !dot {
		return 0, moneySyntax
	}
	for fracDigits < 4 {
		frac *= 10
		fracDigits++
	}
	if whole > math.MaxInt64/10000+1 {
		return 0, moneyOverflow
	}
	u := whole*10000 + uint64(frac)
	if round {
		u++
	}
	if neg {
		if u > 1<<63 {
			return 0, moneyOverflow
		}
		return -int64(u), moneyOK
	}
	if u > math.MaxInt64 {
		return 0, moneyOverflow
	}
	return int64(u), moneyOK
}

// toFloat converts to float/real.
func toFloat(v *Value, from, to Type) (float64, *msgs.Error) {
	var f float64
	switch v.K {
	case KindInt, KindBool:
		f = float64(v.I)
	case KindMoney:
		f = float64(v.I) / 10000
	case KindDecimal:
		f, _ = v.Dec.Float64()
	case KindFloat:
		f = v.F
	case KindString:
		t := trimBlanks(v.S)
		if t == "" {
			return 0, nil
		}
		if !floatSyntax(t) {
			return 0, ErrConverting(from, to)
		}
		var err error
		f, err = strconv.ParseFloat(t, 64)
		if err != nil {
			return 0, ErrOverflow(from.MsgName(), to)
		}
	case KindDateTime:
		f = dateTimeToFloat(v.I)
	default:
		return 0, ErrExplicitNotAllowed(from, to)
	}
	if to.ID == Real {
		r := float32(f)
		if math.IsInf(float64(r), 0) {
			return 0, ErrOverflow(from.MsgName(), to)
		}
		f = float64(r)
	}
	return f, nil
}

// floatSyntax accepts [sign]digits[.digits][e[sign]digits] — no hex, inf,
// nan or underscores, which strconv would take.
func floatSyntax(t string) bool {
	i := 0
	if i < len(t) && (t[i] == '+' || t[i] == '-') {
		i++
	}
	digits := 0
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i++
		digits++
	}
	if i < len(t) && t[i] == '.' {
		i++
		for i < len(t) && t[i] >= '0' && t[i] <= '9' {
			i++
			digits++
		}
	}
	if digits == 0 {
		return false
	}
	if i < len(t) && (t[i] == 'e' || t[i] == 'E') {
		i++
		if i < len(t) && (t[i] == '+' || t[i] == '-') {
			i++
		}
		ed := 0
		for i < len(t) && t[i] >= '0' && t[i] <= '9' {
			i++
			ed++
		}
		if ed == 0 {
			return false
		}
	}
	return i == len(t)
}

// dateTimeToFloat is a datetime as SQL Server's number: days since
// 1900-01-01 plus the fraction of the day.
func dateTimeToFloat(ticks int64) float64 {
	return float64(ticks-Day1900*TicksPerDay) / TicksPerDay
}

// exactFloatDecimal sets d to the exact decimal value of the finite float
// f: mant × 2^exp = mant × 5^-exp × 10^exp for negative exp.
func exactFloatDecimal(d *apd.Decimal, f float64) {
	if f == 0 {
		d.SetInt64(0)
		return
	}
	mant, exp := math.Frexp(math.Abs(f)) // f = mant × 2^exp, mant in [0.5, 1)
	m := int64(mant * (1 << 53))
	exp -= 53
	for m&1 == 0 && exp < 0 {
		m >>= 1
		exp++
	}
	var c big.Int
	c.SetInt64(m)
	if exp >= 0 {
		c.Lsh(&c, uint(exp))
		d.Coeff.SetMathBigInt(&c)
		d.Exponent = 0
	} else {
		var p big.Int
		p.Exp(big.NewInt(5), big.NewInt(int64(-exp)), nil)
		c.Mul(&c, &p)
		d.Coeff.SetMathBigInt(&c)
		d.Exponent = int32(exp)
	}
	d.Form = apd.Finite
	d.Negative = f < 0
}
