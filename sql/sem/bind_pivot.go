package sem

import (
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/types"
)

// pivotTable binds Source PIVOT (…) / UNPIVOT (…) AS alias.
//
// PIVOT is rewritten to an Aggregate over the source: the groups are the
// source columns not named in the PIVOT clause (SQL Server's implicit
// GROUP BY), and each IN value v becomes agg(CASE WHEN for = v THEN arg
// END), bound from synthesised syntax so comparisons and result types
// follow the ordinary rules.
func (b *Binder) pivotTable(s *scope, te *ast.PivotTable) Rel {
	ps := &scope{parent: s.parent}
	in := b.from(ps, te.Source)
	cols := in.Cols()
	find := func(id ast.Ident) int {
		for i, c := range cols {
			if strings.EqualFold(c.Name, id.Name) {
				return i
			}
		}
		b.fail(te, 207, id.Name)
		return -1
	}
	alias := te.Alias.Name
	seen := map[string]bool{}
	for _, v := range te.In {
		k := strings.ToLower(v.Name)
		if seen[k] {
			b.fail(te, 8156, v.Name, alias)
		}
		seen[k] = true
	}
	if te.Unpivot {
		return b.unpivot(s, te, in, find)
	}
	fi := find(te.For)
	used := map[int]bool{fi: true}
	if te.Agg == nil || len(te.Agg.Args) != 1 {
		b.fail(te, 102, "PIVOT")
	}
	cr, ok := te.Agg.Args[0].(*ast.ColumnRef)
	if !ok {
		b.fail(te.Agg, 102, "(")
	}
	used[find(cr.Name)] = true
	var groups []Expr
	var out []Column
	for i, c := range cols {
		if used[i] {
			continue
		}
		if seen[strings.ToLower(c.Name)] {
			// A grouping column would collide with a pivoted column.
			b.failSev(te, 265, 16, pivotConflict, c.Name)
		}
		groups = append(groups, &ColRef{T: c.Type, Idx: i, Name: c.Name})
		out = append(out, Column{Name: c.Name, Type: c.Type, Nullable: c.Nullable})
	}
	ps.agg = &aggCollector{}
	forRef := &ast.ColumnRef{Span: te.Span, Name: te.For}
	for _, v := range te.In {
		call := *te.Agg
		call.Args = []ast.Expr{&ast.CaseExpr{Span: te.Span, Whens: []*ast.When{{
			Span:   te.Span,
			Cond:   &ast.BinaryExpr{Span: te.Span, Op: ast.OpEq, L: forRef, R: &ast.Literal{Span: te.Span, Kind: ast.LitNString, Text: "N'" + v.Name + "'", Val: v.Name}},
			Result: cr,
		}}}}
		b.expr(ps, &call)
	}
	aggs := ps.agg.aggs
	ps.agg = nil
	for i, a := range aggs {
		out = append(out, Column{Name: te.In[i].Name, Type: a.T, Nullable: a.Name != "COUNT" && a.Name != "COUNT_BIG"})
	}
	rel := &Aggregate{In: in, Groups: groups, Aggs: aggs, Out: out}
	return b.aliasRel(s, te, rel, alias, nil)
}

// unpivot binds Source UNPIVOT (value FOR name IN (columns)).
func (b *Binder) unpivot(s *scope, te *ast.PivotTable, in Rel, find func(ast.Ident) int) Rel {
	cols := in.Cols()
	u := &Unpivot{In: in}
	used := map[int]bool{}
	var vt types.Type
	for i, id := range te.In {
		j := find(id)
		c := cols[j]
		if i == 0 {
			vt = c.Type
		} else if !sameType(vt, c.Type) {
			b.failText(te, 8167, "The type of column \"%.*ls\" conflicts with the type of other columns specified in the UNPIVOT list.", c.Name)
		}
		used[j] = true
		u.Columns = append(u.Columns, j)
		u.Names = append(u.Names, c.Name)
	}
	for i, c := range cols {
		if used[i] {
			continue
		}
		for _, n := range []string{te.Value.Name, te.For.Name} {
			if strings.EqualFold(c.Name, n) {
				b.failSev(te, 265, 16, pivotConflict, n)
			}
		}
		u.Keep = append(u.Keep, i)
		u.Out = append(u.Out, Column{Name: c.Name, Type: c.Type, Nullable: c.Nullable})
	}
	nameCol := Column{Name: te.For.Name, Type: NVarChar(128), Nullable: false}
	u.Out = append(u.Out, Column{Name: te.Value.Name, Type: vt, Nullable: false}, nameCol)
	return b.aliasRel(s, te, u, te.Alias.Name, nil)
}

const pivotConflict = "The column name \"%.*ls\" specified in the PIVOT operator conflicts with the existing column name in the PIVOT argument."

// sameType reports whether two column types are identical, as UNPIVOT
// and recursive CTEs require.
func sameType(a, b types.Type) bool {
	return a.ID == b.ID && a.Length == b.Length && a.Precision == b.Precision && a.Scale == b.Scale
}
