package proc

import (
	"context"
	"strings"
	"time"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/exec"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/session"
	"github.com/tsqld/tsqld/sql/types"
)

// exec runs one simple statement inside the current transaction.
func (s *Session) exec(ctx context.Context, st ast.Node, w result.Writer, rc *runCtx) (*stmtError, error) {
	line := st.NodeSpan().Line
	if !s.sec.fast { // permission checks (security_check.go)
		if serr := s.permCheck(st, rc); serr != nil {
			return serr, nil
		}
	}
	if s.fmtOnly {
		if handled, serr, err := s.fmtOnlyStmt(ctx, st, w, rc); handled {
			return serr, err
		}
	}
	switch x := st.(type) {
	case *exprStmt:
		v, _, serr, err := s.evalScalar(ctx, x.x, line)
		x.out = v
		return serr, err
	case *ast.SelectStmt:
		return s.selectStmt(ctx, x, w, rc)
	case *ast.InsertStmt:
		return s.insertStmt(ctx, x, w, rc)
	case *ast.UpdateStmt:
		return s.updateStmt(ctx, x, w, rc)
	case *ast.DeleteStmt:
		return s.deleteStmt(ctx, x, w, rc)
	case *ast.TruncateStmt:
		return s.truncateStmt(ctx, x, w, rc)
	case *ast.CreateTableStmt:
		return s.createTable(ctx, x, w, rc)
	case *ast.CreateIndexStmt:
		return s.createIndex(ctx, x, w, rc)
	case *ast.AlterTableStmt:
		return s.alterTable(ctx, x, w, rc)
	case *ast.DropIndexStmt:
		return s.dropIndex(ctx, x, w, rc)
	case *ast.DropStmt:
		return s.dropStmt(ctx, x, w, rc)
	case *ast.CreateViewStmt:
		return s.createView(ctx, x, w, rc)
	case *ast.CreateProcStmt:
		return s.createProc(ctx, x, w, rc)
	case *ast.CreateTypeStmt:
		return s.createType(ctx, x, w, rc)
	case *ast.CreateSchemaStmt:
		return s.createSchema(ctx, x, w, rc)
	case *ast.DbccStmt:
		return s.dbccStmt(ctx, x, w, rc)
	case *ast.ShutdownStmt:
		return s.shutdownStmt(ctx, x, w, rc)
	case *ast.KillStmt:
		return s.killStmt(ctx, x, w, rc)
	case *ast.CreateLoginStmt:
		return s.createLogin(ctx, x, w, rc)
	case *ast.CreateUserStmt:
		return s.createUser(ctx, x, w, rc)
	case *ast.CreateDatabaseStmt:
		return s.createDatabase(ctx, x, w, rc)
	case *ast.UseStmt:
		return s.useStmt(x, w, rc)
	case *ast.DeclareStmt:
		return s.declareStmt(ctx, x, w, rc)
	case *ast.SetVarStmt:
		return s.setVarStmt(ctx, x, w, rc)
	case *ast.SetOptionStmt:
		return s.setOption(ctx, x, w, rc)
	case *ast.SetIsolationStmt:
		switch x.Level {
		case "READ UNCOMMITTED":
			s.opts.Isolation = session.ReadUncommitted
		case "READ COMMITTED":
			s.opts.Isolation = session.ReadCommitted
		case "REPEATABLE READ":
			s.opts.Isolation = session.RepeatableRead
		case "SERIALIZABLE":
			s.opts.Isolation = session.Serializable
		case "SNAPSHOT":
			s.opts.Isolation = session.Snapshot
		}
		return nil, w.Done(result.Done{Cmd: result.CmdSet, InProc: rc.inProc})
	case *ast.SetIdentityInsertStmt:
		b, _ := s.binder(line)
		_, o := b.LookupObject(&x.Table)
		if o == nil || o.Kind != catalog.KindTable {
			return msgErr(208, x.Table.Name.Name), nil
		}
		if o.Table.IdentityColumn() < 0 {
			return msgErr(8106, o.Name), nil
		}
		if x.On {
			if on := s.identityIns; on != nil && !s.identityInsertOn(o) {
				// One table per session may have IDENTITY_INSERT ON.
				dbName := ""
				if d := s.cat().DatabaseByID(on.Database); d != nil {
					dbName = d.Name
				}
				return msgErr(8107, dbName, on.Schema, on.Name, o.Name), nil
			}
			s.identityIns = o
		} else if s.identityInsertOn(o) {
			s.identityIns = nil
		}
		return nil, w.Done(result.Done{Cmd: result.CmdSet, InProc: rc.inProc})
	case *ast.PrintStmt:
		v, xt, serr, err := s.evalScalar(ctx, x.Value, line)
		if serr != nil || err != nil {
			return serr, err
		}
		text := ""
		if v.K != types.KindNull {
			sv, cerr := exec.Convert(v, xt.Type(), sem.NVarChar(4000))
			if cerr != nil {
				return stmtErr(cerr), nil
			}
			text = sv.S
		}
		if err := w.Message(&msgs.Error{Number: 0, Severity: 0, State: 1, Line: line, Server: s.srv.cfg.ServerName, Proc: rc.procName, Text: text}); err != nil {
			return nil, err
		}
		// SQL Server ends a PRINT with its own DONE (clients see a result
		// set boundary after the message).
		return nil, w.Done(result.Done{InProc: rc.inProc})
	case *ast.RaiserrorStmt:
		return s.raiserror(ctx, x, w, rc)
	case *ast.ThrowStmt:
		return s.throw(ctx, x)
	case *ast.WaitForStmt:
		v, xt, serr, err := s.evalScalar(ctx, x.Value, line)
		if serr != nil || err != nil {
			return serr, err
		}
		sv, _ := exec.Convert(v, xt.Type(), sem.VarChar(30))
		d, ok := parseDelay(sv.S)
		if !ok || d >= 24*time.Hour {
			return msgErr(148, sv.S), nil
		}
		if x.Time {
			d = untilTimeOfDay(time.Now(), d)
		}
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-t.C:
		}
		return nil, nil
	case *ast.ExecStmt:
		return s.execProcStmt(ctx, x, w, rc)
	case *ast.CheckpointStmt:
		// Every commit is already durable in the storage engine: a
		// checkpoint has nothing left to flush.
		return nil, nil
	case *ast.ReconfigureStmt:
		s.reconfigure()
		return nil, nil
	case *ast.AlterDatabaseStmt:
		return s.alterDatabase(ctx, x, w, rc)
	case *ast.CreateStatisticsStmt:
		return s.createStatistics(x), nil
	}
	if serr, err, ok := s.execSecurity(ctx, st, w, rc); ok {
		return serr, err
	}
	if serr, err, ok := s.execFeature(ctx, st, w, rc); ok {
		return serr, err
	}
	return msgErr(40517, strings.TrimPrefix(strings.TrimPrefix(typeNameOf(st), "*ast."), "ast.")), nil
}

func typeNameOf(v any) string {
	return strings.TrimSuffix(strings.TrimPrefix(fmtType(v), "*ast."), "Stmt")
}

// parseDelay parses WAITFOR DELAY 'hh:mm[:ss[.mmm]]'.
func parseDelay(s string) (time.Duration, bool) {
	parts := strings.Split(strings.TrimSpace(s), ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, false
	}
	var d time.Duration
	units := []time.Duration{time.Hour, time.Minute}
	for i := 0; i < 2; i++ {
		n := 0
		for _, c := range parts[i] {
			if c < '0' || c > '9' {
				return 0, false
			}
			n = n*10 + int(c-'0')
		}
		d += time.Duration(n) * units[i]
	}
	if len(parts) == 3 {
		f, err := time.ParseDuration(strings.TrimSpace(parts[2]) + "s")
		if err != nil {
			return 0, false
		}
		d += f
	}
	return d, true
}

// done sends a statement's DONE with a row count.
func (s *Session) done(w result.Writer, rc *runCtx, cmd result.Command, n int64) error {
	s.rowCount = n
	return w.Done(result.Done{Cmd: cmd, Count: n, HasCount: !s.opts.Has(session.NoCount), InProc: rc.inProc})
}
