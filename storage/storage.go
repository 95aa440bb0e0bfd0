package storage

import (
	"context"
	"errors"
	"time"
)

// Errors every backend returns for the same conditions; the SQL layer maps
// them to SQL Server messages (1222 lock timeout, 1205 deadlock victim).
var (
	ErrLockTimeout = errors.New("storage: lock request time out period exceeded")
	ErrDeadlock    = errors.New("storage: deadlock victim")
	ErrTxnDone     = errors.New("storage: transaction already committed or rolled back")
	ErrConflict    = errors.New("storage: write conflict with a concurrent transaction")
	ErrClosed      = errors.New("storage: engine closed")
)

// Isolation is the transaction isolation level. The default,
// ReadCommittedSnapshot, reads the latest committed data as of each
// statement (RefreshSnapshot) without blocking on writers.
type Isolation uint8

const (
	ReadCommittedSnapshot Isolation = iota
	ReadUncommitted
	RepeatableRead
	Snapshot
	Serializable
)

// TxnOptions configure Begin.
type TxnOptions struct {
	Isolation Isolation
	// LockTimeout bounds how long a write waits for a key lock held by
	// another transaction; < 0 waits forever (SET LOCK_TIMEOUT -1), 0 fails
	// at once.
	LockTimeout time.Duration
	// ReadOnly transactions take no locks and cannot write.
	ReadOnly bool
}

// Engine is one storage instance (one per database or one per server; the
// SQL layer prefixes keys with the database/object id).
type Engine interface {
	Begin(ctx context.Context, opts TxnOptions) (Txn, error)
	// Close flushes and releases the engine.
	Close() error
}

// Savepoint marks a point in a transaction's writes to roll back to
// (statement-level rollback and SAVE TRANSACTION).
type Savepoint int

// Txn is a transaction. Reads see the transaction's own writes over a
// snapshot of committed data. Writes take an exclusive lock on the key,
// held until Commit or Rollback. A Txn is used by one goroutine at a time.
type Txn interface {
	// Get returns the value of key; ok is false if absent.
	Get(key []byte) (value []byte, ok bool, err error)
	// GetForUpdate locks key like a write and returns the latest committed
	// value (not the snapshot's): what UPDATE/DELETE need under
	// read-committed snapshot.
	GetForUpdate(key []byte) (value []byte, ok bool, err error)
	// Set writes key=value (locking key).
	Set(key, value []byte) error
	// Delete removes key (locking key).
	Delete(key []byte) error
	// Scan iterates keys in [lower, upper) (upper nil = unbounded) in
	// ascending order, or descending when reverse is set.
	Scan(lower, upper []byte, reverse bool) Iterator
	// Savepoint marks the current write state; RollbackTo undoes the writes
	// made after it (locks stay held, as in SQL Server).
	Savepoint() Savepoint
	RollbackTo(sp Savepoint) error
	// RefreshSnapshot moves the read snapshot to the latest committed state
	// (called at each statement start under read-committed snapshot).
	RefreshSnapshot()
	// Commit makes the writes durable (synced before returning, with group
	// commit across concurrent committers) and releases locks.
	Commit() error
	// Rollback discards the writes and releases locks.
	Rollback() error
}

// Iterator walks a key range. Key and Value are valid until the next call
// to Next or Close.
type Iterator interface {
	Next() bool
	Key() []byte
	Value() []byte
	Err() error
	Close() error
}
