package types

import "strconv"

// Ready-made types for the fixed-size types.
var (
	TypeTinyInt          = Type{ID: TinyInt}
	TypeSmallInt         = Type{ID: SmallInt}
	TypeInt              = Type{ID: Int}
	TypeBigInt           = Type{ID: BigInt}
	TypeBit              = Type{ID: Bit}
	TypeMoney            = Type{ID: Money}
	TypeSmallMoney       = Type{ID: SmallMoney}
	TypeReal             = Type{ID: Real}
	TypeFloat            = Type{ID: Float}
	TypeDate             = Type{ID: Date}
	TypeDateTime         = Type{ID: DateTime}
	TypeSmallDateTime    = Type{ID: SmallDateTime}
	TypeUniqueIdentifier = Type{ID: UniqueIdentifier}
	TypeSQLVariant       = Type{ID: SQLVariant}
	TypeText             = Type{ID: Text, Length: MaxLength}
	TypeNText            = Type{ID: NText, Length: MaxLength}
	TypeImage            = Type{ID: Image, Length: MaxLength}
	TypeXML              = Type{ID: XML, Length: MaxLength}
	TypeTimestamp        = Type{ID: Timestamp, Length: 8}
	// TypeSysname is nvarchar(128) (columns of this type are NOT NULL).
	TypeSysname = Type{ID: NVarChar, Length: 128}
)

// NewDecimal returns decimal(p,s).
func NewDecimal(p, s uint8) Type { return Type{ID: Decimal, Precision: p, Scale: s} }

// NewNumeric returns numeric(p,s) (same behaviour as decimal, another name).
func NewNumeric(p, s uint8) Type { return Type{ID: Numeric, Precision: p, Scale: s} }

// NewChar returns char(n).
func NewChar(n int32) Type { return Type{ID: Char, Length: n} }

// NewVarChar returns varchar(n); n = MaxLength for varchar(max).
func NewVarChar(n int32) Type { return Type{ID: VarChar, Length: n} }

// NewNChar returns nchar(n).
func NewNChar(n int32) Type { return Type{ID: NChar, Length: n} }

// NewNVarChar returns nvarchar(n); n = MaxLength for nvarchar(max).
func NewNVarChar(n int32) Type { return Type{ID: NVarChar, Length: n} }

// NewBinary returns binary(n).
func NewBinary(n int32) Type { return Type{ID: Binary, Length: n} }

// NewVarBinary returns varbinary(n); n = MaxLength for varbinary(max).
func NewVarBinary(n int32) Type { return Type{ID: VarBinary, Length: n} }

// NewTime returns time(s), s = fractional second digits 0..7.
func NewTime(s uint8) Type { return Type{ID: Time, Scale: s} }

// NewDateTime2 returns datetime2(s).
func NewDateTime2(s uint8) Type { return Type{ID: DateTime2, Scale: s} }

// NewDateTimeOffset returns datetimeoffset(s).
func NewDateTimeOffset(s uint8) Type { return Type{ID: DateTimeOffset, Scale: s} }

// WithCollation returns t with collation c (character types only).
func (t Type) WithCollation(c Collation) Type { t.Collation = c; return t }

// Kind returns the runtime representation of values of t.
func (t Type) Kind() Kind { return t.ID.Kind() }

// Kind returns the runtime representation of values of id.
func (id TypeID) Kind() Kind {
	switch id {
	case Bit:
		return KindBool
	case TinyInt, SmallInt, Int, BigInt:
		return KindInt
	case Real, Float:
		return KindFloat
	case Decimal, Numeric:
		return KindDecimal
	case Money, SmallMoney:
		return KindMoney
	case Char, VarChar, NChar, NVarChar, Text, NText, XML:
		return KindString
	case Binary, VarBinary, Image, Timestamp, HierarchyID, Geometry, Geography:
		return KindBytes
	case UniqueIdentifier:
		return KindGUID
	case Date, Time, DateTime, DateTime2, SmallDateTime, DateTimeOffset:
		return KindDateTime
	case SQLVariant:
		return KindVariant
	}
	return KindNull
}

// IsString reports character types (char, varchar, nchar, nvarchar, text,
// ntext).
func (t Type) IsString() bool {
	switch t.ID {
	case Char, VarChar, NChar, NVarChar, Text, NText:
		return true
	}
	return false
}

// IsUnicode reports nchar, nvarchar, ntext (and xml, stored as UTF-16).
func (t Type) IsUnicode() bool {
	switch t.ID {
	case NChar, NVarChar, NText, XML:
		return true
	}
	return false
}

// IsBinary reports binary, varbinary, image and timestamp.
func (t Type) IsBinary() bool {
	switch t.ID {
	case Binary, VarBinary, Image, Timestamp:
		return true
	}
	return false
}

// IsInteger reports tinyint, smallint, int, bigint.
func (t Type) IsInteger() bool { return t.ID.Kind() == KindInt }

// IsExactNumeric reports integer, bit, decimal/numeric and money types.
func (t Type) IsExactNumeric() bool {
	switch t.ID.Kind() {
	case KindInt, KindBool, KindDecimal, KindMoney:
		return true
	}
	return false
}

// IsNumeric reports exact and approximate numeric types.
func (t Type) IsNumeric() bool { return t.IsExactNumeric() || t.ID.Kind() == KindFloat }

// IsDecimal reports decimal and numeric.
func (t Type) IsDecimal() bool { return t.ID == Decimal || t.ID == Numeric }

// IsDateTime reports the date and time types.
func (t Type) IsDateTime() bool { return t.ID.Kind() == KindDateTime }

// IsMax reports varchar(max), nvarchar(max), varbinary(max) and the legacy
// LOB types.
func (t Type) IsMax() bool {
	return t.Length == MaxLength || t.ID == Text || t.ID == NText || t.ID == Image || t.ID == XML
}

// IsFixedLength reports char, nchar and binary (padded on conversion).
func (t Type) IsFixedLength() bool { return t.ID == Char || t.ID == NChar || t.ID == Binary }

// IsLOB reports text, ntext, image, xml (not comparable, not sortable).
func (t Type) IsLOB() bool {
	switch t.ID {
	case Text, NText, Image, XML:
		return true
	}
	return false
}

// intRange returns the value range of an integer type.
func (id TypeID) intRange() (lo, hi int64) {
	switch id {
	case TinyInt:
		return 0, 255
	case SmallInt:
		return -32768, 32767
	case Int:
		return -2147483648, 2147483647
	case Bit:
		return 0, 1
	}
	return -1 << 63, 1<<63 - 1
}

// IntPrecision is the decimal precision an integer type converts to:
// tinyint 3, smallint 5, int 10, bigint 19, bit 1.
func (id TypeID) IntPrecision() uint8 {
	switch id {
	case TinyInt:
		return 3
	case SmallInt:
		return 5
	case Int:
		return 10
	case BigInt:
		return 19
	case Bit:
		return 1
	case Money:
		return 19
	case SmallMoney:
		return 10
	}
	return 0
}

// AsDecimal returns the decimal type an exact numeric operand has in
// decimal arithmetic: int → decimal(10,0), money → decimal(19,4) …
func (t Type) AsDecimal() Type {
	switch t.ID {
	case Decimal, Numeric:
		return t
	case Money:
		return NewDecimal(19, 4)
	case SmallMoney:
		return NewDecimal(10, 4)
	}
	if p := t.ID.IntPrecision(); p != 0 {
		return NewDecimal(p, 0)
	}
	return NewDecimal(38, 0)
}

// MaxBytes is sys.columns.max_length: the storage length in bytes, -1 for
// (max) and 16 for the legacy LOB pointers.
func (t Type) MaxBytes() int16 {
	switch t.ID {
	case TinyInt, Bit:
		return 1
	case SmallInt:
		return 2
	case Int, Real, SmallMoney, SmallDateTime:
		return 4
	case BigInt, Float, Money, DateTime, Timestamp:
		return 8
	case Decimal, Numeric:
		switch p := t.Precision; {
		case p <= 9:
			return 5
		case p <= 19:
			return 9
		case p <= 28:
			return 13
		}
		return 17
	case Date:
		return 3
	case Time:
		return int16(timeBytes(t.Scale))
	case DateTime2:
		return int16(timeBytes(t.Scale) + 3)
	case DateTimeOffset:
		return int16(timeBytes(t.Scale) + 5)
	case UniqueIdentifier:
		return 16
	case SQLVariant:
		return 8016
	case Text, NText, Image:
		return 16
	case XML, Geometry, Geography:
		return -1
	case HierarchyID:
		return 892
	case NChar, NVarChar:
		if t.Length == MaxLength {
			return -1
		}
		return int16(t.Length * 2)
	case Char, VarChar, Binary, VarBinary:
		if t.Length == MaxLength {
			return -1
		}
		return int16(t.Length)
	}
	return 0
}

func timeBytes(scale uint8) int {
	switch {
	case scale <= 2:
		return 3
	case scale <= 4:
		return 4
	}
	return 5
}

// Name is the base type name as SQL Server spells it ("nvarchar",
// "decimal", "datetime2").
func (t Type) Name() string { return t.ID.Name() }

// Name is the base type name of id.
func (id TypeID) Name() string {
	switch id {
	case Image:
		return "image"
	case Text:
		return "text"
	case UniqueIdentifier:
		return "uniqueidentifier"
	case Date:
		return "date"
	case Time:
		return "time"
	case DateTime2:
		return "datetime2"
	case DateTimeOffset:
		return "datetimeoffset"
	case TinyInt:
		return "tinyint"
	case SmallInt:
		return "smallint"
	case Int:
		return "int"
	case SmallDateTime:
		return "smalldatetime"
	case Real:
		return "real"
	case Money:
		return "money"
	case DateTime:
		return "datetime"
	case Float:
		return "float"
	case SQLVariant:
		return "sql_variant"
	case NText:
		return "ntext"
	case Bit:
		return "bit"
	case Decimal:
		return "decimal"
	case Numeric:
		return "numeric"
	case SmallMoney:
		return "smallmoney"
	case BigInt:
		return "bigint"
	case VarBinary:
		return "varbinary"
	case VarChar:
		return "varchar"
	case Binary:
		return "binary"
	case Char:
		return "char"
	case Timestamp:
		return "timestamp"
	case NVarChar:
		return "nvarchar"
	case NChar:
		return "nchar"
	case XML:
		return "xml"
	case HierarchyID:
		return "hierarchyid"
	case Geometry:
		return "geometry"
	case Geography:
		return "geography"
	}
	return "unknown"
}

// MsgName is the name SQL Server uses for the type in conversion and
// overflow messages: the base name, with decimal reported as "numeric".
func (t Type) MsgName() string {
	if t.ID == Decimal {
		return "numeric"
	}
	return t.ID.Name()
}

// ClashName is the name in Msg 206 "Operand type clash: date is
// incompatible with int" (the base name).
func (t Type) ClashName() string { return t.ID.Name() }

// String returns the type as SQL Server writes it: "int", "nvarchar(max)",
// "decimal(18,2)", "datetime2(7)", "varchar(10)".
func (t Type) String() string {
	name := t.ID.Name()
	switch t.ID {
	case Char, VarChar, NChar, NVarChar, Binary, VarBinary:
		if t.Length == MaxLength {
			return name + "(max)"
		}
		return name + "(" + strconv.Itoa(int(t.Length)) + ")"
	case Decimal, Numeric:
		return name + "(" + strconv.Itoa(int(t.Precision)) + "," + strconv.Itoa(int(t.Scale)) + ")"
	case Time, DateTime2, DateTimeOffset:
		return name + "(" + strconv.Itoa(int(t.Scale)) + ")"
	}
	return name
}
