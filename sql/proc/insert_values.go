package proc

import (
	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/sem"
)

// boundValues is the bound form of an INSERT's VALUES rows, cached in the
// plan cache entry like a bound SELECT: a parameterised INSERT (sp_executesql,
// RPC, the bulk-load fallback's 500-row statements) binds each expression
// once per plan instead of once per execution.
type boundValues struct {
	rows [][]sem.Expr // nil where the row says DEFAULT
	sig  string       // variable layout the expressions were bound against
}

// bindValues binds every VALUES row of x for targets target columns, from
// the plan cache when the same statement was bound at the same catalog
// version with the same variable layout. As in SQL Server, a row of the
// wrong width or an expression that does not bind fails the statement
// before any row is inserted (they are compile-time errors).
func (s *Session) bindValues(x *ast.InsertStmt, targets int, rc *runCtx) (*boundValues, *msgs.Error) {
	version := s.cat().Version()
	sig := s.frame.sig.String()
	cacheable := rc != nil && rc.entry != nil && s.dboDefaultSchema()
	if cacheable {
		if p, ok := rc.entry.Bound(x, version).(*boundValues); ok && p.sig == sig {
			return p, nil
		}
	}
	b, env := s.binder(x.Span.Line)
	bv := &boundValues{rows: make([][]sem.Expr, len(x.Values)), sig: sig}
	for i, vrow := range x.Values {
		if len(vrow) != targets {
			switch {
			case len(x.Columns) == 0:
				return nil, msgs.NewTypical(213)
			case len(vrow) < targets:
				return nil, msgs.NewTypical(109)
			}
			return nil, msgs.NewTypical(110)
		}
		row := make([]sem.Expr, len(vrow))
		for j, ve := range vrow {
			if _, isDef := ve.(*ast.DefaultExpr); isDef {
				continue
			}
			bx, berr := b.BindExpr(ve)
			if berr != nil {
				return nil, berr
			}
			row[j] = bx
		}
		bv.rows[i] = row
	}
	if cacheable && !env.private {
		rc.entry.SetBound(x, version, bv)
	}
	return bv, nil
}
