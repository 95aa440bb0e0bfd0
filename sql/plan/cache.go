package plan

import (
	"container/list"
	"sync"

	"github.com/tsqld/tsqld/sql/ast"
)

// Key identifies a cached batch.
type Key struct {
	Text   string
	Params string // sp_executesql parameter definition, "" for batches
	DB     int32
	Opts   uint64
}

// Bound is a statement's bound form, valid for one catalog version.
type Bound struct {
	Version uint64
	Plan    any
}

// Entry is one cached batch: parsed statements and, per statement, the
// last bound plan (nil until bound, or when the statement cannot be
// cached because it depends on session objects such as #temp tables).
type Entry struct {
	Stmts []ast.Stmt
	mu    sync.Mutex
	bound map[ast.Stmt]*Bound
	// checked is 1 + the catalog version at which the batch passed its
	// compile-time check (0 = not yet).
	checked uint64
}

// Checked reports whether the batch passed its compile check at version.
func (e *Entry) Checked(version uint64) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.checked == version+1
}

// SetChecked records a passed compile check at version.
func (e *Entry) SetChecked(version uint64) {
	e.mu.Lock()
	e.checked = version + 1
	e.mu.Unlock()
}

// Bound returns the cached plan of stmt if it was bound at version.
func (e *Entry) Bound(stmt ast.Stmt, version uint64) any {
	e.mu.Lock()
	defer e.mu.Unlock()
	if b := e.bound[stmt]; b != nil && b.Version == version {
		return b.Plan
	}
	return nil
}

// SetBound records the plan of stmt for version.
func (e *Entry) SetBound(stmt ast.Stmt, version uint64, p any) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.bound == nil {
		e.bound = map[ast.Stmt]*Bound{}
	}
	e.bound[stmt] = &Bound{Version: version, Plan: p}
}

// Cache is an LRU of batch entries shared by all sessions.
type Cache struct {
	mu   sync.Mutex
	cap  int
	m    map[Key]*list.Element
	lru  *list.List
	hits uint64
	miss uint64
}

type item struct {
	key   Key
	entry *Entry
}

// NewCache returns a cache holding at most n batches.
func NewCache(n int) *Cache {
	return &Cache{cap: n, m: map[Key]*list.Element{}, lru: list.New()}
}

// Get returns the entry for k, or nil.
func (c *Cache) Get(k Key) *Entry {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el := c.m[k]; el != nil {
		c.lru.MoveToFront(el)
		c.hits++
		return el.Value.(*item).entry
	}
	c.miss++
	return nil
}

// Put stores e under k, evicting the least recently used entry when full.
func (c *Cache) Put(k Key, e *Entry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el := c.m[k]; el != nil {
		el.Value.(*item).entry = e
		c.lru.MoveToFront(el)
		return
	}
	c.m[k] = c.lru.PushFront(&item{key: k, entry: e})
	for c.lru.Len() > c.cap {
		old := c.lru.Back()
		c.lru.Remove(old)
		delete(c.m, old.Value.(*item).key)
	}
}

// Stats returns hit and miss counts.
func (c *Cache) Stats() (hits, misses uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.hits, c.miss
}
