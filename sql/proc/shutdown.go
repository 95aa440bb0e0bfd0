package proc

import (
	"context"
	"strconv"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/types"
)

// shutdownStmt is SHUTDOWN [WITH NOWAIT]: sysadmin only. The server stops
// the way the service's stop does (running requests finish unless NOWAIT,
// open transactions roll back); this session's connection ends with it.
func (s *Session) shutdownStmt(ctx context.Context, x *ast.ShutdownStmt, w result.Writer, rc *runCtx) (*stmtError, error) {
	if !s.secSysAdmin() {
		return msgErr(262, "SHUTDOWN", s.Database()), nil
	}
	if s.srv.cfg.Shutdown == nil {
		// An engine without a host that can stop (tests, the slt runner).
		return msgErr(40517, "SHUTDOWN"), nil
	}
	w.Message(&msgs.Error{Number: 0, Severity: 0, State: 1,
		Text: "Server shut down by request from login " + s.cfg.Login + "."})
	// Asynchronous: a graceful stop waits for running requests, this one
	// included, to end.
	go s.srv.cfg.Shutdown(x.NoWait)
	return nil, nil
}

// killStmt is KILL spid: sysadmin only; not one's own session.
func (s *Session) killStmt(ctx context.Context, x *ast.KillStmt, w result.Writer, rc *runCtx) (*stmtError, error) {
	if !s.secSysAdmin() {
		return msgErr(6102), nil
	}
	v, _, serr, err := s.evalScalar(ctx, x.Target, x.NodeSpan().Line)
	if serr != nil || err != nil {
		return serr, err
	}
	var spid int64
	switch v.K {
	case types.KindInt:
		spid = v.I
	case types.KindString:
		n, perr := strconv.ParseInt(v.S, 10, 16)
		if perr != nil {
			return msgErr(6106, 0), nil
		}
		spid = n
	default:
		return msgErr(6106, 0), nil
	}
	if spid == int64(s.cfg.SPID) {
		return msgErr(6104), nil
	}
	if s.srv.cfg.Kill == nil || !s.srv.cfg.Kill(int16(spid)) {
		return msgErr(6106, spid), nil
	}
	return nil, nil
}
