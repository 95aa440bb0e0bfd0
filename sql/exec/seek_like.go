package exec

import (
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

// likeRange returns the start of the key range that holds every row of
// col LIKE pattern whose pattern starts with literal characters: base
// (the index prefix and equality columns), the non-NULL marker and the
// escaped collation prefix key of those characters (collation.PrefixKey).
// The range is [start, PrefixEnd(start)); it may hold non-matching rows,
// which the filter drops. boundInexact means no usable literal prefix.
func (c *Ctx) likeRange(base []byte, b *colBound, colT types.Type) ([]byte, boundStatus, error) {
	v, err := c.Eval(b.like, nil)
	if err != nil {
		return nil, boundInexact, merr(err)
	}
	if v.K == types.KindNull {
		return nil, boundNull, nil
	}
	if v.K != types.KindString {
		return nil, boundInexact, nil
	}
	p := v.S
	n := 0
	for n < len(p) {
		ch := p[n]
		if ch == '%' || ch == '_' || ch == '[' {
			break
		}
		if b.likeFold && ch >= 0x80 {
			// The default collation's LIKE matches by case fold
			// (foldString), under which some non-ASCII letters fold to
			// letters of another primary weight (µ → Μ): stay within
			// ASCII, where fold-equal means primary-equal.
			break
		}
		n++
	}
	if n == 0 {
		return nil, boundInexact, nil
	}
	pk, used := types.CollationOf(colT).PrefixKey(nil, p[:n])
	if used == 0 {
		return nil, boundInexact, nil
	}
	k := append(append([]byte(nil), base...), 0x01) // non-NULL string marker
	for _, ch := range pk {
		if ch == 0 {
			k = append(k, 0, 0xff) // rowcodec's escape of 0x00 in strings
		} else {
			k = append(k, ch)
		}
	}
	return k, boundOK, nil
}

// sameKeyOrder reports whether comparisons under cmp's collation order
// strings as the storage keys of a column of type col do (same collation,
// and for SQL_* collations the same varchar/nvarchar rules), so a key
// range is exactly the predicate's value range. Non-string columns always
// qualify.
func sameKeyOrder(col, cmp types.Type) bool {
	if !sem.IsString(col) {
		return true
	}
	a, b := types.CollationOf(col), types.CollationOf(cmp)
	return a == b || (a.Name == b.Name && (a.Unicode() == a) == (b.Unicode() == b))
}
