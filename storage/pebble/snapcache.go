package pebble

import (
	"sync"

	"github.com/cockroachdb/pebble/v2"
)

// snapCache shares one pebble snapshot among all transactions that start
// reading while no commit happens. Creating and above all closing a pebble
// snapshot is not cheap (closing reconsiders compactions: ~14 allocations
// and a DB mutex round trip), and under read-committed snapshot every
// statement takes one; read-mostly workloads now take one per commit
// instead. Apply drops the cached snapshot after each commit so a
// transaction starting after a commit returned always sees it, and so no
// cached snapshot pins old versions once data changes.
type snapCache struct {
	mu  sync.Mutex
	cur *sharedSnap // nil after a commit until the next reader
}

type sharedSnap struct {
	cache *snapCache
	snap  *pebble.Snapshot
	refs  int // under snapCache.mu; the cache itself holds one
}

// acquire returns the current shared snapshot, taking one if needed.
func (c *snapCache) acquire(db *pebble.DB) *sharedSnap {
	c.mu.Lock()
	s := c.cur
	if s == nil {
		s = &sharedSnap{cache: c, snap: db.NewSnapshot(), refs: 1}
		c.cur = s
	}
	s.refs++
	c.mu.Unlock()
	return s
}

// release drops a reference, closing the snapshot with the last one.
func (c *snapCache) release(s *sharedSnap) error {
	c.mu.Lock()
	s.refs--
	last := s.refs == 0
	c.mu.Unlock()
	if last {
		return s.snap.Close()
	}
	return nil
}

// invalidate forgets the cached snapshot (after a commit).
func (c *snapCache) invalidate() error {
	c.mu.Lock()
	s := c.cur
	c.cur = nil
	c.mu.Unlock()
	if s == nil {
		return nil
	}
	return c.release(s)
}
