package types

import "testing"

// FuzzConvertString converts arbitrary strings to every target family:
// it must never panic, and failures must be SQL Server conversion errors.
func FuzzConvertString(f *testing.F) {
	for _, s := range []string{"", " 12 ", "1.5", "1e3", "2000-01-01", "20000101 10:00", "Jan 1 2000",
		"2000-01-01T10:00:00.1234567+05:30", "$1,234.56", "6F9619FF-8B86-D011-B42D-00C04FC964FF", "0x41", "true",
		"12:34:56:789 PM", "-", "1/2/3", "99999999999999999999999999999999999999999"} {
		f.Add(s)
	}
	targets := []Type{TypeTinyInt, TypeInt, TypeBigInt, TypeBit, NewDecimal(10, 2), NewDecimal(38, 0), TypeMoney,
		TypeSmallMoney, TypeFloat, TypeReal, TypeDate, NewTime(7), TypeDateTime, TypeSmallDateTime, NewDateTime2(7),
		NewDateTimeOffset(7), TypeUniqueIdentifier, NewVarBinary(10), NewChar(3)}
	allowed := map[int32]bool{245: true, 244: true, 248: true, 8114: true, 8115: true, 235: true, 293: true,
		241: true, 242: true, 8169: true, 232: true}
	f.Fuzz(func(t *testing.T, s string) {
		for _, to := range targets {
			for _, style := range []int{0, 1, 103, 112} {
				v, err := ConvertWith(StringValue(s), NewVarChar(MaxLength), to, &ConvertOptions{Style: style})
				if err != nil {
					if !allowed[err.Number] {
						t.Fatalf("%q → %s: unexpected Msg %d %s", s, to, err.Number, err.Text)
					}
					continue
				}
				// Whatever converted must render and round-trip through text.
				str, ferr := FormatValue(v, to, 0, false)
				if ferr != nil {
					t.Fatalf("%q → %s: format %v", s, to, ferr)
				}
				if to.IsDateTime() || to.IsNumeric() {
					if _, err := Convert(StringValue(str), NewVarChar(MaxLength), to); err != nil && to.ID != Money {
						t.Fatalf("%q → %s → %q does not convert back: %v", s, to, str, err)
					}
				}
			}
		}
	})
}
