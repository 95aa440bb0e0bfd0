package proc

import (
	"context"
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/exec"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/parser"
	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

// output is a bound OUTPUT clause over the inserted/deleted rows.
type output struct {
	exprs []sem.Expr
	cols  []result.Column
	sent  bool
}

// bindOutput binds OUTPUT items over a row laid out as inserted columns
// then deleted columns.
func (s *Session) bindOutput(oc *ast.OutputClause, t *dmlTarget, line int32) (*output, *stmtError) {
	if oc == nil {
		return nil, nil
	}
	if oc.Into != nil {
		return nil, msgErr(40517, "OUTPUT INTO")
	}
	n := len(t.cols)
	out := &output{}
	ins := make([]sem.Column, n)
	del := make([]sem.Column, n)
	copy(ins, t.cols)
	copy(del, t.cols)
	for i := range ins {
		ins[i].Table = "inserted"
		del[i].Table = "deleted"
	}
	all := append(append([]sem.Column(nil), ins...), del...)
	for _, it := range oc.Items {
		if st, ok := it.Expr.(*ast.Star); ok {
			off := 0
			if strings.EqualFold(st.Table.Name.Name, "deleted") {
				off = n
			}
			for i, c := range t.cols {
				out.exprs = append(out.exprs, &sem.ColRef{T: c.Type, Idx: off + i})
				out.cols = append(out.cols, result.Column{Name: c.Name, Type: c.Type, Nullable: c.Nullable, Identity: c.Identity})
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
		out.exprs = append(out.exprs, x)
		out.cols = append(out.cols, result.Column{Name: name, Type: x.Type(), Nullable: true})
	}
	return out, nil
}

func (o *output) emit(c *exec.Ctx, w result.Writer, inserted, deleted []types.Value, n int) error {
	if o == nil {
		return nil
	}
	if !o.sent {
		if err := w.Columns(o.cols); err != nil {
			return err
		}
		o.sent = true
	}
	row := make([]types.Value, 2*n)
	if inserted != nil {
		copy(row, inserted)
	}
	if deleted != nil {
		copy(row[n:], deleted)
	}
	vals := make([]types.Value, len(o.exprs))
	for i, e := range o.exprs {
		v, err := c.Eval(e, row)
		if err != nil {
			return &exec.MsgError{E: err}
		}
		vals[i] = v
	}
	return w.Row(vals)
}

func (s *Session) insertStmt(ctx context.Context, x *ast.InsertStmt, w result.Writer, rc *runCtx) (*stmtError, error) {
	t, serr := s.target(x.Target)
	if serr != nil {
		return serr, nil
	}
	def := t.obj.Table
	// Target column positions.
	var targets []int
	if len(x.Columns) > 0 {
		for _, c := range x.Columns {
			i := def.ColumnIndex(c.Name)
			if i < 0 {
				return msgErr(207, c.Name), nil
			}
			if def.Columns[i].Computed != "" {
				return msgErr(271, def.Columns[i].Name), nil
			}
			targets = append(targets, i)
		}
	} else {
		for i, c := range def.Columns {
			if c.Identity != nil && !s.identityInsertOn(t.obj) {
				continue
			}
			if c.Computed != "" {
				continue
			}
			targets = append(targets, i)
		}
	}
	if x.DefaultValues {
		// DEFAULT VALUES supplies no column: every one takes its default,
		// its identity value or NULL.
		targets = nil
	}
	idCol := def.IdentityColumn()
	if idCol >= 0 && len(x.Columns) == 0 && len(x.Values) > 0 && len(x.Values[0]) == len(targets)+1 && !s.identityInsertOn(t.obj) {
		// VALUES for every column, the identity one included, without a
		// column list (SQL Server's Msg 8101, not 213).
		return msgErr(8101, t.obj.Name), nil
	}
	explicitID := false
	for _, i := range targets {
		if i == idCol {
			if !s.identityInsertOn(t.obj) {
				return msgErr(544, t.obj.Name), nil
			}
			explicitID = true
		}
	}
	if idCol >= 0 && s.identityInsertOn(t.obj) && !explicitID {
		return msgErr(545, t.obj.Name), nil
	}
	chk, serr := s.newChecker(t, "INSERT")
	if serr != nil {
		return serr, nil
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
	var n int64
	var lastID types.Value
	trg := s.triggers(t, "INSERT")
	defaults := make([]sem.Expr, len(def.Columns))
	insertRow := func(src []types.Value, srcTypes []types.Type) *msgs.Error {
		row := make([]types.Value, len(def.Columns))
		provided := make([]bool, len(def.Columns))
		for j, ci := range targets {
			if src[j].K == types.KindNull && srcTypes[j].ID == types.Unknown {
				provided[ci] = false
				continue
			}
			if def.Columns[ci].Type.ID == types.Timestamp {
				// rowversion values come from the engine (rowversion.go).
				return msgs.New(273)
			}
			v, err := s.assignConvert(src[j], srcTypes[j], untruncated(def.Columns[ci].Type))
			if err != nil {
				return err
			}
			row[ci] = v
			provided[ci] = true
		}
		for ci, col := range def.Columns {
			if provided[ci] {
				continue
			}
			switch {
			case col.Identity != nil:
				id, err := tbl.NextIdentity(s.srv.counters, ci)
				if err != nil {
					return msgs.New(8180)
				}
				v, cerr := exec.Convert(types.Value{K: types.KindInt, I: id}, sem.BigIntType, col.Type)
				if cerr != nil {
					return msgs.New(8115, "IDENTITY", sem.TypeName(col.Type))
				}
				row[ci] = v
				lastID = types.Value{K: types.KindInt, I: id}
			case col.Default != "":
				if defaults[ci] == nil {
					e, perr := parser.ParseExpr(col.Default, parser.Options{})
					if perr != nil {
						return parser.Messages(perr)[0]
					}
					b, _ := s.binder(x.Span.Line)
					bx, berr := b.BindExpr(e)
					if berr != nil {
						return berr
					}
					defaults[ci] = bx
				}
				v, err := c.Eval(defaults[ci], nil)
				if err != nil {
					return err
				}
				v, err = exec.Convert(v, defaults[ci].Type(), col.Type)
				if err != nil {
					return err
				}
				row[ci] = v
			}
		}
		if explicitID && row[idCol].K != types.KindNull {
			tbl.SetIdentityAtLeast(s.srv.counters, row[idCol].I)
			lastID = types.Value{K: types.KindInt, I: row[idCol].I}
		}
		if trg.insteadOf() {
			trg.add(row, nil)
			n++
			return nil
		}
		if e := chk.check(c, row); e != nil {
			return e
		}
		m, err := tbl.Insert(s.srv.counters, row)
		if err != nil {
			if se := storageError(err); se != nil {
				return se
			}
			return msgs.New(8180)
		}
		if m != nil {
			return m
		}
		n++
		trg.add(row, nil)
		if out != nil {
			if err := out.emit(c, w, row, nil, len(def.Columns)); err != nil {
				return msgs.New(8180)
			}
		}
		if into != nil {
			return into.collect(c, row, nil, len(def.Columns))
		}
		return nil
	}
	switch {
	case x.DefaultValues:
		if err := insertRow(nil, nil); err != nil {
			return stmtErr(err), nil
		}
	case x.Values != nil:
		bv, berr := s.bindValues(x, len(targets), rc)
		if berr != nil {
			return stmtErr(berr), nil
		}
		src := make([]types.Value, len(targets))
		srcTypes := make([]types.Type, len(targets))
		for _, brow := range bv.rows {
			for j, bx := range brow {
				if bx == nil { // DEFAULT
					src[j], srcTypes[j] = types.Null, types.Type{}
					continue
				}
				v, err := c.Eval(bx, nil)
				if err != nil {
					return stmtErr(err), nil
				}
				src[j], srcTypes[j] = v, bx.Type()
				if srcTypes[j].ID == types.Unknown {
					srcTypes[j] = sem.IntType
				}
			}
			if err := insertRow(src, srcTypes); err != nil {
				return stmtErr(err), nil
			}
		}
	case x.Query != nil:
		bq, serr := s.bindQuery(withCTEs(x.Query, x.With, x.Options), nil, x.Span.Line, rc)
		if serr != nil {
			return serr, nil
		}
		if len(bq.cols) != len(targets) {
			if len(x.Columns) == 0 {
				return msgErr(213), nil
			}
			if len(bq.cols) < len(targets) {
				return msgErr(120), nil
			}
			return msgErr(121), nil
		}
		srcTypes := make([]types.Type, len(bq.cols))
		for i, col := range bq.cols {
			srcTypes[i] = col.Type
		}
		rows, err := collectRows(c, bq.rel)
		if err != nil {
			return asStmtErr(err)
		}
		for _, r := range rows {
			if e := insertRow(r, srcTypes); e != nil {
				return stmtErr(e), nil
			}
		}
	default:
		feed := s.feed // OUTPUT INTO's rows
		s.feed = nil
		if x.Exec != nil {
			var serr *stmtError
			var err error
			if feed, serr, err = s.collectExec(ctx, x.Exec, w, rc); serr != nil || err != nil {
				return serr, err
			}
		}
		if feed == nil {
			return msgErr(40517, "INSERT EXEC"), nil
		}
		if len(feed.rows) > 0 && len(feed.types) != len(targets) {
			return msgErr(213), nil
		}
		for _, r := range feed.rows {
			if e := insertRow(r, feed.types); e != nil {
				return stmtErr(e), nil
			}
		}
	}
	if lastID.K != types.KindNull {
		s.identity = decimalOf(lastID)
		s.scopeIdent = s.identity
	}
	if serr, err := trg.fire(ctx, w, rc); serr != nil || err != nil {
		return serr, err
	}
	if serr, err := s.flushOutputInto(ctx, into, rc); serr != nil || err != nil {
		return serr, err
	}
	if out != nil && !out.sent {
		if err := w.Columns(out.cols); err != nil {
			return nil, err
		}
	}
	cmd := result.CmdInsert
	if out != nil {
		cmd = result.CmdSelect
	}
	return nil, s.done(w, rc, cmd, n)
}

func collectRows(c *exec.Ctx, rel sem.Rel) ([][]types.Value, error) {
	var rows [][]types.Value
	err := c.Run(rel, func(row []types.Value) error {
		r := make([]types.Value, len(row))
		for i := range row {
			r[i] = cloneVal(row[i])
		}
		rows = append(rows, r)
		return nil
	})
	return rows, err
}

// untruncated widens a variable-length string/binary target so conversion
// keeps the whole value and the row check raises 2628 instead of
// truncating silently.
func untruncated(t types.Type) types.Type {
	switch t.ID {
	case types.VarChar, types.NVarChar, types.VarBinary:
		t.Length = types.MaxLength
	}
	return t
}
