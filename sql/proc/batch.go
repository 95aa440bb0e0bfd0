package proc

import (
	"context"
	"errors"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/exec"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/parser"
	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/session"
	"github.com/tsqld/tsqld/sql/types"
)

// sigKind is how control leaves a statement list.
type sigKind uint8

const (
	sigBreak sigKind = iota + 1
	sigContinue
	sigReturn
	// sigAbort: the batch (scope) was aborted; the error was reported.
	sigAbort
	// sigCatch: an error inside TRY, not yet reported, goes to CATCH.
	sigCatch
	// sigGoto: GOTO label; the enclosing statement lists look for it.
	sigGoto
)

type signal struct {
	kind   sigKind
	err    *msgs.Error
	status int32 // RETURN value
	label  string
}

// runCtx is the state of one scope (batch, procedure, dynamic SQL).
type runCtx struct {
	src      string
	inProc   bool
	tryDepth int
	entry    *planEntry
	procName string
}

// errKind says how far an error reaches.
type errKind uint8

const (
	errStmt  errKind = iota // statement rolled back, batch continues
	errBatch                // batch aborted, transaction kept
	errTxn                  // batch aborted, transaction rolled back
)

// stmtError is a statement's failure.
type stmtError struct {
	e    *msgs.Error
	kind errKind
	// pre are messages SQL Server sends before e for the same failure
	// (1785 before 1750 "Could not create constraint or index").
	pre []*msgs.Error
	// line0 keeps Line 0: errors about a call's arguments belong to the
	// callee (Msg 201/8144/8145: "Procedure p, Line 0").
	line0 bool
}

func stmtErr(e *msgs.Error) *stmtError { return &stmtError{e: e, kind: classify(e)} }

// classify applies SQL Server's abort rules for the common errors:
// conversion failures abort the batch; name resolution failures found at
// execution abort the batch; most others end only the statement.
func classify(e *msgs.Error) errKind {
	switch e.Number {
	case 245, 8114, 8115 + 100000, 206, 257, 529, 241, 242, 295, 296, 207, 208, 209, 4104, 137, 1087, 213, 8120, 147, 144, 145, 116, 205, 130, 102, 156, 2715, 195, 174, 4108, 8155, 8158, 263, 402, 8117, 217:
		return errBatch
	case 1205:
		return errTxn
	}
	if e.Severity >= 20 {
		return errTxn
	}
	return errStmt
}

// ExecBatch runs a SQL batch.
func (s *Session) ExecBatch(ctx context.Context, text string, w result.Writer) error {
	s.ctx = ctx
	defer s.beginRequest()()
	compiled := s.statsCompileStart() // statistics.go
	defer compiled(nil)
	e, err := s.parse(text, "")
	if err != nil {
		return s.reportParse(err, w)
	}
	// SET SHOWPLAN_* alone in its batch; PARSEONLY statements only parsed
	// (showplan.go).
	if serr := showplanBatchError(e.Stmts); serr != nil {
		_, err := s.fail(serr, serr.e.Line, w, &runCtx{}, result.CmdNone)
		return err
	}
	stmts := e.Stmts
	if skip := s.parseOnlySkip(stmts); skip != nil {
		stmts = nil
		for _, st := range e.Stmts {
			if !skip[st] {
				stmts = append(stmts, st)
			}
		}
		if m := s.precheck(stmts); m != nil {
			_, err := s.fail(&stmtError{e: m, kind: errBatch}, m.Line, w, &runCtx{}, result.CmdNone)
			return err
		}
	} else if v := s.cat().Version(); !e.Checked(v) {
		if m := s.precheck(e.Stmts); m != nil {
			// A compile error ends the batch before anything runs.
			_, err := s.fail(&stmtError{e: m, kind: errBatch}, m.Line, w, &runCtx{}, result.CmdNone)
			return err
		}
		e.SetChecked(v)
	}
	if err := compiled(w); err != nil {
		return err
	}
	s.diag.stmtID = 0
	s.frame = newFrame(nil)
	defer s.releaseFrame(s.frame)
	// Each batch is a scope of its own: SCOPE_IDENTITY() starts NULL
	// (@@IDENTITY lasts for the session).
	s.scopeIdent = types.Null
	rc := &runCtx{entry: e, src: text}
	sig, gerr := s.run(ctx, stmts, w, rc)
	if gerr != nil {
		return s.goError(gerr, w)
	}
	_ = sig
	return s.endBatch(w)
}

// endBatch enforces the end-of-batch transaction rules.
func (s *Session) endBatch(w result.Writer) error {
	if s.tx != nil && s.tx.doomed {
		s.rollbackAll()
		// 3998: the uncommittable transaction is rolled back at batch end.
		m := msgs.New(3998)
		m.Line, m.Server = 1, s.srv.cfg.ServerName
		s.localize(m)
		if err := w.Message(m); err != nil {
			return err
		}
		return w.EnvChange(result.EnvChange{Type: result.EnvRollbackTran})
	}
	return nil
}

func (s *Session) reportParse(err error, w result.Writer) error {
	for _, m := range parser.Messages(err) {
		m.Server = s.srv.cfg.ServerName
		if werr := w.Message(m); werr != nil {
			return werr
		}
	}
	return w.Done(result.Done{Error: true})
}

// goError reports a non-SQL failure (cancellation, writer) of a request.
func (s *Session) goError(err error, w result.Writer) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		// Attention: roll back an autocommit statement; an explicit
		// transaction stays open as in SQL Server.
		if s.tx != nil && !s.tx.explicit {
			s.rollbackAll()
		}
	}
	return err
}

// run executes a statement list.
func (s *Session) run(ctx context.Context, stmts []ast.Stmt, w result.Writer, rc *runCtx) (*signal, error) {
	for i := 0; i < len(stmts); i++ {
		sig, err := s.stmt(ctx, stmts[i], w, rc)
		if err != nil || sig != nil {
			if err == nil && sig.kind == sigGoto {
				if j := findLabel(stmts, sig.label); j >= 0 {
					i = j // resume after the label
					continue
				}
			}
			return sig, err
		}
	}
	return nil, nil
}

// stmt executes one statement, control flow included.
func (s *Session) stmt(ctx context.Context, st ast.Stmt, w result.Writer, rc *runCtx) (*signal, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if s.diag.compileOnly() { // SET NOEXEC / SHOWPLAN_* (showplan.go)
		return s.compileOnlyStmt(ctx, st, w, rc)
	}
	switch x := st.(type) {
	case *ast.BlockStmt:
		return s.run(ctx, x.Stmts, w, rc)
	case *ast.IfStmt:
		ok, serr, err := s.cond(ctx, x.Cond, x.Span.Line, w, rc)
		if err != nil || serr != nil {
			return serr, err
		}
		if ok {
			return s.stmt(ctx, x.Then, w, rc)
		} else if x.Else != nil {
			return s.stmt(ctx, x.Else, w, rc)
		}
		return nil, nil
	case *ast.WhileStmt:
		for {
			ok, serr, err := s.cond(ctx, x.Cond, x.Span.Line, w, rc)
			if err != nil || serr != nil {
				return serr, err
			}
			// Each evaluation of the condition is a statement of its own
			// with its DONE, as SQL Server sends.
			if err := w.Done(result.Done{Cmd: result.CmdCondExec, InProc: rc.inProc}); err != nil {
				return nil, err
			}
			if !ok {
				return nil, nil
			}
			sig, err := s.stmt(ctx, x.Body, w, rc)
			if err != nil {
				return nil, err
			}
			if sig != nil {
				switch sig.kind {
				case sigBreak:
					return nil, nil
				case sigContinue:
					continue
				}
				return sig, nil
			}
		}
	case *ast.GotoStmt:
		return &signal{kind: sigGoto, label: x.Label.Name}, nil
	case *ast.LabelStmt:
		return nil, nil
	case *ast.BreakStmt:
		return &signal{kind: sigBreak}, nil
	case *ast.ContinueStmt:
		return &signal{kind: sigContinue}, nil
	case *ast.ReturnStmt:
		sig := &signal{kind: sigReturn}
		if x.Value != nil {
			v, serr, err := s.scalar(ctx, x.Value, x.Span.Line, w, rc)
			if err != nil || serr != nil {
				return serr, err
			}
			if v.K != 0 {
				sig.status = int32(v.I)
			}
		}
		return sig, nil
	case *ast.TryCatchStmt:
		rc.tryDepth++
		s.tryNest++ // procedures and dynamic SQL called from TRY are inside it
		sig, err := s.run(ctx, x.Try, w, rc)
		s.tryNest--
		rc.tryDepth--
		if err != nil {
			return nil, err
		}
		if sig == nil || sig.kind != sigCatch {
			return sig, nil
		}
		saved := s.catchErr
		s.catchErr = sig.err
		sig, err = s.run(ctx, x.Catch, w, rc)
		s.catchErr = saved
		return sig, err
	}
	return s.atomic(ctx, st, w, rc)
}

// atomic runs a simple statement inside a transaction with statement-level
// rollback, and applies the error rules.
func (s *Session) atomic(ctx context.Context, st ast.Node, w result.Writer, rc *runCtx) (*signal, error) {
	line := st.NodeSpan().Line
	if isTranStmt(st) {
		serr, err := s.tranStmt(ctx, st, w, rc)
		if err != nil {
			return nil, err
		}
		if serr == nil {
			s.rowCount, s.lastError = 0, 0
		}
		return s.fail(serr, line, w, rc, result.CmdNone)
	}
	auto := s.tx == nil
	if auto {
		if err := s.begin(ctx, false); err != nil {
			if m := storageError(err); m != nil {
				return s.fail(stmtErr(m), line, w, rc, result.CmdNone)
			}
			return nil, err
		}
		if s.opts.Has(session.ImplicitTransactions) && startsImplicit(st) {
			s.tx.explicit = true
			s.tx.count = 1
			auto = false
		}
	} else if s.tx.doomed && !readOnlyInDoomed(st) {
		return s.fail(stmtErr(msgs.New(3930)), line, w, rc, result.CmdNone)
	}
	// A transaction begun by an earlier batch must wait for locks under
	// this request's context (attention cancels the wait).
	s.tx.main.SetContext(ctx)
	s.tx.main.RefreshSnapshot()
	s.tx.ctx = ctx // a tempdb transaction begun later uses it (txn_temp.go)
	if s.tx.temp != nil {
		s.tx.temp.SetContext(ctx)
		s.tx.temp.RefreshSnapshot()
	}
	if err := s.catalogStmtStart(st); err != nil { // catalog_txn.go
		if auto && s.tx != nil {
			s.rollbackAll()
		}
		if m := storageError(err); m != nil { // 1222, 1205
			return s.fail(stmtErr(m), line, w, rc, cmdOf(st))
		}
		return nil, err
	}
	sp := s.stmtSavepoint()
	tvm := s.tableVarStmtStart()
	prevWarn := s.warnInto(w, line, rc) // arith_warn.go
	ddl := s.ddlEvents(st)              // ddl_trigger.go
	var err error
	serr := s.moduleExecuteAsCheck(st) // module_execas.go
	if serr == nil {
		stats := s.statsStart(st) // statistics.go
		ew := s.nullWarnWrap(w)   // null_warn.go: warning 8153 before the DONE
		serr, err = s.exec(ctx, st, ew, rc)
		if err == nil && s.waitForName(st, &serr) { // catalog_txn.go
			s.rollbackTo(sp)
			serr, err = s.exec(ctx, st, ew, rc)
		}
		if werr := s.nullWarnEnd(ew, serr == nil && err == nil); err == nil {
			err = werr
		}
		err = stats(w, rc, serr != nil, err)
	}
	s.warn = prevWarn
	if ddl != nil && serr == nil && err == nil {
		serr, err = s.fireDDLTriggers(ctx, st, ddl, w, rc)
	}
	s.tableVarStmtEnd(tvm, serr != nil || err != nil) // tablevar_store.go
	if auto && s.tx != nil && s.tx.explicit {
		// The statement (EXEC of a procedure with BEGIN TRAN) opened an
		// explicit transaction: it outlives the statement (266 reports it).
		auto = false
	}
	if serr == nil && err == nil {
		s.rowCountRule(st)
		// A statement that succeeds resets @@ERROR (WITH SETERROR sets it).
		s.lastError, s.errAfter = s.errAfter, 0
	}
	if err != nil {
		var me *exec.MsgError
		if errors.As(err, &me) {
			serr, err = stmtErr(me.E), nil
		} else if m := storageError(err); m != nil {
			serr, err = stmtErr(m), nil
		} else {
			if s.tx != nil && auto {
				s.rollbackAll()
			}
			return nil, err
		}
	}
	s.arithAbort(serr) // arith_warn.go
	if serr != nil {
		// The rollback ENVCHANGE follows the error message on the wire.
		var rolledBack uint64
		if s.tx != nil {
			if auto || serr.kind == errTxn {
				if s.tx.explicit {
					rolledBack = s.tx.desc
				}
				s.rollbackAll()
			} else if s.opts.Has(session.XactAbort) && !s.inTry(rc) {
				serr.kind = errTxn
				rolledBack = s.tx.desc
				s.rollbackAll()
			} else {
				s.rollbackTo(sp)
			}
		}
		sig, err := s.fail(serr, line, w, rc, cmdOf(st))
		if err == nil && rolledBack != 0 {
			err = envTran(w, result.EnvRollbackTran, rolledBack)
		}
		return sig, err
	}
	if auto && s.tx != nil {
		if err := s.commitAll(); err != nil {
			if m := storageError(err); m != nil {
				return s.fail(stmtErr(m), line, w, rc, cmdOf(st))
			}
			return nil, err
		}
	}
	return nil, nil
}

// fail reports a statement error (or hands it to CATCH) and decides
// whether the batch goes on.
func (s *Session) fail(serr *stmtError, line int32, w result.Writer, rc *runCtx, cmd result.Command) (*signal, error) {
	if serr == nil {
		return nil, nil
	}
	if serr.e == errTrigAbort {
		return &signal{kind: sigAbort}, nil // reported inside the trigger
	}
	e := serr.e
	if e.Number == 1205 {
		// The storage layer does not know who the victim is.
		e = msgs.NewTypical(1205, int(s.cfg.SPID), "lock")
		serr.e = e
	}
	if e.Line == 0 && !serr.line0 {
		e.Line = line
	}
	if e.Server == "" {
		e.Server = s.srv.cfg.ServerName
	}
	if rc.procName != "" && e.Proc == "" {
		e.Proc = rc.procName
	}
	s.localize(e)
	if e.Severity > 10 {
		s.lastError = e.Number
	}
	if s.inTry(rc) && e.Severity > 10 && e.Severity < 20 {
		if s.tx != nil && s.opts.Has(session.XactAbort) {
			s.tx.doomed = true
		}
		// The failed statement still ends with a DONE (no error bit: the
		// error goes to CATCH, not to the client), so a result set it had
		// begun is closed before CATCH sends its own.
		if err := w.Done(result.Done{Cmd: cmd, InProc: rc.inProc}); err != nil {
			return nil, err
		}
		return &signal{kind: sigCatch, err: e}, nil
	}
	for _, p := range serr.pre {
		p.Line, p.Server, p.Proc = e.Line, e.Server, e.Proc
		s.localize(p)
		if err := w.Message(p); err != nil {
			return nil, err
		}
	}
	if err := w.Message(e); err != nil {
		return nil, err
	}
	if e.Severity <= 10 {
		return nil, nil
	}
	if err := w.Done(result.Done{Cmd: cmd, Error: true, InProc: rc.inProc}); err != nil {
		return nil, err
	}
	if err := s.flushNowait(e, w); err != nil { // arith_warn.go
		return nil, err
	}
	if serr.kind != errStmt {
		return &signal{kind: sigAbort, err: e}, nil
	}
	return nil, nil
}

func cmdOf(st ast.Node) result.Command {
	switch st.(type) {
	case *ast.SelectStmt:
		return result.CmdSelect
	case *ast.InsertStmt:
		return result.CmdInsert
	case *ast.UpdateStmt:
		return result.CmdUpdate
	case *ast.DeleteStmt:
		return result.CmdDelete
	case *ast.SetOptionStmt, *ast.SetVarStmt:
		return result.CmdSet
	}
	return result.CmdNone
}

// startsImplicit reports statements that open a transaction under
// IMPLICIT_TRANSACTIONS ON.
func startsImplicit(st ast.Node) bool {
	switch st.(type) {
	case *ast.SelectStmt, *ast.InsertStmt, *ast.UpdateStmt, *ast.DeleteStmt, *ast.CreateTableStmt,
		*ast.DropStmt, *ast.TruncateStmt, *ast.CreateIndexStmt, *ast.CreateViewStmt, *ast.CreateProcStmt, *ast.AlterTableStmt:
		return true
	}
	return false
}

// rowCountRule applies @@ROWCOUNT's rules for statements that return no
// rows: a simple assignment sets it to 1; USE, SET options, PRINT and
// RAISERROR reset it to 0 (statements with rows set it themselves).
func (s *Session) rowCountRule(st ast.Node) {
	switch st.(type) {
	case *ast.SetVarStmt:
		s.rowCount = 1
	case *ast.UseStmt, *ast.SetOptionStmt, *ast.PrintStmt, *ast.RaiserrorStmt, *ast.SetIsolationStmt:
		s.rowCount = 0
	}
}
