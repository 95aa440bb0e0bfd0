package server

import (
	"context"
	"errors"

	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/types"
	"github.com/tsqld/tsqld/tds"
)

// flushPackets is how many packets of output may accumulate before they
// are written: large results stream with bounded memory while ordinary
// responses go out in one write.
const flushPackets = 8

// resp implements result.Writer for one connection: it turns engine
// results into tokens in the connection's message buffer. It decides the
// DONE bits the engine does not know: the last Done is held back until it
// is known whether anything follows it (final DONE without MORE must be
// the last token of the message).
type resp struct {
	c      *conn
	mw     *tds.MessageWriter
	v      tds.Version
	server string

	ctx   context.Context
	inRPC bool
	cols  []colEnc
	// nullSize is each column's NULL marker size in a ROW (what an NBCROW
	// saves per NULL); nbcBitmap is the NBCROW bitmap size, 0 when the
	// client cannot take NBCROW (before TDS 7.3.B).
	nullSize  []uint8
	nbcBitmap int

	hasPending bool
	pending    tds.Done

	anyError bool // an error message (class >= 11) in this response
	rpcError bool // ... in the current RPC
	fatal    bool // class >= 20: close after sending
	attnSent bool
	// resetAcked: this response already carries the RESETCONNECTION ack
	// (one per reset, however many the engine reports).
	resetAcked bool
}

func newResp(c *conn) *resp {
	return &resp{c: c, mw: c.mw, v: c.version, server: c.srv.cfg.ServerName, ctx: context.Background()}
}

var _ result.Writer = (*resp)(nil)

var errRowWithoutColumns = errors.New("server: Row before Columns")

// beginResponse starts the reply to one request.
func (r *resp) beginResponse(ctx context.Context) {
	r.mw.BeginMessage(tds.PacketReply)
	r.ctx = ctx
	r.inRPC = false
	r.cols = r.cols[:0]
	r.hasPending = false
	r.anyError, r.rpcError, r.fatal, r.attnSent = false, false, false, false
	r.resetAcked = false
}

// more emits the held-back Done with MORE: something follows it.
func (r *resp) more() {
	if r.hasPending {
		r.hasPending = false
		p := &r.pending
		r.mw.Buf = tds.AppendDone(r.mw.Buf, r.v, p.Token, p.Status|tds.DoneMore, p.CurCmd, p.RowCount)
	}
}

// maybeFlush writes whole packets once enough output is buffered.
func (r *resp) maybeFlush() error {
	if len(r.mw.Buf) >= flushPackets*r.mw.PacketSize() {
		return r.mw.Flush()
	}
	return nil
}

// Columns starts a result set (COLMETADATA).
func (r *resp) Columns(cols []result.Column) error {
	if err := r.ctx.Err(); err != nil {
		return err
	}
	r.more()
	r.cols = newColEncs(r.cols, cols, r.v)
	setUDTDatabase(r.cols, r.c)
	r.mw.Buf = appendColMetadata(r.mw.Buf, r.v, r.cols)
	r.nullSize = r.nullSize[:0]
	r.nbcBitmap = 0
	if r.v.HasNBCRow() {
		var tmp [8]byte
		for i := range r.cols {
			r.nullSize = append(r.nullSize, uint8(len(tds.AppendNull(tmp[:0], &r.cols[i].ti, true))))
		}
		r.nbcBitmap = (len(r.cols) + 7) / 8
	}
	return r.maybeFlush()
}

// Row sends one ROW, encoded straight into the output buffer.
func (r *resp) Row(row []types.Value) error {
	if err := r.ctx.Err(); err != nil {
		return err
	}
	if len(r.cols) == 0 {
		// A ROW without COLMETADATA would desynchronise the client.
		return errRowWithoutColumns
	}
	n := min(len(row), len(r.cols))
	if r.nbcBitmap > 0 && r.nbcSaves(row[:n]) {
		r.mw.Buf = r.appendNBCRow(r.mw.Buf, row[:n])
		return r.maybeFlush()
	}
	b := append(r.mw.Buf, tds.TokenRow)
	for i := 0; i < n; i++ {
		b = appendValue(b, &r.cols[i], &row[i])
	}
	for i := n; i < len(r.cols); i++ { // a short row: the rest is NULL
		b = tds.AppendNull(b, &r.cols[i].ti, true)
	}
	r.mw.Buf = b
	return r.maybeFlush()
}

// nbcSaves decides ROW or NBCROW for one row, as SQL Server does for TDS
// 7.3.B+ clients: NBCROW when the row has NULLs and its null bitmap takes
// no more room than the NULL markers it leaves out (so a row with one NULL
// int among two columns goes as NBCROW, at equal size, and a row of 100
// columns with one NULL int goes as ROW). Columns missing from a short row
// are NULL.
func (r *resp) nbcSaves(row []types.Value) bool {
	saved := 0
	for i := range row {
		if row[i].K == types.KindNull {
			saved += int(r.nullSize[i])
		}
	}
	for i := len(row); i < len(r.cols); i++ {
		saved += int(r.nullSize[i])
	}
	return saved > 0 && r.nbcBitmap <= saved
}

// appendNBCRow writes row as NBCROW: the null bitmap, then the non-NULL
// values only.
func (r *resp) appendNBCRow(b []byte, row []types.Value) []byte {
	b, at := tds.AppendNBCRowHeader(b, len(r.cols))
	for i := range row {
		if row[i].K == types.KindNull {
			tds.SetNBCNull(b, at, i)
			continue
		}
		b = appendValue(b, &r.cols[i], &row[i])
	}
	for i := len(row); i < len(r.cols); i++ {
		tds.SetNBCNull(b, at, i)
	}
	return b
}

// Done ends a statement; it is held until the next token shows whether
// MORE is needed.
func (r *resp) Done(d result.Done) error {
	r.more()
	tok := tds.TokenDone
	if r.inRPC || d.InProc {
		tok = tds.TokenDoneInProc
	}
	var st uint16
	if d.HasCount {
		st |= tds.DoneCount
	}
	if d.Error {
		st |= tds.DoneError
	}
	if r.fatal {
		// A severity >= 20 error ends the session: DONE_SRVERROR tells the
		// client the connection is gone, not just the statement.
		st |= tds.DoneError | tds.DoneSrvError
	}
	count := uint64(0)
	if d.HasCount && d.Count > 0 {
		count = uint64(d.Count)
	}
	r.pending = tds.Done{Token: tok, Status: st, CurCmd: uint16(d.Cmd), RowCount: count}
	r.hasPending = true
	if tok == tds.TokenDoneInProc {
		// DONEINPROC always carries MORE (go-mssqldb ends the response at
		// a DONEINPROC without it), so it need not wait.
		r.more()
	}
	return r.maybeFlush()
}

// Message sends INFO (class <= 10) or ERROR.
func (r *resp) Message(m *msgs.Error) error {
	r.more()
	tok := tds.TokenInfo
	if m.Severity > tds.MaxInfoClass {
		tok = tds.TokenError
		r.anyError, r.rpcError = true, true
		if m.Severity >= tds.MinFatalClass {
			r.fatal = true
		}
	}
	server := m.Server
	if server == "" {
		server = r.server
	}
	r.mw.Buf = tds.AppendServerMessage(r.mw.Buf, r.v, tok, m.Number, m.State, m.Severity, m.Text, server, m.Proc, m.Line)
	return r.maybeFlush()
}

// EnvChange reports a session change.
func (r *resp) EnvChange(e result.EnvChange) error {
	r.more()
	b := r.mw.Buf
	switch e.Type {
	case result.EnvDatabase, result.EnvLanguage:
		b = tds.AppendEnvChangeString(b, uint8(e.Type), e.New, e.Old)
	case result.EnvCollation:
		b = tds.AppendEnvChangeCollation(b, collationOf(e.Collation))
	case result.EnvPacketSize:
		// The packet size is fixed at login.
	case result.EnvBeginTran:
		if r.v.Is72() {
			b = tds.AppendEnvChangeBeginTran(b, e.Descriptor)
		}
	case result.EnvCommitTran, result.EnvRollbackTran, result.EnvTranEnded:
		if r.v.Is72() {
			b = tds.AppendEnvChangeEndTran(b, uint8(e.Type), e.Descriptor)
		}
	case result.EnvResetAck:
		if r.v.Is72() && !r.resetAcked {
			b = tds.AppendEnvChangeResetAck(b)
			r.resetAcked = true
		}
	}
	r.mw.Buf = b
	return nil
}

// ReturnStatus sends a procedure's return code.
func (r *resp) ReturnStatus(status int32) error {
	r.more()
	r.mw.Buf = tds.AppendReturnStatus(r.mw.Buf, status)
	return nil
}

// ReturnValue sends an OUTPUT parameter.
func (r *resp) ReturnValue(rv result.ReturnValue) error {
	r.more()
	r.mw.Buf = appendReturnValue(r.mw.Buf, r.v, &rv)
	return r.maybeFlush()
}

// endRPC closes one RPC of the request with DONEPROC (held back: MORE
// when another RPC follows). It carries no row count: the counts were on
// the DONEINPROCs and clients would add them twice.
func (r *resp) endRPC() {
	r.more()
	st := uint16(0)
	if r.rpcError {
		st |= tds.DoneError
	}
	r.rpcError = false
	r.pending = tds.Done{Token: tds.TokenDoneProc, Status: st, CurCmd: tds.CmdRPC}
	r.hasPending = true
}

// attentionAck ends the response with DONE(ATTN), the last token.
func (r *resp) attentionAck() {
	r.more()
	r.mw.Buf = tds.AppendDone(r.mw.Buf, r.v, tds.TokenDone, tds.DoneAttn, 0, 0)
	r.attnSent = true
}

// end finishes the message: the held-back Done goes out as the final one
// (or a plain final DONE when the engine reported none).
func (r *resp) end() error {
	if !r.attnSent {
		if r.hasPending {
			r.hasPending = false
			p := &r.pending
			st := p.Status
			if r.fatal {
				st |= tds.DoneError | tds.DoneSrvError
			}
			r.mw.Buf = tds.AppendDone(r.mw.Buf, r.v, p.Token, st, p.CurCmd, p.RowCount)
		} else {
			st := tds.DoneFinal
			if r.anyError {
				st |= tds.DoneError
			}
			if r.fatal {
				st |= tds.DoneSrvError
			}
			r.mw.Buf = tds.AppendDone(r.mw.Buf, r.v, tds.TokenDone, st, 0, 0)
		}
	}
	r.attnSent = false
	r.ctx = context.Background()
	return r.mw.EndMessage()
}
