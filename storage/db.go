package storage

import (
	"context"
	"sync/atomic"
)

// DB is an Engine built from a backend's Base: it owns the lock table and
// creates transactions. mem.Open and pebble.Open return one.
type DB struct {
	base   Base
	locks  lockTable
	nextID atomic.Uint64
	closed atomic.Bool
}

var _ Engine = (*DB)(nil)

// NewDB builds the transactional engine over base.
func NewDB(base Base) *DB {
	db := &DB{base: base}
	db.locks.init()
	return db
}

// Begin starts a transaction. Nothing is read or locked until the first
// operation, so Begin itself is cheap.
func (db *DB) Begin(ctx context.Context, opts TxnOptions) (Txn, error) {
	if db.closed.Load() {
		return nil, ErrClosed
	}
	if ctx == nil {
		ctx = context.Background()
	}
	return &txn{db: db, id: db.nextID.Add(1), ctx: ctx, opts: opts}, nil
}

// Get reads the latest committed value of key without a transaction.
func (db *DB) Get(key []byte) ([]byte, bool, error) {
	if db.closed.Load() {
		return nil, false, ErrClosed
	}
	return db.base.Get(key)
}

// Close closes the base store. Transactions still open must not be used
// afterwards.
func (db *DB) Close() error {
	if db.closed.Swap(true) {
		return nil
	}
	return db.base.Close()
}
