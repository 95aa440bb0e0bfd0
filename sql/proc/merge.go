package proc

import (
	"context"
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/exec"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/plan"
	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

// mergeWhen is one bound WHEN clause.
type mergeWhen struct {
	w    *ast.MergeWhen
	cond sem.Expr
	// UPDATE: target column and value per SET item.
	setCols []int
	setVals []sem.Expr
	// INSERT: target columns and values (nil value = DEFAULT).
	insCols []int
	insVals []sem.Expr
}

// mergeStmt runs MERGE. The source is materialised, every target row is
// matched against it (by hash on the ON clause's target = source
// equalities, else nested loops), then the WHEN clauses apply in
// order: the first clause of a kind whose extra condition holds acts.
func (s *Session) mergeStmt(ctx context.Context, x *ast.MergeStmt, w result.Writer, rc *runCtx) (*stmtError, error) {
	line := x.Span.Line
	nt, ok := x.Target.(*ast.NamedTable)
	if !ok {
		return msgErr(40517, "MERGE target"), nil
	}
	t, _, trows, serr, err := s.dmlSource(ctx, &ast.NamedTable{Span: nt.Span, Name: nt.Name}, nil, nil, nil, nil, line)
	if serr != nil || err != nil {
		return serr, err
	}
	talias := nt.Alias.Name
	if talias == "" {
		talias = t.obj.Name
	}
	def := t.obj.Table
	tcols := tableCols(t.obj, talias)
	nt0 := len(tcols)

	// Source rows.
	q := &ast.Query{Span: x.Span, Body: &ast.Select{Span: x.Span, Items: []*ast.SelectItem{{Expr: &ast.Star{}}}, From: []ast.TableExpr{x.Source}}}
	if x.With != nil {
		q.With = x.With
	}
	bq, serr := s.bindQuery(q, nil, line, rc)
	if serr != nil {
		return serr, nil
	}
	c := s.execCtx(ctx)
	srows, err := collectRows(c, bq.rel)
	if err != nil {
		return asStmtErr(err)
	}
	scols := append([]sem.Column(nil), bq.rel.Cols()...)
	salias := sourceAlias(x.Source)
	for i := range scols {
		if salias != "" {
			scols[i].Table = salias
		}
		scols[i].Nullable = true
	}
	// Combined row: target columns, then source columns.
	all := append(append([]sem.Column(nil), tcols...), scols...)
	for i := range all[:nt0] {
		all[i].Nullable = true
	}
	b, _ := s.binder(line)
	on, berr := b.BindExprOver2(all, x.On)
	if berr != nil {
		return stmtErr(berr), nil
	}
	var whens []*mergeWhen
	hasMatchedAction := false
	for _, mw := range x.Whens {
		bw := &mergeWhen{w: mw}
		if mw.Cond != nil {
			e, berr := b.BindExprOver2(all, mw.Cond)
			if berr != nil {
				return stmtErr(berr), nil
			}
			bw.cond = e
		}
		switch mw.Action {
		case ast.MergeUpdate:
			for _, sc := range mw.Set {
				if sc.Column == nil {
					return msgErr(40517, "MERGE SET @variable"), nil
				}
				col := def.ColumnIndex(sc.Column.Name.Name)
				if col < 0 {
					return msgErr(207, sc.Column.Name.Name), nil
				}
				if def.Columns[col].Identity != nil {
					return msgErr(8102, def.Columns[col].Name), nil
				}
				val := sc.Value
				if sc.Op != ast.AssignSet {
					// The left side is the target's column.
					left := &ast.ColumnRef{Span: sc.Column.Span, Name: sc.Column.Name}
					left.Table.Name.Name = talias
					val = &ast.BinaryExpr{Span: sc.Span, Op: assignOp(sc.Op), L: left, R: sc.Value}
				}
				var e sem.Expr
				if _, isDef := val.(*ast.DefaultExpr); !isDef {
					e, berr = b.BindExprOver2(all, val)
					if berr != nil {
						return stmtErr(berr), nil
					}
				}
				bw.setCols = append(bw.setCols, col)
				bw.setVals = append(bw.setVals, e)
			}
		case ast.MergeInsert:
			if len(mw.Columns) > 0 {
				for _, cn := range mw.Columns {
					col := def.ColumnIndex(cn.Name)
					if col < 0 {
						return msgErr(207, cn.Name), nil
					}
					bw.insCols = append(bw.insCols, col)
				}
			} else if !mw.DefaultValues {
				for i, col := range def.Columns {
					if col.Identity == nil && col.Computed == "" {
						bw.insCols = append(bw.insCols, i)
					}
				}
			}
			if !mw.DefaultValues && len(mw.Values) != len(bw.insCols) {
				if len(mw.Values) < len(bw.insCols) {
					return msgErr(109), nil
				}
				return msgErr(110), nil
			}
			// INSERT values see only the source (and constants).
			for _, v := range mw.Values {
				if _, isDef := v.(*ast.DefaultExpr); isDef {
					bw.insVals = append(bw.insVals, nil)
					continue
				}
				e, berr := b.BindExprOver2(all, v)
				if berr != nil {
					return stmtErr(berr), nil
				}
				bw.insVals = append(bw.insVals, e)
			}
		}
		if mw.Match == ast.MergeMatched {
			hasMatchedAction = true
		}
		whens = append(whens, bw)
	}
	out, serr := s.bindMergeOutput(x.Output, t, scols, line)
	if serr != nil {
		return serr, nil
	}
	// OUTPUT … INTO: the rows are collected during the merge and inserted
	// into the target table or table variable when it has finished.
	into, serr := s.bindMergeOutput(x.OutputInto, t, scols, line)
	if serr != nil {
		return serr, nil
	}
	if into != nil {
		into.collect = &intoOutput{clause: x.OutputInto, out: &into.output}
	}

	// Match.
	row := make([]types.Value, nt0+len(scols))
	matchedBy := make([]int, len(trows)) // source index, -1 none
	srcMatched := make([]bool, len(srows))
	for i := range matchedBy {
		matchedBy[i] = -1
	}
	// Equalities between target and source columns in ON pick the
	// candidate source rows by hash (plan.EquiKeys); without any, every
	// source row is a candidate (nested loops). ON decides either way.
	lkeys, rkeys := plan.EquiKeys(on, nt0, len(all))
	var bySrc map[string][]int
	var lh *exec.KeyHasher
	if len(lkeys) > 0 {
		bySrc = make(map[string][]int, len(srows))
		rh := exec.NewKeyHasher(rkeys)
		for si, sr := range srows {
			copy(row[nt0:], sr)
			k, ok, merr := rh.Key(c, row)
			if merr != nil {
				return stmtErr(merr), nil
			}
			if ok {
				bySrc[string(k)] = append(bySrc[string(k)], si)
			}
		}
		lh = exec.NewKeyHasher(lkeys)
	}
	var everySrc []int
	if lh == nil {
		everySrc = make([]int, len(srows))
		for i := range everySrc {
			everySrc[i] = i
		}
	}
	for ti, tr := range trows {
		copy(row, tr.old)
		cands := everySrc
		if lh != nil {
			k, ok, merr := lh.Key(c, row)
			if merr != nil {
				return stmtErr(merr), nil
			}
			if !ok {
				continue // a NULL key equals nothing
			}
			cands = bySrc[string(k)]
		}
		for _, si := range cands {
			sr := srows[si]
			copy(row[nt0:], sr)
			v, merr := c.Eval(on, row)
			if merr != nil {
				return stmtErr(merr), nil
			}
			if v.K == types.KindNull || v.I == 0 {
				continue
			}
			if matchedBy[ti] >= 0 && hasMatchedAction {
				return msgErr(8672), nil
			}
			matchedBy[ti] = si
			srcMatched[si] = true
		}
	}

	chk, serr := s.newChecker(t, "MERGE")
	if serr != nil {
		return serr, nil
	}
	tbl := c.TableFor(t.db, t.obj)
	trgIns, trgUpd, trgDel := s.triggers(t, "INSERT"), s.triggers(t, "UPDATE"), s.triggers(t, "DELETE")
	mcs := newCascadeState(line)
	var n int64
	nullsT := make([]types.Value, nt0)
	pick := func(match ast.MergeMatch, r []types.Value) (*mergeWhen, *msgs.Error) {
		for _, bw := range whens {
			if bw.w.Match != match {
				continue
			}
			if bw.cond != nil {
				v, merr := c.Eval(bw.cond, r)
				if merr != nil {
					return nil, merr
				}
				if v.K == types.KindNull || v.I == 0 {
					continue
				}
			}
			return bw, nil
		}
		return nil, nil
	}
	// Updates and deletes of target rows.
	for ti, tr := range trows {
		copy(row, tr.old)
		match := ast.MergeMatched
		if matchedBy[ti] >= 0 {
			copy(row[nt0:], srows[matchedBy[ti]])
		} else {
			match = ast.MergeNotMatchedBySource
			for i := nt0; i < len(row); i++ {
				row[i] = types.Null
			}
		}
		bw, merr := pick(match, row)
		if merr != nil {
			return stmtErr(merr), nil
		}
		if bw == nil {
			continue
		}
		cur, ok, err := tbl.GetForUpdate(tr.key)
		if err != nil {
			return asStmtErr(err)
		}
		if !ok {
			continue
		}
		switch bw.w.Action {
		case ast.MergeDelete:
			if e := s.referencedBy(c, t, cur, nil, "DELETE", mcs); e != nil {
				return stmtErr(e), nil
			}
			if err := tbl.Delete(tr.key, cur); err != nil {
				return asStmtErr(err)
			}
			trgDel.add(nil, cur)
			if err := out.emit(c, w, nil, cur, row[nt0:], "DELETE"); err != nil {
				return asStmtErr(err)
			}
			if err := into.emit(c, w, nil, cur, row[nt0:], "DELETE"); err != nil {
				return asStmtErr(err)
			}
		case ast.MergeUpdate:
			nrow := append([]types.Value(nil), cur...)
			for i, col := range bw.setCols {
				var v types.Value
				var vt types.Type
				if e := bw.setVals[i]; e != nil {
					ev, merr := c.Eval(e, row)
					if merr != nil {
						return stmtErr(merr), nil
					}
					v, vt = ev, e.Type()
				} else {
					dv, serr := s.columnDefault(c, def, col, line)
					if serr != nil {
						return serr, nil
					}
					v, vt = dv, def.Columns[col].Type
				}
				cv, cerr := exec.Convert(v, vt, untruncated(def.Columns[col].Type))
				if cerr != nil {
					return stmtErr(cerr), nil
				}
				nrow[col] = cv
			}
			if e := chk.check(c, nrow); e != nil {
				return stmtErr(e), nil
			}
			m, err := tbl.Update(s.srv.counters, tr.key, cur, nrow)
			if err != nil {
				return asStmtErr(err)
			}
			if m != nil {
				return stmtErr(m), nil
			}
			trgUpd.add(nrow, cur)
			if err := out.emit(c, w, nrow, cur, row[nt0:], "UPDATE"); err != nil {
				return asStmtErr(err)
			}
			if err := into.emit(c, w, nrow, cur, row[nt0:], "UPDATE"); err != nil {
				return asStmtErr(err)
			}
		default:
			continue
		}
		n++
	}
	// Inserts for unmatched source rows.
	var lastID types.Value
	for si, sr := range srows {
		if srcMatched[si] {
			continue
		}
		copy(row, nullsT)
		copy(row[nt0:], sr)
		bw, merr := pick(ast.MergeNotMatched, row)
		if merr != nil {
			return stmtErr(merr), nil
		}
		if bw == nil || bw.w.Action != ast.MergeInsert {
			continue
		}
		nrow := make([]types.Value, len(def.Columns))
		provided := make([]bool, len(def.Columns))
		for i, col := range bw.insCols {
			e := bw.insVals[i]
			if e == nil {
				continue
			}
			v, merr := c.Eval(e, row)
			if merr != nil {
				return stmtErr(merr), nil
			}
			cv, cerr := exec.Convert(v, e.Type(), untruncated(def.Columns[col].Type))
			if cerr != nil {
				return stmtErr(cerr), nil
			}
			nrow[col], provided[col] = cv, true
		}
		for ci, col := range def.Columns {
			if provided[ci] {
				continue
			}
			if col.Identity != nil {
				id, err := tbl.NextIdentity(s.srv.counters, ci)
				if err != nil {
					return asStmtErr(err)
				}
				v, cerr := exec.Convert(types.Value{K: types.KindInt, I: id}, sem.BigIntType, col.Type)
				if cerr != nil {
					return stmtErr(msgs.NewState(8115, 1, "IDENTITY", sem.TypeName(col.Type))), nil // state 1 for identity overflow
				}
				nrow[ci] = v
				lastID = types.Value{K: types.KindInt, I: id}
				continue
			}
			dv, serr := s.columnDefault(c, def, ci, line)
			if serr != nil {
				return serr, nil
			}
			nrow[ci] = dv
		}
		if e := chk.check(c, nrow); e != nil {
			return stmtErr(e), nil
		}
		m, err := tbl.Insert(s.srv.counters, nrow)
		if err != nil {
			return asStmtErr(err)
		}
		if m != nil {
			return stmtErr(m), nil
		}
		trgIns.add(nrow, nil)
		if err := out.emit(c, w, nrow, nil, sr, "INSERT"); err != nil {
			return asStmtErr(err)
		}
		if err := into.emit(c, w, nrow, nil, sr, "INSERT"); err != nil {
			return asStmtErr(err)
		}
		n++
	}
	if lastID.K != types.KindNull {
		s.identity = decimalOf(lastID)
		s.scopeIdent = s.identity
	}
	if trgUpd != nil {
		var cols []int
		for _, bw := range whens {
			cols = append(cols, bw.setCols...)
		}
		trgUpd.setUpdated(cols)
	}
	for _, tc := range []*trigCollector{trgIns, trgUpd, trgDel} {
		if tc == nil || (len(tc.ins) == 0 && len(tc.del) == 0) {
			continue
		}
		if serr, err := tc.fire(ctx, w, rc); serr != nil || err != nil {
			return serr, err
		}
	}
	if serr, err := mcs.fire(ctx, w, rc); serr != nil || err != nil {
		return serr, err
	}
	if into != nil {
		if serr, err := s.flushOutputInto(ctx, into.collect, rc); serr != nil || err != nil {
			return serr, err
		}
	}
	var o *output
	if out != nil {
		o = &out.output
	}
	return s.dmlDone(w, rc, o, result.CmdMerge, n)
}

func sourceAlias(te ast.TableExpr) string {
	switch t := te.(type) {
	case *ast.NamedTable:
		if t.Alias.Name != "" {
			return t.Alias.Name
		}
		return t.Name.Name.Name
	case *ast.DerivedTable:
		return t.Alias.Name
	case *ast.ValuesTable:
		return t.Alias.Name
	}
	return ""
}

// mergeOutput is MERGE's OUTPUT: inserted, deleted, source columns and
// $action.
type mergeOutput struct {
	output
	nt, ns int
	// collect, for OUTPUT … INTO, receives the rows instead of the client.
	collect *intoOutput
}

func (s *Session) bindMergeOutput(oc *ast.OutputClause, t *dmlTarget, scols []sem.Column, line int32) (*mergeOutput, *stmtError) {
	if oc == nil {
		return nil, nil
	}
	n := len(t.cols)
	mo := &mergeOutput{nt: n, ns: len(scols)}
	ins := make([]sem.Column, n)
	del := make([]sem.Column, n)
	copy(ins, t.cols)
	copy(del, t.cols)
	for i := range ins {
		ins[i].Table, ins[i].Nullable = "inserted", true
		del[i].Table, del[i].Nullable = "deleted", true
	}
	all := append(append(append([]sem.Column(nil), ins...), del...), scols...)
	actT := types.Type{ID: types.NVarChar, Length: 10, Collation: s.collation()}
	all = append(all, sem.Column{Name: "$action", Type: actT, Table: "\x00action"})
	for _, it := range oc.Items {
		if st, ok := it.Expr.(*ast.Star); ok {
			off := 0
			if strings.EqualFold(st.Table.Name.Name, "deleted") {
				off = n
			}
			for i, c := range t.cols {
				mo.exprs = append(mo.exprs, &sem.ColRef{T: c.Type, Idx: off + i})
				mo.cols = append(mo.cols, result.Column{Name: c.Name, Type: c.Type, Nullable: true})
			}
			continue
		}
		b, _ := s.binder(line)
		x, berr := b.BindExprOver2(all, it.Expr)
		if berr != nil {
			return nil, stmtErr(berr)
		}
		name := it.Alias.Name
		if name == "" {
			if cr, ok := it.Expr.(*ast.ColumnRef); ok {
				name = cr.Name.Name
			}
		}
		mo.exprs = append(mo.exprs, x)
		mo.cols = append(mo.cols, result.Column{Name: name, Type: x.Type(), Nullable: true})
	}
	return mo, nil
}

func (o *mergeOutput) emit(c *exec.Ctx, w result.Writer, inserted, deleted, source []types.Value, action string) error {
	if o == nil {
		return nil
	}
	if !o.sent && o.collect == nil {
		if err := w.Columns(o.cols); err != nil {
			return err
		}
		o.sent = true
	}
	row := make([]types.Value, 2*o.nt+o.ns+1)
	if inserted != nil {
		copy(row, inserted)
	}
	if deleted != nil {
		copy(row[o.nt:], deleted)
	}
	if source != nil {
		copy(row[2*o.nt:], source)
	}
	row[len(row)-1] = types.Value{K: types.KindString, S: action}
	vals := make([]types.Value, len(o.exprs))
	for i, e := range o.exprs {
		v, err := c.Eval(e, row)
		if err != nil {
			return &exec.MsgError{E: err}
		}
		vals[i] = v
	}
	if o.collect != nil {
		o.collect.rows = append(o.collect.rows, vals)
		return nil
	}
	return w.Row(vals)
}
