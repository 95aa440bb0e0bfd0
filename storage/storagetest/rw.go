package storagetest

import (
	"testing"

	"github.com/tsqld/tsqld/storage"
)

func testBasic(t *testing.T, e storage.Engine) {
	tx := begin(t, e, storage.TxnOptions{})
	wantGet(t, tx, "a", "", false)
	mustSet(t, tx, "a", "1")
	mustSet(t, tx, "b", "2")
	mustSet(t, tx, "empty", "")
	mustCommit(t, tx)

	tx = begin(t, e, storage.TxnOptions{})
	wantGet(t, tx, "a", "1", true)
	wantGet(t, tx, "b", "2", true)
	wantGet(t, tx, "empty", "", true)
	mustSet(t, tx, "a", "11")
	mustDelete(t, tx, "b")
	mustDelete(t, tx, "never")
	mustCommit(t, tx)

	tx = begin(t, e, storage.TxnOptions{})
	defer tx.Rollback()
	wantGet(t, tx, "a", "11", true)
	wantGet(t, tx, "b", "", false)
	wantGet(t, tx, "never", "", false)
	wantScan(t, tx, "", "", false, "a=11", "empty=")
}

func testEngineGet(t *testing.T, e storage.Engine) {
	load(t, e, "k", "v")
	v, ok, err := e.Get([]byte("k"))
	if err != nil || !ok || string(v) != "v" {
		t.Fatalf("Engine.Get = %q, %v, %v", v, ok, err)
	}
	tx := begin(t, e, storage.TxnOptions{})
	mustSet(t, tx, "k", "uncommitted")
	// Uncommitted writes are invisible outside the transaction.
	if v, _, _ := e.Get([]byte("k")); string(v) != "v" {
		t.Fatalf("Engine.Get saw uncommitted %q", v)
	}
	mustCommit(t, tx)
	if v, _, _ := e.Get([]byte("k")); string(v) != "uncommitted" {
		t.Fatalf("Engine.Get after commit = %q", v)
	}
	if _, ok, _ := e.Get([]byte("nope")); ok {
		t.Fatal("Engine.Get found a missing key")
	}
}

func testScanBounds(t *testing.T, e storage.Engine) {
	load(t, e, "a", "1", "b", "2", "c", "3", "d", "4", "e", "5")
	tx := begin(t, e, storage.TxnOptions{})
	defer tx.Rollback()
	wantScan(t, tx, "", "", false, "a=1", "b=2", "c=3", "d=4", "e=5")
	wantScan(t, tx, "", "", true, "e=5", "d=4", "c=3", "b=2", "a=1")
	wantScan(t, tx, "b", "d", false, "b=2", "c=3")
	wantScan(t, tx, "b", "d", true, "c=3", "b=2")
	wantScan(t, tx, "bb", "dd", false, "c=3", "d=4")
	wantScan(t, tx, "bb", "dd", true, "d=4", "c=3")
	wantScan(t, tx, "c", "", false, "c=3", "d=4", "e=5")
	wantScan(t, tx, "c", "", true, "e=5", "d=4", "c=3")
	wantScan(t, tx, "", "c", false, "a=1", "b=2")
	wantScan(t, tx, "", "c", true, "b=2", "a=1")
	wantScan(t, tx, "x", "z", false)
	wantScan(t, tx, "x", "z", true)
	wantScan(t, tx, "c", "c", false)
	wantScan(t, tx, "0", "a", true)
}

func testReadYourWrites(t *testing.T, e storage.Engine) {
	load(t, e, "a", "1")
	tx := begin(t, e, storage.TxnOptions{})
	defer tx.Rollback()
	mustSet(t, tx, "a", "2")
	wantGet(t, tx, "a", "2", true)
	mustDelete(t, tx, "a")
	wantGet(t, tx, "a", "", false)
	mustSet(t, tx, "a", "3")
	wantGet(t, tx, "a", "3", true)
	mustSet(t, tx, "new", "n")
	wantGet(t, tx, "new", "n", true)

	// Buffers passed to Set may be reused by the caller.
	k, v := []byte("buf"), []byte("x")
	if err := tx.Set(k, v); err != nil {
		t.Fatal(err)
	}
	k[0], v[0] = 'z', 'z'
	wantGet(t, tx, "buf", "x", true)
}

func testScanMergesWrites(t *testing.T, e storage.Engine) {
	load(t, e, "b", "2", "d", "4", "f", "6")
	tx := begin(t, e, storage.TxnOptions{})
	defer tx.Rollback()
	mustSet(t, tx, "a", "1")
	mustSet(t, tx, "d", "44")
	mustDelete(t, tx, "f")
	mustSet(t, tx, "g", "7")
	mustDelete(t, tx, "zz")
	wantScan(t, tx, "", "", false, "a=1", "b=2", "d=44", "g=7")
	wantScan(t, tx, "", "", true, "g=7", "d=44", "b=2", "a=1")
	wantScan(t, tx, "b", "g", false, "b=2", "d=44")
	wantScan(t, tx, "b", "g", true, "d=44", "b=2")
	wantScan(t, tx, "c", "", true, "g=7", "d=44")
}

func testScanStableUnderWrites(t *testing.T, e storage.Engine) {
	load(t, e, "a", "1", "b", "2", "c", "3")
	tx := begin(t, e, storage.TxnOptions{})
	defer tx.Rollback()
	mustSet(t, tx, "b", "22")
	it := tx.Scan(nil, nil, false)
	var got []string
	for it.Next() {
		got = append(got, string(it.Key())+"="+string(it.Value()))
		// An UPDATE writing as it scans must not see its own new rows.
		mustSet(t, tx, string(it.Key())+"x", "new")
		mustDelete(t, tx, "c")
	}
	it.Close()
	if want := "[a=1 b=22 c=3]"; fmtList(got) != want {
		t.Fatalf("scan while writing = %v; want %v", got, want)
	}
	wantScan(t, tx, "", "", false, "a=1", "ax=new", "b=22", "bx=new", "cx=new")
}

func fmtList(s []string) string {
	out := "["
	for i, x := range s {
		if i > 0 {
			out += " "
		}
		out += x
	}
	return out + "]"
}

func testRollback(t *testing.T, e storage.Engine) {
	load(t, e, "a", "1")
	tx := begin(t, e, storage.TxnOptions{})
	mustSet(t, tx, "a", "2")
	mustSet(t, tx, "b", "2")
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	tx = begin(t, e, storage.TxnOptions{LockTimeout: 0})
	defer tx.Rollback()
	wantGet(t, tx, "a", "1", true)
	wantGet(t, tx, "b", "", false)
	// Rollback released the locks: an immediate-fail lock request succeeds.
	mustSet(t, tx, "a", "3")
}

func testTxnDone(t *testing.T, e storage.Engine) {
	tx := begin(t, e, storage.TxnOptions{})
	mustSet(t, tx, "a", "1")
	mustCommit(t, tx)
	wantErr(t, "Commit twice", tx.Commit(), storage.ErrTxnDone)
	wantErr(t, "Rollback after commit", tx.Rollback(), storage.ErrTxnDone)
	wantErr(t, "Set after commit", tx.Set([]byte("a"), nil), storage.ErrTxnDone)
	_, _, err := tx.Get([]byte("a"))
	wantErr(t, "Get after commit", err, storage.ErrTxnDone)
	it := tx.Scan(nil, nil, false)
	if it.Next() {
		t.Fatal("Scan after commit returned a row")
	}
	wantErr(t, "Scan after commit", it.Err(), storage.ErrTxnDone)
	it.Close()
}

func testReadOnly(t *testing.T, e storage.Engine) {
	load(t, e, "a", "1")
	tx := begin(t, e, storage.TxnOptions{ReadOnly: true})
	wantGet(t, tx, "a", "1", true)
	wantErr(t, "Set in read-only", tx.Set([]byte("a"), []byte("2")), storage.ErrReadOnly)
	wantErr(t, "Delete in read-only", tx.Delete([]byte("a")), storage.ErrReadOnly)
	_, _, err := tx.GetForUpdate([]byte("a"))
	wantErr(t, "GetForUpdate in read-only", err, storage.ErrReadOnly)
	mustCommit(t, tx)
}
