package sem

import "github.com/tsqld/tsqld/sql/ast"

// applyJoin binds Left CROSS|OUTER APPLY Right. Right is bound in a scope
// whose parent is a "lateral" scope holding Left's tables, so Right's
// references to Left become OuterRef depth 1, which exec.Apply satisfies
// by pushing each Left row as the innermost outer row.
func (b *Binder) applyJoin(s *scope, te *ast.Join) Rel {
	n0, w0 := len(s.tables), s.width
	l := b.from(s, te.Left)
	lat := &scope{parent: s.parent}
	for _, t := range s.tables[n0:] {
		t.offset -= w0
		lat.tables = append(lat.tables, t)
	}
	lat.width = s.width - w0
	rs := &scope{parent: lat}
	r := b.from(rs, te.Right)
	if lat.outerUsed {
		// Right referred past Left to an enclosing query.
		s.outerUsed = true
	}
	outer := te.Kind == ast.JoinOuterApply
	for _, t := range rs.tables {
		t.offset += s.width
		if outer {
			t.cols = nullableCols(t.cols)
		}
		s.tables = append(s.tables, t)
	}
	s.width += rs.width
	lc, rc := l.Cols(), r.Cols()
	out := make([]Column, 0, len(lc)+len(rc))
	out = append(out, lc...)
	if outer {
		out = append(out, nullableCols(rc)...)
	} else {
		out = append(out, rc...)
	}
	return &Apply{L: l, R: r, Outer: outer, Out: out}
}

func nullableCols(cols []Column) []Column {
	out := append([]Column(nil), cols...)
	for i := range out {
		out[i].Nullable = true
	}
	return out
}
