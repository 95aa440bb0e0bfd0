package sysobj

import (
	"strings"

	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/types"
)

// Recovery returns a database's recovery model: as set by ALTER DATABASE
// (or sp_dboption); otherwise SIMPLE for tempdb, master and msdb and FULL
// for the others (SQL Server's defaults, model being FULL).
func Recovery(cat *catalog.Catalog, d *catalog.Database) string {
	if d.ID == catalog.TempDBID {
		return "SIMPLE"
	}
	if r := cat.DBOption(d, "recovery"); r != "" {
		return strings.ToUpper(r)
	}
	if d.ID == catalog.MasterID || d.ID == catalog.MSDBID {
		return "SIMPLE"
	}
	return "FULL"
}

var recoveryIDs = map[string]int64{"FULL": 1, "BULK_LOGGED": 2, "SIMPLE": 3}

// sidOf is a login's security identifier: SQL logins get a 16-byte sid
// derived from their principal id (sa's is 0x01 as in SQL Server).
func sidOf(principal int32) []byte {
	if principal == 1 {
		return []byte{1}
	}
	b := make([]byte, 16)
	b[0], b[12], b[13], b[14], b[15] = 0x5D, byte(principal>>24), byte(principal>>16), byte(principal>>8), byte(principal)
	return b
}

// LoginPrincipal numbers logins: sa is 1 and the others follow the fixed
// server roles (SQL Server starts user logins at 256).
func LoginPrincipal(cat *catalog.Catalog, name string) int32 {
	if strings.EqualFold(name, "sa") {
		return 1
	}
	id := int32(256)
	for _, l := range cat.Logins() {
		if strings.EqualFold(l.Name, "sa") {
			continue
		}
		if strings.EqualFold(l.Name, name) {
			return id
		}
		id++
	}
	return 0
}

var serverRoles = []struct {
	id   int32
	name string
}{{2, "public"}, {3, "sysadmin"}, {4, "securityadmin"}, {5, "serveradmin"}, {6, "setupadmin"}, {7, "processadmin"}, {8, "diskadmin"}, {9, "dbcreator"}, {10, "bulkadmin"}}

var dbPrincipals = []struct {
	id        int32
	name, typ string
	schema    string
}{{0, "public", "R", ""}, {1, "dbo", "S", "dbo"}, {2, "guest", "S", "guest"}, {3, "INFORMATION_SCHEMA", "S", ""}, {4, "sys", "S", ""},
	{16384, "db_owner", "R", ""}, {16385, "db_accessadmin", "R", ""}, {16386, "db_securityadmin", "R", ""}, {16387, "db_ddladmin", "R", ""},
	{16389, "db_backupoperator", "R", ""}, {16390, "db_datareader", "R", ""}, {16391, "db_datawriter", "R", ""},
	{16392, "db_denydatareader", "R", ""}, {16393, "db_denydatawriter", "R", ""}}

const serverPrincipalCols = `
name sysname
principal_id int
sid varbinary(85) null
type char(1)
type_desc nvarchar(60) null
is_disabled bit null
create_date datetime
modify_date datetime
default_database_name sysname null
default_language_name sysname null
credential_id int null
owning_principal_id int null
is_fixed_role bit`

func loginRows(c *Ctx, extra bool) [][]types.Value {
	var rows [][]types.Value
	for _, l := range c.Cat.Logins() {
		id := LoginPrincipal(c.Cat, l.Name)
		lang := l.DefaultLanguage
		if lang == "" {
			lang = "us_english"
		}
		r := []types.Value{vS(l.Name), vI(int64(id)), vBin(sidOf(id)), vS("S"), vS("SQL_LOGIN"), vB(l.Disabled),
			vT(serverEpoch), vT(serverEpoch), vS(l.DefaultDatabase), vS(lang), vN, vN, vB(false)}
		if extra {
			r = append(r, vB(!l.NoPolicy), vB(false), vN) // CHECK_POLICY
		}
		rows = append(rows, r)
	}
	return rows
}

func init() {
	defineServer("sys", "databases", `
name sysname null
database_id int
source_database_id int null
owner_sid varbinary(85) null
create_date datetime
compatibility_level tinyint
collation_name sysname null
user_access tinyint null
user_access_desc nvarchar(60) null
is_read_only bit null
is_auto_close_on bit
is_auto_shrink_on bit null
state tinyint null
state_desc nvarchar(60) null
is_in_standby bit null
is_cleanly_shutdown bit null
is_supplemental_logging_enabled bit null
snapshot_isolation_state tinyint null
snapshot_isolation_state_desc nvarchar(60) null
is_read_committed_snapshot_on bit null
recovery_model tinyint null
recovery_model_desc nvarchar(60) null
page_verify_option tinyint null
page_verify_option_desc nvarchar(60) null
is_auto_create_stats_on bit null
is_auto_create_stats_incremental_on bit null
is_auto_update_stats_on bit null
is_auto_update_stats_async_on bit null
is_ansi_null_default_on bit null
is_ansi_nulls_on bit null
is_ansi_padding_on bit null
is_ansi_warnings_on bit null
is_arithabort_on bit null
is_concat_null_yields_null_on bit null
is_numeric_roundabort_on bit null
is_quoted_identifier_on bit null
is_recursive_triggers_on bit null
is_cursor_close_on_commit_on bit null
is_local_cursor_default bit null
is_fulltext_enabled bit null
is_trustworthy_on bit null
is_db_chaining_on bit null
is_parameterization_forced bit null
is_master_key_encrypted_by_server bit
is_query_store_on bit null
is_published bit
is_subscribed bit
is_merge_published bit
is_distributor bit
is_sync_with_backup bit
service_broker_guid uniqueidentifier
is_broker_enabled bit
log_reuse_wait tinyint null
log_reuse_wait_desc nvarchar(60) null
is_date_correlation_on bit
is_cdc_enabled bit
is_encrypted bit null
is_honor_broker_priority_on bit null
replica_id uniqueidentifier null
group_database_id uniqueidentifier null
resource_pool_id int null
default_language_lcid smallint null
default_language_name nvarchar(128) null
default_fulltext_language_lcid int null
default_fulltext_language_name nvarchar(128) null
is_nested_triggers_on bit null
is_transform_noise_words_on bit null
two_digit_year_cutoff smallint null
containment tinyint null
containment_desc nvarchar(60) null
target_recovery_time_in_seconds int null
delayed_durability int null
delayed_durability_desc nvarchar(60) null
is_memory_optimized_elevate_to_snapshot_on bit null
is_federation_member bit null
is_remote_data_archive_enabled bit null
is_mixed_page_allocation_on bit null
is_temporal_history_retention_enabled bit null
catalog_collation_type int
catalog_collation_type_desc nvarchar(60) null
physical_database_name nvarchar(128) null
is_result_set_caching_on bit null
is_accelerated_database_recovery_on bit null
is_tempdb_spill_to_remote_store bit null
is_stale_page_detection_on bit null
is_memory_optimized_enabled bit null
is_data_retention_enabled bit null
is_ledger_on bit null
is_change_feed_enabled bit null`, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		for _, d := range c.Cat.Databases() {
			rec := Recovery(c.Cat, d)
			guid := make([]byte, 16)
			guid[0], guid[15] = byte(d.ID), 0x42
			rows = append(rows, []types.Value{vS(d.Name), vI(int64(d.ID)), vN, vBin([]byte{1}), vT(d.Created), vI(160),
				vS(dbCollation(c, d)), vI(0), vS("MULTI_USER"), vB(false), vB(false), vB(false), vI(0), vS("ONLINE"),
				vB(false), vB(false), vB(false), vI(b2i(d.ID == catalog.TempDBID)), vS(map[bool]string{true: "ON", false: "OFF"}[d.ID == catalog.TempDBID]),
				vB(false), vI(recoveryIDs[rec]), vS(rec), vI(2), vS("CHECKSUM"), vB(true), vB(false), vB(true), vB(false),
				vB(false), vB(false), vB(false), vB(false), vB(false), vB(false), vB(false), vB(false), vB(false), vB(false),
				vB(false), vB(false), vB(d.ID == catalog.MSDBID), vB(d.ID == catalog.MasterID || d.ID == catalog.TempDBID), vB(false), vB(d.ID == catalog.MasterID),
				vB(d.ID != catalog.MasterID && d.ID != catalog.TempDBID && d.ID != catalog.ModelID), vB(false), vB(false), vB(false), vB(false), vB(false),
				{K: types.KindGUID, B: guid}, vB(d.ID == catalog.MSDBID), vI(0), vS("NOTHING"), vB(false), vB(false), vB(false), vB(false),
				vN, vN, vN, vN, vN, vN, vN, vN, vN, vN, vN, vN, vI(60), vI(0), vS("DISABLED"), vB(false), vB(false), vB(false),
				vB(d.ID != catalog.TempDBID), vB(false), vI(0), vS("DATABASE_DEFAULT"), vS(d.Name), vB(false), vB(false), vB(false),
				vB(false), vB(false), vB(false), vB(false), vB(false)})
		}
		return rows
	})
	defineServer("dbo", "sysdatabases", `
name sysname null
dbid smallint null
sid varbinary(85) null
mode smallint null
status int null
status2 int null
crdate datetime
reserved datetime null
category int null
cmptlevel tinyint
filename nvarchar(260) null
version smallint null`, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		for _, d := range c.Cat.Databases() {
			status := int64(65536) // online
			if Recovery(c.Cat, d) == "SIMPLE" {
				status |= 8 // trunc. log on chkpt.
			}
			rows = append(rows, []types.Value{vS(d.Name), vI(int64(d.ID)), vBin([]byte{1}), vI(0), vI(status), vI(1090519040),
				vT(d.Created), vT(d.Created), vI(0), vI(160), vN, vI(957)})
		}
		return rows
	})
	define("sys", "schemas", `
name sysname
schema_id int
principal_id int null`, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		ids := make([]int32, 0, len(c.DB.SchemaNames))
		for id := range c.DB.SchemaNames {
			ids = append(ids, id)
		}
		sortInt32(ids)
		for _, id := range ids {
			owner := int64(1)
			switch id {
			case catalog.SchemaGuest:
				owner = 2
			case catalog.SchemaInformationSchema:
				owner = 3
			case catalog.SchemaSys:
				owner = 4
			}
			rows = append(rows, []types.Value{vS(c.DB.SchemaNames[id]), vI(int64(id)), vI(owner)})
		}
		for _, p := range dbPrincipals {
			if p.typ == "R" {
				rows = append(rows, []types.Value{vS(p.name), vI(int64(p.id)), vI(int64(p.id))})
			}
		}
		return rows
	})
	defineServer("sys", "server_principals", serverPrincipalCols, func(c *Ctx) [][]types.Value {
		rows := loginRows(c, false)
		for _, r := range serverRoles {
			rows = append(rows, []types.Value{vS(r.name), vI(int64(r.id)), vBin([]byte{byte(r.id)}), vS("R"), vS("SERVER_ROLE"), vB(false),
				vT(serverEpoch), vT(serverEpoch), vN, vN, vN, vI(1), vB(r.id != 2)})
		}
		return rows
	})
	defineServer("sys", "sql_logins", serverPrincipalCols+`
is_policy_checked bit null
is_expiration_checked bit null
password_hash varbinary(256) null`, func(c *Ctx) [][]types.Value { return loginRows(c, true) })
	define("sys", "database_principals", `
name sysname
principal_id int
type char(1)
type_desc nvarchar(60) null
default_schema_name sysname null
create_date datetime
modify_date datetime
owning_principal_id int null
sid varbinary(85) null
is_fixed_role bit
authentication_type int
authentication_type_desc nvarchar(60) null
default_language_name sysname null
default_language_lcid int null
allow_encrypted_value_modifications bit`, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		for _, p := range dbPrincipals {
			desc, owner, sid, auth, authDesc := "SQL_USER", vN, vN, int64(1), "INSTANCE"
			if p.typ == "R" {
				desc, owner, auth, authDesc = "DATABASE_ROLE", vI(1), 0, "NONE"
			}
			switch p.id {
			case 1:
				sid = vBin([]byte{1})
			case 2:
				sid, auth, authDesc = vBin([]byte{0}), 0, "NONE"
			case 3, 4:
				auth, authDesc = 0, "NONE"
			}
			rows = append(rows, []types.Value{vS(p.name), vI(int64(p.id)), vS(p.typ), vS(desc), vSN(p.schema), vT(c.DB.Created),
				vT(c.DB.Created), owner, sid, vB(p.id >= 16384), vI(auth), vS(authDesc), vN, vN, vB(false)})
		}
		return append(rows, userPrincipalRows(c)...) // CREATE USER/ROLE (security.go)
	})
	define("dbo", "sysusers", `
uid smallint null
status smallint null
name sysname
sid varbinary(85) null
roles varbinary(2048) null
createdate datetime
updatedate datetime
altuid smallint null
password varbinary(256) null
gid smallint null
environ varchar(255) null
hasdbaccess int null
islogin int null
isntname int null
isntgroup int null
isntuser int null
issqluser int null
isaliased int null
issqlrole int null
isapprole int null`, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		for _, p := range dbPrincipals {
			role := p.typ == "R"
			uid := int64(p.id)
			rows = append(rows, []types.Value{vI(uid), vI(map[bool]int64{true: 0, false: 2}[role]), vS(p.name), vN, vN, vT(c.DB.Created), vT(c.DB.Created),
				vI(0), vN, vI(uid * b2i(role)), vN, vI(b2i(p.id == 1)), vI(b2i(p.id == 1)), vI(0), vI(0), vI(0), vI(b2i(!role)), vI(0), vI(b2i(role)), vI(0)})
		}
		return rows
	})
	define("sys", "types", typeCols+`
is_table_type bit`, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		for _, t := range SysTypes {
			coll := vN
			if t.Collatable {
				coll = vS(dbCollation(c, c.DB))
			}
			rows = append(rows, []types.Value{vS(t.Name), vI(int64(t.SystemID)), vI(int64(t.UserID)), vI(catalog.SchemaSys), vN,
				vI(int64(t.MaxLength)), vI(int64(t.Precision)), vI(int64(t.Scale)), coll, vB(t.Nullable), vB(false), vB(t.SystemID == types.UDTSystemTypeID), vI(0), vI(0), vB(false)})
		}
		for _, a := range c.Cat.AliasTypes(c.DB) {
			f := TypeFacts(a.Base)
			sid, _ := c.DB.SchemaID(a.Schema)
			rows = append(rows, []types.Value{vS(a.Name), vI(int64(a.Base.ID)), vI(int64(a.ID)), vI(int64(sid)), vN,
				vI(int64(f.MaxLength)), vI(int64(f.Precision)), vI(int64(f.Scale)), collationName(c, a.Base), vB(a.Nullable),
				vB(true), vB(false), vI(0), vI(0), vB(false)})
		}
		return rows
	})
	define("dbo", "systypes", `
name sysname
xtype tinyint
status tinyint null
xusertype smallint null
length smallint
xprec tinyint
xscale tinyint
tdefault int
domain int
uid smallint null
reserved smallint null
collationid int null
usertype smallint null
variable bit
allownulls bit null
type tinyint
printfmt varchar(255) null
prec smallint null
scale tinyint null
collation sysname null`, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		add := func(name string, base types.Type, user int32, length int16, prec, scale uint8, nullable, collatable bool) {
			coll := vN
			if collatable {
				coll = vS(dbCollation(c, c.DB))
			}
			variable := base.ID == types.VarChar || base.ID == types.NVarChar || base.ID == types.VarBinary
			rows = append(rows, []types.Value{vS(name), vI(int64(base.ID)), vI(0), vI(int64(user)), vI(int64(length)), vI(int64(prec)),
				vI(int64(scale)), vI(0), vI(0), vI(4), vI(0), vN, vI(0), vB(variable), vB(nullable), vI(int64(base.ID)), vN,
				vI(int64(prec)), vI(int64(scale)), coll})
		}
		for _, t := range SysTypes {
			add(t.Name, types.Type{ID: types.TypeID(t.SystemID)}, t.UserID, t.MaxLength, t.Precision, t.Scale, t.Nullable, t.Collatable)
		}
		for _, a := range c.Cat.AliasTypes(c.DB) {
			f := TypeFacts(a.Base)
			add(a.Name, a.Base, a.ID, f.MaxLength, f.Precision, f.Scale, a.Nullable, IsStringType(a.Base))
		}
		return rows
	})
}

func sortInt32(s []int32) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// LoginSID is a login's security identifier by principal id.
func LoginSID(principal int32) []byte { return sidOf(principal) }

// PrincipalName is the database principal with id (USER_NAME(id)).
func PrincipalName(id int32) string {
	for _, p := range dbPrincipals {
		if p.id == id {
			return p.name
		}
	}
	return ""
}

// typeCols are sys.types' columns, which sys.assembly_types (and
// sys.table_types) start with.
const typeCols = `
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
rule_object_id int`
