package sem

import (
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
)

// CTERef reads the working rows of a recursive CTE (the rows the previous
// iteration produced) inside the recursive member.
type CTERef struct {
	Out  []Column
	used bool
}

// Cols implements Rel.
func (r *CTERef) Cols() []Column { return r.Out }

// RecursiveCTE evaluates Anchor, then Recursive repeatedly with Ref bound
// to the previous iteration's rows, until an iteration yields nothing;
// its rows are all iterations' rows. MaxRecursion 0 means unlimited.
type RecursiveCTE struct {
	Anchor, Recursive Rel
	Ref               *CTERef
	Out               []Column
	MaxRecursion      int
}

// Cols implements Rel.
func (r *RecursiveCTE) Cols() []Column { return r.Out }

// withoutCTE returns the CTE scopes with c removed (a CTE's body sees the
// other CTEs of its WITH, not itself unless recursive).
func withoutCTE(ctes []map[string]*ast.CTE, c *ast.CTE) []map[string]*ast.CTE {
	out := make([]map[string]*ast.CTE, 0, len(ctes))
	for _, m := range ctes {
		n := make(map[string]*ast.CTE, len(m))
		for k, v := range m {
			if v != c {
				n[k] = v
			}
		}
		out = append(out, n)
	}
	return out
}

// bindCTE binds a CTE reference's body: recursive when it is
// anchor UNION ALL member and the member refers to the CTE.
func (b *Binder) bindCTE(s *scope, te *ast.NamedTable, c *ast.CTE, alias string) Rel {
	if ref := b.cteWork[c]; ref != nil {
		// Self-reference inside the recursive member.
		ref.used = true
		cols := append([]Column(nil), ref.Out...)
		for i := range cols {
			cols[i].Table = alias
		}
		s.add(alias, "", "", cols)
		return ref
	}
	saved := b.ctes
	defer func() { b.ctes = saved }()
	if so, ok := c.Query.Body.(*ast.SetOp); ok && so.Op == ast.Union && so.All && c.Query.With == nil {
		b.ctes = withoutCTE(saved, c)
		anchor := b.queryExpr(&scope{parent: s.parent}, so.Left)
		out := append([]Column(nil), anchor.Cols()...)
		for i := range out {
			if i < len(c.Columns) {
				out[i].Name = c.Columns[i].Name
			}
			out[i].Nullable = true
		}
		ref := &CTERef{Out: out}
		if b.cteWork == nil {
			b.cteWork = map[*ast.CTE]*CTERef{}
		}
		b.cteWork[c] = ref
		b.ctes = saved
		b.checkRecursiveMember(c, so.Right) // cte_check.go
		rec := b.queryExpr(&scope{parent: s.parent}, so.Right)
		delete(b.cteWork, c)
		if ref.used {
			if len(rec.Cols()) != len(out) {
				b.fail(so, 205)
			}
			b.checkRecursiveTypes(c, so, anchor.Cols(), rec.Cols(), out) // cte_check.go
			r := &RecursiveCTE{Anchor: anchor, Recursive: castRel(rec, out), Ref: ref, Out: out, MaxRecursion: b.cteMaxRecursion()}
			return b.aliasRel(s, te, r, alias, nil)
		}
		// Not recursive after all: a plain UNION ALL.
		lc := anchor.Cols()
		if len(lc) != len(rec.Cols()) {
			b.fail(so, 205)
		}
		u := make([]Column, len(lc))
		for i := range lc {
			u[i] = Column{Name: lc[i].Name, Type: setOpType(anchor, rec, i), Nullable: true}
		}
		rel := &SetOp{Op: ast.Union, All: true, L: castRel(anchor, u), R: castRel(rec, u), Out: u}
		return b.aliasRel(s, te, rel, alias, c.Columns)
	}
	b.ctes = withoutCTE(saved, c)
	q := b.subquery(s.parent, c.Query)
	return b.aliasRel(s, te, q.rel, alias, c.Columns)
}

var _ = strings.ToLower
