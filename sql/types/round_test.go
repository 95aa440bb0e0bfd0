package types

import (
	"strings"
	"testing"
)

func TestRound(t *testing.T) {
	cases := []struct {
		v      Value
		t      Type
		n      int
		trunc  bool
		want   string
		errNum int32
	}{
		{dec("748.58"), decT("748.58"), -1, false, "750.00", 0},
		{dec("748.58"), decT("748.58"), -2, false, "700.00", 0},
		{dec("748.58"), decT("748.58"), -3, false, "", 8115},
		{dec("748.58"), decT("748.58"), -4, false, "0.00", 0},
		{dec("123.4545"), decT("123.4545"), 2, false, "123.4500", 0},
		{dec("123.45"), decT("123.45"), -2, false, "100.00", 0},
		{dec("150.75"), decT("150.75"), 0, false, "151.00", 0},
		{dec("150.75"), decT("150.75"), 0, true, "150.00", 0},
		{dec("-2.5"), decT("-2.5"), 0, false, "-3.0", 0},
		{dec("9.5"), NewDecimal(2, 1), 0, false, "", 8115},
		{dec("-0.4"), decT("-0.4"), 0, false, "0.0", 0},
		{vi(1250), TypeInt, -2, false, "1300", 0},
		{vi(-1250), TypeInt, -2, false, "-1300", 0},
		{vi(1249), TypeInt, -2, false, "1200", 0},
		{vi(1299), TypeInt, -2, true, "1200", 0},
		{vi(2147483647), TypeInt, -1, false, "", 8115},
		{vi(5), TypeInt, 2, false, "5", 0},
		{vf(2.5), TypeFloat, 0, false, "3", 0},
		{vf(-2.5), TypeFloat, 0, false, "-3", 0},
		{vf(1.2345), TypeFloat, 2, false, "1.23", 0},
		{vf(1234.5), TypeFloat, -2, false, "1200", 0},
	}
	for _, c := range cases {
		got, err := Round(c.v, c.t, c.n, c.trunc)
		name := ToString(c.v, c.t)
		if c.errNum != 0 {
			if err == nil || err.Number != c.errNum {
				t.Errorf("ROUND(%s, %d) = %v, %v; want Msg %d", name, c.n, ToString(got, c.t), err, c.errNum)
			}
			continue
		}
		if s := ToString(got, RoundResultType(c.t)); err != nil || s != c.want {
			t.Errorf("ROUND(%s, %d, %v) = %q, %v; want %q", name, c.n, c.trunc, s, err, c.want)
		}
	}
	m, err := Round(vm(123456), TypeMoney, 1, false)
	if err != nil || FormatMoney(m.I, 2) != "12.3000" {
		t.Errorf("ROUND($12.3456, 1) = %s %v", FormatMoney(m.I, 2), err)
	}
	_, err = Round(vs("abc"), NewVarChar(3), 0, false)
	wantErr(t, "ROUND('abc')", err, 8114, "Error converting data type varchar to float.")
	if v, err := Round(vs("2.5"), NewVarChar(3), 0, false); err != nil || v.F != 3 {
		t.Errorf("ROUND('2.5', 0) = %v %v", v, err)
	}
}

func TestNegate(t *testing.T) {
	_, err := Negate(vi(-2147483648), TypeInt)
	wantErr(t, "-(-2^31)", err, 8115, "Arithmetic overflow error converting expression to data type int.")
	if v, err := Negate(vi(5), TypeTinyInt); err != nil || v.I != -5 {
		t.Errorf("-tinyint: %v %v", v, err)
	}
	if v, _ := Negate(dec("0.0"), decT("0.0")); ToString(v, decT("0.0")) != "0.0" {
		t.Errorf("-0.0 = %s", ToString(v, decT("0.0")))
	}
	if v, _ := Negate(dec("1.50"), decT("1.50")); ToString(v, decT("1.50")) != "-1.50" {
		t.Errorf("-1.50 = %s", ToString(v, decT("1.50")))
	}
}

func TestNewGUIDRandom(t *testing.T) {
	a, b := NewGUIDRandom(), NewGUIDRandom()
	sa := FormatGUID(a.B)
	if sa == FormatGUID(b.B) || len(sa) != 36 || sa[14] != '4' || !strings.ContainsRune("89AB", rune(sa[19])) {
		t.Errorf("NEWID: %s %s", sa, FormatGUID(b.B))
	}
	g, ok := ParseGUID(sa)
	if !ok || FormatGUID(g[:]) != sa {
		t.Errorf("round trip %s", sa)
	}
}
