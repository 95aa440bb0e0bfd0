package types

import (
	"encoding/hex"
	"math"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/tsqld/tsqld/sql/collation"
	"github.com/tsqld/tsqld/sql/msgs"
)

// toStringValue converts to char/varchar/nchar/nvarchar/text/ntext/xml:
// format the value (FormatValue), map to code page 1252 for non-Unicode
// targets, then fit the declared length.
func toStringValue(v *Value, from, to Type, o *ConvertOptions) (Value, *msgs.Error) {
	s, err := FormatValue(*v, from, o.Style, !to.IsUnicode() || to.ID == XML)
	if err != nil {
		return Null, err
	}
	if !to.IsUnicode() && !isUTF8(to) {
		// varchar holds code page 1252 only (ToCP1252String does not
		// allocate when nothing changes); _UTF8 collations keep UTF-8.
		// The code page is the target's collation's, or for a character
		// source when the target has none, the source's (CAST keeps it).
		ct := to
		if ct.Collation.Name == "" && from.IsString() && from.Collation.Name != "" {
			ct.Collation = from.Collation
		}
		s = CollationOf(ct).ToCodePageString(s)
	}
	// Length 0 never comes from SQL (varchar(0) is invalid): treat a type
	// built without a length as unbounded rather than truncate to ''.
	if to.Length == MaxLength || to.Length == 0 || to.IsLOB() {
		return Value{K: KindString, S: s}, nil
	}
	n := charLen(s, to)
	if n > int(to.Length) {
		switch v.K {
		case KindInt, KindBool:
			// int → too-short varchar gives '*'; nvarchar is an overflow.
			if !to.IsUnicode() {
				return Value{K: KindString, S: fitString("*", to)}, nil
			}
			return Null, ErrOverflow("expression", to)
		case KindDecimal, KindFloat, KindMoney:
			return Null, ErrOverflow(from.MsgName(), to)
		case KindGUID:
			return Null, newErrState(8170, 2, "Insufficient result space to convert uniqueidentifier value to char.")
		}
		if o.Strict && charLen(strings.TrimRight(s, " "), to) > int(to.Length) {
			return Null, ErrTruncated()
		}
		s = truncChars(s, to)
	}
	return Value{K: KindString, S: fitString(s, to)}, nil
}

// charLen is the length of s in the units of t's declared length: UTF-16
// code units for Unicode types, characters (one byte each in code page
// 1252) otherwise.
func charLen(s string, t Type) int {
	if t.IsUnicode() {
		n := 0
		for _, r := range s {
			if r >= 0x10000 {
				n += 2
			} else {
				n++
			}
		}
		return n
	}
	if isUTF8(t) {
		return len(s) // varchar(n) under a _UTF8 collation counts bytes
	}
	return utf8.RuneCountInString(s)
}

// isUTF8 reports a char/varchar type under a _UTF8 collation.
func isUTF8(t Type) bool { return t.Collation.Flags&collation.FlagUTF8 != 0 }

// truncChars cuts s to t.Length units.
func truncChars(s string, t Type) string {
	if t.Length == MaxLength || t.Length <= 0 {
		return s
	}
	limit := int(t.Length)
	n := 0
	for i, r := range s {
		w := 1
		if t.IsUnicode() && r >= 0x10000 {
			w = 2
		} else if !t.IsUnicode() && isUTF8(t) {
			w = utf8.RuneLen(r)
		}
		if n+w > limit {
			return s[:i]
		}
		n += w
	}
	return s
}

// fitString pads char/nchar values with spaces to their length.
func fitString(s string, t Type) string {
	if !t.IsFixedLength() || t.Length <= 0 {
		return s
	}
	if n := charLen(s, t); n < int(t.Length) {
		return s + strings.Repeat(" ", int(t.Length)-n)
	}
	return s
}

// FitsLength reports whether a string or binary value fits t without losing
// non-blank characters (the INSERT/UPDATE check behind Msg 2628).
func FitsLength(v Value, t Type) bool {
	if t.Length <= 0 || t.IsLOB() {
		return true
	}
	switch v.K {
	case KindString:
		return charLen(strings.TrimRight(v.S, " "), t) <= int(t.Length)
	case KindBytes:
		return len(v.B) <= int(t.Length)
	}
	return true
}

// TruncateForMessage returns the value SQL Server quotes in Msg 2628: the
// value cut to the column length.
func TruncateForMessage(v Value, t Type) string {
	if v.K == KindBytes {
		b := v.B
		if t.Length != MaxLength && len(b) > int(t.Length) {
			b = b[:t.Length]
		}
		return "0x" + strings.ToUpper(hex.EncodeToString(b))
	}
	return truncChars(v.S, t)
}

// FormatValue renders v of type t as CONVERT(varchar/nvarchar, v, style)
// does. nonUnicode selects the varchar rendering of binary data (bytes as
// code page 1252 characters instead of UTF-16).
func FormatValue(v Value, t Type, style int, nonUnicode bool) (string, *msgs.Error) {
	switch v.K {
	case KindNull:
		return "", nil
	case KindString:
		return v.S, nil
	case KindBool, KindInt:
		return strconv.FormatInt(v.I, 10), nil
	case KindDecimal:
		return FormatDecimal(&v), nil
	case KindMoney:
		return FormatMoney(v.I, style), nil
	case KindFloat:
		return FormatFloat(v.F, t.ID == Real, style), nil
	case KindGUID:
		return FormatGUID(v.B), nil
	case KindBytes:
		switch style {
		case 1:
			return "0x" + strings.ToUpper(hex.EncodeToString(v.B)), nil
		case 2:
			return strings.ToUpper(hex.EncodeToString(v.B)), nil
		case 0:
		default:
			return "", newErr(281, txt281, style, t.MsgName())
		}
		if nonUnicode {
			return collation.DecodeCP1252(v.B), nil
		}
		return decodeUTF16LE(v.B), nil
	case KindDateTime:
		return FormatDateTime(v, t, style)
	case KindVariant:
		return FormatValue(v.Var.Value, v.Var.Type, style, nonUnicode)
	}
	return "", nil
}

func decodeUTF16LE(b []byte) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = uint16(b[2*i]) | uint16(b[2*i+1])<<8
	}
	return string(utf16.Decode(u))
}

// FormatDecimal prints a decimal with its full scale ("12.50", "-0.5",
// "0.000").
func FormatDecimal(v *Value) string {
	return v.Dec.Text('f')
}

// FormatMoney prints money: style 0 two decimals ("12.50"), 1 two decimals
// with thousands commas ("1,234.57"), 2 four decimals ("1234.5678"); 126
// like 2.
func FormatMoney(units int64, style int) string {
	neg := units < 0
	u := absU(units)
	var whole, frac uint64
	digits := 2
	switch style {
	case 2, 126:
		whole, frac, digits = u/10000, u%10000, 4
	default:
		r := (u + 50) / 100 // round half away to cents
		whole, frac = r/100, r%100
	}
	w := strconv.FormatUint(whole, 10)
	if style == 1 {
		var b strings.Builder
		for i, c := range w {
			if i > 0 && (len(w)-i)%3 == 0 {
				b.WriteByte(',')
			}
			b.WriteRune(c)
		}
		w = b.String()
	}
	f := strconv.FormatUint(frac, 10)
	for len(f) < digits {
		f = "0" + f
	}
	s := w + "." + f
	if neg && (whole != 0 || frac != 0) {
		s = "-" + s
	}
	return s
}

// FormatFloat prints a float as SQL Server's CONVERT: style 0 is C's %g
// with 6 significant digits ("0.333333", "1.23457e+006"), style 1 eight
// digits and style 2 sixteen digits in scientific notation, style 3
// seventeen significant digits (lossless). Exponents have three digits as
// in the Windows C runtime.
func FormatFloat(f float64, real bool, style int) string {
	if real {
		f = float64(float32(f))
	}
	var s string
	switch style {
	case 1:
		s = strconv.FormatFloat(f, 'e', 7, 64)
	case 2:
		s = strconv.FormatFloat(f, 'e', 15, 64)
	case 3:
		if real {
			s = strconv.FormatFloat(f, 'g', 9, 32)
		} else {
			s = strconv.FormatFloat(f, 'g', 17, 64)
		}
	default:
		if math.IsInf(f, 0) || math.IsNaN(f) {
			return strconv.FormatFloat(f, 'g', -1, 64)
		}
		s = strconv.FormatFloat(f, 'g', 6, 64)
	}
	return threeDigitExponent(s)
}

// threeDigitExponent rewrites Go's "e+06" as "e+006".
func threeDigitExponent(s string) string {
	i := strings.IndexByte(s, 'e')
	if i < 0 || i+2 >= len(s) {
		return s
	}
	exp := s[i+2:]
	for len(exp) < 3 {
		exp = "0" + exp
	}
	return s[:i+2] + exp
}

// FormatGUID prints a uniqueidentifier (16 bytes in SQL Server order:
// the first three groups little-endian) in upper case.
func FormatGUID(b []byte) string {
	if len(b) != 16 {
		return ""
	}
	const hexd = "0123456789ABCDEF"
	order := [16]int{3, 2, 1, 0, -1, 5, 4, -1, 7, 6, -1, 8, 9, -1, 10, 11}
	out := make([]byte, 0, 36)
	for _, i := range order {
		if i < 0 {
			out = append(out, '-')
			continue
		}
		out = append(out, hexd[b[i]>>4], hexd[b[i]&15])
	}
	for i := 12; i < 16; i++ {
		out = append(out, hexd[b[i]>>4], hexd[b[i]&15])
	}
	return string(out)
}

// ParseGUID parses 'XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX' (optionally in
// braces) into SQL Server byte order.
func ParseGUID(s string) ([16]byte, bool) {
	var g [16]byte
	t := trimBlanks(s)
	if strings.HasPrefix(t, "{") {
		if len(t) < 38 || t[37] != '}' {
			return g, false
		}
		t = t[1:37]
	}
	// SQL Server ignores characters after the 36th.
	if len(t) < 36 {
		return g, false
	}
	t = t[:36]
	if t[8] != '-' || t[13] != '-' || t[18] != '-' || t[23] != '-' {
		return g, false
	}
	raw, err := hex.DecodeString(t[0:8] + t[9:13] + t[14:18] + t[19:23] + t[24:36])
	if err != nil {
		return g, false
	}
	order := [16]int{3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15}
	for i, j := range order {
		g[j] = raw[i]
	}
	return g, true
}

func toGUID(v *Value, from Type) (Value, *msgs.Error) {
	switch v.K {
	case KindGUID:
		return *v, nil
	case KindString:
		g, ok := ParseGUID(v.S)
		if !ok {
			return Null, newErrState(8169, 2, txt8169)
		}
		return GUIDValue(g), nil
	case KindBytes:
		var g [16]byte
		copy(g[:], v.B)
		return GUIDValue(g), nil
	}
	return Null, ErrExplicitNotAllowed(from, TypeUniqueIdentifier)
}
