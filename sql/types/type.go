package types

// TypeID names a SQL Server system type. The numeric values are SQL Server's
// system_type_id (sys.types), so catalog views can expose them directly.
type TypeID uint8

const (
	Unknown          TypeID = 0
	Image            TypeID = 34
	Text             TypeID = 35
	UniqueIdentifier TypeID = 36
	Date             TypeID = 40
	Time             TypeID = 41
	DateTime2        TypeID = 42
	DateTimeOffset   TypeID = 43
	TinyInt          TypeID = 48
	SmallInt         TypeID = 52
	Int              TypeID = 56
	SmallDateTime    TypeID = 58
	Real             TypeID = 59
	Money            TypeID = 60
	DateTime         TypeID = 61
	Float            TypeID = 62
	SQLVariant       TypeID = 98
	NText            TypeID = 99
	Bit              TypeID = 104
	Decimal          TypeID = 106
	Numeric          TypeID = 108
	SmallMoney       TypeID = 122
	BigInt           TypeID = 127
	VarBinary        TypeID = 165
	VarChar          TypeID = 167
	Binary           TypeID = 173
	Char             TypeID = 175
	Timestamp        TypeID = 189 // rowversion
	NVarChar         TypeID = 231
	NChar            TypeID = 239
	XML              TypeID = 241
)

// MaxLength is the Length value that stands for (max) on varchar, nvarchar
// and varbinary.
const MaxLength = -1

// Type is a fully specified T-SQL type: what a column, variable, parameter
// or expression result has. It is a small value type; copy it freely.
type Type struct {
	ID TypeID
	// Length is the declared length in characters for char/varchar/nchar/
	// nvarchar and in bytes for binary/varbinary; MaxLength for (max).
	Length int32
	// Precision and Scale for decimal/numeric; Scale is also the fractional
	// seconds precision of time, datetime2 and datetimeoffset.
	Precision uint8
	Scale     uint8
	// Collation of character types (zero value = the database default).
	Collation Collation
}

// Collation identifies a collation by its SQL Server name and its TDS
// 5-byte encoding; sql/collation owns comparison behaviour.
type Collation struct {
	Name string
	// LCID, Flags, Version and SortID form the TDS COLLATION record.
	LCID    uint32
	Flags   uint8
	Version uint8
	SortID  uint8
}
