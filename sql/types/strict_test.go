package types

import (
	"testing"

	"github.com/tsqld/tsqld/sql/collation"
)

func TestStrictTruncation(t *testing.T) {
	strict := &ConvertOptions{Strict: true, Implicit: true}
	_, err := ConvertWith(vs("abcdef"), vc, NewVarChar(3), strict)
	wantErr(t, "strict varchar", err, 8152, "String or binary data would be truncated.")
	v, err := ConvertWith(vs("abc   "), vc, NewVarChar(3), strict)
	if err != nil || v.S != "abc" {
		t.Errorf("trailing blanks may be cut: %q %v", v.S, err)
	}
	v, err = ConvertWith(vs("ab"), vc, NewChar(3), strict)
	if err != nil || v.S != "ab " {
		t.Errorf("char pads: %q %v", v.S, err)
	}
	_, err = ConvertWith(BytesValue([]byte{1, 2, 3}), NewVarBinary(3), NewVarBinary(2), strict)
	wantErr(t, "strict varbinary", err, 8152, "")
	_, err = ConvertWith(vs("日本語"), nvc, NewNVarChar(2), strict)
	wantErr(t, "strict nvarchar", err, 8152, "")
	// 𝄞 is two UTF-16 code units.
	if FitsLength(vs("𝄞"), NewNVarChar(1)) || !FitsLength(vs("𝄞"), NewNVarChar(2)) || !FitsLength(vs("ab  "), NewVarChar(2)) {
		t.Error("FitsLength")
	}
	if s := TruncateForMessage(vs("abcdef"), NewVarChar(3)); s != "abc" {
		t.Errorf("TruncateForMessage = %q", s)
	}
	err = ErrTruncatedColumn("dbo.t", "c", "abc")
	wantErr(t, "2628", err, 2628, "String or binary data would be truncated in table 'dbo.t', column 'c'. Truncated value: 'abc'.")
	_, err = ConvertWith(DateTimeValue(0), TypeDateTime, TypeInt, &ConvertOptions{Implicit: true})
	wantErr(t, "implicit datetime→int", err, 257, "")
}

func TestRenderAndToString(t *testing.T) {
	dt, _ := Convert(vs("2000-01-02 03:04:05.007"), vc, TypeDateTime)
	g, _ := Convert(vs("6F9619FF-8B86-D011-B42D-00C04FC964FF"), vc, TypeUniqueIdentifier)
	cases := []struct {
		v      Value
		t      Type
		str    string
		render string
	}{
		{Null, TypeInt, "", "NULL"},
		{vi(-5), TypeInt, "-5", "-5"},
		{BitValue(true), TypeBit, "1", "1"},
		{vf(0.1), TypeFloat, "0.1", "0.1"},
		{vf(1.0 / 3), TypeFloat, "0.333333", "0.3333333333333333"},
		{vf(float64(float32(0.1))), TypeReal, "0.1", "0.1"},
		{vm(125000), TypeMoney, "12.50", "12.5000"},
		{dec("-0.50"), decT("-0.50"), "-0.50", "-0.50"},
		{vs("héllo"), nvc, "héllo", "héllo"},
		{BytesValue([]byte{0x41, 0x00}), NewVarBinary(2), "A", "0x4100"},
		{dt, TypeDateTime, "Jan  2 2000  3:04AM", "2000-01-02 03:04:05.007"},
		{g, TypeUniqueIdentifier, "6F9619FF-8B86-D011-B42D-00C04FC964FF", "6F9619FF-8B86-D011-B42D-00C04FC964FF"},
		{VariantOf(TypeInt, vi(7)), TypeSQLVariant, "7", "7"},
	}
	for _, c := range cases {
		if s := ToString(c.v, c.t); s != c.str {
			t.Errorf("ToString(%s) = %q, want %q", c.t, s, c.str)
		}
		if s := Render(c.v, c.t); s != c.render {
			t.Errorf("Render(%s) = %q, want %q", c.t, s, c.render)
		}
	}
}

func TestCompareValues(t *testing.T) {
	g1, _ := ParseGUID("00000000-0000-0000-0000-000000000001")
	g2, _ := ParseGUID("01000000-0000-0000-0000-000000000000")
	g3, _ := ParseGUID("00000000-0000-0000-0100-000000000000")
	cases := []struct {
		a, b Value
		want int
	}{
		{vi(1), vi(2), -1},
		{vi(2), dec("1.5"), 1},
		{dec("1.50"), dec("1.5"), 0},
		{vm(15000), dec("1.5"), 0},
		{vm(15000), vi(2), -1},
		{vi(3), vm(25000), 1},
		{vf(1.5), dec("1.5"), 0},
		{vf(1.5), vi(1), 1},
		{vs("a"), vs("A  "), 0},
		{vs("a"), vs("b"), -1},
		{BytesValue([]byte{1}), BytesValue([]byte{1, 0}), 0},
		{BytesValue([]byte{1}), BytesValue([]byte{1, 1}), -1},
		{GUIDValue(g1), GUIDValue(g2), 1}, // the last group is most significant
		{GUIDValue(g3), GUIDValue(g2), 1},
		{Null, vi(1), -1},
		{DateTimeOffsetValue(10*TicksPerHour, 120), DateTimeOffsetValue(8*TicksPerHour, 0), 0},
		{VariantOf(TypeInt, vi(5)), VariantOf(varchar10, vs("9")), 1},
	}
	for i, c := range cases {
		if got := Compare(c.a, c.b, nil); got != c.want {
			t.Errorf("case %d: Compare = %d, want %d", i, got, c.want)
		}
		if got := Compare(c.b, c.a, nil); got != -c.want {
			t.Errorf("case %d: reverse Compare = %d, want %d", i, got, -c.want)
		}
	}
}

var varchar10 = NewVarChar(10)

func TestUTF8Collation(t *testing.T) {
	u := CollationInfo(collation.MustLookup("Latin1_General_100_CI_AS_SC_UTF8"))
	to := NewVarChar(4).WithCollation(u)
	v, err := Convert(vs("日本"), nvc, to)
	if err != nil || v.S != "日" {
		t.Errorf("varchar(4) UTF8 keeps UTF-8 and counts bytes: %q %v", v.S, err)
	}
	v, _ = Convert(vs("日本"), nvc, NewVarChar(4))
	if v.S != "??" {
		t.Errorf("cp1252 varchar: %q", v.S)
	}
}

func TestLengthlessTypes(t *testing.T) {
	v, err := Convert(vi(12345), TypeInt, Type{ID: NVarChar})
	if err != nil || v.S != "12345" {
		t.Errorf("nvarchar without length: %q %v", v.S, err)
	}
	v, _ = Convert(vs("abc"), vc, Type{ID: Char})
	if v.S != "abc" {
		t.Errorf("char without length: %q", v.S)
	}
}
