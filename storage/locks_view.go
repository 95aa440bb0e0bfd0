package storage

// LockInfo is one exclusive key lock as sys.dm_tran_locks shows it: the
// key, the transaction holding it and those waiting for it, in order.
type LockInfo struct {
	Key     []byte
	Owner   uint64
	Waiters []uint64
}

// LockLister is implemented by engines that can list their locks (DB).
type LockLister interface {
	Locks() []LockInfo
}

// Locks lists the key locks held now. Each shard is locked only while it is
// copied, so a listing never blocks writers for long; it is a snapshot per
// shard, not across shards (as DMVs are not consistent snapshots either).
func (db *DB) Locks() []LockInfo {
	var out []LockInfo
	for i := range db.locks.shards {
		sh := &db.locks.shards[i]
		sh.mu.Lock()
		for _, e := range sh.m {
			li := LockInfo{Key: []byte(e.key), Owner: e.owner.Load()}
			for _, w := range e.queue {
				if !w.done {
					li.Waiters = append(li.Waiters, w.id)
				}
			}
			out = append(out, li)
		}
		sh.mu.Unlock()
	}
	return out
}

// TxnID is the id a transaction's locks carry in LockInfo (0 for a
// transaction this package did not create).
func TxnID(t Txn) uint64 {
	if x, ok := t.(*txn); ok {
		return x.id
	}
	return 0
}
