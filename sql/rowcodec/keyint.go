package rowcodec

import "math/bits"

// Order-preserving variable-length integers. A non-negative value is a
// byte 0x80+n followed by its n big-endian magnitude bytes (n = 0..8, no
// leading zero bytes); a negative value v is 0x7F-n followed by the
// complemented n bytes of ^v (= -v-1). More bytes mean a larger magnitude,
// so the first byte orders lengths and the payload orders values within a
// length. The first byte is never 0x00 (so it cannot collide with NULL).

func byteLen(u uint64) int { return (bits.Len64(u) + 7) / 8 }

// AppendKeyUint appends the order-preserving encoding of u (also used for
// table and index ids in key prefixes).
func AppendKeyUint(dst []byte, u uint64) []byte {
	n := byteLen(u)
	dst = append(dst, byte(0x80+n))
	for i := n - 1; i >= 0; i-- {
		dst = append(dst, byte(u>>(8*i)))
	}
	return dst
}

// AppendKeyInt appends the order-preserving encoding of v.
func AppendKeyInt(dst []byte, v int64) []byte {
	if v >= 0 {
		return AppendKeyUint(dst, uint64(v))
	}
	u := ^uint64(v)
	n := byteLen(u)
	dst = append(dst, byte(0x7f-n))
	for i := n - 1; i >= 0; i-- {
		dst = append(dst, ^byte(u>>(8*i)))
	}
	return dst
}

// DecodeKeyInt decodes an AppendKeyInt value and returns the rest of src.
func DecodeKeyInt(src []byte) (int64, []byte, error) {
	if len(src) == 0 {
		return 0, nil, ErrCorrupt
	}
	b := src[0]
	neg := b < 0x80
	var n int
	if neg {
		n = 0x7f - int(b)
	} else {
		n = int(b) - 0x80
	}
	if n < 0 || n > 8 || len(src) < 1+n {
		return 0, nil, ErrCorrupt
	}
	var u uint64
	for _, c := range src[1 : 1+n] {
		if neg {
			c = ^c
		}
		u = u<<8 | uint64(c)
	}
	if neg {
		return int64(^u), src[1+n:], nil
	}
	if u > 1<<63-1 {
		return 0, nil, ErrCorrupt
	}
	return int64(u), src[1+n:], nil
}

// DecodeKeyUint decodes an AppendKeyUint value and returns the rest of src.
func DecodeKeyUint(src []byte) (uint64, []byte, error) {
	if len(src) == 0 || src[0] < 0x80 || src[0] > 0x88 || len(src) < 1+int(src[0]-0x80) {
		return 0, nil, ErrCorrupt
	}
	n := int(src[0] - 0x80)
	var u uint64
	for _, c := range src[1 : 1+n] {
		u = u<<8 | uint64(c)
	}
	return u, src[1+n:], nil
}
