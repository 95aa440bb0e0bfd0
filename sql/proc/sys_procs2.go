package proc

import (
	"sort"
	"strings"
	"time"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/exec"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/parser"
	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/sysobj"
	"github.com/tsqld/tsqld/sql/types"
	"github.com/tsqld/tsqld/storage"
)

// ErrorLogRow is one error log entry (sp_readerrorlog).
type ErrorLogRow struct {
	LogDate     time.Time
	ProcessInfo string
	Text        string
}

func init() {
	for name, p := range map[string]*sysProc{
		"sp_help":                      {[]string{"@objname"}, spHelp},
		"sp_helpconstraint":            {[]string{"@objname", "@nomsg"}, spHelpConstraint},
		"sp_fkeys":                     {[]string{"@pktable_name", "@pktable_owner", "@pktable_qualifier", "@fktable_name", "@fktable_owner", "@fktable_qualifier"}, spFKeys},
		"sp_who2":                      {[]string{"@loginame"}, spWho2},
		"sp_server_info":               {[]string{"@attribute_id"}, spServerInfo},
		"sp_datatype_info":             {[]string{"@data_type", "@odbcver"}, spDatatypeInfo},
		"sp_rename":                    {[]string{"@objname", "@newname", "@objtype"}, spRename},
		"sp_describe_first_result_set": {[]string{"@tsql", "@params", "@browse_information_mode"}, spDescribeFirstResultSet},
		"sp_readerrorlog":              {[]string{"@p1", "@p2", "@p3", "@p4"}, spReadErrorLog},
		"xp_readerrorlog":              {[]string{"@p1", "@p2", "@p3", "@p4"}, spReadErrorLog},
		"sp_cycle_errorlog":            {nil, spCycleErrorLog},
		"xp_qv":                        {[]string{"@p1", "@p2"}, xpQV},
		"xp_instance_regread":          {[]string{"@rootkey", "@key", "@value_name", "@value"}, xpInstanceRegRead},
	} {
		sysProcs[name] = p
	}
}

func nc(n int32) types.Type { return types.Type{ID: types.NChar, Length: n} }

// spHelp reports an object (or, without an argument, lists the objects).
func spHelp(c *sysCall) *stmtError {
	if !c.has(0) {
		return c.query(`select o.name as Name, s.name as Owner, convert(nvarchar(31), case o.type when 'U' then 'user table' when 'V' then 'view'
 when 'P' then 'stored procedure' when 'PK' then 'primary key cns' when 'UQ' then 'unique key cns' when 'F' then 'foreign key cns'
 when 'C' then 'check cns' when 'D' then 'default (maybe cns)' else o.type_desc end) as Object_type
 from sys.objects o join sys.schemas s on s.schema_id = o.schema_id order by 3, 1`)
	}
	name := c.str(0)
	_, o, ok := c.findObject(name)
	if !ok {
		if at := c.s.cat().AliasType(c.s.db, "", name); at != nil {
			f := sysobj.TypeFacts(at.Base)
			return errOf(c.rows([]result.Column{col("Type_name", types.TypeSysname, false), col("Storage_type", types.TypeSysname, false),
				col("Length", types.TypeSmallInt, false), col("Prec", sem.IntType, false), col("Scale", sem.IntType, true),
				col("Nullable", sem.VarChar(35), false), col("Default_name", types.TypeSysname, false), col("Rule_name", types.TypeSysname, false),
				col("Collation", types.TypeSysname, true)}, [][]types.Value{{strVal(at.Name), strVal(sysobj.TypeName(at.Base)),
				intVal(int64(f.MaxLength)), intVal(int64(f.Precision)), intVal(int64(f.Scale)), strVal(map[bool]string{true: "yes", false: "no"}[at.Nullable]),
				strVal("none"), strVal("none"), types.Null}}))
		}
		return msgErr(15009, name, c.s.db.Name)
	}
	typ := strings.ToLower(strings.ReplaceAll(sysobj.TypeDesc(o.Type), "_", " "))
	if o.Type == "P" {
		typ = "stored procedure"
	}
	if err := c.rows([]result.Column{col("Name", types.TypeSysname, false), col("Owner", types.TypeSysname, false),
		col("Type", sem.NVarChar(31), false), col("Created_datetime", types.TypeDateTime, false)},
		[][]types.Value{{strVal(o.Name), strVal(o.Schema), strVal(typ), exec.TimeValue(o.Created)}}); err != nil {
		return goErr(err)
	}
	if o.Owner == nil || (o.Type != "U" && o.Type != "V" && o.Type != "P") {
		return nil
	}
	sc := &sysobj.Ctx{Env: c.s, Cat: c.s.cat(), DB: c.s.db}
	if o.Type == "P" {
		var rows [][]types.Value
		for i, p := range c.s.Params(o.Owner) {
			f := sysobj.TypeFacts(p.Type)
			rows = append(rows, []types.Value{strVal(p.Name), strVal(sysobj.TypeName(p.Type)), intVal(int64(f.MaxLength)),
				intVal(int64(f.Precision)), intVal(int64(f.Scale)), intVal(int64(i + 1)), types.Null})
		}
		return errOf(c.rows([]result.Column{col("Parameter_name", types.TypeSysname, true), col("Type", types.TypeSysname, true),
			col("Length", types.TypeSmallInt, true), col("Prec", sem.IntType, true), col("Scale", sem.IntType, true),
			col("Param_order", sem.IntType, true), col("Collation", types.TypeSysname, true)}, rows))
	}
	yn := func(b bool) types.Value { return strVal(map[bool]string{true: "yes", false: "no"}[b]) }
	var rows [][]types.Value
	for _, ci := range sysobj.ColumnsOf(sc, o) {
		f := sysobj.TypeFacts(ci.Type)
		prec, scale := types.Value{K: types.KindString, S: "     "}, types.Value{K: types.KindString, S: "     "}
		if f.Precision != 0 || ci.Type.ID == types.Int || ci.Type.ID == types.BigInt {
			prec, scale = strVal(padLeft(itoa(int(f.Precision)), 5)), strVal(padLeft(itoa(int(f.Scale)), 5))
		}
		coll := types.Null
		if sysobj.IsStringType(ci.Type) {
			coll = strVal(ci.Type.Collation.Name)
			if coll.S == "" {
				coll = strVal(c.s.srv.cfg.Collation)
			}
		}
		fixed := ci.Type.ID == types.Char || ci.Type.ID == types.NChar || ci.Type.ID == types.Binary
		trim, fixNull := strVal("(n/a)"), strVal("(n/a)")
		if sysobj.IsStringType(ci.Type) || ci.Type.ID == types.Binary || ci.Type.ID == types.VarBinary {
			trim, fixNull = yn(false), yn(fixed && ci.Nullable)
		}
		rows = append(rows, []types.Value{strVal(ci.Name), strVal(sysobj.ColumnTypeName(sc, ci)), yn(ci.Computed != ""),
			intVal(int64(f.MaxLength)), prec, scale, yn(ci.Nullable), trim, fixNull, coll})
	}
	if err := c.rows([]result.Column{col("Column_name", types.TypeSysname, true), col("Type", types.TypeSysname, true),
		col("Computed", sem.VarChar(35), false), col("Length", sem.IntType, false), col("Prec", nc(5), false), col("Scale", nc(5), false),
		col("Nullable", sem.VarChar(35), false), col("TrimTrailingBlanks", sem.VarChar(35), false),
		col("FixedLenNullInSource", sem.VarChar(35), false), col("Collation", types.TypeSysname, true)}, rows); err != nil {
		return goErr(err)
	}
	if o.Type != "U" {
		return nil
	}
	t := o.Owner.Table
	idRow := []types.Value{strVal("No identity column defined."), types.Null, types.Null, types.Null}
	if i := t.IdentityColumn(); i >= 0 {
		id := t.Columns[i].Identity
		idRow = []types.Value{strVal(t.Columns[i].Name), decimalOf(intVal(id.Seed)), decimalOf(intVal(id.Increment)), intVal(0)}
	}
	if err := c.rows([]result.Column{col("Identity", types.TypeSysname, true), col("Seed", sem.DecimalType(38, 0), true),
		col("Increment", sem.DecimalType(38, 0), true), col("Not For Replication", sem.IntType, true)}, [][]types.Value{idRow}); err != nil {
		return goErr(err)
	}
	if err := c.rows([]result.Column{col("RowGuidCol", types.TypeSysname, false)}, [][]types.Value{{strVal("No rowguidcol column defined.")}}); err != nil {
		return goErr(err)
	}
	if err := c.rows([]result.Column{col("Data_located_on_filegroup", types.TypeSysname, true)}, [][]types.Value{{strVal("PRIMARY")}}); err != nil {
		return goErr(err)
	}
	if len(t.Indexes) > 0 {
		if serr := spHelpIndex(c); serr != nil {
			return serr
		}
	} else if err := c.w.Message(infoMsg(c, "The object '"+o.Name+"' does not have any indexes, or you do not have permissions.")); err != nil {
		return goErr(err)
	}
	return helpConstraints(c, o.ID, t)
}

func infoMsg(c *sysCall, text string) *msgs.Error {
	return &msgs.Error{Number: 0, Severity: 0, State: 1, Line: 1, Proc: c.name, Server: c.s.srv.cfg.ServerName, Text: text}
}

func padLeft(s string, n int) string {
	for len(s) < n {
		s = " " + s
	}
	return s
}

func spFKeys(c *sysCall) *stmtError {
	var where []string
	if c.has(0) {
		where = append(where, "pk.name = "+lit(c.str(0)))
	}
	if c.has(1) {
		where = append(where, "schema_name(pk.schema_id) = "+lit(c.str(1)))
	}
	if c.has(3) {
		where = append(where, "fkt.name = "+lit(c.str(3)))
	}
	if c.has(4) {
		where = append(where, "schema_name(fkt.schema_id) = "+lit(c.str(4)))
	}
	if len(where) == 0 {
		return msgErr(201, "sp_fkeys", "@pktable_name")
	}
	return c.query(`select convert(sysname, db_name()) as PKTABLE_QUALIFIER, convert(sysname, schema_name(pk.schema_id)) as PKTABLE_OWNER,
 pk.name as PKTABLE_NAME, pc.name as PKCOLUMN_NAME, convert(sysname, db_name()) as FKTABLE_QUALIFIER,
 convert(sysname, schema_name(fkt.schema_id)) as FKTABLE_OWNER, fkt.name as FKTABLE_NAME, fc.name as FKCOLUMN_NAME,
 convert(smallint, k.constraint_column_id) as KEY_SEQ, convert(smallint, case f.update_referential_action when 1 then 0 when 0 then 1 else f.update_referential_action end) as UPDATE_RULE,
 convert(smallint, case f.delete_referential_action when 1 then 0 when 0 then 1 else f.delete_referential_action end) as DELETE_RULE,
 f.name as FK_NAME, convert(sysname, i.name) as PK_NAME, convert(smallint, 7) as DEFERRABILITY
 from sys.foreign_keys f join sys.foreign_key_columns k on k.constraint_object_id = f.object_id
 join sys.tables pk on pk.object_id = f.referenced_object_id join sys.tables fkt on fkt.object_id = f.parent_object_id
 join sys.columns pc on pc.object_id = pk.object_id and pc.column_id = k.referenced_column_id
 join sys.columns fc on fc.object_id = fkt.object_id and fc.column_id = k.parent_column_id
 left join sys.indexes i on i.object_id = pk.object_id and i.index_id = f.key_index_id
 where ` + strings.Join(where, " and ") + " order by 5, 6, 7, 9")
}

func spWho2(c *sysCall) *stmtError {
	var rows [][]types.Value
	for _, si := range c.s.Sessions() {
		status, cmd := "sleeping", "AWAITING COMMAND"
		if si.Running {
			status, cmd = "RUNNABLE", "SELECT INTO"
		}
		rows = append(rows, []types.Value{strVal(padLeft(itoa(int(si.SPID)), 5)), strVal(status), strVal(si.Login), strVal(si.Host),
			strVal("  ."), strVal(si.Database), strVal(cmd), intVal(0), intVal(0), strVal(si.LastRequest.Format("01/02 15:04:05")),
			strVal(si.Program), strVal(padLeft(itoa(int(si.SPID)), 5)), strVal("    0  ")})
	}
	return errOf(c.rows([]result.Column{col("SPID", sem.VarChar(5), false), col("Status", sem.NVarChar(30), false), col("Login", types.TypeSysname, true),
		col("HostName", types.TypeSysname, true), col("BlkBy", sem.VarChar(5), true), col("DBName", types.TypeSysname, true),
		col("Command", sem.NVarChar(16), false), col("CPUTime", sem.IntType, false), col("DiskIO", sem.BigIntType, false),
		col("LastBatch", sem.VarChar(14), false), col("ProgramName", types.TypeSysname, true), col("SPID", sem.VarChar(5), false),
		col("REQUESTID", sem.VarChar(7), false)}, rows))
}

// serverInfo is sp_server_info's attribute table (ODBC catalog
// attributes as SQL Server reports them).
func (s *Session) serverInfo() [][]types.Value {
	name := s.srv.cfg.ServerName
	return [][]types.Value{
		{intVal(1), strVal("DBMS_NAME"), strVal("Microsoft SQL Server")},
		{intVal(2), strVal("DBMS_VER"), strVal("Microsoft SQL Server 2022 - " + catalog.ProductVersion)},
		{intVal(10), strVal("OWNER_TERM"), strVal("owner")},
		{intVal(11), strVal("TABLE_TERM"), strVal("table")},
		{intVal(12), strVal("MAX_OWNER_NAME_LENGTH"), strVal("128")},
		{intVal(13), strVal("TABLE_LENGTH"), strVal("128")},
		{intVal(14), strVal("MAX_QUAL_LENGTH"), strVal("128")},
		{intVal(15), strVal("COLUMN_LENGTH"), strVal("128")},
		{intVal(16), strVal("IDENTIFIER_CASE"), strVal("MIXED")},
		{intVal(17), strVal("TX_ISOLATION"), strVal("2")},
		{intVal(18), strVal("COLLATION_SEQ"), strVal("charset=iso_1 sort_order=nocase_iso charset_num=1 sort_order_num=52")},
		{intVal(19), strVal("SAVEPOINT_SUPPORT"), strVal("Y")},
		{intVal(20), strVal("MULTI_RESULT_SETS"), strVal("Y")},
		{intVal(22), strVal("ACCESSIBLE_TABLES"), strVal("Y")},
		{intVal(100), strVal("USERID_LENGTH"), strVal("128")},
		{intVal(101), strVal("QUALIFIER_TERM"), strVal("database")},
		{intVal(102), strVal("NAMED_TRANSACTIONS"), strVal("Y")},
		{intVal(103), strVal("SPROC_AS_LANGUAGE"), strVal("Y")},
		{intVal(104), strVal("ACCESSIBLE_SPROC"), strVal("Y")},
		{intVal(105), strVal("MAX_INDEX_COLS"), strVal("16")},
		{intVal(106), strVal("RENAME_TABLE"), strVal("Y")},
		{intVal(107), strVal("RENAME_COLUMN"), strVal("Y")},
		{intVal(108), strVal("DROP_COLUMN"), strVal("Y")},
		{intVal(109), strVal("INCREASE_COLUMN_LENGTH"), strVal("Y")},
		{intVal(110), strVal("DDL_IN_TRANSACTION"), strVal("Y")},
		{intVal(111), strVal("DESCENDING_INDEXES"), strVal("Y")},
		{intVal(112), strVal("SP_RENAME"), strVal("Y")},
		{intVal(113), strVal("REMOTE_SPROC"), strVal("Y")},
		{intVal(500), strVal("SYS_SPROC_VERSION"), strVal(catalog.ProductVersion)},
		{intVal(501), strVal("SERVER_NAME"), strVal(name)},
	}
}

func spServerInfo(c *sysCall) *stmtError {
	var rows [][]types.Value
	want, filter := int64(0), false
	if v, t, ok := c.arg(0); ok {
		iv, _ := exec.Convert(v, t, sem.IntType)
		want, filter = iv.I, true
	}
	for _, r := range c.s.serverInfo() {
		if !filter || r[0].I == want {
			rows = append(rows, r)
		}
	}
	return errOf(c.rows([]result.Column{col("attribute_id", sem.IntType, false), col("attribute_name", sem.VarChar(60), false),
		col("attribute_value", sem.VarChar(255), true)}, rows))
}

// odbcTypes are sp_datatype_info rows: type name, ODBC DATA_TYPE,
// PRECISION, literal prefix/suffix, CREATE_PARAMS, case sensitive,
// searchable, unsigned, money, auto-increment, min/max scale, SQL data
// type, datetime sub, radix, SS_DATA_TYPE.
var odbcTypes = []struct {
	name           string
	dataType       int64
	precision      int64
	prefix, suffix string
	params         string
	caseSens       int64
	searchable     int64
	unsigned       int64
	money          int64
	minScale       int64
	maxScale       int64
	sqlType        int64
	sub            int64
	radix          int64
	ss             int64
}{
	{"sql_variant", -150, 8000, "", "", "", 0, 2, -1, 0, 0, 0, -150, -1, -1, 39},
	{"uniqueidentifier", -11, 36, "'", "'", "", 0, 2, -1, 0, -1, -1, -11, -1, -1, 37},
	{"ntext", -10, 1073741823, "N'", "'", "", 0, 1, -1, 0, -1, -1, -10, -1, -1, 35},
	{"xml", -152, 0, "N'", "'", "", 1, 0, -1, 0, -1, -1, -152, -1, -1, 241},
	{"nvarchar", -9, 4000, "N'", "'", "max length", 0, 3, -1, 0, -1, -1, -9, -1, -1, 39},
	{"sysname", -9, 128, "N'", "'", "", 0, 3, -1, 0, -1, -1, -9, -1, -1, 39},
	{"nchar", -8, 4000, "N'", "'", "length", 0, 3, -1, 0, -1, -1, -8, -1, -1, 39},
	{"bit", -7, 1, "", "", "", 0, 2, -1, 0, 0, 0, -7, -1, -1, 50},
	{"tinyint", -6, 3, "", "", "", 0, 2, 1, 0, 0, 0, -6, -1, 10, 38},
	{"bigint", -5, 19, "", "", "", 0, 2, 0, 0, 0, 0, -5, -1, 10, 108},
	{"image", -4, 2147483647, "0x", "", "", 0, 0, -1, 0, -1, -1, -4, -1, -1, 34},
	{"varbinary", -3, 8000, "0x", "", "max length", 0, 2, -1, 0, -1, -1, -3, -1, -1, 37},
	{"binary", -2, 8000, "0x", "", "length", 0, 2, -1, 0, -1, -1, -2, -1, -1, 37},
	{"timestamp", -2, 8, "0x", "", "", 0, 2, -1, 0, -1, -1, -2, -1, -1, 45},
	{"text", -1, 2147483647, "'", "'", "", 0, 1, -1, 0, -1, -1, -1, -1, -1, 35},
	{"char", 1, 8000, "'", "'", "length", 0, 3, -1, 0, -1, -1, 1, -1, -1, 39},
	{"numeric", 2, 38, "", "", "precision,scale", 0, 2, 0, 0, 0, 38, 2, -1, 10, 108},
	{"decimal", 3, 38, "", "", "precision,scale", 0, 2, 0, 0, 0, 38, 3, -1, 10, 106},
	{"money", 3, 19, "$", "", "", 0, 2, 0, 1, 4, 4, 3, -1, 10, 110},
	{"smallmoney", 3, 10, "$", "", "", 0, 2, 0, 1, 4, 4, 3, -1, 10, 110},
	{"int", 4, 10, "", "", "", 0, 2, 0, 0, 0, 0, 4, -1, 10, 38},
	{"smallint", 5, 5, "", "", "", 0, 2, 0, 0, 0, 0, 5, -1, 10, 38},
	{"float", 6, 53, "", "", "", 0, 2, 0, 0, -1, -1, 6, -1, 2, 109},
	{"real", 7, 24, "", "", "", 0, 2, 0, 0, -1, -1, 7, -1, 2, 109},
	{"varchar", 12, 8000, "'", "'", "max length", 0, 3, -1, 0, -1, -1, 12, -1, -1, 39},
	{"date", -9, 10, "'", "'", "", 0, 3, -1, 0, -1, -1, -9, -1, -1, 39},
	{"time", -9, 16, "'", "'", "scale", 0, 3, -1, 0, -1, -1, -9, -1, -1, 39},
	{"datetime2", -9, 27, "'", "'", "scale", 0, 3, -1, 0, -1, -1, -9, -1, -1, 39},
	{"datetimeoffset", -9, 34, "'", "'", "scale", 0, 3, -1, 0, -1, -1, -9, -1, -1, 39},
	{"datetime", 11, 23, "'", "'", "", 0, 3, -1, 0, 3, 3, 9, 3, -1, 111},
	{"smalldatetime", 11, 16, "'", "'", "", 0, 3, -1, 0, 0, 0, 9, 3, -1, 111},
}

func spDatatypeInfo(c *sysCall) *stmtError {
	want, filter := int64(0), false
	if v, t, ok := c.arg(0); ok {
		iv, _ := exec.Convert(v, t, sem.IntType)
		want, filter = iv.I, true
	}
	opt := func(s string) types.Value {
		if s == "" {
			return types.Null
		}
		return strVal(s)
	}
	n := func(v int64) types.Value {
		if v == -1 {
			return types.Null
		}
		return intVal(v)
	}
	var rows [][]types.Value
	for _, t := range odbcTypes {
		if filter && t.dataType != want {
			continue
		}
		rows = append(rows, []types.Value{strVal(t.name), intVal(t.dataType), intVal(t.precision), opt(t.prefix), opt(t.suffix),
			opt(t.params), intVal(1), intVal(t.caseSens), intVal(t.searchable), n(t.unsigned), intVal(t.money), intVal(0),
			strVal(t.name), n(t.minScale), n(t.maxScale), intVal(t.sqlType), n(t.sub), n(t.radix), types.Null, intVal(t.ss)})
	}
	return errOf(c.rows([]result.Column{col("TYPE_NAME", types.TypeSysname, false), col("DATA_TYPE", types.TypeSmallInt, false),
		col("PRECISION", sem.IntType, true), col("LITERAL_PREFIX", sem.VarChar(32), true), col("LITERAL_SUFFIX", sem.VarChar(32), true),
		col("CREATE_PARAMS", sem.VarChar(32), true), col("NULLABLE", types.TypeSmallInt, false), col("CASE_SENSITIVE", types.TypeSmallInt, false),
		col("SEARCHABLE", types.TypeSmallInt, false), col("UNSIGNED_ATTRIBUTE", types.TypeSmallInt, true), col("MONEY", types.TypeSmallInt, false),
		col("AUTO_INCREMENT", types.TypeSmallInt, true), col("LOCAL_TYPE_NAME", types.TypeSysname, true), col("MINIMUM_SCALE", types.TypeSmallInt, true),
		col("MAXIMUM_SCALE", types.TypeSmallInt, true), col("SQL_DATA_TYPE", types.TypeSmallInt, false), col("SQL_DATETIME_SUB", types.TypeSmallInt, true),
		col("NUM_PREC_RADIX", sem.IntType, true), col("INTERVAL_PRECISION", types.TypeSmallInt, true), col("USERTYPE", types.TypeSmallInt, true)}, rows))
}

// spRename renames a table, view, procedure, column or index. As in SQL
// Server, modules that refer to the old name are not rewritten.
func spRename(c *sysCall) *stmtError {
	objname, newname, objtype := c.str(0), c.str(1), strings.ToUpper(c.str(2))
	if objname == "" || newname == "" {
		return msgErr(201, "sp_rename", map[bool]string{true: "@objname", false: "@newname"}[objname == ""])
	}
	n := parseObjectName(objname)
	cat := c.s.cat()
	var serr *stmtError
	err := c.s.sysWrite(c.ctx, func(txn storage.Txn) error {
		switch objtype {
		case "COLUMN", "INDEX":
			// objname is [schema.]table.column|index
			tn := &ast.ObjectName{}
			parts := strings.Split(objname, ".")
			for i := range parts {
				parts[i] = strings.Trim(parts[i], "[]")
			}
			if len(parts) < 2 {
				serr = msgErr(15248, objtype)
				return nil
			}
			tn.Name.Name = parts[len(parts)-2]
			if len(parts) > 2 {
				tn.Schema.Name = parts[len(parts)-3]
			}
			_, o, _ := c.s.lookupTable(tn)
			if o == nil || o.Table == nil {
				serr = msgErr(15248, objtype)
				return nil
			}
			nt := o.Table.Clone()
			item := parts[len(parts)-1]
			if objtype == "COLUMN" {
				i := nt.ColumnIndex(item)
				if i < 0 {
					serr = msgErr(15248, objtype)
					return nil
				}
				if j := nt.ColumnIndex(newname); j >= 0 && j != i {
					serr = msgErr(2705, newname, o.Name)
					return nil
				}
				nt.Columns[i].Name = newname
			} else {
				ix := nt.IndexByName(item)
				if ix == nil {
					serr = msgErr(15248, objtype)
					return nil
				}
				ix.Name = newname
			}
			no := *o
			no.Table = nt
			return cat.PutObject(txn, c.s.db, &no)
		case "", "OBJECT":
			_, o, _ := c.s.lookupTable(n)
			if o == nil {
				serr = msgErr(15248, "(null)")
				if objtype != "" {
					serr = msgErr(15248, objtype)
				}
				return nil
			}
			if cat.Object(c.s.db, o.Schema, newname) != nil {
				serr = msgErr(15335, newname, "object")
				return nil
			}
			no := *o
			no.Name = newname
			return cat.PutObject(txn, c.s.db, &no)
		}
		serr = msgErr(15248, objtype)
		return nil
	})
	if err != nil {
		return goErr(err)
	}
	if serr != nil {
		return serr
	}
	m := msgs.New(15477)
	m.Line, m.Proc, m.Server = 1, "sp_rename", c.s.srv.cfg.ServerName
	return errOf(c.w.Message(m))
}

// spDescribeFirstResultSet binds the first SELECT of a batch and describes
// its columns without running it.
func spDescribeFirstResultSet(c *sysCall) *stmtError {
	text := c.str(0)
	e, perr := c.s.parse(text, c.str(1))
	if perr != nil {
		return stmtErr(parser.Messages(perr)[0])
	}
	cols := descCols()
	var rows [][]types.Value
	for _, st := range e.Stmts {
		sel, ok := st.(*ast.SelectStmt)
		if !ok {
			continue
		}
		b, _ := c.s.binder(1)
		rel, berr := b.BindQuery(sel.Query)
		if berr != nil {
			return stmtErr(berr)
		}
		for i, rc := range rel.Cols() {
			f := sysobj.TypeFacts(rc.Type)
			coll := types.Null
			if sysobj.IsStringType(rc.Type) {
				coll = strVal(rc.Type.Collation.Name)
			}
			name := types.Null
			if rc.Name != "" {
				name = strVal(rc.Name)
			}
			row := []types.Value{boolV(false), intVal(int64(i + 1)), name, boolV(rc.Nullable), intVal(int64(rc.Type.ID)),
				strVal(sysobj.TypeSQL(rc.Type)), intVal(int64(f.MaxLength)), intVal(int64(f.Precision)), intVal(int64(f.Scale)), coll,
				types.Null, types.Null, types.Null, types.Null, types.Null, types.Null, types.Null, types.Null, types.Null,
				boolV(false), boolV(false), boolV(false), types.Null, types.Null, types.Null, types.Null, types.Null,
				boolV(rc.Identity), types.Null, boolV(false), boolV(false), boolV(false), types.Null, types.Null, types.Null,
				intVal(int64(rc.Type.ID)), intVal(int64(f.MaxLength)), types.Null, types.Null}
			rows = append(rows, row)
		}
		break
	}
	return errOf(c.rows(cols, rows))
}

func boolV(b bool) types.Value {
	if b {
		return types.Value{K: types.KindBool, I: 1}
	}
	return types.Value{K: types.KindBool}
}

func descCols() []result.Column {
	sn := types.TypeSysname
	bit, i := types.TypeBit, sem.IntType
	si, ti := types.TypeSmallInt, types.TypeTinyInt
	return []result.Column{col("is_hidden", bit, false), col("column_ordinal", i, false), col("name", sn, true), col("is_nullable", bit, false),
		col("system_type_id", i, false), col("system_type_name", sem.NVarChar(256), true), col("max_length", si, false),
		col("precision", ti, false), col("scale", ti, false), col("collation_name", sn, true), col("user_type_id", i, true),
		col("user_type_database", sn, true), col("user_type_schema", sn, true), col("user_type_name", sn, true),
		col("assembly_qualified_type_name", sem.NVarChar(4000), true), col("xml_collection_id", i, true),
		col("xml_collection_database", sn, true), col("xml_collection_schema", sn, true), col("xml_collection_name", sn, true),
		col("is_xml_document", bit, false), col("is_case_sensitive", bit, false), col("is_fixed_length_clr_type", bit, false),
		col("source_server", sn, true), col("source_database", sn, true), col("source_schema", sn, true), col("source_table", sn, true),
		col("source_column", sn, true), col("is_identity_column", bit, true), col("is_part_of_unique_key", bit, true),
		col("is_updateable", bit, true), col("is_computed_column", bit, true), col("is_sparse_column_set", bit, true),
		col("ordinal_in_order_by_list", si, true), col("order_by_is_descending", si, true), col("order_by_list_length", si, true),
		col("tds_type_id", i, false), col("tds_length", i, false), col("tds_collation_id", i, true), col("tds_collation_sort_id", ti, true)}
}

func spReadErrorLog(c *sysCall) *stmtError {
	archive := 0
	if v, t, ok := c.arg(0); ok {
		iv, _ := exec.Convert(v, t, sem.IntType)
		archive = int(iv.I)
	}
	if v, t, ok := c.arg(1); ok {
		if iv, _ := exec.Convert(v, t, sem.IntType); iv.I == 2 {
			// SQL Server Agent's log: the server has no agent.
			return errOf(c.rows(errorLogCols(), nil))
		}
	}
	var rows [][]types.Value
	if f := c.s.srv.cfg.ReadErrorLog; f != nil {
		entries, err := f(archive, c.str(2), c.str(3))
		if err != nil {
			return msgErr(22004, 2, err.Error())
		}
		for _, e := range entries {
			rows = append(rows, []types.Value{exec.TimeValue(e.LogDate), strVal(e.ProcessInfo), strVal(e.Text)})
		}
	}
	return errOf(c.rows(errorLogCols(), rows))
}

func errorLogCols() []result.Column {
	return []result.Column{col("LogDate", types.TypeDateTime, true), col("ProcessInfo", sem.NVarChar(50), true), col("Text", sem.NVarChar(4000), true)}
}

func spCycleErrorLog(c *sysCall) *stmtError {
	if f := c.s.srv.cfg.CycleErrorLog; f != nil {
		if err := f(); err != nil {
			return goErr(err)
		}
	}
	m := msgs.New(2528)
	m.Line, m.Proc, m.Server = 1, "sp_cycle_errorlog", c.s.srv.cfg.ServerName
	return errOf(c.w.Message(m))
}

// xpQV answers the SSMS feature probe (xp_qv '2891605813'…): 0 = the
// feature flag is not set.
func xpQV(c *sysCall) *stmtError {
	c.status = 0
	return nil
}

// xpInstanceRegRead answers the registry reads SSMS and scripts make at
// connect time with the values a Linux instance reports.
func xpInstanceRegRead(c *sysCall) *stmtError {
	key, value := strings.ToLower(c.str(1)), strings.ToLower(c.str(2))
	var v types.Value
	switch {
	case strings.HasSuffix(key, `mssqlserver\mssqlserver`) && value == "loginmode":
		v = intVal(2) // mixed mode
	case strings.HasSuffix(key, `mssqlserver\mssqlserver`) && value == "auditlevel":
		v = intVal(0)
	case strings.HasSuffix(key, `mssqlserver\mssqlserver`) && (value == "defaultdata" || value == "defaultlog" || value == "backupdirectory"):
		v = types.Null
	case strings.HasSuffix(key, `mssqlserver\setup`) && value == "sqlpath":
		v = types.Null
	default:
		v = types.Null
	}
	// With an OUTPUT variable the value goes there; without one SQL
	// Server returns a Value/Data row.
	if c.isOutput(3) {
		c.setOut(3, v, sem.IntType)
		return nil
	}
	rows := [][]types.Value{}
	if v.K != types.KindNull {
		rows = append(rows, []types.Value{strVal(c.str(2)), v})
	}
	return errOf(c.rows([]result.Column{col("Value", sem.NVarChar(128), true), col("Data", sem.IntType, true)}, rows))
}

// helpConstraints is sp_helpconstraint's constraint result set (also the
// last part of sp_help on a table).
func helpConstraints(c *sysCall, objID int32, t *catalog.Table) *stmtError {
	var crow [][]types.Value
	type cgroup struct {
		key  string
		rows [][]types.Value
	}
	var groups []cgroup
	for _, k := range sysobj.Objects(c.s.cat(), c.s.db) {
		if k.Parent != objID {
			continue
		}
		var ctype, keys string
		// sp_helpconstraint's texts: (n/a) where a column does not apply.
		na := strVal("(n/a)")
		del, upd, enabled, repl := na, na, strVal("Enabled"), strVal("Is_For_Replication")
		var refRow []types.Value
		switch k.Type {
		case "PK", "UQ":
			ctype = map[string]string{"PK": "PRIMARY KEY", "UQ": "UNIQUE"}[k.Type] + map[bool]string{true: " (clustered)", false: " (non-clustered)"}[k.Index.Clustered]
			var names []string
			for _, ic := range k.Index.Columns {
				names = append(names, t.Columns[ic.Column].Name)
			}
			keys = strings.Join(names, ", ")
			enabled, repl = na, na
		case "C":
			ctype, keys = "CHECK Table Level ", sysobj.ExprDefinition(k.Check.Expr)
			if ci := k.Check.Column; ci > 0 && ci <= len(t.Columns) {
				ctype = "CHECK on column " + t.Columns[ci-1].Name
			}
			if k.Check.Disabled {
				enabled = strVal("Disabled")
			}
		case "D":
			ctype, keys = "DEFAULT on column "+t.Columns[k.Column].Name, sysobj.ExprDefinition(t.Columns[k.Column].Default)
			enabled, repl = na, na
		case "F":
			ctype = "FOREIGN KEY"
			var names []string
			for _, ci := range k.FK.Columns {
				names = append(names, t.Columns[ci].Name)
			}
			keys = strings.Join(names, ", ")
			action := func(a string) types.Value {
				if a == "" {
					return strVal("No Action")
				}
				return strVal(strings.Title(strings.ToLower(a)))
			}
			del, upd = action(k.FK.OnDelete), action(k.FK.OnUpdate)
			if k.FK.Disabled {
				enabled = strVal("Disabled")
			}
			if ro := c.s.cat().ObjectByID(c.s.db, k.FK.RefObject); ro != nil && ro.Table != nil {
				var refs []string
				for _, ci := range k.FK.RefColumns {
					refs = append(refs, ro.Table.Columns[ci].Name)
				}
				blank := strVal(" ")
				refRow = []types.Value{blank, blank, blank, blank, blank, blank,
					strVal("REFERENCES " + c.s.db.Name + "." + ro.Schema + "." + ro.Name + " (" + strings.Join(refs, ", ") + ")")}
			}
		}
		g := cgroup{key: strings.ToLower(ctype + "\x00" + k.Name), rows: [][]types.Value{{strVal(ctype), strVal(k.Name), del, upd, enabled, repl, strVal(keys)}}}
		if refRow != nil {
			g.rows = append(g.rows, refRow)
		}
		groups = append(groups, g)
	}
	// sp_helpconstraint lists by constraint type, then name (DEFAULT …,
	// FOREIGN KEY + its REFERENCES line, PRIMARY KEY …).
	sort.SliceStable(groups, func(i, j int) bool { return groups[i].key < groups[j].key })
	for _, g := range groups {
		crow = append(crow, g.rows...)
	}
	return errOf(c.rows([]result.Column{col("constraint_type", sem.NVarChar(146), true), col("constraint_name", types.TypeSysname, true),
		col("delete_action", sem.NVarChar(9), true), col("update_action", sem.NVarChar(9), true), col("status_enabled", sem.VarChar(8), true),
		col("status_for_replication", sem.VarChar(19), true), col("constraint_keys", sem.NVarChar(2126), true)}, crow))
}

// spHelpConstraint is sp_helpconstraint: the object's name, then its
// constraints.
func spHelpConstraint(c *sysCall) *stmtError {
	name := c.str(0)
	_, o, ok := c.findObject(name)
	if !ok || o.Owner == nil || o.Owner.Table == nil {
		return msgErr(15009, name, c.s.db.Name)
	}
	if err := c.rows([]result.Column{col("Object Name", sem.NVarChar(776), false)}, [][]types.Value{{strVal(o.Name)}}); err != nil {
		return goErr(err)
	}
	return helpConstraints(c, o.ID, o.Owner.Table)
}
