package types

import (
	"strings"

	"github.com/tsqld/tsqld/sql/msgs"
)

// TypeArg is one parenthesized argument of a type name: a number or MAX.
// Use ArgMax for MAX.
type TypeArg = int32

// ArgMax stands for the MAX argument of varchar(max) and friends.
const ArgMax TypeArg = MaxLength

// Default lengths and precisions when a type is written without arguments.
const (
	DefaultDecimalPrecision = 18
	DefaultTimeScale        = 7
	DefaultFloatBits        = 53
)

// typeAliases maps every spelling SQL Server accepts (lower case, single
// spaces) to the canonical base name.
var typeAliases = map[string]TypeID{
	"tinyint": TinyInt, "smallint": SmallInt, "int": Int, "integer": Int, "bigint": BigInt,
	"bit": Bit, "decimal": Decimal, "dec": Decimal, "numeric": Numeric,
	"money": Money, "smallmoney": SmallMoney, "real": Real, "float": Float,
	"double precision": Float,
	"char":             Char, "character": Char, "varchar": VarChar, "char varying": VarChar,
	"character varying": VarChar,
	"nchar":             NChar, "national character": NChar, "national char": NChar,
	"nvarchar": NVarChar, "national character varying": NVarChar,
	"national char varying": NVarChar, "nchar varying": NVarChar,
	"text": Text, "ntext": NText, "national text": NText,
	"binary": Binary, "varbinary": VarBinary, "binary varying": VarBinary,
	"image": Image, "date": Date, "time": Time, "datetime": DateTime,
	"smalldatetime": SmallDateTime, "datetime2": DateTime2,
	"datetimeoffset": DateTimeOffset, "uniqueidentifier": UniqueIdentifier,
	"sql_variant": SQLVariant, "xml": XML, "timestamp": Timestamp,
	"rowversion": Timestamp, "sysname": NVarChar,
	"hierarchyid": HierarchyID, "geometry": Geometry, "geography": Geography,
}

// normalizeTypeName lower-cases a type name, strips [brackets] and a sys.
// schema, and collapses white space ("character   varying").
func normalizeTypeName(name string) string {
	name = strings.ToLower(strings.TrimSpace(name))
	name = strings.TrimPrefix(name, "sys.")
	name = strings.TrimPrefix(name, "[sys].")
	if strings.HasPrefix(name, "[") && strings.HasSuffix(name, "]") {
		name = name[1 : len(name)-1]
	}
	return strings.Join(strings.Fields(name), " ")
}

// IsTypeName reports whether name is a system type name or alias.
func IsTypeName(name string) bool {
	_, ok := typeAliases[normalizeTypeName(name)]
	return ok
}

// IsNotNullAlias reports type names that imply NOT NULL (sysname).
func IsNotNullAlias(name string) bool { return normalizeTypeName(name) == "sysname" }

// ParseTypeName builds the type written as name(args...). Aliases are
// resolved (integer → int, character varying → varchar, dec → decimal,
// double precision → float, rowversion → timestamp, sysname →
// nvarchar(128)); float(n) becomes real for n <= 24. Missing arguments take
// SQL Server's defaults: char/varchar/nchar/nvarchar/binary/varbinary 1,
// decimal(18,0), time/datetime2/datetimeoffset(7). Errors: 243 unknown
// type, 1001 bad length, 131 too long, 2750 precision > 38, 1002 bad scale,
// 291 arguments on a type that takes none.
func ParseTypeName(name string, args []TypeArg) (Type, *msgs.Error) {
	n := normalizeTypeName(name)
	id, ok := typeAliases[n]
	if !ok {
		return Type{}, newErr(243, txt243, name)
	}
	bad := func() (Type, *msgs.Error) { return Type{}, newErr(291, txt291, id.Name()) }
	for _, a := range args {
		if a == ArgMax {
			switch id {
			case VarChar, NVarChar, VarBinary:
			default:
				return bad()
			}
		}
	}
	switch id {
	case Char, VarChar, NChar, NVarChar, Binary, VarBinary:
		if n == "sysname" {
			if len(args) != 0 {
				return bad()
			}
			return TypeSysname, nil
		}
		if len(args) > 1 {
			return bad()
		}
		t := Type{ID: id, Length: 1}
		if len(args) == 1 {
			t.Length = args[0]
		}
		if t.Length == MaxLength {
			return t, nil
		}
		limit := int32(8000)
		if id == NChar || id == NVarChar {
			limit = 4000
		}
		if t.Length < 1 {
			return Type{}, newErr(1001, txt1001, 1, t.Length)
		}
		if t.Length > limit {
			return Type{}, newErr(131, txt131, t.Length, id.Name(), limit)
		}
		return t, nil
	case Decimal, Numeric:
		if len(args) > 2 {
			return bad()
		}
		p, s := int32(DefaultDecimalPrecision), int32(0)
		if len(args) >= 1 {
			p = args[0]
		}
		if len(args) == 2 {
			s = args[1]
		}
		if p < 1 {
			return Type{}, newErr(1001, txt1001, 1, p)
		}
		if p > 38 {
			return Type{}, newErr(2750, txt2750, 1, p, 38)
		}
		if s < 0 || s > p {
			return Type{}, newErr(1002, txt1002, 1, s)
		}
		return Type{ID: id, Precision: uint8(p), Scale: uint8(s)}, nil
	case Float:
		if len(args) > 1 {
			return bad()
		}
		if len(args) == 1 {
			b := args[0]
			if b < 1 || b > 53 {
				return Type{}, newErr(2750, txt2750, 1, b, 53)
			}
			if b <= 24 {
				return TypeReal, nil
			}
		}
		return TypeFloat, nil
	case Time, DateTime2, DateTimeOffset:
		if len(args) > 1 {
			return bad()
		}
		s := int32(DefaultTimeScale)
		if len(args) == 1 {
			s = args[0]
		}
		if s < 0 || s > 7 {
			return Type{}, newErr(1002, txt1002, 1, s)
		}
		return Type{ID: id, Scale: uint8(s)}, nil
	case Text, NText, Image, XML:
		if len(args) != 0 {
			return bad()
		}
		return Type{ID: id, Length: MaxLength}, nil
	case Timestamp:
		if len(args) != 0 {
			return bad()
		}
		return TypeTimestamp, nil
	}
	if len(args) != 0 {
		return bad()
	}
	return Type{ID: id}, nil
}

// Normalize fills in the parts of t a bare TypeID leaves unset (e.g. a
// Type{ID: DateTime2} gets scale 7 only if explicitly asked; this returns t
// with decimal precision 18 when zero and string length 1 when zero).
func (t Type) Normalize() Type {
	switch t.ID {
	case Decimal, Numeric:
		if t.Precision == 0 {
			t.Precision = DefaultDecimalPrecision
		}
	case Char, VarChar, NChar, NVarChar, Binary, VarBinary:
		if t.Length == 0 {
			t.Length = 1
		}
	case Text, NText, Image, XML:
		t.Length = MaxLength
	}
	return t
}

// ParseCastTypeName is ParseTypeName for CAST/CONVERT targets, where a
// character or binary type without a length means length 30.
func ParseCastTypeName(name string, args []TypeArg) (Type, *msgs.Error) {
	t, err := ParseTypeName(name, args)
	if err == nil && len(args) == 0 && !IsNotNullAlias(name) {
		switch t.ID {
		case Char, VarChar, NChar, NVarChar, Binary, VarBinary:
			t.Length = 30
		}
	}
	return t, err
}
