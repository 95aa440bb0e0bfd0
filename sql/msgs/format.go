package msgs

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Format expands a sys.messages / RAISERROR format string:
//
//	%[flags][width][.precision][h|l|I64]type
//
// flags: '-' left-justify, '+' sign, '0' zero-pad, ' ' blank for positive,
// '#' 0/0x prefix for o/x/X. width and precision are decimal or '*' (taken
// from the next argument). Types: d i (signed), u o x X (unsigned), s
// (string; 'ls' and 'hs' are the same in Go), c (character), f e E g G
// (floating point), p (pointer-ish hex). '%%' is a percent sign.
// SQL Server's internal '%S_MSG', '%S_DATE', '%S_PGID', '%S_TS' … take one
// string argument each. '%1!' … '%9!' (the reordering form of localized
// messages) insert the n-th argument in its natural rendering.
//
// Convention for '%.*ls': the engine's own messages pass the string only,
// and precision is then unlimited; a length followed by a string (the C
// calling form, what RAISERROR's T-SQL callers write) is also accepted: when
// the argument at a '*' position is an integer it is the precision, when it
// is a string it is the value itself.
//
// Integers: d and i print the whole value (any Go integer type, no 32-bit
// truncation, so engine numbers are never corrupted); u, o, x, X reinterpret
// a negative value as 32-bit unsigned like C (%I64 as 64-bit, h as 16-bit).
//
// A missing or nil argument prints "(null)" as SQL Server does. Format is
// lenient: a value of the wrong kind is printed in its natural form. Use
// FormatStrict for RAISERROR's checks (errors 2786 and 2787).
func Format(format string, args ...any) string {
	s, _ := format1(format, args, false)
	return s
}

// FormatError describes why FormatStrict rejected a format: Number is 2786
// (argument type mismatch, Param is 1-based) or 2787 (bad specification,
// Spec is the offending text).
type FormatError struct {
	Number int32
	Param  int
	Spec   string
}

// Err converts a FormatError into the SQL Server message RAISERROR raises.
func (f *FormatError) Err() *Error {
	if f.Number == 2786 {
		return New(2786, f.Param)
	}
	return New(f.Number, f.Spec)
}

// FormatStrict is Format with RAISERROR's rules: a conversion other than
// d, i, o, s, u, x, X is error 2787 and an argument whose type does not fit its conversion (an
// integer for %s, a string for %d) is error 2786. Missing arguments still
// print "(null)", as SQL Server does.
func FormatStrict(format string, args ...any) (string, *FormatError) {
	return format1(format, args, true)
}

type spec struct {
	minus, plus, zero, blank, hash bool
	width                          int // -1: none
	prec                           int // -1: none
	size                           byte
	verb                           byte
}

func format1(format string, args []any, strict bool) (string, *FormatError) {
	if strings.IndexByte(format, '%') < 0 {
		return format, nil
	}
	var b strings.Builder
	b.Grow(len(format) + 16*len(args))
	next := 0 // next argument index
	take := func() (any, bool) {
		if next >= len(args) {
			next++
			return nil, false
		}
		v := args[next]
		next++
		return v, true
	}
	i := 0
	for i < len(format) {
		c := format[i]
		if c != '%' {
			j := strings.IndexByte(format[i:], '%')
			if j < 0 {
				b.WriteString(format[i:])
				break
			}
			b.WriteString(format[i : i+j])
			i += j
			continue
		}
		start := i
		i++
		if i >= len(format) {
			if strict {
				return "", &FormatError{Number: 2787, Spec: "%"}
			}
			b.WriteByte('%')
			break
		}
		if format[i] == '%' {
			b.WriteByte('%')
			i++
			continue
		}
		// Positional reference of localized messages: %1! .. %99!
		if d := format[i]; d >= '1' && d <= '9' {
			j := i
			for j < len(format) && format[j] >= '0' && format[j] <= '9' {
				j++
			}
			if j < len(format) && format[j] == '!' {
				n, _ := strconv.Atoi(format[i:j])
				if n-1 < len(args) && args[n-1] != nil {
					b.WriteString(natural(args[n-1]))
				} else {
					b.WriteString("(null)")
				}
				i = j + 1
				continue
			}
		}
		// SQL Server internal string specifiers: %S_MSG, %S_DATE, …
		if format[i] == 'S' && i+1 < len(format) && format[i+1] == '_' {
			j := i + 2
			for j < len(format) && format[j] >= 'A' && format[j] <= 'Z' {
				j++
			}
			v, ok := take()
			if !ok || v == nil {
				b.WriteString("(null)")
			} else {
				b.WriteString(natural(v))
			}
			i = j
			continue
		}
		sp := spec{width: -1, prec: -1}
	flags:
		for i < len(format) {
			switch format[i] {
			case '-':
				sp.minus = true
			case '+':
				sp.plus = true
			case '0':
				sp.zero = true
			case ' ':
				sp.blank = true
			case '#':
				sp.hash = true
			default:
				break flags
			}
			i++
		}
		if i < len(format) && format[i] == '*' {
			i++
			v, ok := take()
			if n, isInt := toInt64(v); ok && isInt {
				if n < 0 {
					sp.minus = true
					n = -n
				}
				sp.width = int(n)
			} else if strict && ok && v != nil {
				return "", &FormatError{Number: 2786, Param: next}
			}
		} else {
			w, j := digits(format, i)
			if j > i {
				sp.width = w
				i = j
			}
		}
		var valueFromStar any
		haveValueFromStar := false
		if i < len(format) && format[i] == '.' {
			i++
			if i < len(format) && format[i] == '*' {
				i++
				v, ok := take()
				if n, isInt := toInt64(v); ok && isInt {
					if n >= 0 {
						sp.prec = int(n)
					}
				} else if ok && v != nil {
					if strict {
						return "", &FormatError{Number: 2786, Param: next}
					}
					// Convenience form: the string itself sits where the
					// length would be (see the doc comment).
					valueFromStar, haveValueFromStar = v, true
				}
			} else {
				p, j := digits(format, i)
				sp.prec = p
				i = j
			}
		}
		if i < len(format) {
			switch format[i] {
			case 'h', 'l':
				sp.size = format[i]
				i++
			case 'I':
				if strings.HasPrefix(format[i:], "I64") {
					sp.size = '6'
					i += 3
				}
			}
		}
		if i >= len(format) {
			if strict {
				return "", &FormatError{Number: 2787, Spec: format[start:]}
			}
			b.WriteString(format[start:])
			break
		}
		sp.verb = format[i]
		i++
		switch sp.verb {
		case 'd', 'i', 'u', 'o', 'x', 'X', 's':
		case 'c', 'f', 'e', 'E', 'g', 'G', 'p':
			// Used by sys.messages texts, but not RAISERROR conversions.
			if strict {
				return "", &FormatError{Number: 2787, Spec: format[start:i]}
			}
		default:
			if strict {
				return "", &FormatError{Number: 2787, Spec: format[start:i]}
			}
			b.WriteString(format[start:i])
			continue
		}
		var v any
		var ok bool
		if haveValueFromStar {
			v, ok = valueFromStar, true
		} else {
			v, ok = take()
		}
		if !ok || v == nil {
			pad(&b, "(null)", sp.width, sp.minus, false)
			continue
		}
		if strict && !fits(sp.verb, v) {
			return "", &FormatError{Number: 2786, Param: next}
		}
		writeArg(&b, sp, v)
	}
	return b.String(), nil
}

func digits(s string, i int) (int, int) {
	n := 0
	j := i
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		if n < 1<<20 {
			n = n*10 + int(s[j]-'0')
		}
		j++
	}
	return n, j
}

// fits reports whether v is acceptable for verb under RAISERROR's rules.
func fits(verb byte, v any) bool {
	_, isInt := toInt64(v)
	switch verb {
	case 'd', 'i', 'u', 'o', 'x', 'X', 'c':
		return isInt
	case 's':
		switch v.(type) {
		case string, []byte:
			return true
		}
		return false
	case 'f', 'e', 'E', 'g', 'G':
		_, isF := toFloat(v)
		return isF
	}
	return true
}

func writeArg(b *strings.Builder, sp spec, v any) {
	switch sp.verb {
	case 's':
		s := natural(v)
		if sp.prec >= 0 && utf8.RuneCountInString(s) > sp.prec {
			s = truncRunes(s, sp.prec)
		}
		pad(b, s, sp.width, sp.minus, false)
	case 'c':
		var s string
		if n, ok := toInt64(v); ok {
			s = string(rune(n))
		} else {
			s = natural(v)
			if r, size := utf8.DecodeRuneInString(s); size > 0 {
				s = string(r)
			}
		}
		pad(b, s, sp.width, sp.minus, false)
	case 'd', 'i':
		n, ok := toInt64(v)
		if !ok {
			pad(b, natural(v), sp.width, sp.minus, false)
			return
		}
		if sp.size == 'h' {
			n = int64(int16(n))
		}
		neg := n < 0
		var mag uint64
		if neg {
			mag = uint64(-(n + 1)) + 1
		} else {
			mag = uint64(n)
		}
		writeInt(b, sp, strconv.FormatUint(mag, 10), neg, "")
	case 'u', 'o', 'x', 'X', 'p':
		n, ok := toInt64(v)
		var u uint64
		if !ok {
			if uv, isU := v.(uint64); isU {
				u = uv
			} else {
				pad(b, natural(v), sp.width, sp.minus, false)
				return
			}
		} else {
			switch {
			case sp.size == 'h':
				u = uint64(uint16(n))
			case sp.size == '6' || sp.verb == 'p':
				u = uint64(n)
			case n < 0:
				u = uint64(uint32(n))
			default:
				u = uint64(n)
			}
		}
		if uv, isU := v.(uint64); isU {
			u = uv
		}
		var digitsStr, prefix string
		switch sp.verb {
		case 'u':
			digitsStr = strconv.FormatUint(u, 10)
		case 'o':
			digitsStr = strconv.FormatUint(u, 8)
			if sp.hash && u != 0 {
				prefix = "0"
			}
		case 'x':
			digitsStr = strconv.FormatUint(u, 16)
			if sp.hash && u != 0 {
				prefix = "0x"
			}
		case 'X', 'p':
			digitsStr = strings.ToUpper(strconv.FormatUint(u, 16))
			if sp.verb == 'p' && len(digitsStr) < 16 {
				digitsStr = strings.Repeat("0", 16-len(digitsStr)) + digitsStr
			}
			if sp.hash && u != 0 {
				prefix = "0X"
			}
		}
		writeInt(b, sp, digitsStr, false, prefix)
	case 'f', 'e', 'E', 'g', 'G':
		f, ok := toFloat(v)
		if !ok {
			pad(b, natural(v), sp.width, sp.minus, false)
			return
		}
		prec := sp.prec
		if prec < 0 {
			prec = 6
		}
		neg := f < 0 || (f == 0 && math.Signbit(f))
		s := strconv.FormatFloat(math.Abs(f), sp.verb, prec, 64)
		if sp.verb == 'e' || sp.verb == 'E' || sp.verb == 'g' || sp.verb == 'G' {
			s = cExponent(s)
		}
		sign := ""
		switch {
		case neg:
			sign = "-"
		case sp.plus:
			sign = "+"
		case sp.blank:
			sign = " "
		}
		writePadded(b, sign, s, sp)
	}
}

// cExponent rewrites Go's two-digit exponent to C's minimum of three digits
// on Windows ("1e+05" → "1e+005"), which is what SQL Server prints.
func cExponent(s string) string {
	k := strings.LastIndexAny(s, "eE")
	if k < 0 || k+2 >= len(s) {
		return s
	}
	exp := s[k+2:]
	for len(exp) < 3 {
		exp = "0" + exp
	}
	return s[:k+2] + exp
}

// writeInt applies precision (minimum digits), sign, prefix and width.
func writeInt(b *strings.Builder, sp spec, digitsStr string, neg bool, prefix string) {
	if sp.prec >= 0 {
		if sp.prec == 0 && digitsStr == "0" {
			digitsStr = ""
		}
		for len(digitsStr) < sp.prec {
			digitsStr = "0" + digitsStr
		}
	}
	sign := ""
	switch {
	case neg:
		sign = "-"
	case sp.plus && (sp.verb == 'd' || sp.verb == 'i'):
		sign = "+"
	case sp.blank && (sp.verb == 'd' || sp.verb == 'i'):
		sign = " "
	}
	if sp.prec >= 0 {
		// C: the 0 flag is ignored when a precision is given for integers.
		sp.zero = false
	}
	writePadded(b, sign+prefix, digitsStr, sp)
}

func writePadded(b *strings.Builder, head, body string, sp spec) {
	n := len(head) + len(body)
	if sp.width <= n {
		b.WriteString(head)
		b.WriteString(body)
		return
	}
	fill := sp.width - n
	switch {
	case sp.minus:
		b.WriteString(head)
		b.WriteString(body)
		writeRepeat(b, ' ', fill)
	case sp.zero:
		b.WriteString(head)
		writeRepeat(b, '0', fill)
		b.WriteString(body)
	default:
		writeRepeat(b, ' ', fill)
		b.WriteString(head)
		b.WriteString(body)
	}
}

func pad(b *strings.Builder, s string, width int, left, _ bool) {
	n := utf8.RuneCountInString(s)
	if width <= n {
		b.WriteString(s)
		return
	}
	if left {
		b.WriteString(s)
		writeRepeat(b, ' ', width-n)
		return
	}
	writeRepeat(b, ' ', width-n)
	b.WriteString(s)
}

func writeRepeat(b *strings.Builder, c byte, n int) {
	for ; n > 0; n-- {
		b.WriteByte(c)
	}
}

func truncRunes(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

func toInt64(v any) (int64, bool) {
	switch x := v.(type) {
	case int:
		return int64(x), true
	case int8:
		return int64(x), true
	case int16:
		return int64(x), true
	case int32:
		return int64(x), true
	case int64:
		return x, true
	case uint:
		return int64(x), true
	case uint8:
		return int64(x), true
	case uint16:
		return int64(x), true
	case uint32:
		return int64(x), true
	case uint64:
		return int64(x), true
	case bool:
		if x {
			return 1, true
		}
		return 0, true
	}
	return 0, false
}

func toFloat(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case float32:
		return float64(x), true
	}
	if n, ok := toInt64(v); ok {
		return float64(n), true
	}
	return 0, false
}

// natural renders an argument without a conversion: strings as they are,
// numbers in decimal.
func natural(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case []byte:
		return string(x)
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case float32:
		return strconv.FormatFloat(float64(x), 'g', -1, 32)
	case error:
		return x.Error()
	case interface{ String() string }:
		return x.String()
	}
	if n, ok := toInt64(v); ok {
		if u, isU := v.(uint64); isU {
			return strconv.FormatUint(u, 10)
		}
		return strconv.FormatInt(n, 10)
	}
	return fmt.Sprint(v)
}
