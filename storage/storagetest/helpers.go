package storagetest

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/tsqld/tsqld/storage"
)

// OpenFunc opens a fresh, empty engine for one test; the suite closes it.
type OpenFunc func(tb testing.TB) storage.Engine

func begin(tb testing.TB, e storage.Engine, opts storage.TxnOptions) storage.Txn {
	tb.Helper()
	tx, err := e.Begin(context.Background(), opts)
	if err != nil {
		tb.Fatalf("Begin: %v", err)
	}
	return tx
}

func mustSet(tb testing.TB, tx storage.Txn, k, v string) {
	tb.Helper()
	if err := tx.Set([]byte(k), []byte(v)); err != nil {
		tb.Fatalf("Set(%q): %v", k, err)
	}
}

func mustDelete(tb testing.TB, tx storage.Txn, k string) {
	tb.Helper()
	if err := tx.Delete([]byte(k)); err != nil {
		tb.Fatalf("Delete(%q): %v", k, err)
	}
}

func mustCommit(tb testing.TB, tx storage.Txn) {
	tb.Helper()
	if err := tx.Commit(); err != nil {
		tb.Fatalf("Commit: %v", err)
	}
}

// load commits key=value pairs (alternating strings) in one transaction.
func load(tb testing.TB, e storage.Engine, kv ...string) {
	tb.Helper()
	tx := begin(tb, e, storage.TxnOptions{})
	for i := 0; i+1 < len(kv); i += 2 {
		mustSet(tb, tx, kv[i], kv[i+1])
	}
	mustCommit(tb, tx)
}

// wantGet checks tx.Get(k) returns want, or that k is missing when present
// is false.
func wantGet(tb testing.TB, tx storage.Txn, k, want string, present bool) {
	tb.Helper()
	v, ok, err := tx.Get([]byte(k))
	if err != nil {
		tb.Fatalf("Get(%q): %v", k, err)
	}
	if ok != present || (ok && string(v) != want) {
		tb.Fatalf("Get(%q) = %q, %v; want %q, %v", k, v, ok, want, present)
	}
}

// scan collects "k=v" strings from an iterator.
func scan(tb testing.TB, tx storage.Txn, lower, upper string, reverse bool) []string {
	tb.Helper()
	var lo, up []byte
	if lower != "" {
		lo = []byte(lower)
	}
	if upper != "" {
		up = []byte(upper)
	}
	it := tx.Scan(lo, up, reverse)
	var out []string
	for it.Next() {
		out = append(out, fmt.Sprintf("%s=%s", it.Key(), it.Value()))
	}
	if err := it.Err(); err != nil {
		tb.Fatalf("scan: %v", err)
	}
	if err := it.Close(); err != nil {
		tb.Fatalf("iterator Close: %v", err)
	}
	return out
}

func wantScan(tb testing.TB, tx storage.Txn, lower, upper string, reverse bool, want ...string) {
	tb.Helper()
	got := scan(tb, tx, lower, upper, reverse)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		tb.Fatalf("Scan(%q, %q, reverse=%v) = %v; want %v", lower, upper, reverse, got, want)
	}
}

func wantErr(tb testing.TB, what string, err, want error) {
	tb.Helper()
	if !errors.Is(err, want) {
		tb.Fatalf("%s: err = %v; want %v", what, err, want)
	}
}
