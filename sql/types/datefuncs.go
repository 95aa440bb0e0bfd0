package types

import (
	"strconv"
	"strings"

	"github.com/tsqld/tsqld/sql/msgs"
)

// DatePart is the first argument of DATEADD, DATEDIFF, DATEPART, DATENAME.
type DatePart uint8

const (
	PartYear DatePart = iota + 1
	PartQuarter
	PartMonth
	PartDayOfYear
	PartDay
	PartWeek
	PartWeekday
	PartHour
	PartMinute
	PartSecond
	PartMillisecond
	PartMicrosecond
	PartNanosecond
	PartTZOffset
	PartISOWeek
)

var datePartNames = map[string]DatePart{
	"year": PartYear, "yy": PartYear, "yyyy": PartYear,
	"quarter": PartQuarter, "qq": PartQuarter, "q": PartQuarter,
	"month": PartMonth, "mm": PartMonth, "m": PartMonth,
	"dayofyear": PartDayOfYear, "dy": PartDayOfYear, "y": PartDayOfYear,
	"day": PartDay, "dd": PartDay, "d": PartDay,
	"week": PartWeek, "wk": PartWeek, "ww": PartWeek,
	"weekday": PartWeekday, "dw": PartWeekday, "w": PartWeekday,
	"hour": PartHour, "hh": PartHour,
	"minute": PartMinute, "mi": PartMinute, "n": PartMinute,
	"second": PartSecond, "ss": PartSecond, "s": PartSecond,
	"millisecond": PartMillisecond, "ms": PartMillisecond,
	"microsecond": PartMicrosecond, "mcs": PartMicrosecond,
	"nanosecond": PartNanosecond, "ns": PartNanosecond,
	"tzoffset": PartTZOffset, "tz": PartTZOffset,
	"iso_week": PartISOWeek, "isowk": PartISOWeek, "isoww": PartISOWeek,
}

// ParseDatePart resolves a datepart name or abbreviation (case-insensitive).
func ParseDatePart(name string) (DatePart, bool) {
	p, ok := datePartNames[strings.ToLower(name)]
	return p, ok
}

// Name is the datepart's full name as SQL Server writes it in messages.
func (p DatePart) Name() string {
	return [...]string{"", "year", "quarter", "month", "dayofyear", "day", "week", "weekday", "hour",
		"minute", "second", "millisecond", "microsecond", "nanosecond", "tzoffset", "iso_week"}[p]
}

func (p DatePart) isTime() bool { return p >= PartHour && p <= PartNanosecond }

// ErrUnknownDatePart is Msg 155 "'x' is not a recognized dateadd option.".
func ErrUnknownDatePart(name, function string) *msgs.Error {
	return newErr(155, "'%.*ls' is not a recognized %ls option.", name, strings.ToLower(function))
}

func errDatePartType(p DatePart, function string, t Type) *msgs.Error {
	return newErr(9810, txt9810, p.Name(), function, t.MsgName())
}

// checkPart rejects time parts on date and date parts on time (Msg 9810).
func checkPart(p DatePart, function string, t Type) *msgs.Error {
	switch {
	case t.ID == Date && p.isTime():
		return errDatePartType(p, function, t)
	case t.ID == Time && !p.isTime() && p != PartTZOffset:
		return errDatePartType(p, function, t)
	case p == PartTZOffset && function != "datepart" && function != "datename":
		return errDatePartType(p, function, t)
	}
	return nil
}

// DateAdd implements DATEADD(part, n, v) for v of date/time type t. Months
// clamp the day to the end of the target month (Jan 31 + 1 month = Feb
// 28/29); time wraps around midnight; results outside the type's range are
// Msg 517.
func DateAdd(part DatePart, n int64, v Value, t Type) (Value, *msgs.Error) {
	if v.K == KindNull {
		return Null, nil
	}
	if err := checkPart(part, "dateadd", t); err != nil {
		return Null, err
	}
	overflow := func() (Value, *msgs.Error) { return Null, newErr(517, txt517, t.MsgName()) }
	ticks := v.I
	switch part {
	case PartYear, PartQuarter, PartMonth:
		months := n
		switch part {
		case PartYear:
			months = n * 12
		case PartQuarter:
			months = n * 3
		}
		day, tt := SplitTicks(ticks)
		y, m, d := DateParts(day)
		total := int64(y)*12 + int64(m-1) + months
		ny, nm := total/12, int(total%12)+1
		if total < 12 || ny > 9999 {
			return overflow()
		}
		if dim := DaysIn(int(ny), nm); d > dim {
			d = dim
		}
		ticks = DateFromParts(int(ny), nm, d)*TicksPerDay + tt
	default:
		var unit int64
		switch part {
		case PartDayOfYear, PartDay, PartWeekday:
			unit = TicksPerDay
		case PartWeek:
			unit = 7 * TicksPerDay
		case PartHour:
			unit = TicksPerHour
		case PartMinute:
			unit = TicksPerMinute
		case PartSecond:
			unit = TicksPerSecond
		case PartMillisecond:
			unit = 10000
		case PartMicrosecond:
			// 1 µs = 10 ticks.
			unit = 10
		case PartNanosecond:
			// Nanoseconds round to the nearest 100 ns tick.
			q := n / 100
			if r := n % 100; r >= 50 {
				q++
			} else if r <= -50 {
				q--
			}
			n, unit = q, 1
		}
		if n > 0 && n > (MaxTicks+TicksPerDay)/unit || n < 0 && -n > (MaxTicks+TicksPerDay)/unit {
			if t.ID != Time {
				return overflow()
			}
			n %= TicksPerDay / min(unit, TicksPerDay)
		}
		delta := n * unit
		if t.ID == Time {
			ticks = ((ticks+delta)%TicksPerDay + TicksPerDay) % TicksPerDay
		} else {
			ticks += delta
		}
	}
	if t.ID != Time && (ticks < 0 || ticks > MaxTicks) {
		return overflow()
	}
	out := Value{K: KindDateTime, I: ticks, Off: v.Off}
	r, err := roundDateTime(out, NewDateTime2(7), t)
	if err != nil {
		return overflow()
	}
	return r, nil
}

// diffTicks returns the value's ticks for DATEDIFF: UTC for
// datetimeoffset, 1900-01-01 as the date of time values.
func diffTicks(v Value, t Type) int64 {
	switch t.ID {
	case DateTimeOffset:
		return UTCTicks(v)
	case Time:
		return Day1900*TicksPerDay + v.I%TicksPerDay
	}
	return v.I
}

// DateDiff implements DATEDIFF(part, a, b): the number of part boundaries
// crossed from a to b (week boundaries are Sundays whatever DATEFIRST).
// The result must fit int (Msg 535); use DateDiffBig for DATEDIFF_BIG.
func DateDiff(part DatePart, a Value, at Type, b Value, bt Type) (int64, *msgs.Error) {
	r, err := DateDiffBig(part, a, at, b, bt)
	if err != nil {
		return 0, err
	}
	if r < -2147483648 || r > 2147483647 {
		return 0, newErr(535, "The datediff function resulted in an overflow. The number of dateparts separating two date/time instances is too large. Try to use datediff with a less precise datepart.")
	}
	return r, nil
}

// DateDiffBig is DATEDIFF_BIG (bigint result).
func DateDiffBig(part DatePart, a Value, at Type, b Value, bt Type) (int64, *msgs.Error) {
	if part == PartTZOffset {
		return 0, errDatePartType(part, "datediff", at)
	}
	// DATEDIFF accepts time parts on dates (they are midnight) and date
	// parts on times (their date is 1900-01-01).
	ta, tb := diffTicks(a, at), diffTicks(b, bt)
	da, db := ta/TicksPerDay, tb/TicksPerDay
	switch part {
	case PartYear, PartQuarter, PartMonth:
		y1, m1, _ := DateParts(da)
		y2, m2, _ := DateParts(db)
		switch part {
		case PartYear:
			return int64(y2 - y1), nil
		case PartQuarter:
			return int64((y2*4 + (m2-1)/3) - (y1*4 + (m1-1)/3)), nil
		}
		return int64((y2*12 + m2) - (y1*12 + m1)), nil
	case PartDayOfYear, PartDay, PartWeekday:
		return db - da, nil
	case PartWeek, PartISOWeek:
		return (db+1)/7 - (da+1)/7, nil
	case PartHour:
		return tb/TicksPerHour - ta/TicksPerHour, nil
	case PartMinute:
		return tb/TicksPerMinute - ta/TicksPerMinute, nil
	case PartSecond:
		return tb/TicksPerSecond - ta/TicksPerSecond, nil
	case PartMillisecond:
		return msOf(tb, bt) - msOf(ta, at), nil
	case PartMicrosecond:
		return tb/10 - ta/10, nil
	case PartNanosecond:
		d := tb - ta
		if d > 92233720368547758 || d < -92233720368547758 {
			return 0, newErr(535, "The datediff function resulted in an overflow. The number of dateparts separating two date/time instances is too large. Try to use datediff with a less precise datepart.")
		}
		return d * 100, nil
	}
	return 0, nil
}

// msOf is ticks in whole milliseconds; datetime values (stored rounded to
// 100 ns from 1/300 s) are rounded so .007 counts as 7 ms.
func msOf(ticks int64, t Type) int64 {
	if t.ID == DateTime || t.ID == SmallDateTime {
		return (ticks + 5000) / 10000
	}
	return ticks / 10000
}

// DatePartValue implements DATEPART(part, v): dateFirst is the session's
// SET DATEFIRST (1 = Monday … 7 = Sunday, the us_english default).
func DatePartValue(part DatePart, v Value, t Type, dateFirst int) (int64, *msgs.Error) {
	if err := checkPart(part, "datepart", t); err != nil {
		return 0, err
	}
	day, tt := SplitTicks(v.I)
	y, m, d := DateParts(day)
	h, mi, s, frac := ClockParts(tt)
	switch part {
	case PartYear:
		return int64(y), nil
	case PartQuarter:
		return int64((m-1)/3 + 1), nil
	case PartMonth:
		return int64(m), nil
	case PartDayOfYear:
		return day - DateFromParts(y, 1, 1) + 1, nil
	case PartDay:
		return int64(d), nil
	case PartWeek:
		jan1 := DateFromParts(y, 1, 1)
		off := int64((Weekday(jan1) - dateFirst%7 + 7) % 7)
		return (day-jan1+off)/7 + 1, nil
	case PartWeekday:
		return int64((Weekday(day)-dateFirst%7+7)%7 + 1), nil
	case PartHour:
		return int64(h), nil
	case PartMinute:
		return int64(mi), nil
	case PartSecond:
		return int64(s), nil
	case PartMillisecond:
		if t.ID == DateTime || t.ID == SmallDateTime {
			return min((frac+5000)/10000, 999), nil
		}
		return frac / 10000, nil
	case PartMicrosecond:
		return frac / 10, nil
	case PartNanosecond:
		return frac * 100, nil
	case PartTZOffset:
		return int64(v.Off), nil
	case PartISOWeek:
		return int64(isoWeek(day)), nil
	}
	return 0, nil
}

// isoWeek is the ISO 8601 week number (weeks start on Monday; week 1
// holds the year's first Thursday).
func isoWeek(day int64) int {
	// Monday = 0.
	wd := (Weekday(day) + 6) % 7
	thursday := day - int64(wd) + 3
	y, _, _ := DateParts(thursday)
	return int((thursday-DateFromParts(y, 1, 1))/7) + 1
}

var (
	monthNamesEN = [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	monthNamesFR = [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
	dayNamesEN   = [7]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
	dayNamesFR   = [7]string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"}
)

// DateName implements DATENAME(part, v): month and weekday names in the
// session language (French when lang starts with "fr" or is "Français"),
// tzoffset as "+hh:mm", every other part as its number.
func DateName(part DatePart, v Value, t Type, dateFirst int, lang string) (string, *msgs.Error) {
	if err := checkPart(part, "datename", t); err != nil {
		return "", err
	}
	fr := strings.HasPrefix(strings.ToLower(lang), "fr")
	day, _ := SplitTicks(v.I)
	switch part {
	case PartMonth:
		_, m, _ := DateParts(day)
		if fr {
			return monthNamesFR[m-1], nil
		}
		return monthNamesEN[m-1], nil
	case PartWeekday:
		if fr {
			return dayNamesFR[Weekday(day)], nil
		}
		return dayNamesEN[Weekday(day)], nil
	case PartTZOffset:
		off := int(v.Off)
		sign := "+"
		if off < 0 {
			sign, off = "-", -off
		}
		return sign + string(appendPad(nil, off/60, 2)) + ":" + string(appendPad(nil, off%60, 2)), nil
	}
	n, err := DatePartValue(part, v, t, dateFirst)
	if err != nil {
		return "", err
	}
	return strconv.FormatInt(n, 10), nil
}

// EOMonth implements EOMONTH(v [, months]): the last day of the month, as
// a date.
func EOMonth(v Value, months int64) (Value, *msgs.Error) {
	day, _ := SplitTicks(v.I)
	y, m, _ := DateParts(day)
	total := int64(y)*12 + int64(m-1) + months
	ny, nm := total/12, int(total%12)+1
	if total < 12 || ny > 9999 {
		return Null, newErr(517, txt517, "date")
	}
	return Value{K: KindDateTime, I: DateFromParts(int(ny), nm, DaysIn(int(ny), nm)) * TicksPerDay}, nil
}

// DateFromPartsValue implements DATEFROMPARTS (Msg 289 for invalid parts).
func DateFromPartsValue(y, m, d int64) (Value, *msgs.Error) {
	if y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > int64(DaysIn(int(y), int(m))) {
		return Null, newErr(289, "Cannot construct data type %ls, some of the arguments have values which are not valid.", "date")
	}
	return Value{K: KindDateTime, I: DateFromParts(int(y), int(m), int(d)) * TicksPerDay}, nil
}

// DateTime2FromPartsValue implements DATETIME2FROMPARTS, DATETIMEFROMPARTS
// (t datetime, fractions = milliseconds) and TIMEFROMPARTS (t time): the
// fraction is in units of 10^-precision seconds.
func DateTime2FromPartsValue(t Type, y, mo, d, h, mi, s, fractions, precision int64) (Value, *msgs.Error) {
	bad := func() (Value, *msgs.Error) {
		return Null, newErr(289, "Cannot construct data type %ls, some of the arguments have values which are not valid.", t.MsgName())
	}
	if t.ID == Time {
		y, mo, d = 1900, 1, 1
	}
	if y < 1 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > int64(DaysIn(int(y), int(mo))) ||
		h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59 || precision < 0 || precision > 7 || fractions < 0 {
		return bad()
	}
	var frac int64
	if t.ID == DateTime {
		if fractions > 999 {
			return bad()
		}
		frac = fractions * 10000
	} else {
		if fractions >= pow10[precision] {
			return bad()
		}
		frac = fractions * pow10[7-precision]
	}
	ticks := DateFromParts(int(y), int(mo), int(d))*TicksPerDay + h*TicksPerHour + mi*TicksPerMinute + s*TicksPerSecond + frac
	if t.ID == Time {
		ticks %= TicksPerDay
	}
	r, err := roundDateTime(Value{K: KindDateTime, I: ticks}, NewDateTime2(7), t)
	if err != nil {
		return bad()
	}
	return r, nil
}
