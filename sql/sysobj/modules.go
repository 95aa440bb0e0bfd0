package sysobj

import (
	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/types"
)

// Definition is the T-SQL text of a module (view, procedure) or "".
func Definition(o *catalog.Object) string {
	switch {
	case o == nil:
		return ""
	case o.View != nil:
		return o.View.Definition
	case o.Proc != nil:
		return o.Proc.Definition
	case o.Func != nil:
		return o.Func.Definition
	case o.Trigger != nil:
		return o.Trigger.Definition
	}
	return ""
}

var extClassDesc = map[int8]string{0: "DATABASE", 1: "OBJECT_OR_COLUMN", 2: "PARAMETER", 3: "SCHEMA"}

func init() {
	define("sys", "sql_modules", `
object_id int
definition nvarchar(max) null
uses_ansi_nulls bit null
uses_quoted_identifier bit null
is_schema_bound bit null
uses_database_collation bit null
is_recompiled bit null
null_on_null_input bit null
execute_as_principal_id int null
uses_native_compilation bit null
inline_type bit null
is_inlineable bit null`, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		for _, o := range c.Cat.Objects(c.DB) {
			def := Definition(o)
			if def == "" {
				continue
			}
			rows = append(rows, []types.Value{vI(int64(o.ID)), vS(def), vB(true), vB(true), vB(false), vB(true), vB(false),
				vB(false), vN, vB(false), vB(false), vB(false)})
		}
		return rows
	})
	define("sys", "parameters", `
object_id int
name sysname null
parameter_id int
system_type_id tinyint
user_type_id int
max_length smallint
precision tinyint
scale tinyint
is_output bit
is_cursor_ref bit
has_default_value bit
is_xml_document bit
default_value sql_variant null
xml_collection_id int
is_readonly bit
is_nullable bit null
encryption_type int null
encryption_type_desc nvarchar(64) null
encryption_algorithm_name sysname null
column_encryption_key_id int null
column_encryption_key_database_name sysname null`, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		for _, o := range c.Cat.Objects(c.DB) {
			switch o.Kind {
			case catalog.KindProcedure, catalog.KindScalarFunc, catalog.KindInlineTVF, catalog.KindTableFunc:
			default:
				continue
			}
			ps := c.Env.Params(o)
			base := 1
			if len(ps) > 0 && ps[0].Return {
				base = 0 // a scalar function's return value
			}
			for i, p := range ps {
				f := TypeFacts(p.Type)
				rows = append(rows, []types.Value{vI(int64(o.ID)), vS(p.Name), vI(int64(i + base)), vI(int64(types.SystemTypeID(p.Type.ID))), vI(int64(p.Type.ID)),
					vI(int64(f.MaxLength)), vI(int64(f.Precision)), vI(int64(f.Scale)), vB(p.Output), vB(false), vB(false), vB(false),
					vN, vI(0), vB(p.ReadOnly), vB(true), vN, vN, vN, vN, vN})
			}
		}
		return rows
	})
	define("sys", "triggers", `
name sysname
object_id int
parent_class tinyint
parent_class_desc nvarchar(60) null
parent_id int
type char(2)
type_desc nvarchar(60) null
create_date datetime
modify_date datetime
is_ms_shipped bit
is_disabled bit
is_not_for_replication bit
is_instead_of_trigger bit`, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		for _, o := range objectsOf(c) {
			if o.Type != "TR" {
				continue
			}
			tr := o.Owner.Trigger
			if tr == nil {
				continue
			}
			pc, pcd := int64(1), "OBJECT_OR_COLUMN"
			if tr.Parent == 0 { // a database DDL trigger (proc/ddl_trigger.go)
				pc, pcd = 0, "DATABASE"
			}
			rows = append(rows, []types.Value{vS(o.Name), vI(int64(o.ID)), vI(pc), vS(pcd), vI(int64(tr.Parent)),
				vS("TR"), vS("SQL_TRIGGER"), vT(o.Created), vT(o.Created), vB(false), vB(tr.Disabled), vB(false), vB(tr.InsteadOf)})
		}
		return rows
	})
	define("sys", "sequences", objectCols+`
start_value sql_variant
increment sql_variant
minimum_value sql_variant null
maximum_value sql_variant null
is_cycling bit null
is_cached bit null
cache_size int null
system_type_id tinyint
user_type_id int
precision tinyint
scale tinyint
current_value sql_variant
is_exhausted bit
last_used_value sql_variant null`, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		for _, o := range objectsOf(c) {
			sq := o.Owner.Sequence
			if o.Type != "SO" || sq == nil {
				continue
			}
			t := types.Type{ID: types.TypeID(sq.TypeID), Precision: sq.Precision}
			f := TypeFacts(t)
			val := func(v int64) types.Value { return vVariantInt(t, v) }
			cache, cached := vN, vB(!sq.NoCache)
			if !sq.NoCache && sq.Cache > 0 {
				cache = vI(sq.Cache)
			}
			// current_value is the start value until the first NEXT
			// VALUE FOR; last_used_value is NULL until then.
			cur, last := val(sq.Start), vN
			curV, started := sq.Current, sq.Started
			if sc, ok := c.Env.(SequenceEnv); ok {
				// NEXT VALUE FOR advances a running value kept outside the
				// catalog object.
				if v, st, ok := sc.SequenceCurrent(c.DB, o.Owner); ok {
					curV, started = v, st
				}
			}
			if started {
				cur, last = val(curV), val(curV)
			}
			rows = append(rows, append(objectRow(o, false),
				val(sq.Start), val(sq.Increment), val(sq.Min), val(sq.Max), vB(sq.Cycle), cached, cache,
				vI(int64(sq.TypeID)), vI(int64(sq.TypeID)), vI(int64(f.Precision)), vI(int64(f.Scale)), cur, vB(false), last))
		}
		return rows
	})
	define("sys", "extended_properties", `
class tinyint
class_desc nvarchar(60) null
major_id int
minor_id int
name sysname
value sql_variant null`, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		for _, p := range c.Cat.ExtProperties(c.DB) {
			rows = append(rows, []types.Value{vI(int64(p.Class)), vS(extClassDesc[p.Class]), vI(int64(p.Major)), vI(int64(p.Minor)),
				vS(p.Name), vVariant(p.VType, p.Value)})
		}
		return rows
	})
}

// vVariantInt is an integral value of a sequence's type as sql_variant
// (decimal and numeric sequences hold scale-0 decimals).
func vVariantInt(t types.Type, v int64) types.Value {
	if t.ID == types.Decimal || t.ID == types.Numeric {
		return vVariant(t, types.DecimalCoefValue(v, 0))
	}
	return vVariant(t, vI(v))
}
