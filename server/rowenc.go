package server

import (
	"math"
	"math/big"
	"math/bits"
	"strconv"

	"github.com/cockroachdb/apd/v3"
	"github.com/tsqld/tsqld/sql/types"
	"github.com/tsqld/tsqld/tds"
)

// appendValue writes one row value for column e. It allocates nothing on
// the common paths; the values the engine hands over are trusted to match
// the column type, but lengths are clamped to the declared maximum because a
// value longer than its COLMETADATA breaks the client's stream.
func appendValue(dst []byte, e *colEnc, v *types.Value) []byte {
	if v.K == types.KindNull {
		return tds.AppendNull(dst, &e.ti, true)
	}
	switch e.kind {
	case encIntN:
		return tds.AppendIntN(dst, e.ti.Size, valueInt(v))
	case encBitN:
		return tds.AppendBitN(dst, valueInt(v) != 0)
	case encFltN:
		return tds.AppendFltN(dst, e.ti.Size, valueFloat(v))
	case encMoneyN:
		return tds.AppendMoneyN(dst, e.ti.Size, valueInt(v))
	case encDecimalN:
		return appendDecimal(dst, e, v)
	case encDateTimeN:
		return tds.AppendDateTimeN(dst, e.ti.Size, v.I)
	case encDateN:
		return tds.AppendDateN(dst, v.I)
	case encTimeN:
		return tds.AppendTimeN(dst, e.ti.Scale, v.I)
	case encDateTime2N:
		return tds.AppendDateTime2N(dst, e.ti.Scale, v.I)
	case encDTOffsetN:
		return tds.AppendDateTimeOffsetN(dst, e.ti.Scale, v.I, v.Off)
	case encGUID:
		return tds.AppendGUIDN(dst, v.B)
	case encVarChar:
		if cp := e.codePage(); cp != 1252 {
			b := tds.AppendCodePage(nil, cp, valueString(v))
			if len(b) > e.maxBytes {
				b = b[:e.maxBytes] // never longer than the metadata says
			}
			return tds.AppendVarChar(dst, b)
		}
		return tds.AppendVarCharString(dst, truncRunes(valueString(v), e.maxBytes))
	case encNVarChar:
		return tds.AppendNVarChar(dst, truncUTF16(valueString(v), e.maxBytes/2))
	case encVarBinary:
		b := v.B
		if len(b) > e.maxBytes {
			b = b[:e.maxBytes]
		}
		return tds.AppendVarBinary(dst, b)
	case encPLPChar:
		if cp := e.codePage(); cp != 1252 {
			return tds.AppendPLP(dst, tds.AppendCodePage(nil, cp, valueString(v)))
		}
		return tds.AppendPLPVarCharString(dst, valueString(v))
	case encPLPNChar:
		return tds.AppendPLPNVarChar(dst, valueString(v))
	case encPLPBinary:
		return tds.AppendPLP(dst, v.B)
	case encText:
		return appendTextCP1252(dst, valueString(v))
	case encNText:
		return tds.AppendNTextRow(dst, valueString(v))
	case encImage:
		return tds.AppendTextRow(dst, v.B)
	case encDateString:
		var tmp [40]byte
		return tds.AppendNVarChar(dst, string(formatDateTime(tmp[:0], e.src, v)))
	case encVariant:
		return appendVariant(dst, v)
	}
	return tds.AppendNull(dst, &e.ti, true)
}

func valueInt(v *types.Value) int64 {
	switch v.K {
	case types.KindFloat:
		return int64(v.F)
	case types.KindDecimal:
		i, _ := v.Dec.Int64()
		return i
	}
	return v.I
}

func valueFloat(v *types.Value) float64 {
	switch v.K {
	case types.KindInt, types.KindBool:
		return float64(v.I)
	case types.KindMoney:
		return float64(v.I) / 10000
	case types.KindDecimal:
		f, _ := v.Dec.Float64()
		return f
	}
	return v.F
}

// valueString returns the text of a character value. The engine sends
// character columns as KindString; anything else is a conversion the engine
// should have done, so it is formatted rather than lost.
func valueString(v *types.Value) string {
	switch v.K {
	case types.KindString:
		return v.S
	case types.KindBytes:
		return string(v.B)
	case types.KindInt, types.KindBool:
		return strconv.FormatInt(v.I, 10)
	case types.KindFloat:
		return strconv.FormatFloat(v.F, 'g', -1, 64)
	case types.KindDecimal:
		return v.Dec.Text('f')
	}
	return v.S
}

// truncRunes cuts s to at most n characters (one byte each in a single-
// byte code page).
func truncRunes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	count := 0
	for i := range s {
		if count == n {
			return s[:i]
		}
		count++
	}
	return s
}

// truncUTF16 cuts s to at most n UTF-16 code units without splitting a
// character.
func truncUTF16(s string, n int) string {
	if len(s) <= n { // every byte is at most one unit
		return s
	}
	units := 0
	for i, r := range s {
		u := 1
		if r >= 0x10000 {
			u = 2
		}
		if units+u > n {
			return s[:i]
		}
		units += u
	}
	return s
}

// appendTextCP1252 writes a text ROW value (7.1 clients) in cp1252.
func appendTextCP1252(dst []byte, s string) []byte {
	// Reserve the text pointer framing via AppendTextRow with no data, then
	// append the converted bytes and patch the LONG length.
	dst = tds.AppendTextRow(dst, nil)
	at := len(dst)
	dst = tds.AppendCP1252(dst, s)
	n := uint32(len(dst) - at)
	dst[at-4], dst[at-3], dst[at-2], dst[at-1] = byte(n), byte(n>>8), byte(n>>16), byte(n>>24)
	return dst
}

var pow10u64 = [...]uint64{1, 10, 100, 1000, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19}

// appendDecimal writes a DECIMALN value at the column's scale, rounding
// half away from zero if the engine's value has more digits. Values fit
// in 128 bits (decimal(38)), so this is integer arithmetic without
// allocation.
func appendDecimal(dst []byte, e *colEnc, v *types.Value) []byte {
	var neg bool
	var lo, hi uint64
	var exp int32
	switch v.K {
	case types.KindDecimal:
		d := &v.Dec
		if d.Form != apd.Finite {
			return tds.AppendNull(dst, &e.ti, true)
		}
		words := d.Coeff.Bits()
		switch {
		case len(words) == 0:
		case bits.UintSize == 64 && len(words) <= 2:
			lo = uint64(words[0])
			if len(words) == 2 {
				hi = uint64(words[1])
			}
		default:
			return appendDecimalBig(dst, e, d)
		}
		neg, exp = d.Negative, d.Exponent
	case types.KindMoney:
		neg, lo, exp = v.I < 0, absU64(v.I), -4
	case types.KindFloat:
		var d apd.Decimal
		if _, err := d.SetFloat64(v.F); err != nil {
			return tds.AppendNull(dst, &e.ti, true)
		}
		return appendDecimalBig(dst, e, &d)
	default:
		neg, lo = v.I < 0, absU64(v.I)
	}
	shift := exp + int32(e.ti.Scale) // digits to add (> 0) or drop (< 0)
	for ok := true; shift > 0; {
		k := min(shift, 19)
		if lo, hi, ok = mul128(lo, hi, pow10u64[k]); !ok {
			return appendDecimalBig(dst, e, &v.Dec)
		}
		shift -= k
	}
	if shift < 0 {
		if shift < -38 {
			lo, hi = 0, 0
		} else {
			// Truncate all but the last dropped digit, then round on it
			// (half away from zero looks only at the first dropped digit).
			for drop := -shift - 1; drop > 0; {
				k := min(drop, 19)
				lo, hi, _ = div128(lo, hi, pow10u64[k])
				drop -= k
			}
			var r uint64
			lo, hi, r = div128(lo, hi, 10)
			if r >= 5 {
				var c uint64
				lo, c = bits.Add64(lo, 1, 0)
				hi += c
			}
		}
	}
	return tds.AppendDecimalN(dst, e.ti.Precision, neg && lo|hi != 0, lo, hi)
}

func absU64(i int64) uint64 {
	if i < 0 {
		return uint64(-i)
	}
	return uint64(i)
}

// div128 divides hi:lo by d, returning the quotient and remainder.
func div128(lo, hi, d uint64) (qlo, qhi, r uint64) {
	qhi, r = hi/d, hi%d
	qlo, r = bits.Div64(r, lo, d)
	return qlo, qhi, r
}

// appendDecimalBig is the general path (floats, 32-bit platforms, values
// the engine should not produce); it allocates.
func appendDecimalBig(dst []byte, e *colEnc, d *apd.Decimal) []byte {
	var r apd.Decimal
	ctx := apd.BaseContext.WithPrecision(80)
	ctx.Rounding = apd.RoundHalfUp
	if _, err := ctx.Quantize(&r, d, -int32(e.ti.Scale)); err != nil {
		return tds.AppendNull(dst, &e.ti, true)
	}
	mag := new(big.Int).Abs(r.Coeff.MathBigInt())
	if mag.BitLen() > 128 {
		return tds.AppendNull(dst, &e.ti, true)
	}
	lo := new(big.Int).And(mag, new(big.Int).SetUint64(math.MaxUint64)).Uint64()
	hi := new(big.Int).Rsh(mag, 64).Uint64()
	return tds.AppendDecimalN(dst, e.ti.Precision, d.Negative && mag.Sign() != 0, lo, hi)
}

// mul128 multiplies the 128-bit value hi:lo by m; ok is false on overflow.
func mul128(lo, hi, m uint64) (uint64, uint64, bool) {
	h1, l := bits.Mul64(lo, m)
	h2, l2 := bits.Mul64(hi, m)
	if h2 != 0 {
		return 0, 0, false
	}
	h, c := bits.Add64(h1, l2, 0)
	if c != 0 {
		return 0, 0, false
	}
	return l, h, true
}

// formatDateTime renders a date/time value in SQL Server's canonical text
// (style 121-like, as down-level clients receive it).
func formatDateTime(dst []byte, t types.Type, v *types.Value) []byte {
	ts := tds.TimeFromTicks(v.I, 0)
	pad := func(dst []byte, n, w int) []byte {
		var b [10]byte
		s := strconv.AppendInt(b[:0], int64(n), 10)
		for i := len(s); i < w; i++ {
			dst = append(dst, '0')
		}
		return append(dst, s...)
	}
	date := func(dst []byte) []byte {
		dst = pad(dst, ts.Year(), 4)
		dst = append(dst, '-')
		dst = pad(dst, int(ts.Month()), 2)
		dst = append(dst, '-')
		return pad(dst, ts.Day(), 2)
	}
	clock := func(dst []byte) []byte {
		dst = pad(dst, ts.Hour(), 2)
		dst = append(dst, ':')
		dst = pad(dst, ts.Minute(), 2)
		dst = append(dst, ':')
		dst = pad(dst, ts.Second(), 2)
		if t.Scale > 0 {
			dst = append(dst, '.')
			frac := ts.Nanosecond() / 100 // 7 digits
			dst = pad(dst, frac/int(math.Pow10(7-int(t.Scale))), int(t.Scale))
		}
		return dst
	}
	switch t.ID {
	case types.Date:
		return date(dst)
	case types.Time:
		return clock(dst)
	case types.DateTime2:
		return clock(append(date(dst), ' '))
	}
	dst = clock(append(date(dst), ' '))
	off := int(v.Off)
	sign := byte('+')
	if off < 0 {
		sign, off = '-', -off
	}
	dst = append(dst, ' ', sign)
	dst = pad(dst, off/60, 2)
	dst = append(dst, ':')
	return pad(dst, off%60, 2)
}

// codePage is the code page of the column's char data (computed once).
func (e *colEnc) codePage() int {
	if e.cp == 0 {
		e.cp = tds.CodePage(e.ti.Collation)
	}
	return e.cp
}
