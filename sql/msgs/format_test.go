package msgs

import "testing"

func TestFormat(t *testing.T) {
	cases := []struct {
		format string
		args   []any
		want   string
	}{
		{"Invalid column name '%.*ls'.", []any{"x"}, "Invalid column name 'x'."},
		{"Invalid column name '%.*ls'.", []any{3, "abcdef"}, "Invalid column name 'abc'."},
		{"%.*ls", []any{0, "abc"}, ""},
		{"%.*ls|%.*ls", []any{"a", 2, "xyz"}, "a|xy"},
		{"%d %i %u", []any{-5, int64(7), 3}, "-5 7 3"},
		{"%u", []any{-1}, "4294967295"},
		{"%I64u", []any{int64(-1)}, "18446744073709551615"},
		{"%I64d", []any{int64(-9223372036854775808)}, "-9223372036854775808"},
		{"%hd", []any{70000}, "4464"},
		{"%hu", []any{-1}, "65535"},
		{"%ld rows", []any{int32(12)}, "12 rows"},
		{"%x %X %o", []any{255, 255, 8}, "ff FF 10"},
		{"%#x %#o %#X", []any{255, 8, 255}, "0xff 010 0XFF"},
		{"%5d|%-5d|%05d", []any{42, 42, 42}, "   42|42   |00042"},
		{"%+d % d", []any{5, 5}, "+5  5"},
		{"%.3d", []any{7}, "007"},
		{"%*d", []any{4, 7}, "   7"},
		{"%-*d|", []any{4, 7}, "7   |"},
		{"%10s|%-10s|", []any{"abc", "abc"}, "       abc|abc       |"},
		{"%.2s", []any{"abcdef"}, "ab"},
		{"%ls and %hs", []any{"n", "h"}, "n and h"},
		{"%c%c", []any{65, "bcd"}, "Ab"},
		{"100%%", nil, "100%"},
		{"%d %s", nil, "(null) (null)"},
		{"%d", []any{nil}, "(null)"},
		{"%5d|", nil, "(null)|"},
		{"value = %f", []any{1.5}, "value = 1.500000"},
		{"%.2f", []any{-2.345}, "-2.35"},
		{"%e", []any{12345.0}, "1.234500e+004"},
		{"%S_MSG '%.*ls'", []any{"table", "t"}, "table 't'"},
		{"Cannot %S_MSG the %S_MSG '%.*ls'", []any{"drop", "table", "t1"}, "Cannot drop the table 't1'"},
		{"%2! before %1!", []any{"a", 7}, "7 before a"},
		{"%3!", []any{"a"}, "(null)"},
		{"plain", []any{1}, "plain"},
		{"%z", []any{1}, "%z"},
		{"trailing %", nil, "trailing %"},
		{"%ls", []any{"éà"}, "éà"},
		{"%.1ls", []any{"éà"}, "é"},
		{"%s", []any{[]byte("bytes")}, "bytes"},
		{"%d", []any{true}, "1"},
		{"%s", []any{12}, "12"},
		{"%d", []any{"abc"}, "abc"},
	}
	for _, c := range cases {
		if got := Format(c.format, c.args...); got != c.want {
			t.Errorf("Format(%q, %v) = %q, want %q", c.format, c.args, got, c.want)
		}
	}
}

func TestFormatStrict(t *testing.T) {
	if s, err := FormatStrict("%s is %d", "x", 3); err != nil || s != "x is 3" {
		t.Fatalf("got %q, %v", s, err)
	}
	_, err := FormatStrict("%d and %s", 1, 2)
	if err == nil || err.Number != 2786 || err.Param != 2 {
		t.Fatalf("want 2786 for param 2, got %+v", err)
	}
	_, err = FormatStrict("%d", "abc")
	if err == nil || err.Number != 2786 || err.Param != 1 {
		t.Fatalf("want 2786 for param 1, got %+v", err)
	}
	_, err = FormatStrict("bad %z here")
	if err == nil || err.Number != 2787 || err.Spec != "%z" {
		t.Fatalf("want 2787 %%z, got %+v", err)
	}
	e := err.Err()
	if e.Number != 2787 || e.Text != "Invalid format specification: '%z'." || e.Severity != 16 {
		t.Fatalf("2787 message: %+v", e)
	}
	for _, f := range []string{"%f", "%c", "%e", "%p"} {
		if _, err := FormatStrict(f, 1); err == nil || err.Number != 2787 || err.Spec != f {
			t.Errorf("FormatStrict(%q): %+v", f, err)
		}
	}
	if s, err := FormatStrict("%I64d|%hx|%lu|%5.2s|%-4i|%o|%X", int64(-5), 65535, 7, "abcdef", 3, 8, 255); err != nil || s != "-5|ffff|7|   ab|3   |10|FF" {
		t.Errorf("strict conversions: %q %+v", s, err)
	}
	_, err = FormatStrict("%.*s", "abc")
	if err == nil || err.Number != 2786 {
		t.Fatalf("strict mode takes no string at a '*' position, got %+v", err)
	}
	if s, err := FormatStrict("%.*s", 2, "abc"); err != nil || s != "ab" {
		t.Fatalf("got %q %v", s, err)
	}
	// Missing arguments are "(null)", not an error (RAISERROR behaves so).
	if s, err := FormatStrict("<%s>"); err != nil || s != "<(null)>" {
		t.Fatalf("got %q %v", s, err)
	}
	me := (&FormatError{Number: 2786, Param: 3}).Err()
	if me.Text != "The data type of substitution parameter 3 does not match the expected type of the format specification." {
		t.Fatalf("2786 text: %q", me.Text)
	}
}

func BenchmarkFormat(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		_ = Format("Violation of %ls constraint '%.*ls'. Cannot insert duplicate key in object '%.*ls'. The duplicate key value is %ls.", "PRIMARY KEY", "PK_t", "dbo.t", "(1)")
	}
}
