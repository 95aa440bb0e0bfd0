package pebble

import (
	"context"
	"encoding/binary"
	"testing"

	"github.com/tsqld/tsqld/storage"
)

// BenchmarkPointReadAfterBulk reads one of 100k rows committed in one
// commit: one small enough to go into the memtable and one large enough to
// become a pebble flushable batch (as a bulk load's does), each left in
// memory and after a flush to a table.
func BenchmarkPointReadAfterBulk(b *testing.B) {
	const rows = 100000
	for _, tc := range []struct {
		name  string
		val   int
		flush bool
	}{
		{"memtable", 100, false}, {"memtable-flushed", 100, true},
		{"flushable-batch", 200, false}, {"flushable-batch-flushed", 200, true},
	} {
		flush := tc.flush
		b.Run(tc.name, func(b *testing.B) {
			st, err := openStore(b.TempDir(), &Options{NoSync: true})
			if err != nil {
				b.Fatal(err)
			}
			db := storage.NewDB(st)
			defer db.Close()
			tx, _ := db.Begin(context.Background(), storage.TxnOptions{})
			val := make([]byte, tc.val)
			for i := 0; i < rows; i++ {
				if err := tx.Set(flushKey(i), val); err != nil {
					b.Fatal(err)
				}
			}
			if err := tx.Commit(); err != nil {
				b.Fatal(err)
			}
			if flush {
				if err := st.db.Flush(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, ok, err := db.Get(flushKey(int(uint32(i*2654435761) % rows))); err != nil || !ok {
					b.Fatal(ok, err)
				}
			}
		})
	}
}

func flushKey(i int) []byte {
	k := make([]byte, 0, 17)
	k = append(k, "tbl/accounts/"...)
	return binary.BigEndian.AppendUint32(k, uint32(i))
}
