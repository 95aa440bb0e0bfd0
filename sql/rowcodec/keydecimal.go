package rowcodec

import (
	"strconv"

	"github.com/cockroachdb/apd/v3"
)

// Decimal keys. A finite decimal is written as ±0.d1d2…dn × 10^E with
// d1 ≠ 0 and dn ≠ 0 (leading and trailing zeros stripped, so 1.5 and 1.50
// encode alike, as they compare equal):
//
//	negative: 0x01, AppendKeyInt(-E), digit pairs complemented, 0xFF
//	zero:     0x02
//	positive: 0x03, AppendKeyInt(E),  digit pairs,             0x00
//
// Digits go two per byte as 1+10*a+b (an odd last digit is paired with 0,
// unambiguous because trailing zeros are stripped); 0x00 ends the digits
// and sorts below every pair, so 0.5 < 0.51. Negative numbers complement
// exponent order and digits so larger magnitudes sort first.

const (
	decNeg  = 0x01
	decZero = 0x02
	decPos  = 0x03
)

func appendDecimalKey(dst []byte, d *apd.Decimal) ([]byte, error) {
	if d.Form != apd.Finite {
		return nil, ErrBadValue
	}
	var buf [64]byte
	digits := d.Coeff.Append(buf[:0], 10)
	return appendDigitsKey(dst, d.Negative, digits, int64(d.Exponent)), nil
}

// appendIntAsDecimalKey encodes v × 10^exp like a decimal (sql_variant
// compares exact numerics of different types by value).
func appendIntAsDecimalKey(dst []byte, v int64, exp int64) []byte {
	var buf [24]byte
	neg := v < 0
	u := uint64(v)
	if neg {
		u = -u
	}
	return appendDigitsKey(dst, neg, strconv.AppendUint(buf[:0], u, 10), exp)
}

// appendDigitsKey encodes ±digits × 10^exp; digits are ASCII.
func appendDigitsKey(dst []byte, neg bool, digits []byte, exp int64) []byte {
	for len(digits) > 0 && digits[0] == '0' {
		digits = digits[1:]
	}
	for len(digits) > 0 && digits[len(digits)-1] == '0' {
		digits = digits[:len(digits)-1]
		exp++
	}
	if len(digits) == 0 {
		return append(dst, decZero)
	}
	e := int64(len(digits)) + exp
	var x byte
	if neg {
		dst = append(dst, decNeg)
		dst = AppendKeyInt(dst, -e)
		x = 0xFF
	} else {
		dst = append(dst, decPos)
		dst = AppendKeyInt(dst, e)
	}
	for i := 0; i < len(digits); i += 2 {
		a := digits[i] - '0'
		var b byte
		if i+1 < len(digits) {
			b = digits[i+1] - '0'
		}
		dst = append(dst, (1+10*a+b)^x)
	}
	return append(dst, x)
}

// decodeDecimalKey decodes a decimal key into d and returns the rest.
func decodeDecimalKey(d *apd.Decimal, src []byte, inverted bool) ([]byte, error) {
	var x byte
	if inverted {
		x = 0xFF
	}
	if len(src) == 0 {
		return nil, ErrCorrupt
	}
	tag := src[0] ^ x
	src = src[1:]
	if tag == decZero {
		d.SetFinite(0, 0)
		return src, nil
	}
	if tag != decNeg && tag != decPos {
		return nil, ErrCorrupt
	}
	neg := tag == decNeg
	var nx byte // negative numbers complement their digits
	if neg {
		nx = 0xFF
	}
	// The exponent is an AppendKeyInt value (complemented under DESC).
	var tmp [9]byte
	m := copy(tmp[:], src)
	for i := 0; i < m; i++ {
		tmp[i] ^= x
	}
	e, rest, err := DecodeKeyInt(tmp[:m])
	if err != nil {
		return nil, err
	}
	src = src[m-len(rest):]
	if neg {
		e = -e
	}
	var digits [80]byte
	nd := 0
	for {
		if len(src) == 0 {
			return nil, ErrCorrupt
		}
		c := src[0] ^ x ^ nx
		src = src[1:]
		if c == 0 {
			break
		}
		if c > 100 || nd+2 > len(digits) {
			return nil, ErrCorrupt
		}
		v := c - 1
		digits[nd], digits[nd+1] = '0'+v/10, '0'+v%10
		nd += 2
	}
	for nd > 0 && digits[nd-1] == '0' {
		nd--
	}
	if nd == 0 {
		return nil, ErrCorrupt
	}
	if nd <= 19 {
		var u uint64
		for _, c := range digits[:nd] {
			u = u*10 + uint64(c-'0')
		}
		d.Coeff.SetUint64(u)
	} else if _, ok := d.Coeff.SetString(string(digits[:nd]), 10); !ok {
		return nil, ErrCorrupt
	}
	d.Form = apd.Finite
	d.Negative = neg
	d.Exponent = int32(e - int64(nd))
	return src, nil
}
