package types

import (
	"strconv"

	"github.com/tsqld/tsqld/sql/msgs"
)

var monthAbbr = [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// FormatDateTime renders a date/time value as CONVERT(varchar, v, style).
// Style 0 uses the type's default: "Jan  1 2000 12:00AM" for datetime and
// smalldatetime, ISO "yyyy-mm-dd", "hh:mi:ss.nnnnnnn", "yyyy-mm-dd
// hh:mi:ss.nnnnnnn [+hh:mm]" for date, time, datetime2, datetimeoffset.
func FormatDateTime(v Value, t Type, style int) (string, *msgs.Error) {
	if s, ok := formatDateOrTimeOnly(v, t, style); ok {
		return s, nil
	}
	day, tt := SplitTicks(v.I)
	y, mo, d := DateParts(day)
	h, mi, s, frac := ClockParts(tt)
	b := make([]byte, 0, 40)
	isOld := t.ID == DateTime || t.ID == SmallDateTime
	// The fraction as the type shows it: datetime milliseconds (3 digits),
	// the newer types their scale's digits.
	fracDigits := int(t.Scale)
	if isOld {
		fracDigits = 3
	}
	fracStr := func(n int) string {
		if n == 0 {
			return ""
		}
		f := frac
		if isOld {
			f = (frac + 5000) / 10000 * 10000 // .003 ms grid → milliseconds
			if f >= TicksPerSecond {
				f = TicksPerSecond - 10000
			}
		}
		digits := strconv.FormatInt(f+TicksPerSecond, 10)[1:] // 7 digits
		return digits[:n]
	}
	if t.ID == Time && style != 0 {
		switch style {
		case 8, 108, 24, 20, 120, 21, 121, 126, 127, 14, 114, 100, 9, 109, 13, 113, 22, 25:
		default:
			return "", newErr(281, txt281, style, t.MsgName())
		}
	}
	date := func(sep byte, order string, y4 bool) {
		for i := 0; i < 3; i++ {
			if i > 0 {
				b = append(b, sep)
			}
			switch order[i] {
			case 'y':
				if y4 {
					b = appendPad(b, y, 4)
				} else {
					b = appendPad(b, y%100, 2)
				}
			case 'm':
				b = appendPad(b, mo, 2)
			case 'd':
				b = appendPad(b, d, 2)
			}
		}
	}
	clock := func(withFrac string, fracSep byte) {
		b = appendPad(b, h, 2)
		b = append(b, ':')
		b = appendPad(b, mi, 2)
		b = append(b, ':')
		b = appendPad(b, s, 2)
		if withFrac != "" {
			b = append(b, fracSep)
			b = append(b, withFrac...)
		}
	}
	ampm := func(secs bool, fsep byte) {
		h12 := h % 12
		if h12 == 0 {
			h12 = 12
		}
		if h12 < 10 {
			b = append(b, ' ')
		}
		b = strconv.AppendInt(b, int64(h12), 10)
		b = append(b, ':')
		b = appendPad(b, mi, 2)
		if secs {
			b = append(b, ':')
			b = appendPad(b, s, 2)
			if f := fracStr(fracDigits); f != "" || isOld {
				b = append(b, fsep)
				if f == "" {
					f = "000"
				}
				b = append(b, f...)
			}
		}
		if h < 12 {
			b = append(b, "AM"...)
		} else {
			b = append(b, "PM"...)
		}
	}
	monDay := func() {
		b = append(b, monthAbbr[mo-1]...)
		b = append(b, ' ')
		if d < 10 {
			b = append(b, ' ')
		}
		b = strconv.AppendInt(b, int64(d), 10)
		b = append(b, ' ')
		b = appendPad(b, y, 4)
		b = append(b, ' ')
	}
	offset := func() {
		if t.ID != DateTimeOffset {
			return
		}
		off := int(v.Off)
		b = append(b, ' ')
		if off < 0 {
			b = append(b, '-')
			off = -off
		} else {
			b = append(b, '+')
		}
		b = appendPad(b, off/60, 2)
		b = append(b, ':')
		b = appendPad(b, off%60, 2)
	}
	switch style {
	case 0:
		switch t.ID {
		case DateTime, SmallDateTime:
			monDay()
			ampm(false, 0)
		case Date:
			date('-', "ymd", true)
		case Time:
			clock(fracStr(fracDigits), '.')
		default:
			date('-', "ymd", true)
			b = append(b, ' ')
			clock(fracStr(fracDigits), '.')
			offset()
		}
		return string(b), nil
	case 100:
		if t.ID != Time {
			monDay()
		}
		ampm(false, 0)
	case 1, 101:
		date('/', "mdy", style > 100)
	case 2, 102:
		date('.', "ymd", style > 100)
	case 3, 103:
		date('/', "dmy", style > 100)
	case 4, 104:
		date('.', "dmy", style > 100)
	case 5, 105:
		date('-', "dmy", style > 100)
	case 6, 106:
		b = appendPad(b, d, 2)
		b = append(b, ' ')
		b = append(b, monthAbbr[mo-1]...)
		b = append(b, ' ')
		if style > 100 {
			b = appendPad(b, y, 4)
		} else {
			b = appendPad(b, y%100, 2)
		}
	case 7, 107:
		b = append(b, monthAbbr[mo-1]...)
		b = append(b, ' ')
		b = appendPad(b, d, 2)
		b = append(b, ", "...)
		if style > 100 {
			b = appendPad(b, y, 4)
		} else {
			b = appendPad(b, y%100, 2)
		}
	case 8, 108, 24:
		clock("", 0)
	case 9, 109:
		if t.ID != Time {
			monDay()
		}
		ampm(true, ':')
	case 10, 110:
		date('-', "mdy", style > 100)
	case 11, 111:
		date('/', "ymd", style > 100)
	case 12, 112:
		if style > 100 {
			b = appendPad(b, y, 4)
		} else {
			b = appendPad(b, y%100, 2)
		}
		b = appendPad(b, mo, 2)
		b = appendPad(b, d, 2)
	case 13, 113:
		b = appendPad(b, d, 2)
		b = append(b, ' ')
		b = append(b, monthAbbr[mo-1]...)
		b = append(b, ' ')
		b = appendPad(b, y, 4)
		b = append(b, ' ')
		f := fracStr(fracDigits)
		if f == "" {
			f = "000"
		}
		clock(f, ':')
	case 14, 114:
		f := fracStr(fracDigits)
		if f == "" {
			f = "000"
		}
		clock(f, ':')
	case 20, 120:
		date('-', "ymd", true)
		b = append(b, ' ')
		clock("", 0)
		offset()
	case 21, 121, 25:
		date('-', "ymd", true)
		b = append(b, ' ')
		f := fracStr(fracDigits)
		if f == "" && isOld {
			f = "000"
		}
		clock(f, '.')
		offset()
	case 22:
		date('/', "mdy", false)
		b = append(b, ' ')
		ampm(true, 0)
		// style 22 has no fraction: "01/01/00  1:02:03 PM"
		b = b[:0]
		date('/', "mdy", false)
		b = append(b, ' ')
		h12 := h % 12
		if h12 == 0 {
			h12 = 12
		}
		if h12 < 10 {
			b = append(b, ' ')
		}
		b = strconv.AppendInt(b, int64(h12), 10)
		b = append(b, ':')
		b = appendPad(b, mi, 2)
		b = append(b, ':')
		b = appendPad(b, s, 2)
		if h < 12 {
			b = append(b, " AM"...)
		} else {
			b = append(b, " PM"...)
		}
	case 23:
		date('-', "ymd", true)
	case 126, 127:
		if t.ID != Time {
			date('-', "ymd", true)
			if t.ID == Date {
				return string(b), nil
			}
			b = append(b, 'T')
		}
		f := fracStr(fracDigits)
		if isOld && frac == 0 {
			f = ""
		}
		if !isOld {
			// Trailing zero digits are kept only when the fraction is not zero.
			if frac == 0 {
				f = ""
			}
		}
		clock(f, '.')
		if t.ID == DateTimeOffset {
			if style == 127 {
				// UTC with Z.
				u := Value{K: KindDateTime, I: UTCTicks(v)}
				s2, _ := FormatDateTime(u, Type{ID: DateTime2, Scale: t.Scale}, 126)
				return s2 + "Z", nil
			}
			off := int(v.Off)
			if off < 0 {
				b = append(b, '-')
				off = -off
			} else {
				b = append(b, '+')
			}
			b = appendPad(b, off/60, 2)
			b = append(b, ':')
			b = appendPad(b, off%60, 2)
		}
	default:
		return "", newErr(281, txt281, style, t.MsgName())
	}
	return string(b), nil
}

func appendPad(b []byte, v, width int) []byte {
	s := strconv.Itoa(v)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}
