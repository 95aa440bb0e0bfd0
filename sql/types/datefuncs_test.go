package types

import "testing"

func mustDT(t *testing.T, s string, ty Type) Value {
	t.Helper()
	v, err := Convert(vs(s), NewVarChar(40), ty)
	if err != nil {
		t.Fatalf("%s as %s: %v", s, ty, err)
	}
	return v
}

func fmtDT(v Value, t Type, style int) string { s, _ := FormatDateTime(v, t, style); return s }

func TestDateAdd(t *testing.T) {
	cases := []struct {
		part  string
		n     int64
		in    string
		t     Type
		style int
		want  string
		err   int32
		text  string
	}{
		{"month", 1, "2000-01-31", TypeDate, 0, "2000-02-29", 0, ""},
		{"mm", 13, "2000-01-31", TypeDate, 0, "2001-02-28", 0, ""},
		{"year", 1, "2000-02-29", TypeDate, 0, "2001-02-28", 0, ""},
		{"quarter", -1, "2000-05-31", TypeDate, 0, "2000-02-29", 0, ""},
		{"day", -1, "2000-03-01", TypeDate, 0, "2000-02-29", 0, ""},
		{"week", 2, "2000-01-01", TypeDate, 0, "2000-01-15", 0, ""},
		{"day", 1, "9999-12-31", TypeDate, 0, "", 517, "Adding a value to a 'date' column caused an overflow."},
		{"year", -2000, "2000-01-01", TypeDate, 0, "", 517, ""},
		{"hour", 25, "10:00", NewTime(7), 0, "11:00:00.0000000", 0, ""},
		{"minute", -61, "00:30", NewTime(0), 0, "23:29:00", 0, ""},
		{"hour", 1, "2000-01-01", TypeDate, 0, "", 9810, "The datepart hour is not supported by date function dateadd for data type date."},
		{"day", 1, "10:00", NewTime(7), 0, "", 9810, "The datepart day is not supported by date function dateadd for data type time."},
		{"ms", 1, "2000-01-01 00:00:00.000", TypeDateTime, 121, "2000-01-01 00:00:00.000", 0, ""},
		{"ms", 2, "2000-01-01 00:00:00.000", TypeDateTime, 121, "2000-01-01 00:00:00.003", 0, ""},
		{"second", 30, "2000-01-01 10:00", TypeSmallDateTime, 120, "2000-01-01 10:01:00", 0, ""},
		{"ns", 150, "2000-01-01", NewDateTime2(7), 0, "2000-01-01 00:00:00.0000002", 0, ""},
		{"ns", 49, "2000-01-01", NewDateTime2(7), 0, "2000-01-01 00:00:00.0000000", 0, ""},
		{"hour", 1, "2000-01-01 23:30 +05:00", NewDateTimeOffset(0), 0, "2000-01-02 00:30:00 +05:00", 0, ""},
		{"day", 1, "9999-12-31", TypeDateTime, 0, "", 517, "Adding a value to a 'datetime' column caused an overflow."},
	}
	for _, c := range cases {
		p, ok := ParseDatePart(c.part)
		if !ok {
			t.Fatalf("datepart %s", c.part)
		}
		got, err := DateAdd(p, c.n, mustDT(t, c.in, c.t), c.t)
		name := "DATEADD(" + c.part + ", " + c.in + ")"
		if c.err != 0 {
			if err == nil || err.Number != c.err || (c.text != "" && err.Text != c.text) {
				t.Errorf("%s: %v, want Msg %d %q", name, err, c.err, c.text)
			}
			continue
		}
		if err != nil || fmtDT(got, c.t, c.style) != c.want {
			t.Errorf("%s = %q %v, want %q", name, fmtDT(got, c.t, c.style), err, c.want)
		}
	}
}

func TestDateDiff(t *testing.T) {
	d := func(s string) Value { return mustDT(t, s, NewDateTime2(7)) }
	cases := []struct {
		part string
		a, b string
		want int64
	}{
		{"year", "2000-12-31", "2001-01-01", 1},
		{"quarter", "2000-03-31", "2000-04-01", 1},
		{"month", "2000-01-31", "2000-02-01", 1},
		{"day", "2000-01-01 23:59", "2000-01-02 00:00", 1},
		{"week", "2000-01-01", "2000-01-02", 1}, // Saturday → Sunday
		{"week", "2000-01-02", "2000-01-08", 0},
		{"hour", "2000-01-01 10:59", "2000-01-01 11:00", 1},
		{"minute", "2000-01-01 10:00:59", "2000-01-01 10:01:00", 1},
		{"second", "2000-01-01", "2000-01-02", 86400},
		{"ms", "2000-01-01", "2000-01-01 00:00:01", 1000},
		{"mcs", "2000-01-01", "2000-01-01 00:00:00.001", 1000},
		{"ns", "2000-01-01", "2000-01-01 00:00:00.0000001", 100},
		{"day", "2000-01-02", "2000-01-01", -1},
	}
	for _, c := range cases {
		p, _ := ParseDatePart(c.part)
		got, err := DateDiff(p, d(c.a), NewDateTime2(7), d(c.b), NewDateTime2(7))
		if err != nil || got != c.want {
			t.Errorf("DATEDIFF(%s, %s, %s) = %d %v, want %d", c.part, c.a, c.b, got, err, c.want)
		}
	}
	_, err := DateDiff(PartSecond, d("2000-01-01"), NewDateTime2(7), d("2100-01-01"), NewDateTime2(7))
	wantErr(t, "datediff overflow", err, 535, "The datediff function resulted in an overflow. The number of dateparts separating two date/time instances is too large. Try to use datediff with a less precise datepart.")
	if n, err := DateDiffBig(PartSecond, d("2000-01-01"), NewDateTime2(7), d("2100-01-01"), NewDateTime2(7)); err != nil || n != 3155760000 {
		t.Errorf("DATEDIFF_BIG = %d %v", n, err)
	}
	a := mustDT(t, "2000-01-01 10:00 +02:00", NewDateTimeOffset(7))
	b := mustDT(t, "2000-01-01 10:00 +00:00", NewDateTimeOffset(7))
	if n, _ := DateDiff(PartHour, a, NewDateTimeOffset(7), b, NewDateTimeOffset(7)); n != 2 {
		t.Errorf("datetimeoffset DATEDIFF uses UTC: %d", n)
	}
}

func TestDatePartName(t *testing.T) {
	v := mustDT(t, "2000-01-01 13:45:30.007", TypeDateTime)
	cases := []struct {
		part      string
		dateFirst int
		want      int64
	}{
		{"year", 7, 2000}, {"quarter", 7, 1}, {"month", 7, 1}, {"dayofyear", 7, 1}, {"day", 7, 1},
		{"week", 7, 1}, {"weekday", 7, 7}, {"weekday", 1, 6}, {"hour", 7, 13}, {"minute", 7, 45},
		{"second", 7, 30}, {"millisecond", 7, 7}, {"iso_week", 7, 52}, {"tzoffset", 7, 0},
	}
	for _, c := range cases {
		p, _ := ParseDatePart(c.part)
		got, err := DatePartValue(p, v, TypeDateTime, c.dateFirst)
		if err != nil || got != c.want {
			t.Errorf("DATEPART(%s) = %d %v, want %d", c.part, got, err, c.want)
		}
	}
	if w, _ := DatePartValue(PartWeek, mustDT(t, "2000-01-02", TypeDate), TypeDate, 7); w != 2 {
		t.Errorf("week of Sunday Jan 2 = %d", w)
	}
	if w, _ := DatePartValue(PartDayOfYear, mustDT(t, "2000-12-31", TypeDate), TypeDate, 7); w != 366 {
		t.Errorf("dayofyear = %d", w)
	}
	if w, _ := DatePartValue(PartISOWeek, mustDT(t, "2004-12-31", TypeDate), TypeDate, 7); w != 53 {
		t.Errorf("iso_week 2004-12-31 = %d", w)
	}
	_, err := DatePartValue(PartHour, mustDT(t, "2000-01-01", TypeDate), TypeDate, 7)
	wantErr(t, "datepart hour of date", err, 9810, "The datepart hour is not supported by date function datepart for data type date.")
	for _, c := range []struct {
		part, lang, want string
	}{{"month", "us_english", "January"}, {"month", "Français", "janvier"}, {"weekday", "", "Saturday"},
		{"dw", "French", "samedi"}, {"day", "", "1"}, {"ms", "", "7"}} {
		p, _ := ParseDatePart(c.part)
		if got, err := DateName(p, v, TypeDateTime, 7, c.lang); err != nil || got != c.want {
			t.Errorf("DATENAME(%s, %s) = %q %v, want %q", c.part, c.lang, got, err, c.want)
		}
	}
	dto := mustDT(t, "2000-01-01 10:00 -05:30", NewDateTimeOffset(0))
	if got, _ := DateName(PartTZOffset, dto, NewDateTimeOffset(0), 7, ""); got != "-05:30" {
		t.Errorf("DATENAME(tz) = %q", got)
	}
	if _, ok := ParseDatePart("fortnight"); ok {
		t.Error("unknown datepart accepted")
	}
	wantErr(t, "155", ErrUnknownDatePart("fortnight", "DATEADD"), 155, "'fortnight' is not a recognized dateadd option.")
}

func TestDateConstructors(t *testing.T) {
	v, err := EOMonth(mustDT(t, "2000-02-10", TypeDate), 0)
	if err != nil || fmtDT(v, TypeDate, 0) != "2000-02-29" {
		t.Errorf("EOMONTH = %s %v", fmtDT(v, TypeDate, 0), err)
	}
	v, _ = EOMonth(mustDT(t, "2000-02-10", TypeDate), 1)
	if fmtDT(v, TypeDate, 0) != "2000-03-31" {
		t.Errorf("EOMONTH +1 = %s", fmtDT(v, TypeDate, 0))
	}
	_, err = DateFromPartsValue(2000, 2, 30)
	wantErr(t, "289", err, 289, "Cannot construct data type date, some of the arguments have values which are not valid.")
	v, err = DateTime2FromPartsValue(NewDateTime2(1), 2000, 1, 2, 3, 4, 5, 5, 1)
	if err != nil || fmtDT(v, NewDateTime2(1), 0) != "2000-01-02 03:04:05.5" {
		t.Errorf("DATETIME2FROMPARTS = %s %v", fmtDT(v, NewDateTime2(1), 0), err)
	}
	v, err = DateTime2FromPartsValue(NewTime(0), 0, 0, 0, 23, 59, 59, 0, 0)
	if err != nil || fmtDT(v, NewTime(0), 0) != "23:59:59" {
		t.Errorf("TIMEFROMPARTS = %s %v", fmtDT(v, NewTime(0), 0), err)
	}
	v, err = DateTime2FromPartsValue(TypeDateTime, 2000, 1, 2, 3, 4, 5, 997, 3)
	if err != nil || fmtDT(v, TypeDateTime, 121) != "2000-01-02 03:04:05.997" {
		t.Errorf("DATETIMEFROMPARTS = %s %v", fmtDT(v, TypeDateTime, 121), err)
	}
}
