package collation

import (
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// Code page 1252 is the byte encoding of char/varchar under the Latin1
// collations. Values travel as UTF-8 Go strings inside the engine; these
// helpers give the bytes (TDS, DATALENGTH, CAST to varbinary) and apply
// SQL Server's best-fit mapping when Unicode text is stored as varchar.

var cp1252 = charmap.Windows1252

// EncodeCP1252 appends the code page 1252 bytes of s to dst. Characters
// outside the code page take their best-fit letter (ā → a) or '?'.
func EncodeCP1252(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		dst = append(dst, encodeRune(r))
	}
	return dst
}

func encodeRune(r rune) byte {
	if b, ok := cp1252.EncodeRune(r); ok {
		return b
	}
	// Best fit: the base letter of a decomposable character.
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	if dec := norm.NFD.Properties(buf[:n]).Decomposition(); len(dec) > 0 {
		base, _ := utf8.DecodeRune(dec)
		if b, ok := cp1252.EncodeRune(base); ok {
			return b
		}
	}
	if b, ok := bestFit[r]; ok {
		return b
	}
	return '?'
}

// bestFit covers letters without a canonical decomposition that Windows'
// best-fit table still maps to a Latin-1 letter.
var bestFit = map[rune]byte{
	'ł': 'l', 'Ł': 'L', 'đ': 'd', 'Đ': 'D', 'ħ': 'h', 'Ħ': 'H', 'ŧ': 't', 'Ŧ': 'T',
	'ı': 'i', 'ŀ': 'l', 'Ŀ': 'L', 'ƀ': 'b', 'ƚ': 'l', 'ɨ': 'i',
	'\u2010': '-', '\u2011': '-', '\u2212': '-', '\u2032': 0x27, '\u2033': '"',
}

// DecodeCP1252 returns the UTF-8 string of code page 1252 bytes.
func DecodeCP1252(b []byte) string {
	ascii := true
	for _, c := range b {
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return string(b)
	}
	out := make([]byte, 0, len(b)+8)
	for _, c := range b {
		out = utf8.AppendRune(out, cp1252.DecodeByte(c))
	}
	return string(out)
}

// ToCP1252String returns s as it reads after storing it in varchar: each
// character outside code page 1252 replaced by its best fit or '?'. ASCII
// and already-representable strings are returned unchanged without
// allocating.
func ToCP1252String(s string) string {
	ok := true
	for _, r := range s {
		if r >= utf8.RuneSelf {
			if _, in := cp1252.EncodeRune(r); !in {
				ok = false
				break
			}
		}
	}
	if ok {
		return s
	}
	return DecodeCP1252(EncodeCP1252(nil, s))
}

// InCP1252 reports whether every character of s exists in code page 1252.
func InCP1252(s string) bool {
	for _, r := range s {
		if r >= utf8.RuneSelf {
			if _, in := cp1252.EncodeRune(r); !in {
				return false
			}
		}
	}
	return true
}
