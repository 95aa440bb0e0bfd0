package plan

import (
	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/sem"
)

// Optimize rewrites a bound tree with the rule-based planner:
//   - WHERE and inner-join ON conjuncts are split and pushed down to the
//     single table they reference (a Filter directly over a Scan is what
//     the executor turns into a unique-index seek);
//   - inner/cross join trees are re-ordered greedily so that each next
//     table is connected by an equality, and equi-joins become hash joins
//     (nested loops remain for joins without equalities and outer joins);
//   - a Project restores the column order the binder laid out, so
//     expressions above (and correlated subqueries) are unaffected.
func Optimize(rel sem.Rel) sem.Rel {
	switch r := rel.(type) {
	case *sem.Filter:
		// Look at the join before optimizing it: an explicit JOIN … ON is
		// itself rewritten (to a HashJoin or a Project), which would leave
		// the WHERE conjuncts above it instead of pushed to their tables.
		if j, ok := r.In.(*sem.Join); ok && joinable(j) {
			return optimizeJoin(j, r.Cond)
		}
		in := Optimize(r.In)
		return &sem.Filter{In: in, Cond: optimizeExpr(r.Cond)}
	case *sem.Join:
		if joinable(r) {
			return optimizeJoin(r, nil)
		}
		c := *r
		c.L, c.R = Optimize(r.L), Optimize(r.R)
		if c.On != nil {
			c.On = optimizeExpr(c.On)
		}
		return &c
	case *sem.Project:
		c := *r
		c.In = Optimize(r.In)
		c.Exprs = make([]sem.Expr, len(r.Exprs))
		for i, e := range r.Exprs {
			c.Exprs[i] = optimizeExpr(e)
		}
		return &c
	case *sem.Aggregate:
		c := *r
		c.In = Optimize(r.In)
		return &c
	case *sem.Sort:
		c := *r
		c.In = Optimize(r.In)
		return &c
	case *sem.Window:
		c := *r
		c.In = Optimize(r.In)
		return &c
	case *sem.RecursiveCTE:
		c := *r
		c.Anchor, c.Recursive = Optimize(r.Anchor), Optimize(r.Recursive)
		return &c
	case *sem.Distinct:
		return &sem.Distinct{In: Optimize(r.In)}
	case *sem.Top:
		c := *r
		c.In = Optimize(r.In)
		return &c
	case *sem.SetOp:
		c := *r
		c.L, c.R = Optimize(r.L), Optimize(r.R)
		return &c
	case sem.FeatureRel: // APPLY, GROUPING SETS, UNPIVOT
		in := r.Inputs()
		opt := make([]sem.Rel, len(in))
		for i, x := range in {
			opt[i] = Optimize(x)
		}
		return r.WithInputs(opt)
	}
	return rel
}

// optimizeExpr optimizes the queries of subqueries inside e.
func optimizeExpr(e sem.Expr) sem.Expr {
	if sq, ok := e.(*sem.Subquery); ok {
		c := *sq
		c.Query = Optimize(sq.Query)
		if c.X != nil {
			c.X = optimizeExpr(c.X)
		}
		return &c
	}
	return sem.MapChildren(e, optimizeExpr)
}

// joinable reports an inner/cross join tree the planner may reorder.
func joinable(j *sem.Join) bool {
	return j.Kind == ast.JoinInner || j.Kind == ast.JoinCross
}

type leaf struct {
	rel    sem.Rel
	offset int // first column in the binder's layout
	width  int
	conds  []sem.Expr // pushed-down filters (leaf-local columns)
}

type conjunct struct {
	e      sem.Expr
	leaves map[int]bool
	// pinned conjuncts (subqueries, outer references) stay above the join.
	pinned bool
	used   bool
}

// flatten collects the leaves of an inner/cross join tree in layout
// order, and the ON conditions as conjuncts.
func flatten(rel sem.Rel, leaves *[]leaf, conds *[]sem.Expr, offset *int) {
	if j, ok := rel.(*sem.Join); ok && joinable(j) {
		flatten(j.L, leaves, conds, offset)
		flatten(j.R, leaves, conds, offset)
		if j.On != nil {
			*conds = append(*conds, j.On)
		}
		return
	}
	w := len(rel.Cols())
	*leaves = append(*leaves, leaf{rel: Optimize(rel), offset: *offset, width: w})
	*offset += w
}

func splitAnd(e sem.Expr, out []sem.Expr) []sem.Expr {
	if l, ok := e.(*sem.Logic); ok && l.And {
		return splitAnd(l.R, splitAnd(l.L, out))
	}
	return append(out, e)
}

// refs finds which leaves e reads; pinned when e has a subquery or an
// outer reference.
func refs(e sem.Expr, leaves []leaf, out map[int]bool) (pinned bool) {
	switch x := e.(type) {
	case *sem.ColRef:
		for i, l := range leaves {
			if x.Idx >= l.offset && x.Idx < l.offset+l.width {
				out[i] = true
			}
		}
		return false
	case *sem.Subquery, *sem.OuterRef:
		return true
	}
	p := false
	sem.MapChildren(e, func(c sem.Expr) sem.Expr {
		if refs(c, leaves, out) {
			p = true
		}
		return c
	})
	return p
}

// remap rewrites column positions with m (binder layout → new layout).
func remap(e sem.Expr, m map[int]int) sem.Expr {
	if c, ok := e.(*sem.ColRef); ok {
		n := *c
		n.Idx = m[c.Idx]
		return &n
	}
	return sem.MapChildren(e, func(c sem.Expr) sem.Expr { return remap(c, m) })
}

func optimizeJoin(j *sem.Join, where sem.Expr) sem.Rel {
	var leaves []leaf
	var onConds []sem.Expr
	off := 0
	flatten(j, &leaves, &onConds, &off)
	var all []sem.Expr
	if where != nil {
		all = splitAnd(where, all)
	}
	for _, c := range onConds {
		all = splitAnd(c, all)
	}
	conjs := make([]*conjunct, 0, len(all))
	for _, e := range all {
		c := &conjunct{e: e, leaves: map[int]bool{}}
		c.pinned = refs(e, leaves, c.leaves)
		conjs = append(conjs, c)
	}
	// Push single-leaf conjuncts down.
	for _, c := range conjs {
		if c.pinned || len(c.leaves) != 1 {
			continue
		}
		for i := range c.leaves {
			m := map[int]int{}
			for k := 0; k < leaves[i].width; k++ {
				m[leaves[i].offset+k] = k
			}
			leaves[i].conds = append(leaves[i].conds, remap(c.e, m))
			c.used = true
		}
	}
	for i := range leaves {
		if len(leaves[i].conds) > 0 {
			cond := leaves[i].conds[0]
			for _, c := range leaves[i].conds[1:] {
				cond = &sem.Logic{And: true, L: cond, R: c}
			}
			leaves[i].rel = &sem.Filter{In: leaves[i].rel, Cond: cond}
		}
	}
	// Greedy order: start with leaf 0; prefer a leaf connected by an
	// equality to what is joined so far.
	joined := map[int]bool{0: true}
	order := []int{0}
	for len(order) < len(leaves) {
		next := -1
		for _, c := range conjs {
			if c.used || c.pinned || !isEquality(c.e) {
				continue
			}
			var in, out []int
			for l := range c.leaves {
				if joined[l] {
					in = append(in, l)
				} else {
					out = append(out, l)
				}
			}
			if len(in) > 0 && len(out) == 1 && (next < 0 || out[0] < next) {
				next = out[0]
			}
		}
		if next < 0 {
			for i := range leaves {
				if !joined[i] {
					next = i
					break
				}
			}
		}
		joined[next] = true
		order = append(order, next)
	}
	// Build left-deep joins; pos maps binder positions to current ones.
	pos := map[int]int{}
	first := leaves[order[0]]
	for k := 0; k < first.width; k++ {
		pos[first.offset+k] = k
	}
	cur := first.rel
	curCols := append([]sem.Column(nil), first.rel.Cols()...)
	have := map[int]bool{order[0]: true}
	for _, li := range order[1:] {
		l := leaves[li]
		width := len(curCols)
		local := map[int]int{}
		for k := 0; k < l.width; k++ {
			local[l.offset+k] = k
		}
		have[li] = true
		var lkeys, rkeys []sem.Expr
		var residual []sem.Expr
		for _, c := range conjs {
			if c.used || c.pinned {
				continue
			}
			covered := true
			for x := range c.leaves {
				if !have[x] {
					covered = false
				}
			}
			if !covered {
				continue
			}
			c.used = true
			if lk, rk, ok := splitEquality(c.e, leaves, li, pos, local); ok {
				lkeys = append(lkeys, lk)
				rkeys = append(rkeys, rk)
				continue
			}
			residual = append(residual, c.e)
		}
		for k := 0; k < l.width; k++ {
			pos[l.offset+k] = width + k
		}
		out := append(append([]sem.Column(nil), curCols...), l.rel.Cols()...)
		var res sem.Expr
		for _, r := range residual {
			r = remap(r, pos)
			if res == nil {
				res = r
			} else {
				res = &sem.Logic{And: true, L: res, R: r}
			}
		}
		if len(lkeys) > 0 {
			cur = &HashJoin{L: cur, R: l.rel, LKeys: lkeys, RKeys: rkeys, Residual: res, Out: out}
		} else {
			cur = &sem.Join{Kind: ast.JoinCross, L: cur, R: l.rel, On: res, Out: out}
		}
		curCols = out
	}
	// Restore the binder's column order.
	identity := true
	exprs := make([]sem.Expr, off)
	layout := j.Cols()
	for i := 0; i < off; i++ {
		if pos[i] != i {
			identity = false
		}
		exprs[i] = &sem.ColRef{T: layout[i].Type, Idx: pos[i], Name: layout[i].Name}
	}
	if !identity {
		cur = &sem.Project{In: cur, Exprs: exprs, Out: layout}
	}
	var top sem.Expr
	for _, c := range conjs {
		if c.used {
			continue
		}
		e := optimizeExpr(c.e)
		if top == nil {
			top = e
		} else {
			top = &sem.Logic{And: true, L: top, R: e}
		}
	}
	if top != nil {
		cur = &sem.Filter{In: cur, Cond: top}
	}
	return cur
}

func isEquality(e sem.Expr) bool {
	c, ok := e.(*sem.Compare)
	return ok && c.Op == ast.OpEq
}

// splitEquality turns a = b, with one side reading only the new leaf and
// the other only already-joined leaves, into hash keys.
func splitEquality(e sem.Expr, leaves []leaf, newLeaf int, pos, local map[int]int) (sem.Expr, sem.Expr, bool) {
	c, ok := e.(*sem.Compare)
	if !ok || c.Op != ast.OpEq {
		return nil, nil, false
	}
	lr, rr := map[int]bool{}, map[int]bool{}
	if refs(c.L, leaves, lr) || refs(c.R, leaves, rr) {
		return nil, nil, false
	}
	switch {
	case len(rr) == 1 && rr[newLeaf] && !lr[newLeaf] && len(lr) > 0:
		return hashKeyFor(remap(c.L, pos), c.CmpT), hashKeyFor(remap(c.R, local), c.CmpT), true
	case len(lr) == 1 && lr[newLeaf] && !rr[newLeaf] && len(rr) > 0:
		return hashKeyFor(remap(c.R, pos), c.CmpT), hashKeyFor(remap(c.L, local), c.CmpT), true
	}
	return nil, nil, false
}
