package exec

import (
	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/types"
)

// ScanKeyPrefix calls f with each row whose key in index ix starts with
// vals (the index's leading len(vals) columns, in index order): a prefix
// range of the clustered key or of a nonclustered index, whose entries
// point at their rows. Foreign key checks and actions use it to find a
// parent's child rows without scanning the child table. The rows are read
// under the transaction's snapshot; f may not change the table (collect
// first, as fkChildren does).
func (t *Table) ScanKeyPrefix(ix *catalog.Index, vals []types.Value, f func(key []byte, row []types.Value) error) error {
	n := len(vals)
	desc := keyDesc(ix)
	if len(desc) > n {
		desc = desc[:n]
	}
	colls := storeColls(t.def(), ix)
	if len(colls) > n {
		colls = colls[:n]
	}
	ncols := len(t.def().Columns)
	if ix.Clustered {
		p, err := appendStoreKey(t.rowPrefix(), vals, desc, colls)
		if err != nil {
			return err
		}
		it := t.Txn.Scan(p, catalog.PrefixEnd(p), false)
		defer it.Close()
		for it.Next() {
			if err := f(it.Key(), DecodeRow(it.Value(), make([]types.Value, 0, ncols))); err != nil {
				return err
			}
		}
		return it.Err()
	}
	p, err := appendStoreKey(catalog.IndexPrefix(nil, t.DB, t.Obj.ID, ix.ID), vals, desc, colls)
	if err != nil {
		return err
	}
	it := t.Txn.Scan(p, catalog.PrefixEnd(p), false)
	defer it.Close()
	prefix := t.rowPrefix()
	for it.Next() {
		key := append(append([]byte(nil), prefix...), it.Value()...)
		row, ok, err := t.Get(key)
		if err != nil {
			return err
		}
		if ok {
			if err := f(key, row); err != nil {
				return err
			}
		}
	}
	return it.Err()
}

// IndexWithPrefix returns an index of def whose leading key columns are
// exactly cols (in any order) and the order of cols in it; nil when none.
func IndexWithPrefix(def *catalog.Table, cols []int) (*catalog.Index, []int) {
	for i := range def.Indexes {
		ix := &def.Indexes[i]
		if len(ix.Columns) < len(cols) || ix.Filter != "" {
			continue
		}
		order := make([]int, len(cols))
		ok := true
		for j := range cols {
			k := -1
			for m, c := range cols {
				if c == ix.Columns[j].Column {
					k = m
				}
			}
			if k < 0 {
				ok = false
				break
			}
			order[j] = k
		}
		if ok {
			return ix, order
		}
	}
	return nil, nil
}
