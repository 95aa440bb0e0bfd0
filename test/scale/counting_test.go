package scale

import (
	"context"
	"sync/atomic"

	"github.com/tsqld/tsqld/storage"
)

// countingEngine wraps a storage engine and counts the keys the SQL layer
// reads: point reads (Get) and keys returned by range scans.
type countingEngine struct {
	storage.Engine
	gets, scanned atomic.Int64
	enabled       atomic.Bool
}

func (e *countingEngine) Get(key []byte) ([]byte, bool, error) {
	if e.enabled.Load() {
		e.gets.Add(1)
	}
	return e.Engine.Get(key)
}

func (e *countingEngine) Begin(ctx context.Context, o storage.TxnOptions) (storage.Txn, error) {
	t, err := e.Engine.Begin(ctx, o)
	if err != nil {
		return nil, err
	}
	return &countingTxn{Txn: t, e: e}, nil
}

type countingTxn struct {
	storage.Txn
	e *countingEngine
}

func (t *countingTxn) Get(key []byte) ([]byte, bool, error) {
	if t.e.enabled.Load() {
		t.e.gets.Add(1)
	}
	return t.Txn.Get(key)
}

func (t *countingTxn) Scan(lower, upper []byte, reverse bool) storage.Iterator {
	return &countingIter{Iterator: t.Txn.Scan(lower, upper, reverse), e: t.e}
}

type countingIter struct {
	storage.Iterator
	e *countingEngine
}

func (it *countingIter) Next() bool {
	ok := it.Iterator.Next()
	if ok && it.e.enabled.Load() {
		it.e.scanned.Add(1)
	}
	return ok
}
