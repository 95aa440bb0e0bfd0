package plan

import (
	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/sem"
)

// EquiKeys finds the hashable equalities among the AND-ed terms of cond,
// an expression over a row of nLeft left columns followed by
// width-nLeft right columns (MERGE: target then source): each pair is
// (expression over left columns only, expression over right columns only),
// cast as the join planner does so that equal hash keys mean equal under
// the comparison's collation. Key expressions keep the combined layout's
// column positions. The other terms are not returned: the caller still
// evaluates all of cond on each pair of rows whose keys are equal.
func EquiKeys(cond sem.Expr, nLeft, width int) (lkeys, rkeys []sem.Expr) {
	leaves := []leaf{{offset: 0, width: nLeft}, {offset: nLeft, width: width - nLeft}}
	for _, e := range splitAnd(cond, nil) {
		c, ok := e.(*sem.Compare)
		if !ok || c.Op != ast.OpEq {
			continue
		}
		lr, rr := map[int]bool{}, map[int]bool{}
		if refs(c.L, leaves, lr) || refs(c.R, leaves, rr) {
			continue
		}
		switch {
		case len(lr) == 1 && lr[0] && len(rr) == 1 && rr[1]:
			lkeys = append(lkeys, hashKeyFor(c.L, c.CmpT))
			rkeys = append(rkeys, hashKeyFor(c.R, c.CmpT))
		case len(lr) == 1 && lr[1] && len(rr) == 1 && rr[0]:
			lkeys = append(lkeys, hashKeyFor(c.R, c.CmpT))
			rkeys = append(rkeys, hashKeyFor(c.L, c.CmpT))
		}
	}
	return lkeys, rkeys
}
