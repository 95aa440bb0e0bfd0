package storage

import (
	"context"
	"hash/maphash"
	"sync"
	"sync/atomic"
	"time"
)

// lockShards spreads the lock table over independent mutexes so that
// concurrent writers on different keys rarely contend.
const lockShards = 64

// lockTable holds the exclusive key locks of all transactions. A lock lives
// in the table only while it is held.
type lockTable struct {
	seed   maphash.Seed
	shards [lockShards]lockShard

	// waitMu guards waiting: the waits-for graph, as "transaction id ->
	// lock it waits for". Each transaction waits for at most one lock and
	// each lock has one owner, so the graph is a set of chains and a cycle
	// check is a walk. Only transactions about to block touch it.
	waitMu  sync.Mutex
	waiting map[uint64]*lockEntry
}

type lockShard struct {
	mu sync.Mutex
	m  map[string]*lockEntry
	_  [40]byte // keep shards on separate cache lines
}

type lockEntry struct {
	key   string
	shard *lockShard
	// owner is the holding transaction id. Written under shard.mu; read
	// without it by the deadlock walk.
	owner atomic.Uint64
	// queue holds the waiters in arrival order (under shard.mu): release
	// hands the lock to the first one, so a hot key cannot starve a
	// waiter into a lock timeout.
	queue []*lockWaiter
}

type lockWaiter struct {
	id      uint64
	granted chan struct{} // closed when the lock is handed over
	done    bool          // handed over (under shard.mu)
}

func (lt *lockTable) init() {
	lt.seed = maphash.MakeSeed()
	for i := range lt.shards {
		lt.shards[i].m = make(map[string]*lockEntry)
	}
	lt.waiting = make(map[uint64]*lockEntry)
}

func (lt *lockTable) shardFor(key []byte) *lockShard {
	return &lt.shards[maphash.Bytes(lt.seed, key)%lockShards]
}

// acquire takes the exclusive lock on key for transaction id. It returns
// the entry when the lock is newly acquired (the caller releases it later)
// and nil when id already held it. timeout < 0 waits forever, 0 fails at
// once. A wait that would close a cycle in the waits-for graph fails with
// ErrDeadlock: the requester is the victim.
func (lt *lockTable) acquire(ctx context.Context, id uint64, key []byte, timeout time.Duration) (*lockEntry, error) {
	sh := lt.shardFor(key)
	sh.mu.Lock()
	e := sh.m[string(key)]
	if e == nil {
		e = &lockEntry{key: string(key), shard: sh}
		e.owner.Store(id)
		sh.m[e.key] = e
		sh.mu.Unlock()
		return e, nil
	}
	if e.owner.Load() == id {
		sh.mu.Unlock()
		return nil, nil
	}
	if timeout == 0 {
		sh.mu.Unlock()
		return nil, ErrLockTimeout
	}
	w := &lockWaiter{id: id, granted: make(chan struct{})}
	e.queue = append(e.queue, w)
	sh.mu.Unlock()

	err := lt.startWait(id, e)
	if err == nil {
		var timer <-chan time.Time
		if timeout > 0 {
			t := time.NewTimer(timeout)
			defer t.Stop()
			timer = t.C
		}
		select {
		case <-w.granted:
		case <-timer:
			err = ErrLockTimeout
		case <-ctx.Done():
			err = ctx.Err()
		}
		lt.endWait(id)
	}

	sh.mu.Lock()
	defer sh.mu.Unlock()
	if w.done {
		// Handed over, possibly just as the wait gave up: it is ours.
		return e, nil
	}
	for i, q := range e.queue {
		if q == w {
			e.queue = append(e.queue[:i], e.queue[i+1:]...)
			break
		}
	}
	return nil, err
}

// release frees a lock acquired by acquire, handing it to the first
// waiter if there is one.
func (lt *lockTable) release(e *lockEntry) {
	sh := e.shard
	sh.mu.Lock()
	if len(e.queue) == 0 {
		e.owner.Store(0)
		delete(sh.m, e.key)
	} else {
		w := e.queue[0]
		e.queue[0] = nil
		e.queue = e.queue[1:]
		w.done = true
		e.owner.Store(w.id)
		close(w.granted)
	}
	sh.mu.Unlock()
}

// startWait records that id waits for e and fails with ErrDeadlock if that
// closes a cycle. Every edge is added and checked under waitMu, so the
// transaction adding the last edge of a cycle always sees it.
func (lt *lockTable) startWait(id uint64, e *lockEntry) error {
	lt.waitMu.Lock()
	defer lt.waitMu.Unlock()
	cur := e
	for steps := len(lt.waiting) + 1; steps >= 0; steps-- {
		owner := cur.owner.Load()
		if owner == 0 {
			break // just released: no cycle through it
		}
		if owner == id {
			return ErrDeadlock
		}
		next, ok := lt.waiting[owner]
		if !ok {
			break
		}
		cur = next
	}
	lt.waiting[id] = e
	return nil
}

func (lt *lockTable) endWait(id uint64) {
	lt.waitMu.Lock()
	delete(lt.waiting, id)
	lt.waitMu.Unlock()
}
