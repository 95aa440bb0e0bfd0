package proc

import (
	"context"

	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/storage"
)

// Table variables are not transactional in SQL Server: ROLLBACK leaves
// their rows as they are, while a failing statement's own changes to
// them are undone (statement-level rollback). Their rows therefore live
// in a storage transaction of their own on the tempdb store, apart from
// the session's transaction:
//
//   - it is begun on first use, and committed when the outermost running
//     statement ends (keys are private to the session, so committing early
//     exposes nothing and keeps the write buffer small);
//   - every statement marks a savepoint in it and rolls back to that
//     savepoint when the statement fails;
//   - COMMIT, ROLLBACK and ROLLBACK to a savepoint never touch it.
type tableVarStore struct {
	txn   storage.Txn
	depth int // statements running (nested: EXEC, INSERT … EXEC, UDFs)
	fn    func() storage.Txn
}

// tableVarMark is where a statement's table-variable changes start.
type tableVarMark struct {
	txn storage.Txn // nil: no table-variable transaction was open
	sp  storage.Savepoint
}

// txnFunc returns the exec.Ctx hook handing out the transaction.
func (tv *tableVarStore) txnFunc(s *Session) func() storage.Txn {
	if tv.fn == nil {
		tv.fn = s.tableVarTxn
	}
	return tv.fn
}

// tableVarTxn returns the table-variable transaction, beginning it.
func (s *Session) tableVarTxn() storage.Txn {
	if s.tv.txn == nil {
		t, err := s.srv.temp.Begin(context.Background(), storage.TxnOptions{LockTimeout: -1})
		if err != nil {
			return nil // exec falls back to the tempdb transaction
		}
		s.tv.txn = t
	}
	return s.tv.txn
}

// tableVarStmtStart marks a statement's start.
func (s *Session) tableVarStmtStart() tableVarMark {
	s.tv.depth++
	if s.tv.txn == nil {
		return tableVarMark{}
	}
	return tableVarMark{txn: s.tv.txn, sp: s.tv.txn.Savepoint()}
}

// tableVarStmtEnd ends a statement: a failed one loses its table-variable
// changes; the outermost one commits the rest.
func (s *Session) tableVarStmtEnd(m tableVarMark, failed bool) {
	s.tv.depth--
	if failed && s.tv.txn != nil {
		if m.txn == s.tv.txn {
			s.tv.txn.RollbackTo(m.sp)
		} else {
			// Begun inside the statement: all of it is the statement's.
			s.tv.txn.Rollback()
			s.tv.txn = nil
		}
	}
	if s.tv.depth <= 0 {
		s.tv.depth = 0
		s.commitTableVars()
	}
}

// commitTableVars commits the table-variable transaction when no statement
// is running.
func (s *Session) commitTableVars() {
	if s.tv.txn == nil || s.tv.depth > 0 {
		return
	}
	t := s.tv.txn
	s.tv.txn = nil
	if err := t.Commit(); err != nil {
		t.Rollback()
	}
}

// deleteTableVar removes the rows of a table variable going out of scope.
func (s *Session) deleteTableVar(o *catalog.Object) {
	txn := s.tableVarTxn()
	if txn == nil {
		return
	}
	p := catalog.TablePrefix(catalog.TempDBID, o.ID)
	catalog.DeleteRange(txn, p, catalog.PrefixEnd(p))
	s.srv.counters.Forget(catalog.TempDBID, o.ID)
}

// closeTableVars discards the transaction at session end.
func (s *Session) closeTableVars() {
	if s.tv.txn != nil {
		s.tv.txn.Rollback()
		s.tv.txn = nil
	}
	s.tv.depth = 0
}
