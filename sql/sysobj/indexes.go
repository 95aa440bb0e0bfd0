package sysobj

import (
	"strings"

	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/types"
)

// IndexRow is one row of sys.indexes: a real index, or the heap (index 0)
// of a table without a clustered index.
type IndexRow struct {
	Table *catalog.Object
	ID    int32
	Index *catalog.Index // nil for the heap
}

// IndexesOf lists a table's indexes in index_id order, the heap first.
func IndexesOf(o *catalog.Object) []IndexRow {
	t := o.Table
	var out []IndexRow
	if t.Clustered() == nil {
		out = append(out, IndexRow{Table: o, ID: 0})
	}
	for i := range t.Indexes {
		out = append(out, IndexRow{Table: o, ID: t.Indexes[i].ID, Index: &t.Indexes[i]})
	}
	return out
}

func indexType(ix *catalog.Index) (int64, string) {
	switch {
	case ix == nil:
		return 0, "HEAP"
	case ix.Clustered:
		return 1, "CLUSTERED"
	}
	return 2, "NONCLUSTERED"
}

// systemNamed reports a constraint name of the form SQL Server generates
// (PK__Table__1A2B3C4D5E6F7A8B).
func systemNamed(name string) bool {
	for _, p := range []string{"PK__", "UQ__", "DF__", "CK__", "FK__"} {
		if strings.HasPrefix(name, p) && strings.Count(name, "__") >= 2 {
			return true
		}
	}
	return false
}

func tables(c *Ctx) []*catalog.Object {
	var out []*catalog.Object
	for _, o := range c.Cat.Objects(c.DB) {
		if o.Kind == catalog.KindTable && o.Table != nil {
			out = append(out, o)
		}
	}
	return out
}

var refActions = map[string]struct {
	n    int64
	desc string
}{"": {0, "NO_ACTION"}, "NO ACTION": {0, "NO_ACTION"}, "CASCADE": {1, "CASCADE"}, "SET NULL": {2, "SET_NULL"}, "SET DEFAULT": {3, "SET_DEFAULT"}}

func init() {
	define("sys", "indexes", `
object_id int
name sysname null
index_id int
type tinyint
type_desc nvarchar(60) null
is_unique bit null
data_space_id int null
ignore_dup_key bit null
is_primary_key bit null
is_unique_constraint bit null
fill_factor tinyint
is_padded bit null
is_disabled bit null
is_hypothetical bit null
is_ignored_in_optimization bit null
allow_row_locks bit null
allow_page_locks bit null
has_filter bit null
filter_definition nvarchar(max) null
compression_delay int null
suppress_dup_key_messages bit null
auto_created bit null
optimize_for_sequential_key bit null`, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		for _, o := range tables(c) {
			for _, ir := range IndexesOf(o) {
				typ, desc := indexType(ir.Index)
				name, uniq, pk, uq := vN, false, false, false
				if ix := ir.Index; ix != nil {
					name, uniq, pk, uq = vS(ix.Name), ix.Unique || ix.Primary, ix.Primary, ix.Constraint && !ix.Primary
				}
				hasFilter, filter := false, vN
				if ir.Index != nil && ir.Index.Filter != "" {
					hasFilter, filter = true, vS(parenthesize(ir.Index.Filter))
				}
				rows = append(rows, []types.Value{vI(int64(o.ID)), name, vI(int64(ir.ID)), vI(typ), vS(desc), vB(uniq), vI(1),
					vB(false), vB(pk), vB(uq), vI(0), vB(false), vB(false), vB(false), vB(false), vB(true), vB(true), vB(hasFilter),
					filter, vN, vB(false), vB(false), vB(false)})
			}
		}
		return rows
	})
	define("sys", "index_columns", `
object_id int
index_id int
index_column_id int
column_id int
key_ordinal tinyint
partition_ordinal tinyint
is_descending_key bit null
is_included_column bit null
column_store_order_ordinal tinyint`, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		for _, o := range tables(c) {
			for _, ix := range o.Table.Indexes {
				for i, ic := range ix.Columns {
					rows = append(rows, []types.Value{vI(int64(o.ID)), vI(int64(ix.ID)), vI(int64(i + 1)), vI(int64(ic.Column + 1)),
						vI(int64(i + 1)), vI(0), vB(ic.Desc), vB(false), vI(0)})
				}
				// INCLUDE columns follow the key, with key_ordinal 0.
				for j, col := range ix.Included {
					rows = append(rows, []types.Value{vI(int64(o.ID)), vI(int64(ix.ID)), vI(int64(len(ix.Columns) + j + 1)), vI(int64(col + 1)),
						vI(0), vI(0), vB(false), vB(true), vI(0)})
				}
			}
		}
		return rows
	})
	define("sys", "key_constraints", objectCols+`
unique_index_id int null
is_system_named bit
is_enforced bit null`, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		for _, o := range objectsOf(c) {
			if o.Type != "PK" && o.Type != "UQ" {
				continue
			}
			rows = append(rows, append(objectRow(o, false), vI(int64(o.Index.ID)), vB(systemNamed(o.Name)), vB(true)))
		}
		return rows
	})
	define("sys", "foreign_keys", objectCols+`
referenced_object_id int null
key_index_id int null
is_disabled bit
is_not_for_replication bit
is_not_trusted bit
delete_referential_action tinyint null
delete_referential_action_desc nvarchar(60) null
update_referential_action tinyint null
update_referential_action_desc nvarchar(60) null
is_system_named bit`, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		for _, o := range objectsOf(c) {
			if o.Type != "F" {
				continue
			}
			fk := o.FK
			keyIndex := vN
			if ref := c.Cat.ObjectByID(c.DB, fk.RefObject); ref != nil && ref.Table != nil {
				keyIndex = vI(int64(matchingKey(ref.Table, fk.RefColumns)))
			}
			del, upd := refActions[strings.ToUpper(fk.OnDelete)], refActions[strings.ToUpper(fk.OnUpdate)]
			rows = append(rows, append(objectRow(o, false), vI(int64(fk.RefObject)), keyIndex, vB(false), vB(false), vB(false),
				vI(del.n), vS(del.desc), vI(upd.n), vS(upd.desc), vB(systemNamed(o.Name))))
		}
		return rows
	})
	define("sys", "foreign_key_columns", `
constraint_object_id int
constraint_column_id int
parent_object_id int
parent_column_id int
referenced_object_id int
referenced_column_id int`, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		for _, o := range objectsOf(c) {
			if o.Type != "F" {
				continue
			}
			for i, col := range o.FK.Columns {
				ref := 0
				if i < len(o.FK.RefColumns) {
					ref = o.FK.RefColumns[i]
				}
				rows = append(rows, []types.Value{vI(int64(o.ID)), vI(int64(i + 1)), vI(int64(o.Parent)), vI(int64(col + 1)),
					vI(int64(o.FK.RefObject)), vI(int64(ref + 1))})
			}
		}
		return rows
	})
	define("sys", "check_constraints", objectCols+`
is_disabled bit
is_not_for_replication bit
is_not_trusted bit
parent_column_id int
definition nvarchar(max) null
uses_database_collation bit null
is_system_named bit`, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		for _, o := range objectsOf(c) {
			if o.Type != "C" {
				continue
			}
			rows = append(rows, append(objectRow(o, false), vB(o.Check.Disabled), vB(false), vB(o.Check.NotTrusted), vI(int64(o.Check.Column)),
				vS(parenthesize(o.Check.Expr)), vB(true), vB(systemNamed(o.Name))))
		}
		return rows
	})
	define("sys", "default_constraints", objectCols+`
parent_column_id int
definition nvarchar(max) null
is_system_named bit`, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		for _, o := range objectsOf(c) {
			if o.Type != "D" {
				continue
			}
			rows = append(rows, append(objectRow(o, false), vI(int64(o.Column+1)),
				vS(parenthesize(o.Owner.Table.Columns[o.Column].Default)), vB(systemNamed(o.Name))))
		}
		return rows
	})
	define("sys", "partitions", `
partition_id bigint
object_id int
index_id int
partition_number int
hobt_id bigint
rows bigint null
filestream_filegroup_id smallint
data_compression tinyint
data_compression_desc nvarchar(60) null
xml_compression bit null
xml_compression_desc varchar(3) null`, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		for _, o := range tables(c) {
			n := c.Env.RowCount(c.DB, o)
			for _, ir := range IndexesOf(o) {
				id := int64(c.DB.ID)<<48 | int64(o.ID)<<16 | int64(ir.ID)
				rows = append(rows, []types.Value{vI(id), vI(int64(o.ID)), vI(int64(ir.ID)), vI(1), vI(id), vI(n), vI(0), vI(0), vS("NONE"), vB(false), vS("OFF")})
			}
		}
		return rows
	})
	define("dbo", "sysindexes", `
id int
status int null
first binary(6) null
indid smallint null
root binary(6) null
minlen smallint null
keycnt smallint null
groupid smallint null
dpages int null
reserved int null
used int null
rowcnt bigint null
rowmodctr int null
reserved3 int null
reserved4 int null
xmaxlen smallint null
maxirow smallint null
OrigFillFactor tinyint null
StatVersion tinyint null
reserved2 int null
FirstIAM binary(6) null
impid smallint null
lockflags smallint null
pgmodctr int null
keys varbinary(1088) null
name sysname null
statblob image null
maxlen int null
rows int null`, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		for _, o := range tables(c) {
			n := c.Env.RowCount(c.DB, o)
			for _, ir := range IndexesOf(o) {
				name, keycnt := vS(o.Name), int64(0)
				if ir.Index != nil {
					name, keycnt = vS(ir.Index.Name), int64(len(ir.Index.Columns))
				}
				status := int64(0)
				if ir.Index != nil && (ir.Index.Unique || ir.Index.Primary) {
					status |= 2
				}
				if ir.Index != nil && ir.Index.Primary {
					status |= 0x800
				}
				rows = append(rows, []types.Value{vI(int64(o.ID)), vI(status), vN, vI(int64(ir.ID)), vN, vI(0), vI(keycnt), vI(1),
					vI(0), vI(0), vI(0), vI(n), vI(0), vI(0), vI(0), vI(0), vI(0), vI(0), vI(0), vI(0), vN, vI(0), vI(0), vI(0),
					vN, name, vN, vI(8000), vI(n)})
			}
		}
		return rows
	})
}

// matchingKey is the index id of the unique index whose key columns are
// exactly cols (the key a foreign key references).
func matchingKey(t *catalog.Table, cols []int) int32 {
	for _, ix := range t.Indexes {
		if !(ix.Unique || ix.Primary) || len(ix.Columns) != len(cols) {
			continue
		}
		same := true
		for i, ic := range ix.Columns {
			if ic.Column != cols[i] {
				same = false
			}
		}
		if same {
			return ix.ID
		}
	}
	return 0
}

// CanonicalExpr, when set (by sql/proc, which may parse), renders stored
// expression text in SQL Server's normalized definition form; "" means
// the text did not parse and parenthesize's plain form is used.
var CanonicalExpr func(text string) string

// ExprDefinition is an expression as the catalog views show it (SQL Server's
// normalized, parenthesized form: d > 0 → ([d]>(0))).
func ExprDefinition(s string) string { return parenthesize(s) }

// parenthesize renders a stored expression as SQL Server shows
// definitions: normalized and wrapped in parentheses.

func parenthesize(s string) string {
	if CanonicalExpr != nil {
		if c := CanonicalExpr(s); c != "" {
			return c
		}
	}
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") && balanced(s[1:len(s)-1]) {
		return s
	}
	return "(" + s + ")"
}

func balanced(s string) bool {
	d := 0
	for _, r := range s {
		switch r {
		case '(':
			d++
		case ')':
			d--
			if d < 0 {
				return false
			}
		}
	}
	return d == 0
}
