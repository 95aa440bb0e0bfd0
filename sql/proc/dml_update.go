package proc

import (
	"context"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/exec"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

// whereOver binds a WHERE clause over the target's columns.
func (s *Session) whereOver(t *dmlTarget, where ast.Expr, line int32) (sem.Expr, *stmtError) {
	if where == nil {
		return nil, nil
	}
	b, _ := s.binder(line)
	x, berr := b.BindExprOver(t.alias, t.cols, where)
	if berr != nil {
		return nil, stmtErr(berr)
	}
	return x, nil
}

func (s *Session) updateStmt(ctx context.Context, x *ast.UpdateStmt, w result.Writer, rc *runCtx) (*stmtError, error) {
	if len(x.From) > 0 || x.Top != nil {
		return msgErr(40517, "UPDATE FROM/TOP"), nil
	}
	t, serr := s.target(x.Target)
	if serr != nil {
		return serr, nil
	}
	def := t.obj.Table
	cond, serr := s.whereOver(t, x.Where, x.Span.Line)
	if serr != nil {
		return serr, nil
	}
	type set struct {
		col  int
		slot int // variable slot for @v = … (or -1)
		x    sem.Expr
	}
	var sets []set
	b, _ := s.binder(x.Span.Line)
	for _, sc := range x.Set {
		st := set{col: -1, slot: -1}
		if sc.Column != nil {
			st.col = def.ColumnIndex(sc.Column.Name.Name)
			if st.col < 0 {
				return msgErr(207, sc.Column.Name.Name), nil
			}
			if def.Columns[st.col].Identity != nil {
				return msgErr(8102, def.Columns[st.col].Name), nil
			}
		}
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
		if _, isDef := val.(*ast.DefaultExpr); isDef && st.col >= 0 {
			st.x = nil
		} else {
			bx, berr := b.BindExprOver(t.alias, t.cols, val)
			if berr != nil {
				return stmtErr(berr), nil
			}
			st.x = bx
		}
		sets = append(sets, st)
	}
	chk, serr := s.newChecker(t, "UPDATE")
	if serr != nil {
		return serr, nil
	}
	out, serr := s.bindOutput(x.Output, t, x.Span.Line)
	if serr != nil {
		return serr, nil
	}
	c := s.execCtx(ctx)
	tbl := c.TableFor(t.db, t.obj)
	rows, err := c.FindRows(tbl, cond)
	if err != nil {
		return asStmtErr(err)
	}
	keyCols := map[int]bool{}
	for _, ix := range def.Indexes {
		for _, ic := range ix.Columns {
			keyCols[ic.Column] = true
		}
	}
	for _, kr := range rows {
		nrow := append([]types.Value(nil), kr.Row...)
		for _, st := range sets {
			var v types.Value
			var vt types.Type
			if st.x != nil {
				ev, merr := c.Eval(st.x, kr.Row)
				if merr != nil {
					return stmtErr(merr), nil
				}
				v, vt = ev, st.x.Type()
			}
			if st.col >= 0 {
				if st.x == nil {
					v, vt = types.Null, def.Columns[st.col].Type
				}
				cv, cerr := exec.Convert(v, vt, untruncated(def.Columns[st.col].Type))
				if cerr != nil {
					return stmtErr(cerr), nil
				}
				nrow[st.col] = cv
				v, vt = cv, def.Columns[st.col].Type
			}
			if st.slot >= 0 {
				cv, cerr := exec.Convert(v, vt, s.frame.types[st.slot])
				if cerr != nil {
					return stmtErr(cerr), nil
				}
				s.frame.vals[st.slot] = cloneVal(cv)
			}
		}
		if e := chk.check(c, nrow); e != nil {
			return stmtErr(e), nil
		}
		for col := range keyCols {
			if exec.Compare(nrow[col], kr.Row[col], def.Columns[col].Type) != 0 || nrow[col].K != kr.Row[col].K {
				if e := s.referencedBy(c, t, kr.Row, "UPDATE"); e != nil {
					return stmtErr(e), nil
				}
				break
			}
		}
		m, err := tbl.Update(s.srv.counters, kr.Key, kr.Row, nrow)
		if err != nil {
			return asStmtErr(err)
		}
		if m != nil {
			return stmtErr(m), nil
		}
		if out != nil {
			if err := out.emit(c, w, nrow, kr.Row, len(def.Columns)); err != nil {
				return asStmtErr(err)
			}
		}
	}
	if out != nil && !out.sent {
		if err := w.Columns(out.cols); err != nil {
			return nil, err
		}
	}
	cmd := result.CmdUpdate
	if out != nil {
		cmd = result.CmdSelect
	}
	return nil, s.done(w, rc, cmd, int64(len(rows)))
}

func (s *Session) deleteStmt(ctx context.Context, x *ast.DeleteStmt, w result.Writer, rc *runCtx) (*stmtError, error) {
	if len(x.From) > 0 || x.Top != nil {
		return msgErr(40517, "DELETE FROM/TOP"), nil
	}
	t, serr := s.target(x.Target)
	if serr != nil {
		return serr, nil
	}
	cond, serr := s.whereOver(t, x.Where, x.Span.Line)
	if serr != nil {
		return serr, nil
	}
	out, serr := s.bindOutput(x.Output, t, x.Span.Line)
	if serr != nil {
		return serr, nil
	}
	c := s.execCtx(ctx)
	tbl := c.TableFor(t.db, t.obj)
	rows, err := c.FindRows(tbl, cond)
	if err != nil {
		return asStmtErr(err)
	}
	for _, kr := range rows {
		if e := s.referencedBy(c, t, kr.Row, "DELETE"); e != nil {
			return stmtErr(e), nil
		}
		if err := tbl.Delete(kr.Key, kr.Row); err != nil {
			return asStmtErr(err)
		}
		if out != nil {
			if err := out.emit(c, w, nil, kr.Row, len(t.cols)); err != nil {
				return asStmtErr(err)
			}
		}
	}
	if out != nil && !out.sent {
		if err := w.Columns(out.cols); err != nil {
			return nil, err
		}
	}
	cmd := result.CmdDelete
	if out != nil {
		cmd = result.CmdSelect
	}
	return nil, s.done(w, rc, cmd, int64(len(rows)))
}

var _ = msgs.New
