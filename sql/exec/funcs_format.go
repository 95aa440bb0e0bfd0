package exec

import (
	"strconv"
	"strings"

	"github.com/cockroachdb/apd/v3"

	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

// FORMAT(value, format [, culture]) follows .NET Framework's formatting,
// which SQL Server calls: standard and custom numeric formats and standard
// and custom date/time formats, for a few cultures. A format .NET rejects
// gives NULL, as in SQL Server.

func init() { registerEval(evalFormat, "FORMAT") }

type culture struct {
	dec, group, cur   string
	curPos, curNeg    string // patterns with n for the number
	pctPos, pctNeg    string
	shortDate, longDt string
	shortTime, longTm string
	am, pm            string
	months            [12]string
	monthAbbr         [12]string
	dayAbbr           [7]string
	dayNames          [7]string
}

var cultures = map[string]*culture{
	"en-us": {dec: ".", group: ",", cur: "$", curPos: "$n", curNeg: "($n)", pctPos: "n %", pctNeg: "-n %",
		shortDate: "M/d/yyyy", longDt: "dddd, MMMM d, yyyy", shortTime: "h:mm tt", longTm: "h:mm:ss tt", am: "AM", pm: "PM",
		months:    [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
		monthAbbr: [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
		dayNames:  [7]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
		dayAbbr:   [7]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}},
	"en-gb": {dec: ".", group: ",", cur: "£", curPos: "£n", curNeg: "-£n", pctPos: "n%", pctNeg: "-n%",
		shortDate: "dd/MM/yyyy", longDt: "dd MMMM yyyy", shortTime: "HH:mm", longTm: "HH:mm:ss", am: "AM", pm: "PM",
		months:    [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
		monthAbbr: [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
		dayNames:  [7]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"},
		dayAbbr:   [7]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}},
	"fr-fr": {dec: ",", group: "\u00a0", cur: "€", curPos: "n €", curNeg: "-n €", pctPos: "n %", pctNeg: "-n %",
		shortDate: "dd/MM/yyyy", longDt: "dddd d MMMM yyyy", shortTime: "HH:mm", longTm: "HH:mm:ss", am: "", pm: "",
		months:    [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
		monthAbbr: [12]string{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."},
		dayNames:  [7]string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"},
		dayAbbr:   [7]string{"dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."}},
	"de-de": {dec: ",", group: ".", cur: "€", curPos: "n €", curNeg: "-n €", pctPos: "n %", pctNeg: "-n %",
		shortDate: "dd.MM.yyyy", longDt: "dddd, d. MMMM yyyy", shortTime: "HH:mm", longTm: "HH:mm:ss", am: "", pm: "",
		months:    [12]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
		monthAbbr: [12]string{"Jan", "Feb", "Mrz", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"},
		dayNames:  [7]string{"Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"},
		dayAbbr:   [7]string{"So", "Mo", "Di", "Mi", "Do", "Fr", "Sa"}},
}

func init() {
	cultures["en"], cultures["fr"], cultures["de"] = cultures["en-us"], cultures["fr-fr"], cultures["de-de"]
	cultures["invariant"] = cultures["en-us"]
}

func evalFormat(c *Ctx, x *sem.Func, args []types.Value) (types.Value, *msgs.Error) {
	if args[0].K == types.KindNull || args[1].K == types.KindNull || len(args) == 3 && args[2].K == types.KindNull {
		return types.Null, nil
	}
	name := "en-us"
	if len(args) == 3 {
		name = strings.ToLower(args[2].S)
	} else if strings.HasPrefix(strings.ToLower(c.language()), "fr") || c.language() == "Français" {
		name = "fr-fr"
	}
	cu, ok := cultures[name]
	if !ok {
		return types.Null, fnErr(9818, "The culture parameter '%.*ls' provided in the function call is not supported.", args[2].S)
	}
	t := x.Args[0].Type()
	var s string
	if sem.IsDateTime(t) {
		s, ok = formatDate(args[0], t, args[1].S, cu)
	} else {
		s, ok = formatNumber(args[0], t, args[1].S, cu)
	}
	if !ok {
		return types.Null, nil
	}
	return strVal(s), nil
}

// numDecimal is v as an exact decimal; floats keep 15 significant digits
// as .NET Framework's Double.ToString does.
func numDecimal(v types.Value, t types.Type) (*apd.Decimal, bool) {
	d := new(apd.Decimal)
	switch v.K {
	case types.KindInt, types.KindBool:
		d.SetInt64(v.I)
	case types.KindMoney:
		d.SetFinite(v.I, -4)
	case types.KindDecimal:
		d.Set(&v.Dec)
	case types.KindFloat:
		prec := 15
		if t.ID == types.Real {
			prec = 7
		}
		if _, _, err := d.SetString(strconv.FormatFloat(v.F, 'g', prec, 64)); err != nil {
			return nil, false
		}
	default:
		return nil, false
	}
	return d, true
}

var fmtCtx = apd.Context{Precision: 60, Rounding: apd.RoundHalfUp, MaxExponent: 100, MinExponent: -100}

// digits rounds d to dec decimals and returns its sign, integer digits
// and fraction digits.
func digits(d *apd.Decimal, dec int) (neg bool, ip, fp string) {
	var r apd.Decimal
	fmtCtx.Quantize(&r, d, -int32(dec))
	s := r.Text('f')
	if strings.HasPrefix(s, "-") {
		neg, s = true, s[1:]
	}
	ip, fp, _ = strings.Cut(s, ".")
	if strings.Trim(ip+fp, "0") == "" {
		neg = false
	}
	return
}

func groupDigits(ip, sep string) string {
	if len(ip) <= 3 {
		return ip
	}
	var b strings.Builder
	for i, r := range ip {
		if i > 0 && (len(ip)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	return b.String()
}

func formatNumber(v types.Value, t types.Type, f string, cu *culture) (string, bool) {
	d, ok := numDecimal(v, t)
	if !ok {
		return "", false
	}
	if len(f) >= 1 && len(f) <= 3 && strings.ContainsRune("CcDdEeFfGgNnPpXx", rune(f[0])) {
		prec := -1
		if len(f) > 1 {
			n, err := strconv.Atoi(f[1:])
			if err != nil {
				return formatCustomNumber(d, f, cu)
			}
			prec = n
		}
		return formatStdNumber(d, v, t, f[0], prec, cu)
	}
	return formatCustomNumber(d, f, cu)
}

func formatStdNumber(d *apd.Decimal, v types.Value, t types.Type, spec byte, prec int, cu *culture) (string, bool) {
	def := func(n int) int {
		if prec < 0 {
			return n
		}
		return prec
	}
	join := func(ip, fp string) string {
		if fp == "" {
			return ip
		}
		return ip + cu.dec + fp
	}
	sign := func(neg bool, s string) string {
		if neg {
			return "-" + s
		}
		return s
	}
	isInt := sem.IsInteger(t) || t.ID == types.Bit
	switch spec {
	case 'C', 'c':
		neg, ip, fp := digits(d, def(2))
		p := cu.curPos
		if neg {
			p = cu.curNeg
		}
		return strings.Replace(p, "n", join(groupDigits(ip, cu.group), fp), 1), true
	case 'D', 'd':
		if !isInt {
			return "", false
		}
		neg, ip, _ := digits(d, 0)
		for len(ip) < prec {
			ip = "0" + ip
		}
		return sign(neg, ip), true
	case 'F', 'f':
		neg, ip, fp := digits(d, def(2))
		return sign(neg, join(ip, fp)), true
	case 'N', 'n':
		neg, ip, fp := digits(d, def(2))
		return sign(neg, join(groupDigits(ip, cu.group), fp)), true
	case 'P', 'p':
		var h apd.Decimal
		fmtCtx.Mul(&h, d, apd.New(100, 0))
		neg, ip, fp := digits(&h, def(2))
		p := cu.pctPos
		if neg {
			p = cu.pctNeg
		}
		return strings.Replace(p, "n", join(groupDigits(ip, cu.group), fp), 1), true
	case 'X', 'x':
		if !isInt {
			return "", false
		}
		n := uint64(v.I)
		switch t.ID {
		case types.TinyInt:
			n &= 0xff
		case types.SmallInt:
			n &= 0xffff
		case types.Int:
			n &= 0xffffffff
		}
		s := strconv.FormatUint(n, 16)
		if spec == 'X' {
			s = strings.ToUpper(s)
		}
		for len(s) < prec {
			s = "0" + s
		}
		return s, true
	case 'E', 'e':
		p := def(6)
		f, _ := d.Float64()
		s := strconv.FormatFloat(f, 'e', p, 64)
		mant, exp, _ := strings.Cut(s, "e")
		es := exp[:1]
		ed := exp[1:]
		for len(ed) < 3 {
			ed = "0" + ed
		}
		mant = strings.Replace(mant, ".", cu.dec, 1)
		return mant + string(spec) + es + ed, true
	case 'G', 'g':
		if prec > 0 {
			var r apd.Decimal
			c := fmtCtx
			c.Precision = uint32(prec)
			c.Round(&r, d)
			d = &r
		}
		var r apd.Decimal
		r.Reduce(d)
		s := r.Text('f')
		if !strings.Contains(d.Text('f'), ".") && r.Exponent > 0 {
			s = d.Text('f')
		}
		return strings.Replace(s, ".", cu.dec, 1), true
	}
	return "", false
}

// formatCustomNumber handles custom patterns: 0 and # placeholders, one
// '.', ',' grouping, '%', quoted literals, '\' escapes and ';' sections.
func formatCustomNumber(d *apd.Decimal, f string, cu *culture) (string, bool) {
	sections := splitSections(f)
	sec := sections[0]
	neg := d.Negative && !d.IsZero()
	if neg && len(sections) > 1 {
		sec = sections[1]
	} else if d.IsZero() && len(sections) > 2 {
		sec = sections[2]
	}
	// Analyse the placeholders.
	intPart, fracPart, hasDot := sec, "", false
	if i := indexUnquoted(sec, '.'); i >= 0 {
		intPart, fracPart, hasDot = sec[:i], sec[i+1:], true
	}
	minInt := strings.Count(stripLiterals(intPart), "0")
	if z := strings.Index(stripLiterals(intPart), "0"); z >= 0 {
		minInt = len(strings.TrimRight(stripLiterals(intPart)[z:], ",")) - strings.Count(stripLiterals(intPart)[z:], ",")
	}
	frac := stripLiterals(fracPart)
	maxFrac := strings.Count(frac, "0") + strings.Count(frac, "#")
	minFrac := strings.LastIndex(frac, "0") + 1
	grouping := strings.Contains(strings.TrimRight(stripLiterals(intPart), ","), ",")
	pct := strings.Contains(stripLiterals(sec), "%")
	x := d
	if pct {
		var h apd.Decimal
		fmtCtx.Mul(&h, d, apd.New(100, 0))
		x = &h
	}
	rneg, ip, fp := digits(x, maxFrac) // .NET Framework writes no "-0"
	neg = neg && rneg
	ip = strings.TrimLeft(ip, "0")
	for len(ip) < minInt {
		ip = "0" + ip
	}
	for len(fp) > minFrac && strings.HasSuffix(fp, "0") {
		fp = fp[:len(fp)-1]
	}
	if grouping {
		ip = groupDigits(ip, cu.group)
	}
	// Emit: literals before the first placeholder, the number, literals
	// after the last placeholder (placeholders are contiguous in practice).
	var b strings.Builder
	if neg && len(sections) == 1 {
		b.WriteByte('-')
	}
	emitted := false
	emitNum := func() {
		if emitted {
			return
		}
		emitted = true
		b.WriteString(ip)
		if hasDot && fp != "" {
			b.WriteString(cu.dec)
			b.WriteString(fp)
		}
	}
	for i := 0; i < len(sec); i++ {
		ch := sec[i]
		switch ch {
		case '0', '#', '.', ',':
			emitNum()
		case '%':
			b.WriteString(strings.TrimSpace(strings.Replace(cu.pctPos, "n", "", 1)))
		case '\\':
			if i+1 < len(sec) {
				i++
				b.WriteByte(sec[i])
			}
		case '\'', '"':
			j := strings.IndexByte(sec[i+1:], ch)
			if j < 0 {
				return "", false
			}
			b.WriteString(sec[i+1 : i+1+j])
			i += j + 1
		default:
			b.WriteByte(ch)
		}
	}
	emitNum()
	return b.String(), true
}

func splitSections(f string) []string {
	var out []string
	start := 0
	var q byte
	for i := 0; i < len(f); i++ {
		switch {
		case q != 0:
			if f[i] == q {
				q = 0
			}
		case f[i] == '\'' || f[i] == '"':
			q = f[i]
		case f[i] == '\\':
			i++
		case f[i] == ';':
			out = append(out, f[start:i])
			start = i + 1
		}
	}
	return append(out, f[start:])
}

func indexUnquoted(s string, c byte) int {
	var q byte
	for i := 0; i < len(s); i++ {
		switch {
		case q != 0:
			if s[i] == q {
				q = 0
			}
		case s[i] == '\'' || s[i] == '"':
			q = s[i]
		case s[i] == '\\':
			i++
		case s[i] == c:
			return i
		}
	}
	return -1
}

// stripLiterals keeps only the placeholder characters of a pattern.
func stripLiterals(s string) string {
	var b strings.Builder
	var q byte
	for i := 0; i < len(s); i++ {
		switch {
		case q != 0:
			if s[i] == q {
				q = 0
			}
		case s[i] == '\'' || s[i] == '"':
			q = s[i]
		case s[i] == '\\':
			i++
		case strings.IndexByte("0#.,%", s[i]) >= 0:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// formatDate formats a date/time value with a standard (one letter) or
// custom .NET pattern.
func formatDate(v types.Value, t types.Type, f string, cu *culture) (string, bool) {
	if t.ID == types.Time {
		return formatTimeSpan(v, f)
	}
	if len(f) == 1 {
		switch f[0] {
		case 'd':
			f = cu.shortDate
		case 'D':
			f = cu.longDt
		case 't':
			f = cu.shortTime
		case 'T':
			f = cu.longTm
		case 'f':
			f = cu.longDt + " " + cu.shortTime
		case 'F':
			f = cu.longDt + " " + cu.longTm
		case 'g':
			f = cu.shortDate + " " + cu.shortTime
		case 'G':
			f = cu.shortDate + " " + cu.longTm
		case 'M', 'm':
			f = "MMMM d"
			if cu.dec == "," {
				f = "d MMMM"
			}
		case 'Y', 'y':
			f = "MMMM yyyy"
		case 's':
			f = "yyyy'-'MM'-'dd'T'HH':'mm':'ss"
		case 'u':
			f = "yyyy'-'MM'-'dd HH':'mm':'ss'Z'"
		case 'O', 'o':
			f = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffff"
			if t.ID == types.DateTimeOffset {
				f += "zzz"
			}
		default:
			return "", false
		}
	}
	day, tt := types.SplitTicks(v.I)
	y, mo, dd := types.DateParts(day)
	h, mi, sec, frac := types.ClockParts(tt)
	var b strings.Builder
	for i := 0; i < len(f); {
		ch := f[i]
		n := 1
		for i+n < len(f) && f[i+n] == ch {
			n++
		}
		pad := func(x, w int) { b.WriteString(padInt(x, w)) }
		switch ch {
		case 'y':
			switch {
			case n == 1:
				b.WriteString(strconv.Itoa(y % 100))
			case n == 2:
				pad(y%100, 2)
			default:
				pad(y, n)
			}
		case 'M':
			switch n {
			case 1, 2:
				pad(mo, n)
			case 3:
				b.WriteString(cu.monthAbbr[mo-1])
			default:
				b.WriteString(cu.months[mo-1])
			}
		case 'd':
			switch n {
			case 1, 2:
				pad(dd, n)
			case 3:
				b.WriteString(cu.dayAbbr[types.Weekday(day)])
			default:
				b.WriteString(cu.dayNames[types.Weekday(day)])
			}
		case 'h':
			h12 := h % 12
			if h12 == 0 {
				h12 = 12
			}
			pad(h12, min(n, 2))
		case 'H':
			pad(h, min(n, 2))
		case 'm':
			pad(mi, min(n, 2))
		case 's':
			pad(sec, min(n, 2))
		case 'f', 'F':
			if n > 7 {
				return "", false
			}
			s := padInt(int(frac), 7)[:n]
			if ch == 'F' {
				s = strings.TrimRight(s, "0")
			}
			b.WriteString(s)
		case 't':
			ap := cu.am
			if h >= 12 {
				ap = cu.pm
			}
			if n == 1 && ap != "" {
				ap = ap[:1]
			}
			b.WriteString(ap)
		case 'z':
			off := int(v.Off)
			sg := "+"
			if off < 0 {
				sg, off = "-", -off
			}
			switch n {
			case 1:
				b.WriteString(sg + strconv.Itoa(off/60))
			case 2:
				b.WriteString(sg + padInt(off/60, 2))
			default:
				b.WriteString(sg + padInt(off/60, 2) + ":" + padInt(off%60, 2))
			}
		case '\'', '"':
			j := strings.IndexByte(f[i+1:], ch)
			if j < 0 {
				return "", false
			}
			b.WriteString(f[i+1 : i+1+j])
			i += j + 2
			continue
		case '\\':
			if i+1 < len(f) {
				b.WriteByte(f[i+1])
			}
			i += 2
			continue
		case '/':
			b.WriteString(dateSep(cu))
			i++
			continue
		default:
			b.WriteString(f[i : i+n])
		}
		i += n
	}
	return b.String(), true
}

func dateSep(cu *culture) string {
	switch {
	case strings.Contains(cu.shortDate, "."):
		return "."
	}
	return "/"
}

func padInt(x, w int) string {
	s := strconv.Itoa(x)
	for len(s) < w {
		s = "0" + s
	}
	return s
}

// formatTimeSpan formats a time value as .NET's TimeSpan does: custom
// hh, mm, ss, f… with literals escaped by '\' or quotes, and "c"/"g".
func formatTimeSpan(v types.Value, f string) (string, bool) {
	h, mi, sec, frac := types.ClockParts(v.I % types.TicksPerDay)
	switch f {
	case "c", "t", "T":
		s := padInt(h, 2) + ":" + padInt(mi, 2) + ":" + padInt(sec, 2)
		if frac != 0 {
			s += "." + padInt(int(frac), 7)
		}
		return s, true
	}
	var b strings.Builder
	for i := 0; i < len(f); {
		ch := f[i]
		n := 1
		for i+n < len(f) && f[i+n] == ch {
			n++
		}
		switch ch {
		case 'h':
			b.WriteString(padInt(h, min(n, 2)))
		case 'm':
			b.WriteString(padInt(mi, min(n, 2)))
		case 's':
			b.WriteString(padInt(sec, min(n, 2)))
		case 'f', 'F':
			if n > 7 {
				return "", false
			}
			b.WriteString(padInt(int(frac), 7)[:n])
		case '\\':
			if i+1 >= len(f) {
				return "", false
			}
			b.WriteByte(f[i+1])
			i += 2
			continue
		case '\'', '"':
			j := strings.IndexByte(f[i+1:], ch)
			if j < 0 {
				return "", false
			}
			b.WriteString(f[i+1 : i+1+j])
			i += j + 2
			continue
		default:
			// TimeSpan formats reject unescaped literals.
			return "", false
		}
		i += n
	}
	return b.String(), true
}
