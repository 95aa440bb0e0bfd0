package proc

import (
	"context"
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

// execFeature dispatches the procedural statements (triggers, functions,
// sequences, cursors, MERGE); ok=false for statements it does not own.
func (s *Session) execFeature(ctx context.Context, st ast.Node, w result.Writer, rc *runCtx) (*stmtError, error, bool) {
	switch x := st.(type) {
	case *ast.CreateTriggerStmt:
		serr, err := s.createTrigger(ctx, x, w, rc)
		return serr, err, true
	case *ast.CreateFunctionStmt:
		serr, err := s.createFunction(ctx, x, w, rc)
		return serr, err, true
	case *ast.CreateSequenceStmt:
		serr, err := s.createSequence(ctx, x, w, rc)
		return serr, err, true
	case *ast.DeclareCursorStmt:
		serr, err := s.declareCursor(x, w, rc)
		return serr, s.stmtDone(w, rc, serr, err), true
	case *ast.OpenStmt:
		serr := s.openCursor(ctx, x, rc)
		return serr, s.stmtDone(w, rc, serr, nil), true
	case *ast.FetchStmt:
		serr, err := s.fetchCursor(ctx, x, w, rc)
		if len(x.Into) == 0 {
			return serr, err, true // a FETCH that returns its row has its own DONE
		}
		return serr, s.stmtDone(w, rc, serr, err), true
	case *ast.CloseStmt:
		serr := s.closeCursor(x)
		return serr, s.stmtDone(w, rc, serr, nil), true
	case *ast.DeallocateStmt:
		serr := s.deallocateCursor(x)
		return serr, s.stmtDone(w, rc, serr, nil), true
	case *ast.EnableTriggerStmt:
		serr, err := s.enableTrigger(x, w, rc)
		return serr, err, true
	case *ast.MergeStmt:
		serr, err := s.mergeStmt(ctx, x, w, rc)
		return serr, err, true
	}
	return nil, nil, false
}

func lower(s string) string { return strings.ToLower(s) }

// featureFunc evaluates the session functions of the procedural
// features (NEXT VALUE FOR, scalar UDFs, cursor and trigger functions).
func (s *Session) featureFunc(name string, args []types.Value) (types.Value, *msgs.Error, bool) {
	switch name {
	case sem.FuncNextValue:
		v, e := s.nextValue(int32(args[0].I), int32(args[1].I))
		return v, e, true
	case sem.FuncUDF:
		v, e := s.callScalarUDF(args)
		return v, e, true
	case "CURSOR_STATUS":
		if args[0].K == types.KindNull || args[1].K == types.KindNull {
			return types.Null, nil, true
		}
		return intVal(s.cursorStatus(args[0].S, args[1].S)), nil, true
	case "TRIGGER_NESTLEVEL":
		n := 0
		if s.feat != nil {
			n = len(s.feat.trig)
		}
		return intVal(int64(n)), nil, true
	case "COLUMNS_UPDATED":
		return s.columnsUpdated(), nil, true
	case sem.FuncUpdated:
		return s.columnUpdated(args[0].S)
	}
	return types.Null, nil, false
}

// featureGlobalVar answers @@FETCH_STATUS and @@CURSOR_ROWS.
func (s *Session) featureGlobalVar(name string) (types.Value, bool) {
	switch name {
	case "FETCH_STATUS":
		if s.feat == nil {
			return intVal(-1), true
		}
		return intVal(s.feat.fetchStatus), true
	case "CURSOR_ROWS":
		if s.feat == nil {
			return intVal(0), true
		}
		return intVal(s.feat.cursorRows), true
	}
	return types.Null, false
}

// stmtDone ends a statement that returns no rows with its own DONE
// (DONEINPROC inside a procedure), as SQL Server sends one per executed
// statement: clients such as go-mssqldb count them as result boundaries.
func (s *Session) stmtDone(w result.Writer, rc *runCtx, serr *stmtError, err error) error {
	if err != nil || serr != nil {
		return err
	}
	return w.Done(result.Done{Cmd: result.CmdNone, InProc: rc.inProc})
}
