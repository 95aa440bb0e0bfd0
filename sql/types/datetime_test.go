package types

import (
	"testing"
	"time"
)

func TestDateTimeParseFormat(t *testing.T) {
	cases := []struct {
		in      string
		to      Type
		style   int // output style (0 = type default)
		datefmt string
		inStyle int
		want    string
		errNum  int32
	}{
		{in: "2000-01-01", to: TypeDateTime, want: "Jan  1 2000 12:00AM"},
		{in: "2000-01-01 13:45:30.123", to: TypeDateTime, style: 121, want: "2000-01-01 13:45:30.123"},
		{in: "2000-01-01 13:45:30.123", to: TypeDateTime, style: 100, want: "Jan  1 2000  1:45PM"},
		{in: "2000-01-01 23:59:59.999", to: TypeDateTime, style: 121, want: "2000-01-02 00:00:00.000"},
		{in: "2000-01-01 00:00:00.001", to: TypeDateTime, style: 121, want: "2000-01-01 00:00:00.000"},
		{in: "2000-01-01 00:00:00.002", to: TypeDateTime, style: 121, want: "2000-01-01 00:00:00.003"},
		{in: "2000-01-01 00:00:00.004", to: TypeDateTime, style: 121, want: "2000-01-01 00:00:00.003"},
		{in: "2000-01-01 00:00:00.005", to: TypeDateTime, style: 121, want: "2000-01-01 00:00:00.007"},
		{in: "2000-01-01 00:00:00.008", to: TypeDateTime, style: 121, want: "2000-01-01 00:00:00.007"},
		{in: "2000-01-01 00:00:00.009", to: TypeDateTime, style: 121, want: "2000-01-01 00:00:00.010"},
		{in: "2000-01-01 00:00:00.1234", to: TypeDateTime, errNum: 241},
		{in: "20000102", to: TypeDate, want: "2000-01-02"},
		{in: "20000102 10:11:12", to: TypeDateTime, style: 120, want: "2000-01-02 10:11:12"},
		{in: "1700-01-01", to: TypeDateTime, errNum: 242},
		{in: "1700-01-01", to: TypeDate, want: "1700-01-01"},
		{in: "2000-02-30", to: TypeDateTime, errNum: 242},
		{in: "2000-02-30", to: TypeDate, errNum: 241},
		{in: "02/29/2006", to: TypeDateTime, errNum: 242},
		{in: "13/31/2006", to: TypeDateTime, errNum: 242},
		{in: "01/01/2006 13:00:00AM", to: TypeDateTime, errNum: 242},
		{in: "19-May-2007 24:55:07.233", to: TypeDateTime, errNum: 242},
		{in: "2011-12-13", to: TypeDateTime, datefmt: "dmy", errNum: 242},
		{in: "2011-12-13", to: TypeDate, datefmt: "dmy", want: "2011-12-13"},
		{in: "2000-02-01", to: TypeDateTime, datefmt: "dmy", style: 23, want: "2000-01-02"},
		{in: "2000-02-01T00:00:00", to: TypeDateTime, datefmt: "dmy", style: 23, want: "2000-02-01"},
		{in: "20000201", to: TypeDateTime, datefmt: "dmy", style: 23, want: "2000-02-01"},
		{in: "30-Feb-2007 22:55:07.233", to: TypeDateTime, errNum: 242},
		{in: "2000-02-29", to: TypeDate, want: "2000-02-29"},
		{in: "1900-02-29", to: TypeDate, errNum: 241},
		{in: "abc", to: TypeDate, errNum: 241},
		{in: "01/02/2000", to: TypeDate, want: "2000-01-02"},
		{in: "01/02/2000", to: TypeDate, datefmt: "dmy", want: "2000-02-01"},
		{in: "02/01/2000", to: TypeDateTime, inStyle: 103, style: 23, want: "2000-01-02"},
		{in: "13/01/2000", to: TypeDate, errNum: 241},
		{in: "2000/01/02", to: TypeDate, want: "2000-01-02"},
		{in: "1.2.2000", to: TypeDate, datefmt: "dmy", want: "2000-02-01"},
		{in: "01/02/99", to: TypeDate, want: "1999-01-02"},
		{in: "01/02/49", to: TypeDate, want: "2049-01-02"},
		{in: "Jan 1 2000", to: TypeDate, want: "2000-01-01"},
		{in: "1 January 2000", to: TypeDate, want: "2000-01-01"},
		{in: "January 15, 2000", to: TypeDate, want: "2000-01-15"},
		{in: "15 jan 2000 10:00PM", to: TypeDateTime, style: 120, want: "2000-01-15 22:00:00"},
		{in: "2000-01-01T10:20:30", to: TypeDateTime, style: 126, want: "2000-01-01T10:20:30"},
		{in: "2000-01-01T10:20:30.5", to: TypeDateTime, style: 126, want: "2000-01-01T10:20:30.500"},
		{in: "2000-01-01T10:20:30Z", to: TypeDateTime, style: 120, want: "2000-01-01 10:20:30"},
		{in: "10:20", to: TypeDateTime, style: 120, want: "1900-01-01 10:20:00"},
		{in: "", to: TypeDateTime, style: 120, want: "1900-01-01 00:00:00"},
		{in: "12:34:56.1234567", to: NewTime(7), want: "12:34:56.1234567"},
		{in: "12:34:56.1234567", to: NewTime(0), want: "12:34:56"},
		{in: "12:34:56.5", to: NewTime(0), want: "12:34:57"},
		{in: "12:34:56.1234567", to: NewTime(3), want: "12:34:56.123"},
		{in: "2000-01-01 10:00 +05:30", to: NewDateTimeOffset(7), want: "2000-01-01 10:00:00.0000000 +05:30"},
		{in: "2000-01-01 10:00:00 -08:00", to: NewDateTimeOffset(0), want: "2000-01-01 10:00:00 -08:00"},
		{in: "2000-01-01 00:00:00.12345", to: NewDateTime2(3), want: "2000-01-01 00:00:00.123"},
		{in: "2000-01-01 00:00:00.12345", to: NewDateTime2(7), want: "2000-01-01 00:00:00.1234500"},
		{in: "0001-01-01", to: NewDateTime2(0), want: "0001-01-01 00:00:00"},
		{in: "9999-12-31 23:59:59.9999999", to: NewDateTime2(7), want: "9999-12-31 23:59:59.9999999"},
		{in: "2000-01-01 10:20:29.998", to: TypeSmallDateTime, style: 120, want: "2000-01-01 10:20:00"},
		{in: "2000-01-01 10:20:29.999", to: TypeSmallDateTime, style: 120, want: "2000-01-01 10:21:00"},
		{in: "2079-06-07", to: TypeSmallDateTime, errNum: 242},
		{in: "2000-01-02 13:45:30.123", to: TypeDateTime, style: 101, want: "01/02/2000"},
		{in: "2000-01-02 13:45:30.123", to: TypeDateTime, style: 1, want: "01/02/00"},
		{in: "2000-01-02 13:45:30.123", to: TypeDateTime, style: 103, want: "02/01/2000"},
		{in: "2000-01-02 13:45:30.123", to: TypeDateTime, style: 3, want: "02/01/00"},
		{in: "2000-01-02 13:45:30.123", to: TypeDateTime, style: 104, want: "02.01.2000"},
		{in: "2000-01-02 13:45:30.123", to: TypeDateTime, style: 110, want: "01-02-2000"},
		{in: "2000-01-02 13:45:30.123", to: TypeDateTime, style: 112, want: "20000102"},
		{in: "2000-01-02 13:45:30.123", to: TypeDateTime, style: 120, want: "2000-01-02 13:45:30"},
		{in: "2000-01-02 13:45:30.123", to: TypeDateTime, style: 121, want: "2000-01-02 13:45:30.123"},
		{in: "2000-01-02 13:45:30.123", to: TypeDateTime, style: 126, want: "2000-01-02T13:45:30.123"},
		{in: "2000-01-02 13:45:30.123", to: TypeDateTime, style: 109, want: "Jan  2 2000  1:45:30:123PM"},
		{in: "2000-01-02 13:45:30.123", to: TypeDateTime, style: 113, want: "02 Jan 2000 13:45:30:123"},
		{in: "2000-01-02 13:45:30.123", to: TypeDateTime, style: 108, want: "13:45:30"},
		{in: "2000-01-02 13:45:30.123", to: TypeDateTime, style: 114, want: "13:45:30:123"},
		{in: "2000-01-02 13:45:30.123", to: TypeDateTime, style: 106, want: "02 Jan 2000"},
		{in: "2000-01-02 13:45:30.123", to: TypeDateTime, style: 107, want: "Jan 02, 2000"},
		{in: "2000-01-02 13:45:30.123", to: TypeDateTime, style: 23, want: "2000-01-02"},
		{in: "2000-01-02 13:45:30.1234567", to: NewDateTime2(7), style: 121, want: "2000-01-02 13:45:30.1234567"},
		{in: "2000-01-02 13:45:30", to: NewDateTime2(7), style: 126, want: "2000-01-02T13:45:30"},
		{in: "2000-01-02 10:00 +02:00", to: NewDateTimeOffset(0), style: 127, want: "2000-01-02T08:00:00Z"},
		{in: "2000-01-02", to: TypeDate, style: 100, want: "Jan  2 2000 12:00AM"},
		{in: "13:45:30", to: NewTime(0), style: 100, want: " 1:45PM"},
		{in: "13:45:30", to: NewTime(0), style: 108, want: "13:45:30"},
	}
	for _, c := range cases {
		name := c.in + " → " + c.to.String()
		v, err := ConvertWith(vs(c.in), NewVarChar(50), c.to, &ConvertOptions{DateFormat: c.datefmt, Style: c.inStyle})
		if c.errNum != 0 {
			if err == nil || err.Number != c.errNum {
				t.Errorf("%s: got %v, %v; want Msg %d", name, v, err, c.errNum)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		s, ferr := FormatDateTime(v, c.to, c.style)
		if ferr != nil || s != c.want {
			t.Errorf("%s style %d: got %q (%v), want %q", name, c.style, s, ferr, c.want)
		}
	}
}

func TestDateTimeErrorsText(t *testing.T) {
	_, err := Convert(vs("abc"), NewVarChar(3), TypeDateTime)
	wantErr(t, "241", err, 241, "Conversion failed when converting date and/or time from character string.")
	_, err = Convert(vs("1700-01-01"), NewVarChar(10), TypeDateTime)
	wantErr(t, "242", err, 242, "The conversion of a varchar data type to a datetime data type resulted in an out-of-range value.")
	_, err = Convert(vs("1700-01-01"), NewNVarChar(10), TypeSmallDateTime)
	wantErr(t, "242n", err, 242, "The conversion of a nvarchar data type to a smalldatetime data type resulted in an out-of-range value.")
}

func TestDateTimeNumbers(t *testing.T) {
	dt := func(s string) Value {
		v, err := Convert(vs(s), NewVarChar(30), TypeDateTime)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if v, _ := Convert(dt("2000-01-01 12:00"), TypeDateTime, TypeInt); v.I != 36525 {
		t.Errorf("noon rounds up: %d", v.I)
	}
	if v, _ := Convert(dt("2000-01-01 11:59"), TypeDateTime, TypeInt); v.I != 36524 {
		t.Errorf("11:59 rounds down: %d", v.I)
	}
	if v, _ := Convert(dt("2000-01-01 12:00"), TypeDateTime, TypeFloat); v.F != 36524.5 {
		t.Errorf("as float: %v", v.F)
	}
	v, err := Convert(vi(36524), TypeInt, TypeDateTime)
	if s, _ := FormatDateTime(v, TypeDateTime, 120); err != nil || s != "2000-01-01 00:00:00" {
		t.Errorf("36524 as datetime: %q %v", s, err)
	}
	v, err = Convert(vf(1.5), TypeFloat, TypeDateTime)
	if s, _ := FormatDateTime(v, TypeDateTime, 120); err != nil || s != "1900-01-02 12:00:00" {
		t.Errorf("1.5 as datetime: %q %v", s, err)
	}
	// datetime arithmetic
	rt, err := ArithResultType(OpAdd, TypeDateTime, TypeInt)
	if err != nil || rt.ID != DateTime {
		t.Fatalf("datetime + int: %v %v", rt, err)
	}
	r, err := Arith(OpAdd, dt("2000-01-31 10:00"), TypeDateTime, vi(1), TypeInt, rt)
	if s, _ := FormatDateTime(r, TypeDateTime, 120); err != nil || s != "2000-02-01 10:00:00" {
		t.Errorf("datetime + 1 = %q %v", s, err)
	}
	r, err = Arith(OpSub, dt("2000-01-02 12:00"), TypeDateTime, dt("2000-01-01"), TypeDateTime, TypeDateTime)
	if s, _ := FormatDateTime(r, TypeDateTime, 120); err != nil || s != "1900-01-02 12:00:00" {
		t.Errorf("datetime - datetime = %q %v", s, err)
	}
	_, err = Arith(OpAdd, dt("9999-12-31"), TypeDateTime, vi(1), TypeInt, TypeDateTime)
	wantErr(t, "datetime overflow", err, 517, "Adding a value to a 'datetime' column caused an overflow.")
}

func TestDateTimeConversionsBetweenTypes(t *testing.T) {
	v, _ := Convert(vs("2000-01-02 13:45:30.1234567"), NewVarChar(40), NewDateTime2(7))
	d, _ := Convert(v, NewDateTime2(7), TypeDate)
	if s, _ := FormatDateTime(d, TypeDate, 0); s != "2000-01-02" {
		t.Errorf("datetime2 → date: %s", s)
	}
	tm, _ := Convert(v, NewDateTime2(7), NewTime(2))
	if s, _ := FormatDateTime(tm, NewTime(2), 0); s != "13:45:30.12" {
		t.Errorf("datetime2 → time(2): %s", s)
	}
	dtv, _ := Convert(tm, NewTime(2), TypeDateTime)
	if s, _ := FormatDateTime(dtv, TypeDateTime, 121); s != "1900-01-01 13:45:30.120" {
		t.Errorf("time → datetime: %s", s)
	}
	dto, _ := Convert(vs("2000-01-02 10:00 +02:00"), NewVarChar(40), NewDateTimeOffset(7))
	d2, _ := Convert(dto, NewDateTimeOffset(7), NewDateTime2(0))
	if s, _ := FormatDateTime(d2, NewDateTime2(0), 0); s != "2000-01-02 10:00:00" {
		t.Errorf("dto → datetime2 keeps local clock: %s", s)
	}
	dt, _ := Convert(v, NewDateTime2(7), TypeDateTime)
	if s, _ := FormatDateTime(dt, TypeDateTime, 121); s != "2000-01-02 13:45:30.123" {
		t.Errorf("datetime2 → datetime: %s", s)
	}
}

func TestTimeTimeRoundTrip(t *testing.T) {
	tm := time.Date(2021, 3, 4, 5, 6, 7, 123456700, time.FixedZone("", -(7*60+30)*60))
	v, err := FromTime(tm, NewDateTimeOffset(7))
	if err != nil {
		t.Fatal(err)
	}
	if s, _ := FormatDateTime(v, NewDateTimeOffset(7), 0); s != "2021-03-04 05:06:07.1234567 -07:30" {
		t.Errorf("FromTime: %s", s)
	}
	back := ToTime(v, NewDateTimeOffset(7))
	if !back.Equal(tm) {
		t.Errorf("ToTime: %v != %v", back, tm)
	}
	if _, off := back.Zone(); off != -(7*60+30)*60 {
		t.Errorf("zone offset %d", off)
	}
	// Calendar helpers agree with time.Time over a wide range.
	for day := int64(0); day <= Day9999; day += 997 {
		y, m, d := DateParts(day)
		if DateFromParts(y, m, d) != day {
			t.Fatalf("day %d → %d-%d-%d round trip", day, y, m, d)
		}
		ref := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(day))
		if ref.Year() != y || int(ref.Month()) != m || ref.Day() != d {
			t.Fatalf("day %d: %d-%d-%d, time says %v", day, y, m, d, ref)
		}
		if Weekday(day) != int(ref.Weekday()) {
			t.Fatalf("weekday of %v", ref)
		}
	}
	if DateFromParts(1900, 1, 1) != Day1900 || DateFromParts(1753, 1, 1) != Day1753 ||
		DateFromParts(2079, 6, 6) != Day2079 || DateFromParts(9999, 12, 31) != Day9999 {
		t.Error("epoch constants")
	}
}

func TestTDSParts(t *testing.T) {
	v, _ := Convert(vs("2000-01-02 13:45:30.007"), NewVarChar(40), TypeDateTime)
	days, t300 := DateTimeParts(v.I)
	if days != 36525 || t300 != uint32((13*3600+45*60+30)*300+2) {
		t.Errorf("DateTimeParts = %d, %d", days, t300)
	}
	if DateTimeFromParts(days, t300) != v.I {
		t.Error("DateTimeFromParts round trip")
	}
	d, units := TimeParts(v.I, 3)
	if FromTimeParts(d, units, 3) != v.I-v.I%10000 {
		t.Error("TimeParts round trip")
	}
	sd, sm := SmallDateTimeParts((Day1900+2)*TicksPerDay + 90*TicksPerMinute)
	if sd != 2 || sm != 90 {
		t.Errorf("SmallDateTimeParts = %d %d", sd, sm)
	}
}
