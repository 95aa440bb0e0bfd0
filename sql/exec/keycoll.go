package exec

import (
	"strings"

	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/collation"
	"github.com/tsqld/tsqld/sql/rowcodec"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

// keyColl is the collation a string of type t is compared under, or nil
// for the server default (EncodeKeyColl then uses collation.Default's
// sort key; eval.go's LIKE takes its case-fold path). Other collations
// (case- or accent-sensitive, accent-insensitive, binary) are returned so
// hash keys, groups and DISTINCT follow that collation's equality.
func keyColl(t types.Type) *collation.Collation {
	if t.Collation.Name == "" || !sem.IsString(t) {
		return nil
	}
	c := types.CollationOf(t)
	if strings.EqualFold(c.Name, collation.Default.Name) {
		return nil
	}
	return c
}

// keyColls returns keyColl per type, or nil when every entry is nil (the
// common case).
func keyColls(ts []types.Type) []*collation.Collation {
	var out []*collation.Collation
	for i, t := range ts {
		if c := keyColl(t); c != nil {
			if out == nil {
				out = make([]*collation.Collation, len(ts))
			}
			out[i] = c
		}
	}
	return out
}

// exprColls is keyColls over the types of expressions.
func exprColls(xs []sem.Expr) []*collation.Collation {
	ts := make([]types.Type, len(xs))
	for i, x := range xs {
		ts[i] = x.Type()
	}
	return keyColls(ts)
}

// colColls is keyColls over the types of a relation's columns.
func colColls(cols []sem.Column) []*collation.Collation {
	ts := make([]types.Type, len(cols))
	for i, c := range cols {
		ts[i] = c.Type
	}
	return keyColls(ts)
}

// indexColls is keyColls over the key columns of index ix of def.
func indexColls(def *catalog.Table, ix *catalog.Index) []*collation.Collation {
	ts := make([]types.Type, len(ix.Columns))
	for i, ic := range ix.Columns {
		ts[i] = def.Columns[ic.Column].Type
	}
	return keyColls(ts)
}

// EncodeKeyColl appends the key of vals for hashing and equality (GROUP
// BY, DISTINCT, set operations, hash joins, MERGE): the storage-key
// encoding (keyenc.go, sql/rowcodec), so equal keys mean values equal under
// the comparison — strings by the sort key of their colls entry or, when
// nil, of the server default collation (trailing spaces ignored, as SQL
// Server compares); decimals exactly. desc complements a column.
func EncodeKeyColl(dst []byte, vals []types.Value, desc []bool, colls []*collation.Collation) []byte {
	for i := range vals {
		v := &vals[i]
		dir := rowcodec.Asc
		if i < len(desc) && desc[i] {
			dir = rowcodec.Desc
		}
		var coll rowcodec.SortKeyer
		switch v.K {
		case types.KindString:
			if i < len(colls) && colls[i] != nil {
				coll = colls[i]
			} else {
				coll = collation.Default
			}
		case types.KindBool:
			iv := types.Value{K: types.KindInt, I: v.I}
			v = &iv
		case types.KindVariant:
			dst = appendVariantHashKey(dst, v) // variantkey.go
			continue
		}
		out, err := rowcodec.AppendKeyValue(dst, v, dir, coll)
		if err != nil {
			// Values no key can order (NaN, a malformed GUID) still hash:
			// a marker and their row encoding, distinct from every key.
			out = EncodeRow(append(dst, 0xFF), vals[i:i+1])
		}
		dst = out
	}
	return dst
}

// sameKeyColl reports whether a comparison under cmp's collation can seek
// an index on a column of type col: string keys encode under the column's
// collation, which must then be the comparison's (a seek under another
// collation could miss rows the predicate accepts).
func sameKeyColl(col, cmp types.Type) bool {
	if !sem.IsString(col) {
		return true
	}
	return strings.EqualFold(types.CollationOf(col).Name, types.CollationOf(cmp).Name)
}
