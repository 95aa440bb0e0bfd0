package proc

import (
	"context"
	"errors"
	"time"

	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/session"
	"github.com/tsqld/tsqld/storage"
)

// txnState is the session's open transaction: one storage transaction on
// the main store and one on the tempdb store, committed together. The
// tempdb one is begun on first use (tempTxn): most statements never touch
// tempdb.
type txnState struct {
	main, temp storage.Txn
	opts       storage.TxnOptions // what main was begun with, for temp
	ctx        context.Context    // the current statement's, for temp
	// explicit is set by BEGIN TRAN (or implicit transactions); otherwise
	// the transaction lives for one statement (autocommit).
	explicit bool
	count    int // @@TRANCOUNT
	desc     uint64
	// ddl records that the catalog changed, so a rollback reloads it.
	ddl bool
	// cat is the transaction's private catalog (catalog_txn.go); sharedDDL
	// records DDL applied to the shared catalog before it was forked;
	// catGen is the shared catalog's generation at begin.
	cat       *catalog.Catalog
	sharedDDL bool
	catGen    uint64
	stale     bool // a reload replaced the shared catalog during the transaction
	// trig indexes the private catalog's triggers (privateTriggerIndex).
	trig        map[int32]map[int32][]*catalog.Object
	trigVersion uint64
	// temps undoes the session's #object names created or dropped in the
	// transaction (temp_undo.go): their rows roll back with tempdb, their
	// names must too.
	temps []tempUndo
	// doomed: an error under XACT_ABORT or a severe error; only ROLLBACK
	// is possible (XACT_STATE() = -1).
	doomed bool
	saves  []savepoint
	// name is the outermost BEGIN TRAN's name: ROLLBACK TRAN with any
	// other name that is not a savepoint fails with Msg 6401.
	name string
}

type savepoint struct {
	name       string
	main, temp storage.Savepoint
	temps      int // len(txnState.temps) at the savepoint
}

func txnOpts(o *session.Options) storage.TxnOptions {
	to := storage.TxnOptions{LockTimeout: -1}
	if o.LockTimeout >= 0 {
		to.LockTimeout = time.Duration(o.LockTimeout) * time.Millisecond
	}
	switch o.Isolation {
	case session.ReadUncommitted:
		to.Isolation = storage.ReadUncommitted
	case session.RepeatableRead:
		to.Isolation = storage.RepeatableRead
	case session.Serializable:
		to.Isolation = storage.Serializable
	case session.Snapshot:
		to.Isolation = storage.Snapshot
	}
	return to
}

// begin opens the storage transactions.
func (s *Session) begin(ctx context.Context, explicit bool) error {
	opts := txnOpts(&s.opts)
	main, err := s.srv.main.Begin(ctx, opts)
	if err != nil {
		return err
	}
	s.tx = &txnState{main: main, opts: opts, ctx: ctx, explicit: explicit, desc: s.srv.descs.Add(1), catGen: s.srv.cat.Generation()}
	s.lockIDs[0].Store(storage.TxnID(main))
	if explicit {
		s.tx.count = 1
	}
	return nil
}

// commitAll commits and ends the transaction.
func (s *Session) commitAll() error {
	tx := s.tx
	s.tx = nil
	s.lockIDs[0].Store(0)
	s.lockIDs[1].Store(0)
	var err error
	if tx.ddl && tx.cat == nil {
		err = s.commitInPlaceDDL(tx) // catalog_txn.go
	} else {
		err = tx.main.Commit()
	}
	if err != nil {
		if tx.temp != nil {
			tx.temp.Rollback()
		}
		s.publishCatalog(tx, false)
		return err
	}
	s.publishCatalog(tx, true)
	if tx.temp == nil {
		return nil
	}
	return tx.temp.Commit()
}

// rollbackAll rolls back and ends the transaction.
func (s *Session) rollbackAll() {
	tx := s.tx
	s.tx = nil
	s.lockIDs[0].Store(0)
	s.lockIDs[1].Store(0)
	s.undoTemps(tx, 0)
	tx.main.Rollback()
	if tx.temp != nil {
		tx.temp.Rollback()
	}
	s.publishCatalog(tx, false)
}

// afterCatalogReload refreshes the session's database pointer.
func (s *Session) afterCatalogReload() {
	if d := s.cat().DatabaseByID(s.db.ID); d != nil {
		s.db = d
	} else if d := s.cat().Database("master"); d != nil {
		s.db = d
	}
}

// stmtSavepoint marks the statement start for statement-level rollback.
// A tempdb transaction not yet begun is at 0, its start (tempTxn).
func (s *Session) stmtSavepoint() savepoint {
	sp := savepoint{main: s.tx.main.Savepoint(), temps: len(s.tx.temps)}
	if s.tx.temp != nil {
		sp.temp = s.tx.temp.Savepoint()
	}
	return sp
}

func (s *Session) rollbackTo(sp savepoint) {
	s.undoTemps(s.tx, sp.temps)
	s.tx.main.RollbackTo(sp.main)
	if s.tx.temp != nil {
		s.tx.temp.RollbackTo(sp.temp)
	}
	if s.tx.ddl {
		s.refork() // the private catalog follows the undone writes
	}
	if s.tx.ddl {
		// DDL applied eagerly in memory: re-read what is committed plus
		// nothing of this transaction would lose earlier DDL of the same
		// transaction, so we keep the in-memory state (rare case).
	}
}

// storageError maps storage errors to SQL Server messages.
func storageError(err error) *msgs.Error {
	switch {
	case errors.Is(err, storage.ErrLockTimeout):
		return msgs.New(1222)
	case errors.Is(err, storage.ErrDeadlock):
		return msgs.New(1205, 0, "lock") // the session's SPID is filled in by fail
	case errors.Is(err, storage.ErrConflict):
		return msgs.New(3960, "", "", "")
	}
	return nil
}

// envTran sends a transaction EnvChange.
func envTran(w result.Writer, t result.EnvType, desc uint64) error {
	return w.EnvChange(result.EnvChange{Type: t, Descriptor: desc})
}
