package engine

import (
	"context"
	"strings"
	"testing"

	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/sysobj"
	"github.com/tsqld/tsqld/sql/types"
)

// catalogSetup creates one object of every kind the views describe.
const catalogSetup = `
execute sp_addtype zip, 'char(5)', 'NOT NULL'
create table dbo.parent (id int identity(10,5) constraint PK_parent primary key, name nvarchar(40) not null constraint DF_parent_name default N'?', code zip, price money null constraint CK_parent_price check (price >= 0), note varchar(max) null)
create table dbo.child (id int not null, parent_id int constraint FK_child_parent references parent(id) on delete cascade, d datetime2(3) null, constraint UQ_child unique (id, parent_id))
create index IX_child_d on child (d desc)
insert parent (name, code, price) values (N'a', '12345', 1), (N'b', '54321', 2)
exec('create view dbo.v_parent as select id, name from parent where price > 0')
exec('create procedure dbo.p_get @id int, @name nvarchar(40) = null output as select @name = name from parent where id = @id')
exec sp_addextendedproperty @name = N'MS_Description', @value = N'parents', @level0type = N'SCHEMA', @level0name = N'dbo', @level1type = N'TABLE', @level1name = N'parent'
exec sp_addextendedproperty @name = N'Version', @value = N'1'
declare c_shape cursor global for select id from parent
open c_shape
`

// messagesOf returns the error texts a batch produced.
func messagesOf(c *result.Collector) []string {
	var out []string
	for _, e := range c.Events {
		if e.Message != nil && e.Message.Severity > 10 {
			out = append(out, e.Message.Error())
		}
	}
	return out
}

// kindFits reports whether a value's kind is what the column's type holds.
func kindFits(t types.Type, v types.Value) bool {
	if v.K == types.KindNull {
		return true
	}
	switch t.ID {
	case types.Int, types.SmallInt, types.TinyInt, types.BigInt:
		return v.K == types.KindInt
	case types.Bit:
		return v.K == types.KindBool || v.K == types.KindInt
	case types.NVarChar, types.VarChar, types.NChar, types.Char, types.Text, types.NText:
		return v.K == types.KindString
	case types.VarBinary, types.Binary, types.Image:
		return v.K == types.KindBytes
	case types.UniqueIdentifier:
		return v.K == types.KindGUID && len(v.B) == 16
	case types.DateTime:
		return v.K == types.KindDateTime
	case types.SQLVariant:
		return v.K == types.KindVariant
	case types.Real, types.Float:
		return v.K == types.KindFloat
	}
	return true
}

// TestSystemViewsShape reads every system view after creating objects of
// every kind: each must bind, report exactly its declared columns, and
// produce values of its columns' types.
func TestSystemViewsShape(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e *Engine) {
		s := newSession(t, e)
		defer s.Close()
		if msgs := messagesOf(run(t, s, catalogSetup)); len(msgs) > 0 {
			t.Fatalf("setup: %v", msgs)
		}
		for _, v := range sysobj.Views() {
			q := "select * from [" + v.Schema + "].[" + v.Name + "]"
			if v.Schema == "dbo" {
				q = "select * from " + v.Name
			}
			if v.Func != "" { // a system table-valued function
				args := make([]string, v.Params)
				for i := range args {
					args[i] = "0" // e.g. sys.dm_exec_cursors(0): every session
					if v.ArgValues {
						args[i] = "default" // fn_listextendedproperty: database level
					}
				}
				q += "(" + strings.Join(args, ", ") + ")"
			}
			c := &result.Collector{}
			if err := s.ExecBatch(context.Background(), q, c); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
			if msgs := messagesOf(c); len(msgs) > 0 {
				t.Errorf("%s: %v", q, msgs)
				continue
			}
			var cols []result.Column
			rows := 0
			for _, ev := range c.Events {
				if ev.Columns != nil {
					cols = ev.Columns
				}
				if ev.Row != nil {
					rows++
					for i, val := range ev.Row {
						if !kindFits(cols[i].Type, val) {
							t.Errorf("%s: column %s (%s) holds kind %d", q, cols[i].Name, sysobj.TypeSQL(cols[i].Type), val.K)
						}
						if !cols[i].Nullable && val.K == types.KindNull {
							t.Errorf("%s: NOT NULL column %s is NULL", q, cols[i].Name)
						}
					}
				}
			}
			if len(cols) != len(v.Cols) {
				t.Errorf("%s: %d columns, declared %d", q, len(cols), len(v.Cols))
				continue
			}
			for i := range cols {
				if cols[i].Name != v.Cols[i].Name || cols[i].Type.ID != v.Cols[i].Type.ID {
					t.Errorf("%s: column %d is %s, declared %s", q, i, cols[i].Name, v.Cols[i].Name)
				}
			}
			if rows == 0 && !emptyAllowed[strings.ToLower(v.Name)] {
				t.Errorf("%s: no rows", q)
			}
		}
	})
}

// Views that are legitimately empty with the setup above.
var emptyAllowed = map[string]bool{
	"sequences": true, "triggers": true, "synonyms": true, "table_types": true, "dm_tran_session_transactions": true, "computed_columns": true, "dm_exec_connections": true, "routines": false,
}

// firstRow runs q and returns its first row rendered as strings.
func firstRow(t *testing.T, s Session, q string) []string {
	t.Helper()
	c := run(t, s, q)
	if msgs := messagesOf(c); len(msgs) > 0 {
		t.Fatalf("%s: %v", q, msgs)
	}
	var cols []result.Column
	for _, ev := range c.Events {
		if ev.Columns != nil {
			cols = ev.Columns
		}
		if ev.Row != nil {
			out := make([]string, len(ev.Row))
			for i, v := range ev.Row {
				out[i] = renderValue(cols[i].Type, v)
			}
			return out
		}
	}
	t.Fatalf("%s: no rows", q)
	return nil
}

func renderValue(t types.Type, v types.Value) string {
	one := result.Collector{Events: []result.Event{{Columns: []result.Column{{Name: "x", Type: t}}}, {Row: []types.Value{v}}}}
	lines := strings.Split(strings.TrimSpace(one.String()), "\n")
	return lines[len(lines)-1]
}

// TestSysobjectsFollowsCatalog checks that the compatibility view tracks
// DDL: the Northwind/pubs drop guards depend on it.
func TestSysobjectsFollowsCatalog(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e *Engine) {
		s := newSession(t, e)
		defer s.Close()
		run(t, s, catalogSetup)
		guard := `select count(*) from sysobjects where id = object_id('%s') and sysstat & 0xf = %s`
		for _, c := range []struct{ name, stat string }{{"dbo.parent", "3"}, {"dbo.v_parent", "2"}, {"dbo.p_get", "4"}} {
			if got := firstRow(t, s, strings.Replace(strings.Replace(guard, "%s", c.name, 1), "%s", c.stat, 1)); got[0] != "1" {
				t.Errorf("%s: sysobjects guard found %v", c.name, got)
			}
		}
		run(t, s, "drop view dbo.v_parent")
		if got := firstRow(t, s, "select count(*) from sysobjects where name = 'v_parent'"); got[0] != "0" {
			t.Errorf("dropped view still listed: %v", got)
		}
		if got := firstRow(t, s, "select object_id('PK_parent', 'PK') - object_id('PK_parent'), object_name(object_id('CK_parent_price')), objectproperty(object_id('FK_child_parent'), 'IsForeignKey')"); got[0] != "0" || got[1] != "CK_parent_price" || got[2] != "1" {
			t.Errorf("constraint ids: %v", got)
		}
		if got := firstRow(t, s, "select object_id('dbo.parent', 'V')"); got[0] != "NULL" {
			t.Errorf("OBJECT_ID with the wrong type: %v", got)
		}
		if got := firstRow(t, s, "select ident_current('parent'), ident_seed('parent'), ident_incr('parent')"); strings.Join(got, ",") != "15,10,5" {
			t.Errorf("identity functions: %v", got)
		}
		if got := firstRow(t, s, "select last_value from sys.identity_columns where object_id = object_id('parent')"); got[0] != "15" {
			t.Errorf("identity_columns.last_value: %v", got)
		}
		if got := firstRow(t, s, "select rows from sys.partitions where object_id = object_id('parent') and index_id = 1"); got[0] != "2" {
			t.Errorf("partition rows: %v", got)
		}
		if got := firstRow(t, s, "select count(*) from sys.parameters where object_id = object_id('p_get') and is_output = 1 and name = '@name'"); got[0] != "1" {
			t.Errorf("parameters: %v", got)
		}
		if got := firstRow(t, s, "select c.is_nullable, t.name, b.name, i.DOMAIN_NAME from sys.columns c join sys.types t on t.user_type_id = c.user_type_id join sys.types b on b.user_type_id = c.system_type_id join INFORMATION_SCHEMA.COLUMNS i on i.TABLE_NAME = object_name(c.object_id) and i.COLUMN_NAME = c.name where c.object_id = object_id('parent') and c.name = 'code'"); strings.Join(got, ",") != "0,zip,char,zip" {
			t.Errorf("alias-typed column: %v", got)
		}
	})
}

// TestConnectProbes runs the properties SSMS and drivers query at connect
// time and checks their types.
func TestConnectProbes(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e *Engine) {
		s := newSession(t, e)
		defer s.Close()
		c := run(t, s, `select serverproperty('ProductVersion') as v, serverproperty('EngineEdition') as ee, cast(serverproperty('ProductMajorVersion') as int) as major,
 @@microsoftversion / 0x1000000 as mv, serverproperty('IsIntegratedSecurityOnly') as integ, serverproperty('EditionID') as eid,
 sql_variant_property(serverproperty('EngineEdition'), 'BaseType') as bt`)
		if msgs := messagesOf(c); len(msgs) > 0 {
			t.Fatalf("%v", msgs)
		}
		var row []types.Value
		for _, ev := range c.Events {
			if ev.Row != nil {
				row = ev.Row
			}
		}
		if row == nil || row[0].K != types.KindVariant || row[0].Var.Type.ID != types.NVarChar {
			t.Fatalf("ProductVersion: %+v", row)
		}
		if row[1].Var == nil || row[1].Var.Type.ID != types.Int || row[1].Var.Value.I != 3 {
			t.Errorf("EngineEdition: %+v", row[1])
		}
		if row[2].I != 16 || row[3].I != 16 {
			t.Errorf("major version %d, @@MICROSOFTVERSION major %d", row[2].I, row[3].I)
		}
		if row[5].Var == nil || row[5].Var.Type.ID != types.BigInt {
			t.Errorf("EditionID: %+v", row[5])
		}
	})
}

// TestSystemProcsByRPC calls system procedures the way drivers do.
func TestSystemProcsByRPC(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e *Engine) {
		s := newSession(t, e)
		defer s.Close()
		run(t, s, catalogSetup)
		c := &result.Collector{}
		if err := s.ExecRPC(context.Background(), &RPC{ProcName: "sp_tables", Params: []Param{nv("parent")}}, c); err != nil {
			t.Fatal(err)
		}
		if msgs := messagesOf(c); len(msgs) > 0 {
			t.Fatal(msgs)
		}
		found, status := false, false
		for _, ev := range c.Events {
			if ev.Row != nil && ev.Row[2].S == "parent" && ev.Row[3].S == "TABLE" {
				found = true
			}
			if ev.ReturnStatus != nil && *ev.ReturnStatus == 0 {
				status = true
			}
		}
		if !found || !status {
			t.Errorf("sp_tables: found=%v status=%v\n%s", found, status, c.String())
		}
		c = &result.Collector{}
		if err := s.ExecRPC(context.Background(), &RPC{ProcName: "sp_nosuch_proc", Params: nil}, c); err != nil {
			t.Fatal(err)
		}
		if msgs := messagesOf(c); len(msgs) != 1 || !strings.Contains(msgs[0], "2812") && !strings.Contains(msgs[0], "Could not find stored procedure") {
			t.Errorf("unknown procedure: %v", msgs)
		}
	})
}

// TestSpHelpTable checks sp_help's result sets for a table: object,
// columns, identity, rowguidcol, filegroup, indexes, constraints.
func TestSpHelpTable(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e *Engine) {
		s := newSession(t, e)
		defer s.Close()
		run(t, s, catalogSetup)
		c := run(t, s, "exec sp_help 'parent'")
		if msgs := messagesOf(c); len(msgs) > 0 {
			t.Fatal(msgs)
		}
		var first []string
		sets := 0
		for _, ev := range c.Events {
			if ev.Columns != nil {
				sets++
				first = append(first, ev.Columns[0].Name)
			}
		}
		want := "Name,Column_name,Identity,RowGuidCol,Data_located_on_filegroup,index_name,constraint_type"
		if strings.Join(first, ",") != want {
			t.Errorf("sp_help result sets: %v", first)
		}
		if !strings.Contains(c.String(), "id | 10 | 5 | 0") {
			t.Errorf("identity set:\n%s", c.String())
		}
	})
}

// TestSessionsView checks that sys.dm_exec_sessions and sp_who see other
// sessions, with the state they had after their last request.
func TestSessionsView(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e *Engine) {
		a := newSession(t, e)
		defer a.Close()
		li, _ := e.Authenticate("sa", "Secret123!")
		b, merr := e.NewSession(SessionConfig{SPID: 52, Login: li, AppName: "probe", ClientAddr: "127.0.0.1:50123", ODBCDefaults: true})
		if merr != nil {
			t.Fatal(merr)
		}
		defer b.Close()
		run(t, b, "use tempdb")
		got := firstRow(t, a, "select count(*), max(case when session_id = 52 then db_name(database_id) end), max(case when session_id = 52 then program_name end) from sys.dm_exec_sessions")
		if strings.Join(got, ",") != "2,tempdb,probe" {
			t.Errorf("dm_exec_sessions: %v", got)
		}
		got = firstRow(t, a, "select client_net_address, client_tcp_port from sys.dm_exec_connections where session_id = 52")
		if strings.Join(got, ",") != "127.0.0.1,50123" {
			t.Errorf("dm_exec_connections: %v", got)
		}
		got = firstRow(t, a, "select count(*) from sys.dm_exec_requests")
		if got[0] != "1" {
			t.Errorf("dm_exec_requests: only the reading session runs, got %v", got)
		}
		b.Close()
		got = firstRow(t, a, "select count(*) from sys.dm_exec_sessions")
		if got[0] != "1" {
			t.Errorf("closed session still listed: %v", got)
		}
	})
}
