package slt

import (
	"math"
	"strings"
	"testing"
)

func TestRender(t *testing.T) {
	cases := []struct {
		v    Value
		typ  byte
		want string
	}{
		{Value{}, 'I', "NULL"},
		{Value{}, 'T', "NULL"},
		{Value{}, 'R', "NULL"},
		{IntValue(-42), 'I', "-42"},
		{FloatValue(2.9), 'I', "2"},
		{FloatValue(-2.9), 'I', "-2"},
		{FloatValue(-0.5), 'I', "0"},
		{FloatValue(math.NaN()), 'I', "0"},
		{FloatValue(1e300), 'I', "9223372036854775807"},
		{DecimalValue("12.99"), 'I', "12"},
		{DecimalValue("-12.99"), 'I', "-12"},
		{DecimalValue("-0.99"), 'I', "0"},
		{DecimalValue("0012"), 'I', "12"},
		{DecimalValue("12345678901234567890123.5"), 'I', "12345678901234567890123"},
		{TextValue("42abc"), 'I', "42"},
		{TextValue(" -7.9x"), 'I', "-7"},
		{TextValue("abc"), 'I', "0"},
		{TextValue(""), 'I', "0"},
		{Value{Kind: Bool, I: 1}, 'I', "1"},
		{IntValue(3), 'R', "3.000"},
		{FloatValue(2.0 / 3), 'R', "0.667"},
		{FloatValue(-1.0005), 'R', "-1.000"},
		{FloatValue(-0.0001), 'R', "-0.000"},
		{DecimalValue("1.2345"), 'R', "1.234"},
		{TextValue("1.5e2xyz"), 'R', "150.000"},
		{TextValue("x"), 'R', "0.000"},
		{TextValue(""), 'T', "(empty)"},
		{TextValue("hello world"), 'T', "hello world"},
		{TextValue("tab\there"), 'T', "tab@here"},
		{TextValue("é"), 'T', "@@"},
		{TextValue("a\x7f"), 'T', "a@"},
		{IntValue(7), 'T', "7"},
		{FloatValue(1.5), 'T', "1.5"},
		{FloatValue(1e20), 'T', "1e+20"},
		{DecimalValue("1.50"), 'T', "1.50"},
		{Value{Kind: Bytes, B: []byte("ab")}, 'T', "ab"},
		{Value{Kind: Bytes, B: []byte{}}, 'T', "(empty)"},
		{Value{Kind: Bool}, 'T', "0"},
	}
	for _, c := range cases {
		if got := Render(c.v, c.typ); got != c.want {
			t.Errorf("Render(%+v, %c) = %q, want %q", c.v, c.typ, got, c.want)
		}
	}
}

func TestSortAndHash(t *testing.T) {
	rows := [][]string{{"9", "b"}, {"10", "a"}, {"10", "0"}}
	got := SortValues(cloneRows(rows), RowSort)
	if strings.Join(got, " ") != "10 0 10 a 9 b" {
		t.Errorf("rowsort (strcmp, so 10 < 9): %v", got)
	}
	got = SortValues(cloneRows(rows), ValueSort)
	if strings.Join(got, " ") != "0 10 10 9 a b" {
		t.Errorf("valuesort: %v", got)
	}
	got = SortValues(cloneRows(rows), NoSort)
	if strings.Join(got, " ") != "9 b 10 a 10 0" {
		t.Errorf("nosort: %v", got)
	}
	// Reference digests computed with md5sum.
	if h := HashValues([]string{"1", "2"}); h != "6ddb4095eb719e2a9f0a3f95677d24e0" {
		t.Errorf("hash 1,2 = %s", h)
	}
	vals := SortValues(RenderRows([][]Value{{{}, TextValue(""), TextValue("ab\x01")}}, "TTT"), NoSort)
	if h := HashValues(vals); h != "b52c9f106bf40ee54120376f5208a33f" {
		t.Errorf("hash NULL,(empty),ab@ = %s", h)
	}
	if h := HashValues([]string{"10", "9", "b", "a"}); h != "b88331606012049ee664154a24d8fab1" {
		t.Errorf("hash = %s", h)
	}
}

func cloneRows(r [][]string) [][]string {
	out := make([][]string, len(r))
	for i := range r {
		out[i] = append([]string(nil), r[i]...)
	}
	return out
}
