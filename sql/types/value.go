package types

import "github.com/cockroachdb/apd/v3"

// Kind is the runtime representation class of a Value; several TypeIDs share
// one Kind (tinyint..bigint are all KindInt).
type Kind uint8

const (
	KindNull     Kind = iota
	KindBool          // bit: I is 0 or 1
	KindInt           // tinyint, smallint, int, bigint: I
	KindFloat         // real, float: F
	KindDecimal       // decimal, numeric: Dec
	KindMoney         // money, smallmoney: I in units of 1/10000
	KindString        // char, varchar, nchar, nvarchar, text, ntext, xml: S
	KindBytes         // binary, varbinary, image, timestamp: B
	KindGUID          // uniqueidentifier: B (16 bytes, SQL Server byte order)
	KindDateTime      // all date/time types: I = 100ns ticks since 0001-01-01 (local time of the value), Off = offset minutes
	KindVariant       // sql_variant: Var holds the base value
)

// Value is one T-SQL value. It is a plain struct (no interface boxing) so
// rows are []Value without per-value allocations on the hot path.
type Value struct {
	K   Kind
	Off int16 // datetimeoffset offset in minutes
	I   int64
	F   float64
	S   string
	B   []byte
	Dec apd.Decimal
	Var *VariantValue
}

// VariantValue is the base value and base type of a sql_variant.
type VariantValue struct {
	Type  Type
	Value Value
}

// Null is the SQL NULL value.
var Null = Value{}

// IsNull reports whether v is NULL.
func (v *Value) IsNull() bool { return v.K == KindNull }
