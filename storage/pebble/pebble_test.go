package pebble_test

import (
	"context"
	"testing"

	"github.com/tsqld/tsqld/storage"
	"github.com/tsqld/tsqld/storage/pebble"
	"github.com/tsqld/tsqld/storage/storagetest"
)

func open(tb testing.TB) storage.Engine {
	db, err := pebble.Open(tb.TempDir(), nil)
	if err != nil {
		tb.Fatal(err)
	}
	return db
}

func TestConformance(t *testing.T) { storagetest.Run(t, open) }

func TestReopenKeepsData(t *testing.T) {
	dir := t.TempDir()
	db, err := pebble.Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	tx, _ := db.Begin(context.Background(), storage.TxnOptions{})
	for _, k := range []string{"a", "b", "c"} {
		if err := tx.Set([]byte(k), []byte("v"+k)); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	tx, _ = db.Begin(context.Background(), storage.TxnOptions{})
	tx.Delete([]byte("b"))
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Begin(context.Background(), storage.TxnOptions{}); err != storage.ErrClosed {
		t.Fatalf("Begin after Close: %v", err)
	}

	db, err = pebble.Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tx, _ = db.Begin(context.Background(), storage.TxnOptions{})
	defer tx.Rollback()
	it := tx.Scan(nil, nil, false)
	var got string
	for it.Next() {
		got += string(it.Key()) + "=" + string(it.Value()) + " "
	}
	it.Close()
	if got != "a=va c=vc " {
		t.Fatalf("after reopen: %q", got)
	}
}

func BenchmarkStorage(b *testing.B) { storagetest.Bench(b, open) }

// BenchmarkStorageNoSync is the same workload without WAL fsyncs, to show
// what the sync costs (and what group commit recovers).
func BenchmarkStorageNoSync(b *testing.B) {
	storagetest.Bench(b, func(tb testing.TB) storage.Engine {
		db, err := pebble.Open(tb.TempDir(), &pebble.Options{NoSync: true})
		if err != nil {
			tb.Fatal(err)
		}
		return db
	})
}
