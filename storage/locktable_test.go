package storage

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"
)

// TestLockTableDrains hammers a few keys with waiting, timing-out and
// cancelled requests and checks every entry and waits-for edge is gone
// afterwards (a leak would grow the table forever).
func TestLockTableDrains(t *testing.T) {
	var lt lockTable
	lt.init()
	keys := [][]byte{[]byte("a"), []byte("b"), []byte("c")}
	var wg sync.WaitGroup
	for w := 1; w <= 8; w++ {
		wg.Add(1)
		go func(id uint64) {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				k := keys[(int(id)+i)%len(keys)]
				timeout := time.Duration(i%3-1) * time.Millisecond // -1ms, 0, 1ms
				ctx, cancel := context.WithTimeout(context.Background(), 5*time.Millisecond)
				e, err := lt.acquire(ctx, id, k, timeout)
				cancel()
				switch {
				case err == nil && e != nil:
					lt.release(e)
				case err == nil:
					t.Errorf("txn %d: lock reported already held", id)
				case !errors.Is(err, ErrLockTimeout) && !errors.Is(err, context.DeadlineExceeded):
					t.Errorf("txn %d: %v", id, err)
				}
			}
		}(uint64(w))
	}
	wg.Wait()
	for i := range lt.shards {
		if n := len(lt.shards[i].m); n != 0 {
			t.Fatalf("shard %d keeps %d lock entries", i, n)
		}
	}
	if len(lt.waiting) != 0 {
		t.Fatalf("%d waits-for edges left", len(lt.waiting))
	}
}

func TestLockReentrant(t *testing.T) {
	var lt lockTable
	lt.init()
	e, err := lt.acquire(context.Background(), 1, []byte("k"), 0)
	if err != nil || e == nil {
		t.Fatal(e, err)
	}
	again, err := lt.acquire(context.Background(), 1, []byte("k"), 0)
	if err != nil || again != nil {
		t.Fatalf("re-acquire by owner = %v, %v; want nil, nil", again, err)
	}
	if _, err := lt.acquire(context.Background(), 2, []byte("k"), 0); !errors.Is(err, ErrLockTimeout) {
		t.Fatalf("other txn: %v", err)
	}
	lt.release(e)
	e2, err := lt.acquire(context.Background(), 2, []byte("k"), 0)
	if err != nil || e2 == nil {
		t.Fatal(e2, err)
	}
	lt.release(e2)
}
