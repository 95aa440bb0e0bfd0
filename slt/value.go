package slt

import (
	"math"
	"strconv"
	"strings"
)

// ValueKind is the representation of a result value as an executor
// delivers it, before rendering.
type ValueKind uint8

const (
	Null ValueKind = iota
	Int
	Float
	// Decimal carries exact numerics (decimal, numeric, money) as their
	// plain decimal text in S ("-12.50").
	Decimal
	Text
	Bytes
	Bool
)

// Value is one raw result value.
type Value struct {
	Kind ValueKind
	I    int64
	F    float64
	S    string
	B    []byte
}

// Convenience constructors for executors and tests.
func IntValue(i int64) Value     { return Value{Kind: Int, I: i} }
func FloatValue(f float64) Value { return Value{Kind: Float, F: f} }
func TextValue(s string) Value   { return Value{Kind: Text, S: s} }
func DecimalValue(s string) Value {
	return Value{Kind: Decimal, S: s}
}

// Render turns a value into the string sqllogictest compares, for one
// column type letter ('I', 'R' or 'T').
func Render(v Value, typ byte) string {
	if v.Kind == Null {
		return "NULL"
	}
	switch typ {
	case 'I':
		return renderInt(v)
	case 'R':
		return strconv.FormatFloat(asFloat(v), 'f', 3, 64)
	default:
		return renderText(v)
	}
}

// renderInt converts like the reference drivers' native-int fetch:
// floats and decimals truncate toward zero, text takes its leading number.
func renderInt(v Value) string {
	switch v.Kind {
	case Int:
		return strconv.FormatInt(v.I, 10)
	case Bool:
		if v.I != 0 || v.F != 0 {
			return "1"
		}
		return "0"
	case Float:
		return strconv.FormatInt(truncFloat(v.F), 10)
	case Decimal:
		return truncDecimal(v.S)
	case Bytes:
		return strconv.FormatInt(truncFloat(leadingNumber(string(v.B))), 10)
	default:
		return strconv.FormatInt(truncFloat(leadingNumber(v.S)), 10)
	}
}

func truncFloat(f float64) int64 {
	switch {
	case math.IsNaN(f):
		return 0
	case f >= math.MaxInt64:
		return math.MaxInt64
	case f <= math.MinInt64:
		return math.MinInt64
	}
	return int64(f) // Go truncates toward zero
}

// truncDecimal keeps the integer part of a plain decimal text exactly
// (no float rounding for decimal(38)).
func truncDecimal(s string) string {
	s = strings.TrimSpace(s)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimLeft(s, "+-")
	if k := strings.IndexByte(s, '.'); k >= 0 {
		s = s[:k]
	}
	s = strings.TrimLeft(s, "0")
	if s == "" {
		return "0"
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return strconv.FormatInt(truncFloat(leadingNumber(s)), 10)
		}
	}
	if neg {
		return "-" + s
	}
	return s
}

func asFloat(v Value) float64 {
	switch v.Kind {
	case Int:
		return float64(v.I)
	case Bool:
		if v.I != 0 {
			return 1
		}
		return 0
	case Float:
		return v.F
	case Bytes:
		return leadingNumber(string(v.B))
	default:
		return leadingNumber(v.S)
	}
}

// leadingNumber parses the longest numeric prefix of s after leading
// spaces, as SQLite's text-to-number conversion does; no number is 0.
func leadingNumber(s string) float64 {
	s = strings.TrimLeft(s, " \t\n\r")
	end := 0
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := false
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
		digits = true
	}
	if digits {
		end = i
	}
	if i < len(s) && s[i] == '.' {
		i++
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			digits = true
		}
		if digits {
			end = i
		}
	}
	if digits && i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		k := j
		for k < len(s) && s[k] >= '0' && s[k] <= '9' {
			k++
		}
		if k > j {
			end = k
		}
	}
	if end == 0 {
		return 0
	}
	f, err := strconv.ParseFloat(s[:end], 64)
	if err != nil {
		return 0
	}
	return f
}

// renderText maps empty to "(empty)" and every byte outside 0x20–0x7E to
// '@' (so one non-ASCII rune gives one '@' per UTF-8 byte).
func renderText(v Value) string {
	var s string
	switch v.Kind {
	case Text, Decimal:
		s = v.S
	case Bytes:
		s = string(v.B)
	case Int:
		return strconv.FormatInt(v.I, 10)
	case Bool:
		if v.I != 0 {
			return "1"
		}
		return "0"
	case Float:
		s = formatFloatText(v.F)
	}
	if s == "" {
		return "(empty)"
	}
	clean := true
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	b := []byte(s)
	for i, c := range b {
		if c < 0x20 || c > 0x7e {
			b[i] = '@'
		}
	}
	return string(b)
}

// formatFloatText renders a float fetched as text: the shortest
// representation, without an exponent in the everyday range.
func formatFloatText(f float64) string {
	a := math.Abs(f)
	if a != 0 && (a < 1e-4 || a >= 1e15) {
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}
