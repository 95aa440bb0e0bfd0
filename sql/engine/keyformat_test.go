package engine

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/tsqld/tsqld/storage"
	"github.com/tsqld/tsqld/storage/pebble"
)

// downgradeKeyFormat rewrites the stored server record as a store written
// before the key format was recorded.
func downgradeKeyFormat(t *testing.T, st storage.Engine) {
	t.Helper()
	txn, err := st.Begin(context.Background(), storage.TxnOptions{LockTimeout: -1})
	if err != nil {
		t.Fatal(err)
	}
	key := []byte{0x01, 'S'}
	v, ok, err := txn.Get(key)
	if err != nil || !ok {
		t.Fatalf("server record: %v %v", ok, err)
	}
	var m map[string]any
	if err := json.Unmarshal(v, &m); err != nil {
		t.Fatal(err)
	}
	if m["KeyFormat"] == nil {
		t.Fatal("new store records no KeyFormat")
	}
	delete(m, "KeyFormat")
	b, _ := json.Marshal(m)
	if err := txn.Set(key, b); err != nil {
		t.Fatal(err)
	}
	if err := txn.Commit(); err != nil {
		t.Fatal(err)
	}
}

// A data directory written with the earlier (format 1) index keys is
// refused with a message saying why, unless it holds no indexed table.
func TestKeyFormatOldStoreRefused(t *testing.T) {
	for _, indexed := range []bool{true, false} {
		dir := t.TempDir()
		st, err := pebble.Open(dir, nil)
		if err != nil {
			t.Fatal(err)
		}
		e := openEngine(t, st)
		s := newSession(t, e)
		if indexed {
			run(t, s, "CREATE TABLE k (id int PRIMARY KEY, s varchar(10))")
		} else {
			run(t, s, "CREATE TABLE k (id int, s varchar(10)) INSERT k VALUES (1, 'a')")
		}
		s.Close()
		e.Close()
		st, err = pebble.Open(dir, nil)
		if err != nil {
			t.Fatal(err)
		}
		downgradeKeyFormat(t, st)
		e, err = Open(context.Background(), Config{Storage: st, SAPassword: "Secret123!"})
		if indexed {
			if err == nil || !strings.Contains(err.Error(), "key format 1") || !strings.Contains(err.Error(), "master.dbo.k") {
				t.Fatalf("old store with an indexed table: err = %v", err)
			}
			st.Close()
			continue
		}
		if err != nil {
			t.Fatalf("old store without indexes: %v", err)
		}
		s = newSession(t, e)
		if got := goldenString(run(t, s, "SELECT s FROM k")); !strings.Contains(got, "\na\n") {
			t.Fatalf("heap rows after upgrade: %q", got)
		}
		s.Close()
		e.Close()
	}
}
