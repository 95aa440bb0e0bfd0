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
	// ErrReadOnly is returned by writes in a ReadOnly transaction.
	ErrReadOnly = errors.New("storage: write in a read-only transaction")
	// ErrBadSavepoint is returned by RollbackTo with a savepoint that a
	// previous RollbackTo already discarded.
	ErrBadSavepoint = errors.New("storage: savepoint no longer exists")
)

// Isolation is the transaction isolation level. The default,
// ReadCommittedSnapshot, reads the latest committed data as of each
// statement (RefreshSnapshot) without blocking on writers.
//
// The storage layer distinguishes only Snapshot (one snapshot for the whole
// transaction, ErrConflict on writes to keys changed since) from the rest,
// which behave as ReadCommittedSnapshot here; the read locks of REPEATABLE
// READ / SERIALIZABLE (and UPDLOCK-style reads) are the SQL layer's to take
// with GetForUpdate.
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
	// Begin starts a transaction. ctx bounds its lock waits (see
	// Txn.SetContext to replace it per batch).
	Begin(ctx context.Context, opts TxnOptions) (Txn, error)
	// Get reads the latest committed value of key outside any transaction:
	// the autocommit point-read fast path (no snapshot object is built).
	// The value must not be modified; it stays valid.
	Get(key []byte) (value []byte, ok bool, err error)
	// Close flushes and releases the engine.
	Close() error
}

// Savepoint marks a point in a transaction's writes to roll back to
// (statement-level rollback and SAVE TRANSACTION).
type Savepoint int

// Txn is a transaction. Reads see the transaction's own writes over a
// snapshot of committed data. Writes take an exclusive lock on the key,
// held until Commit or Rollback. A Txn is used by one goroutine at a time.
//
// The read snapshot is taken lazily, at the first read after Begin or
// RefreshSnapshot (as SQL Server's SNAPSHOT isolation starts at the first
// data access), so write-only transactions never build one.
//
// Values returned by Get/GetForUpdate must not be modified; they stay valid
// after later calls. Iterator keys/values are valid until the next Next.
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
	// Scan iterates keys in [lower, upper) (nil bound = unbounded) in
	// ascending order, or descending when reverse is set. It sees the
	// transaction's writes made before the call (later writes do not
	// disturb it: no Halloween effect inside the storage layer). Close
	// iterators before Commit/Rollback.
	Scan(lower, upper []byte, reverse bool) Iterator
	// Savepoint marks the current write state; RollbackTo undoes the writes
	// made after it (locks stay held, as in SQL Server).
	Savepoint() Savepoint
	RollbackTo(sp Savepoint) error
	// RefreshSnapshot moves the read snapshot to the latest committed state
	// (called at each statement start under read-committed snapshot). It is
	// a no-op under Snapshot isolation, whose snapshot lasts the whole
	// transaction.
	RefreshSnapshot()
	// SetContext replaces the context that bounds lock waits (the SQL layer
	// sets each batch's context so an attention cancels a blocked write).
	SetContext(ctx context.Context)
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
