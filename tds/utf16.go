package tds

import (
	"unicode/utf16"
	"unicode/utf8"
)

// UTF16Len returns the number of UTF-16 code units needed for s (what TDS
// length fields count). Invalid UTF-8 bytes count as one unit (U+FFFD).
func UTF16Len(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// AppendUTF16 appends s as UTF-16LE without a length prefix.
func AppendUTF16(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			dst = append(dst, c, 0)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r >= 0x10000 {
			r1, r2 := utf16.EncodeRune(r)
			dst = append(dst, byte(r1), byte(r1>>8), byte(r2), byte(r2>>8))
		} else {
			dst = append(dst, byte(r), byte(r>>8))
		}
	}
	return dst
}

// appendUTF16Limit appends at most maxUnits code units of s (never splitting
// a surrogate pair) and returns the units written.
func appendUTF16Limit(dst []byte, s string, maxUnits int) ([]byte, int) {
	n := 0
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if r >= 0x10000 {
			if n+2 > maxUnits {
				break
			}
			r1, r2 := utf16.EncodeRune(r)
			dst = append(dst, byte(r1), byte(r1>>8), byte(r2), byte(r2>>8))
			n += 2
		} else {
			if n+1 > maxUnits {
				break
			}
			dst = append(dst, byte(r), byte(r>>8))
			n++
		}
		i += size
	}
	return dst, n
}

// DecodeUTF16 converts UTF-16LE bytes to a string. An odd trailing byte is
// ignored; unpaired surrogates become U+FFFD.
func DecodeUTF16(b []byte) string { return decodeUTF16(b) }

func decodeUTF16(b []byte) string {
	if len(b) < 2 {
		return ""
	}
	// Fast path: pure ASCII needs one allocation of the final size.
	ascii := true
	for i := 0; i+1 < len(b); i += 2 {
		if b[i+1] != 0 || b[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		out := make([]byte, len(b)/2)
		for i := range out {
			out[i] = b[2*i]
		}
		return string(out)
	}
	out := make([]byte, 0, len(b)+len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		u := rune(b[i]) | rune(b[i+1])<<8
		if utf16.IsSurrogate(u) {
			if u < 0xDC00 && i+3 < len(b) {
				u2 := rune(b[i+2]) | rune(b[i+3])<<8
				if r := utf16.DecodeRune(u, u2); r != utf8.RuneError {
					out = utf8.AppendRune(out, r)
					i += 2
					continue
				}
			}
			u = utf8.RuneError
		}
		out = utf8.AppendRune(out, u)
	}
	return string(out)
}

// AppendBVarChar appends a B_VARCHAR (byte length in code units, then
// UTF-16LE). Text longer than 255 units is truncated.
func AppendBVarChar(dst []byte, s string) []byte {
	at := len(dst)
	dst = append(dst, 0)
	dst, n := appendUTF16Limit(dst, s, 255)
	dst[at] = byte(n)
	return dst
}

// AppendUSVarChar appends a US_VARCHAR (USHORT length in code units, then
// UTF-16LE). Text longer than 65535 units is truncated.
func AppendUSVarChar(dst []byte, s string) []byte {
	at := len(dst)
	dst = append(dst, 0, 0)
	dst, n := appendUTF16Limit(dst, s, 0xFFFF)
	putU16(dst[at:], uint16(n))
	return dst
}

// AppendBVarByte appends a B_VARBYTE (byte length, then bytes); b must be
// at most 255 bytes long, longer input is truncated.
func AppendBVarByte(dst []byte, b []byte) []byte {
	if len(b) > 255 {
		b = b[:255]
	}
	dst = append(dst, byte(len(b)))
	return append(dst, b...)
}
