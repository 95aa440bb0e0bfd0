package exec

import (
	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/sem"
)

// The index choices of the seeks (run.go trySeekKey, seek.go
// trySeekRange) live here, apart from the seeks themselves, because the
// showplan (explain.go) must print the index the executor uses: both call
// these functions, so the printed plan cannot drift from the one that runs.

// uniqueSeekEqs collects the col = row-independent-value conjuncts of
// cond a unique-index point lookup can use, by column ordinal.
func uniqueSeekEqs(cond sem.Expr) map[int]sem.Expr {
	eqs := map[int]sem.Expr{}
	var collect func(e sem.Expr)
	collect = func(e sem.Expr) {
		switch x := e.(type) {
		case *sem.Logic:
			if x.And {
				collect(x.L)
				collect(x.R)
			}
		case *sem.Compare:
			if x.Op != ast.OpEq {
				return
			}
			if col, ok := x.L.(*sem.ColRef); ok && rowFree(x.R) && sameKind(col.T, x.CmpT) && sameKeyColl(col.T, x.CmpT) {
				eqs[col.Idx] = x.R
			} else if col, ok := x.R.(*sem.ColRef); ok && rowFree(x.L) && sameKind(col.T, x.CmpT) && sameKeyColl(col.T, x.CmpT) {
				eqs[col.Idx] = x.L
			}
		}
	}
	collect(cond)
	return eqs
}

// uniqueSeekIndex is the first unique, unfiltered index whose every key
// column has an equality in eqs; nil when none.
func uniqueSeekIndex(def *catalog.Table, eqs map[int]sem.Expr) *catalog.Index {
	if len(eqs) == 0 {
		return nil
	}
	for i := range def.Indexes {
		ix := &def.Indexes[i]
		if !ix.Unique || ix.Filter != "" {
			continue // a filtered index lacks the rows its filter excludes
		}
		ok := true
		for _, col := range ix.Columns {
			if eqs[col.Column] == nil {
				ok = false
				break
			}
		}
		if ok {
			return ix
		}
	}
	return nil
}

// rangeSeekIndex picks the index for a key-range scan: the one whose key
// prefix the bounds constrain best (an equality counts 2, a trailing
// range 1), the clustered index on ties. It returns -1 when none.
func rangeSeekIndex(def *catalog.Table, bounds map[int]*colBound) int {
	best, bestLen := -1, 0
	for i := range def.Indexes {
		ix := &def.Indexes[i]
		if ix.Filter != "" {
			continue // a filtered index lacks the rows its filter excludes
		}
		n := 0
		for _, ic := range ix.Columns {
			b := bounds[ic.Column]
			if b == nil || ic.Desc {
				break
			}
			if b.eq != nil {
				n += 2
				continue
			}
			if b.ranged() && rangeKind(sem.KindOf(def.Columns[ic.Column].Type.ID)) {
				n++
			}
			break
		}
		// Prefer the clustered index on ties: no row lookups.
		if n > bestLen || (n == bestLen && n > 0 && ix.Clustered) {
			best, bestLen = i, n
		}
	}
	if bestLen == 0 {
		return -1
	}
	return best
}
