package server

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tsqld/tsqld/sql/engine"
	"github.com/tsqld/tsqld/tds"
)

// describe renders tokens compactly for order checks.
func describe(toks []any) string {
	var parts []string
	for _, t := range toks {
		switch t := t.(type) {
		case tds.Done:
			parts = append(parts, fmt.Sprintf("%02X/%X/%X/%d", t.Token, t.Status, t.CurCmd, t.RowCount))
		case tds.EnvChange:
			parts = append(parts, fmt.Sprintf("ENV%d", t.Type))
		case tds.ServerMessage:
			parts = append(parts, fmt.Sprintf("MSG%d", t.Number))
		case tds.LoginAck:
			parts = append(parts, "LOGINACK")
		case tds.ColMetadata:
			parts = append(parts, "COLMETA")
		case tds.Row:
			parts = append(parts, "ROW")
		case tds.ReturnStatus:
			parts = append(parts, "RETSTATUS")
		case tds.ReturnValue:
			parts = append(parts, "RETVAL")
		}
	}
	return strings.Join(parts, " ")
}

func TestLoginResponseShape(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.Encryption = EncryptNone })
	c := dialRaw(t, "tcp", ts.Addrs()[0].String())
	p := c.prelogin()
	if p.Version != productVersion() || p.Encryption != tds.EncryptNotSup || !p.HasInstance || p.Instance != "" ||
		p.ThreadID == nil || len(p.ThreadID) != 0 || !p.HasMARS || p.MARS != 0 || p.TraceID != nil {
		t.Errorf("prelogin reply %+v", p)
	}
	toks, m := c.login(tds.Version74, "sa", testPassword, 8000)
	if got, want := describe(toks), "ENV1 MSG5701 ENV7 ENV2 MSG5703 LOGINACK ENV4 FD/0/0/0"; got != want {
		t.Fatalf("login response %s, want %s", got, want)
	}
	if m.SPID < 51 {
		t.Errorf("packet header SPID %d", m.SPID)
	}
	coll := toks[2].(tds.EnvChange)
	if !bytes.Equal(coll.NewValue, []byte{0x09, 0x04, 0xD0, 0x00, 0x34}) || len(coll.OldValue) != 0 {
		t.Errorf("collation %x/%x", coll.NewValue, coll.OldValue)
	}
	info := toks[1].(tds.ServerMessage)
	if info.Class != 0 || info.State != 2 || info.Text != "Changed database context to 'master'." || info.ServerName != "TESTSRV" {
		t.Errorf("5701 %+v", info)
	}
	ack := toks[5].(tds.LoginAck)
	if ack.TDSVersion != tds.Version74 || ack.Interface != 1 || ack.ProgName != "Microsoft SQL Server\x00\x00" || ack.Major != 16 {
		t.Errorf("loginack %+v", ack)
	}
	if ps := toks[6].(tds.EnvChange); ps.NewString() != "8000" {
		t.Errorf("packet size %q", ps.NewString())
	}
	// Results after login use the negotiated packet size.
	toks = c.batch("select top 3000")
	if got := describe(toks[len(toks)-1:]); got != "FD/10/C1/3000" {
		t.Errorf("final done %s", got)
	}
}

func TestTDS71Dialect(t *testing.T) {
	ts := startServer(t, nil)
	c := dialRaw(t, "tcp", ts.Addrs()[0].String())
	// jTDS: LOGIN7 straight away (no PRELOGIN), TDS 7.1, packet size 0.
	toks, _ := c.login(tds.Version71A, "sa", testPassword, 0)
	if got, want := describe(toks), "ENV1 MSG5701 ENV7 ENV2 MSG5703 LOGINACK ENV4 FD/0/0/0"; got != want {
		t.Fatalf("login response %s, want %s", got, want)
	}
	if ack := toks[5].(tds.LoginAck); ack.TDSVersion != tds.Version71A {
		t.Errorf("loginack version %v", ack.TDSVersion)
	}
	if ps := toks[6].(tds.EnvChange); ps.NewString() != "4096" {
		t.Errorf("packet size %q", ps.NewString())
	}
	toks = c.batch("select * from fixed")
	if got := describe(toks); got != "COLMETA ROW FD/10/C1/1" {
		t.Fatalf("tokens %s", got)
	}
	cm := toks[0].(tds.ColMetadata)
	byName := map[string]tds.Column{}
	for _, col := range cm.Columns {
		byName[col.Name] = col
	}
	// (max) → ntext, date/time → nvarchar, xml → ntext, no 7.3 types.
	for name, typ := range map[string]uint8{"nvmax": tds.TypeNText, "dd": tds.TypeNVarChar, "dt2": tds.TypeNVarChar, "dto": tds.TypeNVarChar, "x": tds.TypeNText, "dt": tds.TypeDateTimeN} {
		if got := byName[name].TypeInfo.Type; got != typ {
			t.Errorf("7.1 column %s type 0x%02X, want 0x%02X", name, got, typ)
		}
	}
	row := toks[1].(tds.Row)
	for i, col := range cm.Columns {
		if col.Name == "dto" {
			if got := tds.DecodeUTF16(row.Values[i].Data); got != "2024-02-29 13:45:30.0000000 +02:00" {
				t.Errorf("datetimeoffset as text %q", got)
			}
		}
		if col.Name == "nvmax" && len(row.Values[i].Data) != 2*10000 {
			t.Errorf("ntext length %d", len(row.Values[i].Data))
		}
	}
}

func TestAttentionAndIgnore(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.Encryption = EncryptNone })
	c := dialRaw(t, "tcp", ts.Addrs()[0].String())
	c.prelogin()
	c.login(tds.Version74, "sa", testPassword, 4096)

	// Attention after the response is complete: a message of its own.
	c.batch("select 1")
	c.nc.Write(tds.AttentionPacket(0))
	if got := describe(c.tokens(c.recv().Payload)); got != "FD/20/0/0" {
		t.Errorf("late attention reply %s", got)
	}

	// Attention during a long request: cancelled quickly, DONE(ATTN) last.
	b := tds.SQLBatch{Text: "waitfor delay '00:00:10'", Headers: tds.AllHeaders{HasTransaction: true, OutstandingRequestCount: 1}}
	c.send(tds.PacketSQLBatch, b.Encode(nil, c.v))
	time.Sleep(100 * time.Millisecond)
	start := time.Now()
	c.nc.Write(tds.AttentionPacket(0))
	toks := c.tokens(c.recv().Payload)
	if d := time.Since(start); d > time.Second {
		t.Errorf("attention took %v", d)
	}
	if got := describe(toks); got != "FD/20/0/0" {
		t.Errorf("attention reply %s", got)
	}

	// A request cancelled with the IGNORE bit gets no reply at all.
	hdr := tds.Header{Type: tds.PacketSQLBatch, Status: tds.StatusEOM | tds.StatusIgnore}
	payload := b.Encode(nil, c.v)
	hdr.Length = uint16(tds.HeaderSize + len(payload))
	c.nc.Write(append(hdr.Encode(nil), payload...))
	if got := describe(c.batch("select 1")); got != "COLMETA ROW FD/10/C1/1" {
		t.Errorf("after ignored request: %s", got)
	}
}

func TestRPCBatchAndReturnValues(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.Encryption = EncryptNone })
	c := dialRaw(t, "tcp", ts.Addrs()[0].String())
	c.prelogin()
	c.login(tds.Version74, "sa", testPassword, 4096)
	nv := func(s string) tds.RPCParam {
		return tds.RPCParam{TypeInfo: tds.TypeInfo{Type: tds.TypeNVarChar, Size: 8000}, Value: tds.AppendUTF16(nil, s)}
	}
	intp := func(name string, v int64) tds.RPCParam {
		return tds.RPCParam{Name: name, TypeInfo: tds.TypeInfo{Type: tds.TypeIntN, Size: 8}, Value: tds.AppendIntFixed(nil, 8, v)}
	}
	req := tds.RPCRequest{
		Headers: tds.AllHeaders{HasTransaction: true, OutstandingRequestCount: 1},
		Calls: []tds.RPCCall{
			{ProcID: engine.ProcExecuteSQL, Params: []tds.RPCParam{nv("select @a"), nv("@a bigint"), intp("@a", 7)}},
			{ProcID: engine.ProcExecuteSQL, Separator: 0xFF, Params: []tds.RPCParam{nv("select @a"), nv("@a bigint"), intp("@a", 8)}},
			{ProcName: "nosuchproc", Separator: 0xFF},
		},
	}
	c.send(tds.PacketRPC, req.Encode(nil, c.v))
	got := describe(c.tokens(c.recv().Payload))
	want := "COLMETA ROW FF/11/C1/1 RETSTATUS FE/1/E0/0 COLMETA ROW FF/11/C1/1 RETSTATUS FE/1/E0/0 MSG2812 FE/2/E0/0"
	if got != want {
		t.Errorf("multi-RPC reply\n got %s\nwant %s", got, want)
	}
	ts.backend.mu.Lock()
	defer ts.backend.mu.Unlock()
	if n := len(ts.backend.rpcs); n != 3 {
		t.Fatalf("%d RPCs executed", n)
	}
	p := ts.backend.rpcs[1].Params[2]
	if p.Name != "@a" || p.Value.I != 8 {
		t.Errorf("param %+v", p)
	}
}

func TestResetConnectionAck(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.Encryption = EncryptNone })
	c := dialRaw(t, "tcp", ts.Addrs()[0].String())
	c.prelogin()
	c.login(tds.Version74, "sa", testPassword, 4096)
	c.batch("begin tran")
	b := tds.SQLBatch{Text: "select 1", Headers: tds.AllHeaders{HasTransaction: true, OutstandingRequestCount: 1}}
	payload := b.Encode(nil, c.v)
	hdr := tds.Header{Type: tds.PacketSQLBatch, Status: tds.StatusEOM | tds.StatusResetConnection, Length: uint16(tds.HeaderSize + len(payload))}
	c.nc.Write(append(hdr.Encode(nil), payload...))
	toks := c.tokens(c.recv().Payload)
	if got := describe(toks); got != "ENV18 ENV10 COLMETA ROW FD/10/C1/1" {
		t.Errorf("reset reply %s", got)
	}
}

func TestUnixSocket(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tsqld.sock")
	ts := startServer(t, func(c *Config) { c.UnixSocket = path; c.Encryption = EncryptNone })
	c := dialRaw(t, "unix", path)
	c.prelogin()
	toks, _ := c.login(tds.Version74, "sa", testPassword, 4096)
	if got := describe(toks[len(toks)-1:]); got != "FD/0/0/0" {
		t.Fatalf("login over unix socket: %s", describe(toks))
	}
	found := false
	for _, si := range ts.Sessions() {
		if si.NetTransport == "Unix" && si.ClientAddr == "<local machine>" {
			found = true
		}
	}
	if !found {
		t.Errorf("unix session not registered: %+v", ts.Sessions())
	}
	if !strings.Contains(ts.log.text(), "Server local connection provider is ready to accept connection on [ "+path+" ].") {
		t.Errorf("log:\n%s", ts.log.text())
	}
}

func TestMalformedInput(t *testing.T) {
	ts := startServer(t, nil)
	addr := ts.Addrs()[0].String()
	// Not TDS at all: closed without a reply.
	c := dialRaw(t, "tcp", addr)
	c.nc.Write([]byte("GET / HTTP/1.0\r\n\r\n"))
	if n, err := c.nc.Read(make([]byte, 1)); err == nil {
		t.Errorf("HTTP request answered with %d bytes", n)
	}
	// A structurally invalid PRELOGIN: closed and logged as 17828.
	c = dialRaw(t, "tcp", addr)
	c.send(tds.PacketPrelogin, []byte{0x00, 0x00, 0x50, 0x00, 0x06, 0xFF})
	if n, err := c.nc.Read(make([]byte, 1)); err == nil {
		t.Errorf("bad PRELOGIN answered with %d bytes", n)
	}
	if !strings.Contains(ts.log.text(), "Logon Error: 17828, Severity: 20, State: 3.") ||
		!strings.Contains(ts.log.text(), "Please contact the vendor of the client library. [CLIENT: 127.0.0.1]") {
		t.Errorf("log:\n%s", ts.log.text())
	}
	// The server still serves.
	if err := openDB(t, ts.dsn("encrypt=disable")).Ping(); err != nil {
		t.Fatal(err)
	}
}

// The PRELOGIN ENCRYPTION answer follows the spec matrix for each policy.
func TestEncryptionMatrix(t *testing.T) {
	cases := []struct {
		policy         Encryption
		client, answer uint8
	}{
		{EncryptAvailable, tds.EncryptOff, tds.EncryptOff},
		{EncryptAvailable, tds.EncryptOn, tds.EncryptOn},
		{EncryptAvailable, tds.EncryptNotSup, tds.EncryptNotSup},
		{EncryptAvailable, tds.EncryptReq, tds.EncryptOn},
		{EncryptForced, tds.EncryptOff, tds.EncryptReq},
		{EncryptForced, tds.EncryptOn, tds.EncryptOn},
		{EncryptForced, tds.EncryptNotSup, tds.EncryptReq},
		{EncryptNone, tds.EncryptOff, tds.EncryptNotSup},
		{EncryptNone, tds.EncryptOn, tds.EncryptNotSup},
	}
	servers := map[Encryption]*testServer{}
	for _, p := range []Encryption{EncryptAvailable, EncryptForced, EncryptNone} {
		servers[p] = startServer(t, func(c *Config) { c.Encryption = p })
	}
	for _, tc := range cases {
		c := dialRaw(t, "tcp", servers[tc.policy].Addrs()[0].String())
		p := tds.Prelogin{HasVersion: true, HasEncryption: true, Encryption: tc.client, HasInstance: true}
		c.send(tds.PacketPrelogin, p.Encode(nil))
		var r tds.Prelogin
		if err := r.Decode(c.recv().Payload); err != nil {
			t.Fatal(err)
		}
		if r.Encryption != tc.answer {
			t.Errorf("policy %d client 0x%02X: answered 0x%02X, want 0x%02X", tc.policy, tc.client, r.Encryption, tc.answer)
		}
	}
}
