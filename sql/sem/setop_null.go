package sem

import "github.com/tsqld/tsqld/sql/types"

// setOpType is the type of column i of a UNION/EXCEPT/INTERSECT: the
// union of both inputs' types, except that a bare NULL literal has no
// type of its own there (SELECT N'x' UNION ALL SELECT NULL is nvarchar,
// not int, though SELECT NULL alone is int).
func setOpType(l, r Rel, i int) types.Type {
	lt, rt := l.Cols()[i].Type, r.Cols()[i].Type
	switch ln, rn := nullColumn(l, i), nullColumn(r, i); {
	case ln && !rn:
		return rt
	case rn && !ln:
		return lt
	}
	return UnionType(lt, rt)
}

// nullColumn reports whether column i of a SELECT is the NULL literal.
func nullColumn(r Rel, i int) bool {
	if p, ok := r.(*Project); ok && i < len(p.Exprs) {
		return isNullConst(p.Exprs[i])
	}
	return false
}
