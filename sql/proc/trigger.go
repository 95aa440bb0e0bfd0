package proc

import (
	"context"
	"strings"
	"sync"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/types"
)

// createTrigger runs CREATE/ALTER/CREATE OR ALTER TRIGGER (DML triggers).
func (s *Session) createTrigger(ctx context.Context, x *ast.CreateTriggerStmt, w result.Writer, rc *runCtx) (*stmtError, error) {
	if x.OnDatabase {
		return s.createDDLTrigger(ctx, x, w, rc) // ddl_trigger.go
	}
	if x.OnServer {
		return msgErr(40517, "DDL trigger"), nil
	}
	def := x.Definition
	if def == "" {
		def = rc.text(x)
	}
	_, tbl, serr := s.lookupTable(&x.Table)
	if serr != nil || tbl == nil || (tbl.Kind != catalog.KindTable && tbl.Kind != catalog.KindView) || tbl.ID < 0 {
		return msgErr(8197, objText(&x.Table)), nil
	}
	if tbl.Kind == catalog.KindView && x.Timing != ast.TriggerInsteadOf {
		return msgErr(8197, objText(&x.Table)), nil
	}
	tr := &catalog.Trigger{Definition: def, Parent: tbl.ID, InsteadOf: x.Timing == ast.TriggerInsteadOf}
	for _, ev := range x.Events {
		tr.Events = append(tr.Events, strings.ToUpper(ev))
	}
	if tr.InsteadOf {
		// One INSTEAD OF trigger per event and table (Msg 2111).
		for _, o := range s.cat().Objects(s.db) {
			if o.Kind != catalog.KindTrigger || o.Trigger.Parent != tbl.ID || !o.Trigger.InsteadOf || strings.EqualFold(o.Name, x.Name.Name.Name) {
				continue
			}
			for _, ev := range tr.Events {
				if o.Trigger.HasEvent(ev) {
					return msgErr(2111, "CREATE TRIGGER", x.Name.Name.Name, ev, tbl.Name), nil
				}
			}
		}
	}
	name := x.Name
	if name.Schema.Name == "" {
		name.Schema.Name = tbl.Schema
	}
	return s.putModule(&name, catalog.KindTrigger, x.Alter, x.OrAlter, func(o *catalog.Object) { o.Trigger = tr }, w, rc)
}

// tableTriggers returns the triggers of a table for one event.
func (s *Session) tableTriggers(db int32, tbl *catalog.Object, ev string) (after []*catalog.Object, instead *catalog.Object) {
	if tbl.ID < 0 {
		return nil, nil
	}
	idx := s.srv.triggerIndex(db)
	if s.tx != nil && s.tx.cat != nil {
		idx = s.privateTriggerIndex(db) // DDL transaction's own catalog (catalog_txn.go)
	}
	for _, o := range idx[tbl.ID] {
		if o.Trigger.Disabled || !o.Trigger.HasEvent(ev) {
			continue
		}
		if o.Trigger.InsteadOf {
			instead = o
		} else {
			after = append(after, o)
		}
	}
	return after, instead
}

// trigCollector gathers the rows one DML statement changed so its
// triggers can see them as inserted/deleted.
type trigCollector struct {
	s       *Session
	t       *dmlTarget
	ev      string
	after   []*catalog.Object
	instead *catalog.Object
	ins     [][]types.Value
	del     [][]types.Value
	updated []bool
}

// triggers returns the collector of a DML statement, nil when the target
// has no trigger for ev (the common case costs one catalog walk).
func (s *Session) triggers(t *dmlTarget, ev string) *trigCollector {
	if t == nil || t.obj == nil || t.obj.ID < 0 {
		return nil
	}
	after, instead := s.tableTriggers(t.db, t.obj, ev)
	if len(after) == 0 && instead == nil {
		return nil
	}
	if instead != nil && s.inTrigger(instead) {
		// An INSTEAD OF trigger's own DML on its table acts directly.
		instead = nil
	}
	if instead != nil {
		after = nil
	}
	return &trigCollector{s: s, t: t, ev: ev, after: after, instead: instead}
}

func (s *Session) inTrigger(o *catalog.Object) bool {
	if s.feat == nil {
		return false
	}
	for _, f := range s.feat.trig {
		if f.obj == o || f.obj.ID == o.ID {
			return true
		}
	}
	return false
}

// insteadOf reports whether the statement's own change is replaced.
func (tc *trigCollector) insteadOf() bool { return tc != nil && tc.instead != nil }

func (tc *trigCollector) add(ins, del []types.Value) {
	if tc == nil {
		return
	}
	if ins != nil {
		r := make([]types.Value, len(ins))
		for i := range ins {
			r[i] = cloneVal(ins[i])
		}
		tc.ins = append(tc.ins, r)
	}
	if del != nil {
		r := make([]types.Value, len(del))
		for i := range del {
			r[i] = cloneVal(del[i])
		}
		tc.del = append(tc.del, r)
	}
}

// setUpdated records the columns an UPDATE assigns (UPDATE(col)). For
// INSERT every column counts as updated.
func (tc *trigCollector) setUpdated(cols []int) {
	if tc == nil {
		return
	}
	tc.updated = make([]bool, len(tc.t.obj.Table.Columns))
	for _, c := range cols {
		if c >= 0 && c < len(tc.updated) {
			tc.updated[c] = true
		}
	}
}

// errTrigAbort is returned (as a stmtError) when a trigger aborted the
// batch after reporting its own error: the statement ends silently.
var errTrigAbort = &msgs.Error{Number: -3609}

// fire runs the statement's triggers. The statement's DONE follows.
func (tc *trigCollector) fire(ctx context.Context, w result.Writer, rc *runCtx) (*stmtError, error) {
	if tc == nil {
		return nil, nil
	}
	if tc.updated == nil {
		tc.setUpdated(nil)
		if tc.ev == "INSERT" {
			for i := range tc.updated {
				tc.updated[i] = true
			}
		}
	}
	if tc.instead != nil {
		return tc.s.runTrigger(ctx, tc, tc.instead, w, rc)
	}
	for _, o := range tc.after {
		if tc.s.inTrigger(o) {
			// RECURSIVE_TRIGGERS is OFF: a trigger does not fire itself.
			continue
		}
		if serr, err := tc.s.runTrigger(ctx, tc, o, w, rc); serr != nil || err != nil {
			return serr, err
		}
	}
	return nil, nil
}

// pseudoTable builds an inserted/deleted table holding rows.
func (s *Session) pseudoTable(ctx context.Context, name string, def *catalog.Table, rows [][]types.Value) (*catalog.Object, *stmtError) {
	cols := make([]catalog.Column, len(def.Columns))
	for i, c := range def.Columns {
		cols[i] = catalog.Column{Name: c.Name, Type: c.Type, Nullable: true}
	}
	o := &catalog.Object{ID: -tempObjectIDs.Add(1), Schema: "dbo", Name: name, Kind: catalog.KindTable,
		Table: &catalog.Table{Columns: cols, NextIndexID: 2}, Database: catalog.TempDBID}
	c := s.execCtx(ctx)
	tbl := c.TableFor(catalog.TempDBID, o)
	for _, r := range rows {
		if m, err := tbl.Insert(s.srv.counters, r); m != nil || err != nil {
			if m != nil {
				return nil, stmtErr(m)
			}
			se, _ := asStmtErr(err)
			return nil, se
		}
	}
	return o, nil
}

// runTrigger fires one trigger.
func (s *Session) runTrigger(ctx context.Context, tc *trigCollector, o *catalog.Object, w result.Writer, rc *runCtx) (*stmtError, error) {
	if s.nestLevel >= 32 {
		return msgErr(217, 32), nil
	}
	e, perr := s.parse(o.Trigger.Definition, "\x00trigger")
	if perr != nil || len(e.Stmts) != 1 {
		return msgErr(8180), nil
	}
	ct, ok := e.Stmts[0].(*ast.CreateTriggerStmt)
	if !ok {
		return msgErr(8180), nil
	}
	if s.tx == nil {
		return msgErr(8180), nil
	}
	ins, serr := s.pseudoTable(ctx, "inserted", tc.t.obj.Table, tc.ins)
	if serr != nil {
		return serr, nil
	}
	del, serr := s.pseudoTable(ctx, "deleted", tc.t.obj.Table, tc.del)
	if serr != nil {
		return serr, nil
	}
	f := s.features()
	// A trigger is its own scope: identity values it generates show in
	// @@IDENTITY, not in the firing statement's SCOPE_IDENTITY().
	savedIdent := s.scopeIdent
	defer func() { s.scopeIdent = savedIdent }()
	saved := s.frame
	s.frame = newFrame(nil)
	// The pseudo-tables are dropped with the frame.
	s.frame.tables["\x00inserted"] = ins
	s.frame.tables["\x00deleted"] = del
	f.trig = append(f.trig, &trigFrame{obj: o, inserted: ins, deleted: del, updated: tc.updated, tableObj: tc.t.obj, callerFrm: s.frame})
	// Inside a trigger @@TRANCOUNT is at least 1 even for an autocommit
	// statement, and ROLLBACK is allowed.
	tx := s.tx
	faked := !tx.explicit
	if faked {
		tx.explicit, tx.count = true, 1
		f.autoTx = tx
		defer func() { f.autoTx = nil }()
	}
	auto := f.autoTx == tx
	tranBefore := tx.count
	trc := &runCtx{entry: e, src: o.Trigger.Definition, inProc: true, procName: o.Name}
	s.nestLevel++
	// SET options a trigger changes revert when it ends.
	savedOpts := s.opts
	defer func() { s.opts = savedOpts }()
	savedRows := s.rowCount
	s.rowCount = int64(max(len(tc.ins), len(tc.del)))
	var sig *signal
	var gerr error
	if restoreSec, serr := s.moduleExecuteAs(ct.Options, s.db); serr != nil { // module_execas.go
		sig, gerr = s.fail(serr, 0, w, trc, result.CmdNone)
	} else {
		sig, gerr = s.run(ctx, ct.Body, w, trc)
		restoreSec()
	}
	s.nestLevel--
	s.rowCount = savedRows
	f.trig = f.trig[:len(f.trig)-1]
	s.releaseFrame(s.frame)
	s.frame = saved
	ended := s.tx != tx
	if !ended && faked {
		tx.explicit, tx.count = false, 0
	}
	if gerr != nil {
		return nil, gerr
	}
	if sig != nil && sig.kind == sigAbort {
		// The trigger's error was reported; it ends the statement and the
		// batch and rolls the transaction back.
		if s.tx != nil {
			desc := s.tx.desc
			s.rollbackAll()
			if !auto {
				if err := envTran(w, result.EnvRollbackTran, desc); err != nil {
					return nil, err
				}
			}
		}
		return &stmtError{e: errTrigAbort, kind: errBatch}, nil
	}
	if sig != nil && sig.kind == sigCatch {
		return &stmtError{e: sig.err, kind: errStmt}, nil
	}
	if ended || (s.tx != nil && s.tx.explicit && !faked && s.tx.count < tranBefore) {
		if s.tx != nil && s.tx.count == 0 {
			s.rollbackAll()
		}
		m := msgs.New(3609)
		m.Proc = o.Name
		return &stmtError{e: m, kind: errBatch}, nil
	}
	return nil, nil
}

// dropModuleNew drops triggers, functions and sequences; handled=false
// for other kinds.
func (s *Session) dropModuleNew(x *ast.DropStmt, n *ast.ObjectName) (serr *stmtError, handled bool) {
	var want []catalog.ObjectKind
	word := ""
	switch x.Kind {
	case ast.ObjTrigger:
		if x.OnDb {
			return s.dropDDLTrigger(x, n), true // ddl_trigger.go
		}
		if x.OnServer {
			return nil, false
		}
		want, word = []catalog.ObjectKind{catalog.KindTrigger}, "trigger"
	case ast.ObjFunction:
		want, word = []catalog.ObjectKind{catalog.KindScalarFunc, catalog.KindInlineTVF, catalog.KindTableFunc}, "function"
	case ast.ObjSequence:
		want, word = []catalog.ObjectKind{catalog.KindSequence}, "sequence"
	default:
		return nil, false
	}
	db, o, lerr := s.lookupTable(n)
	found := lerr == nil && o != nil
	if found {
		found = false
		for _, k := range want {
			if o.Kind == k {
				found = true
			}
		}
	}
	if !found {
		if x.IfExists {
			return nil, true
		}
		return msgErr(3701, "drop", word, objText(n)), true
	}
	s.srv.ddlMu.Lock()
	s.tx.ddl = true
	err := s.cat().DeleteObject(s.tx.main, s.cat().DatabaseByID(db), o)
	s.srv.ddlMu.Unlock()
	if err != nil {
		se, _ := asStmtErr(err)
		return se, true
	}
	if o.Kind == catalog.KindSequence {
		s.forgetSequence(db, o.ID)
	}
	return nil, true
}

// dropTableTriggers drops the triggers of a table being dropped.
func (s *Session) dropTableTriggers(db int32, tbl *catalog.Object) error {
	d := s.cat().DatabaseByID(db)
	if d == nil || tbl.ID < 0 {
		return nil
	}
	for _, o := range s.cat().Objects(d) {
		if o.Kind == catalog.KindTrigger && o.Trigger != nil && o.Trigger.Parent == tbl.ID {
			if err := s.cat().DeleteObject(s.tx.main, d, o); err != nil {
				return err
			}
		}
	}
	return nil
}

// currentTrigger is the innermost running trigger (nil outside).
func (s *Session) currentTrigger() *trigFrame {
	if s.feat == nil || len(s.feat.trig) == 0 {
		return nil
	}
	return s.feat.trig[len(s.feat.trig)-1]
}

// columnsUpdated is COLUMNS_UPDATED(): bit i-1 of byte (i-1)/8 is column
// i's flag.
func (s *Session) columnsUpdated() types.Value {
	t := s.currentTrigger()
	if t == nil {
		return types.Null
	}
	b := make([]byte, (len(t.updated)+7)/8)
	for i, u := range t.updated {
		if u {
			b[i/8] |= 1 << uint(i%8)
		}
	}
	return types.Value{K: types.KindBytes, B: b}
}

// columnUpdated is UPDATE(col) inside a trigger.
func (s *Session) columnUpdated(col string) (types.Value, *msgs.Error, bool) {
	t := s.currentTrigger()
	if t == nil {
		return types.Null, msgs.New(8180), true
	}
	i := t.tableObj.Table.ColumnIndex(col)
	if i < 0 {
		return types.Null, msgs.New(207, col), true
	}
	if i < len(t.updated) && t.updated[i] {
		return intVal(1), nil, true
	}
	return intVal(0), nil, true
}

// trigIndex maps a database's tables to their triggers; rebuilt when the
// catalog version changes so DML statements need no catalog walk.
type trigIndex struct {
	mu      sync.Mutex
	version uint64
	byDB    map[int32]map[int32][]*catalog.Object
}

var trigIndexes sync.Map // *Server → *trigIndex

func (srv *Server) triggerIndex(db int32) map[int32][]*catalog.Object {
	v, ok := trigIndexes.Load(srv)
	if !ok {
		v, _ = trigIndexes.LoadOrStore(srv, &trigIndex{})
	}
	ti := v.(*trigIndex)
	ver := srv.cat.Version()
	ti.mu.Lock()
	defer ti.mu.Unlock()
	if ti.byDB == nil || ti.version != ver {
		ti.byDB, ti.version = map[int32]map[int32][]*catalog.Object{}, ver
	}
	m, ok := ti.byDB[db]
	if ok {
		return m
	}
	m = map[int32][]*catalog.Object{}
	if d := srv.cat.DatabaseByID(db); d != nil {
		for _, o := range srv.cat.Objects(d) {
			if o.Kind == catalog.KindTrigger && o.Trigger != nil {
				m[o.Trigger.Parent] = append(m[o.Trigger.Parent], o)
			}
		}
	}
	ti.byDB[db] = m
	return m
}

// enableTrigger runs ENABLE|DISABLE TRIGGER names|ALL ON table.
func (s *Session) enableTrigger(x *ast.EnableTriggerStmt, w result.Writer, rc *runCtx) (*stmtError, error) {
	if x.OnDatabase {
		return s.enableDDLTrigger(x, w, rc) // ddl_trigger.go
	}
	if x.OnServer {
		return msgErr(40517, "DDL trigger"), nil
	}
	db, tbl, serr := s.lookupTable(&x.Table)
	if serr != nil || tbl == nil {
		return msgErr(8197, objText(&x.Table)), nil
	}
	var targets []*catalog.Object
	if x.All {
		targets = s.srv.triggerIndex(db)[tbl.ID]
	} else {
		for i := range x.Names {
			n := x.Names[i]
			if n.Schema.Name == "" {
				n.Schema.Name = tbl.Schema
			}
			_, o, _ := s.lookupTable(&n)
			if o == nil || o.Kind != catalog.KindTrigger || o.Trigger.Parent != tbl.ID {
				return msgErr(3701, "disable", "trigger", objText(&x.Names[i])), nil
			}
			targets = append(targets, o)
		}
	}
	if serr, err := s.setTriggersEnabled(s.cat().DatabaseByID(db), targets, x.Enable); serr != nil || err != nil {
		return serr, err
	}
	return nil, w.Done(result.Done{Cmd: result.CmdDDL, InProc: rc.inProc})
}

// setTriggersEnabled stores ENABLE/DISABLE TRIGGER for each trigger of
// database d (DML and DDL triggers alike).
func (s *Session) setTriggersEnabled(d *catalog.Database, targets []*catalog.Object, enable bool) (*stmtError, error) {
	s.srv.ddlMu.Lock()
	defer s.srv.ddlMu.Unlock()
	for _, o := range targets {
		c := *o
		tr := *o.Trigger
		tr.Disabled = !enable
		c.Trigger = &tr
		s.tx.ddl = true
		if err := s.cat().PutObject(s.tx.main, d, &c); err != nil {
			return asStmtErr(err)
		}
	}
	return nil, nil
}

// alterTableTrigger runs ALTER TABLE t ENABLE|DISABLE TRIGGER ALL|names.
func (s *Session) alterTableTrigger(x *ast.AlterTableStmt, w result.Writer, rc *runCtx) (*stmtError, error) {
	et := &ast.EnableTriggerStmt{Span: x.Span, Enable: x.Enable, All: x.All, Table: x.Table}
	for _, n := range x.Names {
		et.Names = append(et.Names, ast.ObjectName{Name: n})
	}
	return s.enableTrigger(et, w, rc)
}

// viewTriggerTarget makes a view with an INSTEAD OF trigger for ev a DML
// target: its rows have the view's columns and only go to the trigger.
func (s *Session) viewTriggerTarget(db int32, o *catalog.Object, alias, ev string) *dmlTarget {
	if o.Kind != catalog.KindView || o.View == nil {
		return nil
	}
	has := false
	for _, tr := range s.srv.triggerIndex(db)[o.ID] {
		if tr.Trigger.InsteadOf && !tr.Trigger.Disabled && tr.Trigger.HasEvent(ev) {
			has = true
		}
	}
	if !has {
		return nil
	}
	q, err := s.ParseQuery(o.View.Query)
	if err != nil {
		return nil
	}
	b, _ := s.binder(0)
	rel, berr := b.BindQuery(q)
	if berr != nil {
		return nil
	}
	rc := rel.Cols()
	cols := make([]catalog.Column, len(rc))
	for i, c := range rc {
		name := c.Name
		if i < len(o.View.Columns) {
			name = o.View.Columns[i]
		}
		cols[i] = catalog.Column{Name: name, Type: c.Type, Nullable: true}
	}
	vo := *o
	vo.Table = &catalog.Table{Columns: cols}
	if alias == "" {
		alias = o.Name
	}
	return &dmlTarget{db: db, obj: &vo, alias: alias, cols: tableCols(&vo, alias)}
}
