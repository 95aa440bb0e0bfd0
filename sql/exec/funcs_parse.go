package exec

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

// PARSE(string AS type [USING culture]) and TRY_PARSE convert a string
// the way .NET's culture-aware Parse does, for the numeric and date/time
// types: thousands separators, a currency symbol, the culture's decimal
// separator, its day/month order and month names. The parsed value is
// rewritten in an invariant form (plain digits, ISO 8601 dates) and then
// converted to the target type, so range and precision rules are CAST's.
// A failure is Msg 9819 (TRY_PARSE: NULL); an unknown culture is Msg 9818.

// parseCulture is what PARSE needs to know about a culture.
type parseCulture struct {
	decimal  byte
	group    string // group separators accepted
	currency []string
	order    string // numeric date order: "mdy", "dmy" or "ymd"
	months   []string
}

// englishMonths, like the French and German month names below, come from
// FORMAT's culture table (funcs_format.go), lower-cased.
var englishMonths = lowerMonths("en-us")

func lowerMonths(culture string) []string {
	out := make([]string, 12)
	for i, m := range cultures[culture].months {
		out[i] = strings.ToLower(m)
	}
	return out
}

var parseCultures = map[string]*parseCulture{
	"en-us": {decimal: '.', group: ",", currency: []string{"$"}, order: "mdy"},
	"en-gb": {decimal: '.', group: ",", currency: []string{"£"}, order: "dmy"},
	"fr-fr": {decimal: ',', group: " \u00a0\u202f", currency: []string{"€"}, order: "dmy", months: lowerMonths("fr-fr")},
	"de-de": {decimal: ',', group: ".", currency: []string{"€"}, order: "dmy", months: lowerMonths("de-de")},
	"es-es": {decimal: ',', group: ".", currency: []string{"€"}, order: "dmy",
		months: []string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"}},
	"it-it": {decimal: ',', group: ".", currency: []string{"€"}, order: "dmy",
		months: []string{"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"}},
	"ja-jp": {decimal: '.', group: ",", currency: []string{"¥", "￥"}, order: "ymd"},
}

func init() {
	// Language names and the invariant culture are accepted as well.
	parseCultures["english"] = parseCultures["en-us"]
	parseCultures["us_english"] = parseCultures["en-us"]
	parseCultures["british"] = parseCultures["en-gb"]
	parseCultures["french"] = parseCultures["fr-fr"]
	parseCultures["français"] = parseCultures["fr-fr"]
	parseCultures["german"] = parseCultures["de-de"]
	parseCultures["deutsch"] = parseCultures["de-de"]
	parseCultures["japanese"] = parseCultures["ja-jp"]
}

func (c *Ctx) evalParse(x *sem.Func, args []types.Value) (types.Value, *msgs.Error) {
	try := x.Name == "TRY_PARSE"
	if args[0].K == types.KindNull {
		return types.Null, nil
	}
	// Without USING, the session's language (us_english) decides and
	// Msg 9819 names the culture as ''.
	cult, shown := parseCultures["en-us"], ""
	if len(args) > 1 && args[1].K != types.KindNull && args[1].S != "" {
		pc, ok := parseCultures[strings.ToLower(strings.TrimSpace(args[1].S))]
		if !ok {
			return types.Null, msgs.New(9818, args[1].S)
		}
		cult, shown = pc, args[1].S
	}
	in := args[0].S
	fail := func() (types.Value, *msgs.Error) {
		if try {
			return types.Null, nil
		}
		return types.Null, msgs.New(9819, in, sem.TypeName(x.T), shown)
	}
	var canon string
	var ok bool
	switch x.T.ID {
	case types.Date, types.Time, types.DateTime, types.SmallDateTime, types.DateTime2, types.DateTimeOffset:
		canon, ok = parseDateText(in, cult, x.T.ID)
	default:
		canon, ok = parseNumberText(in, cult, x.T.ID == types.Float || x.T.ID == types.Real)
	}
	if !ok {
		return fail()
	}
	v, err := Convert(types.Value{K: types.KindString, S: canon}, types.Type{ID: types.VarChar, Length: 200}, x.T)
	if err != nil {
		return fail()
	}
	return v, nil
}

// parseNumberText accepts [sign][currency]digits[group…][.fraction][e±n]
// (sign or currency in either order, a trailing sign, parentheses for a
// negative currency amount) and returns plain invariant digits.
func parseNumberText(s string, pc *parseCulture, float bool) (string, bool) {
	s = strings.TrimSpace(s)
	neg := false
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") {
		neg, s = true, strings.TrimSpace(s[1:len(s)-1])
	}
	strip := func() {
		for _, cs := range pc.currency {
			if strings.HasPrefix(s, cs) {
				s = strings.TrimSpace(s[len(cs):])
			}
			if strings.HasSuffix(s, cs) {
				s = strings.TrimSpace(s[:len(s)-len(cs)])
			}
		}
	}
	strip()
	switch {
	case strings.HasPrefix(s, "-"):
		neg, s = !neg, strings.TrimSpace(s[1:])
	case strings.HasPrefix(s, "+"):
		s = strings.TrimSpace(s[1:])
	case strings.HasSuffix(s, "-"):
		neg, s = !neg, strings.TrimSpace(s[:len(s)-1])
	}
	strip()
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	digits, seenDec, seenExp := 0, false, false
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case ch >= '0' && ch <= '9':
			b.WriteByte(ch)
			digits++
		case ch == pc.decimal && !seenDec && !seenExp:
			b.WriteByte('.')
			seenDec = true
		case strings.ContainsRune(pc.group, rune(ch)) && !seenDec && !seenExp && digits > 0:
		case ch >= 0x80 && !seenDec && !seenExp && digits > 0:
			// A multi-byte group separator (fr-FR's no-break spaces).
			r := []rune(s[i:])[0]
			if !strings.ContainsRune(pc.group, r) {
				return "", false
			}
			i += len(string(r)) - 1
		case (ch == 'e' || ch == 'E') && float && digits > 0 && !seenExp:
			b.WriteByte('E')
			seenExp = true
			if i+1 < len(s) && (s[i+1] == '+' || s[i+1] == '-') {
				i++
				b.WriteByte(s[i])
			}
		default:
			return "", false
		}
	}
	if digits == 0 {
		return "", false
	}
	return b.String(), true
}

// parseDateText reads a date and/or time in the culture's conventions:
// ISO yyyy-mm-dd, numeric dates in the culture's order (/ - . separated),
// month names ("13 December 2010", "December 13, 2010", an optional
// leading weekday), and a time hh:mm[:ss[.fffffff]] [AM|PM] [±hh:mm].
// It returns ISO 8601 text.
func parseDateText(s string, pc *parseCulture, target types.TypeID) (string, bool) {
	toks := dateTokens(s)
	if len(toks) == 0 {
		return "", false
	}
	y, m, d := -1, -1, -1
	var nums []string
	hh, mi, ss, frac := 0, 0, 0, ""
	haveTime, pm, am := false, false, false
	offset := ""
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		lt := strings.ToLower(t)
		switch {
		case (t[0] == '+' || t[0] == '-') && haveTime && len(t) > 1:
			offset = t
		case strings.Contains(t, ":"):
			parts := strings.Split(t, ":")
			if len(parts) < 2 || len(parts) > 3 {
				return "", false
			}
			var err error
			if hh, err = strconv.Atoi(parts[0]); err != nil {
				return "", false
			}
			if mi, err = strconv.Atoi(parts[1]); err != nil {
				return "", false
			}
			if len(parts) == 3 {
				sec := parts[2]
				if k := strings.IndexAny(sec, ".,"); k >= 0 {
					frac, sec = sec[k+1:], sec[:k]
				}
				if ss, err = strconv.Atoi(sec); err != nil {
					return "", false
				}
			}
			haveTime = true
		case lt == "am" || lt == "a.m.":
			am = true
		case lt == "pm" || lt == "p.m.":
			pm = true
		case lt == "t" || lt == "," || lt == "de" || lt == "of":
		case monthIndex(lt, pc) > 0:
			m = monthIndex(lt, pc)
		case isWeekday(lt):
		case isAllDigits(t):
			nums = append(nums, t)
		default:
			return "", false
		}
	}
	// Assign the numbers: a four-digit one is the year; with a month name
	// the rest is the day; otherwise the culture's order decides.
	if m > 0 {
		for _, n := range nums {
			v, _ := strconv.Atoi(n)
			if len(n) == 4 && y < 0 {
				y = v
			} else if d < 0 {
				d = v
			} else if y < 0 {
				y = twoDigitYear(v)
			} else {
				return "", false
			}
		}
	} else if len(nums) == 3 {
		a, _ := strconv.Atoi(nums[0])
		b, _ := strconv.Atoi(nums[1])
		cc, _ := strconv.Atoi(nums[2])
		order := pc.order
		if len(nums[0]) == 4 {
			order = "ymd"
		}
		switch order {
		case "mdy":
			m, d, y = a, b, cc
		case "dmy":
			d, m, y = a, b, cc
		default:
			y, m, d = a, b, cc
		}
		if order != "ymd" && len(nums[2]) <= 2 {
			y = twoDigitYear(y)
		}
	} else if len(nums) != 0 {
		return "", false
	}
	if pm && hh < 12 {
		hh += 12
	} else if am && hh == 12 {
		hh = 0
	}
	dateless := m < 0 && y < 0 && d < 0
	if dateless {
		if !haveTime {
			return "", false
		}
		y, m, d = 1900, 1, 1
	}
	if y < 1 || m < 1 || m > 12 || d < 1 || d > 31 || hh > 23 || mi > 59 || ss > 59 || len(frac) > 7 {
		return "", false
	}
	out := fmt.Sprintf("%04d-%02d-%02dT%02d:%02d:%02d", y, m, d, hh, mi, ss)
	if frac != "" {
		if !isAllDigits(frac) {
			return "", false
		}
		out += "." + frac
	}
	if target == types.DateTimeOffset {
		if offset == "" {
			offset = "+00:00"
		}
		out += offset
	}
	if target == types.Time || target == types.Date || target == types.DateTime || target == types.SmallDateTime {
		// Those conversions read the ISO form without an offset.
		return out, offset == ""
	}
	return out, true
}

// dateTokens splits date text into words, numbers, times and the
// separators that matter.
func dateTokens(s string) []string {
	var toks []string
	cur := strings.Builder{}
	flush := func() {
		if cur.Len() > 0 {
			toks = append(toks, cur.String())
			cur.Reset()
		}
	}
	rs := []rune(strings.TrimSpace(s))
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case unicode.IsSpace(r) || r == ',':
			flush()
		case r == '/' || (r == '-' && cur.Len() > 0 && !strings.Contains(cur.String(), ":")) || (r == '.' && cur.Len() > 0 && isAllDigits(cur.String()) && !strings.Contains(cur.String(), ":")):
			flush()
		case r == 'T' && cur.Len() > 0 && isAllDigits(cur.String()) && i+1 < len(rs) && unicode.IsDigit(rs[i+1]):
			flush()
		case (r == '+' || r == '-') && cur.Len() > 0 && strings.Contains(cur.String(), ":"):
			flush()
			cur.WriteRune(r)
		default:
			cur.WriteRune(r)
		}
	}
	flush()
	return toks
}

func monthIndex(w string, pc *parseCulture) int {
	w = strings.TrimSuffix(w, ".")
	for _, names := range [][]string{englishMonths, pc.months} {
		for i, n := range names {
			if w == n || (len(w) >= 3 && strings.HasPrefix(n, w)) {
				return i + 1
			}
		}
	}
	return 0
}

func isWeekday(w string) bool {
	w = strings.TrimSuffix(w, ".")
	for _, n := range []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"} {
		if w == n || (len(w) >= 3 && strings.HasPrefix(n, w)) {
			return true
		}
	}
	return false
}

func isAllDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// twoDigitYear applies the two-digit year cutoff (2049).
func twoDigitYear(y int) int {
	if y >= 100 {
		return y
	}
	if y <= 49 {
		return 2000 + y
	}
	return 1900 + y
}
