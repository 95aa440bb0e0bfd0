package types

import (
	"strings"
)

// parsedDT is the result of parsing a date/time string.
type parsedDT struct {
	hasDate, hasTime, hasOff bool
	y, m, d                  int
	ticks                    int64 // time of day
	fracDigits               int
	off                      int // minutes
}

var monthNames = map[string]int{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
	"apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
	"aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
	"october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
	// French month names (SET LANGUAGE Français).
	"janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5,
	"juin": 6, "juillet": 7, "août": 8, "aout": 8, "septembre": 9,
	"octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
}

type dtTok struct {
	kind   byte // 'n' number, 'w' word, else the separator character
	s      string
	n      int
	digits int
}

func tokenizeDT(s string) ([]dtTok, bool) {
	var toks []dtTok
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			j := i
			v := 0
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				if j-i < 18 {
					v = v*10 + int(s[j]-'0')
				}
				j++
			}
			toks = append(toks, dtTok{kind: 'n', s: s[i:j], n: v, digits: j - i})
			i = j
		case c == ' ' || c == '\t' || c == '\r' || c == '\n':
			i++
			if len(toks) > 0 && toks[len(toks)-1].kind != ' ' {
				toks = append(toks, dtTok{kind: ' '})
			}
		case isAlpha(c) || c >= 0x80:
			j := i
			for j < len(s) && (isAlpha(s[j]) || s[j] >= 0x80) {
				j++
			}
			toks = append(toks, dtTok{kind: 'w', s: strings.ToLower(s[i:j])})
			i = j
		case strings.IndexByte("-/.:,+", c) >= 0:
			toks = append(toks, dtTok{kind: c})
			i++
		default:
			return nil, false
		}
	}
	if n := len(toks); n > 0 && toks[n-1].kind == ' ' {
		toks = toks[:n-1]
	}
	return toks, true
}

func isAlpha(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// dateOrderFor returns the order of numeric date parts for a CONVERT
// style (0 = the session DATEFORMAT).
func dateOrderFor(style int, dateFormat string) string {
	switch style {
	case 1, 101, 10, 110, 22:
		return "mdy"
	case 3, 103, 4, 104, 5, 105, 6, 106, 13, 113:
		return "dmy"
	case 2, 102, 11, 111, 12, 112, 20, 120, 21, 121, 23, 126, 127:
		return "ymd"
	}
	switch f := strings.ToLower(dateFormat); f {
	case "mdy", "dmy", "ymd", "ydm", "myd", "dym":
		return f
	}
	return "mdy"
}

// dtStatus is the outcome of parsing: SQL Server reports strings that are
// not dates at all as Msg 241, and well-formed strings naming an impossible
// date or time (Feb 30, hour 24, 13:00 PM) as Msg 242 for datetime and
// smalldatetime.
type dtStatus uint8

const (
	dtOK dtStatus = iota
	dtSyntax
	dtRange
)

// parseDateTimeString parses the formats SQL Server accepts: ISO 8601
// (yyyy-mm-ddThh:mi:ss[.f][Z|±hh:mm]), unseparated yyyymmdd, numeric dates
// with / - . in the DATEFORMAT order, month names (Jan 1 2000, 1 January
// 2000, January 1, 2000), and a time hh:mi[:ss[.f|:mmm]][AM|PM] before or
// after the date. iso reports the ISO/unseparated forms, which ignore
// DATEFORMAT.
func parseDateTimeString(s string, order string, legacy bool) (parsedDT, dtStatus) {
	var p parsedDT
	toks, ok := tokenizeDT(strings.TrimSpace(s))
	if !ok {
		return p, dtSyntax
	}
	// ISO 8601 with T: split and treat the date as ymd.
	for i, t := range toks {
		if t.kind == 'w' && strings.HasPrefix(t.s, "t") && i > 0 && toks[i-1].kind == 'n' {
			rest := t.s[1:]
			if rest != "" {
				return p, dtSyntax
			}
			order, legacy = "ymd", false
			toks = append(append([]dtTok{}, toks[:i]...), append([]dtTok{{kind: ' '}}, toks[i+1:]...)...)
			break
		}
	}
	// Pull out the time: a number followed by ':' (or by AM/PM).
	var dateToks []dtTok
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		isTime := t.kind == 'n' && i+1 < len(toks) && toks[i+1].kind == ':'
		isAmPm := t.kind == 'n' && !p.hasTime && ((i+1 < len(toks) && toks[i+1].kind == 'w' && (toks[i+1].s == "am" || toks[i+1].s == "pm")) ||
			(i+2 < len(toks) && toks[i+1].kind == ' ' && toks[i+2].kind == 'w' && (toks[i+2].s == "am" || toks[i+2].s == "pm")))
		if (!isTime && !isAmPm) || p.hasTime {
			dateToks = append(dateToks, t)
			continue
		}
		j, st := parseClock(toks, i, &p)
		if st != dtOK {
			return p, st
		}
		i = j - 1
	}
	// Trim separators around the date part.
	var dt []dtTok
	for _, t := range dateToks {
		if t.kind == ' ' || t.kind == ',' {
			if len(dt) > 0 && dt[len(dt)-1].kind != ' ' {
				dt = append(dt, dtTok{kind: ' '})
			}
			continue
		}
		dt = append(dt, t)
	}
	for len(dt) > 0 && dt[len(dt)-1].kind == ' ' {
		dt = dt[:len(dt)-1]
	}
	if len(dt) == 0 {
		return p, dtOK
	}
	p.hasDate = true
	if !parseDatePart(dt, order, legacy, &p) {
		return p, dtSyntax
	}
	if p.m < 1 || p.m > 12 || p.d < 1 || p.y < 1 || p.y > 9999 || p.d > DaysIn(p.y, p.m) {
		return p, dtRange
	}
	return p, dtOK
}

// parseClock reads hh:mi[:ss[.fffffff|:mmm]][ ][AM|PM][ ][Z|±hh:mm] at i.
func parseClock(toks []dtTok, i int, p *parsedDT) (int, dtStatus) {
	p.hasTime = true
	h := toks[i].n
	if toks[i].digits > 2 {
		return 0, dtSyntax
	}
	i++
	mi, sec := 0, 0
	var frac int64
	if i < len(toks) && toks[i].kind == ':' {
		i++
		if i >= len(toks) || toks[i].kind != 'n' || toks[i].digits > 2 {
			return 0, dtSyntax
		}
		mi = toks[i].n
		i++
		if i < len(toks) && toks[i].kind == ':' {
			i++
			if i >= len(toks) || toks[i].kind != 'n' || toks[i].digits > 2 {
				return 0, dtSyntax
			}
			sec = toks[i].n
			i++
			if i < len(toks) && (toks[i].kind == '.' || toks[i].kind == ':') && i+1 < len(toks) && toks[i+1].kind == 'n' {
				f := toks[i+1]
				if toks[i].kind == ':' {
					// hh:mi:ss:mmm — milliseconds.
					if f.digits > 3 {
						return 0, dtSyntax
					}
					frac = int64(f.n) * 10000
					p.fracDigits = 3
				} else {
					if f.digits > 9 {
						return 0, dtSyntax
					}
					digits := f.s
					p.fracDigits = len(digits)
					if len(digits) > 7 {
						digits = digits[:7]
					}
					for len(digits) < 7 {
						digits += "0"
					}
					for _, c := range digits {
						frac = frac*10 + int64(c-'0')
					}
				}
				i += 2
			}
		}
	}
	j := i
	if j < len(toks) && toks[j].kind == ' ' {
		j++
	}
	if j < len(toks) && toks[j].kind == 'w' && (toks[j].s == "am" || toks[j].s == "pm") {
		if h > 12 {
			return 0, dtRange
		}
		if toks[j].s == "pm" && h < 12 {
			h += 12
		} else if toks[j].s == "am" && h == 12 {
			h = 0
		}
		i = j + 1
	}
	// Offset.
	j = i
	if j < len(toks) && toks[j].kind == ' ' {
		j++
	}
	if j < len(toks) && toks[j].kind == 'w' && toks[j].s == "z" {
		p.hasOff, p.off = true, 0
		i = j + 1
	} else if j+1 < len(toks) && (toks[j].kind == '+' || toks[j].kind == '-') && toks[j+1].kind == 'n' {
		sign := 1
		if toks[j].kind == '-' {
			sign = -1
		}
		oh, om := toks[j+1].n, 0
		k := j + 2
		if toks[j+1].digits == 4 {
			oh, om = toks[j+1].n/100, toks[j+1].n%100
		} else if k+1 < len(toks) && toks[k].kind == ':' && toks[k+1].kind == 'n' {
			om = toks[k+1].n
			k += 2
		}
		if oh > 14 || om > 59 || (oh == 14 && om != 0) {
			return 0, dtRange
		}
		p.hasOff, p.off = true, sign*(oh*60+om)
		i = k
	}
	if h > 23 || mi > 59 || sec > 59 {
		return 0, dtRange
	}
	p.ticks = int64(h)*TicksPerHour + int64(mi)*TicksPerMinute + int64(sec)*TicksPerSecond + frac
	return i, dtOK
}

func fullYear(n, digits int) int {
	if digits <= 2 {
		// Two-digit year cutoff 2049.
		if n < 50 {
			return 2000 + n
		}
		return 1900 + n
	}
	return n
}

// parseDatePart interprets the date tokens (no time, no commas, single
// spaces).
func parseDatePart(dt []dtTok, order string, legacy bool, p *parsedDT) bool {
	var nums []dtTok
	month := 0
	monthPos := -1
	var seps []byte
	for _, t := range dt {
		switch t.kind {
		case 'n':
			nums = append(nums, t)
		case 'w':
			m, ok := monthNames[t.s]
			if !ok || month != 0 {
				return false
			}
			month, monthPos = m, len(nums)
		default:
			seps = append(seps, t.kind)
		}
	}
	if month != 0 {
		p.m = month
		switch len(nums) {
		case 1:
			// "Jan 2000" or "2000 Jan": day 1.
			if nums[0].digits != 4 {
				return false
			}
			p.y, p.d = nums[0].n, 1
			return true
		case 2:
			a, b := nums[0], nums[1]
			switch {
			case a.digits == 4:
				p.y, p.d = a.n, b.n
			case b.digits == 4 || monthPos == 0 || monthPos == 1:
				// "Jan 1 2000", "1 Jan 2000", "Jan 1 00"
				p.d, p.y = a.n, fullYear(b.n, b.digits)
			default:
				p.d, p.y = a.n, fullYear(b.n, b.digits)
			}
			return a.digits <= 4 && b.digits <= 4
		}
		return false
	}
	switch len(nums) {
	case 1:
		n := nums[0]
		switch n.digits {
		case 8:
			p.y, p.m, p.d = n.n/10000, n.n/100%100, n.n%100
			return true
		case 6:
			p.y, p.m, p.d = fullYear(n.n/10000, 2), n.n/100%100, n.n%100
			return true
		case 4:
			p.y, p.m, p.d = n.n, 1, 1
			return true
		}
		return false
	case 3:
		for _, s := range seps {
			if s != '-' && s != '/' && s != '.' && s != ' ' {
				return false
			}
		}
		a, b, c := nums[0], nums[1], nums[2]
		if a.digits == 4 {
			// yyyy-mm-dd is ymd for the newer types whatever DATEFORMAT;
			// datetime and smalldatetime read it as yyyy-dd-mm when
			// DATEFORMAT puts the day before the month (dmy, ydm, dym).
			p.y = a.n
			if legacy && (order == "ydm" || order == "dmy" || order == "dym") {
				p.d, p.m = b.n, c.n
			} else {
				p.m, p.d = b.n, c.n
			}
			return b.digits <= 2 && c.digits <= 2
		}
		vals := map[byte]dtTok{order[0]: a, order[1]: b, order[2]: c}
		y := vals['y']
		if y.digits > 4 || vals['m'].digits > 2 || vals['d'].digits > 2 {
			return false
		}
		p.y, p.m, p.d = fullYear(y.n, y.digits), vals['m'].n, vals['d'].n
		return true
	}
	return false
}
