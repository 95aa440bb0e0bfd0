package proc

import (
	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/plan"
	"github.com/tsqld/tsqld/sql/sem"
)

// boundDMLSource is the bound and optimised row source of an UPDATE or
// DELETE, cached in the plan cache entry like a bound SELECT: a
// parameterised UPDATE … WHERE pk = @p binds once per plan instead of once
// per execution. Same rules as bindQuery: catalog version (any DDL,
// including ALTER of a view the statement goes through), variable layout,
// dbo default schema, never for session-private objects (temporary
// tables, table variables, inserted/deleted); SET options are part of the
// plan cache key.
type boundDMLSource struct {
	src *sem.DMLSource
	rel sem.Rel // plan.Optimize(src.Rel)
	sig string
}

// bindDMLSource binds the source of key (an UPDATE or DELETE; nil for
// callers that do not cache, such as MERGE) and checks the target is a
// table (Msg 4405).
func (s *Session) bindDMLSource(key ast.Stmt, rc *runCtx, target ast.TableExpr, from []ast.TableExpr, where ast.Expr, exprs []ast.Expr, line int32) (*sem.DMLSource, sem.Rel, *stmtError) {
	version := s.cat().Version()
	sig := s.frame.sig.String()
	cacheable := key != nil && rc != nil && rc.entry != nil && s.dboDefaultSchema()
	if cacheable {
		if p, ok := rc.entry.Bound(key, version).(*boundDMLSource); ok && p.sig == sig {
			return p.src, p.rel, nil
		}
	}
	if len(from) == 0 {
		if nt, ok := target.(*ast.NamedTable); ok {
			if t2, w2, ok := s.viewTarget(nt, where); ok {
				target, where = t2, w2
			}
		}
	}
	b, env := s.binder(line)
	src, berr := b.BindDMLSource(target, from, where, exprs)
	if berr != nil {
		return nil, nil, stmtErr(berr)
	}
	if src.Target.Kind != catalog.KindTable {
		return nil, nil, msgErr(4405, src.Target.Name)
	}
	rel := plan.Optimize(src.Rel)
	if cacheable && !env.private {
		rc.entry.SetBound(key, version, &boundDMLSource{src: src, rel: rel, sig: sig})
	}
	return src, rel, nil
}
