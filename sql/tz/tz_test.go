package tz

import (
	"testing"
	"time"
)

func ticksOf(y int, mo time.Month, d, h, mi int) int64 {
	return (time.Date(y, mo, d, h, mi, 0, 0, time.UTC).Unix() + unixEpoch) * ticksPerSecond
}

func TestAllZonesLoad(t *testing.T) {
	if n := len(All()); n != len(windowsZones) {
		t.Fatalf("%d of %d zones loaded", n, len(windowsZones))
	}
}

func TestFromLocalDST(t *testing.T) {
	cet := Find("central european standard time")
	if cet == nil {
		t.Fatal("zone not found")
	}
	cases := []struct {
		in      int64
		out     int64
		offset  int16
		comment string
	}{
		{ticksOf(2015, 3, 29, 1, 1), ticksOf(2015, 3, 29, 1, 1), 60, "before the gap"},
		{ticksOf(2015, 3, 29, 2, 1), ticksOf(2015, 3, 29, 3, 1), 120, "in the gap: moved ahead"},
		{ticksOf(2015, 3, 29, 3, 1), ticksOf(2015, 3, 29, 3, 1), 120, "after the gap"},
		{ticksOf(2015, 10, 25, 1, 1), ticksOf(2015, 10, 25, 1, 1), 120, "before the overlap"},
		{ticksOf(2015, 10, 25, 2, 0), ticksOf(2015, 10, 25, 2, 0), 120, "in the overlap: offset before"},
		{ticksOf(2015, 10, 25, 3, 1), ticksOf(2015, 10, 25, 3, 1), 60, "after the overlap"},
	}
	for _, c := range cases {
		got, off := cet.FromLocal(c.in)
		if got != c.out || off != c.offset {
			t.Errorf("%s: got %d %d, want %d %d", c.comment, got, off, c.out, c.offset)
		}
	}
}

func TestNoLMT(t *testing.T) {
	pst := Find("Pacific Standard Time")
	_, off := pst.FromLocal(ticksOf(1800, 1, 1, 0, 0))
	if off != -480 {
		t.Fatalf("offset %d", off)
	}
}

func TestFormatOffset(t *testing.T) {
	for m, s := range map[int16]string{-480: "-08:00", 0: "+00:00", 345: "+05:45", -570: "-09:30"} {
		if got := FormatOffset(m); got != s {
			t.Errorf("%d: %s", m, got)
		}
	}
}
