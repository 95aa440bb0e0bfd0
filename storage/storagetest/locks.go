package storagetest

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/tsqld/tsqld/storage"
)

func testLockTimeoutZero(t *testing.T, e storage.Engine) {
	holder := begin(t, e, storage.TxnOptions{})
	defer holder.Rollback()
	mustSet(t, holder, "k", "1")
	tx := begin(t, e, storage.TxnOptions{LockTimeout: 0})
	defer tx.Rollback()
	start := time.Now()
	wantErr(t, "Delete of a locked key", tx.Delete([]byte("k")), storage.ErrLockTimeout)
	if d := time.Since(start); d > 100*time.Millisecond {
		t.Fatalf("timeout 0 waited %v", d)
	}
	// Other keys are free.
	mustSet(t, tx, "other", "1")
}

func testLockTimeoutPositive(t *testing.T, e storage.Engine) {
	holder := begin(t, e, storage.TxnOptions{})
	defer holder.Rollback()
	mustSet(t, holder, "k", "1")
	tx := begin(t, e, storage.TxnOptions{LockTimeout: 50 * time.Millisecond})
	defer tx.Rollback()
	start := time.Now()
	wantErr(t, "Set of a locked key", tx.Set([]byte("k"), nil), storage.ErrLockTimeout)
	if d := time.Since(start); d < 45*time.Millisecond || d > 2*time.Second {
		t.Fatalf("timeout 50ms waited %v", d)
	}
}

func testLockWaitThenGrant(t *testing.T, e storage.Engine) {
	load(t, e, "k", "0")
	holder := begin(t, e, storage.TxnOptions{})
	mustSet(t, holder, "k", "1")
	done := make(chan error, 1)
	var got string
	go func() {
		tx, _ := e.Begin(context.Background(), storage.TxnOptions{LockTimeout: 10 * time.Second})
		v, _, err := tx.GetForUpdate([]byte("k"))
		got = string(v)
		if err == nil {
			err = tx.Set([]byte("k"), []byte(string(v)+"+"))
		}
		if err == nil {
			err = tx.Commit()
		} else {
			tx.Rollback()
		}
		done <- err
	}()
	select {
	case err := <-done:
		t.Fatalf("waiter finished while the lock was held: %v", err)
	case <-time.After(50 * time.Millisecond):
	}
	mustCommit(t, holder)
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("waiter not granted the lock after commit")
	}
	if got != "1" {
		t.Fatalf("waiter read %q after the holder committed; want 1", got)
	}
	v, _, _ := e.Get([]byte("k"))
	if string(v) != "1+" {
		t.Fatalf("final value %q", v)
	}
}

func testLockWaitForeverCancel(t *testing.T, e storage.Engine) {
	holder := begin(t, e, storage.TxnOptions{})
	defer holder.Rollback()
	mustSet(t, holder, "k", "1")
	ctx, cancel := context.WithCancel(context.Background())
	tx, err := e.Begin(context.Background(), storage.TxnOptions{LockTimeout: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	tx.SetContext(ctx)
	done := make(chan error, 1)
	go func() { done <- tx.Set([]byte("k"), nil) }()
	select {
	case err := <-done:
		t.Fatalf("wait-forever lock returned early: %v", err)
	case <-time.After(100 * time.Millisecond):
	}
	cancel()
	select {
	case err := <-done:
		wantErr(t, "cancelled lock wait", err, context.Canceled)
	case <-time.After(5 * time.Second):
		t.Fatal("cancel did not end the lock wait")
	}
}

func testDeadlock(t *testing.T, e storage.Engine) {
	t1 := begin(t, e, storage.TxnOptions{LockTimeout: -1})
	t2 := begin(t, e, storage.TxnOptions{LockTimeout: -1})
	mustSet(t, t1, "a", "t1")
	mustSet(t, t2, "b", "t2")
	done := make(chan error, 1)
	go func() { done <- t1.Set([]byte("b"), []byte("t1")) }() // t1 waits for t2
	waitBlocked(t, done)
	// t2 closes the cycle and is the victim.
	wantErr(t, "closing a deadlock cycle", t2.Set([]byte("a"), []byte("t2")), storage.ErrDeadlock)
	t2.Rollback()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("survivor: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("survivor not granted the lock after the victim rolled back")
	}
	mustCommit(t, t1)
	v, _, _ := e.Get([]byte("b"))
	if string(v) != "t1" {
		t.Fatalf("b = %q", v)
	}
}

func testDeadlockThreeWay(t *testing.T, e storage.Engine) {
	txs := make([]storage.Txn, 3)
	keys := []string{"a", "b", "c"}
	for i := range txs {
		txs[i] = begin(t, e, storage.TxnOptions{LockTimeout: -1})
		mustSet(t, txs[i], keys[i], "x")
	}
	d0 := make(chan error, 1)
	d1 := make(chan error, 1)
	go func() { d0 <- txs[0].Set([]byte("b"), nil) }()
	waitBlocked(t, d0)
	go func() { d1 <- txs[1].Set([]byte("c"), nil) }()
	waitBlocked(t, d1)
	wantErr(t, "closing a 3-way cycle", txs[2].Set([]byte("a"), nil), storage.ErrDeadlock)
	txs[2].Rollback()
	if err := <-d1; err != nil {
		t.Fatal(err)
	}
	mustCommit(t, txs[1])
	if err := <-d0; err != nil {
		t.Fatal(err)
	}
	mustCommit(t, txs[0])
}

// waitBlocked checks that a lock request is still waiting after a while.
func waitBlocked(t *testing.T, done chan error) {
	t.Helper()
	select {
	case err := <-done:
		if err == nil {
			err = errors.New("granted")
		}
		t.Fatalf("lock request did not block: %v", err)
	case <-time.After(50 * time.Millisecond):
	}
}

// testLockFIFO checks waiters are granted in arrival order, so a busy key
// cannot starve an early waiter into a timeout.
func testLockFIFO(t *testing.T, e storage.Engine) {
	holder := begin(t, e, storage.TxnOptions{})
	mustSet(t, holder, "k", "0")
	order := make(chan int, 3)
	release := make([]chan struct{}, 3)
	for i := range release {
		release[i] = make(chan struct{})
		tx := begin(t, e, storage.TxnOptions{LockTimeout: 10 * time.Second})
		go func(i int, tx storage.Txn) {
			if err := tx.Set([]byte("k"), []byte{byte('1' + i)}); err != nil {
				t.Errorf("waiter %d: %v", i, err)
			}
			order <- i
			<-release[i]
			tx.Commit()
		}(i, tx)
		time.Sleep(30 * time.Millisecond) // arrive in order
	}
	mustCommit(t, holder)
	for want := 0; want < 3; want++ {
		select {
		case got := <-order:
			if got != want {
				t.Fatalf("waiter %d granted before waiter %d", got, want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("waiter %d never granted", want)
		}
		close(release[want])
	}
}
