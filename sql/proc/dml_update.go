package proc

import (
	"context"
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/exec"
	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

// dmlRow is one target row an UPDATE/DELETE acts on, with the full source
// row its expressions are evaluated over.
type dmlRow struct {
	key  []byte
	old  []types.Value
	full []types.Value
}

// dmlSource binds and runs the row source of UPDATE/DELETE (target alone
// or FROM … WHERE …) and returns each target row once (SQL Server updates
// a row matched several times by a join only once).
func (s *Session) dmlSource(ctx context.Context, target ast.TableExpr, from []ast.TableExpr, where ast.Expr, top *ast.Top, exprs []ast.Expr, line int32) (*dmlTarget, *sem.DMLSource, []dmlRow, *stmtError, error) {
	return s.dmlSourceFor(ctx, nil, nil, target, from, where, top, exprs, line)
}

// dmlSourceFor is dmlSource with the bound source cached under key in
// rc's plan entry (dml_source_cache.go).
func (s *Session) dmlSourceFor(ctx context.Context, key ast.Stmt, rc *runCtx, target ast.TableExpr, from []ast.TableExpr, where ast.Expr, top *ast.Top, exprs []ast.Expr, line int32) (*dmlTarget, *sem.DMLSource, []dmlRow, *stmtError, error) {
	src, rel, serr := s.bindDMLSource(key, rc, target, from, where, exprs, line)
	if serr != nil {
		return nil, nil, nil, serr, nil
	}
	t := &dmlTarget{db: src.DB, obj: src.Target, alias: src.Target.Name, cols: tableCols(src.Target, src.Target.Name)}
	limit := int64(-1)
	if top != nil {
		v, xt, serr, err := s.evalScalar(ctx, top.Count, line)
		if serr != nil || err != nil {
			return nil, nil, nil, serr, err
		}
		n, cerr := exec.Convert(v, xt.Type(), sem.BigIntType)
		if cerr != nil {
			return nil, nil, nil, stmtErr(cerr), nil
		}
		limit = n.I
		if top.Percent {
			limit = -2 - limit // resolved after counting
		}
	}
	c := s.execCtx(ctx)
	n := len(src.Target.Table.Columns)
	var seen map[string]bool // made at the second row: most changes touch one
	var rows []dmlRow
	err := c.Run(rel, func(row []types.Value) error {
		key := row[src.KeyIdx].B
		if len(rows) > 0 {
			if seen == nil {
				seen = map[string]bool{string(rows[0].key): true}
			}
			if seen[string(key)] {
				return nil
			}
			seen[string(key)] = true
		}
		full := make([]types.Value, len(row))
		for i := range row {
			full[i] = cloneVal(row[i])
		}
		rows = append(rows, dmlRow{key: append([]byte(nil), key...), old: full[src.Offset : src.Offset+n], full: full})
		return nil
	})
	if err != nil {
		serr, err := asStmtErr(err)
		return nil, nil, nil, serr, err
	}
	if limit >= 0 && int64(len(rows)) > limit {
		rows = rows[:limit]
	} else if limit < -1 {
		pct := -2 - limit
		keep := (int64(len(rows))*pct + 99) / 100
		rows = rows[:min(keep, int64(len(rows)))]
	}
	if rc := s.opts.RowCount; rc > 0 && int64(len(rows)) > rc {
		rows = rows[:rc] // SET ROWCOUNT also limits UPDATE and DELETE
	}
	return t, src, rows, nil, nil
}

func (s *Session) updateStmt(ctx context.Context, x *ast.UpdateStmt, w result.Writer, rc *runCtx) (*stmtError, error) {
	line := x.Span.Line
	// Resolve SET targets and build the value expressions.
	type set struct {
		col  int
		slot int
	}
	var sets []set
	var exprs []ast.Expr
	for _, sc := range x.Set {
		st := set{col: -1, slot: -1}
		if sc.Var != "" {
			slot, ok := s.frame.lookup(sc.Var)
			if !ok {
				return msgErr(137, sc.Var), nil
			}
			st.slot = slot
		}
		val := sc.Value
		if sc.Op != ast.AssignSet {
			var left ast.Expr = sc.Column
			if sc.Column == nil {
				left = &ast.VarRef{Span: sc.Span, Name: sc.Var}
			}
			val = &ast.BinaryExpr{Span: sc.Span, Op: assignOp(sc.Op), L: left, R: sc.Value}
		}
		sets = append(sets, st)
		exprs = append(exprs, val)
	}
	t, src, rows, serr, err := s.dmlSourceFor(ctx, x, rc, x.Target, x.From, x.Where, x.Top, exprs, line)
	if serr != nil || err != nil {
		return serr, err
	}
	if x.CurrentOf != nil {
		if rows, serr = s.currentOf(x.CurrentOf, t, rows); serr != nil {
			return serr, nil
		}
		if serr = s.currentOfColumns(x.CurrentOf, x.Set); serr != nil { // FOR UPDATE OF list (cursor_keyed.go)
			return serr, nil
		}
	}
	def := t.obj.Table
	for i, sc := range x.Set {
		if sc.Column == nil {
			continue
		}
		col := def.ColumnIndex(sc.Column.Name.Name)
		if col < 0 {
			return msgErr(207, sc.Column.Name.Name), nil
		}
		if def.Columns[col].Identity != nil {
			return msgErr(8102, def.Columns[col].Name), nil
		}
		if def.Columns[col].Computed != "" {
			return msgErr(271, def.Columns[col].Name), nil
		}
		if def.Columns[col].Type.ID == types.Timestamp {
			return msgErr(272), nil // rowversion columns are set by the engine
		}
		sets[i].col = col
	}
	chk, serr := s.newChecker(t, "UPDATE")
	if serr != nil {
		return serr, nil
	}
	out, serr := s.bindOutput(x.Output, t, line)
	if serr != nil {
		return serr, nil
	}
	into, serr := s.bindOutputInto(x.OutputInto, t, line)
	if serr != nil {
		return serr, nil
	}
	c := s.execCtx(ctx)
	tbl := c.TableFor(t.db, t.obj)
	trg := s.triggers(t, "UPDATE")
	cs := newCascadeState(x.Span.Line)
	if trg != nil {
		var cols []int
		for _, st := range sets {
			cols = append(cols, st.col)
		}
		trg.setUpdated(cols)
	}
	keyCols := map[int]bool{}
	for _, ix := range def.Indexes {
		for _, ic := range ix.Columns {
			keyCols[ic.Column] = true
		}
	}
	// An update of a unique key over several rows is set-based in SQL
	// Server (SET id = id + 1 succeeds): old versions all go first, new
	// ones are stored after the loop.
	setCols := make([]int, len(sets))
	for i, st := range sets {
		setCols[i] = st.col
	}
	deferKeys := len(rows) > 1 && setsUniqueKey(def, setCols)
	var pending []pendingRow
	for _, r := range rows {
		// Re-read under an update lock: the row may have changed since the
		// statement's snapshot.
		cur, ok, err := tbl.GetForUpdate(r.key)
		if err != nil {
			return asStmtErr(err)
		}
		if !ok {
			continue
		}
		nrow := append([]types.Value(nil), cur...)
		for i, st := range sets {
			var v types.Value
			var vt types.Type
			if e := src.Exprs[i]; e != nil {
				ev, merr := c.Eval(e, r.full)
				if merr != nil {
					return stmtErr(merr), nil
				}
				v, vt = ev, e.Type()
			} else if st.col >= 0 {
				dv, merr := s.columnDefault(c, def, st.col, line)
				if merr != nil {
					return merr, nil
				}
				v, vt = dv, def.Columns[st.col].Type
			}
			if st.col >= 0 {
				cv, cerr := s.assignConvert(v, vt, untruncated(def.Columns[st.col].Type))
				if cerr != nil {
					return stmtErr(cerr), nil
				}
				nrow[st.col] = cv
				v, vt = cv, def.Columns[st.col].Type
			}
			if st.slot >= 0 {
				cv, cerr := s.assignConvert(v, vt, s.frame.types[st.slot])
				if cerr != nil {
					return stmtErr(cerr), nil
				}
				s.frame.vals[st.slot] = cloneVal(cv)
			}
		}
		if trg.insteadOf() {
			trg.add(nrow, cur)
			continue
		}
		if e := chk.check(c, nrow); e != nil {
			return stmtErr(e), nil
		}
		for col := range keyCols {
			if nrow[col].K != cur[col].K || (nrow[col].K != types.KindNull && exec.Compare(nrow[col], cur[col], def.Columns[col].Type) != 0) {
				if e := s.referencedBy(c, t, cur, nrow, "UPDATE", cs); e != nil {
					return stmtErr(e), nil
				}
				break
			}
		}
		if deferKeys {
			if err := tbl.Delete(r.key, cur); err != nil {
				return asStmtErr(err)
			}
			pending = append(pending, pendingRow{key: r.key, row: nrow})
		} else {
			m, err := tbl.Update(s.srv.counters, r.key, cur, nrow)
			if err != nil {
				return asStmtErr(err)
			}
			if m != nil {
				return stmtErr(m), nil
			}
		}
		trg.add(nrow, cur)
		if out != nil {
			if err := out.emit(c, w, nrow, cur, len(def.Columns)); err != nil {
				return asStmtErr(err)
			}
		}
		if into != nil {
			if e := into.collect(c, nrow, cur, len(def.Columns)); e != nil {
				return stmtErr(e), nil
			}
		}
	}
	for _, p := range pending {
		m, err := tbl.Reinsert(s.srv.counters, p.key, p.row)
		if err != nil {
			return asStmtErr(err)
		}
		if m != nil {
			return stmtErr(m), nil
		}
	}
	if serr, err := trg.fire(ctx, w, rc); serr != nil || err != nil {
		return serr, err
	}
	if serr, err := cs.fire(ctx, w, rc); serr != nil || err != nil {
		return serr, err
	}
	if serr, err := s.flushOutputInto(ctx, into, rc); serr != nil || err != nil {
		return serr, err
	}
	return s.dmlDone(w, rc, out, result.CmdUpdate, int64(len(rows)))
}

func (s *Session) dmlDone(w result.Writer, rc *runCtx, out *output, cmd result.Command, n int64) (*stmtError, error) {
	if out != nil {
		if !out.sent {
			if err := w.Columns(out.cols); err != nil {
				return nil, err
			}
		}
		cmd = result.CmdSelect
	}
	return nil, s.done(w, rc, cmd, n)
}

// columnDefault evaluates a column's DEFAULT (NULL without one).
func (s *Session) columnDefault(c *exec.Ctx, def *catalog.Table, col int, line int32) (types.Value, *stmtError) {
	d := def.Columns[col].Default
	if d == "" {
		return types.Null, nil
	}
	b, _ := s.binder(line)
	e, perr := parseExpr(d)
	if perr != nil {
		return types.Null, stmtErr(perr)
	}
	x, berr := b.BindExpr(e)
	if berr != nil {
		return types.Null, stmtErr(berr)
	}
	v, merr := c.Eval(x, nil)
	if merr != nil {
		return types.Null, stmtErr(merr)
	}
	cv, cerr := exec.Convert(v, x.Type(), def.Columns[col].Type)
	if cerr != nil {
		return types.Null, stmtErr(cerr)
	}
	return cv, nil
}

func (s *Session) deleteStmt(ctx context.Context, x *ast.DeleteStmt, w result.Writer, rc *runCtx) (*stmtError, error) {
	t, _, rows, serr, err := s.dmlSourceFor(ctx, x, rc, x.Target, x.From, x.Where, x.Top, nil, x.Span.Line)
	if serr != nil || err != nil {
		return serr, err
	}
	if x.CurrentOf != nil {
		if rows, serr = s.currentOf(x.CurrentOf, t, rows); serr != nil {
			return serr, nil
		}
	}
	out, serr := s.bindOutput(x.Output, t, x.Span.Line)
	if serr != nil {
		return serr, nil
	}
	into, serr := s.bindOutputInto(x.OutputInto, t, x.Span.Line)
	if serr != nil {
		return serr, nil
	}
	c := s.execCtx(ctx)
	tbl := c.TableFor(t.db, t.obj)
	trg := s.triggers(t, "DELETE")
	cs := newCascadeState(x.Span.Line)
	var n int64
	for _, r := range rows {
		cur, ok, err := tbl.GetForUpdate(r.key)
		if err != nil {
			return asStmtErr(err)
		}
		if !ok {
			continue
		}
		if trg.insteadOf() {
			trg.add(nil, cur)
			n++
			continue
		}
		if e := s.referencedBy(c, t, cur, nil, "DELETE", cs); e != nil {
			return stmtErr(e), nil
		}
		if err := tbl.Delete(r.key, cur); err != nil {
			return asStmtErr(err)
		}
		n++
		trg.add(nil, cur)
		if out != nil {
			if err := out.emit(c, w, nil, cur, len(t.cols)); err != nil {
				return asStmtErr(err)
			}
		}
		if into != nil {
			if e := into.collect(c, nil, cur, len(t.cols)); e != nil {
				return stmtErr(e), nil
			}
		}
	}
	if serr, err := trg.fire(ctx, w, rc); serr != nil || err != nil {
		return serr, err
	}
	if serr, err := cs.fire(ctx, w, rc); serr != nil || err != nil {
		return serr, err
	}
	if serr, err := s.flushOutputInto(ctx, into, rc); serr != nil || err != nil {
		return serr, err
	}
	return s.dmlDone(w, rc, out, result.CmdDelete, n)
}

var _ = strings.EqualFold

// viewTarget rewrites UPDATE/DELETE of a simple view (SELECT of plain
// columns or * from one table, optional WHERE) into the same statement on
// its base table restricted to the rows the view shows.
func (s *Session) viewTarget(nt *ast.NamedTable, where ast.Expr) (ast.TableExpr, ast.Expr, bool) {
	_, o, serr := s.lookupTable(&nt.Name)
	if serr != nil || o.Kind != catalog.KindView || len(o.View.Columns) > 0 {
		return nil, nil, false
	}
	q, err := s.ParseQuery(o.View.Query)
	if err != nil || q.With != nil || len(q.OrderBy) > 0 {
		return nil, nil, false
	}
	sel, ok := q.Body.(*ast.Select)
	if !ok || sel.Distinct || sel.Top != nil || sel.GroupBy != nil || sel.Having != nil || len(sel.From) != 1 {
		return nil, nil, false
	}
	base, ok := sel.From[0].(*ast.NamedTable)
	if !ok {
		return nil, nil, false
	}
	for _, it := range sel.Items {
		switch x := it.Expr.(type) {
		case *ast.Star:
		case *ast.ColumnRef:
			if it.Alias.Name != "" && !strings.EqualFold(it.Alias.Name, x.Name.Name) {
				return nil, nil, false
			}
		default:
			return nil, nil, false
		}
	}
	alias := nt.Alias.Name
	if alias == "" {
		alias = nt.Name.Name.Name
	}
	if base.Alias.Name != "" && !strings.EqualFold(base.Alias.Name, alias) {
		// The view's own predicates use its alias; keep it.
		return nil, nil, false
	}
	t := &ast.NamedTable{Span: nt.Span, Name: base.Name, Alias: ast.Ident{Name: alias}}
	if sel.Where != nil {
		// The view's predicates may qualify columns with the table name:
		// they now see it under the view's name. The parsed tree is ours
		// (freshly parsed), so it can be rewritten in place.
		ast.Inspect(sel.Where, func(n ast.Node) bool {
			if cr, ok := n.(*ast.ColumnRef); ok && cr.Table.Database.Name == "" && strings.EqualFold(cr.Table.Name.Name, base.Name.Name.Name) {
				cr.Table = ast.ObjectName{Name: ast.Ident{Name: alias}}
			}
			return true
		})
	}
	w := where
	if sel.Where != nil {
		if w == nil {
			w = sel.Where
		} else {
			w = &ast.BinaryExpr{Op: ast.OpAnd, L: &ast.ParenExpr{X: sel.Where}, R: &ast.ParenExpr{X: where}}
		}
	}
	return t, w, true
}

type pendingRow struct {
	key []byte
	row []types.Value
}

// setsUniqueKey reports whether an UPDATE assigns a column of a unique
// index (PRIMARY KEY, UNIQUE).
func setsUniqueKey(def *catalog.Table, cols []int) bool {
	for _, ix := range def.Indexes {
		if !ix.Unique {
			continue
		}
		for _, ic := range ix.Columns {
			for _, c := range cols {
				if c == ic.Column {
					return true
				}
			}
		}
	}
	return false
}
