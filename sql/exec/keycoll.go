package exec

import (
	"strings"

	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/collation"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

// keyColl is the collation a string key of type t encodes under, or nil
// for the server default, whose case-folded encoding (EncodeKey) already
// matches its equality. Other collations (case- or accent-sensitive,
// accent-insensitive, binary) encode their sort key, so index entries,
// groups and DISTINCT follow that collation's equality.
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
// common case: EncodeKeyColl then costs what EncodeKey does).
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

// EncodeKeyColl is EncodeKey with a collation per value: string values
// whose colls entry is non-nil encode the collation's sort key (trailing
// spaces ignored, as SQL Server compares), the rest as EncodeKey does.
func EncodeKeyColl(dst []byte, vals []types.Value, desc []bool, colls []*collation.Collation) []byte {
	if colls == nil {
		return EncodeKey(dst, vals, desc)
	}
	var sk []byte
	for i := range vals {
		v := &vals[i]
		d := i < len(desc) && desc[i]
		if i >= len(colls) || colls[i] == nil || v.K != types.KindString {
			var dd []bool
			if d {
				dd = []bool{true}
			}
			dst = EncodeKey(dst, vals[i:i+1], dd)
			continue
		}
		start := len(dst)
		dst = append(dst, 0x01)
		sk = colls[i].SortKey(sk[:0], strings.TrimRight(v.S, " "))
		dst = appendEscaped(dst, string(sk))
		if d {
			for j := start; j < len(dst); j++ {
				dst[j] = ^dst[j]
			}
		}
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
