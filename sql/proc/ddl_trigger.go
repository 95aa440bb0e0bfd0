package proc

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/types"
)

// Database-scoped DDL triggers (CREATE TRIGGER … ON DATABASE FOR
// CREATE_TABLE, DDL_TABLE_EVENTS, …). They are catalog triggers whose
// Parent is 0 (no table); they fire after the DDL statement, inside its
// transaction, so ROLLBACK in the body undoes the DDL (Msg 3609).

// ddlEventGroups maps SQL Server's event groups to their events.
var ddlEventGroups = map[string][]string{
	"DDL_TABLE_EVENTS":     {"CREATE_TABLE", "ALTER_TABLE", "DROP_TABLE"},
	"DDL_VIEW_EVENTS":      {"CREATE_VIEW", "ALTER_VIEW", "DROP_VIEW"},
	"DDL_INDEX_EVENTS":     {"CREATE_INDEX", "ALTER_INDEX", "DROP_INDEX"},
	"DDL_PROCEDURE_EVENTS": {"CREATE_PROCEDURE", "ALTER_PROCEDURE", "DROP_PROCEDURE"},
	"DDL_FUNCTION_EVENTS":  {"CREATE_FUNCTION", "ALTER_FUNCTION", "DROP_FUNCTION"},
	"DDL_TRIGGER_EVENTS":   {"CREATE_TRIGGER", "ALTER_TRIGGER", "DROP_TRIGGER"},
	"DDL_SCHEMA_EVENTS":    {"CREATE_SCHEMA", "ALTER_SCHEMA", "DROP_SCHEMA"},
	"DDL_SEQUENCE_EVENTS":  {"CREATE_SEQUENCE", "ALTER_SEQUENCE", "DROP_SEQUENCE"},
}

func init() {
	tv := append(append(append([]string{}, ddlEventGroups["DDL_TABLE_EVENTS"]...), ddlEventGroups["DDL_VIEW_EVENTS"]...), ddlEventGroups["DDL_INDEX_EVENTS"]...)
	ddlEventGroups["DDL_TABLE_VIEW_EVENTS"] = tv
	var all []string
	for _, evs := range ddlEventGroups {
		all = append(all, evs...)
	}
	ddlEventGroups["DDL_DATABASE_LEVEL_EVENTS"] = all
}

// ddlEventValid reports whether name is an event or event group a
// database DDL trigger accepts.
func ddlEventValid(name string) bool {
	if _, ok := ddlEventGroups[name]; ok {
		return true
	}
	for _, evs := range ddlEventGroups {
		for _, e := range evs {
			if e == name {
				return true
			}
		}
	}
	return false
}

// ddlTriggerMatches reports whether a trigger declared for events fires
// on ev.
func ddlTriggerMatches(events []string, ev string) bool {
	for _, e := range events {
		if e == ev {
			return true
		}
		for _, g := range ddlEventGroups[e] {
			if g == ev {
				return true
			}
		}
	}
	return false
}

// createDDLTrigger runs CREATE/ALTER TRIGGER name ON DATABASE.
func (s *Session) createDDLTrigger(ctx context.Context, x *ast.CreateTriggerStmt, w result.Writer, rc *runCtx) (*stmtError, error) {
	def := x.Definition
	if def == "" {
		def = rc.text(x)
	}
	tr := &catalog.Trigger{Definition: def}
	for _, ev := range x.Events {
		ev = strings.ToUpper(ev)
		if !ddlEventValid(ev) {
			return msgErr(1084, ev), nil
		}
		tr.Events = append(tr.Events, ev)
	}
	name := x.Name
	name.Schema.Name = "dbo"
	return s.putModule(&name, catalog.KindTrigger, x.Alter, x.OrAlter, func(o *catalog.Object) { o.Trigger = tr }, w, rc)
}

// dropDDLTrigger runs DROP TRIGGER name ON DATABASE.
func (s *Session) dropDDLTrigger(x *ast.DropStmt, n *ast.ObjectName) *stmtError {
	o := s.cat().Object(s.db, "dbo", n.Name.Name)
	if o == nil || o.Kind != catalog.KindTrigger || o.Trigger == nil || o.Trigger.Parent != 0 {
		if x.IfExists {
			return nil
		}
		return msgErr(3701, "drop", "trigger", n.Name.Name)
	}
	s.tx.ddl = true
	if err := s.cat().DeleteObject(s.tx.main, s.db, o); err != nil {
		serr, _ := asStmtErr(err)
		return serr
	}
	return nil
}

// ddlEvent is one event a DDL statement raises.
type ddlEvent struct {
	typ, schema, object, objectType, target, targetType string
}

// ddlEvents lists the events st will raise in the current database, or nil
// when the database has no DDL trigger (one map lookup) or st is not DDL.
// It runs before the statement so CREATE OR ALTER knows which it is.
func (s *Session) ddlEvents(st ast.Node) []ddlEvent {
	switch st.(type) {
	case *ast.CreateTableStmt, *ast.AlterTableStmt, *ast.CreateViewStmt, *ast.CreateProcStmt, *ast.CreateFunctionStmt,
		*ast.CreateTriggerStmt, *ast.CreateIndexStmt, *ast.DropIndexStmt, *ast.CreateSchemaStmt, *ast.DropStmt:
	default:
		return nil // not DDL: no trigger lookup on the DML hot path
	}
	if len(s.srv.triggerIndex(s.db.ID)[0]) == 0 {
		return nil
	}
	schemaOf := func(n *ast.ObjectName) string {
		if n.Schema.Name != "" {
			return n.Schema.Name
		}
		if _, o, _ := s.lookupTable(n); o != nil {
			return o.Schema
		}
		return s.defaultSchema(s.db)
	}
	local := func(n *ast.ObjectName) bool {
		return !strings.HasPrefix(n.Name.Name, "#") && (n.Database.Name == "" || strings.EqualFold(n.Database.Name, s.db.Name))
	}
	verb := func(alter, orAlter bool, n *ast.ObjectName) string {
		if alter {
			return "ALTER_"
		}
		if orAlter {
			if _, o, _ := s.lookupTable(n); o != nil {
				return "ALTER_"
			}
		}
		return "CREATE_"
	}
	one := func(typ, objType string, n *ast.ObjectName) []ddlEvent {
		if !local(n) {
			return nil
		}
		return []ddlEvent{{typ: typ, schema: schemaOf(n), object: n.Name.Name, objectType: objType}}
	}
	switch x := st.(type) {
	case *ast.CreateTableStmt:
		return one("CREATE_TABLE", "TABLE", &x.Name)
	case *ast.AlterTableStmt:
		return one("ALTER_TABLE", "TABLE", &x.Table)
	case *ast.CreateViewStmt:
		return one(verb(x.Alter, x.OrAlter, &x.Name)+"VIEW", "VIEW", &x.Name)
	case *ast.CreateProcStmt:
		return one(verb(x.Alter, x.OrAlter, &x.Name)+"PROCEDURE", "PROCEDURE", &x.Name)
	case *ast.CreateFunctionStmt:
		return one(verb(x.Alter, x.OrAlter, &x.Name)+"FUNCTION", "FUNCTION", &x.Name)
	case *ast.CreateTriggerStmt:
		if x.OnDatabase || x.OnServer {
			return nil
		}
		return one(verb(x.Alter, x.OrAlter, &x.Name)+"TRIGGER", "TRIGGER", &x.Name)
	case *ast.CreateIndexStmt:
		if !local(&x.Table) {
			return nil
		}
		return []ddlEvent{{typ: "CREATE_INDEX", schema: schemaOf(&x.Table), object: x.Name.Name, objectType: "INDEX",
			target: x.Table.Name.Name, targetType: "TABLE"}}
	case *ast.DropIndexStmt:
		var out []ddlEvent
		for _, r := range x.Indexes {
			if local(&r.Table) {
				out = append(out, ddlEvent{typ: "DROP_INDEX", schema: schemaOf(&r.Table), object: r.Name.Name, objectType: "INDEX",
					target: r.Table.Name.Name, targetType: "TABLE"})
			}
		}
		return out
	case *ast.CreateSchemaStmt:
		return []ddlEvent{{typ: "CREATE_SCHEMA", object: x.Name.Name, objectType: "SCHEMA"}}
	case *ast.DropStmt:
		kind := map[ast.ObjectKind]string{ast.ObjTable: "TABLE", ast.ObjView: "VIEW", ast.ObjProcedure: "PROCEDURE",
			ast.ObjFunction: "FUNCTION", ast.ObjTrigger: "TRIGGER", ast.ObjSchema: "SCHEMA", ast.ObjSequence: "SEQUENCE"}[x.Kind]
		if kind == "" || x.OnDb || x.OnServer {
			return nil
		}
		var out []ddlEvent
		for i := range x.Names {
			n := &x.Names[i]
			if kind == "SCHEMA" {
				out = append(out, ddlEvent{typ: "DROP_SCHEMA", object: n.Name.Name, objectType: kind})
				continue
			}
			if _, o, _ := s.lookupTable(n); o != nil && local(n) {
				out = append(out, ddlEvent{typ: "DROP_" + kind, schema: o.Schema, object: o.Name, objectType: kind})
			}
		}
		return out
	}
	return nil
}

// fireDDLTriggers runs the database's DDL triggers for the events of a
// statement that succeeded.
func (s *Session) fireDDLTriggers(ctx context.Context, st ast.Node, events []ddlEvent, w result.Writer, rc *runCtx) (*stmtError, error) {
	trigs := s.srv.triggerIndex(s.db.ID)[0]
	for _, ev := range events {
		for _, o := range trigs {
			if o.Trigger.Disabled || !ddlTriggerMatches(o.Trigger.Events, ev.typ) || s.inTrigger(o) {
				continue
			}
			if s.tx == nil {
				return nil, nil // an earlier trigger ended the transaction
			}
			s.eventData = append(s.eventData, s.eventXML(ev, rc.text(st)))
			tc := &trigCollector{s: s, t: &dmlTarget{db: s.db.ID, obj: ddlNoTable}, ev: ev.typ}
			serr, err := s.runTrigger(ctx, tc, o, w, rc)
			s.eventData = s.eventData[:len(s.eventData)-1]
			if serr != nil || err != nil {
				return serr, err
			}
		}
	}
	return nil, nil
}

// ddlNoTable gives a DDL trigger empty inserted/deleted tables.
var ddlNoTable = &catalog.Object{ID: 0, Schema: "dbo", Kind: catalog.KindTable, Table: &catalog.Table{NextIndexID: 2}}

// eventXML renders EVENTDATA() as SQL Server does for database DDL events.
func (s *Session) eventXML(ev ddlEvent, command string) string {
	var b strings.Builder
	el := func(name, v string) {
		b.WriteString("<" + name + ">")
		xmlEscape(&b, v)
		b.WriteString("</" + name + ">")
	}
	onOff := func(on bool) string {
		if on {
			return "ON"
		}
		return "OFF"
	}
	b.WriteString("<EVENT_INSTANCE>")
	el("EventType", ev.typ)
	el("PostTime", time.Now().Format("2006-01-02T15:04:05.000"))
	el("SPID", strconv.Itoa(int(s.cfg.SPID)))
	el("ServerName", s.srv.cfg.ServerName)
	el("LoginName", s.secLogin())
	el("UserName", s.currentUser())
	el("DatabaseName", s.db.Name)
	if ev.schema != "" {
		el("SchemaName", ev.schema)
	}
	el("ObjectName", ev.object)
	el("ObjectType", ev.objectType)
	if ev.target != "" {
		el("TargetObjectName", ev.target)
		el("TargetObjectType", ev.targetType)
	}
	b.WriteString(`<TSQLCommand><SetOptions ANSI_NULLS="` + onOff(s.opts.Has(1<<5)) + `" ANSI_NULL_DEFAULT="` + onOff(s.opts.Has(1<<10)) +
		`" ANSI_PADDING="` + onOff(s.opts.Has(1<<4)) + `" QUOTED_IDENTIFIER="` + onOff(s.opts.Has(1<<8)) + `" ENCRYPTED="FALSE"/>`)
	el("CommandText", command)
	b.WriteString("</TSQLCommand></EVENT_INSTANCE>")
	return b.String()
}

func xmlEscape(b *strings.Builder, s string) {
	for _, r := range s {
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '\r':
			b.WriteString("&#x0D;")
		default:
			b.WriteRune(r)
		}
	}
}

// eventDataValue is EVENTDATA(): the running DDL trigger's event, NULL
// elsewhere.
func (s *Session) eventDataValue() types.Value {
	if len(s.eventData) == 0 {
		return types.Null
	}
	return types.StringValue(s.eventData[len(s.eventData)-1])
}

// enableDDLTrigger runs ENABLE|DISABLE TRIGGER names|ALL ON DATABASE.
func (s *Session) enableDDLTrigger(x *ast.EnableTriggerStmt, w result.Writer, rc *runCtx) (*stmtError, error) {
	var targets []*catalog.Object
	if x.All {
		targets = s.srv.triggerIndex(s.db.ID)[0]
	} else {
		for i := range x.Names {
			o := s.cat().Object(s.db, "dbo", x.Names[i].Name.Name)
			if o == nil || o.Kind != catalog.KindTrigger || o.Trigger == nil || o.Trigger.Parent != 0 {
				verb := "disable"
				if x.Enable {
					verb = "enable"
				}
				return msgErr(3701, verb, "trigger", x.Names[i].Name.Name), nil
			}
			targets = append(targets, o)
		}
	}
	if serr, err := s.setTriggersEnabled(s.db, targets, x.Enable); serr != nil || err != nil {
		return serr, err
	}
	return nil, w.Done(result.Done{Cmd: result.CmdDDL, InProc: rc.inProc})
}
