package tz

import (
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // the rules must not depend on the host's zoneinfo
)

// Zone is one Windows time zone with the IANA rules behind it.
type Zone struct {
	Name string // the Windows name, as sys.time_zone_info spells it
	loc  *time.Location
}

var (
	loadOnce sync.Once
	all      []*Zone
	byName   map[string]*Zone
)

func load() {
	byName = make(map[string]*Zone, len(windowsZones))
	for _, w := range windowsZones {
		loc, err := time.LoadLocation(w.iana)
		if err != nil {
			continue // left out rather than guessed
		}
		z := &Zone{Name: w.name, loc: loc}
		all = append(all, z)
		byName[strings.ToLower(w.name)] = z
	}
}

// Find returns the zone a T-SQL time-zone name designates (names compare
// case-insensitively, as SQL Server's do), or nil.
func Find(name string) *Zone {
	loadOnce.Do(load)
	if z := byName[name]; z != nil {
		return z
	}
	return byName[strings.ToLower(name)]
}

// All lists the zones in sys.time_zone_info's order.
func All() []*Zone {
	loadOnce.Do(load)
	return all
}

const (
	ticksPerSecond = 10_000_000
	// unixEpoch is 1970-01-01 in seconds since 0001-01-01 (the date/time
	// values' tick origin).
	unixEpoch = 62135596800
	window    = 2 * 86400
)

// offsetAt is the zone's UTC offset in seconds at the instant u (Unix
// seconds). Windows has no local mean time: an offset that is not whole
// minutes (LMT before a zone adopted standard time) is replaced by the
// zone's first standard offset.
func (z *Zone) offsetAt(u int64) int64 {
	t := time.Unix(u, 0).In(z.loc)
	_, off := t.Zone()
	if off%60 != 0 {
		if _, end := t.ZoneBounds(); !end.IsZero() {
			_, off = end.Zone()
		}
		off -= off % 60
	}
	return int64(off)
}

func split(ticks int64) (sec, frac int64) {
	return ticks / ticksPerSecond, ticks % ticksPerSecond // ticks are never negative
}

// FromLocal resolves a wall-clock time (ticks since 0001-01-01) read in z.
// It returns the wall time SQL Server presents and its offset in minutes.
// A time inside a daylight-saving gap (clock set ahead) is moved forward by
// the gap and gets the offset after the change; a time inside an overlap
// (clock set back) gets the offset before the change — AT TIME ZONE's
// documented rules.
func (z *Zone) FromLocal(ticks int64) (int64, int16) {
	sec, frac := split(ticks)
	l := sec - unixEpoch // the wall time read as if it were UTC
	before := z.offsetAt(l - window)
	after := z.offsetAt(l + window)
	valid := func(o int64) bool { return z.offsetAt(l-o) == o }
	var off int64
	switch {
	case valid(before): // also the overlap: the offset before the change
		off = before
	case valid(after):
		off = after
	default: // the gap: the instant one standard offset away, shown after the change
		u := l - before
		off = z.offsetAt(u)
		l = u + off
	}
	return (l+unixEpoch)*ticksPerSecond + frac, int16(off / 60)
}

// FromUTC returns the wall time (ticks) and offset in minutes of the UTC
// instant utcTicks in z.
func (z *Zone) FromUTC(utcTicks int64) (int64, int16) {
	sec, _ := split(utcTicks)
	off := z.offsetAt(sec - unixEpoch)
	return utcTicks + off*ticksPerSecond, int16(off / 60)
}

// Current returns the offset in minutes now and whether daylight-saving
// time is in effect (sys.time_zone_info).
func (z *Zone) Current(now time.Time) (int16, bool) {
	t := now.In(z.loc)
	off := z.offsetAt(now.Unix())
	return int16(off / 60), t.IsDST()
}

// FormatOffset renders minutes as SQL Server writes an offset: "+01:00",
// "-08:00".
func FormatOffset(m int16) string {
	sign := byte('+')
	if m < 0 {
		sign, m = '-', -m
	}
	h, mm := m/60, m%60
	return string([]byte{sign, byte('0' + h/10), byte('0' + h%10), ':', byte('0' + mm/10), byte('0' + mm%10)})
}
