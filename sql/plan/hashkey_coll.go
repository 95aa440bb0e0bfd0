package plan

import (
	"strings"

	"github.com/tsqld/tsqld/sql/collation"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

// hashKeyFor returns x as a hash-join key of an equality compared as cmp.
// The executor hashes string keys under their own type's collation, so a
// key whose collation (or, for a non-default collation, character type)
// differs from the comparison's is converted to cmp first: then both
// sides hash exactly as the comparison judges equality (an explicit
// COLLATE Latin1_General_CS_AS join must not pair 'a' with 'A').
func hashKeyFor(x sem.Expr, cmp types.Type) sem.Expr {
	t := x.Type()
	if !sem.IsString(cmp) || !sem.IsString(t) {
		return x
	}
	cn, xn := types.CollationOf(cmp).Name, types.CollationOf(t).Name
	if strings.EqualFold(cn, xn) && (t.ID == cmp.ID || strings.EqualFold(cn, collation.Default.Name)) {
		return x
	}
	return &sem.Cast{T: cmp, X: x}
}
