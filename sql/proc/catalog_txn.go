package proc

import (
	"context"
	"reflect"
	"strings"
	"sync"
	"time"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/catalog"
)

// DDL isolation. Outside explicit transactions DDL changes the shared
// catalog in place and commits with its statement. Inside an explicit
// transaction (BEGIN TRAN, implicit transactions) the first statement that
// can change the catalog forks a private copy read through the
// transaction (catalog.Fork); the session then binds and executes against
// it, so its own DDL is visible to it while other sessions keep the
// committed catalog — sys.tables and name resolution included. COMMIT
// publishes by reloading the shared catalog from storage; ROLLBACK drops
// the copy (the objects never existed for anyone else).
//
// Writes of catalog records still take storage locks: a second session's
// DDL touching the same records (the database record, which holds the
// object-id counter) waits for the transaction, or fails with 1222 under
// LOCK_TIMEOUT, or 1205 when the wait closes a cycle.

// cat returns the catalog the session sees: its transaction's private
// copy, or the shared one.
func (s *Session) cat() *catalog.Catalog {
	if s.tx != nil && s.tx.cat != nil {
		return s.tx.cat
	}
	return s.srv.cat
}

// catalogStmtStart runs before each statement: it forks the private
// catalog for a catalog-changing statement in an explicit transaction, and
// otherwise follows the shared catalog when a reload replaced the
// session's database.
func (s *Session) catalogStmtStart(st ast.Node) error {
	ddl := s.tx != nil && s.db != nil && mutatesCatalog(st)
	if ddl {
		// Take the database record's lock before any DDL mutex: a DDL
		// statement waits here — under LOCK_TIMEOUT (1222) and deadlock
		// detection (1205) — for another transaction's uncommitted DDL,
		// instead of holding srv.ddlMu while it waits (which the holder's
		// next DDL would need: a deadlock no lock manager sees).
		if _, _, err := s.tx.main.GetForUpdate(catalog.DatabaseKey(s.db.ID)); err != nil {
			return err
		}
	}
	if s.tx != nil && s.tx.cat != nil {
		return nil
	}
	if ddl && s.tx.explicit {
		return s.forkCatalog()
	}
	if s.db != nil {
		if d := s.srv.cat.DatabaseByID(s.db.ID); d != nil && d != s.db {
			s.db = d
		}
	}
	return nil
}

// forkCatalog gives the transaction its private catalog.
func (s *Session) forkCatalog() error {
	c, err := s.srv.cat.Fork(s.tx.main)
	if err != nil {
		return err
	}
	s.tx.sharedDDL = s.tx.ddl // DDL before the fork changed the shared catalog
	s.tx.cat = c
	s.afterCatalogReload()
	return nil
}

// refork re-reads the private catalog after a partial rollback undid
// catalog writes of the transaction.
func (s *Session) refork() {
	if s.tx == nil || s.tx.cat == nil {
		return
	}
	if c, err := s.srv.cat.Fork(s.tx.main); err == nil {
		s.tx.cat = c
		s.afterCatalogReload()
	}
}

// mutatesCatalog reports statements that may change the catalog: CREATE,
// ALTER, DROP, GRANT/DENY/REVOKE, SELECT … INTO, sp_rename and other
// system procedures (EXEC of a procedure is decided per inner statement).
func mutatesCatalog(st ast.Node) bool {
	switch x := st.(type) {
	case *ast.SelectStmt:
		sel, ok := x.Query.Body.(*ast.Select)
		return ok && sel.Into != nil && !strings.HasPrefix(sel.Into.Name.Name, "#")
	case *ast.CreateTableStmt:
		return !strings.HasPrefix(x.Name.Name.Name, "#") // #temp tables are session objects
	case *ast.ExecStmt:
		return strings.HasPrefix(strings.ToLower(x.Proc.Name.Name), "sp_")
	}
	rt := reflect.TypeOf(st)
	if v, ok := ddlTypes.Load(rt); ok {
		return v.(bool)
	}
	n := rt.String()
	ddl := false
	for _, p := range []string{"*ast.Create", "*ast.Alter", "*ast.Drop", "*ast.Grant", "*ast.Deny", "*ast.Revoke", "*ast.Truncate", "*ast.Enable", "*ast.Disable", "*ast.Rename"} {
		if strings.HasPrefix(n, p) {
			ddl = true
		}
	}
	ddlTypes.Store(rt, ddl)
	return ddl
}

// ddlTypes caches mutatesCatalog's verdict per statement type (the name
// test builds a string).
var ddlTypes sync.Map

// commitInPlaceDDL commits a transaction whose DDL changed the shared
// catalog in place. A reload (another transaction's publish or rollback)
// that read storage before this commit and replaced the catalog after it
// would drop the changes from memory; srv.publishMu orders the two, and
// tx.stale records that a reload came between begin and commit (then
// publishCatalog reloads).
func (s *Session) commitInPlaceDDL(tx *txnState) error {
	s.srv.publishMu.Lock()
	defer s.srv.publishMu.Unlock()
	err := tx.main.Commit()
	tx.stale = s.srv.cat.Generation() != tx.catGen
	return err
}

// publishCatalog makes the ended transaction's catalog changes the shared
// state, or undoes them; tx is the transaction that just committed
// (committed=true) or rolled back.
func (s *Session) publishCatalog(tx *txnState, committed bool) {
	switch {
	case tx.cat != nil && (committed || tx.sharedDDL):
		s.srv.reloadCatalog(context.Background())
	case tx.cat != nil:
		// Rolled back: the private copy is dropped, the shared catalog
		// never saw it.
	case !tx.ddl:
		return
	case !committed:
		s.srv.reloadCatalog(context.Background())
	case tx.stale:
		// Changed in place, but a reload since then dropped the changes
		// from memory: read them back.
		s.srv.reloadCatalog(context.Background())
	}
	s.afterCatalogReload()
}

// privateTriggerIndex maps the tables of database db to their triggers in
// the transaction's private catalog, so triggers the transaction created,
// altered or dropped act (or stop acting) in it. Rebuilt when the private
// catalog changes; only transactions with DDL get here.
func (s *Session) privateTriggerIndex(db int32) map[int32][]*catalog.Object {
	c := s.tx.cat
	if s.tx.trig == nil || s.tx.trigVersion != c.Version() {
		s.tx.trig, s.tx.trigVersion = map[int32]map[int32][]*catalog.Object{}, c.Version()
	}
	if m, ok := s.tx.trig[db]; ok {
		return m
	}
	m := map[int32][]*catalog.Object{}
	if d := c.DatabaseByID(db); d != nil {
		for _, o := range c.Objects(d) {
			if o.Kind == catalog.KindTrigger && o.Trigger != nil {
				m[o.Trigger.Parent] = append(m[o.Trigger.Parent], o)
			}
		}
	}
	s.tx.trig[db] = m
	return m
}

// waitForName handles Msg 208 (invalid object name) of a SELECT, INSERT,
// UPDATE, DELETE or MERGE: another transaction may be creating (or renaming to) that
// name, holding its name lock (catalog.NameLockKey) until it ends. The
// statement waits for the lock — under LOCK_TIMEOUT (1222, which then
// replaces the 208) and deadlock detection (1205) — and reports whether
// to run it again (once) against the catalog as it now stands. The lock
// stays with the transaction (an autocommit statement's ends with it).
func (s *Session) waitForName(st ast.Node, serr **stmtError) bool {
	e := *serr
	if e == nil || e.e == nil || e.e.Number != 208 || s.tx == nil || s.db == nil {
		return false
	}
	switch x := st.(type) {
	case *ast.SelectStmt:
		// DML binds its names before it sends anything, so running it
		// again repeats no output.
		if mutatesCatalog(x) {
			return false
		}
	case *ast.InsertStmt, *ast.UpdateStmt, *ast.DeleteStmt, *ast.MergeStmt:
	default:
		return false
	}
	txt := e.e.Text
	i, j := strings.IndexByte(txt, '\''), strings.LastIndexByte(txt, '\'')
	if i < 0 || j <= i+1 {
		return false
	}
	parts := strings.Split(txt[i+1:j], ".")
	name := parts[len(parts)-1]
	if name == "" || name[0] == '#' || name[0] == '@' || len(parts) > 3 {
		return false
	}
	d := s.db
	if len(parts) == 3 && parts[0] != "" {
		if d = s.cat().Database(parts[0]); d == nil {
			return false
		}
	}
	schema := ""
	if len(parts) >= 2 {
		schema = parts[len(parts)-2]
	}
	if schema == "" {
		schema = s.defaultSchema(d)
	}
	began := time.Now()
	if _, _, err := s.tx.main.GetForUpdate(catalog.NameLockKey(d.ID, schema, name)); err != nil {
		if m := storageError(err); m != nil {
			*serr = stmtErr(m)
		}
		return false
	}
	if time.Since(began) < time.Millisecond {
		return false // nobody held the name: the 208 stands
	}
	// The lock is released when the other transaction's storage commit
	// ends, before it reloads the shared catalog: read the committed
	// catalog now.
	if s.tx.cat == nil {
		s.srv.reloadCatalog(context.Background())
		s.afterCatalogReload()
	}
	return true
}
