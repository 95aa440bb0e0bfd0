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

// codePageEncoding is the encoder of a code page of char/varchar data
// (nil for 1252, 65001 and 0, which ToCodePageString handles itself). The
// wire encoding is tds.CodePage's, the same table keyed by the TDS record
// (sql/ may not import tds).
func codePageEncoding(cp int) encoding.Encoding {
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
