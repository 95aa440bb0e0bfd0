package sem

import (
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/types"
)

// GROUP BY ROLLUP / CUBE / GROUPING SETS / WITH ROLLUP / WITH CUBE and
// the GROUPING and GROUPING_ID functions.

// groupingSpec is the expansion of a GROUP BY clause into grouping sets
// (indices into the distinct grouping expressions).
type groupingSpec struct {
	sets [][]int
}

func init() {
	extAggregates["GROUPING"] = bindGroupingFunc
	extAggregates["GROUPING_ID"] = bindGroupingFunc
	aggregates["GROUPING"] = true
	aggregates["GROUPING_ID"] = true
}

// bindGroupingFunc binds GROUPING(x) (tinyint) and GROUPING_ID(x, …)
// (int) as pseudo-aggregates; groupingRel resolves their arguments to
// grouping expressions.
func bindGroupingFunc(b *Binder, s *scope, e *ast.FuncCall, name string) Expr {
	if name == "GROUPING" {
		b.argCount(e, name, 1, 1)
	} else if len(e.Args) == 0 {
		b.fail(e, 174, strings.ToLower(name), 1)
	}
	t := IntType
	if name == "GROUPING" {
		t = types.Type{ID: types.TinyInt}
	}
	return b.addAgg(s, AggFunc{Name: name, Extra: b.aggArgs(s, e), T: t})
}

// groupingSets binds a GROUP BY that uses ROLLUP, CUBE, GROUPING SETS or
// WITH ROLLUP/CUBE: it returns the distinct grouping expressions and the
// grouping sets; spec is nil (and nothing is bound) for a plain GROUP BY.
func (b *Binder) groupingSets(s *scope, gb *ast.GroupBy) (groups []Expr, spec *groupingSpec) {
	if gb == nil {
		return nil, nil
	}
	special := gb.WithRollup || gb.WithCube
	for _, it := range gb.Items {
		if _, ok := it.(*ast.GroupingExpr); ok {
			special = true
		}
	}
	if !special {
		return nil, nil
	}
	index := func(x ast.Expr) int {
		if hasAgg(x) {
			b.fail(x, 144)
		}
		e := b.expr(s, x)
		for i, g := range groups {
			if sameExpr(g, e) {
				return i
			}
		}
		groups = append(groups, e)
		return len(groups) - 1
	}
	// unit binds one element of ROLLUP/CUBE: an expression or a
	// parenthesised list treated as one unit.
	unit := func(x ast.Expr) []int {
		if r, ok := x.(*ast.RowExpr); ok {
			var u []int
			for _, e := range r.Exprs {
				u = append(u, index(e))
			}
			return u
		}
		if p, ok := x.(*ast.ParenExpr); ok {
			x = p.X
		}
		return []int{index(x)}
	}
	rollup := func(units [][]int) [][]int {
		var sets [][]int
		for n := len(units); n >= 0; n-- {
			var set []int
			for _, u := range units[:n] {
				set = append(set, u...)
			}
			sets = append(sets, set)
		}
		return sets
	}
	cube := func(units [][]int) [][]int {
		var sets [][]int
		n := len(units)
		// Largest sets first, like SQL Server's own listing.
		for m := (1 << n) - 1; m >= 0; m-- {
			var set []int
			for i, u := range units {
				if m&(1<<(n-1-i)) != 0 {
					set = append(set, u...)
				}
			}
			sets = append(sets, set)
		}
		return sets
	}
	var element func(x ast.Expr, top bool) [][]int
	element = func(x ast.Expr, top bool) [][]int {
		g, ok := x.(*ast.GroupingExpr)
		if !ok {
			if r, ok := x.(*ast.RowExpr); ok && !top {
				return [][]int{unit(r)}
			}
			return [][]int{unit(x)}
		}
		var units [][]int
		switch g.Kind {
		case ast.GroupRollup, ast.GroupCube:
			for _, it := range g.Items {
				units = append(units, unit(it))
			}
			if g.Kind == ast.GroupRollup {
				return rollup(units)
			}
			return cube(units)
		}
		var sets [][]int
		for _, it := range g.Items {
			sets = append(sets, element(it, false)...)
		}
		return sets
	}
	sets := [][]int{nil}
	if gb.WithRollup || gb.WithCube {
		var units [][]int
		for _, it := range gb.Items {
			units = append(units, unit(it))
		}
		if gb.WithRollup {
			sets = rollup(units)
		} else {
			sets = cube(units)
		}
	} else {
		// Items combine by cross product of their grouping sets.
		for _, it := range gb.Items {
			var next [][]int
			for _, a := range sets {
				for _, e := range element(it, true) {
					next = append(next, append(append([]int(nil), a...), e...))
				}
			}
			sets = next
		}
	}
	return groups, &groupingSpec{sets: sets}
}

// groupingRel turns agg into a GroupingSets when the GROUP BY had
// grouping sets or the query uses GROUPING/GROUPING_ID; else it returns
// agg unchanged.
func (b *Binder) groupingRel(spec *groupingSpec, agg *Aggregate) Rel {
	fn := false
	for _, a := range agg.Aggs {
		if a.Name == "GROUPING" || a.Name == "GROUPING_ID" {
			fn = true
		}
	}
	if spec == nil && !fn {
		return agg
	}
	if spec == nil {
		all := make([]int, len(agg.Groups))
		for i := range all {
			all[i] = i
		}
		spec = &groupingSpec{sets: [][]int{all}}
	}
	aggs := append([]AggFunc(nil), agg.Aggs...)
	out := append([]Column(nil), agg.Out...)
	for i := range aggs {
		a := &aggs[i]
		if a.Name != "GROUPING" && a.Name != "GROUPING_ID" {
			continue
		}
		idx := make([]Expr, len(a.Extra))
		for k, x := range a.Extra {
			j := -1
			for gi, g := range agg.Groups {
				if sameExpr(g, x) {
					j = gi
					break
				}
			}
			if j < 0 {
				b.failText(nil, 8161, "Argument %d of the %ls function does not match any of the expressions in the GROUP BY clause.", k+1, strings.ToLower(a.Name))
			}
			idx[k] = &Const{T: IntType, V: types.Value{K: types.KindInt, I: int64(j)}}
		}
		a.Extra = idx
		out[len(agg.Groups)+i].Nullable = false
	}
	return &GroupingSets{In: agg.In, Groups: agg.Groups, Sets: spec.sets, Aggs: aggs, Out: out, Ordered: len(spec.sets) > 1}
}
