package sqlcmd

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// ControlChars is -k: what happens to control characters in character
// data (ODBC sqlcmd keeps them by default).
type ControlChars int

const (
	ControlKeep ControlChars = iota
	// ControlReplace (-k, -k1) replaces each control character with a space.
	ControlReplace
	// ControlCollapse (-k2) replaces each run of them with one space.
	ControlCollapse
)

const hexUpper = "0123456789ABCDEF"

// RenderValue turns a value as go-mssqldb scans it into sqlcmd's text:
// NULL, 1/0 for bit, 17 significant digits for float (what the ODBC
// driver's character conversion gives), the driver's text for decimal and
// money, ODBC's date/time layouts with the column's scale, upper-case GUIDs
// and 0x-prefixed upper-case hex for binary.
func RenderValue(c *Column, v any, cc ControlChars) string {
	switch x := v.(type) {
	case nil:
		return "NULL"
	case bool:
		if x {
			return "1"
		}
		return "0"
	case int64:
		return strconv.FormatInt(x, 10)
	case int32:
		return strconv.FormatInt(int64(x), 10)
	case int:
		return strconv.Itoa(x)
	case float32:
		return formatFloat(float64(x), 32)
	case float64:
		if c.Type == "REAL" {
			return formatFloat(x, 32)
		}
		return formatFloat(x, 64)
	case time.Time:
		return formatTime(c, x)
	case []byte:
		switch c.Type {
		case "BINARY", "VARBINARY", "IMAGE", "TIMESTAMP", "ROWVERSION", "UDT":
			return hexString(x)
		case "UNIQUEIDENTIFIER":
			return guidString(x)
		}
		return controlChars(string(x), cc)
	case string:
		return controlChars(x, cc)
	case fmt.Stringer:
		return x.String()
	}
	return fmt.Sprint(v)
}

func formatFloat(f float64, bits int) string {
	switch {
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case math.IsNaN(f):
		return "NaN"
	}
	if bits == 32 {
		return strconv.FormatFloat(f, 'g', -1, 32)
	}
	return strconv.FormatFloat(f, 'g', 17, 64)
}

func hexString(b []byte) string {
	out := make([]byte, 2, 2+2*len(b))
	out[0], out[1] = '0', 'x'
	for _, c := range b {
		out = append(out, hexUpper[c>>4], hexUpper[c&15])
	}
	return string(out)
}

// guidString renders a uniqueidentifier from its wire bytes (the first
// three groups little-endian) the way SQL Server prints it.
func guidString(b []byte) string {
	if len(b) != 16 {
		return hexString(b)
	}
	order := [16]int{3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15}
	out := make([]byte, 0, 36)
	for i, j := range order {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			out = append(out, '-')
		}
		out = append(out, hexUpper[b[j]>>4], hexUpper[b[j]&15])
	}
	return string(out)
}

func fraction(t time.Time, scale int64) string {
	if scale <= 0 {
		return ""
	}
	if scale > 7 {
		scale = 7
	}
	return "." + fmt.Sprintf("%09d", t.Nanosecond())[:scale]
}

func formatTime(c *Column, t time.Time) string {
	switch c.Type {
	case "DATE":
		return t.Format("2006-01-02")
	case "TIME":
		return t.Format("15:04:05") + fraction(t, c.Scale)
	case "SMALLDATETIME":
		return t.Format("2006-01-02 15:04:05")
	case "DATETIME":
		return t.Format("2006-01-02 15:04:05") + fraction(t, 3)
	case "DATETIME2":
		return t.Format("2006-01-02 15:04:05") + fraction(t, c.Scale)
	case "DATETIMEOFFSET":
		return t.Format("2006-01-02 15:04:05") + fraction(t, c.Scale) + t.Format(" -07:00")
	}
	return t.Format("2006-01-02 15:04:05.000")
}

func isControl(r rune) bool { return r < 0x20 || r == 0x7f }

func controlChars(s string, cc ControlChars) string {
	if cc == ControlKeep || strings.IndexFunc(s, isControl) < 0 {
		return s
	}
	var b strings.Builder
	prev := false
	for _, r := range s {
		if !isControl(r) {
			b.WriteRune(r)
			prev = false
			continue
		}
		if cc == ControlReplace || !prev {
			b.WriteByte(' ')
		}
		prev = true
	}
	return b.String()
}
