package sysobj

import (
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/types"
)

// Obj is one row of sys.objects: a catalog object, or a constraint of a
// table (SQL Server gives PRIMARY KEY, UNIQUE, FOREIGN KEY, CHECK and
// DEFAULT constraints object ids of their own).
type Obj struct {
	ID       int32
	Name     string
	Schema   string
	SchemaID int32
	Parent   int32
	Type     string // sys.objects.type without padding: U, V, P, PK …
	Created  time.Time
	// Owner is the catalog object (the table for a constraint).
	Owner *catalog.Object
	Index *catalog.Index      // PK, UQ
	Check *catalog.Check      // C
	FK    *catalog.ForeignKey // F
	// Column is the column ordinal of a DEFAULT constraint (D).
	Column int
}

// firstObjectID mirrors catalog's first user object id: constraint ids are
// laid out above every id the catalog can allocate.
const firstObjectID = 100000

// constraintID derives a constraint's object id from its table's id and
// its ordinal among the table's constraints (indexes, then checks, then
// foreign keys, then defaults). Bit 30 keeps it clear of catalog ids.
func constraintID(parent int32, ord int) int32 {
	return 1<<30 | ((parent-firstObjectID)&0x3FFFFF)<<8 | int32(ord&0xFF)
}

var typeDescs = map[string]string{
	"U": "USER_TABLE", "V": "VIEW", "P": "SQL_STORED_PROCEDURE", "PK": "PRIMARY_KEY_CONSTRAINT",
	"UQ": "UNIQUE_CONSTRAINT", "F": "FOREIGN_KEY_CONSTRAINT", "C": "CHECK_CONSTRAINT",
	"D": "DEFAULT_CONSTRAINT", "TR": "SQL_TRIGGER", "FN": "SQL_SCALAR_FUNCTION",
	"IF": "SQL_INLINE_TABLE_VALUED_FUNCTION", "TF": "SQL_TABLE_VALUED_FUNCTION",
	"SO": "SEQUENCE_OBJECT", "S": "SYSTEM_TABLE", "IT": "INTERNAL_TABLE", "SN": "SYNONYM",
	"TT": "TYPE_TABLE", "X": "EXTENDED_STORED_PROCEDURE", "PC": "CLR_STORED_PROCEDURE",
}

// TypeDesc is sys.objects.type_desc of a type code.
func TypeDesc(t string) string { return typeDescs[strings.TrimSpace(t)] }

// Objects lists the objects of d as sys.objects does, in object id order.
func Objects(cat *catalog.Catalog, d *catalog.Database) []Obj {
	var out []Obj
	for _, o := range cat.Objects(d) {
		sid, _ := d.SchemaID(o.Schema)
		x := Obj{ID: o.ID, Name: o.Name, Schema: o.Schema, SchemaID: sid, Type: string(o.Kind), Created: o.Created, Owner: o}
		if o.Trigger != nil {
			x.Parent = o.Trigger.Parent // a DML trigger's parent is its table or view
		}
		out = append(out, x)
		if o.Table == nil {
			continue
		}
		out = append(out, constraints(d, o)...)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// objectsOf lists the objects a view reads: the database's, plus the
// reading session's #temp tables when the database is tempdb (where SQL
// Server lists them).
func objectsOf(c *Ctx) []Obj {
	out := Objects(c.Cat, c.DB)
	if c.DB == nil || c.DB.ID != catalog.TempDBID || c.Env == nil {
		return out
	}
	var temps []Obj
	for _, o := range c.Env.TempTables() {
		temps = append(temps, Obj{ID: o.ID, Name: o.Name, Schema: "dbo", SchemaID: catalog.SchemaDBO, Type: "U", Created: o.Created, Owner: o})
		temps = append(temps, constraints(c.DB, o)...)
	}
	return append(temps, out...)
}

// constraints lists a table's constraint objects.
func constraints(d *catalog.Database, o *catalog.Object) []Obj {
	sid, _ := d.SchemaID(o.Schema)
	var out []Obj
	ord := 0
	add := func(x Obj) {
		ord++
		x.ID, x.Schema, x.SchemaID, x.Parent, x.Created, x.Owner = constraintID(o.ID, ord), o.Schema, sid, o.ID, o.Created, o
		out = append(out, x)
	}
	t := o.Table
	for i := range t.Indexes {
		ix := &t.Indexes[i]
		if !ix.Constraint {
			continue
		}
		typ := "UQ"
		if ix.Primary {
			typ = "PK"
		}
		add(Obj{Name: ix.Name, Type: typ, Index: ix})
	}
	for i := range t.Checks {
		add(Obj{Name: t.Checks[i].Name, Type: "C", Check: &t.Checks[i]})
	}
	for i := range t.ForeignKeys {
		add(Obj{Name: t.ForeignKeys[i].Name, Type: "F", FK: &t.ForeignKeys[i]})
	}
	for i := range t.Columns {
		if t.Columns[i].Default != "" {
			add(Obj{Name: t.Columns[i].DefaultName, Type: "D", Column: i})
		}
	}
	return out
}

// FindObject resolves a one- to three-part object name in the current
// database (or the named one), including constraints, the way OBJECT_ID
// does. It returns the database and the object, ok=false when absent.
func FindObject(cat *catalog.Catalog, cur *catalog.Database, dbName, schema, name string) (*catalog.Database, Obj, bool) {
	d := cur
	if dbName != "" {
		if d = cat.Database(dbName); d == nil {
			return nil, Obj{}, false
		}
	}
	if schema == "" {
		schema = "dbo"
	}
	if o := cat.Object(d, schema, name); o != nil {
		sid, _ := d.SchemaID(o.Schema)
		return d, Obj{ID: o.ID, Name: o.Name, Schema: o.Schema, SchemaID: sid, Type: string(o.Kind), Created: o.Created, Owner: o}, true
	}
	if v := Lookup(schema, name); v != nil {
		return d, viewObj(v), true
	}
	// Constraints share the schema's name space with tables.
	for _, o := range cat.Objects(d) {
		if o.Table == nil || !strings.EqualFold(o.Schema, schema) {
			continue
		}
		for _, c := range constraints(d, o) {
			if strings.EqualFold(c.Name, name) {
				return d, c, true
			}
		}
	}
	return d, Obj{}, false
}

// ObjectByID finds an object (or constraint, or system view) by id.
func ObjectByID(cat *catalog.Catalog, d *catalog.Database, id int32) (Obj, bool) {
	if id < 0 {
		for _, v := range sortedViews() {
			if ViewID(v) == id {
				return viewObj(v), true
			}
		}
		return Obj{}, false
	}
	if id&(1<<30) != 0 {
		parent := firstObjectID + (id>>8)&0x3FFFFF
		if o := cat.ObjectByID(d, parent); o != nil && o.Table != nil {
			for _, c := range constraints(d, o) {
				if c.ID == id {
					return c, true
				}
			}
		}
		return Obj{}, false
	}
	o := cat.ObjectByID(d, id)
	if o == nil {
		return Obj{}, false
	}
	sid, _ := d.SchemaID(o.Schema)
	return Obj{ID: o.ID, Name: o.Name, Schema: o.Schema, SchemaID: sid, Type: string(o.Kind), Created: o.Created, Owner: o}, true
}

// sortedViews lists the system views in a fixed order (their ids).
func sortedViews() []*View {
	vs := Views()
	sort.Slice(vs, func(i, j int) bool {
		return strings.ToLower(vs[i].Schema+"."+vs[i].Name) < strings.ToLower(vs[j].Schema+"."+vs[j].Name)
	})
	return vs
}

var (
	viewIDsOnce sync.Once
	viewIDs     map[*View]int32
)

// ViewID is a system view's object id: negative, as SQL Server's system
// objects are, and stable for a given build.
func ViewID(v *View) int32 {
	viewIDsOnce.Do(func() {
		viewIDs = map[*View]int32{}
		for i, w := range sortedViews() {
			viewIDs[w] = -(1000 + int32(i)*7)
		}
	})
	return viewIDs[v]
}

func viewObj(v *View) Obj {
	sid := int32(catalog.SchemaSys)
	schema := "sys"
	if strings.EqualFold(v.Schema, "INFORMATION_SCHEMA") {
		sid, schema = catalog.SchemaInformationSchema, "INFORMATION_SCHEMA"
	}
	typ := "V"
	if v.Func != "" {
		typ = v.Func
	}
	return Obj{ID: ViewID(v), Name: v.Name, Schema: schema, SchemaID: sid, Type: typ, Created: serverEpoch}
}

// serverEpoch stands for the create_date of system objects (they exist
// as long as the build does).
var serverEpoch = time.Date(2022, 10, 8, 0, 0, 0, 0, time.UTC)

func pad2(t string) string {
	if len(t) == 1 {
		return t + " "
	}
	return t
}

const objectCols = `
name sysname
object_id int
principal_id int null
schema_id int
parent_object_id int
type char(2) null
type_desc nvarchar(60) null
create_date datetime
modify_date datetime
is_ms_shipped bit
is_published bit
is_schema_published bit`

func objectRow(o Obj, shipped bool) []types.Value {
	return []types.Value{vS(o.Name), vI(int64(o.ID)), vN, vI(int64(o.SchemaID)), vI(int64(o.Parent)),
		vS(pad2(o.Type)), vS(TypeDesc(o.Type)), vT(o.Created), vT(o.Created), vB(shipped), vB(false), vB(false)}
}

func init() {
	define("sys", "objects", objectCols, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		for _, o := range objectsOf(c) {
			rows = append(rows, objectRow(o, false))
		}
		return rows
	})
	define("sys", "all_objects", objectCols, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		for _, v := range sortedViews() {
			rows = append(rows, objectRow(viewObj(v), true))
		}
		for _, o := range objectsOf(c) {
			rows = append(rows, objectRow(o, false))
		}
		return rows
	})
	define("sys", "system_objects", objectCols, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		for _, v := range sortedViews() {
			rows = append(rows, objectRow(viewObj(v), true))
		}
		return rows
	})
	define("sys", "tables", objectCols+`
lob_data_space_id int
filestream_data_space_id int null
max_column_id_used int
lock_on_bulk_load bit
uses_ansi_nulls bit null
is_replicated bit null
has_replication_filter bit null
is_merge_published bit null
is_sync_tran_subscribed bit null
has_unchecked_assembly_data bit
text_in_row_limit int null
large_value_types_out_of_row bit null
is_tracked_by_cdc bit null
lock_escalation tinyint null
lock_escalation_desc nvarchar(60) null
is_filetable bit null
is_memory_optimized bit null
durability tinyint null
durability_desc nvarchar(60) null
temporal_type tinyint null
temporal_type_desc nvarchar(60) null
history_table_id int null
is_remote_data_archive_enabled bit null
is_external bit
history_retention_period int null
history_retention_period_unit int null
history_retention_period_unit_desc nvarchar(10) null
is_node bit null
is_edge bit null
data_retention_period int null
data_retention_period_unit int null
data_retention_period_unit_desc nvarchar(10) null
ledger_type tinyint null
ledger_type_desc nvarchar(60) null
ledger_view_id int null
is_dropped_ledger_table bit null`, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		for _, o := range objectsOf(c) {
			if o.Type != "U" {
				continue
			}
			lob := int64(0)
			for _, col := range o.Owner.Table.Columns {
				if col.Type.Length == types.MaxLength {
					lob = 1
				}
			}
			r := objectRow(o, false)
			r = append(r, vI(lob), vN, vI(int64(len(o.Owner.Table.Columns))), vB(false), vB(true),
				vB(false), vB(false), vB(false), vB(false), vB(false), vI(0), vB(false), vB(false),
				vI(0), vS("TABLE"), vB(false), vB(false), vI(0), vS("SCHEMA_AND_DATA"), vI(0),
				vS("NON_TEMPORAL_TABLE"), vN, vB(false), vB(false), vN, vN, vN, vB(false), vB(false),
				vI(-1), vI(-1), vS("INFINITE"), vI(0), vS("NON_LEDGER_TABLE"), vN, vB(false))
			rows = append(rows, r)
		}
		return rows
	})
	define("sys", "views", objectCols+`
is_replicated bit null
has_replication_filter bit null
has_opaque_metadata bit
has_unchecked_assembly_data bit
with_check_option bit
is_date_correlation_view bit
is_tracked_by_cdc bit null
has_snapshot bit null
ledger_view_type tinyint null
ledger_view_type_desc nvarchar(60) null
is_dropped_ledger_view bit null`, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		for _, o := range objectsOf(c) {
			if o.Type != "V" {
				continue
			}
			check := strings.Contains(strings.ToUpper(o.Owner.View.Definition), "WITH CHECK OPTION")
			r := objectRow(o, false)
			r = append(r, vB(false), vB(false), vB(false), vB(false), vB(check), vB(false), vB(false), vB(false), vI(0), vS("NON_LEDGER_VIEW"), vB(false))
			rows = append(rows, r)
		}
		return rows
	})
	define("sys", "procedures", objectCols+`
is_auto_executed bit
is_execution_replicated bit null
is_repl_serializable_only bit null
skips_repl_constraints bit null`, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		for _, o := range objectsOf(c) {
			if o.Type != "P" {
				continue
			}
			rows = append(rows, append(objectRow(o, false), vB(false), vB(false), vB(false), vB(false)))
		}
		return rows
	})
	define("dbo", "sysobjects", `
name sysname
id int
xtype char(2)
uid smallint null
info smallint null
status int null
base_schema_ver int null
replinfo int null
parent_obj int
crdate datetime
ftcatid smallint null
schema_ver int null
stats_schema_ver int null
type char(2) null
userstat smallint null
sysstat smallint null
indexdel smallint null
refdate datetime
version int null
deltrig int null
instrig int null
updtrig int null
seltrig int null
category int null
cache smallint null`, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		for _, o := range objectsOf(c) {
			typ := o.Type
			if typ == "PK" || typ == "UQ" {
				typ = "K"
			}
			rows = append(rows, []types.Value{vS(o.Name), vI(int64(o.ID)), vS(pad2(o.Type)), vI(int64(o.SchemaID)), vI(0),
				vI(0), vI(0), vI(0), vI(int64(o.Parent)), vT(o.Created), vI(0), vI(0), vI(0), vS(pad2(typ)),
				vI(0), vI(sysstat(o.Type)), vI(0), vT(o.Created), vI(0), vI(0), vI(0), vI(0), vI(0), vI(0), vI(0)})
		}
		return rows
	})
}

// sysstat is sysobjects.sysstat: its low four bits encode the object type
// as in SQL Server 2000 (scripts test "sysstat & 0xf = 3" for tables).
func sysstat(t string) int64 {
	switch t {
	case "S":
		return 1
	case "V":
		return 2
	case "U":
		return 3
	case "P", "X", "RF", "PC":
		return 4
	case "D":
		return 6
	case "R":
		return 7
	case "TR":
		return 8
	}
	return 0
}
