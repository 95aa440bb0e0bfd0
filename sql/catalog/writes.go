package catalog

import (
	"encoding/json"

	"github.com/tsqld/tsqld/storage"
)

// Catalog records are written under storage locks held to the end of the
// writing transaction, and another transaction may hold them (DDL in an
// explicit transaction keeps its database record locked until COMMIT).
// Waiting for such a lock while holding c.mu would stall every session
// reading the catalog — including the lock's holder, which then never
// commits: a deadlock the storage lock manager cannot see. So the methods
// below, called with c.mu held for writing, release it while they wait
// for a storage lock (the in-memory state is consistent at each call) and
// take it back before writing.

// waitKey takes the storage lock on key for txn with c.mu released.
func (c *Catalog) waitKey(txn storage.Txn, key []byte) error {
	c.mu.Unlock()
	defer c.mu.Lock()
	_, _, err := txn.GetForUpdate(key)
	return err
}

// putRecord stores v as JSON under key: encoded under c.mu (a consistent
// snapshot of v), written once the key's lock is held.
func (c *Catalog) putRecord(txn storage.Txn, key []byte, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	if err := c.waitKey(txn, key); err != nil {
		return err
	}
	return txn.Set(key, b)
}

// deleteRecord deletes key once its lock is held.
func (c *Catalog) deleteRecord(txn storage.Txn, key []byte) error {
	if err := c.waitKey(txn, key); err != nil {
		return err
	}
	return txn.Delete(key)
}

// deleteRangeUnlocked deletes [lo, hi) (table rows: other transactions'
// row locks) with c.mu released.
func (c *Catalog) deleteRangeUnlocked(txn storage.Txn, lo, hi []byte) error {
	c.mu.Unlock()
	defer c.mu.Lock()
	return deleteRange(txn, lo, hi)
}
