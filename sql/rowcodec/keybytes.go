package rowcodec

import (
	"bytes"
	"slices"
)

// Variable-length byte strings in keys are escaped so they are prefix-free
// and order-preserving: 0x00 becomes 0x00 0xFF and the string ends with
// 0x00 0x01. A shorter string that is a prefix of a longer one therefore
// sorts first (its terminator 0x00 0x01 is below any continuation).

const (
	escByte = 0x00
	escNull = 0xFF // 0x00 0xFF is a literal 0x00
	escTerm = 0x01 // 0x00 0x01 ends the string
)

func appendEscaped(dst, b []byte) []byte {
	z := bytes.Count(b, zeroByte)
	if z == 0 {
		dst = append(dst, b...)
		return append(dst, escByte, escTerm)
	}
	// Sort keys hold a 0x00 every few bytes: size once, then copy byte by
	// byte (cheaper than searching for each 0x00).
	start := len(dst)
	dst = slices.Grow(dst, len(b)+z+2)[:start+len(b)+z]
	out := dst[start:]
	j := 0
	for _, c := range b {
		out[j] = c
		j++
		if c == escByte {
			out[j] = escNull
			j++
		}
	}
	return append(dst, escByte, escTerm)
}

var zeroByte = []byte{escByte}

// appendEscapedString is appendEscaped for a string (no conversion copy).
func appendEscapedString(dst []byte, s string) []byte {
	for {
		i := indexByteString(s, escByte)
		if i < 0 {
			dst = append(dst, s...)
			break
		}
		dst = append(dst, s[:i]...)
		dst = append(dst, escByte, escNull)
		s = s[i+1:]
	}
	return append(dst, escByte, escTerm)
}

func indexByteString(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// decodeEscaped appends the unescaped string at the start of src to dst
// and returns it with the rest of src. inverted reads a DESC encoding.
func decodeEscaped(dst, src []byte, inverted bool) ([]byte, []byte, error) {
	var x byte
	if inverted {
		x = 0xFF
	}
	for i := 0; i < len(src); i++ {
		c := src[i] ^ x
		if c != escByte {
			dst = append(dst, c)
			continue
		}
		if i+1 >= len(src) {
			return nil, nil, ErrCorrupt
		}
		switch src[i+1] ^ x {
		case escNull:
			dst = append(dst, 0)
			i++
		case escTerm:
			return dst, src[i+2:], nil
		default:
			return nil, nil, ErrCorrupt
		}
	}
	return nil, nil, ErrCorrupt
}

// skipEscaped returns src after the escaped string at its start.
func skipEscaped(src []byte, inverted bool) ([]byte, error) {
	var x byte
	if inverted {
		x = 0xFF
	}
	for i := 0; i < len(src); i++ {
		if src[i]^x != escByte {
			continue
		}
		if i+1 >= len(src) {
			return nil, ErrCorrupt
		}
		switch src[i+1] ^ x {
		case escNull:
			i++
		case escTerm:
			return src[i+2:], nil
		default:
			return nil, ErrCorrupt
		}
	}
	return nil, ErrCorrupt
}
