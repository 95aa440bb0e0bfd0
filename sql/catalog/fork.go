package catalog

import (
	"sync/atomic"

	"github.com/tsqld/tsqld/storage"
)

// Transaction-private catalogs. DDL inside an explicit transaction works
// on a copy of the catalog read through the transaction itself (committed
// state plus the transaction's own writes), so other sessions keep seeing
// the committed catalog until the transaction commits (the caller then
// reloads the shared catalog from storage) and never see it if it rolls
// back (the copy is dropped). Object and database ids come from the
// shared catalog, so ids handed out by concurrent transactions never
// collide (a rolled-back id is a gap, as with SQL Server's object ids).

// privateVersions numbers private catalogs' versions far above any
// shared catalog's, so a plan cached against a private catalog is never
// taken for one bound against the shared catalog (or another private
// one).
var privateVersions atomic.Uint64

const privateVersionBase = 1 << 62

// Fork loads a transaction-private copy of c through txn.
func (c *Catalog) Fork(txn storage.Txn) (*Catalog, error) {
	p, _, err := Load(txn)
	if err != nil {
		return nil, err
	}
	p.parent = c
	p.version = privateVersionBase + privateVersions.Add(1)<<24
	return p, nil
}

// Private reports whether c is a transaction-private copy.
func (c *Catalog) Private() bool { return c.parent != nil }

// Generation counts how many times c's contents were replaced (reloads
// after a rollback or a private catalog's commit). A transaction that
// changed the shared catalog in place while the generation moved must
// reload it at commit: the reload dropped its changes from memory.
func (c *Catalog) Generation() uint64 {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.generation
}

// allocObjectID reserves the object id want (or the next free one) in the
// shared copy of database db and returns it.
func (c *Catalog) allocObjectID(db int32, want int32) int32 {
	c.mu.Lock()
	defer c.mu.Unlock()
	d := c.dbByID[db]
	if d == nil {
		return want
	}
	id := max(want, d.NextObjectID)
	d.NextObjectID = id + 1
	return id
}

// allocDatabaseID is allocObjectID for database ids.
func (c *Catalog) allocDatabaseID(want int32) int32 {
	c.mu.Lock()
	defer c.mu.Unlock()
	id := max(want, c.server.NextDatabaseID)
	c.server.NextDatabaseID = id + 1
	return id
}

// lockNames takes the name locks (NameLockKey) of o and, when o is being
// renamed, of its current name, for the rest of txn: other sessions that
// fail to resolve either name wait for the transaction. Called with c.mu
// held for writing (released while waiting).
func (c *Catalog) lockNames(txn storage.Txn, d *Database, o *Object) error {
	if err := c.waitKey(txn, NameLockKey(d.ID, o.Schema, o.Name)); err != nil {
		return err
	}
	if old := d.byID[o.ID]; old != nil && objKey(old.Schema, old.Name) != objKey(o.Schema, o.Name) {
		return c.waitKey(txn, NameLockKey(d.ID, old.Schema, old.Name))
	}
	return nil
}
