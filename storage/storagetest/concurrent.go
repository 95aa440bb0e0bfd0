package storagetest

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"testing"

	"github.com/tsqld/tsqld/storage"
)

// testConcurrentCommitters runs read-modify-write increments from many
// goroutines over a few hot counters (GetForUpdate + Set + Commit, retrying
// deadlock victims) plus private keys; no increment may be lost and every
// snapshot must see the transfers between counters atomically.
func testConcurrentCommitters(t *testing.T, e storage.Engine) {
	const (
		workers   = 8
		perWorker = 30
		counters  = 4
	)
	load(t, e, "c0", "0", "c1", "0", "c2", "0", "c3", "0")
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < perWorker; i++ {
				for {
					err := increment(e, w, i, counters)
					if err == nil {
						break
					}
					if !errors.Is(err, storage.ErrDeadlock) {
						errs <- err
						return
					}
				}
			}
		}(w)
	}
	// A concurrent reader checks that every snapshot sees whole commits:
	// each commit adds 1 to two counters, so the sum is always even.
	stop := make(chan struct{})
	readerErr := make(chan error, 1)
	go func() {
		defer close(readerErr)
		for {
			select {
			case <-stop:
				return
			default:
			}
			tx, _ := e.Begin(context.Background(), storage.TxnOptions{ReadOnly: true})
			sum := 0
			it := tx.Scan([]byte("c"), []byte("d"), false)
			for it.Next() {
				n, _ := strconv.Atoi(string(it.Value()))
				sum += n
			}
			it.Close()
			tx.Commit()
			if sum%2 != 0 {
				readerErr <- fmt.Errorf("snapshot saw a partial commit: counter sum %d", sum)
				return
			}
		}
	}()
	wg.Wait()
	close(stop)
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if err := <-readerErr; err != nil {
		t.Fatal(err)
	}
	tx := begin(t, e, storage.TxnOptions{})
	defer tx.Rollback()
	total := 0
	for c := 0; c < counters; c++ {
		v, _, _ := tx.Get([]byte(fmt.Sprintf("c%d", c)))
		n, _ := strconv.Atoi(string(v))
		total += n
	}
	if want := 2 * workers * perWorker; total != want {
		t.Fatalf("counter total %d; want %d (lost updates)", total, want)
	}
	n := len(scan(t, tx, "p", "q", false))
	if n != workers*perWorker {
		t.Fatalf("%d private keys; want %d", n, workers*perWorker)
	}
}

func increment(e storage.Engine, w, i, counters int) error {
	tx, err := e.Begin(context.Background(), storage.TxnOptions{LockTimeout: -1})
	if err != nil {
		return err
	}
	a := (w + i) % counters
	b := (w*3 + i + 1) % counters
	if a == b {
		b = (b + 1) % counters
	}
	for _, c := range []int{a, b} {
		k := []byte(fmt.Sprintf("c%d", c))
		v, _, err := tx.GetForUpdate(k)
		if err != nil {
			tx.Rollback()
			return err
		}
		n, _ := strconv.Atoi(string(v))
		if err := tx.Set(k, []byte(strconv.Itoa(n+1))); err != nil {
			tx.Rollback()
			return err
		}
	}
	if err := tx.Set([]byte(fmt.Sprintf("p%02d-%03d", w, i)), []byte("x")); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}
