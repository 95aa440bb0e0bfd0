package storagetest

import (
	"testing"

	"github.com/tsqld/tsqld/storage"
)

func testSavepoints(t *testing.T, e storage.Engine) {
	load(t, e, "base", "0", "gone", "0")
	tx := begin(t, e, storage.TxnOptions{})
	mustSet(t, tx, "a", "1") // before any savepoint
	sp1 := tx.Savepoint()
	mustSet(t, tx, "a", "2")
	mustSet(t, tx, "b", "1")
	mustDelete(t, tx, "gone")
	sp2 := tx.Savepoint()
	mustSet(t, tx, "b", "2")
	mustSet(t, tx, "c", "1")
	mustDelete(t, tx, "base")
	sp3 := tx.Savepoint()
	mustSet(t, tx, "d", "1")
	wantScan(t, tx, "", "", false, "a=2", "b=2", "c=1", "d=1")

	if err := tx.RollbackTo(sp3); err != nil {
		t.Fatal(err)
	}
	wantScan(t, tx, "", "", false, "a=2", "b=2", "c=1")
	// Rolling back to the same savepoint twice is allowed.
	if err := tx.RollbackTo(sp3); err != nil {
		t.Fatal(err)
	}
	if err := tx.RollbackTo(sp2); err != nil {
		t.Fatal(err)
	}
	wantScan(t, tx, "", "", false, "a=2", "b=1", "base=0")
	wantGet(t, tx, "gone", "", false)
	// Writes after a rollback are undone by an earlier savepoint.
	mustSet(t, tx, "e", "1")
	if err := tx.RollbackTo(sp1); err != nil {
		t.Fatal(err)
	}
	wantScan(t, tx, "", "", false, "a=1", "base=0", "gone=0")
	wantErr(t, "RollbackTo a discarded savepoint", tx.RollbackTo(sp3), storage.ErrBadSavepoint)

	// Locks taken after the savepoint stay held (as in SQL Server).
	other := begin(t, e, storage.TxnOptions{LockTimeout: 0})
	wantErr(t, "Set of a key written then rolled back to savepoint",
		other.Set([]byte("d"), nil), storage.ErrLockTimeout)
	other.Rollback()

	mustCommit(t, tx)
	check := begin(t, e, storage.TxnOptions{})
	defer check.Rollback()
	wantScan(t, check, "", "", false, "a=1", "base=0", "gone=0")
}
