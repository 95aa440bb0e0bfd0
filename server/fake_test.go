package server

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/cockroachdb/apd/v3"
	"github.com/tsqld/tsqld/sql/engine"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/types"
)

// fakeBackend stands in for the engine in server tests: one login (sa),
// one database, and a handful of fixed batches with real-looking results.
type fakeBackend struct {
	password string
	mu       sync.Mutex
	resets   int
	batches  []string
	rpcs     []engine.RPC
	closed   int
}

func (f *fakeBackend) Authenticate(login, password string) (engine.LoginInfo, *msgs.Error) {
	if !strings.EqualFold(login, "sa") {
		return engine.LoginInfo{}, &msgs.Error{Number: 18456, Severity: 14, State: 5, Text: fmt.Sprintf("Login failed for user '%s'.", login)}
	}
	if password != f.password {
		return engine.LoginInfo{}, &msgs.Error{Number: 18456, Severity: 14, State: 8, Text: fmt.Sprintf("Login failed for user '%s'. Reason: Password did not match that for the login provided.", login)}
	}
	return engine.LoginInfo{Name: "sa", DefaultDatabase: "master", DefaultLanguage: "us_english", SysAdmin: true}, nil
}

func (f *fakeBackend) NewSession(cfg engine.SessionConfig) (engine.Session, *msgs.Error) {
	db := cfg.Database
	if db == "" {
		db = "master"
	}
	if !strings.EqualFold(db, "master") && !strings.EqualFold(db, "tempdb") {
		return nil, &msgs.Error{Number: 4060, Severity: 11, State: 1, Line: 1,
			Text: fmt.Sprintf("Cannot open database \"%s\" requested by the login. The login failed.", db)}
	}
	return &fakeSession{b: f, db: db, cfg: cfg}, nil
}

type fakeSession struct {
	b    *fakeBackend
	db   string
	cfg  engine.SessionConfig
	tran uint64
	next uint64
}

// fixedColumns is the fixed table: one column of every type family.
var fixedColumns = []result.Column{
	{Name: "i", Type: types.Type{ID: types.Int}},
	{Name: "bi", Type: types.Type{ID: types.BigInt}, Nullable: true},
	{Name: "ti", Type: types.Type{ID: types.TinyInt}},
	{Name: "si", Type: types.Type{ID: types.SmallInt}},
	{Name: "b", Type: types.Type{ID: types.Bit}},
	{Name: "f", Type: types.Type{ID: types.Float}},
	{Name: "r", Type: types.Type{ID: types.Real}},
	{Name: "d", Type: types.Type{ID: types.Decimal, Precision: 18, Scale: 4}},
	{Name: "dbig", Type: types.Type{ID: types.Decimal, Precision: 38, Scale: 2}},
	{Name: "m", Type: types.Type{ID: types.Money}},
	{Name: "sm", Type: types.Type{ID: types.SmallMoney}},
	{Name: "vc", Type: types.Type{ID: types.VarChar, Length: 20}},
	{Name: "nvc", Type: types.Type{ID: types.NVarChar, Length: 20}},
	{Name: "nvmax", Type: types.Type{ID: types.NVarChar, Length: types.MaxLength}},
	{Name: "vb", Type: types.Type{ID: types.VarBinary, Length: 10}},
	{Name: "dt", Type: types.Type{ID: types.DateTime}},
	{Name: "sdt", Type: types.Type{ID: types.SmallDateTime}},
	{Name: "dd", Type: types.Type{ID: types.Date}},
	{Name: "tt", Type: types.Type{ID: types.Time, Scale: 7}},
	{Name: "dt2", Type: types.Type{ID: types.DateTime2, Scale: 7}},
	{Name: "dto", Type: types.Type{ID: types.DateTimeOffset, Scale: 7}},
	{Name: "g", Type: types.Type{ID: types.UniqueIdentifier}},
	{Name: "x", Type: types.Type{ID: types.XML}},
	{Name: "v", Type: types.Type{ID: types.SQLVariant}},
	{Name: "nul", Type: types.Type{ID: types.Int}, Nullable: true},
}

// ticksOf returns 100ns ticks since 0001-01-01 of a wall clock.
func ticksOf(y int, mo time.Month, d, h, mi, s, ns int) int64 {
	dd := int64(civilDays(y, int(mo), d))
	return dd*864_000_000_000 + int64(h*3600+mi*60+s)*10_000_000 + int64(ns/100)
}

func civilDays(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 306
}

func fixedRow() []types.Value {
	var d, dbig apd.Decimal
	d.SetString("12345.6789")
	dbig.SetString("-123456789012345678901234567890.12")
	dt := ticksOf(2024, 2, 29, 13, 45, 30, 123_000_000)
	return []types.Value{
		{K: types.KindInt, I: -2147483648},
		{K: types.KindInt, I: 9223372036854775807},
		{K: types.KindInt, I: 255},
		{K: types.KindInt, I: -32768},
		{K: types.KindBool, I: 1},
		{K: types.KindFloat, F: 3.141592653589793},
		{K: types.KindFloat, F: 2.5},
		{K: types.KindDecimal, Dec: d},
		{K: types.KindDecimal, Dec: dbig},
		{K: types.KindMoney, I: -9223372036854775807},
		{K: types.KindMoney, I: 2147483647},
		{K: types.KindString, S: "café"},
		{K: types.KindString, S: "日本語 ✓"},
		{K: types.KindString, S: strings.Repeat("long text ", 1000)},
		{K: types.KindBytes, B: []byte{0, 1, 2, 0xFF}},
		{K: types.KindDateTime, I: dt},
		{K: types.KindDateTime, I: ticksOf(2024, 2, 29, 13, 46, 0, 0)},
		{K: types.KindDateTime, I: ticksOf(2024, 2, 29, 0, 0, 0, 0)},
		{K: types.KindDateTime, I: ticksOf(1, 1, 1, 13, 45, 30, 123_456_700)},
		{K: types.KindDateTime, I: ticksOf(9999, 12, 31, 23, 59, 59, 999_999_900)},
		{K: types.KindDateTime, I: ticksOf(2024, 2, 29, 13, 45, 30, 0), Off: 120},
		{K: types.KindGUID, B: []byte{0x78, 0x56, 0x34, 0x12, 0x34, 0x12, 0x78, 0x56, 0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC, 0xDE, 0xF0}},
		{K: types.KindString, S: "<a>1</a>"},
		{K: types.KindVariant, Var: &types.VariantValue{Type: types.Type{ID: types.Int}, Value: types.Value{K: types.KindInt, I: 42}}},
		{},
	}
}

func (s *fakeSession) ExecBatch(ctx context.Context, sql string, w result.Writer) error {
	s.b.mu.Lock()
	s.b.batches = append(s.b.batches, sql)
	s.b.mu.Unlock()
	q := strings.ToLower(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(sql), ";")))
	switch {
	case strings.HasPrefix(q, "select @@max_precision"):
		// jTDS's connection batch: the precision, then SET statements.
		w.Columns([]result.Column{{Name: "", Type: types.Type{ID: types.TinyInt}}})
		w.Row([]types.Value{{K: types.KindInt, I: 38}})
		w.Done(result.Done{Cmd: result.CmdSelect, Count: 1, HasCount: true})
		return w.Done(result.Done{Cmd: result.CmdSet})
	case q == "select 1":
		if err := w.Columns([]result.Column{{Name: "", Type: types.Type{ID: types.Int}}}); err != nil {
			return err
		}
		if err := w.Row([]types.Value{{K: types.KindInt, I: 1}}); err != nil {
			return err
		}
		return w.Done(result.Done{Cmd: result.CmdSelect, Count: 1, HasCount: true})
	case q == "select * from fixed":
		if err := w.Columns(fixedColumns); err != nil {
			return err
		}
		if err := w.Row(fixedRow()); err != nil {
			return err
		}
		return w.Done(result.Done{Cmd: result.CmdSelect, Count: 1, HasCount: true})
	case q == "select * from nulls": // NBCROW and ROW intermixed
		return writeNullRows(w)
	case strings.HasPrefix(q, "select top "): // select top N: N rows of one bigint
		var n int
		fmt.Sscanf(q, "select top %d", &n)
		if err := w.Columns([]result.Column{{Name: "n", Type: types.Type{ID: types.BigInt}}}); err != nil {
			return err
		}
		row := []types.Value{{K: types.KindInt}}
		for i := 0; i < n; i++ {
			row[0].I = int64(i)
			if err := w.Row(row); err != nil {
				return err
			}
		}
		return w.Done(result.Done{Cmd: result.CmdSelect, Count: int64(n), HasCount: true})
	case strings.HasPrefix(q, "waitfor delay"):
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(10 * time.Second):
		}
		return w.Done(result.Done{})
	case strings.HasPrefix(q, "throw"):
		if err := w.Message(&msgs.Error{Number: 50001, Severity: 16, State: 3, Line: 2, Text: "boom"}); err != nil {
			return err
		}
		return w.Done(result.Done{Error: true})
	case q == "print 'hi'; select 1":
		w.Message(&msgs.Error{Number: 0, Severity: 0, State: 1, Line: 1, Text: "hi"})
		w.Done(result.Done{})
		w.Columns([]result.Column{{Name: "x", Type: types.Type{ID: types.Int}}})
		w.Row([]types.Value{{K: types.KindInt, I: 1}})
		return w.Done(result.Done{Cmd: result.CmdSelect, Count: 1, HasCount: true})
	case q == "insert rows":
		return w.Done(result.Done{Cmd: result.CmdInsert, Count: 3, HasCount: true})
	case q == "begin tran":
		return s.begin(w)
	case q == "fatal":
		w.Message(&msgs.Error{Number: 21, Severity: 20, State: 1, Line: 1, Text: "fatal"})
		w.Done(result.Done{Error: true})
		return &engine.FatalError{Reason: "test"}
	case q == "select @@trancount":
		w.Columns([]result.Column{{Name: "", Type: types.Type{ID: types.Int}}})
		n := int64(0)
		if s.tran != 0 {
			n = 1
		}
		w.Row([]types.Value{{K: types.KindInt, I: n}})
		return w.Done(result.Done{Cmd: result.CmdSelect, Count: 1, HasCount: true})
	}
	w.Message(&msgs.Error{Number: 102, Severity: 15, State: 1, Line: 1, Text: "Incorrect syntax near 'x'."})
	return w.Done(result.Done{Error: true})
}

func (s *fakeSession) begin(w result.Writer) error {
	s.next++
	s.tran = s.next
	w.EnvChange(result.EnvChange{Type: result.EnvBeginTran, Descriptor: s.tran})
	return w.Done(result.Done{Cmd: result.CmdBeginTx})
}

// ExecRPC echoes sp_executesql parameters (after the two first) as one
// row, with an int return status and OUTPUT parameters doubled.
func (s *fakeSession) ExecRPC(ctx context.Context, rpc *engine.RPC, w result.Writer) error {
	s.b.mu.Lock()
	cp := *rpc
	cp.Params = append([]engine.Param(nil), rpc.Params...)
	s.b.rpcs = append(s.b.rpcs, cp)
	s.b.mu.Unlock()
	name := strings.ToLower(rpc.ProcName)
	if rpc.ProcID != engine.ProcExecuteSQL && name != "sp_executesql" {
		w.Message(&msgs.Error{Number: 2812, Severity: 16, State: 62, Line: 1, Text: fmt.Sprintf("Could not find stored procedure '%s'.", rpc.ProcName)})
		return nil
	}
	params := rpc.Params
	if len(params) < 1 {
		return nil
	}
	stmt := strings.ToLower(params[0].Value.S)
	if strings.HasPrefix(stmt, "waitfor") || strings.HasPrefix(stmt, "throw") {
		return s.ExecBatch(ctx, stmt, inProc{w})
	}
	if len(params) > 2 {
		params = params[2:]
	} else {
		params = nil
	}
	cols := make([]result.Column, len(params))
	row := make([]types.Value, len(params))
	for i, p := range params {
		t := p.Type
		if t.ID == types.Unknown {
			t = types.Type{ID: types.Int}
		}
		cols[i] = result.Column{Name: strings.TrimPrefix(p.Name, "@"), Type: t, Nullable: true}
		row[i] = p.Value
	}
	if err := w.Columns(cols); err != nil {
		return err
	}
	if err := w.Row(row); err != nil {
		return err
	}
	if err := w.Done(result.Done{Cmd: result.CmdSelect, Count: 1, HasCount: true, InProc: true}); err != nil {
		return err
	}
	return w.ReturnStatus(0)
}

// inProc marks Dones as inside a procedure.
type inProc struct{ result.Writer }

func (p inProc) Done(d result.Done) error { d.InProc = true; return p.Writer.Done(d) }

func (s *fakeSession) ExecTM(ctx context.Context, req *engine.TMRequest, w result.Writer) error {
	switch req.Kind {
	case engine.TMBegin:
		return s.begin(w)
	case engine.TMCommit, engine.TMRollback:
		typ := result.EnvCommitTran
		if req.Kind == engine.TMRollback {
			typ = result.EnvRollbackTran
		}
		if s.tran != 0 {
			w.EnvChange(result.EnvChange{Type: typ, Descriptor: s.tran})
			s.tran = 0
		}
		return w.Done(result.Done{Cmd: result.CmdEndTx})
	}
	return w.Done(result.Done{})
}

func (s *fakeSession) Reset(w result.Writer) error {
	s.b.mu.Lock()
	s.b.resets++
	s.b.mu.Unlock()
	if s.tran != 0 {
		w.EnvChange(result.EnvChange{Type: result.EnvRollbackTran, Descriptor: s.tran})
		s.tran = 0
	}
	return nil
}

func (s *fakeSession) Database() string       { return s.db }
func (s *fakeSession) Language() string       { return "us_english" }
func (s *fakeSession) TranDescriptor() uint64 { return s.tran }
func (s *fakeSession) Close() error {
	s.b.mu.Lock()
	s.b.closed++
	s.b.mu.Unlock()
	return nil
}
