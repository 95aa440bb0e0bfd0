package types

import "testing"

func TestLiterals(t *testing.T) {
	for _, c := range []struct {
		got  Type
		want string
	}{
		{StringLiteralType("abc", false), "varchar(3)"},
		{StringLiteralType("", false), "varchar(1)"},
		{StringLiteralType("é𝄞", true), "nvarchar(3)"},
		{StringLiteralType(string(make([]byte, 9000)), false), "varchar(max)"},
		{BinaryLiteralType([]byte{1, 2}), "varbinary(2)"},
	} {
		if c.got.String() != c.want {
			t.Errorf("got %s, want %s", c.got, c.want)
		}
	}
	for _, c := range []struct {
		v    Value
		t    Type
		want int64
	}{
		{vs("abc"), NewVarChar(10), 3},
		{vs("é"), NewVarChar(10), 1},
		{vs("é𝄞"), NewNVarChar(10), 6},
		{vi(1), TypeInt, 4},
		{vi(1), TypeBigInt, 8},
		{dec("1.5"), NewDecimal(18, 1), 9},
		{Null, TypeInt, -1},
		{BytesValue([]byte{1, 2, 3}), NewVarBinary(10), 3},
		{DateTimeValue(0), NewDateTime2(7), 8},
	} {
		if got := DataLength(c.v, c.t); got != c.want {
			t.Errorf("DATALENGTH(%s) = %d, want %d", c.t, got, c.want)
		}
	}
}
