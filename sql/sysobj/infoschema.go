package sysobj

import (
	"strings"

	"github.com/tsqld/tsqld/sql/types"
)

// typeInfo returns the INFORMATION_SCHEMA type columns of t:
// CHARACTER_MAXIMUM_LENGTH, CHARACTER_OCTET_LENGTH, NUMERIC_PRECISION,
// NUMERIC_PRECISION_RADIX, NUMERIC_SCALE, DATETIME_PRECISION.
func typeInfo(t types.Type) []types.Value {
	out := []types.Value{vN, vN, vN, vN, vN, vN}
	switch t.ID {
	case types.Char, types.VarChar, types.NChar, types.NVarChar, types.Binary, types.VarBinary, types.Text, types.NText, types.Image, types.XML:
		out[0], out[1] = vI(CharLength(t)), vI(OctetLength(t))
	case types.TinyInt, types.SmallInt, types.Int, types.BigInt, types.Decimal, types.Numeric, types.Money, types.SmallMoney:
		f := TypeFacts(t)
		out[2], out[3], out[4] = vI(int64(f.Precision)), vI(10), vI(int64(f.Scale))
	case types.Float, types.Real:
		out[2], out[3] = vI(int64(TypeFacts(t).Precision)), vI(2)
	case types.HierarchyID, types.Geometry, types.Geography:
		// CLR types report their max_length (892, or -1 unlimited).
		n := vI(int64(TypeFacts(t).MaxLength))
		out[0], out[1] = n, n
	case types.DateTime:
		out[5] = vI(3)
	case types.SmallDateTime, types.Date:
		out[5] = vI(0)
	case types.Time, types.DateTime2, types.DateTimeOffset:
		out[5] = vI(int64(t.Scale))
	}
	return out
}

func charsetName(t types.Type) types.Value {
	switch t.ID {
	case types.NChar, types.NVarChar, types.NText:
		return vS("UNICODE")
	case types.Char, types.VarChar, types.Text:
		return vS("iso_1")
	}
	return vN
}

func nullableText(b bool) string {
	if b {
		return "YES"
	}
	return "NO"
}

var constraintTypes = map[string]string{"PK": "PRIMARY KEY", "UQ": "UNIQUE", "F": "FOREIGN KEY", "C": "CHECK"}

func init() {
	define("INFORMATION_SCHEMA", "TABLES", `
TABLE_CATALOG nvarchar(128) null
TABLE_SCHEMA sysname null
TABLE_NAME sysname
TABLE_TYPE varchar(10) null`, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		for _, o := range userObjects(c) {
			typ := "BASE TABLE"
			if o.Type == "V" {
				typ = "VIEW"
			}
			rows = append(rows, []types.Value{vS(c.DB.Name), vS(o.Schema), vS(o.Name), vS(typ)})
		}
		return rows
	})
	define("INFORMATION_SCHEMA", "COLUMNS", `
TABLE_CATALOG nvarchar(128) null
TABLE_SCHEMA nvarchar(128) null
TABLE_NAME sysname
COLUMN_NAME sysname null
ORDINAL_POSITION int null
COLUMN_DEFAULT nvarchar(4000) null
IS_NULLABLE varchar(3) null
DATA_TYPE nvarchar(128) null
CHARACTER_MAXIMUM_LENGTH int null
CHARACTER_OCTET_LENGTH int null
NUMERIC_PRECISION tinyint null
NUMERIC_PRECISION_RADIX smallint null
NUMERIC_SCALE int null
DATETIME_PRECISION smallint null
CHARACTER_SET_CATALOG sysname null
CHARACTER_SET_SCHEMA sysname null
CHARACTER_SET_NAME sysname null
COLLATION_CATALOG sysname null
COLLATION_SCHEMA sysname null
COLLATION_NAME sysname null
DOMAIN_CATALOG nvarchar(128) null
DOMAIN_SCHEMA sysname null
DOMAIN_NAME sysname null`, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		for _, o := range userObjects(c) {
			for _, ci := range ColumnsOf(c, o) {
				def := vN
				if ci.DefaultText != "" {
					def = vS(parenthesize(ci.DefaultText))
				}
				coll := vN
				if IsStringType(ci.Type) {
					coll = collationName(c, ci.Type)
				}
				r := []types.Value{vS(c.DB.Name), vS(o.Schema), vS(o.Name), vS(ci.Name), vI(int64(ci.ID)), def,
					vS(nullableText(ci.Nullable)), vS(TypeName(ci.Type))}
				r = append(r, typeInfo(ci.Type)...)
				dom := []types.Value{vN, vN, vN}
				if ci.UserType != 0 {
					if at := c.Cat.AliasTypeByID(c.DB, ci.UserType); at != nil {
						dom = []types.Value{vS(c.DB.Name), vS(at.Schema), vS(at.Name)}
					}
				}
				r = append(r, vN, vN, charsetName(ci.Type), vN, vN, coll)
				r = append(r, dom...)
				rows = append(rows, r)
			}
		}
		return rows
	})
	define("INFORMATION_SCHEMA", "VIEWS", `
TABLE_CATALOG nvarchar(128) null
TABLE_SCHEMA nvarchar(128) null
TABLE_NAME sysname
VIEW_DEFINITION nvarchar(4000) null
CHECK_OPTION varchar(7) null
IS_UPDATABLE varchar(2) null`, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		for _, o := range userObjects(c) {
			if o.Type != "V" {
				continue
			}
			def := o.Owner.View.Definition
			if len([]rune(def)) > 4000 {
				def = string([]rune(def)[:4000])
			}
			check := "NONE"
			if strings.Contains(strings.ToUpper(def), "WITH CHECK OPTION") {
				check = "CASCADE"
			}
			rows = append(rows, []types.Value{vS(c.DB.Name), vS(o.Schema), vS(o.Name), vS(def), vS(check), vS("NO")})
		}
		return rows
	})
	define("INFORMATION_SCHEMA", "ROUTINES", `
SPECIFIC_CATALOG nvarchar(128) null
SPECIFIC_SCHEMA nvarchar(128) null
SPECIFIC_NAME sysname
ROUTINE_CATALOG nvarchar(128) null
ROUTINE_SCHEMA nvarchar(128) null
ROUTINE_NAME sysname
ROUTINE_TYPE nvarchar(20) null
MODULE_CATALOG sysname null
MODULE_SCHEMA sysname null
MODULE_NAME sysname null
UDT_CATALOG sysname null
UDT_SCHEMA sysname null
UDT_NAME sysname null
DATA_TYPE sysname null
CHARACTER_MAXIMUM_LENGTH int null
CHARACTER_OCTET_LENGTH int null
COLLATION_CATALOG sysname null
COLLATION_SCHEMA sysname null
COLLATION_NAME sysname null
CHARACTER_SET_CATALOG sysname null
CHARACTER_SET_SCHEMA sysname null
CHARACTER_SET_NAME sysname null
NUMERIC_PRECISION smallint null
NUMERIC_PRECISION_RADIX smallint null
NUMERIC_SCALE smallint null
DATETIME_PRECISION smallint null
INTERVAL_TYPE nvarchar(30) null
INTERVAL_PRECISION smallint null
TYPE_UDT_CATALOG sysname null
TYPE_UDT_SCHEMA sysname null
TYPE_UDT_NAME sysname null
SCOPE_CATALOG sysname null
SCOPE_SCHEMA sysname null
SCOPE_NAME sysname null
MAXIMUM_CARDINALITY bigint null
DTD_IDENTIFIER sysname null
ROUTINE_BODY nvarchar(30) null
ROUTINE_DEFINITION nvarchar(4000) null
EXTERNAL_NAME sysname null
EXTERNAL_LANGUAGE nvarchar(30) null
PARAMETER_STYLE nvarchar(30) null
IS_DETERMINISTIC nvarchar(10) null
SQL_DATA_ACCESS nvarchar(30) null
IS_NULL_CALL nvarchar(10) null
SQL_PATH sysname null
SCHEMA_LEVEL_ROUTINE nvarchar(10) null
MAX_DYNAMIC_RESULT_SETS smallint null
IS_USER_DEFINED_CAST nvarchar(10) null
IS_IMPLICITLY_INVOCABLE nvarchar(10) null
CREATED datetime
LAST_ALTERED datetime`, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		for _, o := range objectsOf(c) {
			if o.Type != "P" && o.Type != "FN" && o.Type != "IF" && o.Type != "TF" {
				continue
			}
			typ := "PROCEDURE"
			if o.Type != "P" {
				typ = "FUNCTION"
			}
			def := Definition(o.Owner)
			if len([]rune(def)) > 4000 {
				def = string([]rune(def)[:4000])
			}
			r := []types.Value{vS(c.DB.Name), vS(o.Schema), vS(o.Name), vS(c.DB.Name), vS(o.Schema), vS(o.Name), vS(typ)}
			for i := 0; i < 29; i++ {
				r = append(r, vN)
			}
			// DATA_TYPE and its facets describe a function's result:
			// the scalar return type, or TABLE for table-valued ones.
			access := "MODIFIES"
			switch o.Type {
			case "IF", "TF":
				r[13], access = vS("TABLE"), "READS"
			case "FN":
				access = "READS"
				if ps := c.Env.Params(o.Owner); len(ps) > 0 && ps[0].Return {
					t := ps[0].Type
					ti := typeInfo(t)
					r[13], r[14], r[15], r[22], r[23], r[24], r[25] = vS(TypeName(t)), ti[0], ti[1], ti[2], ti[3], ti[4], ti[5]
					if IsStringType(t) {
						r[18], r[21] = collationName(c, t), charsetName(t)
					}
				}
			}
			r = append(r, vS("SQL"), vS(def), vN, vN, vN, vS("NO"), vS(access), vN, vN, vS("YES"), vI(-1), vS("NO"), vS("NO"),
				vT(o.Created), vT(o.Created))
			rows = append(rows, r)
		}
		return rows
	})
	define("INFORMATION_SCHEMA", "PARAMETERS", `
SPECIFIC_CATALOG nvarchar(128) null
SPECIFIC_SCHEMA nvarchar(128) null
SPECIFIC_NAME sysname
ORDINAL_POSITION int
PARAMETER_MODE nvarchar(10) null
IS_RESULT nvarchar(10) null
AS_LOCATOR nvarchar(10) null
PARAMETER_NAME sysname null
DATA_TYPE nvarchar(128) null
CHARACTER_MAXIMUM_LENGTH int null
CHARACTER_OCTET_LENGTH int null
COLLATION_CATALOG sysname null
COLLATION_SCHEMA sysname null
COLLATION_NAME sysname null
CHARACTER_SET_CATALOG sysname null
CHARACTER_SET_SCHEMA sysname null
CHARACTER_SET_NAME sysname null
NUMERIC_PRECISION tinyint null
NUMERIC_PRECISION_RADIX smallint null
NUMERIC_SCALE int null
DATETIME_PRECISION smallint null
INTERVAL_TYPE nvarchar(30) null
INTERVAL_PRECISION smallint null
USER_DEFINED_TYPE_CATALOG sysname null
USER_DEFINED_TYPE_SCHEMA sysname null
USER_DEFINED_TYPE_NAME sysname null
SCOPE_CATALOG sysname null
SCOPE_SCHEMA sysname null
SCOPE_NAME sysname null`, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		for _, o := range objectsOf(c) {
			if o.Type != "P" && o.Type != "FN" && o.Type != "IF" && o.Type != "TF" {
				continue
			}
			ps := c.Env.Params(o.Owner)
			base := 1
			if len(ps) > 0 && ps[0].Return {
				base = 0
			}
			for i, p := range ps {
				mode, isResult := "IN", "NO"
				if p.Return {
					mode, isResult = "OUT", "YES"
				} else if p.Output {
					mode = "INOUT"
				}
				ti := typeInfo(p.Type)
				coll := vN
				if IsStringType(p.Type) {
					coll = collationName(c, p.Type)
				}
				r := []types.Value{vS(c.DB.Name), vS(o.Schema), vS(o.Name), vI(int64(i + base)), vS(mode), vS(isResult), vS("NO"),
					vS(p.Name), vS(TypeName(p.Type)), ti[0], ti[1], vN, vN, coll, vN, vN, charsetName(p.Type), ti[2], ti[3], ti[4], ti[5]}
				r = append(r, vN, vN, vN, vN, vN, vN, vN, vN)
				rows = append(rows, r)
			}
		}
		return rows
	})
	define("INFORMATION_SCHEMA", "TABLE_CONSTRAINTS", `
CONSTRAINT_CATALOG nvarchar(128) null
CONSTRAINT_SCHEMA sysname null
CONSTRAINT_NAME sysname
TABLE_CATALOG nvarchar(128) null
TABLE_SCHEMA sysname null
TABLE_NAME sysname
CONSTRAINT_TYPE varchar(11) null
IS_DEFERRABLE varchar(2)
INITIALLY_DEFERRED varchar(2)`, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		for _, o := range objectsOf(c) {
			ct, ok := constraintTypes[o.Type]
			if !ok {
				continue
			}
			rows = append(rows, []types.Value{vS(c.DB.Name), vS(o.Schema), vS(o.Name), vS(c.DB.Name), vS(o.Schema), vS(o.Owner.Name),
				vS(ct), vS("NO"), vS("NO")})
		}
		return rows
	})
	define("INFORMATION_SCHEMA", "KEY_COLUMN_USAGE", `
CONSTRAINT_CATALOG nvarchar(128) null
CONSTRAINT_SCHEMA sysname null
CONSTRAINT_NAME sysname
TABLE_CATALOG nvarchar(128) null
TABLE_SCHEMA sysname null
TABLE_NAME sysname
COLUMN_NAME nvarchar(128) null
ORDINAL_POSITION int null`, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		for _, o := range objectsOf(c) {
			var cols []int
			switch o.Type {
			case "PK", "UQ":
				for _, ic := range o.Index.Columns {
					cols = append(cols, ic.Column)
				}
			case "F":
				cols = o.FK.Columns
			default:
				continue
			}
			for i, col := range cols {
				rows = append(rows, []types.Value{vS(c.DB.Name), vS(o.Schema), vS(o.Name), vS(c.DB.Name), vS(o.Schema), vS(o.Owner.Name),
					vS(o.Owner.Table.Columns[col].Name), vI(int64(i + 1))})
			}
		}
		return rows
	})
	define("INFORMATION_SCHEMA", "REFERENTIAL_CONSTRAINTS", `
CONSTRAINT_CATALOG nvarchar(128) null
CONSTRAINT_SCHEMA sysname null
CONSTRAINT_NAME sysname
UNIQUE_CONSTRAINT_CATALOG nvarchar(128) null
UNIQUE_CONSTRAINT_SCHEMA sysname null
UNIQUE_CONSTRAINT_NAME sysname null
MATCH_OPTION varchar(7) null
UPDATE_RULE varchar(11) null
DELETE_RULE varchar(11) null`, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		for _, o := range objectsOf(c) {
			if o.Type != "F" {
				continue
			}
			uname, uschema := vN, vN
			if ref := c.Cat.ObjectByID(c.DB, o.FK.RefObject); ref != nil && ref.Table != nil {
				id := matchingKey(ref.Table, o.FK.RefColumns)
				for _, ix := range ref.Table.Indexes {
					if ix.ID == id {
						uname, uschema = vS(ix.Name), vS(ref.Schema)
					}
				}
			}
			rule := func(a string) string {
				if a == "" {
					return "NO ACTION"
				}
				return strings.ToUpper(a)
			}
			rows = append(rows, []types.Value{vS(c.DB.Name), vS(o.Schema), vS(o.Name), vS(c.DB.Name), uschema, uname, vS("SIMPLE"),
				vS(rule(o.FK.OnUpdate)), vS(rule(o.FK.OnDelete))})
		}
		return rows
	})
	define("INFORMATION_SCHEMA", "CHECK_CONSTRAINTS", `
CONSTRAINT_CATALOG nvarchar(128) null
CONSTRAINT_SCHEMA sysname null
CONSTRAINT_NAME sysname
CHECK_CLAUSE nvarchar(4000) null`, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		for _, o := range objectsOf(c) {
			if o.Type == "C" {
				rows = append(rows, []types.Value{vS(c.DB.Name), vS(o.Schema), vS(o.Name), vS(parenthesize(o.Check.Expr))})
			}
		}
		return rows
	})
	define("INFORMATION_SCHEMA", "SCHEMATA", `
CATALOG_NAME sysname null
SCHEMA_NAME nvarchar(128)
SCHEMA_OWNER nvarchar(128) null
DEFAULT_CHARACTER_SET_CATALOG varchar(6) null
DEFAULT_CHARACTER_SET_SCHEMA varchar(3) null
DEFAULT_CHARACTER_SET_NAME sysname null`, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		for _, r := range registry["sys.schemas"].rows(c) {
			owner := "dbo"
			for _, p := range dbPrincipals {
				if int64(p.id) == r[2].I {
					owner = p.name
				}
			}
			rows = append(rows, []types.Value{vS(c.DB.Name), r[0], vS(owner), vN, vN, vS("iso_1")})
		}
		return rows
	})
}
