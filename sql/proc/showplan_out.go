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
	"github.com/tsqld/tsqld/sql/session"
	"github.com/tsqld/tsqld/sql/types"
)

// compileStmt binds and optimizes a statement as its execution would and
// returns its operators; nil rows for statements without a query plan.
// ran, when not nil, is the tree the statement's execution ran (STATISTICS
// PROFILE): it is shown in place of a fresh binding, so the rows carry the
// operators that were counted.
func (s *Session) compileStmt(ctx context.Context, st ast.Node, rc *runCtx, ran sem.Rel) ([]exec.PlanRow, *stmtError) {
	line := st.NodeSpan().Line
	c := s.execCtx(ctx)
	switch x := st.(type) {
	case *ast.SelectStmt:
		q := x.Query
		var key ast.Node = x
		if sel, ok := x.Query.Body.(*ast.Select); ok && (sel.Into != nil || (len(sel.Items) > 0 && sel.Items[0].Var != "")) {
			// SELECT INTO / SELECT @v = …: the plan of the query itself.
			cp := *sel
			cp.Into = nil
			cp.Items = make([]*ast.SelectItem, len(sel.Items))
			for i, it := range sel.Items {
				n := *it
				n.Var = ""
				cp.Items[i] = &n
			}
			qc := *x.Query
			qc.Body = &cp
			q, key = &qc, nil
		}
		if ran != nil {
			return c.Explain(ran), nil
		}
		bq, serr := s.bindQuery(q, key, line, rc)
		if serr != nil {
			return nil, serr
		}
		return c.Explain(bq.rel), nil
	case *ast.InsertStmt:
		t, serr := s.target(x.Target)
		if serr != nil {
			return nil, serr
		}
		def := t.obj.Table
		var targets []int
		for _, col := range x.Columns {
			i := def.ColumnIndex(col.Name)
			if i < 0 {
				return nil, msgErr(207, col.Name)
			}
			targets = append(targets, i)
		}
		if len(x.Columns) == 0 {
			for i, col := range def.Columns {
				if (col.Identity != nil && !s.identityInsertOn(t.obj)) || col.Computed != "" {
					continue
				}
				targets = append(targets, i)
			}
		}
		var in sem.Rel
		switch {
		case x.Query != nil && ran != nil:
			in = ran
		case x.Query != nil:
			bq, serr := s.bindQuery(x.Query, nil, line, rc)
			if serr != nil {
				return nil, serr
			}
			in = bq.rel
		case len(x.Values) > 0:
			b, _ := s.binder(line)
			vals := &sem.Values{}
			for _, row := range x.Values {
				var exprs []sem.Expr
				for _, e := range row {
					if _, isDef := e.(*ast.DefaultExpr); isDef {
						exprs = append(exprs, &sem.Const{T: sem.IntType, V: types.Null})
						continue
					}
					be, berr := b.BindExpr(e)
					if berr != nil {
						return nil, stmtErr(berr)
					}
					exprs = append(exprs, be)
				}
				vals.Rows = append(vals.Rows, exprs)
			}
			for _, i := range targets {
				vals.Out = append(vals.Out, sem.Column{Name: def.Columns[i].Name, Type: def.Columns[i].Type})
			}
			in = vals
		}
		var setCols []string
		var setExprs []sem.Expr
		if in != nil {
			cols := in.Cols()
			for k, i := range targets {
				if k >= len(cols) {
					break
				}
				setCols = append(setCols, def.Columns[i].Name)
				setExprs = append(setExprs, &sem.ColRef{T: cols[k].Type, Idx: k, Name: cols[k].Name})
			}
		}
		return c.ExplainDML("Insert", t.db, t.obj, setCols, setExprs, in), nil
	case *ast.UpdateStmt:
		if x.CurrentOf != nil {
			return nil, nil // the cursor's current row, not a search
		}
		var exprs []ast.Expr
		for _, sc := range x.Set {
			exprs = append(exprs, sc.Value)
		}
		src, serr := s.planDMLSource(x.Target, x.From, x.Where, exprs, line)
		if serr != nil {
			return nil, serr
		}
		rel := plan.Optimize(src.Rel)
		if ran != nil {
			rel = ran
		}
		var setCols []string
		var setExprs []sem.Expr
		for i, sc := range x.Set {
			if sc.Column == nil || i >= len(src.Exprs) || src.Exprs[i] == nil {
				continue
			}
			setCols = append(setCols, sc.Column.Name.Name)
			setExprs = append(setExprs, src.Exprs[i])
		}
		return c.ExplainDML("Update", src.DB, src.Target, setCols, setExprs, rel), nil
	case *ast.DeleteStmt:
		if x.CurrentOf != nil {
			return nil, nil
		}
		src, serr := s.planDMLSource(x.Target, x.From, x.Where, nil, line)
		if serr != nil {
			return nil, serr
		}
		rel := plan.Optimize(src.Rel)
		if ran != nil {
			rel = ran
		}
		return c.ExplainDML("Delete", src.DB, src.Target, nil, nil, rel), nil
	}
	return nil, nil
}

func (s *Session) planDMLSource(target ast.TableExpr, from []ast.TableExpr, where ast.Expr, exprs []ast.Expr, line int32) (*sem.DMLSource, *stmtError) {
	if len(from) == 0 {
		if nt, ok := target.(*ast.NamedTable); ok {
			if t2, w2, ok := s.viewTarget(nt, where); ok {
				target, where = t2, w2
			}
		}
	}
	b, _ := s.binder(line)
	src, berr := b.BindDMLSource(target, from, where, exprs)
	if berr != nil {
		return nil, stmtErr(berr)
	}
	if src.Target.Kind != catalog.KindTable {
		return nil, msgErr(4405, src.Target.Name)
	}
	return src, nil
}

func (s *Session) planObjectName(db int32, o *catalog.Object) string {
	if o.TableVar {
		return "[" + o.Name + "]"
	}
	return "[" + nameOf(s.cat().DatabaseByID(db)) + "].[" + o.Schema + "].[" + o.Name + "]"
}

// stmtText is the statement's source text.
func stmtText(st ast.Node, rc *runCtx) string {
	sp := st.NodeSpan()
	if rc != nil && sp.Pos >= 0 && sp.End > sp.Pos && int(sp.End) <= len(rc.src) {
		return rc.src[sp.Pos:sp.End]
	}
	return ""
}

// stmtType is the Type column of SHOWPLAN_ALL's statement row.
func stmtType(st ast.Node, text string) string {
	switch st.(type) {
	case *ast.SelectStmt:
		return "SELECT"
	case *ast.InsertStmt:
		return "INSERT"
	case *ast.UpdateStmt:
		return "UPDATE"
	case *ast.DeleteStmt:
		return "DELETE"
	case *ast.SetVarStmt:
		return "ASSIGN"
	}
	f := strings.Fields(text)
	if len(f) == 0 {
		return ""
	}
	return strings.ToUpper(f[0])
}

var (
	nvarcharMax  = types.Type{ID: types.NVarChar, Length: types.MaxLength}
	showTextCols = []result.Column{{Name: "StmtText", Type: nvarcharMax, Nullable: true}}
	realType     = types.Type{ID: types.Real}
	showAllCols  = []result.Column{
		{Name: "StmtText", Type: nvarcharMax, Nullable: true},
		{Name: "StmtId", Type: sem.IntType, Nullable: true},
		{Name: "NodeId", Type: sem.IntType, Nullable: true},
		{Name: "Parent", Type: sem.IntType, Nullable: true},
		{Name: "PhysicalOp", Type: nvarcharMax, Nullable: true},
		{Name: "LogicalOp", Type: nvarcharMax, Nullable: true},
		{Name: "Argument", Type: nvarcharMax, Nullable: true},
		{Name: "DefinedValues", Type: nvarcharMax, Nullable: true},
		{Name: "EstimateRows", Type: realType, Nullable: true},
		{Name: "EstimateIO", Type: realType, Nullable: true},
		{Name: "EstimateCPU", Type: realType, Nullable: true},
		{Name: "AvgRowSize", Type: sem.IntType, Nullable: true},
		{Name: "TotalSubtreeCost", Type: realType, Nullable: true},
		{Name: "OutputList", Type: nvarcharMax, Nullable: true},
		{Name: "Warnings", Type: nvarcharMax, Nullable: true},
		{Name: "Type", Type: nvarcharMax, Nullable: true},
		{Name: "Parallel", Type: types.Type{ID: types.Bit}, Nullable: true},
		{Name: "EstimateExecutions", Type: realType, Nullable: true},
	}
)

func nstr(s string) types.Value {
	if s == "" {
		return types.Null
	}
	return types.Value{K: types.KindString, S: s}
}

func nint(i int) types.Value { return types.Value{K: types.KindInt, I: int64(i)} }

// showPlan sends one statement's showplan: under SHOWPLAN_TEXT a result
// set with its text, then (statements with a plan) one with the operator
// lines; under SHOWPLAN_ALL one result set, the statement row then one
// PLAN_ROW per operator. We have no cost model: the estimate columns are
// NULL.
func (s *Session) showPlan(st ast.Node, rows []exec.PlanRow, w result.Writer, rc *runCtx) error {
	s.diag.stmtID++
	text := stmtText(st, rc)
	done := func(n int) error {
		return w.Done(result.Done{Cmd: result.CmdSelect, Count: int64(n), HasCount: !s.opts.Has(session.NoCount), InProc: rc.inProc})
	}
	if s.diag.showplan == showplanText {
		if err := w.Columns(showTextCols); err != nil {
			return err
		}
		if err := w.Row([]types.Value{nstr(text)}); err != nil {
			return err
		}
		if err := done(1); err != nil {
			return err
		}
		if rows == nil {
			return nil
		}
		if err := w.Columns(showTextCols); err != nil {
			return err
		}
		for _, r := range rows {
			if err := w.Row([]types.Value{nstr(r.Text)}); err != nil {
				return err
			}
		}
		return done(len(rows))
	}
	if err := w.Columns(showAllCols); err != nil {
		return err
	}
	null := types.Null
	stmt := []types.Value{nstr(text), nint(s.diag.stmtID), nint(1), nint(0), null, null, null, null,
		null, null, null, null, null, null, null, nstr(stmtType(st, text)), null, null}
	if err := w.Row(stmt); err != nil {
		return err
	}
	for _, r := range rows {
		parent := r.Parent + 1 // the statement row is node 1
		row := []types.Value{nstr(r.Text), nint(s.diag.stmtID), nint(r.NodeID + 1), nint(parent),
			nstr(r.Physical), nstr(r.Logical), nstr(r.Argument), nstr(r.Defined),
			null, null, null, null, null, nstr(r.OutputList), null, nstr("PLAN_ROW"),
			{K: types.KindBool, I: 0}, null}
		if err := w.Row(row); err != nil {
			return err
		}
	}
	return done(len(rows) + 1)
}
