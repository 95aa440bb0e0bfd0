package types

import (
	"time"

	"github.com/tsqld/tsqld/sql/msgs"
)

// Date/time values (KindDateTime) hold Value.I = the number of 100 ns ticks
// since 0001-01-01 00:00:00 of the value's own (local) clock, for every
// date/time type:
//
//	date            midnight of the day (I is a multiple of TicksPerDay)
//	time(n)         ticks since midnight, 0 <= I < TicksPerDay (date part 0001-01-01)
//	datetime        rounded to 1/300 s: I = day*TicksPerDay + round(n/300 s);
//	                the tick value of n/300 s is rounded to 100 ns, and
//	                DateTimeParts recovers n exactly
//	smalldatetime   whole minutes
//	datetime2(n)    rounded to 10^-n s
//	datetimeoffset  the local time (what the value displays) in I and the
//	                offset from UTC in minutes in Value.Off; the UTC instant
//	                is I - Off*TicksPerMinute
//
// The same tick scale as .NET DateTime makes TDS encoding direct: TDS date
// is the day number since 0001-01-01 (I / TicksPerDay), TDS time(n) is the
// ticks within the day divided by 10^(7-n).
const (
	TicksPerSecond = 10_000_000
	TicksPerMinute = 60 * TicksPerSecond
	TicksPerHour   = 60 * TicksPerMinute
	TicksPerDay    = 24 * TicksPerHour

	// Day numbers (since 0001-01-01) of SQL Server's epochs and limits.
	Day1753 = 639905  // 1753-01-01: datetime minimum
	Day1900 = 693595  // 1900-01-01: datetime/smalldatetime epoch (day 0)
	Day2079 = 759130  // 2079-06-06: smalldatetime maximum
	Day9999 = 3652058 // 9999-12-31
)

// MaxTicks is 9999-12-31 23:59:59.9999999.
const MaxTicks = (Day9999+1)*TicksPerDay - 1

// unixDay is the day number of 1970-01-01.
const unixDay = 719162

// DateFromParts returns the day number (since 0001-01-01) of y-m-d, which
// must be a valid date.
func DateFromParts(y, m, d int) int64 {
	// Days before year y, then before month m.
	yy := int64(y - 1)
	days := yy*365 + yy/4 - yy/100 + yy/400
	days += int64(cumDays[m-1])
	if m > 2 && isLeap(y) {
		days++
	}
	return days + int64(d-1)
}

var cumDays = [13]int{0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// DaysIn returns the number of days in month m of year y.
func DaysIn(y, m int) int {
	if m == 2 && isLeap(y) {
		return 29
	}
	return cumDays[m] - cumDays[m-1]
}

// DateParts splits a day number into year, month, day.
func DateParts(day int64) (y, m, d int) {
	// Civil-from-days on the proleptic Gregorian calendar.
	n := day
	n400 := n / 146097
	n -= n400 * 146097
	n100 := n / 36524
	if n100 == 4 {
		n100 = 3
	}
	n -= n100 * 36524
	n4 := n / 1461
	n -= n4 * 1461
	n1 := n / 365
	if n1 == 4 {
		n1 = 3
	}
	n -= n1 * 365
	y = int(n400*400+n100*100+n4*4+n1) + 1
	leap := isLeap(y)
	doy := int(n)
	for m = 1; m <= 12; m++ {
		dim := cumDays[m] - cumDays[m-1]
		if m == 2 && leap {
			dim++
		}
		if doy < dim {
			break
		}
		doy -= dim
	}
	return y, m, doy + 1
}

// Weekday returns 0 = Sunday .. 6 = Saturday for a day number.
func Weekday(day int64) int { return int((day + 1) % 7) }

// ClockParts splits ticks within a day into hour, minute, second and the
// remaining 100 ns ticks.
func ClockParts(t int64) (h, m, s int, frac int64) {
	h = int(t / TicksPerHour)
	t %= TicksPerHour
	m = int(t / TicksPerMinute)
	t %= TicksPerMinute
	s = int(t / TicksPerSecond)
	return h, m, s, t % TicksPerSecond
}

// SplitTicks returns the day number and the ticks within the day.
func SplitTicks(ticks int64) (day, timeTicks int64) {
	return ticks / TicksPerDay, ticks % TicksPerDay
}

// ToTime converts a date/time value to a time.Time: in UTC for the types
// without offset, and in a fixed zone of the value's offset for
// datetimeoffset (so t.Format shows the same clock as SQL Server).
func ToTime(v Value, t Type) time.Time {
	sec := v.I/TicksPerSecond - unixDay*86400
	nsec := (v.I % TicksPerSecond) * 100
	if t.ID == DateTimeOffset {
		utc := time.Unix(sec-int64(v.Off)*60, nsec).UTC()
		return utc.In(time.FixedZone("", int(v.Off)*60))
	}
	return time.Unix(sec, nsec).UTC()
}

// FromTime converts a time.Time to a value of type t (rounded to t's
// precision): the wall clock of tm for date/time types, wall clock and zone
// offset for datetimeoffset. Out-of-range results give Msg 242.
func FromTime(tm time.Time, t Type) (Value, *msgs.Error) {
	_, offSec := tm.Zone()
	local := tm.Unix() + int64(offSec)
	ticks := (local+unixDay*86400)*TicksPerSecond + int64(tm.Nanosecond())/100
	v := Value{K: KindDateTime, I: ticks}
	if t.ID == DateTimeOffset {
		v.Off = int16(offSec / 60)
	}
	return roundDateTime(v, Type{ID: DateTime2, Scale: 7}, t)
}

// DateTimeParts returns the TDS encoding of a datetime value: days since
// 1900-01-01 and 1/300 s ticks since midnight.
func DateTimeParts(ticks int64) (days int32, time300 uint32) {
	day, tt := SplitTicks(ticks)
	return int32(day - Day1900), uint32((tt*3 + 50000) / 100000)
}

// DateTimeFromParts is the inverse of DateTimeParts.
func DateTimeFromParts(days int32, time300 uint32) int64 {
	return (int64(days)+Day1900)*TicksPerDay + ticks300(int64(time300))
}

// ticks300 converts n/300 s to 100 ns ticks, rounded.
func ticks300(n int64) int64 { return (n*100000 + 1) / 3 }

// SmallDateTimeParts returns the TDS encoding of smalldatetime: days since
// 1900-01-01 and minutes since midnight.
func SmallDateTimeParts(ticks int64) (days uint16, minutes uint16) {
	day, tt := SplitTicks(ticks)
	return uint16(day - Day1900), uint16(tt / TicksPerMinute)
}

// TimeParts returns the TDS encoding of date/datetime2/datetimeoffset/time:
// the day number since 0001-01-01 and the time in units of 10^-scale s.
// For datetimeoffset TDS sends UTC: pass I - Off*TicksPerMinute.
func TimeParts(ticks int64, scale uint8) (days int64, timeUnits int64) {
	day, tt := SplitTicks(ticks)
	return day, tt / pow10[7-scale]
}

// FromTimeParts is the inverse of TimeParts.
func FromTimeParts(days, timeUnits int64, scale uint8) int64 {
	return days*TicksPerDay + timeUnits*pow10[7-scale]
}

// UTCTicks returns the UTC ticks of a datetimeoffset value.
func UTCTicks(v Value) int64 { return v.I - int64(v.Off)*TicksPerMinute }

var pow10 = [...]int64{1, 10, 100, 1000, 10000, 100000, 1000000, 10000000}

// roundDateTime converts a date/time value of type from to type to,
// rounding to the target precision and checking its range (Msg 242).
func roundDateTime(v Value, from, to Type) (Value, *msgs.Error) {
	out := Value{K: KindDateTime, I: v.I}
	if to.ID == DateTimeOffset {
		out.Off = v.Off
	}
	if from.ID == DateTimeOffset && to.ID != DateTimeOffset {
		// Other types keep the local clock of the offset value.
		out.Off = 0
	}
	if from.ID == Time && to.ID != Time {
		// time → datetime family: the date part is 1900-01-01.
		out.I = out.I%TicksPerDay + Day1900*TicksPerDay
	}
	switch to.ID {
	case Date:
		out.I -= out.I % TicksPerDay
	case Time:
		out.I = roundTicks(out.I%TicksPerDay, to.Scale) % TicksPerDay
	case DateTime2, DateTimeOffset:
		out.I = roundTicks(out.I, to.Scale)
		if out.I > MaxTicks {
			return Null, ErrDateOutOfRange(from, to)
		}
	case DateTime:
		out.I = RoundDateTime(out.I)
		if out.I < Day1753*TicksPerDay || out.I > MaxTicks {
			return Null, ErrDateOutOfRange(from, to)
		}
	case SmallDateTime:
		out.I = RoundSmallDateTime(out.I)
		if out.I < Day1900*TicksPerDay || out.I >= (Day2079+1)*TicksPerDay {
			return Null, ErrDateOutOfRange(from, to)
		}
	}
	return out, nil
}

// roundTicks rounds ticks to 10^-scale s, half up.
func roundTicks(t int64, scale uint8) int64 {
	if scale >= 7 {
		return t
	}
	u := pow10[7-scale]
	return (t + u/2) / u * u
}

// RoundDateTime rounds ticks to datetime's 1/300 s grid (.000, .003, .007).
func RoundDateTime(t int64) int64 {
	day, tt := SplitTicks(t)
	n := (tt*3 + 50000) / 100000 // nearest 1/300 s
	return day*TicksPerDay + ticks300(n)
}

// RoundSmallDateTime rounds ticks to the minute (29.998 s down, 29.999 s up,
// as SQL Server does: it first rounds to datetime precision).
func RoundSmallDateTime(t int64) int64 {
	t = RoundDateTime(t)
	return (t + 30*TicksPerSecond) / TicksPerMinute * TicksPerMinute
}
