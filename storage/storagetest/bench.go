package storagetest

import (
	"context"
	"encoding/binary"
	"sync/atomic"
	"testing"

	"github.com/tsqld/tsqld/storage"
)

// benchRows is the table size the read benchmarks run against.
const benchRows = 10000

// Bench runs the storage benchmarks against engines opened by open.
func Bench(b *testing.B, open OpenFunc) {
	b.Run("PointGet", func(b *testing.B) { benchPointGet(b, open) })
	b.Run("TxnPointGet", func(b *testing.B) { benchTxnPointGet(b, open) })
	b.Run("SetCommit", func(b *testing.B) { benchSetCommit(b, open) })
	b.Run("UpdateCommit", func(b *testing.B) { benchUpdateCommit(b, open) })
	b.Run("Scan100", func(b *testing.B) { benchScan(b, open) })
	b.Run("ConcurrentCommits", func(b *testing.B) { benchConcurrentCommits(b, open) })
}

func benchKey(dst []byte, i uint64) []byte {
	dst = append(dst[:0], 't', 1)
	return binary.BigEndian.AppendUint64(dst, i)
}

var benchValue = make([]byte, 100)

func fill(b *testing.B, e storage.Engine) {
	tx := begin(b, e, storage.TxnOptions{})
	var k []byte
	for i := uint64(0); i < benchRows; i++ {
		k = benchKey(k, i)
		if err := tx.Set(k, benchValue); err != nil {
			b.Fatal(err)
		}
	}
	mustCommit(b, tx)
}

// benchPointGet is the autocommit point select: Engine.Get, no txn.
func benchPointGet(b *testing.B, open OpenFunc) {
	e := open(b)
	defer e.Close()
	fill(b, e)
	var k []byte
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k = benchKey(k, uint64(i*7919)%benchRows)
		if _, ok, err := e.Get(k); !ok || err != nil {
			b.Fatal(ok, err)
		}
	}
}

// benchTxnPointGet is a point read inside a transaction (Begin, snapshot,
// Get, Commit).
func benchTxnPointGet(b *testing.B, open OpenFunc) {
	e := open(b)
	defer e.Close()
	fill(b, e)
	ctx := context.Background()
	var k []byte
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tx, _ := e.Begin(ctx, storage.TxnOptions{})
		k = benchKey(k, uint64(i*7919)%benchRows)
		if _, ok, err := tx.Get(k); !ok || err != nil {
			b.Fatal(ok, err)
		}
		tx.Commit()
	}
}

// benchSetCommit is an autocommit single-row insert.
func benchSetCommit(b *testing.B, open OpenFunc) {
	e := open(b)
	defer e.Close()
	ctx := context.Background()
	var k []byte
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tx, _ := e.Begin(ctx, storage.TxnOptions{})
		k = benchKey(k, uint64(i))
		if err := tx.Set(k, benchValue); err != nil {
			b.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
	}
}

// benchUpdateCommit is an autocommit single-row update: GetForUpdate, Set.
func benchUpdateCommit(b *testing.B, open OpenFunc) {
	e := open(b)
	defer e.Close()
	fill(b, e)
	ctx := context.Background()
	var k []byte
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tx, _ := e.Begin(ctx, storage.TxnOptions{})
		k = benchKey(k, uint64(i*7919)%benchRows)
		if _, _, err := tx.GetForUpdate(k); err != nil {
			b.Fatal(err)
		}
		if err := tx.Set(k, benchValue); err != nil {
			b.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
	}
}

// benchScan reads 100 consecutive rows per op.
func benchScan(b *testing.B, open OpenFunc) {
	e := open(b)
	defer e.Close()
	fill(b, e)
	tx := begin(b, e, storage.TxnOptions{ReadOnly: true})
	defer tx.Rollback()
	var lo, hi []byte
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := uint64(i*7919) % (benchRows - 100)
		lo, hi = benchKey(lo, start), benchKey(hi, start+100)
		it := tx.Scan(lo, hi, false)
		n := 0
		for it.Next() {
			n++
		}
		it.Close()
		if n != 100 {
			b.Fatal(n)
		}
	}
}

// benchConcurrentCommits has many goroutines each committing single-row
// transactions on their own keys: on a durable backend this measures group
// commit (ops/s well above 1/fsync latency means syncs are shared).
func benchConcurrentCommits(b *testing.B, open OpenFunc) {
	e := open(b)
	defer e.Close()
	var seq atomic.Uint64
	ctx := context.Background()
	b.SetParallelism(16)
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		var k []byte
		for pb.Next() {
			tx, _ := e.Begin(ctx, storage.TxnOptions{})
			k = benchKey(k, seq.Add(1))
			if err := tx.Set(k, benchValue); err != nil {
				b.Error(err)
				return
			}
			if err := tx.Commit(); err != nil {
				b.Error(err)
				return
			}
		}
	})
}
