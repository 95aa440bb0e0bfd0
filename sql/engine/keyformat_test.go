package engine

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/storage"
	"github.com/tsqld/tsqld/storage/pebble"
)

// setKeyFormat rewrites the stored server record's KeyFormat (0: as a
// store written before the format was recorded).
func setKeyFormat(t *testing.T, st storage.Engine, f int) {
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
	if f == 0 {
		delete(m, "KeyFormat")
	} else {
		m["KeyFormat"] = f
	}
	b, _ := json.Marshal(m)
	if err := txn.Set(key, b); err != nil {
		t.Fatal(err)
	}
	if err := txn.Commit(); err != nil {
		t.Fatal(err)
	}
}

// scrambleKeys stands in for the old key encoding: the table's rows move
// to keys the current format cannot seek, and its index entries are junk.
func scrambleKeys(t *testing.T, st storage.Engine, obj int32) {
	t.Helper()
	txn, _ := st.Begin(context.Background(), storage.TxnOptions{LockTimeout: -1})
	rows := catalog.IndexPrefix(nil, catalog.MasterID, obj, 0)
	it := txn.Scan(rows, catalog.PrefixEnd(rows), false)
	var vals [][]byte
	for it.Next() {
		vals = append(vals, append([]byte(nil), it.Value()...))
	}
	it.Close()
	all := catalog.TablePrefix(catalog.MasterID, obj)
	if err := catalog.DeleteRange(txn, all, catalog.PrefixEnd(all)); err != nil {
		t.Fatal(err)
	}
	for i, v := range vals {
		txn.Set(append(append([]byte(nil), rows...), 0xEE, byte(i)), v)
	}
	txn.Set(append(catalog.IndexPrefix(nil, catalog.MasterID, obj, 2), "junk"...), []byte{1})
	if err := txn.Commit(); err != nil {
		t.Fatal(err)
	}
}

// A data directory written with the earlier (format 1) keys has its
// indexed tables' keys rewritten at start; one from a newer format is
// refused with a message saying why.
func TestKeyFormatOldStoreRewritten(t *testing.T) {
	dir := t.TempDir()
	st, err := pebble.Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	e := openEngine(t, st)
	s := newSession(t, e)
	run(t, s, "CREATE TABLE k (id int PRIMARY KEY, s varchar(10), d decimal(10,2)) CREATE INDEX ix_s ON k(s) CREATE INDEX ix_d ON k(d) "+
		"INSERT k VALUES (1, 'a', 1.50), (2, 'B', -2.25), (3, 'c', 10.00) CREATE TABLE h (v int) INSERT h VALUES (7)")
	obj := int32(run(t, s, "SELECT OBJECT_ID('k')").ResultSets()[0].Rows[0][0].I)
	s.Close()
	e.Close()

	st, _ = pebble.Open(dir, nil)
	setKeyFormat(t, st, 0)
	scrambleKeys(t, st, obj)
	e, err = Open(context.Background(), Config{Storage: st, SAPassword: "Secret123!"})
	if err != nil {
		t.Fatalf("old store: %v", err)
	}
	s = newSession(t, e)
	got := goldenString(run(t, s, "SELECT id FROM k WHERE id = 2 SELECT id FROM k WHERE s >= 'b' ORDER BY id SELECT id FROM k WHERE d > 1 ORDER BY id SELECT COUNT(*) AS n FROM k SELECT v FROM h"))
	wantContains(t, "rewritten keys", got, "id int not null\n2\n(1 rows", "id int not null\n2\n3\n(2 rows", "id int not null\n1\n3\n(2 rows", "n int not null\n3\n", "v int\n7\n")
	s.Close()
	e.Close()

	st, _ = pebble.Open(dir, nil)
	setKeyFormat(t, st, catalog.KeyFormat+1)
	_, err = Open(context.Background(), Config{Storage: st, SAPassword: "Secret123!"})
	if err == nil || !strings.Contains(err.Error(), "newer than this tsqld") {
		t.Fatalf("newer store: err = %v", err)
	}
	st.Close()
}
