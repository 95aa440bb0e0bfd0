package proc

import (
	"context"
	"errors"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/exec"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

// execCtx builds the executor context for one statement.
func (s *Session) execCtx(ctx context.Context) *exec.Ctx {
	c := &exec.Ctx{Go: ctx, Cat: s.cat(), Opts: &s.opts, Sess: s, Vars: s.frame.vals, Counters: s.srv.counters}
	if s.tx != nil {
		c.Main, c.Temp = s.tx.main, s.tx.temp
		if c.Temp == nil {
			if s.tempFn == nil {
				s.tempFn = s.tempTxn // made once per session
			}
			c.TempTxn = s.tempFn // begun on first use (txn_temp.go)
		}
	}
	c.TableVarTxn = s.tv.txnFunc(s)
	if s.warnFn == nil {
		s.warnFn = s.arithWarning // a method value allocates: made once per session
	}
	c.Warn = s.warnFn // arith_warn.go
	s.statsWrap(c)    // SET STATISTICS IO counts reads (statistics.go)
	return c
}

// exprStmt is a pseudo statement evaluating a scalar (IF/WHILE
// conditions, RETURN values) so they get the same transaction and error
// handling as statements.
type exprStmt struct {
	ast.Span
	x   ast.Expr
	out types.Value
}

// scalar evaluates e as a statement would.
func (s *Session) scalar(ctx context.Context, e ast.Expr, line int32, w result.Writer, rc *runCtx) (types.Value, *signal, error) {
	es := &exprStmt{Span: ast.Span{Line: line}, x: e}
	sig, err := s.atomic(ctx, es, w, rc)
	return es.out, sig, err
}

// cond evaluates a condition (NULL is false).
func (s *Session) cond(ctx context.Context, e ast.Expr, line int32, w result.Writer, rc *runCtx) (bool, *signal, error) {
	v, sig, err := s.scalar(ctx, e, line, w, rc)
	if sig != nil || err != nil {
		return false, sig, err
	}
	return v.K != types.KindNull && v.I != 0, nil, nil
}

// evalScalar binds and evaluates a scalar expression in the current
// transaction.
func (s *Session) evalScalar(ctx context.Context, e ast.Expr, line int32) (types.Value, sem.Expr, *stmtError, error) {
	b, _ := s.binder(line)
	x, berr := b.BindExpr(e)
	if berr != nil {
		return types.Null, nil, stmtErr(berr), nil
	}
	v, merr := s.execCtx(ctx).Eval(x, nil)
	if merr != nil {
		return v, x, stmtErr(merr), nil
	}
	return v, x, nil, nil
}

// asStmtErr converts executor errors carrying a SQL message.
func asStmtErr(err error) (*stmtError, error) {
	var me *exec.MsgError
	if errors.As(err, &me) {
		return stmtErr(me.E), nil
	}
	if m := storageError(err); m != nil {
		return stmtErr(m), nil
	}
	return nil, err
}

// msgErr raises message n with the state SQL Server usually sends for it
// (2714 → 6, 2812 → 62, 3701 → 5 …; 1 when the catalogue has none).
func msgErr(n int32, args ...any) *stmtError { return stmtErr(msgs.NewTypical(n, args...)) }
