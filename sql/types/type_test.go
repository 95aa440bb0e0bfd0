package types

import "testing"

func TestPrecedenceOrder(t *testing.T) {
	// SQL Server's documented list, highest first.
	order := []TypeID{SQLVariant, XML, DateTimeOffset, DateTime2, DateTime, SmallDateTime, Date, Time,
		Float, Real, Decimal, Money, SmallMoney, BigInt, Int, SmallInt, TinyInt, Bit, NText, Text, Image,
		Timestamp, UniqueIdentifier, NVarChar, NChar, VarChar, Char, VarBinary, Binary}
	for i := 1; i < len(order); i++ {
		if Precedence(order[i-1]) <= Precedence(order[i]) {
			t.Errorf("%s should outrank %s", order[i-1].Name(), order[i].Name())
		}
	}
	if Precedence(Decimal) != Precedence(Numeric) {
		t.Error("decimal and numeric share a rank")
	}
	if Higher(TypeInt, NewDecimal(5, 2)).ID != Decimal || Higher(NewVarChar(3), TypeInt).ID != Int {
		t.Error("Higher")
	}
}

func TestTypeNames(t *testing.T) {
	cases := []struct {
		name string
		args []TypeArg
		want string
	}{
		{"int", nil, "int"},
		{"INTEGER", nil, "int"},
		{"character varying", []TypeArg{10}, "varchar(10)"},
		{"char  varying", []TypeArg{10}, "varchar(10)"},
		{"national character varying", []TypeArg{ArgMax}, "nvarchar(max)"},
		{"nvarchar", []TypeArg{ArgMax}, "nvarchar(max)"},
		{"varchar", nil, "varchar(1)"},
		{"dec", []TypeArg{10, 2}, "decimal(10,2)"},
		{"decimal", nil, "decimal(18,0)"},
		{"numeric", []TypeArg{5}, "numeric(5,0)"},
		{"double precision", nil, "float"},
		{"float", []TypeArg{24}, "real"},
		{"float", []TypeArg{25}, "float"},
		{"rowversion", nil, "timestamp"},
		{"sysname", nil, "nvarchar(128)"},
		{"[sys].[int]", nil, "int"},
		{"sys.datetime2", nil, "datetime2(7)"},
		{"datetime2", []TypeArg{3}, "datetime2(3)"},
		{"time", []TypeArg{0}, "time(0)"},
		{"datetimeoffset", nil, "datetimeoffset(7)"},
		{"varbinary", []TypeArg{ArgMax}, "varbinary(max)"},
		{"binary", []TypeArg{16}, "binary(16)"},
		{"text", nil, "text"},
		{"uniqueidentifier", nil, "uniqueidentifier"},
		{"sql_variant", nil, "sql_variant"},
	}
	for _, c := range cases {
		ty, err := ParseTypeName(c.name, c.args)
		if err != nil || ty.String() != c.want {
			t.Errorf("ParseTypeName(%q, %v) = %s, %v; want %s", c.name, c.args, ty, err, c.want)
		}
	}
	if !IsNotNullAlias("SYSNAME") || IsNotNullAlias("nvarchar") {
		t.Error("IsNotNullAlias")
	}
	if ty, _ := ParseCastTypeName("varchar", nil); ty.String() != "varchar(30)" {
		t.Errorf("CAST default length: %s", ty)
	}
	_, err := ParseTypeName("foo", nil)
	wantErr(t, "unknown", err, 243, "Type foo is not a defined system type.")
	_, err = ParseTypeName("nvarchar", []TypeArg{0})
	wantErr(t, "nvarchar(0)", err, 1001, "Line 1: Length or precision specification 0 is invalid.")
	_, err = ParseTypeName("varchar", []TypeArg{9000})
	wantErr(t, "varchar(9000)", err, 131, "The size (9000) given to the type 'varchar' exceeds the maximum allowed for any data type (8000).")
	_, err = ParseTypeName("nvarchar", []TypeArg{4001})
	wantErr(t, "nvarchar(4001)", err, 131, "The size (4001) given to the type 'nvarchar' exceeds the maximum allowed for any data type (4000).")
	_, err = ParseTypeName("decimal", []TypeArg{39})
	wantErr(t, "decimal(39)", err, 2750, "Column or parameter #1: Specified column precision 39 is greater than the maximum precision of 38.")
	_, err = ParseTypeName("decimal", []TypeArg{5, 6})
	wantErr(t, "decimal(5,6)", err, 1002, "")
	_, err = ParseTypeName("int", []TypeArg{4})
	wantErr(t, "int(4)", err, 291, "CAST or CONVERT: invalid attributes specified for type 'int'")
	_, err = ParseTypeName("char", []TypeArg{ArgMax})
	wantErr(t, "char(max)", err, 291, "")
}

func TestMaxBytes(t *testing.T) {
	for _, c := range []struct {
		t    Type
		want int16
	}{
		{TypeInt, 4}, {NewNVarChar(10), 20}, {NewVarChar(MaxLength), -1}, {NewDecimal(18, 2), 9},
		{NewDecimal(38, 0), 17}, {NewDecimal(9, 0), 5}, {NewDateTime2(7), 8}, {NewDateTime2(2), 6},
		{NewTime(4), 4}, {NewDateTimeOffset(7), 10}, {TypeDate, 3}, {TypeUniqueIdentifier, 16},
	} {
		if got := c.t.MaxBytes(); got != c.want {
			t.Errorf("%s.MaxBytes() = %d, want %d", c.t, got, c.want)
		}
	}
}

func TestCommonType(t *testing.T) {
	cases := []struct {
		in   []Type
		want string
		err  int32
	}{
		{[]Type{TypeInt, NewDecimal(5, 2)}, "decimal(12,2)", 0},
		{[]Type{NewDecimal(10, 2), NewDecimal(12, 4)}, "decimal(12,4)", 0},
		{[]Type{NewDecimal(38, 0), NewDecimal(38, 10)}, "decimal(38,0)", 0},
		{[]Type{TypeInt, TypeBigInt, TypeTinyInt}, "bigint", 0},
		{[]Type{TypeInt, TypeFloat}, "float", 0},
		{[]Type{NewVarChar(5), NewNVarChar(3)}, "nvarchar(5)", 0},
		{[]Type{NewChar(3), NewChar(5)}, "char(5)", 0},
		{[]Type{NewChar(3), NewVarChar(2)}, "varchar(3)", 0},
		{[]Type{NewVarChar(10), NewVarChar(MaxLength)}, "varchar(max)", 0},
		{[]Type{NewVarChar(8000), NewNVarChar(10)}, "nvarchar(max)", 0},
		{[]Type{NewDateTime2(3), NewDateTime2(7)}, "datetime2(7)", 0},
		{[]Type{TypeDateTime, NewDateTime2(3)}, "datetime2(3)", 0},
		{[]Type{TypeInt, NewVarChar(10)}, "int", 0},
		{[]Type{{}, TypeInt}, "int", 0},
		{[]Type{{}, {}}, "int", 0},
		{[]Type{TypeInt, TypeDate}, "", 206},
		{[]Type{TypeUniqueIdentifier, TypeInt}, "", 206},
	}
	for _, c := range cases {
		got, err := CommonType(c.in...)
		if c.err != 0 {
			if err == nil || err.Number != c.err {
				t.Errorf("CommonType(%v) = %s, %v; want Msg %d", c.in, got, err, c.err)
			}
			continue
		}
		if err != nil || got.String() != c.want {
			t.Errorf("CommonType(%v) = %s, %v; want %s", c.in, got, err, c.want)
		}
	}
	_, err := CommonType(TypeInt, TypeDate)
	wantErr(t, "union int/date", err, 206, "Operand type clash: int is incompatible with date")
}

func TestComparisonType(t *testing.T) {
	if ct, err := ComparisonType(TypeInt, NewVarChar(5)); err != nil || ct.ID != Int {
		t.Errorf("int = varchar compares as int: %v %v", ct, err)
	}
	if ct, err := ComparisonType(NewVarChar(5), NewNVarChar(2)); err != nil || ct.ID != NVarChar {
		t.Errorf("varchar = nvarchar: %v %v", ct, err)
	}
	_, err := ComparisonType(TypeText, NewVarChar(2))
	wantErr(t, "text =", err, 402, "The data types text and varchar are incompatible in the equal to operator.")
	_, err = ComparisonType(TypeInt, TypeDate)
	wantErr(t, "int = date", err, 206, "Operand type clash: int is incompatible with date")
	_, err = ComparisonType(TypeXML, TypeXML)
	wantErr(t, "xml", err, 305, "The XML data type cannot be compared or sorted, except when using the IS NULL operator.")
}

func TestLiteralTypes(t *testing.T) {
	for _, c := range []struct{ lit, want string }{
		{"1.0", "decimal(2,1)"}, {"12.50", "decimal(4,2)"}, {"0.5", "decimal(1,1)"}, {".5", "decimal(1,1)"},
		{"007.25", "decimal(3,2)"}, {"123", "decimal(3,0)"},
	} {
		if got := DecimalLiteralType(c.lit); got.String() != c.want {
			t.Errorf("DecimalLiteralType(%s) = %s, want %s", c.lit, got, c.want)
		}
	}
	if IntLiteralType(5).ID != Int || IntLiteralType(3000000000).String() != "decimal(10,0)" {
		t.Error("IntLiteralType")
	}
}
