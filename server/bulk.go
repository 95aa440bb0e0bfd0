package server

import (
	"context"
	"strconv"
	"strings"

	"github.com/tsqld/tsqld/sql/engine"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/types"
	"github.com/tsqld/tsqld/tds"
)

// bulkState is an accepted INSERT BULK waiting for its bulk load message.
type bulkState struct {
	stmt *insertBulk
	// identity marks target columns (by lower-cased name) that are
	// IDENTITY columns of the table: without KEEPIDENTITY their values
	// are ignored and the table numbers the rows itself.
	identity map[string]bool
}

// maxBulkParams keeps each generated INSERT under SQL Server's 2100
// parameter limit; maxBulkRows is the row limit of one VALUES list.
const (
	maxBulkParams = 2000
	maxBulkRows   = 1000
)

// startBulk handles an INSERT BULK batch: it checks the target table
// (reporting what SQL Server reports for a missing one) and remembers the
// statement for the bulk load message that follows.
func (c *conn) startBulk(ctx context.Context, ib *insertBulk, w *resp) error {
	c.bulk = nil
	if ib == nil {
		w.Message(&msgs.Error{Number: 102, Severity: 15, State: 1, Line: 1,
			Text: "Incorrect syntax near 'BULK'."})
		return w.Done(result.Done{Error: true})
	}
	probe := &bulkProbe{Writer: w}
	if err := c.sess.ExecBatch(ctx, "SELECT TOP (0) * FROM "+ib.Table, probe); err != nil {
		return err
	}
	if probe.failed {
		return w.Done(result.Done{Error: true})
	}
	st := &bulkState{stmt: ib, identity: map[string]bool{}}
	for _, col := range probe.cols {
		if col.Identity {
			st.identity[strings.ToLower(col.Name)] = true
		}
	}
	for _, name := range ib.Columns {
		found := false
		for _, col := range probe.cols {
			if strings.EqualFold(col.Name, name) {
				found = true
				break
			}
		}
		if !found {
			w.Message(msgs.New(207, name))
			return w.Done(result.Done{Error: true})
		}
	}
	c.bulk = st
	return w.Done(result.Done{})
}

// bulkProbe passes the probe query's messages through and keeps only its
// column list.
type bulkProbe struct {
	result.Writer
	cols   []result.Column
	failed bool
}

func (p *bulkProbe) Columns(cols []result.Column) error {
	p.cols = append(p.cols[:0], cols...)
	return nil
}
func (p *bulkProbe) Row([]types.Value) error { return nil }
func (p *bulkProbe) Done(d result.Done) error {
	if d.Error {
		p.failed = true
	}
	return nil
}
func (p *bulkProbe) Message(m *msgs.Error) error {
	if m.Severity > tds.MaxInfoClass {
		p.failed = true
	}
	return p.Writer.Message(m)
}
func (p *bulkProbe) EnvChange(result.EnvChange) error     { return nil }
func (p *bulkProbe) ReturnStatus(int32) error             { return nil }
func (p *bulkProbe) ReturnValue(result.ReturnValue) error { return nil }

// bulkSink collects the outcome of the INSERTs a bulk load runs: messages
// go to the client, row counts are summed, everything else is dropped.
type bulkSink struct {
	result.Writer
	rows   int64
	failed bool
}

func (s *bulkSink) Columns([]result.Column) error { return nil }
func (s *bulkSink) Row([]types.Value) error       { return nil }
func (s *bulkSink) Done(d result.Done) error {
	if d.Error {
		s.failed = true
	} else if d.HasCount && (d.Cmd == result.CmdInsert || d.Cmd == result.CmdNone) {
		s.rows += d.Count
	}
	return nil
}
func (s *bulkSink) Message(m *msgs.Error) error {
	if m.Severity > tds.MaxInfoClass {
		s.failed = true
	}
	return s.Writer.Message(m)
}
func (s *bulkSink) EnvChange(result.EnvChange) error     { return nil }
func (s *bulkSink) ReturnStatus(int32) error             { return nil }
func (s *bulkSink) ReturnValue(result.ReturnValue) error { return nil }

// bulkColumn is one column of the bulk load as it is inserted.
type bulkColumn struct {
	src  int // index in the bulk load row
	ti   *tds.TypeInfo
	t    types.Type
	decl string // parameter declaration type
}

// loadBulk executes a bulk load message (0x07) for the pending INSERT BULK
// as INSERT statements through the engine, in one transaction unless the
// session already has one, and answers with DONE carrying the row count.
func (c *conn) loadBulk(ctx context.Context, payload []byte, w *resp) error {
	st := c.bulk
	c.bulk = nil
	if st == nil {
		w.Message(&msgs.Error{Number: 4022, Severity: 16, State: 1, Line: 1,
			Text: "Bulk load data was expected but not sent. The batch will be terminated."})
		return nil
	}
	var rd tds.BulkLoadReader
	if err := rd.Reset(payload, c.version); err != nil {
		w.Message(c.bulkStreamError(err))
		return w.Done(result.Done{Error: true})
	}
	// Columns the INSERT names: identity values are dropped unless
	// KEEPIDENTITY asks to keep them.
	var cols []bulkColumn
	var names []string
	for i := range rd.Columns {
		bc := &rd.Columns[i]
		name := bc.Name
		if i < len(st.stmt.Columns) && name == "" {
			name = st.stmt.Columns[i]
		}
		if st.identity[strings.ToLower(name)] && !st.stmt.KeepIdentity {
			continue
		}
		t, err := typeFromInfo(&bc.TypeInfo)
		if err != nil {
			w.Message(c.bulkStreamError(err))
			return w.Done(result.Done{Error: true})
		}
		cols = append(cols, bulkColumn{src: i, ti: &bc.TypeInfo, t: t, decl: paramDecl(t)})
		names = append(names, quoteName(name))
	}
	sink := &bulkSink{Writer: w}
	ownTran := c.sess.TranDescriptor() == 0
	if ownTran {
		if err := c.sess.ExecTM(ctx, &engine.TMRequest{Kind: engine.TMBegin}, sink); err != nil {
			return err
		}
	}
	err := c.insertBulkRows(ctx, st, &rd, cols, names, sink)
	if ownTran && c.sess.TranDescriptor() != 0 {
		kind := engine.TMCommit
		if err != nil || sink.failed {
			kind = engine.TMRollback
		}
		tctx := ctx
		if err != nil {
			tctx = context.Background() // cancelled: still roll back
		}
		if terr := c.sess.ExecTM(tctx, &engine.TMRequest{Kind: kind}, sink); terr != nil && err == nil {
			err = terr
		}
	}
	if err != nil {
		return err
	}
	if sink.failed {
		sink.rows = 0
	}
	return w.Done(result.Done{Cmd: result.CmdBulk, Count: sink.rows, HasCount: true, Error: sink.failed})
}

// insertBulkRows reads the rows and inserts them in chunks of one
// multi-row INSERT each. A stream error is reported as SQL Server's 4815
// family and ends the load.
func (c *conn) insertBulkRows(ctx context.Context, st *bulkState, rd *tds.BulkLoadReader, cols []bulkColumn, names []string, sink *bulkSink) error {
	perStmt := maxBulkRows
	if len(cols) > 0 {
		perStmt = min(maxBulkRows, max(1, maxBulkParams/len(cols)))
	}
	head := "INSERT INTO " + st.stmt.Table + " (" + strings.Join(names, ", ") + ") VALUES "
	var text, def strings.Builder
	rpc := engine.RPC{ProcID: engine.ProcExecuteSQL}
	params := make([]engine.Param, 0, 2+perStmt*len(cols))
	n := 0
	flush := func() error {
		if n == 0 {
			return nil
		}
		ntext := types.Type{ID: types.NVarChar, Length: types.MaxLength}
		rpc.Params = append(rpc.Params[:0], engine.Param{Type: ntext, Value: types.Value{K: types.KindString, S: text.String()}})
		if len(params) > 0 {
			rpc.Params = append(rpc.Params, engine.Param{Type: ntext, Value: types.Value{K: types.KindString, S: def.String()}})
			rpc.Params = append(rpc.Params, params...)
		}
		text.Reset()
		def.Reset()
		params = params[:0]
		n = 0
		return c.sess.ExecRPC(ctx, &rpc, sink)
	}
	for {
		row, err := rd.Next()
		if err != nil {
			sink.Message(c.bulkStreamError(err))
			return nil
		}
		if row == nil {
			break
		}
		if len(cols) == 0 {
			// Only identity columns were sent: each row is a new identity.
			if err := c.sess.ExecBatch(ctx, "INSERT INTO "+st.stmt.Table+" DEFAULT VALUES", sink); err != nil {
				return err
			}
			continue
		}
		if n == 0 {
			text.WriteString(head)
		} else {
			text.WriteString(", ")
		}
		text.WriteByte('(')
		for i := range cols {
			bc := &cols[i]
			if i > 0 {
				text.WriteString(", ")
			}
			rv := &row.Values[bc.src]
			if rv.Null {
				if st.stmt.KeepNulls {
					text.WriteString("NULL")
				} else {
					text.WriteString("DEFAULT")
				}
				continue
			}
			v, verr := valueFromWire(bc.ti, bc.t, rv.Data)
			if verr != nil {
				sink.Message(c.bulkStreamError(verr))
				return nil
			}
			name := "@" + strconv.Itoa(len(params)+1)
			if len(params) > 0 {
				def.WriteString(", ")
			}
			def.WriteString(name)
			def.WriteByte(' ')
			def.WriteString(bc.decl)
			text.WriteString(name)
			params = append(params, engine.Param{Name: name, Type: bc.t, Value: v})
		}
		text.WriteByte(')')
		n++
		if n >= perStmt {
			if err := flush(); err != nil {
				return err
			}
			if sink.failed {
				return nil
			}
		}
	}
	return flush()
}

// paramDecl is the type a bulk column's values are declared with: the
// legacy LOB types as their (max) successors.
func paramDecl(t types.Type) string {
	switch t.ID {
	case types.Text:
		return "varchar(max)"
	case types.NText, types.XML:
		return "nvarchar(max)"
	case types.Image:
		return "varbinary(max)"
	case types.Char, types.VarChar, types.NChar, types.NVarChar, types.Binary, types.VarBinary:
		if t.Length <= 0 {
			t.Length = types.MaxLength
		}
	}
	return t.String()
}

// bulkStreamError is SQL Server's answer to a bulk load stream it cannot
// read; the decoder's reason goes to the debug log.
func (c *conn) bulkStreamError(err error) *msgs.Error {
	c.logf("bulk load: %v", err)
	return &msgs.Error{Number: 4804, Severity: 16, State: 1, Line: 1,
		Text: "While reading current row from host, a premature end-of-message was encountered--an incoming data stream was interrupted when the server expected to see more data. The host program may have terminated. Ensure that you are using a supported client application programming interface (API)."}
}
