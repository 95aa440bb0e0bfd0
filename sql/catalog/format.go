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
// Keys of one format cannot be read as the other: a store with indexed
// tables written in an older format is refused (CheckKeyFormat) rather
// than silently misread.
const KeyFormat = 2

// CheckKeyFormat verifies that the loaded store's data keys are in this
// build's format. A store from before format 2 whose tables have no index
// or primary key (heap rows are keyed by row id, which did not change) is
// upgraded in place through txn; one with indexed tables is refused.
func (c *Catalog) CheckKeyFormat(txn storage.Txn) error {
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
		for _, o := range d.byID {
			if o.Table != nil && len(o.Table.Indexes) > 0 {
				return fmt.Errorf("catalog: the data directory uses storage key format %d (written by an earlier tsqld); this tsqld reads only format %d "+
					"(order-preserving string and decimal keys) and cannot read the index keys of table %s.%s.%s and others: "+
					"export the data with the earlier tsqld (bcp out or SELECT) and load it into a new data directory",
					f, KeyFormat, d.Name, o.Schema, o.Name)
			}
		}
	}
	c.server.KeyFormat = KeyFormat
	return putJSON(txn, serverKey(), &c.server)
}
