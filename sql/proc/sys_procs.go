package proc

import (
	"context"
	"runtime"
	"strconv"
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

// sysArg is one argument of a system procedure call.
type sysArg struct {
	name   string // with '@', "" when positional
	v      types.Value
	t      types.Type
	output bool
	slot   int // caller variable of an OUTPUT argument (EXEC), -1 otherwise
}

// sysCall is a system procedure invocation.
type sysCall struct {
	s      *Session
	ctx    context.Context
	w      result.Writer
	name   string
	args   []sysArg
	params []string // declared parameter names, in order
	status int32
	outs   map[int]sysOut // parameter index → OUTPUT value
}

type sysOut struct {
	v types.Value
	t types.Type
}

// argIndex returns the position in c.args of parameter i, or -1.
func (c *sysCall) argIndex(i int) int {
	for j, a := range c.args {
		if a.name == "" && j == i || a.name != "" && i < len(c.params) && strings.EqualFold(a.name, c.params[i]) {
			return j
		}
	}
	return -1
}

// isOutput reports whether parameter i was passed as OUTPUT.
func (c *sysCall) isOutput(i int) bool {
	j := c.argIndex(i)
	return j >= 0 && c.args[j].output
}

// setOut sets the value an OUTPUT parameter returns.
func (c *sysCall) setOut(i int, v types.Value, t types.Type) {
	if c.outs == nil {
		c.outs = map[int]sysOut{}
	}
	c.outs[i] = sysOut{v, t}
}

// sysProc is a system procedure: its parameter names and body.
type sysProc struct {
	params []string
	run    func(c *sysCall) *stmtError
}

var sysProcs map[string]*sysProc

func init() {
	sysProcs = map[string]*sysProc{
		"sp_addtype":             {[]string{"@typename", "@phystype", "@nulltype", "@owner"}, spAddType},
		"sp_droptype":            {[]string{"@typename"}, spDropType},
		"sp_dboption":            {[]string{"@dbname", "@optname", "@optvalue"}, spDBOption},
		"sp_helptext":            {[]string{"@objname", "@columnname"}, spHelpText},
		"sp_configure":           {[]string{"@configname", "@configvalue"}, spConfigure},
		"sp_who":                 {[]string{"@loginame"}, spWho},
		"sp_databases":           {nil, spDatabases},
		"sp_tables":              {[]string{"@table_name", "@table_owner", "@table_qualifier", "@table_type"}, spTables},
		"sp_columns":             {[]string{"@table_name", "@table_owner", "@table_qualifier", "@column_name"}, spColumns},
		"sp_set_session_context": {[]string{"@key", "@value", "@read_only"}, spSetSessionContext},
		"sp_getapplock":          {[]string{"@resource", "@lockmode", "@lockowner", "@locktimeout", "@dbprincipal"}, spGetAppLock},
		"sp_releaseapplock":      {[]string{"@resource", "@lockowner", "@dbprincipal"}, spReleaseAppLock},
		"sp_addextendedproperty": {[]string{"@name", "@value", "@level0type", "@level0name", "@level1type", "@level1name", "@level2type", "@level2name"}, spAddExtProp},
		"sp_helpindex":           {[]string{"@objname"}, spHelpIndex},
		"sp_pkeys":               {[]string{"@table_name", "@table_owner", "@table_qualifier"}, spPKeys},
		"xp_msver":               {[]string{"@optname"}, xpMsver},
	}
}

// lookupSysProc finds a system procedure by its (possibly qualified) name.
func lookupSysProc(n *ast.ObjectName) *sysProc {
	if n.Schema.Name != "" && !strings.EqualFold(n.Schema.Name, "sys") && !strings.EqualFold(n.Schema.Name, "dbo") {
		return nil
	}
	return sysProcs[strings.ToLower(n.Name.Name)]
}

// arg returns the argument for parameter i (by position or name).
func (c *sysCall) arg(i int) (types.Value, types.Type, bool) {
	for j, a := range c.args {
		if a.name == "" && j == i || a.name != "" && i < len(c.params) && strings.EqualFold(a.name, c.params[i]) {
			if a.v.K == types.KindNull {
				return a.v, a.t, false
			}
			return a.v, a.t, true
		}
	}
	return types.Null, types.Type{}, false
}

// str returns parameter i as a string ("" when absent or NULL).
func (c *sysCall) str(i int) string {
	v, t, ok := c.arg(i)
	if !ok {
		return ""
	}
	return exec.ToString(v, t)
}

func (c *sysCall) has(i int) bool { _, _, ok := c.arg(i); return ok }

// query runs T-SQL text inside the procedure (result sets stream to the
// client as the procedure's).
func (c *sysCall) query(text string) *stmtError {
	e, perr := c.s.parse(text, "")
	if perr != nil {
		return stmtErr(parser.Messages(perr)[0])
	}
	sig, err := c.s.run(c.ctx, e.Stmts, c.w, &runCtx{entry: e, src: text, inProc: true, procName: c.name})
	if err != nil {
		return &stmtError{e: msgs.New(0), kind: errBatch}
	}
	if sig != nil && sig.kind == sigCatch {
		return &stmtError{e: sig.err}
	}
	return nil
}

// lit quotes a string as an N” literal.
func lit(s string) string { return "N'" + strings.ReplaceAll(s, "'", "''") + "'" }

// rows sends one result set.
func (c *sysCall) rows(cols []result.Column, rows [][]types.Value) error {
	if err := c.w.Columns(cols); err != nil {
		return err
	}
	for _, r := range rows {
		if err := c.w.Row(r); err != nil {
			return err
		}
	}
	return c.w.Done(result.Done{Cmd: result.CmdSelect, Count: int64(len(rows)), HasCount: true, InProc: true})
}

func col(name string, t types.Type, nullable bool) result.Column {
	return result.Column{Name: name, Type: t, Nullable: nullable}
}

// execSysProc runs a system procedure for EXEC; ok=false when name is
// not one.
func (s *Session) execSysProc(ctx context.Context, x *ast.ExecStmt, w result.Writer) (*stmtError, error, bool) {
	p := lookupSysProc(&x.Proc)
	if p == nil {
		return nil, nil, false
	}
	var args []sysArg
	for _, a := range x.Args {
		if _, ok := a.Value.(*ast.DefaultExpr); ok {
			continue
		}
		var v types.Value
		var t types.Type
		// A bare identifier argument (sp_addtype id, …) is a string.
		if cr, ok := a.Value.(*ast.ColumnRef); ok && cr.Table.Name.Name == "" {
			v, t = strVal(cr.Name.Name), sem.NVarChar(128)
		} else {
			ev, xt, serr, err := s.evalScalar(ctx, a.Value, x.Span.Line)
			if serr != nil || err != nil {
				return serr, err, true
			}
			v, t = cloneVal(ev), xt.Type()
		}
		arg := sysArg{name: a.Name, v: v, t: t, output: a.Output, slot: -1}
		if vr, ok := a.Value.(*ast.VarRef); ok && a.Output {
			if slot, ok := s.frame.lookup(vr.Name); ok {
				arg.slot = slot
			}
		}
		args = append(args, arg)
	}
	c := &sysCall{s: s, ctx: ctx, w: w, name: strings.ToLower(x.Proc.Name.Name), args: args, params: p.params}
	serr := p.run(c)
	for i, o := range c.outs {
		if j := c.argIndex(i); j >= 0 && c.args[j].slot >= 0 {
			if cv, cerr := exec.Convert(o.v, o.t, s.frame.types[c.args[j].slot]); cerr == nil {
				s.frame.vals[c.args[j].slot] = cv
			}
		}
	}
	if serr == nil && x.ReturnVar != "" {
		if slot, ok := s.frame.lookup(x.ReturnVar); ok {
			s.frame.vals[slot] = intVal(int64(c.status))
		}
	}
	return serr, nil, true
}

// rpcSysProc runs a system procedure named in an RPC request.
func (s *Session) rpcSysProc(ctx context.Context, name string, params []Param, w result.Writer) (*stmtError, error, bool) {
	p := lookupSysProc(parseObjectName(name))
	if p == nil {
		return nil, nil, false
	}
	args := make([]sysArg, len(params))
	for i, a := range params {
		args[i] = sysArg{name: a.Name, v: a.Value, t: a.Type, output: a.Output, slot: -1}
	}
	n := parseObjectName(name)
	c := &sysCall{s: s, ctx: ctx, w: w, name: strings.ToLower(n.Name.Name), args: args, params: p.params}
	if serr := p.run(c); serr != nil {
		return serr, nil, true
	}
	if err := w.ReturnStatus(c.status); err != nil {
		return nil, err, true
	}
	for i, o := range c.outs {
		if j := c.argIndex(i); j >= 0 {
			name := c.args[j].name
			if name == "" && i < len(c.params) {
				name = c.params[i]
			}
			if err := w.ReturnValue(result.ReturnValue{Ordinal: j, Name: name, Type: o.t, Value: o.v}); err != nil {
				return nil, err, true
			}
		}
	}
	return nil, nil, true
}

// ddl runs f in a write transaction of its own when none is open, else in
// the session's (so the change rolls back with it).
func (s *Session) sysWrite(ctx context.Context, f func(txn storage.Txn) error) error {
	if s.tx != nil && s.tx.main != nil {
		s.tx.ddl = true
		return f(s.tx.main)
	}
	s.srv.ddlMu.Lock()
	defer s.srv.ddlMu.Unlock()
	txn, err := s.srv.main.Begin(ctx, storage.TxnOptions{LockTimeout: -1})
	if err != nil {
		return err
	}
	if err := f(txn); err != nil {
		txn.Rollback()
		return err
	}
	return txn.Commit()
}

func goErr(err error) *stmtError {
	if err == nil {
		return nil
	}
	return &stmtError{e: &msgs.Error{Number: 50000, Severity: 16, State: 1, Text: err.Error()}, kind: errBatch}
}

// parseTypeText resolves a type written as text ("varchar(11)").
func (s *Session) parseTypeText(text string) (types.Type, *msgs.Error) {
	stmts, err := parser.ParseBatch("DECLARE @t "+text, parser.Options{})
	if err != nil {
		return types.Type{}, parser.Messages(err)[0]
	}
	d, ok := stmts[0].(*ast.DeclareStmt)
	if !ok || len(d.Vars) != 1 || d.Vars[0].Type == nil {
		return types.Type{}, msgs.New(2715, 1, text)
	}
	b, _ := s.binder(1)
	var t types.Type
	var merr *msgs.Error
	func() {
		defer func() {
			if r := recover(); r != nil {
				if e, ok := recoverBind(r); ok {
					merr = e
					return
				}
				panic(r)
			}
		}()
		t = b.ResolveType(d.Vars[0].Type, false)
	}()
	return t, merr
}

func spAddType(c *sysCall) *stmtError {
	name, phys, nulls := c.str(0), c.str(1), strings.ToUpper(strings.TrimSpace(c.str(2)))
	if name == "" || phys == "" {
		return msgErr(201, "sp_addtype", map[bool]string{true: "@typename", false: "@phystype"}[name == ""])
	}
	base, merr := c.s.parseTypeText(phys)
	if merr != nil {
		return stmtErr(merr)
	}
	if sysobj.SysTypeByName(name) != nil || c.s.cat().AliasType(c.s.db, "dbo", name) != nil {
		return msgErr(219, name)
	}
	nullable := !(nulls == "NOT NULL" || nulls == "NONULL")
	err := c.s.sysWrite(c.ctx, func(txn storage.Txn) error {
		_, err := c.s.cat().AddAliasType(txn, c.s.db, catalog.AliasType{Schema: "dbo", Name: name, Base: base, Nullable: nullable})
		return err
	})
	return goErr(err)
}

func spDropType(c *sysCall) *stmtError {
	name := c.str(0)
	at := c.s.cat().AliasType(c.s.db, "", name)
	if at == nil {
		return msgErr(15009, name, c.s.db.Name)
	}
	return goErr(c.s.sysWrite(c.ctx, func(txn storage.Txn) error { return c.s.cat().DropAliasType(txn, c.s.db, at.ID) }))
}

// spDBOption records the options SQL Server 2000 scripts set; the two
// that map to a recovery model change it as ALTER DATABASE would.
func spDBOption(c *sysCall) *stmtError {
	if !c.has(0) {
		return c.query("select name from master.sys.databases order by name")
	}
	d := c.s.cat().Database(c.str(0))
	if d == nil {
		return msgErr(15009, c.str(0), c.s.db.Name)
	}
	opt, val := strings.ToLower(strings.TrimSpace(c.str(1))), strings.ToLower(strings.TrimSpace(c.str(2)))
	on := val == "true" || val == "on"
	return goErr(c.s.sysWrite(c.ctx, func(txn storage.Txn) error {
		switch opt {
		case "trunc. log on chkpt.":
			if on {
				return c.s.cat().SetDBOption(txn, d, "recovery", "SIMPLE")
			}
			return c.s.cat().SetDBOption(txn, d, "recovery", "FULL")
		case "select into/bulkcopy":
			if on && sysobj.Recovery(c.s.cat(), d) != "SIMPLE" {
				return c.s.cat().SetDBOption(txn, d, "recovery", "BULK_LOGGED")
			}
			return nil
		}
		return c.s.cat().SetDBOption(txn, d, opt, val)
	}))
}

func (c *sysCall) findObject(text string) (*catalog.Database, sysobj.Obj, bool) {
	n := parseObjectName(text)
	return sysobj.FindObject(c.s.cat(), c.s.db, n.Database.Name, n.Schema.Name, n.Name.Name)
}

func spHelpText(c *sysCall) *stmtError {
	name := c.str(0)
	_, o, ok := c.findObject(name)
	if !ok {
		return msgErr(15009, name, c.s.db.Name)
	}
	def := sysobj.Definition(o.Owner)
	if o.Type != "V" && o.Type != "P" || def == "" {
		return msgErr(15197, name)
	}
	// sp_helptext returns the text in lines of at most 255 characters,
	// each keeping its line break.
	var rows [][]types.Value
	for _, line := range strings.SplitAfter(def, "\n") {
		for len([]rune(line)) > 255 {
			r := []rune(line)
			rows = append(rows, []types.Value{strVal(string(r[:255]))})
			line = string(r[255:])
		}
		if line != "" {
			rows = append(rows, []types.Value{strVal(line)})
		}
	}
	return errOf(c.rows([]result.Column{col("Text", sem.NVarChar(255), true)}, rows))
}

func errOf(err error) *stmtError {
	if err == nil {
		return nil
	}
	return goErr(err)
}

func spConfigure(c *sysCall) *stmtError {
	st := c.s.srv.sys()
	cur := c.s.Configurations()
	showAdv := false
	for _, cv := range cur {
		if cv.Option.ID == 518 && cv.InUse == 1 {
			showAdv = true
		}
	}
	visible := func(o *sysobj.ConfigOption) bool { return showAdv || !o.Advanced }
	cols := []result.Column{col("name", sem.NVarChar(35), false), col("minimum", sem.IntType, false), col("maximum", sem.IntType, false),
		col("config_value", sem.IntType, false), col("run_value", sem.IntType, false)}
	if !c.has(0) {
		var rows [][]types.Value
		for _, cv := range cur {
			if visible(cv.Option) {
				rows = append(rows, []types.Value{strVal(cv.Option.Name), intVal(cv.Option.Min), intVal(cv.Option.Max), intVal(cv.Value), intVal(cv.InUse)})
			}
		}
		return errOf(c.rows(cols, rows))
	}
	o, _ := sysobj.FindConfig(c.str(0))
	if o == nil || !visible(o) {
		return msgErr(15123, c.str(0))
	}
	var cv sysobj.ConfigValue
	for _, x := range cur {
		if x.Option == o {
			cv = x
		}
	}
	if !c.has(1) {
		return errOf(c.rows(cols, [][]types.Value{{strVal(o.Name), intVal(o.Min), intVal(o.Max), intVal(cv.Value), intVal(cv.InUse)}}))
	}
	v, t, _ := c.arg(1)
	iv, cerr := exec.Convert(v, t, sem.BigIntType)
	if cerr != nil {
		return stmtErr(cerr)
	}
	n := iv.I
	if n < o.Min || n > o.Max {
		return msgErr(15129, n, o.Name)
	}
	if err := c.s.persistConfig(o.ID, n); err != nil {
		return goErr(err)
	}
	st.mu.Lock()
	st.config[o.ID] = [2]int64{n, cv.InUse}
	st.mu.Unlock()
	m := msgs.New(15457, o.Name, cv.Value, n)
	m.Line, m.Proc, m.Server = 1, "sp_configure", c.s.srv.cfg.ServerName
	return errOf(c.w.Message(m))
}

// reconfigure makes configured values the values in use.
func (s *Session) reconfigure() {
	st := s.srv.sys()
	st.mu.Lock()
	for id, v := range st.config {
		st.config[id] = [2]int64{v[0], v[0]}
	}
	st.mu.Unlock()
}

func spWho(c *sysCall) *stmtError {
	filter := c.str(0)
	var rows [][]types.Value
	for _, si := range c.s.Sessions() {
		if filter != "" && !strings.EqualFold(filter, si.Login) && filter != strconv.Itoa(int(si.SPID)) && !strings.EqualFold(filter, "active") {
			continue
		}
		status, cmd := "sleeping", "AWAITING COMMAND"
		if si.Running {
			status, cmd = "runnable", "SELECT"
		}
		rows = append(rows, []types.Value{intVal(int64(si.SPID)), intVal(0), strVal(status), strVal(si.Login), strVal(si.Host),
			strVal("  0"), strVal(si.Database), strVal(cmd), intVal(0)})
	}
	nc := func(n int32) types.Type { return types.Type{ID: types.NChar, Length: n} }
	return errOf(c.rows([]result.Column{col("spid", types.TypeSmallInt, false), col("ecid", types.TypeSmallInt, false),
		col("status", nc(30), false), col("loginame", nc(128), true), col("hostname", nc(128), false), col("blk", types.NewChar(5), true),
		col("dbname", nc(128), true), col("cmd", nc(16), false), col("request_id", sem.IntType, false)}, rows))
}

func spDatabases(c *sysCall) *stmtError {
	var rows [][]types.Value
	for _, d := range c.s.cat().Databases() {
		rows = append(rows, []types.Value{strVal(d.Name), intVal(8192), types.Null})
	}
	return errOf(c.rows([]result.Column{col("DATABASE_NAME", types.TypeSysname, false), col("DATABASE_SIZE", sem.IntType, true),
		col("REMARKS", sem.VarChar(254), true)}, rows))
}

func spTables(c *sysCall) *stmtError {
	where := []string{"1=1"}
	if c.has(0) {
		where = append(where, "TABLE_NAME like "+lit(c.str(0)))
	}
	if c.has(1) {
		where = append(where, "TABLE_SCHEMA like "+lit(c.str(1)))
	}
	if c.has(3) {
		tt := strings.ToUpper(c.str(3))
		var kinds []string
		if strings.Contains(tt, "'TABLE'") || tt == "TABLE" {
			kinds = append(kinds, "'BASE TABLE'")
		}
		if strings.Contains(tt, "VIEW") {
			kinds = append(kinds, "'VIEW'")
		}
		if len(kinds) == 0 {
			kinds = []string{"''"}
		}
		where = append(where, "TABLE_TYPE in ("+strings.Join(kinds, ",")+")")
	}
	return c.query(`select convert(sysname, TABLE_CATALOG) as TABLE_QUALIFIER, convert(sysname, TABLE_SCHEMA) as TABLE_OWNER,
 TABLE_NAME, convert(varchar(32), case TABLE_TYPE when 'BASE TABLE' then 'TABLE' else TABLE_TYPE end) as TABLE_TYPE,
 convert(varchar(254), null) as REMARKS from INFORMATION_SCHEMA.TABLES where ` + strings.Join(where, " and ") +
		" order by TABLE_TYPE, TABLE_OWNER, TABLE_NAME")
}

func spColumns(c *sysCall) *stmtError {
	where := []string{"TABLE_NAME like " + lit(c.str(0))}
	if c.has(1) {
		where = append(where, "TABLE_SCHEMA like "+lit(c.str(1)))
	}
	if c.has(3) {
		where = append(where, "COLUMN_NAME like "+lit(c.str(3)))
	}
	// PRECISION and LENGTH are ODBC's column size and transfer octet
	// length (int 10/4, decimal(p,s) p/p+2, datetime 23/16 …); the
	// date/time types introduced in 2008 go out as ODBC 2 character
	// columns (date 10/20). Identity columns are typed "int identity", and
	// SS_DATA_TYPE names the fixed-length type for NOT NULL columns.
	return c.query(`select convert(sysname, TABLE_CATALOG) as TABLE_QUALIFIER, convert(sysname, TABLE_SCHEMA) as TABLE_OWNER, TABLE_NAME,
 COLUMN_NAME, convert(smallint, ` + odbcCase("DATA_TYPE", func(i int) int64 { return odbcTypes[i].dataType }) + `) as DATA_TYPE,
 convert(sysname, DATA_TYPE + case when columnproperty(object_id(quotename(TABLE_SCHEMA) + '.' + quotename(TABLE_NAME)), COLUMN_NAME, 'IsIdentity') = 1 then ' identity' else '' end) as TYPE_NAME,
 convert(int, ` + spColPrecision + `) as [PRECISION],
 convert(int, case DATA_TYPE when 'int' then 4 when 'smallint' then 2 when 'tinyint' then 1 when 'bigint' then 8 when 'bit' then 1
  when 'real' then 4 when 'float' then 8 when 'decimal' then NUMERIC_PRECISION + 2 when 'numeric' then NUMERIC_PRECISION + 2
  when 'money' then 21 when 'smallmoney' then 12 when 'datetime' then 16 when 'smalldatetime' then 16 when 'uniqueidentifier' then 16
  when 'date' then 20 when 'time' then 2 * ` + spColPrecision + ` when 'datetime2' then 2 * ` + spColPrecision + `
  when 'datetimeoffset' then 2 * ` + spColPrecision + ` else CHARACTER_OCTET_LENGTH end) as [LENGTH],
 convert(smallint, case DATA_TYPE when 'datetime' then 3 when 'smalldatetime' then 0 when 'time' then DATETIME_PRECISION
  when 'datetime2' then DATETIME_PRECISION when 'datetimeoffset' then DATETIME_PRECISION else NUMERIC_SCALE end) as [SCALE],
 convert(smallint, case when DATA_TYPE in ('float', 'real') then 10 else NUMERIC_PRECISION_RADIX end) as RADIX, convert(smallint, case IS_NULLABLE when 'YES' then 1 else 0 end) as NULLABLE,
 convert(varchar(254), null) as REMARKS, COLUMN_DEFAULT as COLUMN_DEF, convert(smallint, ` + odbcCase("DATA_TYPE", func(i int) int64 { return odbcTypes[i].sqlType }) + `) as SQL_DATA_TYPE,
 convert(smallint, case when DATA_TYPE in ('datetime', 'smalldatetime') then 3 end) as SQL_DATETIME_SUB, CHARACTER_OCTET_LENGTH as CHAR_OCTET_LENGTH, ORDINAL_POSITION,
 convert(varchar(254), IS_NULLABLE) as IS_NULLABLE, convert(tinyint, case when IS_NULLABLE = 'NO' and DATA_TYPE in ('int', 'smallint', 'tinyint', 'real', 'float', 'money', 'smallmoney', 'datetime', 'smalldatetime')
  then case DATA_TYPE when 'int' then 56 when 'smallint' then 52 when 'tinyint' then 48 when 'real' then 59 when 'float' then 62
  when 'money' then 60 when 'smallmoney' then 122 when 'datetime' then 61 else 58 end
  else ` + odbcCase("DATA_TYPE", func(i int) int64 { return odbcTypes[i].ss }) + ` end) as SS_DATA_TYPE
 from INFORMATION_SCHEMA.COLUMNS where ` + strings.Join(where, " and ") + " order by TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION")
}

// spColPrecision is sp_columns' PRECISION: digits for numbers, characters
// for strings and for the date/time types' literal form.
const spColPrecision = `case DATA_TYPE when 'bit' then 1 when 'float' then 15 when 'real' then 7 when 'datetime' then 23
  when 'smalldatetime' then 16 when 'uniqueidentifier' then 36 when 'date' then 10
  when 'time' then 8 + case when DATETIME_PRECISION > 0 then DATETIME_PRECISION + 1 else 0 end
  when 'datetime2' then 19 + case when DATETIME_PRECISION > 0 then DATETIME_PRECISION + 1 else 0 end
  when 'datetimeoffset' then 26 + case when DATETIME_PRECISION > 0 then DATETIME_PRECISION + 1 else 0 end
  else coalesce(NUMERIC_PRECISION, CHARACTER_MAXIMUM_LENGTH) end`

func spPKeys(c *sysCall) *stmtError {
	where := "t.name = " + lit(c.str(0))
	if c.has(1) {
		where += " and s.name = " + lit(c.str(1))
	}
	return c.query(`select convert(sysname, db_name()) as TABLE_QUALIFIER, convert(sysname, s.name) as TABLE_OWNER, t.name as TABLE_NAME,
 col.name as COLUMN_NAME, convert(smallint, ic.key_ordinal) as KEY_SEQ, k.name as PK_NAME
 from sys.key_constraints k join sys.tables t on t.object_id = k.parent_object_id join sys.schemas s on s.schema_id = t.schema_id
 join sys.index_columns ic on ic.object_id = t.object_id and ic.index_id = k.unique_index_id
 join sys.columns col on col.object_id = t.object_id and col.column_id = ic.column_id
 where k.type = 'PK' and ` + where + " order by 1, 2, 3, 5")
}

func spHelpIndex(c *sysCall) *stmtError {
	name := c.str(0)
	_, o, ok := c.findObject(name)
	if !ok || o.Owner == nil || o.Owner.Table == nil {
		return msgErr(15009, name, c.s.db.Name)
	}
	t := o.Owner.Table
	var rows [][]types.Value
	for _, ix := range t.Indexes {
		var desc []string
		if ix.Clustered {
			desc = append(desc, "clustered")
		} else {
			desc = append(desc, "nonclustered")
		}
		if ix.Unique || ix.Primary {
			desc = append(desc, "unique")
		}
		if ix.Primary {
			desc = append(desc, "primary key")
		} else if ix.Constraint {
			desc = append(desc, "unique key")
		}
		var keys []string
		for _, ic := range ix.Columns {
			k := t.Columns[ic.Column].Name
			if ic.Desc {
				k += "(-)"
			}
			keys = append(keys, k)
		}
		rows = append(rows, []types.Value{strVal(ix.Name), strVal(strings.Join(desc, ", ") + " located on PRIMARY"), strVal(strings.Join(keys, ", "))})
	}
	return errOf(c.rows([]result.Column{col("index_name", types.TypeSysname, false), col("index_description", sem.VarChar(210), true),
		col("index_keys", sem.NVarChar(2126), true)}, rows))
}

func spSetSessionContext(c *sysCall) *stmtError {
	key := c.str(0)
	if key == "" {
		return msgErr(201, "sp_set_session_context", "@key")
	}
	m := c.s.meta()
	if old, ok := m.ctxValues[strings.ToLower(key)]; ok && old.readOnly {
		return msgErr(15664, key)
	}
	v, t, _ := c.arg(1)
	ro := false
	if rv, _, ok := c.arg(2); ok {
		ro = rv.I != 0
	}
	if m.ctxValues == nil {
		m.ctxValues = map[string]sessCtxValue{}
	}
	if v.K == types.KindVariant {
		v, t = v.Var.Value, v.Var.Type
	}
	m.ctxValues[strings.ToLower(key)] = sessCtxValue{v: cloneVal(v), t: t, readOnly: ro}
	return nil
}

// sessionContext is SESSION_CONTEXT(key).
func (s *Session) sessionContext(key string) types.Value {
	cv, ok := s.meta().ctxValues[strings.ToLower(key)]
	if !ok || cv.v.K == types.KindNull {
		return types.Null
	}
	return types.Value{K: types.KindVariant, Var: &types.VariantValue{Type: cv.t, Value: cv.v}}
}

func spGetAppLock(c *sysCall) *stmtError {
	res := c.str(0)
	if res == "" {
		return msgErr(201, "sp_getapplock", "@Resource")
	}
	mode := strings.ToLower(c.str(1))
	exclusive := mode == "exclusive" || mode == "update" || mode == "intentexclusive"
	timeout := time.Duration(-1)
	if v, _, ok := c.arg(3); ok && v.I >= 0 {
		timeout = time.Duration(v.I) * time.Millisecond
	}
	c.status = int32(c.s.srv.sys().locks.acquire(c.ctx, c.s, c.s.db.Name+":"+res, exclusive, timeout))
	return nil
}

func spReleaseAppLock(c *sysCall) *stmtError {
	res := c.str(0)
	if !c.s.srv.sys().locks.release(c.s, c.s.db.Name+":"+res) {
		c.status = -999
	}
	return nil
}

func spAddExtProp(c *sysCall) *stmtError {
	name := c.str(0)
	v, t, _ := c.arg(1)
	if v.K == types.KindVariant {
		v, t = v.Var.Value, v.Var.Type
	}
	p := catalog.ExtProperty{Name: name, Value: cloneVal(v), VType: t}
	target := c.s.db.Name
	if c.has(2) && !c.has(4) {
		// level 0 only: a property of the schema itself (class 3)
		sid, ok := c.s.db.SchemaID(c.str(3))
		if !strings.EqualFold(c.str(2), "schema") || !ok {
			return msgErr(15135, c.str(3))
		}
		p.Class, p.Major, target = 3, sid, c.str(3)
	} else if c.has(2) {
		p.Class = 1
		obj := c.str(5)
		_, o, ok := sysobj.FindObject(c.s.cat(), c.s.db, "", c.str(3), obj)
		if !ok {
			return msgErr(15135, obj)
		}
		p.Major = o.ID
		target = obj
		if strings.EqualFold(c.str(6), "column") && o.Owner != nil && o.Owner.Table != nil {
			ci := o.Owner.Table.ColumnIndex(c.str(7))
			if ci < 0 {
				return msgErr(15135, c.str(7))
			}
			p.Minor = int32(ci + 1)
			target = obj + "." + c.str(7)
		}
	}
	var found bool
	err := c.s.sysWrite(c.ctx, func(txn storage.Txn) error {
		var e error
		found, e = c.s.cat().SetExtProperty(txn, c.s.db, p, 'a')
		return e
	})
	if err != nil {
		return goErr(err)
	}
	if found {
		return msgErr(15233, name, target)
	}
	return nil
}

func xpMsver(c *sysCall) *stmtError {
	h := sysobj.Host()
	all := [][]types.Value{
		{intVal(1), strVal("ProductName"), intVal(0), strVal("Microsoft SQL Server")},
		{intVal(2), strVal("ProductVersion"), intVal(catalog.ProductMajor<<16 | catalog.ProductMinor), strVal(catalog.ProductVersion)},
		{intVal(3), strVal("Language"), intVal(1033), strVal("English (United States)")},
		{intVal(4), strVal("Platform"), types.Null, strVal("NT x64")},
		{intVal(7), strVal("FileDescription"), types.Null, strVal("SQL Server Windows NT - 64 Bit")},
		{intVal(9), strVal("LegalTrademarks"), types.Null, strVal("Microsoft SQL Server is a registered trademark of Microsoft Corporation.")},
		{intVal(11), strVal("ProcessorCount"), intVal(int64(numCPU())), strVal(strconv.Itoa(numCPU()))},
		{intVal(12), strVal("ProcessorActiveMask"), types.Null, strVal("")},
		{intVal(15), strVal("WindowsVersion"), types.Null, strVal(h.Distribution + " " + h.Release)},
	}
	want := strings.ToLower(c.str(0))
	var rows [][]types.Value
	for _, r := range all {
		if want == "" || strings.ToLower(r[1].S) == want {
			rows = append(rows, r)
		}
	}
	return errOf(c.rows([]result.Column{col("Index", types.TypeSmallInt, true), col("Name", types.TypeSysname, false),
		col("Internal_Value", sem.IntType, true), col("Character_Value", sem.NVarChar(255), true)}, rows))
}

func numCPU() int { return runtime.NumCPU() }

// odbcCase renders a CASE over a type-name column mapping each ODBC type
// of sp_datatype_info to f's value.
func odbcCase(colName string, f func(i int) int64) string {
	var b strings.Builder
	b.WriteString("case " + colName)
	for i, t := range odbcTypes {
		b.WriteString(" when '" + t.name + "' then " + strconv.FormatInt(f(i), 10))
	}
	b.WriteString(" end")
	return b.String()
}

// persistConfig stores a configured value in its own transaction: the
// configuration outlives the caller's transaction, as in SQL Server.
func (s *Session) persistConfig(id int32, v int64) error {
	txn, err := s.srv.main.Begin(context.Background(), storage.TxnOptions{LockTimeout: -1})
	if err != nil {
		return err
	}
	if err := catalog.PutConfig(txn, id, v); err != nil {
		txn.Rollback()
		return err
	}
	return txn.Commit()
}
