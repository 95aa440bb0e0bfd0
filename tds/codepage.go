package tds

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// CodePageUTF8 is returned by CodePage for collations with the UTF8 flag.
const CodePageUTF8 = 65001

// CodePage returns the code page of char/varchar/text data in collation c:
// SQL collations (SortID ≠ 0) by sort order, Windows collations by locale.
// Unknown locales fall back to 1252, as SQL Server clients do.
func CodePage(c Collation) int {
	if c.Info&CollationUTF8 != 0 {
		return CodePageUTF8
	}
	if c.SortID != 0 {
		s := c.SortID
		switch {
		case s >= 30 && s <= 34:
			return 437
		case s >= 40 && s <= 44 || s == 49 || (s >= 55 && s <= 61): // 43: SQL_Latin1_General_Pref_CP850_CI_AS
			return 850
		case s >= 80 && s <= 96:
			return 1250
		case s >= 104 && s <= 108:
			return 1251
		case s >= 112 && s <= 114 || s >= 120 && s <= 122 || s == 124: // 120, 122: SQL_MixDiction/AltDiction2_CP1253
			return 1253
		case s >= 128 && s <= 130:
			return 1254
		case s >= 136 && s <= 138:
			return 1255
		case s >= 144 && s <= 146:
			return 1256
		case s >= 152 && s <= 160:
			return 1257
		case s == 192 || s == 193 || s == 200:
			return 932
		case s == 194 || s == 195 || s == 201:
			return 949
		case s == 196 || s == 197 || s == 202:
			return 950
		case s == 198 || s == 199 || s == 203:
			return 936
		case s >= 204 && s <= 206:
			return 874
		}
		return 1252
	}
	lcid := c.LCID()
	switch lcid {
	case 0x0804, 0x1004, 0x20804:
		return 936
	case 0x0404, 0x0C04, 0x1404, 0x7C04, 0x30404, 0x21404:
		return 950
	case 0x0C1A, 0x1C1A, 0x201A, 0x082C: // Serbian/Bosnian Cyrillic, Azeri Cyrillic
		return 1251
	}
	switch lcid & 0x3FF { // primary language
	case 0x1E:
		return 874
	case 0x11:
		return 932
	case 0x12:
		return 949
	case 0x05, 0x0E, 0x15, 0x18, 0x1A, 0x1B, 0x1C, 0x24, 0x42:
		return 1250
	case 0x02, 0x19, 0x22, 0x23, 0x2F, 0x3F, 0x44, 0x6D, 0x85:
		return 1251
	case 0x08:
		return 1253
	case 0x1F, 0x2C, 0x43:
		return 1254
	case 0x0D:
		return 1255
	case 0x01, 0x20, 0x29, 0x80, 0x8C:
		return 1256
	case 0x25, 0x26, 0x27:
		return 1257
	case 0x2A:
		return 1258
	}
	return 1252
}

// singleByte returns the charmap of a single-byte code page, or nil.
func singleByte(cp int) *charmap.Charmap {
	switch cp {
	case 437:
		return charmap.CodePage437
	case 850:
		return charmap.CodePage850
	case 874:
		return charmap.Windows874
	case 1250:
		return charmap.Windows1250
	case 1251:
		return charmap.Windows1251
	case 1252:
		return charmap.Windows1252
	case 1253:
		return charmap.Windows1253
	case 1254:
		return charmap.Windows1254
	case 1255:
		return charmap.Windows1255
	case 1256:
		return charmap.Windows1256
	case 1257:
		return charmap.Windows1257
	case 1258:
		return charmap.Windows1258
	}
	return nil
}

func multiByte(cp int) encoding.Encoding {
	switch cp {
	case 932:
		return japanese.ShiftJIS
	case 936:
		return simplifiedchinese.GBK
	case 949:
		return korean.EUCKR
	case 950:
		return traditionalchinese.Big5
	}
	return nil
}

// DecodeCodePage converts bytes in code page cp to a string. Unknown code
// pages are treated as 1252.
func DecodeCodePage(b []byte, cp int) string {
	if cp == CodePageUTF8 || isASCII(b) {
		return string(b)
	}
	if enc := multiByte(cp); enc != nil {
		if out, err := enc.NewDecoder().Bytes(b); err == nil {
			return string(out)
		}
	}
	cm := singleByte(cp)
	if cm == nil {
		cm = charmap.Windows1252
	}
	out := make([]byte, 0, len(b)+len(b)/2)
	for _, c := range b {
		out = utf8.AppendRune(out, cm.DecodeByte(c))
	}
	return string(out)
}

// AppendCodePage appends s converted to code page cp without a length;
// characters the code page cannot represent become '?', as in SQL Server.
// Single-byte code pages do not allocate.
func AppendCodePage(dst []byte, cp int, s string) []byte {
	if cp == CodePageUTF8 {
		return append(dst, s...)
	}
	cm := singleByte(cp)
	if cm == nil {
		if enc := multiByte(cp); enc != nil {
			e := encoding.ReplaceUnsupported(enc.NewEncoder())
			if out, err := e.String(s); err == nil {
				// The replacement encoder substitutes ASCII SUB (0x1A),
				// which cannot occur inside these multi-byte sequences;
				// SQL Server writes '?'.
				start := len(dst)
				dst = append(dst, out...)
				if !strings.ContainsRune(s, 0x1A) {
					for i := start; i < len(dst); i++ {
						if dst[i] == 0x1A {
							dst[i] = '?'
						}
					}
				}
				return dst
			}
		}
		cm = charmap.Windows1252
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if b, ok := cm.EncodeRune(r); ok {
			dst = append(dst, b)
		} else {
			dst = append(dst, '?')
		}
	}
	return dst
}

// AppendVarCharIn appends a VARCHAR/CHAR value (USHORT length) of s in the
// code page of collation c.
func AppendVarCharIn(dst []byte, c Collation, s string) []byte {
	at := len(dst)
	dst = append(dst, 0, 0)
	dst = AppendCodePage(dst, CodePage(c), s)
	n := len(dst) - at - 2
	if n > 0xFFFE {
		dst = dst[:at+2+0xFFFE]
		n = 0xFFFE
	}
	putU16(dst[at:], uint16(n))
	return dst
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
