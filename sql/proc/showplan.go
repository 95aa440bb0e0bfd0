package proc

import (
	"context"
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/exec"
	"github.com/tsqld/tsqld/sql/result"
)

// SET NOEXEC, SET PARSEONLY and SET SHOWPLAN_TEXT / SHOWPLAN_ALL: the
// statements that follow are not executed.
//   - NOEXEC compiles each statement (binding errors such as 207 are
//     reported) but runs none; a missing table is not an error (SQL
//     Server's deferred name resolution: the statement would be compiled
//     again when it runs).
//   - PARSEONLY takes effect at parse time: statements parsed after SET
//     PARSEONLY ON (in the same batch or later batches) are only parsed.
//   - SHOWPLAN_TEXT / SHOWPLAN_ALL return, for each statement, its text
//     and the operators the executor would run (exec.Explain).
// Under NOEXEC and SHOWPLAN, declarations still declare (without running
// their initial values) so that later statements bind; the SET statements
// of these options themselves always run.

const (
	showplanText = 1
	showplanAll  = 2
)

// diagState is the session's SET NOEXEC / PARSEONLY / SHOWPLAN /
// STATISTICS state.
type diagState struct {
	noExec       bool
	parseOnly    bool
	showplan     uint8
	statsIO      bool
	statsTime    bool
	statsProfile bool
	// profile counts the current statement's operators (statistics.go).
	profile *exec.Profile
	// io counts the current statement's reads (statistics.go).
	io *exec.IOStats
	// stmtID numbers the statements a SHOWPLAN batch shows.
	stmtID int
}

// compileOnly reports whether statements are compiled, not run.
func (d *diagState) compileOnly() bool { return d.noExec || d.showplan != 0 }

// setDiagOption applies SET name ON|OFF for the options of this file.
func (s *Session) setDiagOption(name string, on bool) bool {
	switch name {
	case "NOEXEC":
		s.diag.noExec = on
	case "PARSEONLY":
		s.diag.parseOnly = on
	case "SHOWPLAN_TEXT":
		s.diag.showplan = 0
		if on {
			s.diag.showplan = showplanText
		}
	case "SHOWPLAN_ALL":
		s.diag.showplan = 0
		if on {
			s.diag.showplan = showplanAll
		}
	case "STATISTICS IO":
		s.diag.statsIO = on
	case "STATISTICS TIME":
		s.diag.statsTime = on
	case "STATISTICS PROFILE":
		s.diag.statsProfile = on
	default:
		return false
	}
	return true
}

// isDiagSet reports SET statements of the options above, which run even
// when the statements around them do not.
func isDiagSet(st ast.Node) bool {
	x, ok := st.(*ast.SetOptionStmt)
	if !ok {
		return false
	}
	for _, o := range x.Options {
		switch o {
		case "NOEXEC", "PARSEONLY", "SHOWPLAN_TEXT", "SHOWPLAN_ALL", "SHOWPLAN_XML":
		default:
			return false
		}
	}
	return true
}

func isShowplanSet(st ast.Node) bool {
	x, ok := st.(*ast.SetOptionStmt)
	if !ok {
		return false
	}
	for _, o := range x.Options {
		if strings.HasPrefix(o, "SHOWPLAN_") {
			return true
		}
	}
	return false
}

// showplanBatchError is Msg 1067 for a batch where SET SHOWPLAN_* is not
// the only statement.
func showplanBatchError(stmts []ast.Stmt) *stmtError {
	if len(stmts) < 2 {
		return nil
	}
	for _, st := range stmts {
		if isShowplanSet(st) {
			serr := msgErr(1067)
			serr.kind = errBatch
			serr.e.Line = st.NodeSpan().Line
			return serr
		}
	}
	return nil
}

// parseOnlySkip marks the statements parsed while PARSEONLY is on,
// starting from the session's current setting, and leaves the session's
// setting as the batch's last SET PARSEONLY left it. It returns nil when
// every statement runs.
func (s *Session) parseOnlySkip(stmts []ast.Stmt) map[ast.Stmt]bool {
	var skip map[ast.Stmt]bool
	on := s.diag.parseOnly
	for _, st := range stmts {
		if x, ok := st.(*ast.SetOptionStmt); ok && len(x.Options) == 1 && x.Options[0] == "PARSEONLY" {
			on = x.On
		} else if on {
			if skip == nil {
				skip = map[ast.Stmt]bool{}
			}
			skip[st] = true
		}
	}
	s.diag.parseOnly = on
	return skip
}

// compileOnlyStmt runs st under NOEXEC or SHOWPLAN: control flow visits
// every branch once; simple statements are compiled (and shown).
func (s *Session) compileOnlyStmt(ctx context.Context, st ast.Stmt, w result.Writer, rc *runCtx) (*signal, error) {
	switch x := st.(type) {
	case *ast.BlockStmt:
		return s.compileList(ctx, x.Stmts, w, rc)
	case *ast.IfStmt:
		if sig, err := s.compileCond(ctx, x, x.Cond, w, rc); sig != nil || err != nil {
			return sig, err
		}
		if sig, err := s.compileOnlyStmt(ctx, x.Then, w, rc); sig != nil || err != nil {
			return sig, err
		}
		if x.Else != nil {
			return s.compileOnlyStmt(ctx, x.Else, w, rc)
		}
		return nil, nil
	case *ast.WhileStmt:
		if sig, err := s.compileCond(ctx, x, x.Cond, w, rc); sig != nil || err != nil {
			return sig, err
		}
		return s.compileOnlyStmt(ctx, x.Body, w, rc)
	case *ast.TryCatchStmt:
		if sig, err := s.compileList(ctx, x.Try, w, rc); sig != nil || err != nil {
			return sig, err
		}
		return s.compileList(ctx, x.Catch, w, rc)
	case *ast.GotoStmt, *ast.LabelStmt, *ast.BreakStmt, *ast.ContinueStmt, *ast.ReturnStmt:
		return nil, nil
	}
	if isDiagSet(st) {
		return s.atomic(ctx, st, w, rc)
	}
	if d, ok := st.(*ast.DeclareStmt); ok {
		if s.diag.showplan != 0 {
			if err := s.showPlan(st, nil, w, rc); err != nil {
				return nil, err
			}
		}
		// Declare (for the statements that follow) without running the
		// initial values.
		cp := *d
		cp.Vars = make([]*ast.VarDecl, len(d.Vars))
		for i, v := range d.Vars {
			nv := *v
			nv.Init = nil
			cp.Vars[i] = &nv
		}
		serr, err := s.declareStmt(ctx, &cp, w, rc)
		if err != nil {
			return nil, err
		}
		return s.fail(serr, d.Span.Line, w, rc, result.CmdNone)
	}
	rows, serr := s.compileStmt(ctx, st, rc, nil)
	if serr != nil {
		if s.diag.showplan == 0 && serr.e.Number == 208 {
			return nil, nil // deferred name resolution
		}
		return s.fail(serr, st.NodeSpan().Line, w, rc, cmdOf(st))
	}
	if s.diag.showplan != 0 {
		return nil, s.showPlan(st, rows, w, rc)
	}
	return nil, nil
}

func (s *Session) compileList(ctx context.Context, stmts []ast.Stmt, w result.Writer, rc *runCtx) (*signal, error) {
	for _, st := range stmts {
		if sig, err := s.compileOnlyStmt(ctx, st, w, rc); sig != nil || err != nil {
			return sig, err
		}
	}
	return nil, nil
}

// compileCond binds an IF/WHILE condition, reporting binding errors.
func (s *Session) compileCond(ctx context.Context, st ast.Stmt, cond ast.Expr, w result.Writer, rc *runCtx) (*signal, error) {
	line := st.NodeSpan().Line
	b, _ := s.binder(line)
	if _, berr := b.BindExpr(cond); berr != nil && (s.diag.showplan != 0 || berr.Number != 208) {
		return s.fail(stmtErr(berr), line, w, rc, result.CmdNone)
	}
	return nil, nil
}
