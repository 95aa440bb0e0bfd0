package sem

import (
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/types"
)

// Recursive CTE rules SQL Server enforces, and OPTION (MAXRECURSION n).

// queryHints records the statement-level OPTION clauses the binder
// applies (MAXRECURSION; default 100, 0 = unlimited).
func (b *Binder) queryHints(q *ast.Query) {
	for _, o := range q.Options {
		if !strings.EqualFold(o.Name, "MAXRECURSION") || o.Value == nil {
			continue
		}
		c, ok := b.expr(&scope{}, o.Value).(*Const)
		if !ok || c.V.K != types.KindInt {
			b.fail(o, 102, "MAXRECURSION")
		}
		if c.V.I < 0 || c.V.I > 32767 {
			b.failSev(o, 310, 15, "The value %d specified for the MAXRECURSION option exceeds the allowed maximum of %d.", c.V.I, 32767)
		}
		b.maxRecOpt = int(c.V.I) + 1
	}
}

// cteMaxRecursion is the recursion limit for recursive CTEs of the
// statement being bound.
func (b *Binder) cteMaxRecursion() int {
	if b.maxRecOpt == 0 {
		return 100
	}
	return b.maxRecOpt - 1
}

// countCTERefs counts the references to CTE name in FROM clauses of the
// query expression (not inside subqueries, which SQL Server rejects
// separately) and reports whether one sits under an outer join.
func countCTERefs(qe ast.QueryExpr, name string) (n int, outer bool) {
	var table func(te ast.TableExpr, inOuter bool)
	table = func(te ast.TableExpr, inOuter bool) {
		switch t := te.(type) {
		case *ast.NamedTable:
			if t.Name.Schema.IsZero() && t.Name.Database.IsZero() && strings.EqualFold(t.Name.Name.Name, name) {
				n++
				if inOuter {
					outer = true
				}
			}
		case *ast.Join:
			o := inOuter || t.Kind == ast.JoinLeft || t.Kind == ast.JoinRight || t.Kind == ast.JoinFull || t.Kind == ast.JoinOuterApply
			table(t.Left, o)
			table(t.Right, o)
		case *ast.ParenTable:
			table(t.X, inOuter)
		}
	}
	var query func(qe ast.QueryExpr)
	query = func(qe ast.QueryExpr) {
		switch q := qe.(type) {
		case *ast.Select:
			for _, te := range q.From {
				table(te, false)
			}
		case *ast.SetOp:
			query(q.Left)
			query(q.Right)
		case *ast.ParenQuery:
			query(q.Query.Body)
		}
	}
	query(qe)
	return n, outer
}

// checkRecursiveMember enforces the rules for the recursive member of a
// recursive CTE (Msgs 253, 460, 461, 462, 467).
func (b *Binder) checkRecursiveMember(c *ast.CTE, member ast.QueryExpr) {
	name := c.Name.Name
	n, outer := countCTERefs(member, name)
	if n == 0 {
		return
	}
	if n > 1 {
		b.failSev(member, 253, 16, "Recursive member of a common table expression '%.*ls' has multiple recursive references.", name)
	}
	if outer {
		b.failSev(member, 462, 16, "Outer join is not allowed in the recursive part of a recursive common table expression '%.*ls'.", name)
	}
	sel, ok := member.(*ast.Select)
	if !ok {
		return
	}
	if sel.Distinct {
		b.failSev(member, 460, 16, "DISTINCT operator is not allowed in the recursive part of a recursive common table expression '%.*ls'.", name)
	}
	if sel.Top != nil {
		b.failSev(member, 461, 16, "TOP operator is not allowed in the recursive part of a recursive common table expression '%.*ls'.", name)
	}
	agg := sel.GroupBy != nil || sel.Having != nil
	for _, it := range sel.Items {
		if hasAgg(it.Expr) {
			agg = true
		}
	}
	if agg {
		b.failSev(member, 467, 16, "GROUP BY, HAVING, or aggregate functions are not allowed in the recursive part of a recursive common table expression '%.*ls'.", name)
	}
}

// checkRecursiveTypes enforces Msg 240: the recursive member's column
// types must equal the anchor's.
func (b *Binder) checkRecursiveTypes(c *ast.CTE, n ast.Node, anchor, rec []Column, names []Column) {
	for i := range anchor {
		if i < len(rec) && !sameType(anchor[i].Type, rec[i].Type) {
			b.failSev(n, 240, 16, "Types don't match between the anchor and the recursive part in column \"%.*ls\" of recursive query \"%.*ls\".", names[i].Name, c.Name.Name)
		}
	}
}
