package types

import (
	"math"
	"math/rand"
	"strconv"
	"testing"
)

func TestIsNumericIsDate(t *testing.T) {
	for s, want := range map[string]bool{
		"1": true, " 12 ": true, "1.5": true, "1e5": true, "1d2": true, "-": true, "+": true, "$": true,
		".": true, ",": true, "1,000": true, "$1,000.50": true, "\\": true, "": false, " ": false,
		"abc": false, "1a": false, "0x10": false, "1e": false,
	} {
		if got := IsNumeric(s); got != want {
			t.Errorf("ISNUMERIC(%q) = %v, want %v", s, got, want)
		}
	}
	for s, want := range map[string]bool{
		"2000-01-01": true, "20000101": true, "Jan 1 2000": true, "1700-01-01": false, "2000-02-30": false,
		"abc": false, "": false, "10:00": true,
	} {
		if got := IsDate(s, ""); got != want {
			t.Errorf("ISDATE(%q) = %v, want %v", s, got, want)
		}
	}
	if IsDate("13/01/2000", "mdy") || !IsDate("13/01/2000", "dmy") {
		t.Error("ISDATE follows DATEFORMAT")
	}
}

// TestTextRoundTrips converts random numbers to text and back: decimals
// keep their value and scale, floats survive style 3, money style 2.
func TestMoneyLimits(t *testing.T) {
	for _, m := range []int64{math.MinInt64, math.MaxInt64, 0, -1} {
		v, err := Convert(StringValue(FormatMoney(m, 2)), NewVarChar(40), TypeMoney)
		if err != nil || v.I != m {
			t.Errorf("money %d: %v %v", m, v.I, err)
		}
	}
	_, err := Convert(StringValue("922337203685477.5808"), NewVarChar(40), TypeMoney)
	wantErr(t, "money overflow", err, 8115, "Arithmetic overflow error converting varchar to data type money.")
}

func TestTextRoundTrips(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	for i := 0; i < 20000; i++ {
		scale := uint8(r.Intn(8))
		ty := NewDecimal(18, scale)
		v := DecimalCoefValue(r.Int63n(1e17)-5e16, int32(scale))
		s := ToString(v, ty)
		back, err := Convert(StringValue(s), NewVarChar(40), ty)
		if err != nil || ToString(back, ty) != s {
			t.Fatalf("decimal %s → %s (%v)", s, ToString(back, ty), err)
		}
		f := math.Float64frombits(r.Uint64())
		if math.IsNaN(f) || math.IsInf(f, 0) {
			continue
		}
		fs := FormatFloat(f, false, 3)
		fb, err := Convert(StringValue(fs), NewVarChar(40), TypeFloat)
		if err != nil || fb.F != f {
			t.Fatalf("float %v → %q → %v (%v)", f, fs, fb.F, err)
		}
		m := r.Int63() - r.Int63()
		ms := FormatMoney(m, 2)
		mb, err := Convert(StringValue(ms), NewVarChar(40), TypeMoney)
		if err != nil || mb.I != m {
			t.Fatalf("money %d → %q → %d (%v)", m, ms, mb.I, err)
		}
		n := r.Int63() - r.Int63()
		nb, err := Convert(StringValue(strconv.FormatInt(n, 10)), NewVarChar(40), TypeBigInt)
		if err != nil || nb.I != n {
			t.Fatalf("bigint %d (%v)", n, err)
		}
	}
}
