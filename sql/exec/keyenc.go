package exec

import (
	"fmt"

	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/rowcodec"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

// Storage keys (clustered rows and index entries) use sql/rowcodec's
// order-preserving encoding: bytes.Compare on two keys is SQL Server's
// comparison of the key tuples, with strings as the sort key of the
// column's collation (the server default included) and decimals as exact
// sign/exponent/digits. Key ranges are therefore value ranges for every
// key type, which the range seeks (seek.go) rely on. EncodeKey/
// EncodeKeyColl remain the in-memory hash keys (GROUP BY, DISTINCT, hash
// joins), where only equality matters and the case fold is cheaper.
//
// KeyFormat is recorded in the catalog (catalog.KeyFormat) so a data
// directory written with the earlier float/case-fold key encoding is
// refused instead of being misread.

// storeColls returns, per key column of ix, the collation whose sort key a
// string value encodes under, or nil when no key column is a string.
func storeColls(def *catalog.Table, ix *catalog.Index) []rowcodec.SortKeyer {
	var out []rowcodec.SortKeyer
	for i, ic := range ix.Columns {
		t := def.Columns[ic.Column].Type
		if !sem.IsString(t) {
			continue
		}
		if out == nil {
			out = make([]rowcodec.SortKeyer, len(ix.Columns))
		}
		out[i] = types.CollationOf(t)
	}
	return out
}

// appendStoreKey appends the storage-key encoding of vals (desc per
// column, nil = all ascending) to dst.
func appendStoreKey(dst []byte, vals []types.Value, desc []bool, colls []rowcodec.SortKeyer) ([]byte, error) {
	for i := range vals {
		dir := rowcodec.Asc
		if i < len(desc) && desc[i] {
			dir = rowcodec.Desc
		}
		var coll rowcodec.SortKeyer
		if i < len(colls) {
			coll = colls[i]
		}
		v := &vals[i]
		if v.K == types.KindBool {
			// bit keys encode as the integers 0 and 1, like int values
			// a bit column may also hold.
			iv := types.Value{K: types.KindInt, I: v.I}
			v = &iv
		}
		var err error
		if dst, err = rowcodec.AppendKeyValue(dst, v, dir, coll); err != nil {
			return nil, fmt.Errorf("index key column %d: %w", i+1, err)
		}
	}
	return dst, nil
}

// keyDesc returns the per-column DESC flags of ix (nil when all ASC).
func keyDesc(ix *catalog.Index) []bool {
	var desc []bool
	for i, c := range ix.Columns {
		if c.Desc {
			if desc == nil {
				desc = make([]bool, len(ix.Columns))
			}
			desc[i] = true
		}
	}
	return desc
}
