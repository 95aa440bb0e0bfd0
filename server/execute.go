package server

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"strconv"
	"time"

	"github.com/tsqld/tsqld/sql/engine"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/tds"
)

// execute runs one request and leaves its response in the message buffer
// (requestLoop ends the message). It reports whether the connection must be
// closed afterwards (fatal error, malformed request, server shutdown).
func (c *conn) execute(r *request) (fatal bool) {
	w := c.w
	defer c.recoverEngine(&fatal)
	w.beginResponse(r.ctx)
	if r.resetConnection() {
		// sp_reset_connection: the ack is the first token of the reply.
		if c.version.Is72() {
			w.mw.Buf = tds.AppendEnvChangeResetAck(w.mw.Buf)
			w.resetAcked = true
		}
		if err := c.sess.Reset(w); err != nil {
			return c.requestFailed(err)
		}
	}
	var err error
	switch r.typ {
	case tds.PacketSQLBatch:
		var b tds.SQLBatch
		if derr := b.Decode(r.payload, c.version); derr != nil {
			c.logf("SQL batch: %v", derr)
			return true
		}
		if ib, ok := parseInsertBulk(b.Text); ok {
			err = c.startBulk(r.ctx, ib, w)
			break
		}
		c.bulk = nil
		err = c.sess.ExecBatch(r.ctx, b.Text, w)
	case tds.PacketRPC:
		c.bulk = nil
		// The decoded request's slices are reused too: parameter values
		// are copied out of it (valueFromWire).
		req := &c.rpcReq
		if derr := req.Decode(r.payload, c.version); derr != nil {
			c.logf("RPC: %v", derr)
			return true
		}
		w.inRPC = true
		// c.rpc's parameter slice is reused from request to request (the
		// engine copies what it keeps).
		rpc := &c.rpc
		for i := range req.Calls {
			call := &req.Calls[i]
			if perr := c.rpcFromCall(rpc, call); perr != nil {
				w.Message(perr)
				w.endRPC()
				continue
			}
			err = c.sess.ExecRPC(r.ctx, rpc, w)
			w.endRPC()
			if err != nil {
				break
			}
		}
	case tds.PacketTransMgr:
		var tm tds.TMRequest
		if derr := tm.Decode(r.payload, c.version); derr != nil {
			c.logf("TM request: %v", derr)
			return true
		}
		req, merr := tmRequest(&tm)
		if merr != nil {
			w.Message(merr)
			break
		}
		tctx := r.ctx
		if req.Kind == engine.TMRollback || req.Kind == engine.TMCommit {
			// Ending a transaction cannot be interrupted: an attention
			// that arrives meanwhile (clients send one when the context
			// of a rollback is already cancelled) is acknowledged after
			// it, and the transaction is never left open.
			tctx = context.WithoutCancel(r.ctx)
		}
		err = c.sess.ExecTM(tctx, req, w)
	case tds.PacketBulkLoad:
		err = c.loadBulk(r.ctx, r.payload, w)
	default:
		c.logf("unexpected packet type %v after login", r.typ)
		return true
	}
	if err != nil {
		return c.requestFailed(err)
	}
	return w.fatal
}

// requestFailed classifies an error that ended a request.
func (c *conn) requestFailed(err error) bool {
	var fe *engine.FatalError
	switch {
	case errors.As(err, &fe):
		c.logf("session ended: %s", fe.Reason)
		return true
	case c.ctx.Err() != nil:
		return true // connection or server going away
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return c.w.fatal // attention: the ack is added by requestLoop
	}
	// The writer failed (socket) or the engine broke its contract; either
	// way the client cannot trust this connection any more.
	c.srv.cfg.Logger.Error("request failed; closing the connection", "spid", c.spid, "client", c.clientIP, "err", err)
	return true
}

// tmRequest maps a TM request to the engine's form.
func tmRequest(t *tds.TMRequest) (*engine.TMRequest, *msgs.Error) {
	req := &engine.TMRequest{Name: t.Name, Isolation: t.Isolation}
	switch t.Type {
	case tds.TMBeginXact:
		req.Kind = engine.TMBegin
	case tds.TMCommitXact:
		req.Kind = engine.TMCommit
	case tds.TMRollbackXact:
		req.Kind = engine.TMRollback
	case tds.TMSaveXact:
		req.Kind = engine.TMSave
	default:
		// DTC enlistment and promotion need a transaction coordinator.
		return nil, &msgs.Error{Number: 8509, Severity: 16, State: 1, Line: 1,
			Text: fmt.Sprintf("Import of Microsoft Distributed Transaction Coordinator (MS DTC) transaction failed: %s.", "distributed transactions are not supported")}
	}
	if t.BeginXact() {
		req.BeginNew = true
		req.BeginNewIsolation = t.NewIsolation
	}
	return req, nil
}

// recoverEngine turns a panic inside the engine into what SQL Server does
// on an internal failure: a severity-20 error to the client, the stack in
// the error log, and the end of that one connection. Every other session
// and the server go on.
func (c *conn) recoverEngine(fatal *bool) {
	r := recover()
	if r == nil {
		return
	}
	stack := debug.Stack()
	c.srv.cfg.ErrorLog.Error("spid"+strconv.Itoa(int(c.spid)), 21, 20, 1,
		fmt.Sprintf("Internal error while executing a request (the connection was closed): %v\n%s", r, stack))
	c.w.Message(&msgs.Error{Number: 21, Severity: 20, State: 1, Line: 1,
		Text: fmt.Sprintf("Warning: Fatal error %d occurred at %s. Note the error and time, and contact your system administrator.",
			3624, time.Now().Format("Jan _2 2006  3:04PM"))})
	*fatal = true
}
