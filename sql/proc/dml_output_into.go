package proc

import (
	"context"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/exec"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/types"
)

// rowFeed hands rows produced elsewhere (OUTPUT INTO) to insertStmt, which
// inserts them like the rows of INSERT … SELECT.
type rowFeed struct {
	rows  [][]types.Value
	types []types.Type
}

// intoOutput is a bound OUTPUT … INTO: its rows are collected while the
// DML runs and inserted into the target when it has finished.
type intoOutput struct {
	clause *ast.OutputClause
	out    *output
	rows   [][]types.Value
}

// bindOutputInto binds the OUTPUT … INTO clause of a DML statement (nil
// when there is none).
func (s *Session) bindOutputInto(oc *ast.OutputClause, t *dmlTarget, line int32) (*intoOutput, *stmtError) {
	if oc == nil {
		return nil, nil
	}
	plain := *oc
	plain.Into, plain.IntoColumns = nil, nil
	out, serr := s.bindOutput(&plain, t, line)
	if serr != nil {
		return nil, serr
	}
	return &intoOutput{clause: oc, out: out}, nil
}

// collect evaluates the OUTPUT items over one affected row.
func (o *intoOutput) collect(c *exec.Ctx, inserted, deleted []types.Value, n int) *msgs.Error {
	if o == nil {
		return nil
	}
	row := make([]types.Value, 2*n)
	copy(row, inserted)
	if deleted != nil {
		copy(row[n:], deleted)
	}
	vals := make([]types.Value, len(o.out.exprs))
	for i, e := range o.out.exprs {
		v, err := c.Eval(e, row)
		if err != nil {
			return err
		}
		vals[i] = cloneVal(v)
	}
	o.rows = append(o.rows, vals)
	return nil
}

// flush inserts the collected rows into the INTO target (a table or table
// variable); its row count is not reported (SQL Server reports the DML's).
func (s *Session) flushOutputInto(ctx context.Context, o *intoOutput, rc *runCtx) (*stmtError, error) {
	if o == nil {
		return nil, nil
	}
	tt := make([]types.Type, len(o.out.exprs))
	for i, e := range o.out.exprs {
		tt[i] = e.Type()
	}
	ins := &ast.InsertStmt{Span: o.clause.Span, Target: o.clause.Into, Columns: o.clause.IntoColumns}
	saved := s.feed
	s.feed = &rowFeed{rows: o.rows, types: tt}
	defer func() { s.feed = saved }()
	savedCount := s.rowCount
	serr, err := s.insertStmt(ctx, ins, discardDone{}, rc)
	s.rowCount = savedCount
	return serr, err
}

// discardDone drops everything but messages (the INTO insert's DONE and
// count are not the statement's).
type discardDone struct{ result.Writer }

func (discardDone) Columns([]result.Column) error        { return nil }
func (discardDone) Row([]types.Value) error              { return nil }
func (discardDone) Done(result.Done) error               { return nil }
func (discardDone) Message(*msgs.Error) error            { return nil }
func (discardDone) EnvChange(result.EnvChange) error     { return nil }
func (discardDone) ReturnStatus(int32) error             { return nil }
func (discardDone) ReturnValue(result.ReturnValue) error { return nil }

// execCollector runs the EXEC of INSERT … EXEC, keeping its result rows
// instead of sending them; messages still reach the client.
type execCollector struct {
	result.Writer
	cur   []types.Type
	rows  [][]types.Value
	types []types.Type
	bad   bool // a result set's shape differs from the first one's
}

func (e *execCollector) Columns(cols []result.Column) error {
	e.cur = e.cur[:0]
	for _, c := range cols {
		e.cur = append(e.cur, c.Type)
	}
	if e.types == nil {
		e.types = append([]types.Type(nil), e.cur...)
	} else if len(e.types) != len(e.cur) {
		e.bad = true
	}
	return nil
}

func (e *execCollector) Row(row []types.Value) error {
	vals := make([]types.Value, len(row))
	for i, v := range row {
		vals[i] = cloneVal(v)
	}
	e.rows = append(e.rows, vals)
	return nil
}

func (e *execCollector) Done(result.Done) error               { return nil }
func (e *execCollector) ReturnStatus(int32) error             { return nil }
func (e *execCollector) ReturnValue(result.ReturnValue) error { return nil }

// collectExec runs the EXEC source of INSERT … EXEC.
func (s *Session) collectExec(ctx context.Context, ex *ast.ExecStmt, w result.Writer, rc *runCtx) (*rowFeed, *stmtError, error) {
	col := &execCollector{Writer: w}
	serr, err := s.execProcStmt(ctx, ex, col, rc)
	if serr != nil || err != nil {
		return nil, serr, err
	}
	if col.bad {
		return nil, msgErr(213), nil
	}
	return &rowFeed{rows: col.rows, types: col.types}, nil, nil
}
