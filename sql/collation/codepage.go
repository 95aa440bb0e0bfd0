package collation

import (
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// windowsCodePage is the code page of char/varchar data under a Windows
// collation of locale lcid (the table clients use to decode the bytes; the
// tds package states it for the wire, and sql/ may not import tds).
func windowsCodePage(lcid uint32) int {
	lcid &= 0xFFFFF
	switch lcid {
	case 0x0804, 0x1004, 0x20804:
		return 936
	case 0x0404, 0x0C04, 0x1404, 0x7C04, 0x30404, 0x21404:
		return 950
	case 0x0C1A, 0x1C1A, 0x201A, 0x082C:
		return 1251
	}
	switch lcid & 0x3FF {
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

func codePageEncoding(cp int) encoding.Encoding {
	switch cp {
	case 874:
		return charmap.Windows874
	case 1250:
		return charmap.Windows1250
	case 1251:
		return charmap.Windows1251
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

// ToCodePageString is what a varchar under c can hold of s: characters its
// code page cannot represent become '?', as SQL Server converts nvarchar to
// varchar. Code page 1252 (the default) takes the allocation-free path.
func (c *Collation) ToCodePageString(s string) string {
	enc := codePageEncoding(c.CodePage)
	if enc == nil {
		if c.CodePage == 65001 {
			return s
		}
		return ToCP1252String(s)
	}
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	b, err := encoding.ReplaceUnsupported(enc.NewEncoder()).String(s)
	if err != nil {
		return ToCP1252String(s)
	}
	out, err := enc.NewDecoder().String(b)
	if err != nil {
		return ToCP1252String(s)
	}
	if !strings.ContainsRune(s, 0x1A) { // the encoder's substitute is SUB
		out = strings.ReplaceAll(out, "\x1a", "?")
	}
	return out
}
