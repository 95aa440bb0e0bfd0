package catalog

import (
	"fmt"

	"github.com/tsqld/tsqld/storage"
)

// KeyFormat is the version of the storage-key encoding of table rows and
// index entries that this build writes and reads:
//
//	1 (recorded as 0): integers as 8 fixed bytes, strings case-folded,
//	  decimals as float64 bits plus an exact tail (equality-preserving only)
//	2: sql/rowcodec's order-preserving keys — collation sort keys for
//	  strings, exact sign/exponent/digits for decimals, variable-length
//	  integers — so every key range is a value range
//
// Keys of one format cannot be read as the other: a store written in an
// older format has the keys of its indexed tables rewritten at start
// (CheckKeyFormat with a rebuild function), or is refused.
const KeyFormat = 2

// CheckKeyFormat verifies that the loaded store's data keys are in this
// build's format. A store from before format 2 gets every indexed table
// (heap rows are keyed by row id, which did not change) passed to rebuild,
// which rewrites its rows and index entries through txn; with rebuild nil
// such a store is refused. A store from a newer format is refused.
func (c *Catalog) CheckKeyFormat(txn storage.Txn, rebuild func(d *Database, o *Object) error) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	f := c.server.KeyFormat
	if f == 0 {
		f = 1
	}
	switch {
	case f == KeyFormat:
		return nil
	case f > KeyFormat:
		return fmt.Errorf("catalog: the data directory uses storage key format %d, newer than this tsqld's format %d; run the tsqld version that wrote it", f, KeyFormat)
	}
	for _, d := range c.dbByID {
		if d.ID == TempDBID {
			continue // tempdb's store starts empty
		}
		for _, o := range d.byID {
			if o.Table == nil || len(o.Table.Indexes) == 0 {
				continue
			}
			if rebuild == nil {
				return fmt.Errorf("catalog: the data directory uses storage key format %d (written by an earlier tsqld); this tsqld reads only format %d "+
					"(order-preserving string and decimal keys) and cannot read the index keys of table %s.%s.%s and others: "+
					"export the data with the earlier tsqld (bcp out or SELECT) and load it into a new data directory",
					f, KeyFormat, d.Name, o.Schema, o.Name)
			}
			if err := rebuild(d, o); err != nil {
				return fmt.Errorf("catalog: rewriting the keys of table %s.%s.%s from storage key format %d to %d: %w", d.Name, o.Schema, o.Name, f, KeyFormat, err)
			}
		}
	}
	c.server.KeyFormat = KeyFormat
	return c.putRecord(txn, serverKey(), &c.server)
}
