package proc

import (
	"context"
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/types"
)

// objectByText resolves 'schema.name' / '#t' text (OBJECT_ID).
func (s *Session) objectByText(text string) *catalog.Object {
	parts := strings.Split(text, ".")
	for i := range parts {
		parts[i] = strings.Trim(parts[i], "[]\"")
	}
	name := &ast.ObjectName{}
	switch len(parts) {
	case 1:
		name.Name.Name = parts[0]
	case 2:
		name.Schema.Name, name.Name.Name = parts[0], parts[1]
	case 3:
		name.Database.Name, name.Schema.Name, name.Name.Name = parts[0], parts[1], parts[2]
	default:
		return nil
	}
	if strings.HasPrefix(strings.ToLower(name.Database.Name), "tempdb") && strings.HasPrefix(name.Name.Name, "#") {
		name.Database.Name = ""
	}
	if name.Database.Name != "" && s.cat().Database(name.Database.Name) == nil {
		return nil
	}
	b, _ := s.binder(0)
	var o *catalog.Object
	func() {
		defer func() { recover() }()
		_, o = b.LookupObject(name)
	}()
	return o
}

// lookupTable resolves a table name for DDL/DML (208 when absent).
func (s *Session) lookupTable(name *ast.ObjectName) (int32, *catalog.Object, *stmtError) {
	b, _ := s.binder(0)
	var (
		d *catalog.Database
		o *catalog.Object
	)
	var serr *stmtError
	func() {
		defer func() {
			if r := recover(); r != nil {
				if e, ok := recoverBind(r); ok {
					serr = stmtErr(e)
					return
				}
				panic(r)
			}
		}()
		d, o = b.LookupObject(name)
	}()
	if serr != nil {
		return 0, nil, serr
	}
	if o == nil {
		return 0, nil, msgErr(208, objText(name))
	}
	return d.ID, o, nil
}

func objText(n *ast.ObjectName) string {
	var parts []string
	for _, p := range []ast.Ident{n.Database, n.Schema, n.Name} {
		if p.Name != "" {
			parts = append(parts, p.Name)
		}
	}
	return strings.Join(parts, ".")
}

// replaceTable stores a new definition of a table.
func (s *Session) replaceTable(db int32, o *catalog.Object, def *catalog.Table) *stmtError {
	if o.ID < 0 {
		o.Table = def
		return nil
	}
	d := s.cat().DatabaseByID(db)
	no := *o
	no.Table = def
	s.tx.ddl = true
	if err := s.cat().PutObject(s.tx.main, d, &no); err != nil {
		return stmtErr(storageError(err))
	}
	return nil
}

func (s *Session) createIndex(ctx context.Context, x *ast.CreateIndexStmt, w result.Writer, rc *runCtx) (*stmtError, error) {
	db, o, serr := s.lookupTable(&x.Table)
	if serr != nil {
		return serr, nil
	}
	if o.Kind != catalog.KindTable {
		return msgErr(1939, x.Name.Name), nil
	}
	s.srv.ddlMu.Lock()
	defer s.srv.ddlMu.Unlock()
	def := o.Table.Clone()
	if def.IndexByName(x.Name.Name) != nil {
		return msgErr(1913, x.Name.Name, o.Name), nil
	}
	cols, serr := indexColumns(def, o.Name, x.Columns)
	if serr != nil {
		return serr, nil
	}
	if x.Cluster == ast.Clustered {
		if x.Where != nil {
			return msgErr(40517, "WHERE"), nil // filtered clustered index
		}
		if def.Clustered() != nil {
			return msgErr(1902, x.Name.Name, o.Name), nil
		}
		// Re-key the heap: rows move under the new clustered key.
		s.appendIndex(def, catalog.Index{Name: x.Name.Name, Columns: cols, Unique: x.Unique, Clustered: true})
		if serr := s.rewriteTable(ctx, db, o, def, func(r []types.Value) ([]types.Value, *msgs.Error) { return r, nil }); serr != nil {
			if serr.e.Number == 2627 || serr.e.Number == 2601 {
				return msgErr(1505, o.Schema+"."+o.Name, x.Name.Name, strings.TrimSuffix(serr.e.Text[strings.LastIndex(serr.e.Text, "is ")+3:], ".")), nil
			}
			return serr, nil
		}
		return nil, w.Done(result.Done{Cmd: result.CmdDDL, InProc: rc.inProc})
	}
	ix := catalog.Index{Name: x.Name.Name, Columns: cols, Unique: x.Unique}
	if serr := s.indexExtras(def, o.Name, x, &ix, rc); serr != nil {
		return serr, nil
	}
	s.appendIndex(def, ix)
	nix := def.IndexByName(x.Name.Name)
	t := s.execCtx(ctx).TableFor(db, o)
	if m, err := t.BuildIndex(nix); m != nil || err != nil {
		if err != nil {
			return asStmtErr(err)
		}
		return stmtErr(m), nil
	}
	if serr := s.replaceTable(db, o, def); serr != nil {
		return serr, nil
	}
	return nil, w.Done(result.Done{Cmd: result.CmdDDL, InProc: rc.inProc})
}

func (s *Session) dropIndex(ctx context.Context, x *ast.DropIndexStmt, w result.Writer, rc *runCtx) (*stmtError, error) {
	for _, ref := range x.Indexes {
		tn := ref.Table
		db, o, serr := s.lookupTable(&tn)
		if serr != nil {
			if x.IfExists {
				continue
			}
			return msgErr(3701, "drop", "index", ref.Name.Name), nil
		}
		s.srv.ddlMu.Lock()
		def := o.Table.Clone()
		ix := def.IndexByName(ref.Name.Name)
		if ix == nil {
			s.srv.ddlMu.Unlock()
			if x.IfExists {
				continue
			}
			return msgErr(3701, "drop", "index", objText(&tn)+"."+ref.Name.Name), nil
		}
		if ix.Constraint {
			s.srv.ddlMu.Unlock()
			kind := "UNIQUE KEY"
			if ix.Primary {
				kind = "PRIMARY KEY"
			}
			return msgErr(3723, objText(&tn)+"."+ref.Name.Name, kind), nil
		}
		t := s.execCtx(ctx).TableFor(db, o)
		if err := t.DropIndex(ix); err != nil {
			s.srv.ddlMu.Unlock()
			return asStmtErr(err)
		}
		out := def.Indexes[:0]
		for _, i := range def.Indexes {
			if !strings.EqualFold(i.Name, ref.Name.Name) {
				out = append(out, i)
			}
		}
		def.Indexes = out
		serr = s.replaceTable(db, o, def)
		s.srv.ddlMu.Unlock()
		if serr != nil {
			return serr, nil
		}
	}
	return nil, w.Done(result.Done{Cmd: result.CmdDDL, InProc: rc.inProc})
}

func (s *Session) dropStmt(ctx context.Context, x *ast.DropStmt, w result.Writer, rc *runCtx) (*stmtError, error) {
	for i := range x.Names {
		n := &x.Names[i]
		if x.Kind == ast.ObjDatabase {
			if serr := s.dropDatabase(n.Name.Name, x.IfExists); serr != nil {
				return serr, nil
			}
			continue
		}
		if x.Kind == ast.ObjType {
			if serr := s.dropType(ctx, n, x.IfExists); serr != nil {
				return serr, nil
			}
			continue
		}
		if x.Kind == ast.ObjLogin || x.Kind == ast.ObjUser || x.Kind == ast.ObjRole {
			if serr := s.dropPrincipal(ctx, x.Kind, n, x.IfExists); serr != nil {
				return serr, nil
			}
			continue
		}
		if x.Kind == ast.ObjSchema {
			if serr := s.dropSchema(ctx, n, x.IfExists); serr != nil {
				return serr, nil
			}
			continue
		}
		if serr, ok := s.dropModuleNew(x, n); ok {
			if serr != nil {
				return serr, nil
			}
			continue
		}
		db, o, serr := s.lookupTable(n)
		kindWord := map[ast.ObjectKind]string{ast.ObjTable: "table", ast.ObjView: "view", ast.ObjProcedure: "procedure"}[x.Kind]
		want := map[ast.ObjectKind]catalog.ObjectKind{ast.ObjTable: catalog.KindTable, ast.ObjView: catalog.KindView, ast.ObjProcedure: catalog.KindProcedure}[x.Kind]
		if kindWord == "" {
			// Object kinds tsqld cannot create yet cannot exist either.
			other := map[ast.ObjectKind]string{ast.ObjFunction: "function", ast.ObjTrigger: "trigger", ast.ObjSequence: "sequence", ast.ObjSynonym: "synonym", ast.ObjType: "type", ast.ObjSchema: "schema", ast.ObjDefault: "default", ast.ObjRule: "rule"}[x.Kind]
			if other == "" {
				return msgErr(40517, "DROP"), nil
			}
			if x.IfExists {
				continue
			}
			return msgErr(3701, "drop", other, objText(n)), nil
		}
		if serr != nil || o.Kind != want {
			if x.IfExists {
				continue
			}
			return msgErr(3701, "drop", kindWord, objText(n)), nil
		}
		if o.Kind == catalog.KindTable {
			if ref := s.referencingFK(db, o); ref != "" {
				return msgErr(3726, o.Name, ref), nil
			}
		}
		if o.ID < 0 {
			p := catalog.TablePrefix(catalog.TempDBID, o.ID)
			if err := catalog.DeleteRange(s.tempTxn(), p, catalog.PrefixEnd(p)); err != nil {
				return asStmtErr(err)
			}
			s.setTemp(strings.ToLower(o.Name), nil)
			continue
		}
		s.srv.ddlMu.Lock()
		s.tx.ddl = true
		err := s.dropTableTriggers(db, o)
		if err == nil {
			err = s.cat().DeleteObject(s.tx.main, s.cat().DatabaseByID(db), o)
		}
		s.srv.ddlMu.Unlock()
		s.srv.counters.Forget(db, o.ID)
		if err != nil {
			return asStmtErr(err)
		}
	}
	return nil, w.Done(result.Done{Cmd: result.CmdDDL, InProc: rc.inProc})
}

// referencingFK names a foreign key of another table referencing o.
func (s *Session) referencingFK(db int32, o *catalog.Object) string {
	d := s.cat().DatabaseByID(db)
	if d == nil {
		return ""
	}
	for _, other := range s.cat().Objects(d) {
		if other.Kind != catalog.KindTable || other.ID == o.ID {
			continue
		}
		for _, fk := range other.Table.ForeignKeys {
			if fk.RefObject == o.ID {
				return fk.Name
			}
		}
	}
	return ""
}

func (s *Session) truncateStmt(ctx context.Context, x *ast.TruncateStmt, w result.Writer, rc *runCtx) (*stmtError, error) {
	db, o, serr := s.lookupTable(&x.Table)
	if serr != nil {
		return serr, nil
	}
	if o.Kind != catalog.KindTable {
		return msgErr(4708, o.Name), nil
	}
	if ref := s.referencingFK(db, o); ref != "" {
		return msgErr(4712, o.Name, ref), nil
	}
	p := catalog.TablePrefix(db, o.ID)
	if err := catalog.DeleteRange(s.execCtx(ctx).Txn(db), p, catalog.PrefixEnd(p)); err != nil {
		return asStmtErr(err)
	}
	s.srv.counters.Forget(db, o.ID)
	return nil, w.Done(result.Done{Cmd: result.CmdDDL, InProc: rc.inProc})
}

func (s *Session) createView(ctx context.Context, x *ast.CreateViewStmt, w result.Writer, rc *runCtx) (*stmtError, error) {
	// Validate the query now, as SQL Server does.
	if _, serr := s.bindQuery(x.Query, nil, x.Span.Line, rc); serr != nil {
		return serr, nil
	}
	v := &catalog.View{Definition: x.Definition, Query: rc.text(x.Query)}
	if v.Definition == "" {
		v.Definition = rc.text(x)
	}
	for _, c := range x.Columns {
		v.Columns = append(v.Columns, c.Name)
	}
	return s.putModule(&x.Name, catalog.KindView, x.Alter, x.OrAlter, func(o *catalog.Object) { o.View = v }, w, rc)
}

func (s *Session) createProc(ctx context.Context, x *ast.CreateProcStmt, w result.Writer, rc *runCtx) (*stmtError, error) {
	def := x.Definition
	if def == "" {
		def = rc.text(x)
	}
	p := &catalog.Procedure{Definition: def}
	if strings.HasPrefix(x.Name.Name.Name, "#") {
		return s.createTempProc(x, p, w, rc)
	}
	return s.putModule(&x.Name, catalog.KindProcedure, x.Alter, x.OrAlter, func(o *catalog.Object) { o.Proc = p }, w, rc)
}

// putModule creates or alters a view or procedure.
func (s *Session) putModule(name *ast.ObjectName, kind catalog.ObjectKind, alter, orAlter bool, fill func(*catalog.Object), w result.Writer, rc *runCtx) (*stmtError, error) {
	d := s.db
	schema := name.Schema.Name
	if schema == "" {
		schema = s.defaultSchema(d) // default_schema.go
	}
	s.srv.ddlMu.Lock()
	defer s.srv.ddlMu.Unlock()
	old := s.cat().Object(d, schema, name.Name.Name)
	var o *catalog.Object
	switch {
	case old != nil && !alter && !orAlter:
		return msgErr(2714, name.Name.Name), nil
	case old == nil && alter:
		return msgErr(208, name.Name.Name), nil
	case old != nil:
		if old.Kind != kind {
			return msgErr(2714, name.Name.Name), nil
		}
		c := *old
		o = &c
	default:
		id, err := s.cat().AllocObjectID(s.tx.main, d)
		if err != nil {
			return asStmtErr(err)
		}
		o = &catalog.Object{ID: id, Schema: schemaName(d, schema), Name: name.Name.Name, Kind: kind}
	}
	fill(o)
	s.tx.ddl = true
	if err := s.cat().PutObject(s.tx.main, d, o); err != nil {
		return asStmtErr(err)
	}
	return nil, w.Done(result.Done{Cmd: result.CmdDDL, InProc: rc.inProc})
}

func (s *Session) createDatabase(ctx context.Context, x *ast.CreateDatabaseStmt, w result.Writer, rc *runCtx) (*stmtError, error) {
	if s.tx.explicit {
		return msgErr(226, "CREATE DATABASE"), nil
	}
	s.srv.ddlMu.Lock()
	defer s.srv.ddlMu.Unlock()
	if s.cat().Database(x.Name.Name) != nil {
		return msgErr(1801, x.Name.Name), nil
	}
	coll := x.Collation
	if coll == "" {
		coll = s.srv.cfg.Collation
	} else if cdesc, cerr := collationDesc(coll); cerr != nil {
		return cerr, nil
	} else if uerr := unicodeOnly(coll, types.Type{}, true); uerr != nil { // Msg 459
		return uerr, nil
	} else {
		coll = cdesc.Name
	}
	s.tx.ddl = true
	if _, err := s.cat().CreateDatabase(s.tx.main, x.Name.Name, coll); err != nil {
		return asStmtErr(err)
	}
	return nil, w.Done(result.Done{Cmd: result.CmdDDL, InProc: rc.inProc})
}

func (s *Session) dropDatabase(name string, ifExists bool) *stmtError {
	if s.tx.explicit {
		return msgErr(226, "DROP DATABASE")
	}
	d := s.cat().Database(name)
	if d == nil {
		if ifExists {
			return nil
		}
		return stmtErr(msgs.NewState(3701, 1, "drop", "database", name)) // state 1 for databases
	}
	if d.ID <= catalog.MSDBID {
		return msgErr(3708, "drop", "database", d.Name, "a system database")
	}
	if d == s.db {
		return msgErr(3702, d.Name)
	}
	s.srv.ddlMu.Lock()
	defer s.srv.ddlMu.Unlock()
	s.tx.ddl = true
	if err := s.cat().DropDatabase(s.tx.main, d); err != nil {
		serr, _ := asStmtErr(err)
		return serr
	}
	return nil
}

func (s *Session) useStmt(x *ast.UseStmt, w result.Writer, rc *runCtx) (*stmtError, error) {
	d := s.cat().Database(x.Database.Name)
	if d == nil {
		return msgErr(911, x.Database.Name), nil
	}
	if serr := s.useAllowed(d); serr != nil { // 916 (security_stmts.go)
		return serr, nil
	}
	old := s.db.Name
	s.db = d
	if err := w.EnvChange(result.EnvChange{Type: result.EnvDatabase, New: d.Name, Old: old}); err != nil {
		return nil, err
	}
	m := msgInfo(5701, d.Name)
	m.Server = s.srv.cfg.ServerName
	m.Line = x.Span.Line
	if err := w.Message(m); err != nil {
		return nil, err
	}
	return nil, nil
}
