package pebble_test

import (
	"context"
	"encoding/binary"
	"testing"

	"github.com/tsqld/tsqld/storage"
	"github.com/tsqld/tsqld/storage/pebble"
)

// BenchmarkPointRead is a point read of one of 100k rows committed in one
// bulk commit (what the benchmark harness reads in its point selects):
// through Engine.Get (the autocommit fast path) and through a read-only
// transaction (Begin, Get, Commit).
func BenchmarkPointRead(b *testing.B) {
	const rows = 100000
	db, err := pebble.Open(b.TempDir(), &pebble.Options{NoSync: true})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	tx, _ := db.Begin(ctx, storage.TxnOptions{})
	val := make([]byte, 100)
	for i := 0; i < rows; i++ {
		if err := tx.Set(benchKey(i), val); err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	b.Run("engine-get", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			if _, ok, err := db.Get(benchKey(int(uint32(i*2654435761) % rows))); err != nil || !ok {
				b.Fatal(ok, err)
			}
		}
	})
	b.Run("txn-get", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			tx, _ := db.Begin(ctx, storage.TxnOptions{})
			if _, ok, err := tx.Get(benchKey(int(uint32(i*2654435761) % rows))); err != nil || !ok {
				b.Fatal(ok, err)
			}
			if err := tx.Commit(); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func benchKey(i int) []byte {
	var k [17]byte
	copy(k[:], "tbl/accounts/")
	binary.BigEndian.PutUint32(k[13:], uint32(i))
	return k[:]
}
