package sysobj

import (
	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/types"
)

// ColInfo is one column of a table or view as the column views see it.
type ColInfo struct {
	Obj      Obj
	ID       int // column_id, 1-based
	Name     string
	Type     types.Type
	Nullable bool
	Identity *catalog.Identity
	Computed string
	Default  int32 // default constraint object id, 0 = none
	// DefaultText is the DEFAULT expression text.
	DefaultText string
	UserType    int32 // alias type id, 0 = the base type
}

// ColumnsOf lists the columns of a table or view (views through Env).
func ColumnsOf(c *Ctx, o Obj) []ColInfo {
	var out []ColInfo
	switch {
	case o.Owner != nil && o.Owner.Table != nil && (o.Type == "U"):
		defaults := map[int]int32{}
		for _, k := range constraints(c.DB, o.Owner) {
			if k.Type == "D" {
				defaults[k.Column] = k.ID
			}
		}
		for i, col := range o.Owner.Table.Columns {
			out = append(out, ColInfo{Obj: o, ID: i + 1, Name: col.Name, Type: col.Type, Nullable: col.Nullable,
				Identity: col.Identity, Computed: col.Computed, Default: defaults[i], DefaultText: col.Default, UserType: col.UserType})
		}
	case o.Owner != nil && o.Type == "V" && c.Env != nil:
		for i, col := range c.Env.ViewColumns(o.Owner) {
			out = append(out, ColInfo{Obj: o, ID: i + 1, Name: col.Name, Type: col.Type, Nullable: col.Nullable})
		}
	case o.ID < 0:
		for _, v := range Views() {
			if ViewID(v) == o.ID {
				for i, col := range v.Cols {
					out = append(out, ColInfo{Obj: o, ID: i + 1, Name: col.Name, Type: col.Type, Nullable: col.Nullable})
				}
			}
		}
	}
	return out
}

// userTypeID is sys.columns.user_type_id.
func userTypeID(ci ColInfo) int64 {
	if ci.UserType != 0 {
		return int64(ci.UserType)
	}
	return int64(ci.Type.ID)
}

func collationName(c *Ctx, t types.Type) types.Value {
	if !IsStringType(t) {
		return vN
	}
	if t.Collation.Name != "" {
		return vS(t.Collation.Name)
	}
	return vS(dbCollation(c, c.DB))
}

func dbCollation(c *Ctx, d *catalog.Database) string {
	if d != nil && d.Collation != "" {
		return d.Collation
	}
	if c.Env != nil {
		return c.Env.ServerInfo().Collation
	}
	return ""
}

func ansiPadded(t types.Type) bool {
	switch t.ID {
	case types.Char, types.VarChar, types.NChar, types.NVarChar, types.Binary, types.VarBinary:
		return true
	}
	return false
}

const columnCols = `
object_id int
name sysname null
column_id int
system_type_id tinyint
user_type_id int
max_length smallint
precision tinyint
scale tinyint
collation_name sysname null
is_nullable bit null
is_ansi_padded bit
is_rowguidcol bit
is_identity bit
is_computed bit
is_filestream bit
is_replicated bit null
is_non_sql_subscribed bit null
is_merge_published bit null
is_dts_replicated bit null
is_xml_document bit
xml_collection_id int
default_object_id int
rule_object_id int
is_sparse bit null
is_column_set bit null
generated_always_type tinyint null
generated_always_type_desc nvarchar(60) null
encryption_type int null
encryption_type_desc nvarchar(64) null
encryption_algorithm_name sysname null
column_encryption_key_id int null
column_encryption_key_database_name sysname null
is_hidden bit null
is_masked bit
graph_type int null
graph_type_desc nvarchar(60) null
is_data_deletion_filter_column bit null
ledger_view_column_type int null
ledger_view_column_type_desc nvarchar(60) null
is_dropped_ledger_column bit null`

func columnRow(c *Ctx, ci ColInfo) []types.Value {
	f := TypeFacts(ci.Type)
	return []types.Value{vI(int64(ci.Obj.ID)), vS(ci.Name), vI(int64(ci.ID)), vI(int64(types.SystemTypeID(ci.Type.ID))), vI(userTypeID(ci)),
		vI(int64(f.MaxLength)), vI(int64(f.Precision)), vI(int64(f.Scale)), collationName(c, ci.Type), vB(ci.Nullable),
		vB(ansiPadded(ci.Type)), vB(false), vB(ci.Identity != nil), vB(ci.Computed != ""), vB(false), vB(false), vB(false),
		vB(false), vB(false), vB(false), vI(0), vI(int64(ci.Default)), vI(0), vB(false), vB(false), vI(0),
		vS("NOT_APPLICABLE"), vN, vN, vN, vN, vN, vB(false), vB(false), vN, vN, vB(false), vN, vN, vB(false)}
}

// userObjects lists the tables and views of the database.
func userObjects(c *Ctx) []Obj {
	var out []Obj
	for _, o := range objectsOf(c) {
		if o.Type == "U" || o.Type == "V" {
			out = append(out, o)
		}
	}
	return out
}

func seedValue(ci ColInfo, n int64) types.Value {
	t := ci.Type
	switch t.ID {
	case types.Decimal, types.Numeric:
		return vVariant(t, types.DecimalCoefValue(n, 0))
	}
	return vVariant(t, vI(n))
}

func init() {
	define("sys", "columns", columnCols, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		for _, o := range userObjects(c) {
			for _, ci := range ColumnsOf(c, o) {
				rows = append(rows, columnRow(c, ci))
			}
		}
		return rows
	})
	define("sys", "all_columns", columnCols, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		for _, v := range sortedViews() {
			for _, ci := range ColumnsOf(c, viewObj(v)) {
				rows = append(rows, columnRow(c, ci))
			}
		}
		for _, o := range userObjects(c) {
			for _, ci := range ColumnsOf(c, o) {
				rows = append(rows, columnRow(c, ci))
			}
		}
		return rows
	})
	define("sys", "identity_columns", columnCols+`
seed_value sql_variant null
increment_value sql_variant null
last_value sql_variant null
is_not_for_replication bit null`, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		for _, o := range userObjects(c) {
			for _, ci := range ColumnsOf(c, o) {
				if ci.Identity == nil {
					continue
				}
				last := vN
				if v, ok := c.Env.IdentCurrent(c.DB, o.Owner); ok {
					last = seedValue(ci, v)
				}
				rows = append(rows, append(columnRow(c, ci), seedValue(ci, ci.Identity.Seed), seedValue(ci, ci.Identity.Increment), last, vB(false)))
			}
		}
		return rows
	})
	define("sys", "computed_columns", columnCols+`
definition nvarchar(max) null
uses_database_collation bit null
is_persisted bit null`, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		for _, o := range userObjects(c) {
			for _, ci := range ColumnsOf(c, o) {
				if ci.Computed == "" {
					continue
				}
				rows = append(rows, append(columnRow(c, ci), vS(parenthesize(ci.Computed)), vB(true), vB(false)))
			}
		}
		return rows
	})
	define("dbo", "syscolumns", `
name sysname null
id int
xtype tinyint
typestat tinyint null
xusertype smallint null
length smallint
xprec tinyint
xscale tinyint
colid smallint null
xoffset smallint null
bitpos tinyint null
reserved tinyint null
colstat smallint null
cdefault int
domain int
number smallint null
colorder smallint null
autoval varbinary(8000) null
offset smallint null
collationid int null
language int null
status tinyint null
type tinyint null
usertype smallint null
printfmt varchar(255) null
prec smallint null
scale int null
iscomputed int null
isoutparam int null
isnullable int null
collation sysname null
tdscollation binary(5) null`, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		for _, o := range objectsOf(c) {
			if o.Type != "U" && o.Type != "V" && o.Type != "P" {
				continue
			}
			for _, ci := range ColumnsOf(c, o) {
				f := TypeFacts(ci.Type)
				status := int64(0)
				if ci.Nullable {
					status |= 8
				}
				if ci.Identity != nil {
					status |= 0x80
				}
				coll := vN
				if IsStringType(ci.Type) {
					coll = collationName(c, ci.Type)
				}
				prec := int64(f.Precision)
				if prec == 0 {
					prec = CharLength(ci.Type)
				}
				rows = append(rows, []types.Value{vS(ci.Name), vI(int64(o.ID)), vI(int64(types.SystemTypeID(ci.Type.ID))), vI(0), vI(userTypeID(ci)),
					vI(int64(f.MaxLength)), vI(int64(f.Precision)), vI(int64(f.Scale)), vI(int64(ci.ID)), vI(0), vI(0), vI(0), vI(0),
					vI(int64(ci.Default)), vI(0), vI(0), vI(int64(ci.ID)), vN, vI(0), vN, vI(0), vI(status), vI(int64(ci.Type.ID)),
					vI(userTypeID(ci)), vN, vI(prec), vI(int64(f.Scale)), vI(b2i(ci.Computed != "")), vI(0), vI(b2i(ci.Nullable)), coll, vN})
			}
		}
		return rows
	})
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}
