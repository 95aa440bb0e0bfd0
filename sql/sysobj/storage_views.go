package sysobj

import (
	"github.com/tsqld/tsqld/sql/types"
)

const viewCols = objectCols + `
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
is_dropped_ledger_view bit null`

func systemViewRows() [][]types.Value {
	var rows [][]types.Value
	for _, v := range sortedViews() {
		r := objectRow(viewObj(v), true)
		r = append(r, vB(false), vB(false), vB(false), vB(false), vB(false), vB(false), vB(false), vB(false), vI(0), vS("NON_LEDGER_VIEW"), vB(false))
		rows = append(rows, r)
	}
	return rows
}

func init() {
	// Every table and index lives in the one PRIMARY filegroup: the
	// storage engine has no filegroups, and this is how SQL Server
	// describes a database that never created any.
	define("sys", "data_spaces", `
name sysname
data_space_id int
type char(2)
type_desc nvarchar(60) null
is_default bit
is_system bit null`, func(c *Ctx) [][]types.Value {
		return [][]types.Value{{vS("PRIMARY"), vI(1), vS("FG"), vS("ROWS_FILEGROUP"), vB(true), vB(false)}}
	})
	define("sys", "filegroups", `
name sysname
data_space_id int
type char(2)
type_desc nvarchar(60) null
is_default bit
is_system bit null
filegroup_guid uniqueidentifier null
log_filegroup_id int null
is_read_only bit null
is_autogrow_all_files bit null`, func(c *Ctx) [][]types.Value {
		return [][]types.Value{{vS("PRIMARY"), vI(1), vS("FG"), vS("ROWS_FILEGROUP"), vB(true), vB(false), vN, vN, vB(false), vB(false)}}
	})
	define("sys", "synonyms", objectCols+`
base_object_name nvarchar(1035) null`, func(c *Ctx) [][]types.Value {
		// The catalog has no synonyms.
		return nil
	})
	define("sys", "table_types", `
name sysname
system_type_id tinyint
user_type_id int
schema_id int
principal_id int null
max_length smallint
precision tinyint
scale tinyint
collation_name sysname null
is_nullable bit null
is_user_defined bit
is_assembly_type bit
default_object_id int
rule_object_id int
is_table_type bit
type_table_object_id int
is_memory_optimized bit null`, func(c *Ctx) [][]types.Value {
		// The catalog has no table types.
		return nil
	})
	define("sys", "system_views", viewCols, func(c *Ctx) [][]types.Value { return systemViewRows() })
	define("sys", "all_views", viewCols, func(c *Ctx) [][]types.Value {
		rows := systemViewRows()
		return append(rows, registry["sys.views"].rows(c)...)
	})
	define("sys", "stats", `
object_id int
name sysname null
stats_id int
auto_created bit null
user_created bit null
no_recompute bit null
has_filter bit null
filter_definition nvarchar(max) null
is_temporary bit null
is_incremental bit null
has_persisted_sample bit null
stats_generation_method int
stats_generation_method_desc varchar(80)
auto_drop bit null`, func(c *Ctx) [][]types.Value {
		// Each index carries the statistics of its key, as in SQL Server.
		var rows [][]types.Value
		for _, o := range tables(c) {
			for _, ix := range o.Table.Indexes {
				rows = append(rows, []types.Value{vI(int64(o.ID)), vS(ix.Name), vI(int64(ix.ID)), vB(false), vB(false), vB(false),
					vB(false), vN, vB(false), vB(false), vB(false), vI(0), vS("Stats from index"), vB(false)})
			}
		}
		return rows
	})
}
