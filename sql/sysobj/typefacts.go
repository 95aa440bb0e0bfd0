package sysobj

import (
	"strings"

	"github.com/tsqld/tsqld/sql/types"
)

// SysType is one built-in type as sys.types lists it.
type SysType struct {
	Name       string
	SystemID   int32
	UserID     int32
	MaxLength  int16
	Precision  uint8
	Scale      uint8
	Collatable bool
	Nullable   bool
}

// SysTypes are SQL Server's built-in types in sys.types order
// (by user_type_id). The CLR types (hierarchyid, geometry, geography) have
// system_type_id 240 and are assembly types.
var SysTypes = []SysType{
	{"image", 34, 34, 16, 0, 0, false, true},
	{"text", 35, 35, 16, 0, 0, true, true},
	{"uniqueidentifier", 36, 36, 16, 0, 0, false, true},
	{"date", 40, 40, 3, 10, 0, false, true},
	{"time", 41, 41, 5, 16, 7, false, true},
	{"datetime2", 42, 42, 8, 27, 7, false, true},
	{"datetimeoffset", 43, 43, 10, 34, 7, false, true},
	{"tinyint", 48, 48, 1, 3, 0, false, true},
	{"smallint", 52, 52, 2, 5, 0, false, true},
	{"int", 56, 56, 4, 10, 0, false, true},
	{"smalldatetime", 58, 58, 4, 16, 0, false, true},
	{"real", 59, 59, 4, 24, 0, false, true},
	{"money", 60, 60, 8, 19, 4, false, true},
	{"datetime", 61, 61, 8, 23, 3, false, true},
	{"float", 62, 62, 8, 53, 0, false, true},
	{"sql_variant", 98, 98, 8016, 0, 0, false, true},
	{"ntext", 99, 99, 16, 0, 0, true, true},
	{"bit", 104, 104, 1, 1, 0, false, true},
	{"decimal", 106, 106, 17, 38, 38, false, true},
	{"numeric", 108, 108, 17, 38, 38, false, true},
	{"smallmoney", 122, 122, 4, 10, 4, false, true},
	{"bigint", 127, 127, 8, 19, 0, false, true},
	{"hierarchyid", 240, 128, 892, 0, 0, false, true},
	{"geometry", 240, 129, -1, 0, 0, false, true},
	{"geography", 240, 130, -1, 0, 0, false, true},
	{"varbinary", 165, 165, 8000, 0, 0, false, true},
	{"varchar", 167, 167, 8000, 0, 0, true, true},
	{"binary", 173, 173, 8000, 0, 0, false, true},
	{"char", 175, 175, 8000, 0, 0, true, true},
	{"timestamp", 189, 189, 8, 0, 0, false, false},
	{"nvarchar", 231, 231, 8000, 0, 0, true, true},
	{"nchar", 239, 239, 8000, 0, 0, true, true},
	{"xml", 241, 241, -1, 0, 0, false, true},
	{"sysname", 231, 256, 256, 0, 0, true, false},
}

// SysTypeByName finds a built-in type by name (case-insensitive).
func SysTypeByName(name string) *SysType {
	for i := range SysTypes {
		if strings.EqualFold(SysTypes[i].Name, name) {
			return &SysTypes[i]
		}
	}
	return nil
}

// SysTypeByUserID finds a built-in type by user_type_id.
func SysTypeByUserID(id int32) *SysType {
	for i := range SysTypes {
		if SysTypes[i].UserID == id {
			return &SysTypes[i]
		}
	}
	return nil
}

// TypeName is the sys.types name of t's base type.
func TypeName(t types.Type) string {
	if t.ID.IsUDT() {
		return t.ID.Name()
	}
	for i := range SysTypes {
		if SysTypes[i].SystemID == int32(t.ID) {
			return SysTypes[i].Name
		}
	}
	return ""
}

// Facts are a column type's storage facts as sys.columns reports them.
type Facts struct {
	MaxLength int16
	Precision uint8
	Scale     uint8
}

// TypeFacts returns max_length (bytes, -1 for (max)), precision and scale
// of a concrete type.
func TypeFacts(t types.Type) Facts {
	switch t.ID {
	case types.Char, types.VarChar, types.Binary, types.VarBinary:
		return Facts{MaxLength: int16(t.Length)}
	case types.NChar, types.NVarChar:
		if t.Length == types.MaxLength {
			return Facts{MaxLength: -1}
		}
		return Facts{MaxLength: int16(2 * t.Length)}
	case types.Text, types.NText, types.Image:
		return Facts{MaxLength: 16}
	case types.XML, types.Geometry, types.Geography:
		return Facts{MaxLength: -1}
	case types.HierarchyID:
		return Facts{MaxLength: 892}
	case types.Decimal, types.Numeric:
		n := int16(17)
		switch {
		case t.Precision <= 9:
			n = 5
		case t.Precision <= 19:
			n = 9
		case t.Precision <= 28:
			n = 13
		}
		return Facts{MaxLength: n, Precision: t.Precision, Scale: t.Scale}
	case types.Time:
		return Facts{MaxLength: int16(timeBytes(t.Scale)), Precision: scaledPrecision(8, t.Scale), Scale: t.Scale}
	case types.DateTime2:
		return Facts{MaxLength: int16(timeBytes(t.Scale) + 3), Precision: scaledPrecision(19, t.Scale), Scale: t.Scale}
	case types.DateTimeOffset:
		return Facts{MaxLength: int16(timeBytes(t.Scale) + 5), Precision: scaledPrecision(26, t.Scale), Scale: t.Scale}
	}
	for i := range SysTypes {
		st := &SysTypes[i]
		if st.SystemID == int32(t.ID) && st.UserID == st.SystemID {
			return Facts{MaxLength: st.MaxLength, Precision: st.Precision, Scale: st.Scale}
		}
	}
	return Facts{}
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

func scaledPrecision(base, scale uint8) uint8 {
	if scale == 0 {
		return base
	}
	return base + 1 + scale
}

// TypeSQL renders a type as T-SQL declares it ("varchar(11)", "decimal(10,2)").
func TypeSQL(t types.Type) string {
	n := TypeName(t)
	switch t.ID {
	case types.Char, types.VarChar, types.NChar, types.NVarChar, types.Binary, types.VarBinary:
		if t.Length == types.MaxLength {
			return n + "(max)"
		}
		return n + "(" + itoa(int64(t.Length)) + ")"
	case types.Decimal, types.Numeric:
		return n + "(" + itoa(int64(t.Precision)) + "," + itoa(int64(t.Scale)) + ")"
	case types.Time, types.DateTime2, types.DateTimeOffset:
		return n + "(" + itoa(int64(t.Scale)) + ")"
	}
	return n
}

// CharLength is the length in characters of a string type (-1 for max),
// or in bytes for binary types; 0 for others.
func CharLength(t types.Type) int64 {
	switch t.ID {
	case types.Char, types.VarChar, types.NChar, types.NVarChar, types.Binary, types.VarBinary:
		return int64(t.Length)
	case types.Text, types.Image:
		return 2147483647
	case types.NText:
		return 1073741823
	case types.XML:
		return -1
	}
	return 0
}

// OctetLength is the length in bytes of a string or binary type.
func OctetLength(t types.Type) int64 {
	switch t.ID {
	case types.NChar, types.NVarChar:
		if t.Length == types.MaxLength {
			return -1
		}
		return 2 * int64(t.Length)
	case types.NText:
		return 2147483646
	}
	return CharLength(t)
}

// IsStringType reports character types.
func IsStringType(t types.Type) bool {
	switch t.ID {
	case types.Char, types.VarChar, types.NChar, types.NVarChar, types.Text, types.NText:
		return true
	}
	return false
}

func itoa(n int64) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// ColumnTypeName is the type name sp_help and tools show for a column:
// its alias type's name when it was declared with one.
func ColumnTypeName(c *Ctx, ci ColInfo) string {
	if ci.UserType != 0 && c.DB != nil {
		if at := c.Cat.AliasTypeByID(c.DB, ci.UserType); at != nil {
			return at.Name
		}
	}
	return TypeName(ci.Type)
}
