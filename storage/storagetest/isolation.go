package storagetest

import (
	"testing"

	"github.com/tsqld/tsqld/storage"
)

func testSnapshotIsolation(t *testing.T, e storage.Engine) {
	load(t, e, "a", "1", "b", "1")
	reader := begin(t, e, storage.TxnOptions{})
	defer reader.Rollback()
	wantGet(t, reader, "a", "1", true) // takes the snapshot

	writer := begin(t, e, storage.TxnOptions{})
	mustSet(t, writer, "a", "2")
	mustDelete(t, writer, "b")
	mustSet(t, writer, "c", "3")
	// Readers never block on writers' locks and never see uncommitted data.
	wantGet(t, reader, "a", "1", true)
	mustCommit(t, writer)

	// Committed after the snapshot: still invisible, for gets and scans.
	wantGet(t, reader, "a", "1", true)
	wantGet(t, reader, "b", "1", true)
	wantGet(t, reader, "c", "", false)
	wantScan(t, reader, "", "", false, "a=1", "b=1")
	wantScan(t, reader, "", "", true, "b=1", "a=1")

	fresh := begin(t, e, storage.TxnOptions{})
	defer fresh.Rollback()
	wantScan(t, fresh, "", "", false, "a=2", "c=3")
}

func testRefreshSnapshot(t *testing.T, e storage.Engine) {
	load(t, e, "a", "1")
	tx := begin(t, e, storage.TxnOptions{Isolation: storage.ReadCommittedSnapshot})
	defer tx.Rollback()
	wantGet(t, tx, "a", "1", true)
	mustSet(t, tx, "mine", "x")
	load(t, e, "a", "2", "b", "2")
	wantGet(t, tx, "a", "1", true)
	tx.RefreshSnapshot() // next statement
	wantGet(t, tx, "a", "2", true)
	wantScan(t, tx, "", "", false, "a=2", "b=2", "mine=x")
}

func testSnapshotIgnoresRefresh(t *testing.T, e storage.Engine) {
	load(t, e, "a", "1")
	tx := begin(t, e, storage.TxnOptions{Isolation: storage.Snapshot})
	defer tx.Rollback()
	wantGet(t, tx, "a", "1", true)
	load(t, e, "a", "2")
	tx.RefreshSnapshot()
	wantGet(t, tx, "a", "1", true)
}

func testUpdateConflict(t *testing.T, e storage.Engine) {
	load(t, e, "a", "1", "b", "1")
	snap := begin(t, e, storage.TxnOptions{Isolation: storage.Snapshot})
	defer snap.Rollback()
	wantGet(t, snap, "a", "1", true) // snapshot starts at first access

	load(t, e, "a", "2") // committed after snap's snapshot

	wantErr(t, "Set of a key committed after the snapshot",
		snap.Set([]byte("a"), []byte("3")), storage.ErrConflict)
	// An untouched key is fine.
	mustSet(t, snap, "b", "3")
	snap.Rollback() // the SQL layer rolls back after 3960

	// A snapshot transaction whose snapshot already includes the commit
	// does not conflict.
	snap2 := begin(t, e, storage.TxnOptions{Isolation: storage.Snapshot})
	wantGet(t, snap2, "a", "2", true)
	mustDelete(t, snap2, "a")

	// GetForUpdate reports the conflict too, and deletions count.
	snap3 := begin(t, e, storage.TxnOptions{Isolation: storage.Snapshot})
	defer snap3.Rollback()
	wantGet(t, snap3, "a", "2", true)
	mustCommit(t, snap2)
	_, _, err := snap3.GetForUpdate([]byte("a"))
	wantErr(t, "GetForUpdate of a key deleted after the snapshot", err, storage.ErrConflict)

	// Under read committed snapshot the same pattern is no error: the write
	// applies over the latest committed value.
	rcsi := begin(t, e, storage.TxnOptions{})
	wantGet(t, rcsi, "b", "1", true)
	load(t, e, "b", "9")
	v, ok, err := rcsi.GetForUpdate([]byte("b"))
	if err != nil || !ok || string(v) != "9" {
		t.Fatalf("GetForUpdate under RCSI = %q, %v, %v; want latest 9", v, ok, err)
	}
	mustSet(t, rcsi, "b", "10")
	mustCommit(t, rcsi)
}

func testGetForUpdate(t *testing.T, e storage.Engine) {
	load(t, e, "a", "1")
	tx := begin(t, e, storage.TxnOptions{LockTimeout: 0})
	defer tx.Rollback()
	wantGet(t, tx, "a", "1", true)
	load(t, e, "a", "2")
	// The snapshot says 1; GetForUpdate returns the latest committed value.
	wantGet(t, tx, "a", "1", true)
	v, ok, err := tx.GetForUpdate([]byte("a"))
	if err != nil || !ok || string(v) != "2" {
		t.Fatalf("GetForUpdate = %q, %v, %v; want 2", v, ok, err)
	}
	_, ok, err = tx.GetForUpdate([]byte("missing"))
	if err != nil || ok {
		t.Fatalf("GetForUpdate(missing) = %v, %v", ok, err)
	}
	// Own writes win.
	mustSet(t, tx, "a", "mine")
	v, _, _ = tx.GetForUpdate([]byte("a"))
	if string(v) != "mine" {
		t.Fatalf("GetForUpdate after own Set = %q", v)
	}
	// The lock is held: another writer fails at once with timeout 0, for
	// both a written key and a key only read for update.
	other := begin(t, e, storage.TxnOptions{LockTimeout: 0})
	defer other.Rollback()
	wantErr(t, "Set of a locked key", other.Set([]byte("a"), nil), storage.ErrLockTimeout)
	wantErr(t, "Set of a key locked by GetForUpdate", other.Set([]byte("missing"), nil), storage.ErrLockTimeout)
	_, _, err = other.GetForUpdate([]byte("a"))
	wantErr(t, "GetForUpdate of a locked key", err, storage.ErrLockTimeout)
	// Plain reads do not block.
	wantGet(t, other, "a", "2", true)
}
