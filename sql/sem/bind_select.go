package sem

import (
	"strconv"
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
)

// SelectAssign is a "SELECT @v = expr" item: the statement assigns
// instead of returning rows.
type SelectAssign struct {
	Var  string
	Op   ast.AssignOp
	Expr int // index into the projected row
}

// Assignments, when non-empty, marks a bound SELECT as a variable
// assignment; set by BindSelectStmt.
type AssignQuery struct {
	Rel     Rel
	Assigns []SelectAssign
}

// hasAgg reports whether e contains an aggregate call outside subqueries.
func hasAgg(e ast.Expr) bool {
	found := false
	var walk func(e ast.Expr)
	walk = func(e ast.Expr) {
		if e == nil || found {
			return
		}
		switch e := e.(type) {
		case *ast.FuncCall:
			if e.Name.Schema.Name == "" && IsAggregate(e.Name.Name.Name) && e.Over == nil {
				found = true
				return
			}
			for _, a := range e.Args {
				walk(a)
			}
		case *ast.ParenExpr:
			walk(e.X)
		case *ast.UnaryExpr:
			walk(e.X)
		case *ast.BinaryExpr:
			walk(e.L)
			walk(e.R)
		case *ast.BetweenExpr:
			walk(e.X)
			walk(e.Low)
			walk(e.High)
		case *ast.InExpr:
			walk(e.X)
			for _, x := range e.List {
				walk(x)
			}
		case *ast.LikeExpr:
			walk(e.X)
			walk(e.Pattern)
		case *ast.IsNullExpr:
			walk(e.X)
		case *ast.CaseExpr:
			walk(e.Operand)
			for _, w := range e.Whens {
				walk(w.Cond)
				walk(w.Result)
			}
			walk(e.Else)
		case *ast.CastExpr:
			walk(e.X)
		case *ast.ConvertExpr:
			walk(e.X)
		case *ast.CollateExpr:
			walk(e.X)
		}
	}
	walk(e)
	return found
}

type selItem struct {
	x    Expr
	name string
	col  *Column
}

func (b *Binder) selectSpec(s *scope, sel *ast.Select, q *ast.Query) Rel {
	var rel Rel
	if len(sel.From) == 0 {
		rel = &Values{Rows: [][]Expr{{}}}
	} else {
		for i, te := range sel.From {
			r := b.from(s, te)
			if i == 0 {
				rel = r
			} else {
				rel = &Join{Kind: ast.JoinCross, L: rel, R: r, Out: append(append([]Column(nil), rel.Cols()...), r.Cols()...)}
			}
		}
	}
	if sel.Where != nil {
		if hasAgg(sel.Where) {
			b.fail(sel.Where, 147)
		}
		rel = &Filter{In: rel, Cond: b.expr(s, sel.Where)}
	}
	var orderBy []*ast.OrderItem
	if q != nil {
		orderBy = q.OrderBy
	}
	aggMode := sel.GroupBy != nil || sel.Having != nil
	for _, it := range sel.Items {
		if hasAgg(it.Expr) {
			aggMode = true
		}
	}
	for _, oi := range orderBy {
		if hasAgg(oi.X) {
			aggMode = true
		}
	}
	var groups []Expr
	var gspec *groupingSpec // ROLLUP/CUBE/GROUPING SETS (bind_grouping.go)
	if aggMode {
		groups, gspec = b.groupingSets(s, sel.GroupBy)
		if sel.GroupBy != nil && gspec == nil {
			for _, g := range sel.GroupBy.Items {
				if hasAgg(g) {
					b.fail(g, 144)
				}
				groups = append(groups, b.expr(s, g))
				b.checkUDTClause(g, groups[len(groups)-1].Type(), "GROUP BY") // bind_udt.go
			}
		}
		s.agg = &aggCollector{}
	}
	winMode := false
	for _, it := range sel.Items {
		if hasWindow(it.Expr) {
			winMode = true
		}
	}
	for _, oi := range orderBy {
		if hasWindow(oi.X) {
			winMode = true
		}
	}
	if winMode {
		s.win = &winCollector{}
	}
	// Select list.
	var items []selItem
	for _, it := range sel.Items {
		if st, ok := it.Expr.(*ast.Star); ok {
			items = append(items, b.expandStar(s, st)...)
			continue
		}
		x := b.expr(s, it.Expr)
		name := it.Alias.Name
		if name == "" && it.Var == "" {
			if cr, ok := it.Expr.(*ast.ColumnRef); ok {
				name = cr.Name.Name
			}
		}
		items = append(items, selItem{x: x, name: name})
	}
	var having Expr
	if sel.Having != nil {
		having = b.expr(s, sel.Having)
	}
	// ORDER BY keys: ordinals and select aliases refer to the select list;
	// anything else is bound in the FROM scope and carried as a hidden
	// column.
	type okey struct {
		item int // select item index, or -1
		x    Expr
		desc bool
	}
	var okeys []okey
	for _, oi := range orderBy {
		if lit, ok := oi.X.(*ast.Literal); ok && lit.Kind == ast.LitInt {
			n, _ := strconv.Atoi(lit.Val)
			if n < 1 || n > len(items) {
				b.fail(oi, 108, n)
			}
			okeys = append(okeys, okey{item: n - 1, desc: oi.Desc})
			continue
		}
		if cr, ok := oi.X.(*ast.ColumnRef); ok && cr.Table.IsZero() {
			idx := -1
			for i, it := range items {
				if it.name != "" && strings.EqualFold(it.name, cr.Name.Name) {
					if idx >= 0 && !sameExpr(items[idx].x, it.x) {
						b.fail(oi, 209, cr.Name.Name)
					}
					if idx < 0 {
						idx = i
					}
				}
			}
			if idx >= 0 {
				okeys = append(okeys, okey{item: idx, desc: oi.Desc})
				continue
			}
		}
		x := b.expr(s, oi.X)
		idx := -1
		for i, it := range items {
			if sameExpr(it.x, x) {
				idx = i
				break
			}
		}
		if idx < 0 && sel.Distinct {
			b.fail(oi, 145)
		}
		okeys = append(okeys, okey{item: idx, x: x, desc: oi.Desc})
	}
	if aggMode {
		ng := len(groups)
		out := make([]Column, 0, ng+len(s.agg.aggs))
		for i, g := range groups {
			out = append(out, Column{Name: "g" + strconv.Itoa(i), Type: g.Type(), Nullable: true})
		}
		for _, a := range s.agg.aggs {
			out = append(out, Column{Type: a.T, Nullable: a.Name != "COUNT" && a.Name != "COUNT_BIG"})
		}
		rel = &Aggregate{In: rel, Groups: groups, Aggs: s.agg.aggs, Out: out, Scalar: sel.GroupBy == nil}
		b.aggIn = rel.(*Aggregate).In.Cols()
		rel = b.groupingRel(gspec, rel.(*Aggregate))
		for i := range items {
			items[i].x = b.rewriteAgg(sel, items[i].x, groups, items[i].name)
		}
		for i := range okeys {
			if okeys[i].x != nil {
				okeys[i].x = b.rewriteAgg(sel, okeys[i].x, groups, "")
			}
		}
		if having != nil {
			having = b.rewriteAgg(sel, having, groups, "")
			rel = &Filter{In: rel, Cond: having}
		}
		for i := range s.win.funcsOrNil() {
			wf := &s.win.funcs[i]
			for j := range wf.Args {
				wf.Args[j] = b.rewriteAgg(sel, wf.Args[j], groups, "")
			}
			for j := range wf.Partition {
				wf.Partition[j] = b.rewriteAgg(sel, wf.Partition[j], groups, "")
			}
			for j := range wf.Order {
				wf.Order[j].X = b.rewriteAgg(sel, wf.Order[j].X, groups, "")
			}
		}
		s.agg = nil
	}
	if winMode {
		in := rel.Cols()
		out := append([]Column(nil), in...)
		for _, wf := range s.win.funcs {
			out = append(out, Column{Type: wf.T, Nullable: wf.Name != "ROW_NUMBER" && wf.Name != "RANK" && wf.Name != "DENSE_RANK" && wf.Name != "NTILE" && wf.Name != "PERCENT_RANK" && wf.Name != "CUME_DIST" && wf.Name != "COUNT" && wf.Name != "COUNT_BIG"})
		}
		rel = &Window{In: rel, Funcs: s.win.funcs, Out: out}
		for i := range items {
			items[i].x = mapWindow(items[i].x, len(in))
		}
		for i := range okeys {
			if okeys[i].x != nil {
				okeys[i].x = mapWindow(okeys[i].x, len(in))
			}
		}
		s.win = nil
	}
	// Project select items plus hidden order keys.
	exprs := make([]Expr, 0, len(items)+len(okeys))
	out := make([]Column, 0, len(items))
	for _, it := range items {
		exprs = append(exprs, it.x)
		in := rel.Cols()
		c := Column{Name: it.name, Type: it.x.Type(), Nullable: Nullable(it.x, in)}
		if it.col != nil {
			c = *it.col
		} else if cr, ok := it.x.(*ColRef); ok {
			if cr.Idx < len(in) {
				c.Identity = in[cr.Idx].Identity
			}
		}
		c.Name = it.name
		out = append(out, c)
	}
	visible := len(exprs)
	var keys []SortKey
	for _, k := range okeys {
		idx := k.item
		if idx < 0 {
			exprs = append(exprs, k.x)
			out = append(out, Column{Type: k.x.Type()})
			idx = len(exprs) - 1
		}
		keys = append(keys, SortKey{X: &ColRef{T: exprs[idx].Type(), Idx: idx}, Desc: k.desc})
		b.checkUDTClause(sel, exprs[idx].Type(), "ORDER BY") // bind_udt.go
	}
	rel = &Project{In: rel, Exprs: exprs, Out: out}
	if sel.Distinct {
		b.checkUDTDistinct(sel, out) // bind_udt.go
		rel = &Distinct{In: rel}
	}
	if len(keys) > 0 {
		rel = &Sort{In: rel, Keys: keys}
	}
	if sel.Top != nil {
		t := &Top{In: rel, Count: b.expr(&scope{parent: s.parent}, sel.Top.Count), Percent: sel.Top.Percent, WithTies: sel.Top.WithTies}
		if t.WithTies {
			if len(keys) == 0 {
				b.fail(sel.Top.Count, 1062)
			}
			t.TiesKeys = keys
		}
		rel = t
	}
	if q != nil && q.Offset != nil {
		t := &Top{In: rel, Offset: b.expr(&scope{}, q.Offset)}
		if q.Fetch != nil {
			t.Count = b.expr(&scope{}, q.Fetch)
		}
		rel = t
	}
	if visible < len(exprs) {
		trim := make([]Expr, visible)
		for i := range trim {
			trim[i] = &ColRef{T: out[i].Type, Idx: i}
		}
		rel = &Project{In: rel, Exprs: trim, Out: out[:visible]}
	}
	return rel
}

func (b *Binder) expandStar(s *scope, st *ast.Star) []selItem {
	var items []selItem
	matched := false
	for _, t := range s.tables {
		if !st.Table.IsZero() && !tableMatches(&t, &st.Table) {
			continue
		}
		matched = true
		for i := range t.cols {
			c := t.cols[i]
			items = append(items, selItem{x: &ColRef{T: c.Type, Idx: t.offset + i, Name: c.Name}, name: c.Name, col: &c})
		}
	}
	if !matched {
		if st.Table.IsZero() {
			b.fail(st, 263)
		}
		b.fail(st, 4104, fullName(&st.Table))
	}
	return items
}

// rewriteAgg maps a select-level expression bound over the FROM row onto
// the aggregate output row (group values, then aggregates).
func (b *Binder) rewriteAgg(sel *ast.Select, e Expr, groups []Expr, name string) Expr {
	for i, g := range groups {
		if sameExpr(e, g) {
			return &ColRef{T: g.Type(), Idx: i}
		}
	}
	switch x := e.(type) {
	case *aggPlaceholder:
		return &ColRef{T: x.T, Idx: len(groups) + x.Idx}
	case *ColRef:
		n := x.Name
		if n == "" {
			n = name
		}
		if x.Idx < len(b.aggIn) && b.aggIn[x.Idx].Table != "" {
			n = b.aggIn[x.Idx].Table + "." + b.aggIn[x.Idx].Name
		}
		b.fail(sel, 8120, n)
	case *Const, *VarRef, *GlobalVar, *OuterRef:
		return e
	case *Subquery, *winPlaceholder:
		return e
	}
	return MapChildren(e, func(c Expr) Expr { return b.rewriteAgg(sel, c, groups, name) })
}
