package tds

import "time"

// Date/time values are exchanged with the codec as 100-nanosecond ticks
// since 0001-01-01 00:00:00 of the value's own clock (what sql/types uses),
// plus an offset in minutes for datetimeoffset.
const (
	TicksPerSecond int64 = 10_000_000
	TicksPerDay    int64 = 86_400 * TicksPerSecond
	// DaysTo1900 is the day number of 1900-01-01 counted from 0001-01-01,
	// the epoch of datetime and smalldatetime.
	DaysTo1900 = 693595
	// MaxDays is the day number of 9999-12-31.
	MaxDays = 3652058
)

var pow10 = [...]int64{1, 10, 100, 1000, 10000, 100000, 1000000, 10000000}

// floorDiv returns floor(a/b) and the non-negative remainder.
func floorDiv(a, b int64) (int64, int64) {
	q, r := a/b, a%b
	if r < 0 {
		q--
		r += b
	}
	return q, r
}

// DateTimeParts converts ticks to datetime's wire parts: days since
// 1900-01-01 and 1/300-second ticks since midnight, rounded to the nearest
// 1/300 s (SQL Server's .000/.003/.007 rounding).
func DateTimeParts(ticks int64) (days int32, t300 uint32) {
	d, t := floorDiv(ticks, TicksPerDay)
	r := (t*3 + 50_000) / 100_000 // 100ns → 1/300 s, rounded
	if r >= 300*86_400 {
		r -= 300 * 86_400
		d++
	}
	return int32(d - DaysTo1900), uint32(r)
}

// TicksFromDateTime converts datetime's wire parts back to ticks; 1/300 s
// becomes the nearest 100ns tick (3.333… ms steps).
func TicksFromDateTime(days int32, t300 uint32) int64 {
	return (int64(days)+DaysTo1900)*TicksPerDay + (int64(t300)*100_000+1)/3
}

// SmallDateTimeParts converts ticks to smalldatetime's wire parts (days
// since 1900-01-01, minutes since midnight), rounding to the minute.
func SmallDateTimeParts(ticks int64) (days uint16, minutes uint16) {
	d, t := floorDiv(ticks, TicksPerDay)
	m := (t + 30*TicksPerSecond) / (60 * TicksPerSecond)
	if m >= 1440 {
		m -= 1440
		d++
	}
	return uint16(d - DaysTo1900), uint16(m)
}

// TicksFromTime converts a time.Time to ticks of its wall clock (the
// location's offset is not applied).
func TicksFromTime(t time.Time) int64 {
	y, mo, d := t.Date()
	days := daysFromCivil(int64(y), int64(mo), int64(d))
	h, mi, s := t.Clock()
	return days*TicksPerDay + int64(h*3600+mi*60+s)*TicksPerSecond + int64(t.Nanosecond()/100)
}

// TimeFromTicks converts ticks of a wall clock with the given offset (in
// minutes) to a time.Time in a fixed zone of that offset (UTC when 0).
func TimeFromTicks(ticks int64, offsetMin int16) time.Time {
	days, t := floorDiv(ticks, TicksPerDay)
	y, m, d := civilFromDays(days)
	loc := time.UTC
	if offsetMin != 0 {
		loc = time.FixedZone("", int(offsetMin)*60)
	}
	sec := t / TicksPerSecond
	return time.Date(int(y), time.Month(m), int(d), int(sec/3600), int(sec/60%60), int(sec%60), int(t%TicksPerSecond)*100, loc)
}

// daysFromCivil returns days since 0001-01-01 (proleptic Gregorian).
func daysFromCivil(y, m, d int64) int64 {
	if m <= 2 {
		y--
	}
	era, yoe := floorDiv(y, 400)
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	// 719162 days between 0001-01-01 and 1970-01-01; the algorithm counts
	// from 0000-03-01, which is 306 days before 0001-01-01.
	return era*146097 + doe - 306
}

func civilFromDays(z int64) (y, m, d int64) {
	z += 306
	era, doe := floorDiv(z, 146097)
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	if mp < 10 {
		m = mp + 3
	} else {
		m = mp - 9
	}
	if m <= 2 {
		y++
	}
	return
}
