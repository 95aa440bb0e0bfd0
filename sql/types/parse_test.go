package types

import "testing"

func TestParse(t *testing.T) {
	cases := []struct {
		s, culture string
		to         Type
		want       string
		errNum     int32
	}{
		{"1,234.5", "en-US", NewDecimal(10, 2), "1234.50", 0},
		{"1 234,5", "fr-FR", NewDecimal(10, 2), "1234.50", 0},
		{"1\u00a0234,5", "fr-FR", NewDecimal(10, 2), "1234.50", 0},
		{"€345,98", "fr-FR", TypeMoney, "345.98", 0},
		{"$345.98", "en-US", TypeMoney, "345.98", 0},
		{"12", "en-US", TypeInt, "12", 0},
		{"12.5", "en-US", TypeInt, "", 9819},
		{"1.5e3", "en-US", TypeFloat, "1500", 0},
		{"abc", "en-US", TypeInt, "", 9819},
		{"12/01/2000", "en-US", TypeDate, "2000-12-01", 0},
		{"12/01/2000", "fr-FR", TypeDate, "2000-01-12", 0},
		{"Monday, 13 December 2010", "en-US", NewDateTime2(7), "2010-12-13 00:00:00.0000000", 0},
		{"lundi 13 décembre 2010", "fr-FR", TypeDate, "2010-12-13", 0},
		{"1", "xx-XX", TypeInt, "", 9818},
	}
	for _, c := range cases {
		v, err := Parse(c.s, c.to, c.culture)
		if c.errNum != 0 {
			if err == nil || err.Number != c.errNum {
				t.Errorf("PARSE(%q AS %s USING %s) = %v, %v; want Msg %d", c.s, c.to, c.culture, v, err, c.errNum)
			}
			continue
		}
		if err != nil {
			t.Errorf("PARSE(%q AS %s USING %s): %v", c.s, c.to, c.culture, err)
			continue
		}
		got := ToString(v, c.to)
		if v.K == KindMoney {
			got = FormatMoney(v.I, 0)
		}
		if got != c.want {
			t.Errorf("PARSE(%q AS %s USING %s) = %q, want %q", c.s, c.to, c.culture, got, c.want)
		}
	}
	_, err := Parse("abc", TypeInt, "en-US")
	wantErr(t, "9819", err, 9819, "Error converting string value 'abc' into data type int using culture 'en-US'.")
	if v, err := TryParse("abc", TypeInt, "en-US"); err != nil || !v.IsNull() {
		t.Errorf("TRY_PARSE: %v %v", v, err)
	}
}
