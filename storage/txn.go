package storage

import (
	"bytes"
	"context"
)

// txn is the one Txn implementation: a lazily taken snapshot of committed
// data, a write buffer with read-your-writes, and the key locks it holds.
type txn struct {
	db    *DB
	id    uint64
	ctx   context.Context
	opts  TxnOptions
	snap  Reader // nil until the first read after Begin/RefreshSnapshot
	buf   writeBuffer
	locks []*lockEntry
	done  bool
}

func (t *txn) snapshot() (Reader, error) {
	if t.snap == nil {
		s, err := t.db.base.Snapshot()
		if err != nil {
			return nil, err
		}
		t.snap = s
	}
	return t.snap, nil
}

func (t *txn) Get(key []byte) ([]byte, bool, error) {
	if t.done {
		return nil, false, ErrTxnDone
	}
	if it, ok := t.buf.get(key); ok {
		if it.Delete {
			return nil, false, nil
		}
		return it.Value, true, nil
	}
	s, err := t.snapshot()
	if err != nil {
		return nil, false, err
	}
	return s.Get(key)
}

func (t *txn) GetForUpdate(key []byte) ([]byte, bool, error) {
	if t.done {
		return nil, false, ErrTxnDone
	}
	if t.opts.ReadOnly {
		return nil, false, ErrReadOnly
	}
	if err := t.lock(key); err != nil {
		return nil, false, err
	}
	if it, ok := t.buf.get(key); ok {
		if it.Delete {
			return nil, false, nil
		}
		return it.Value, true, nil
	}
	// The lock is held, so the latest committed value cannot change under
	// us until we commit.
	return t.db.base.Get(key)
}

func (t *txn) Set(key, value []byte) error {
	if err := t.writable(key); err != nil {
		return err
	}
	t.buf.put(key, value, false)
	return nil
}

func (t *txn) Delete(key []byte) error {
	if err := t.writable(key); err != nil {
		return err
	}
	t.buf.put(key, nil, true)
	return nil
}

func (t *txn) writable(key []byte) error {
	if t.done {
		return ErrTxnDone
	}
	if t.opts.ReadOnly {
		return ErrReadOnly
	}
	return t.lock(key)
}

// lock takes the exclusive lock on key unless already held. Under Snapshot
// isolation a newly locked key whose latest committed value differs from
// the snapshot's was changed by a transaction that committed after our
// snapshot: that is SQL Server's update conflict (3960). The check compares
// values, so a key changed and changed back (A→B→A) between the snapshot
// and the lock is not reported; that write sequence is equivalent to ours
// coming after both and loses no update.
func (t *txn) lock(key []byte) error {
	e, err := t.db.locks.acquire(t.ctx, t.id, key, t.opts.LockTimeout)
	if err != nil || e == nil {
		return err
	}
	t.locks = append(t.locks, e)
	if t.opts.Isolation != Snapshot {
		return nil
	}
	if _, ok := t.buf.get(key); ok {
		return nil
	}
	s, err := t.snapshot()
	if err != nil {
		return err
	}
	sv, sok, err := s.Get(key)
	if err != nil {
		return err
	}
	lv, lok, err := t.db.base.Get(key)
	if err != nil {
		return err
	}
	if sok != lok || !bytes.Equal(sv, lv) {
		return ErrConflict
	}
	return nil
}

func (t *txn) Scan(lower, upper []byte, reverse bool) Iterator {
	if t.done {
		return errIter{ErrTxnDone}
	}
	s, err := t.snapshot()
	if err != nil {
		return errIter{err}
	}
	it := s.Scan(lower, upper, reverse)
	if t.buf.len() == 0 {
		return it
	}
	return newMergeIter(t.buf.tree, it, lower, upper, reverse)
}

func (t *txn) Savepoint() Savepoint { return t.buf.savepoint() }

func (t *txn) RollbackTo(sp Savepoint) error {
	if t.done {
		return ErrTxnDone
	}
	return t.buf.rollbackTo(sp)
}

func (t *txn) RefreshSnapshot() {
	if t.done || t.opts.Isolation == Snapshot || t.snap == nil {
		return
	}
	t.snap.Close()
	t.snap = nil
}

func (t *txn) SetContext(ctx context.Context) {
	if ctx == nil {
		ctx = context.Background()
	}
	t.ctx = ctx
}

func (t *txn) Commit() error {
	if t.done {
		return ErrTxnDone
	}
	var err error
	if t.buf.len() > 0 {
		if t.db.closed.Load() {
			err = ErrClosed
		} else {
			err = t.db.base.Apply(t.buf.writes())
		}
	}
	t.finish()
	return err
}

func (t *txn) Rollback() error {
	if t.done {
		return ErrTxnDone
	}
	t.finish()
	return nil
}

// finish releases the snapshot and the locks (after Apply, so no other
// writer can slip in between our commit and the release).
func (t *txn) finish() {
	t.done = true
	if t.snap != nil {
		t.snap.Close()
		t.snap = nil
	}
	for i, e := range t.locks {
		t.db.locks.release(e)
		t.locks[i] = nil
	}
	t.locks = nil
	t.buf = writeBuffer{}
}
