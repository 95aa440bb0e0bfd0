package proc

import (
	"context"
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/exec"
	"github.com/tsqld/tsqld/sql/plan"
	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

// boundQuery is a cached bound SELECT.
type boundQuery struct {
	rel  sem.Rel
	cols []result.Column
	sig  string
}

// bindQuery binds q, using the plan cache entry when possible.
func (s *Session) bindQuery(q *ast.Query, key ast.Node, line int32, rc *runCtx) (*boundQuery, *stmtError) {
	version := s.cat().Version()
	sig := s.frame.sig.String()
	st, cacheable := key.(ast.Stmt)
	cacheable = cacheable && s.dboDefaultSchema() // names may resolve in the user's schema
	if cacheable && rc.entry != nil {
		if p, ok := rc.entry.Bound(st, version).(*boundQuery); ok && p.sig == sig {
			return p, nil
		}
	}
	b, env := s.binder(line)
	rel, berr := b.BindQuery(q)
	if berr != nil {
		return nil, stmtErr(berr)
	}
	rel = plan.Optimize(rel)
	out := rel.Cols()
	cols := make([]result.Column, len(out))
	for i, c := range out {
		cols[i] = result.Column{Name: c.Name, Type: c.Type, Nullable: c.Nullable, Identity: c.Identity}
	}
	bq := &boundQuery{rel: rel, cols: cols, sig: sig}
	if cacheable && rc.entry != nil && !env.private {
		rc.entry.SetBound(st, version, bq)
	}
	return bq, nil
}

func (s *Session) selectStmt(ctx context.Context, x *ast.SelectStmt, w result.Writer, rc *runCtx) (*stmtError, error) {
	if sel, ok := x.Query.Body.(*ast.Select); ok {
		if len(sel.Items) > 0 && sel.Items[0].Var != "" {
			return s.selectAssign(ctx, x, sel, w, rc)
		}
		if sel.Into != nil {
			return s.selectInto(ctx, x, sel, w, rc)
		}
	}
	bq, serr := s.bindQuery(x.Query, x, x.Span.Line, rc)
	if serr != nil {
		return serr, nil
	}
	c := s.execCtx(ctx)
	if err := w.Columns(bq.cols); err != nil {
		return nil, err
	}
	// The session's row sender (select_sink.go); released also after a
	// panic recovered above.
	sink := s.rowSink(w, s.opts.RowCount, s.textSizeCols(bq.cols))
	defer sink.release()
	err := c.Run(bq.rel, sink.fn)
	n := sink.n
	if err == errRowLimit {
		err = nil
	}
	if err != nil {
		serr, err := asStmtErr(err)
		return serr, err
	}
	return nil, s.done(w, rc, result.CmdSelect, n)
}

// selectAssign runs SELECT @a = x, @b = y … : every row assigns, the last
// one wins; no result set.
func (s *Session) selectAssign(ctx context.Context, x *ast.SelectStmt, sel *ast.Select, w result.Writer, rc *runCtx) (*stmtError, error) {
	// Bind a copy of the query whose items are the assigned expressions.
	cp := *sel
	cp.Items = make([]*ast.SelectItem, len(sel.Items))
	slots := make([]int, len(sel.Items))
	for i, it := range sel.Items {
		if it.Var == "" {
			return msgErr(141), nil
		}
		slot, ok := s.frame.lookup(it.Var)
		if !ok {
			return msgErr(137, it.Var), nil
		}
		slots[i] = slot
		e := it.Expr
		if it.Op != ast.AssignSet {
			e = &ast.BinaryExpr{Span: it.Span, Op: assignOp(it.Op), L: &ast.VarRef{Span: it.Span, Name: it.Var}, R: it.Expr}
		}
		cp.Items[i] = &ast.SelectItem{Span: it.Span, Expr: e}
	}
	q := *x.Query
	q.Body = &cp
	b, _ := s.binder(x.Span.Line)
	rel, berr := b.BindQuery(&q)
	if berr != nil {
		return stmtErr(berr), nil
	}
	cols := rel.Cols()
	c := s.execCtx(ctx)
	var n int64
	err := c.Run(rel, func(row []types.Value) error {
		n++
		for i, slot := range slots {
			v, cerr := exec.Convert(row[i], cols[i].Type, s.frame.types[slot])
			if cerr != nil {
				return &exec.MsgError{E: cerr}
			}
			s.frame.vals[slot] = cloneVal(v)
		}
		return nil
	})
	if err != nil {
		serr, err := asStmtErr(err)
		return serr, err
	}
	return nil, s.done(w, rc, result.CmdSelect, n)
}

func cloneVal(v types.Value) types.Value {
	if v.B != nil {
		v.B = append([]byte(nil), v.B...)
	}
	if v.K == types.KindDecimal {
		d := v.Dec
		v.Dec.Set(&d)
	}
	return v
}

func assignOp(op ast.AssignOp) ast.BinaryOp {
	switch op {
	case ast.AssignAdd:
		return ast.OpAdd
	case ast.AssignSub:
		return ast.OpSub
	case ast.AssignMul:
		return ast.OpMul
	case ast.AssignDiv:
		return ast.OpDiv
	case ast.AssignMod:
		return ast.OpMod
	case ast.AssignAnd:
		return ast.OpBitAnd
	case ast.AssignOr:
		return ast.OpBitOr
	case ast.AssignXor:
		return ast.OpBitXor
	}
	return ast.OpAdd
}

// selectInto creates a table from the query's columns and fills it.
func (s *Session) selectInto(ctx context.Context, x *ast.SelectStmt, sel *ast.Select, w result.Writer, rc *runCtx) (*stmtError, error) {
	into := sel.Into
	cp := *sel
	cp.Into = nil
	q := *x.Query
	q.Body = &cp
	bq, serr := s.bindQuery(&q, nil, x.Span.Line, rc)
	if serr != nil {
		return serr, nil
	}
	def := &catalog.Table{}
	for i, c := range bq.cols {
		if c.Name == "" {
			return msgErr(1038), nil
		}
		for j := 0; j < i; j++ {
			if strings.EqualFold(bq.cols[j].Name, c.Name) {
				return msgErr(2705, c.Name, into.Name.Name), nil
			}
		}
		def.Columns = append(def.Columns, catalog.Column{Name: c.Name, Type: c.Type, Nullable: c.Nullable})
	}
	if x.Query.Body == ast.QueryExpr(sel) && x.Query.With == nil {
		s.inheritIdentity(sel, def)
	}
	db, o, serr := s.newTable(ctx, into, def)
	if serr != nil {
		return serr, nil
	}
	t := s.execCtx(ctx).TableFor(db, o)
	c := s.execCtx(ctx)
	var n int64
	err := c.Run(bq.rel, func(row []types.Value) error {
		n++
		m, err := t.Insert(s.srv.counters, row)
		if m != nil {
			return &exec.MsgError{E: m}
		}
		return err
	})
	if err != nil {
		serr, err := asStmtErr(err)
		return serr, err
	}
	return nil, s.done(w, rc, result.CmdSelect, n)
}

// inheritIdentity gives SELECT INTO's new table the IDENTITY property of
// a source identity column selected as is, under SQL Server's rules: one
// base table in FROM (no join), no GROUP BY or aggregate, the column
// selected once and not inside an expression. The rows keep their values;
// the counter continues after the largest (NextIdentity scans for it).
func (s *Session) inheritIdentity(sel *ast.Select, def *catalog.Table) {
	if len(sel.From) != 1 || sel.GroupBy != nil || sel.Having != nil || sel.Distinct {
		return
	}
	nt, ok := sel.From[0].(*ast.NamedTable)
	if !ok {
		return
	}
	_, o, serr := s.lookupTable(&nt.Name)
	if serr != nil || o == nil || o.Table == nil {
		return
	}
	src := -1
	for i := range o.Table.Columns {
		if o.Table.Columns[i].Identity != nil {
			src = i
		}
	}
	if src < 0 {
		return
	}
	idName := o.Table.Columns[src].Name
	target, uses := -1, 0
	out := 0
	for _, it := range sel.Items {
		switch e := it.Expr.(type) {
		case *ast.Star:
			target, uses = out+src, uses+1
			out += len(o.Table.Columns)
			continue
		case *ast.ColumnRef:
			if strings.EqualFold(e.Name.Name, idName) {
				target, uses = out, uses+1
			}
		default:
			if hasAggregate(it.Expr) {
				return
			}
		}
		out++
	}
	if uses != 1 || target < 0 || target >= len(def.Columns) {
		return
	}
	id := *o.Table.Columns[src].Identity
	def.Columns[target].Identity = &id
	def.Columns[target].Nullable = false
}

// hasAggregate reports whether e calls one of the aggregate functions
// (which make SELECT INTO drop the IDENTITY property).
func hasAggregate(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if f, ok := n.(*ast.FuncCall); ok {
			switch strings.ToUpper(f.Name.Name.Name) {
			case "COUNT", "COUNT_BIG", "SUM", "AVG", "MIN", "MAX", "STDEV", "STDEVP", "VAR", "VARP", "STRING_AGG", "CHECKSUM_AGG", "GROUPING", "GROUPING_ID", "APPROX_COUNT_DISTINCT":
				found = true
			}
		}
		return !found
	})
	return found
}
