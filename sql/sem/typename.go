package sem

import (
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/types"
)

// ResolveType turns a TypeName into a types.Type. inCast selects the CAST
// default length of 30 for (n)varchar/(n)char without a length (a
// declaration defaults to 1).
func (b *Binder) ResolveType(tn *ast.TypeName, inCast bool) types.Type {
	name := strings.ToLower(tn.Name.Name)
	arg := func(i int, def int64) int64 {
		if i < len(tn.Args) {
			return tn.Args[i]
		}
		return def
	}
	defLen := int64(1)
	if inCast {
		defLen = 30
	}
	strLen := func(id types.TypeID, limit int64) types.Type {
		if tn.Max {
			if id == types.Char || id == types.NChar {
				b.fail(tn, 2716, tn.Name.Name)
			}
			return types.Type{ID: id, Length: types.MaxLength, Collation: b.env.DefaultCollation()}
		}
		n := arg(0, defLen)
		if n < 1 || n > limit {
			b.fail(tn, 131, n, "type", tn.Name.Name, limit)
		}
		t := types.Type{ID: id, Length: int32(n)}
		if id != types.Binary && id != types.VarBinary {
			t.Collation = b.env.DefaultCollation()
		}
		return t
	}
	switch name {
	case "int", "integer":
		return types.Type{ID: types.Int}
	case "bigint":
		return types.Type{ID: types.BigInt}
	case "smallint":
		return types.Type{ID: types.SmallInt}
	case "tinyint":
		return types.Type{ID: types.TinyInt}
	case "bit":
		return types.Type{ID: types.Bit}
	case "decimal", "numeric", "dec":
		p, s := arg(0, 18), arg(1, 0)
		if p < 1 || p > 38 {
			b.fail(tn, 1002, p)
		}
		if s < 0 || s > p {
			b.fail(tn, 183, s, tn.Name.Name, 0, p)
		}
		id := types.Decimal
		if name == "numeric" {
			id = types.Numeric
		}
		return types.Type{ID: id, Precision: uint8(p), Scale: uint8(s)}
	case "float", "double":
		if n := arg(0, 53); n <= 24 {
			return types.Type{ID: types.Real}
		}
		return types.Type{ID: types.Float}
	case "real":
		return types.Type{ID: types.Real}
	case "money":
		return types.Type{ID: types.Money}
	case "smallmoney":
		return types.Type{ID: types.SmallMoney}
	case "char", "character":
		return strLen(types.Char, 8000)
	case "varchar":
		return strLen(types.VarChar, 8000)
	case "nchar":
		return strLen(types.NChar, 4000)
	case "nvarchar":
		return strLen(types.NVarChar, 4000)
	case "sysname":
		return types.Type{ID: types.NVarChar, Length: 128, Collation: b.env.DefaultCollation()}
	case "text":
		return types.Type{ID: types.Text, Length: types.MaxLength, Collation: b.env.DefaultCollation()}
	case "ntext":
		return types.Type{ID: types.NText, Length: types.MaxLength, Collation: b.env.DefaultCollation()}
	case "binary":
		return strLen(types.Binary, 8000)
	case "varbinary":
		return strLen(types.VarBinary, 8000)
	case "image":
		return types.Type{ID: types.Image, Length: types.MaxLength}
	case "date":
		return types.Type{ID: types.Date}
	case "time":
		return types.Type{ID: types.Time, Scale: uint8(arg(0, 7))}
	case "datetime":
		return types.Type{ID: types.DateTime}
	case "datetime2":
		return types.Type{ID: types.DateTime2, Scale: uint8(arg(0, 7))}
	case "smalldatetime":
		return types.Type{ID: types.SmallDateTime}
	case "datetimeoffset":
		return types.Type{ID: types.DateTimeOffset, Scale: uint8(arg(0, 7))}
	case "uniqueidentifier":
		return types.Type{ID: types.UniqueIdentifier}
	case "xml":
		return types.Type{ID: types.XML, Length: types.MaxLength}
	case "sql_variant":
		return types.Type{ID: types.SQLVariant}
	case "timestamp", "rowversion":
		return types.Type{ID: types.Timestamp, Length: 8}
	case "hierarchyid":
		return types.TypeHierarchyID
	case "geometry":
		return types.TypeGeometry
	case "geography":
		return types.TypeGeography
	}
	if t, ok := b.aliasType(tn); ok {
		return t
	}
	b.fail(tn, 2715, 1, tn.Name.Name)
	return types.Type{}
}
