package types

import (
	"testing"
)

type convCase struct {
	name    string
	v       Value
	from    Type
	to      Type
	style   int
	datefmt string
	want    string // ToString of the result (style 0), or Render when render
	errNum  int32
	errText string
}

func dec(s string) Value { v, _ := vd(s); return v }
func decT(s string) Type { _, t := vd(s); return t }

var convCases = []convCase{
	// numbers → int
	{name: "2.5 as int truncates", v: dec("2.5"), from: decT("2.5"), to: TypeInt, want: "2"},
	{name: "-2.5 as int", v: dec("-2.5"), from: decT("-2.5"), to: TypeInt, want: "-2"},
	{name: "2.99 as int", v: dec("2.99"), from: decT("2.99"), to: TypeInt, want: "2"},
	{name: "money 2.5 as int rounds", v: vm(25000), from: TypeMoney, to: TypeInt, want: "3"},
	{name: "money -2.5 as int rounds", v: vm(-25000), from: TypeMoney, to: TypeInt, want: "-3"},
	{name: "float 1.9 as int", v: vf(1.9), from: TypeFloat, to: TypeInt, want: "1"},
	{name: "float overflow int", v: vf(1e10), from: TypeFloat, to: TypeInt, errNum: 232, errText: "Arithmetic overflow error for type int, value = 10000000000.000000."},
	{name: "300 as tinyint", v: vi(300), from: TypeInt, to: TypeTinyInt, errNum: 220, errText: "Arithmetic overflow error for data type tinyint, value = 300."},
	{name: "-1 as tinyint", v: vi(-1), from: TypeInt, to: TypeTinyInt, errNum: 220, errText: "Arithmetic overflow error for data type tinyint, value = -1."},
	{name: "40000 as smallint", v: vi(40000), from: TypeInt, to: TypeSmallInt, errNum: 220, errText: "Arithmetic overflow error for data type smallint, value = 40000."},
	{name: "bigint as int overflow", v: vi(3000000000), from: TypeBigInt, to: TypeInt, errNum: 8115, errText: "Arithmetic overflow error converting expression to data type int."},
	{name: "numeric as int overflow", v: dec("3000000000"), from: decT("3000000000"), to: TypeInt, errNum: 8115, errText: "Arithmetic overflow error converting expression to data type int."},
	// strings → int
	{name: "'abc' as int", v: vs("abc"), from: NewVarChar(3), to: TypeInt, errNum: 245, errText: "Conversion failed when converting the varchar value 'abc' to data type int."},
	{name: "N'abc' as int", v: vs("abc"), from: NewNVarChar(3), to: TypeInt, errNum: 245, errText: "Conversion failed when converting the nvarchar value 'abc' to data type int."},
	{name: "' 12 ' as int", v: vs(" 12 "), from: vc, to: TypeInt, want: "12"},
	{name: "'+7' as int", v: vs("+7"), from: vc, to: TypeInt, want: "7"},
	{name: "'' as int", v: vs(""), from: vc, to: TypeInt, want: "0"},
	{name: "'1.5' as int", v: vs("1.5"), from: NewVarChar(3), to: TypeInt, errNum: 245, errText: "Conversion failed when converting the varchar value '1.5' to data type int."},
	{name: "'1e3' as int", v: vs("1e3"), from: vc, to: TypeInt, errNum: 245},
	{name: "'2147483648' as int", v: vs("2147483648"), from: vc, to: TypeInt, errNum: 248, errText: "The conversion of the varchar value '2147483648' overflowed an int column."},
	{name: "'300' as tinyint", v: vs("300"), from: vc, to: TypeTinyInt, errNum: 244, errText: "The conversion of the varchar value '300' overflowed an INT1 column. Use a larger integer column."},
	{name: "'40000' as smallint", v: vs("40000"), from: vc, to: TypeSmallInt, errNum: 244, errText: "The conversion of the varchar value '40000' overflowed an INT2 column. Use a larger integer column."},
	{name: "'-9223372036854775808' as bigint", v: vs("-9223372036854775808"), from: vc, to: TypeBigInt, want: "-9223372036854775808"},
	{name: "'9223372036854775808' as bigint", v: vs("9223372036854775808"), from: vc, to: TypeBigInt, errNum: 8114, errText: "Error converting data type varchar to bigint."},
	// bit
	{name: "'true' as bit", v: vs("TRUE"), from: vc, to: TypeBit, want: "1"},
	{name: "'false' as bit", v: vs("false"), from: vc, to: TypeBit, want: "0"},
	{name: "5 as bit", v: vi(5), from: TypeInt, to: TypeBit, want: "1"},
	{name: "'abc' as bit", v: vs("abc"), from: NewVarChar(3), to: TypeBit, errNum: 245, errText: "Conversion failed when converting the varchar value 'abc' to data type bit."},
	// decimal
	{name: "123.45 as decimal(5,1) rounds", v: dec("123.45"), from: decT("123.45"), to: NewDecimal(5, 1), want: "123.5"},
	{name: "-123.45 as decimal(5,1)", v: dec("-123.45"), from: decT("-123.45"), to: NewDecimal(5, 1), want: "-123.5"},
	{name: "0.05 as decimal(2,1)", v: dec("0.05"), from: decT("0.05"), to: NewDecimal(2, 1), want: "0.1"},
	{name: "1234.5678 as decimal(5,1) fits", v: dec("1234.5678"), from: decT("1234.5678"), to: NewDecimal(5, 1), want: "1234.6"},
	{name: "12345.678 as decimal(5,1)", v: dec("12345.678"), from: decT("12345.678"), to: NewDecimal(5, 1), errNum: 8115, errText: "Arithmetic overflow error converting numeric to data type numeric."},
	{name: "int overflow decimal", v: vi(123456), from: TypeInt, to: NewDecimal(5, 2), errNum: 8115, errText: "Arithmetic overflow error converting int to data type numeric."},
	{name: "float as decimal", v: vf(1.23456789), from: TypeFloat, to: NewDecimal(10, 4), want: "1.2346"},
	{name: "float 0.1 exact binary value", v: vf(0.1), from: TypeFloat, to: NewDecimal(38, 30), want: "0.100000000000000005551115123126"},
	{name: "float 2.675 rounds its binary value", v: vf(2.675), from: TypeFloat, to: NewDecimal(10, 2), want: "2.67"},
	{name: "float -1e20 as decimal(38,0)", v: vf(-1e20), from: TypeFloat, to: NewDecimal(38, 0), want: "-100000000000000000000"},
	{name: "float 1e37 overflows decimal(38,2)", v: vf(1e37), from: TypeFloat, to: NewDecimal(38, 2), errNum: 8115, errText: "Arithmetic overflow error converting float to data type numeric."},
	{name: "float 1e300 overflows decimal", v: vf(1e300), from: TypeFloat, to: NewDecimal(38, 2), errNum: 8115},
	{name: "tiny float to decimal(38,38)", v: vf(1e-300), from: TypeFloat, to: NewDecimal(38, 38), want: "0.00000000000000000000000000000000000000"},
	{name: "long decimal string", v: vs("12345678901234567890123456789012345678"), from: vc, to: NewDecimal(38, 0), want: "12345678901234567890123456789012345678"},
	{name: "decimal string too long", v: vs("123456789012345678901234567890123456789"), from: vc, to: NewDecimal(38, 0), errNum: 8115},
	{name: "float 2.5 as decimal(10,0)", v: vf(2.5), from: TypeFloat, to: NewDecimal(10, 0), want: "3"},
	{name: "'12.345' as decimal(10,2)", v: vs("12.345"), from: vc, to: NewDecimal(10, 2), want: "12.35"},
	{name: "' -1.5 ' as decimal", v: vs(" -1.5 "), from: vc, to: NewDecimal(10, 2), want: "-1.50"},
	{name: "'1e3' as decimal", v: vs("1e3"), from: vc, to: NewDecimal(10, 2), errNum: 8114, errText: "Error converting data type varchar to numeric."},
	{name: "'' as decimal", v: vs(""), from: vc, to: NewDecimal(10, 2), errNum: 8114},
	{name: "'123456' as decimal(5,1)", v: vs("123456"), from: vc, to: NewDecimal(5, 1), errNum: 8115, errText: "Arithmetic overflow error converting varchar to data type numeric."},
	{name: "int as decimal keeps scale", v: vi(5), from: TypeInt, to: NewDecimal(10, 3), want: "5.000"},
	{name: "-0.001 rounds to 0.00", v: dec("-0.001"), from: decT("-0.001"), to: NewDecimal(10, 2), want: "0.00"},
	// float
	{name: "'1e3' as float", v: vs("1e3"), from: vc, to: TypeFloat, want: "1000"},
	{name: "' 1.5 ' as float", v: vs(" 1.5 "), from: vc, to: TypeFloat, want: "1.5"},
	{name: "'abc' as float", v: vs("abc"), from: vc, to: TypeFloat, errNum: 8114, errText: "Error converting data type varchar to float."},
	{name: "'inf' as float", v: vs("inf"), from: vc, to: TypeFloat, errNum: 8114},
	{name: "'' as float", v: vs(""), from: vc, to: TypeFloat, want: "0"},
	{name: "1e300 as real", v: vf(1e300), from: TypeFloat, to: TypeReal, errNum: 8115, errText: "Arithmetic overflow error converting float to data type real."},
	// money
	{name: "'$1,234.56' as money", v: vs("$1,234.56"), from: vc, to: TypeMoney, want: "1234.56"},
	{name: "'-$5' as money", v: vs("-$5"), from: vc, to: TypeMoney, want: "-5.00"},
	{name: "'1.23456' as money rounds", v: vs("1.23456"), from: vc, to: TypeMoney, style: 2, want: "1.2346"},
	{name: "'abc' as money", v: vs("abc"), from: vc, to: TypeMoney, errNum: 235, errText: "Cannot convert a char value to money. The char value has incorrect syntax."},
	{name: "decimal as money", v: dec("2.00005"), from: decT("2.00005"), to: TypeMoney, want: "2.00"},
	{name: "smallmoney overflow", v: vi(300000), from: TypeInt, to: TypeSmallMoney, errNum: 8115, errText: "Arithmetic overflow error converting int to data type smallmoney."},
	// → string
	{name: "1.0E0/3 as varchar", v: vf(1.0 / 3), from: TypeFloat, to: NewVarChar(30), want: "0.333333"},
	{name: "1234567e0 as varchar", v: vf(1234567), from: TypeFloat, to: NewVarChar(30), want: "1.23457e+006"},
	{name: "123456e0 as varchar", v: vf(123456), from: TypeFloat, to: NewVarChar(30), want: "123456"},
	{name: "0.0001e0 as varchar", v: vf(0.0001), from: TypeFloat, to: NewVarChar(30), want: "0.0001"},
	{name: "0.00001e0 as varchar", v: vf(0.00001), from: TypeFloat, to: NewVarChar(30), want: "1e-005"},
	{name: "100e0 as varchar", v: vf(100), from: TypeFloat, to: NewVarChar(30), want: "100"},
	{name: "-1.5e0 as varchar", v: vf(-1.5), from: TypeFloat, to: NewVarChar(30), want: "-1.5"},
	{name: "real 0.1 as varchar", v: vf(float64(float32(0.1))), from: TypeReal, to: NewVarChar(30), want: "0.1"},
	{name: "float style 1", v: vf(1234567), from: TypeFloat, to: NewVarChar(30), style: 1, want: "1.2345670e+006"},
	{name: "float style 2", v: vf(1234567), from: TypeFloat, to: NewVarChar(30), style: 2, want: "1.234567000000000e+006"},
	{name: "float style 3", v: vf(0.1), from: TypeFloat, to: NewVarChar(30), style: 3, want: "0.10000000000000001"},
	{name: "money 12.5 style 0", v: vm(125000), from: TypeMoney, to: NewVarChar(30), want: "12.50"},
	{name: "money rounds to cents", v: vm(123450), from: TypeMoney, to: NewVarChar(30), want: "12.35"},
	{name: "money style 1", v: vm(12345678), from: TypeMoney, to: NewVarChar(30), style: 1, want: "1,234.57"},
	{name: "money style 2", v: vm(12345678), from: TypeMoney, to: NewVarChar(30), style: 2, want: "1234.5678"},
	{name: "decimal keeps scale", v: dec("0.50"), from: decT("0.50"), to: NewVarChar(30), want: "0.50"},
	{name: "int too long for varchar(3)", v: vi(12345), from: TypeInt, to: NewVarChar(3), want: "*"},
	{name: "int too long for nvarchar(3)", v: vi(12345), from: TypeInt, to: NewNVarChar(3), errNum: 8115, errText: "Arithmetic overflow error converting expression to data type nvarchar."},
	{name: "decimal too long for varchar", v: dec("123.45"), from: decT("123.45"), to: NewVarChar(3), errNum: 8115, errText: "Arithmetic overflow error converting numeric to data type varchar."},
	{name: "varchar truncates", v: vs("abcdef"), from: vc, to: NewVarChar(3), want: "abc"},
	{name: "char pads", v: vs("ab"), from: vc, to: NewChar(4), want: "ab  "},
	{name: "nvarchar to varchar best fit", v: vs("āb€"), from: nvc, to: NewVarChar(10), want: "ab€"},
	{name: "nvarchar to varchar unmappable", v: vs("日本"), from: nvc, to: NewVarChar(10), want: "??"},
	{name: "bit to varchar", v: BitValue(true), from: TypeBit, to: NewVarChar(10), want: "1"},
	// binary
	{name: "binary to varchar style 1", v: BytesValue([]byte("ABC")), from: NewVarBinary(10), to: NewVarChar(30), style: 1, want: "0x414243"},
	{name: "binary to varchar style 2", v: BytesValue([]byte{0xAB, 0x01}), from: NewVarBinary(10), to: NewVarChar(30), style: 2, want: "AB01"},
	{name: "binary to varchar style 0", v: BytesValue([]byte("ABC")), from: NewVarBinary(10), to: NewVarChar(30), want: "ABC"},
	{name: "binary to int", v: BytesValue([]byte{0, 0, 1, 0}), from: NewVarBinary(4), to: TypeInt, want: "256"},
	{name: "binary to int keeps low bytes", v: BytesValue([]byte{1, 0, 0, 0, 2}), from: NewVarBinary(5), to: TypeInt, want: "2"},
	// guid
	{name: "guid round trip", v: vs("6F9619FF-8B86-D011-B42D-00C04FC964FF"), from: vc, to: TypeUniqueIdentifier, want: "6F9619FF-8B86-D011-B42D-00C04FC964FF"},
	{name: "guid lower case and braces", v: vs("{6f9619ff-8b86-d011-b42d-00c04fc964ff}"), from: vc, to: TypeUniqueIdentifier, want: "6F9619FF-8B86-D011-B42D-00C04FC964FF"},
	{name: "guid invalid", v: vs("xyz"), from: vc, to: TypeUniqueIdentifier, errNum: 8169, errText: "Conversion failed when converting from a character string to uniqueidentifier."},
	// disallowed
	{name: "date as int", v: DateTimeValue(Day1900 * TicksPerDay), from: TypeDate, to: TypeInt, errNum: 529, errText: "Explicit conversion from data type date to int is not allowed."},
	{name: "int as date", v: vi(1), from: TypeInt, to: TypeDate, errNum: 529, errText: "Explicit conversion from data type int to date is not allowed."},
	{name: "guid as int", v: GUIDValue([16]byte{}), from: TypeUniqueIdentifier, to: TypeInt, errNum: 529, errText: "Explicit conversion from data type uniqueidentifier to int is not allowed."},
	{name: "text as int", v: vs("1"), from: TypeText, to: TypeInt, errNum: 529, errText: "Explicit conversion from data type text to int is not allowed."},
	{name: "decimal as date message uses numeric", v: dec("1.5"), from: NewDecimal(2, 1), to: TypeDate, errNum: 529, errText: "Explicit conversion from data type numeric to date is not allowed."},
	{name: "null converts to null", v: Null, from: TypeInt, to: NewVarChar(3), want: ""},
}

func TestConvert(t *testing.T) {
	for _, c := range convCases {
		o := &ConvertOptions{Style: c.style, DateFormat: c.datefmt}
		got, err := ConvertWith(c.v, c.from, c.to, o)
		if c.errNum != 0 {
			wantErr(t, c.name, err, c.errNum, c.errText)
			continue
		}
		if err != nil {
			t.Errorf("%s: unexpected error %v", c.name, err)
			continue
		}
		s, ferr := FormatValue(got, c.to, c.style, false)
		if c.to.Kind() != KindMoney && c.to.Kind() != KindFloat || c.style == 0 {
			s, ferr = FormatValue(got, c.to, 0, false)
		}
		if c.to.Kind() == KindMoney {
			s = FormatMoney(got.I, c.style)
		}
		if ferr != nil {
			t.Errorf("%s: format error %v", c.name, ferr)
		}
		if c.to.IsBinary() {
			s = Render(got, c.to)
		}
		if s != c.want {
			t.Errorf("%s: got %q, want %q", c.name, s, c.want)
		}
	}
}

func TestConvertBinary(t *testing.T) {
	cases := []struct {
		name  string
		v     Value
		from  Type
		to    Type
		style int
		want  string
	}{
		{"varchar to varbinary", vs("ABC"), vc, NewVarBinary(30), 0, "0x414243"},
		{"nvarchar to varbinary", vs("A"), nvc, NewVarBinary(30), 0, "0x4100"},
		{"hex style 1", vs("0x4142"), vc, NewVarBinary(30), 1, "0x4142"},
		{"hex style 2", vs("4142"), vc, NewVarBinary(30), 2, "0x4142"},
		{"int to binary(4)", vi(1), TypeInt, NewBinary(4), 0, "0x00000001"},
		{"int to binary(8) pads left", vi(1), TypeInt, NewBinary(8), 0, "0x0000000000000001"},
		{"int to binary(2) keeps low bytes", vi(0x12345678), TypeInt, NewBinary(2), 0, "0x5678"},
		{"binary(3) pads right", BytesValue([]byte{0x41}), NewVarBinary(1), NewBinary(3), 0, "0x410000"},
		{"varbinary(2) truncates", BytesValue([]byte{1, 2, 3}), NewVarBinary(3), NewVarBinary(2), 0, "0x0102"},
		{"bigint to varbinary", vi(-1), TypeBigInt, NewVarBinary(30), 0, "0xFFFFFFFFFFFFFFFF"},
		{"guid bytes", vs("6F9619FF-8B86-D011-B42D-00C04FC964FF"), vc, NewVarBinary(16), 0, ""},
	}
	for _, c := range cases {
		v := c.v
		from := c.from
		if c.name == "guid bytes" {
			g, _ := Convert(v, from, TypeUniqueIdentifier)
			v, from = g, TypeUniqueIdentifier
			c.want = "0xFF19966F868B11D0B42D00C04FC964FF"
		}
		got, err := ConvertWith(v, from, c.to, &ConvertOptions{Style: c.style})
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if s := Render(got, c.to); s != c.want {
			t.Errorf("%s: got %s, want %s", c.name, s, c.want)
		}
	}
}

func TestTryConvert(t *testing.T) {
	v, err := ConvertWith(vs("abc"), vc, TypeInt, &ConvertOptions{Try: true})
	if err != nil || !v.IsNull() {
		t.Errorf("TRY_CAST('abc' AS int) = %v, %v; want NULL", v, err)
	}
	v, err = ConvertWith(vs("2000-02-30"), vc, TypeDate, &ConvertOptions{Try: true})
	if err != nil || !v.IsNull() {
		t.Errorf("TRY_CAST bad date = %v, %v; want NULL", v, err)
	}
	_, err = ConvertWith(DateTimeValue(0), TypeDate, TypeInt, &ConvertOptions{Try: true})
	wantErr(t, "TRY_CAST(date AS int)", err, 529, "Explicit conversion from data type date to int is not allowed.")
	_, err = ConvertWith(DateTimeValue(Day1900*TicksPerDay), TypeDateTime, NewVarChar(30), &ConvertOptions{Try: true, Style: 999})
	wantErr(t, "TRY_CONVERT bad style", err, 281, "999 is not a valid style number when converting from datetime to a character string.")
	_, err = Convert(GUIDValue([16]byte{}), TypeUniqueIdentifier, NewVarChar(10))
	if err == nil || err.Number != 8170 || err.Text != "Insufficient result space to convert uniqueidentifier value to char." {
		t.Errorf("guid into varchar(10): %v", err)
	}
	v, err = ConvertWith(vs("12"), vc, TypeInt, &ConvertOptions{Try: true})
	if err != nil || v.I != 12 {
		t.Errorf("TRY_CAST('12' AS int) = %v, %v", v, err)
	}
}

func TestImplicitChecks(t *testing.T) {
	wantErr(t, "datetime→int implicit", CheckImplicit(TypeDateTime, TypeInt), 257,
		"Implicit conversion from data type datetime to int is not allowed. Use the CONVERT function to run this query.")
	wantErr(t, "date→int implicit", CheckImplicit(TypeDate, TypeInt), 206, "Operand type clash: date is incompatible with int")
	wantErr(t, "xml→nvarchar implicit", CheckImplicit(TypeXML, NewNVarChar(10)), 257, "")
	for _, ok := range [][2]Type{
		{vc, TypeInt}, {TypeInt, vc}, {TypeInt, TypeDateTime}, {TypeDate, NewDateTime2(7)}, {NewTime(7), TypeDateTime},
		{TypeInt, NewDecimal(5, 2)}, {TypeFloat, TypeMoney}, {TypeUniqueIdentifier, vc}, {vc, TypeUniqueIdentifier},
		{NewVarBinary(4), TypeInt}, {TypeInt, TypeSQLVariant}, {TypeText, vc}, {vc, TypeDate},
	} {
		if err := CheckImplicit(ok[0], ok[1]); err != nil {
			t.Errorf("%s → %s should be implicit: %v", ok[0], ok[1], err)
		}
	}
	for _, bad := range [][2]Type{
		{TypeDate, NewTime(7)}, {NewTime(7), TypeDate}, {TypeFloat, TypeDate}, {TypeImage, vc},
		{TypeInt, TypeUniqueIdentifier}, {TypeXML, TypeSQLVariant}, {TypeInt, TypeText},
	} {
		if err := CheckExplicit(bad[0], bad[1]); err == nil || err.Number != 529 {
			t.Errorf("%s → %s should not be allowed: %v", bad[0], bad[1], err)
		}
	}
}
