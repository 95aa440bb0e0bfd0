package tds

import (
	"bufio"
	"bytes"
	"context"
	"crypto/tls"
	"database/sql"
	"encoding/pem"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	mssql "github.com/microsoft/go-mssqldb"
	"github.com/shopspring/decimal"
)

// An end-to-end check of the codec against a real client: a minimal
// test-only server loop built from this package's API serves go-mssqldb
// over loopback in every encryption mode. It is not the server (that lives
// in server/); it only proves the byte layouts are what the client wants.

type e2eServer struct {
	t      *testing.T
	policy EncryptionPolicy
	cert   tls.Certificate
	ln     net.Listener
	modes  chan EncryptionMode
}

func startE2E(t *testing.T, policy EncryptionPolicy) *e2eServer {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &e2eServer{t: t, policy: policy, cert: testCert(t), ln: ln, modes: make(chan EncryptionMode, 16)}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go s.serve(c)
		}
	}()
	t.Cleanup(func() { ln.Close() })
	return s
}

func (s *e2eServer) dsn(params string) string {
	return fmt.Sprintf("sqlserver://sa:secret%%C3%%A9@%s?database=master&%s", s.ln.Addr(), params)
}

func (s *e2eServer) serve(conn net.Conn) {
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(30 * time.Second))
	br := bufio.NewReader(conn)
	cfg := &tls.Config{Certificates: []tls.Certificate{s.cert}, MaxVersion: tls.VersionTLS12, SessionTicketsDisabled: true}
	strict := false
	if first, err := br.Peek(1); err == nil && first[0] == FirstByteTLS {
		// TDS 8: TLS first (any version, ALPN tds/8.0), then plain TDS inside.
		tc := tls.Server(&peekedConn{Conn: conn, r: br}, &tls.Config{Certificates: []tls.Certificate{s.cert}, NextProtos: []string{"tds/8.0"}})
		if err := tc.Handshake(); err != nil {
			s.t.Errorf("tds8 handshake: %v", err)
			return
		}
		conn, br, strict = tc, bufio.NewReader(tc), true
	}
	mr := NewMessageReader(br, DefaultPacketSize)
	mw := NewMessageWriter(conn, DefaultPacketSize)
	mw.SetSPID(51)
	msg, err := mr.ReadMessage()
	if err != nil || msg.Type != PacketPrelogin {
		s.t.Errorf("prelogin: %v %v", msg.Type, err)
		return
	}
	var pl Prelogin
	if err := pl.Decode(msg.Payload); err != nil {
		s.t.Errorf("prelogin decode: %v", err)
		return
	}
	reply, mode := NegotiateEncryption(pl.Encryption, s.policy)
	if strict {
		reply, mode = pl.Encryption, EncryptionNone
	}
	s.modes <- mode
	sp := ServerPrelogin(ProductVersion{16, 0, 4000, 0}, reply)
	if err := mw.WriteMessage(PacketReply, sp.Encode(nil)); err != nil || mode == EncryptionRefuse {
		return
	}
	switch mode {
	case EncryptionFull, EncryptionLoginOnly:
		hc := NewHandshakeConn(conn, DefaultPacketSize)
		hc.SetReader(br)
		tc := tls.Server(hc, cfg)
		if err := tc.Handshake(); err != nil {
			s.t.Errorf("handshake: %v", err)
			return
		}
		if err := hc.Passthrough(mode == EncryptionLoginOnly); err != nil {
			s.t.Errorf("passthrough: %v", err)
			return
		}
		if mode == EncryptionFull {
			mr.Reset(tc)
			mw.Reset(tc)
			msg, err = mr.ReadMessage()
		} else {
			h, first, err2 := ReadPacket(tc, DefaultPacketSize)
			if err2 != nil {
				s.t.Errorf("first login packet: %v", err2)
				return
			}
			msg, err = mr.ContinueMessage(h, first)
		}
	default:
		msg, err = mr.ReadMessage()
	}
	if err != nil || msg.Type != PacketLogin7 {
		s.t.Errorf("login7: %v %v", msg.Type, err)
		return
	}
	var login Login7
	if err := login.Decode(msg.Payload); err != nil {
		s.t.Errorf("login7 decode: %v", err)
		return
	}
	v := Negotiate(login.TDSVersion, Version74)
	b := mw.Buf[:0]
	if login.UserName != "sa" || login.Password != "secreté" {
		b = AppendServerMessage(b, v, TokenError, 18456, 1, 14, "Login failed for user '"+login.UserName+"'.", "tsqld", "", 1)
		b = AppendDone(b, v, TokenDone, DoneError, 0, 0)
		mw.Buf = b
		_ = mw.EndMessage()
		return
	}
	b = AppendEnvChangeString(b, EnvDatabase, login.Database, "master")
	b = AppendServerMessage(b, v, TokenInfo, 5701, 2, 0, "Changed database context to '"+login.Database+"'.", "tsqld", "", 1)
	b = AppendEnvChangeCollation(b, SQLLatin1GeneralCP1CIAS)
	b = AppendEnvChangeString(b, EnvLanguage, "us_english", "")
	b = AppendServerMessage(b, v, TokenInfo, 5703, 1, 0, "Changed language setting to us_english.", "tsqld", "", 1)
	ack := LoginAck{Interface: LoginAckSQLTSQL, TDSVersion: v, ProgName: "Microsoft SQL Server", Major: 16, Build: 4000}
	b = ack.Encode(b)
	b = AppendEnvChangePacketSize(b, 4096, 4096)
	b = AppendDone(b, v, TokenDone, DoneFinal, 0, 0)
	mw.Buf = b
	if err := mw.EndMessage(); err != nil {
		return
	}
	var rpc RPCRequest
	var tran uint64
	for {
		msg, err := mr.ReadMessage()
		if err != nil {
			return
		}
		mw.BeginMessage(PacketReply)
		if msg.Type == PacketAttention {
			mw.Buf = AppendDone(mw.Buf, v, TokenDone, DoneAttn, 0, 0)
			_ = mw.EndMessage()
			continue
		}
		if msg.ResetConnection() {
			mw.Buf = AppendEnvChangeResetAck(mw.Buf)
		}
		switch msg.Type {
		case PacketSQLBatch:
			var batch SQLBatch
			if err := batch.Decode(msg.Payload, v); err != nil {
				s.t.Errorf("batch: %v", err)
				return
			}
			mw.Buf = s.batch(mw.Buf, v, batch.Text)
		case PacketRPC:
			if err := rpc.Decode(msg.Payload, v); err != nil {
				s.t.Errorf("rpc: %v", err)
				return
			}
			mw.Buf = s.echoRPC(mw.Buf, v, &rpc)
		case PacketTransMgr:
			var tm TMRequest
			if err := tm.Decode(msg.Payload, v); err != nil {
				s.t.Errorf("tm: %v", err)
				return
			}
			switch tm.Type {
			case TMBeginXact:
				tran++
				mw.Buf = AppendEnvChangeBeginTran(mw.Buf, tran)
			case TMCommitXact:
				mw.Buf = AppendEnvChangeEndTran(mw.Buf, EnvCommitTran, tran)
			case TMRollbackXact:
				mw.Buf = AppendEnvChangeEndTran(mw.Buf, EnvRollbackTran, tran)
			}
			mw.Buf = AppendDone(mw.Buf, v, TokenDone, DoneFinal, 0, 0)
		}
		if err := mw.EndMessage(); err != nil {
			return
		}
	}
}

var e2eTicks = TicksFromTime(time.Date(2024, 2, 29, 13, 45, 30, 123456700, time.UTC))

func (s *e2eServer) batch(b []byte, v Version, text string) []byte {
	col := SQLLatin1GeneralCP1CIAS
	switch {
	case strings.HasPrefix(text, "select 1"):
		b = AppendColMetadata(b, v, []Column{{Flags: ColNullable, TypeInfo: TypeInfo{Type: TypeIntN, Size: 4}, Name: ""}})
		b = AppendIntN(AppendRowToken(b), 4, 1)
		return AppendDone(b, v, TokenDone, DoneCount, CmdSelect, 1)
	case text == "ALL TYPES":
		cols := []Column{
			{TypeInfo: TypeInfo{Type: TypeIntN, Size: 1}, Name: "ti"},
			{TypeInfo: TypeInfo{Type: TypeIntN, Size: 2}, Name: "si"},
			{TypeInfo: TypeInfo{Type: TypeInt4}, Name: "i"},
			{TypeInfo: TypeInfo{Type: TypeIntN, Size: 8}, Name: "bi"},
			{TypeInfo: TypeInfo{Type: TypeBitN, Size: 1}, Name: "bit"},
			{TypeInfo: TypeInfo{Type: TypeFltN, Size: 4}, Name: "real"},
			{TypeInfo: TypeInfo{Type: TypeFltN, Size: 8}, Name: "float"},
			{TypeInfo: TypeInfo{Type: TypeDecimalN, Precision: 20, Scale: 4}, Name: "dec"},
			{TypeInfo: TypeInfo{Type: TypeNumericN, Precision: 38, Scale: 0}, Name: "num"},
			{TypeInfo: TypeInfo{Type: TypeMoneyN, Size: 8}, Name: "money"},
			{TypeInfo: TypeInfo{Type: TypeMoneyN, Size: 4}, Name: "smallmoney"},
			{TypeInfo: TypeInfo{Type: TypeDateTimeN, Size: 8}, Name: "dt"},
			{TypeInfo: TypeInfo{Type: TypeDateTimeN, Size: 4}, Name: "sdt"},
			{TypeInfo: TypeInfo{Type: TypeDateN}, Name: "d"},
			{TypeInfo: TypeInfo{Type: TypeTimeN, Scale: 7}, Name: "t"},
			{TypeInfo: TypeInfo{Type: TypeDateTime2N, Scale: 3}, Name: "dt2"},
			{TypeInfo: TypeInfo{Type: TypeDateTimeOffsetN, Scale: 7}, Name: "dto"},
			{TypeInfo: TypeInfo{Type: TypeGUID, Size: 16}, Name: "guid"},
			{TypeInfo: TypeInfo{Type: TypeNVarChar, Size: 40, Collation: col}, Name: "nv"},
			{TypeInfo: TypeInfo{Type: TypeBigVarChar, Size: 20, Collation: col}, Name: "vc"},
			{TypeInfo: TypeInfo{Type: TypeNVarChar, Size: MaxLen, Collation: col}, Name: "nvmax"},
			{TypeInfo: TypeInfo{Type: TypeBigVarBinary, Size: MaxLen}, Name: "vbmax"},
			{TypeInfo: TypeInfo{Type: TypeBigBinary, Size: 4}, Name: "bin"},
			{TypeInfo: TypeInfo{Type: TypeXML}, Name: "x"},
			{TypeInfo: TypeInfo{Type: TypeNText, Size: 0x7FFFFFFE, Collation: col}, TableName: []string{"dbo", "t"}, Name: "nt"},
			{TypeInfo: TypeInfo{Type: TypeText, Size: 0x7FFFFFFF, Collation: col}, TableName: []string{"dbo", "t"}, Name: "txt"},
			{TypeInfo: TypeInfo{Type: TypeImage, Size: 0x7FFFFFFF}, TableName: []string{"dbo", "t"}, Name: "img"},
			{TypeInfo: TypeInfo{Type: TypeVariant, Size: 8009}, Name: "var_int"},
			{TypeInfo: TypeInfo{Type: TypeVariant, Size: 8009}, Name: "var_nv"},
			{TypeInfo: TypeInfo{Type: TypeNChar, Size: 6, Collation: col}, Name: "nch"},
			{Flags: ColNullable, TypeInfo: TypeInfo{Type: TypeIntN, Size: 4}, Name: "null_int"},
			{Flags: ColNullable, TypeInfo: TypeInfo{Type: TypeNVarChar, Size: MaxLen, Collation: col}, Name: "null_nvmax"},
		}
		b = AppendColMetadata(b, v, cols)
		b = AppendRowToken(b)
		b = AppendIntN(b, 1, 200)
		b = AppendIntN(b, 2, -300)
		b = AppendIntFixed(b, 4, -70000)
		b = AppendIntN(b, 8, -9000000000)
		b = AppendBitN(b, true)
		b = AppendFltN(b, 4, 1.5)
		b = AppendFltN(b, 8, -2.25)
		b = AppendDecimalN(b, 20, true, 123456789, 0)                            // -12345.6789
		b = AppendDecimalN(b, 38, false, 0x098A223FFFFFFFFF, 0x4B3B4CA85A86C47A) // 10^38-1
		b = AppendMoneyN(b, 8, 123400)
		b = AppendMoneyN(b, 4, -5)
		b = AppendDateTimeN(b, 8, e2eTicks)
		b = AppendDateTimeN(b, 4, e2eTicks)
		b = AppendDateN(b, e2eTicks)
		b = AppendTimeN(b, 7, e2eTicks)
		b = AppendDateTime2N(b, 3, e2eTicks)
		b = AppendDateTimeOffsetN(b, 7, e2eTicks, 330)
		g := GUIDToWire([16]byte{0x6F, 0x96, 0x19, 0xFF, 0x8B, 0x86, 0xD0, 0x11, 0xB4, 0x2D, 0x00, 0xC0, 0x4F, 0xC9, 0x64, 0xFF})
		b = AppendGUIDN(b, g[:])
		b = AppendNVarChar(b, "héllo 😀")
		b = AppendVarCharString(b, "café")
		b = AppendPLPNVarChar(b, strings.Repeat("long ", 3000))
		b = AppendPLPUnknownLen(b)
		b = AppendPLPChunk(b, []byte{1, 2})
		b = AppendPLPChunk(b, []byte{3})
		b = AppendPLPTerminator(b)
		b = AppendVarBinary(b, []byte{0xDE, 0xAD, 0xBE, 0xEF})
		b = AppendPLPNVarChar(b, "<a>1</a>")
		b = AppendNTextRow(b, "ntext ü")
		b = AppendTextRow(b, AppendCP1252(nil, "text é"))
		b = AppendTextRow(b, []byte{9, 8, 7})
		b = AppendVariant(b, &TypeInfo{Type: TypeInt4}, AppendIntFixed(nil, 4, 42))
		b = AppendVariantHeader(b, &TypeInfo{Type: TypeNVarChar, Size: 8, Collation: col}, 8)
		b = AppendUTF16(b, "16.0")
		b = AppendNVarChar(b, "ab ")
		b = AppendNull(b, &cols[30].TypeInfo, true)
		b = AppendNull(b, &cols[31].TypeInfo, true)
		return AppendDone(b, v, TokenDone, DoneCount, CmdSelect, 1)
	case text == "select ERROR":
		b = AppendServerMessage(b, v, TokenError, 50000, 1, 16, "boom", "tsqld", "", 3)
		return AppendDone(b, v, TokenDone, DoneError, 0, 0)
	}
	return AppendDone(b, v, TokenDone, DoneFinal, 0, 0)
}

// echoRPC answers sp_executesql by returning every bound parameter as a
// column of one row, with the parameter's own TYPE_INFO and value.
func (s *e2eServer) echoRPC(b []byte, v Version, rpc *RPCRequest) []byte {
	call := &rpc.Calls[0]
	if call.ProcID != ProcExecuteSQL || len(call.Params) < 2 {
		s.t.Errorf("unexpected RPC %q", call.Name())
		return AppendDone(b, v, TokenDoneProc, DoneError, CmdRPC, 0)
	}
	params := call.Params[2:]
	cols := make([]Column, len(params))
	for i, p := range params {
		ti := p.TypeInfo
		if ti.Type == TypeNull {
			ti = TypeInfo{Type: TypeIntN, Size: 4}
		}
		if ti.HasCollation() && ti.Collation.IsZero() {
			ti.Collation = SQLLatin1GeneralCP1CIAS
		}
		cols[i] = Column{Flags: ColNullable, TypeInfo: ti, Name: strings.TrimPrefix(p.Name, "@")}
	}
	b = AppendColMetadata(b, v, cols)
	b = AppendRowToken(b)
	for i, p := range params {
		b = AppendRawValue(b, &cols[i].TypeInfo, p.Value, p.Null, true)
	}
	b = AppendDone(b, v, TokenDoneInProc, DoneMore|DoneCount, CmdSelect, 1)
	b = AppendReturnStatus(b, 0)
	return AppendDone(b, v, TokenDoneProc, DoneFinal, CmdRPC, 0)
}

func TestGoMSSQLDBEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end")
	}
	for _, c := range []struct {
		name   string
		policy EncryptionPolicy
		params string
		mode   EncryptionMode
	}{
		{"disable", PolicyOff, "encrypt=disable", EncryptionNone},
		{"login-only", PolicyOff, "", EncryptionLoginOnly},
		{"full", PolicyOff, "encrypt=true&TrustServerCertificate=true", EncryptionFull},
		{"forced", PolicyOn, "encrypt=false&TrustServerCertificate=true", EncryptionFull},
		{"strict", PolicyOff, "encrypt=strict&certificate=", EncryptionNone},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := startE2E(t, c.policy)
			if strings.HasSuffix(c.params, "certificate=") {
				// TDS 8 always verifies: pin our self-signed certificate.
				path := filepath.Join(t.TempDir(), "cert.pem")
				pemBytes := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: s.cert.Certificate[0]})
				if err := os.WriteFile(path, pemBytes, 0o600); err != nil {
					t.Fatal(err)
				}
				c.params += url.QueryEscape(path)
			}
			db, err := sql.Open("sqlserver", s.dsn(c.params))
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			db.SetMaxOpenConns(1)
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			var one int
			if err := db.QueryRowContext(ctx, "select 1").Scan(&one); err != nil || one != 1 {
				t.Fatalf("select 1: %d %v", one, err)
			}
			if m := <-s.modes; m != c.mode {
				t.Fatalf("mode %v, want %v", m, c.mode)
			}
			e2eAllTypes(ctx, t, db)
			e2eParams(ctx, t, db)
			e2eTx(ctx, t, db)
			var me mssql.Error
			if _, err := db.ExecContext(ctx, "select ERROR"); err == nil || !asMSSQLError(err, &me) || me.Number != 50000 || me.Message != "boom" || me.LineNo != 3 {
				t.Fatalf("error: %v", err)
			}
		})
	}
}

func TestGoMSSQLDBLoginFailure(t *testing.T) {
	s := startE2E(t, PolicyNotSupported)
	db, err := sql.Open("sqlserver", strings.Replace(s.dsn("encrypt=disable"), "secret", "wrong", 1))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err = db.PingContext(ctx)
	if err == nil || !strings.Contains(err.Error(), "Login failed for user 'sa'.") {
		t.Fatalf("bad password: %v", err)
	}
	// A client insisting on encryption against a server without TLS.
	db2, _ := sql.Open("sqlserver", s.dsn("encrypt=true&TrustServerCertificate=true"))
	defer db2.Close()
	if err := db2.PingContext(ctx); err == nil {
		t.Fatal("encrypt=true against NOT_SUP connected")
	}
}

func asMSSQLError(err error, out *mssql.Error) bool {
	e, ok := err.(mssql.Error)
	if ok {
		*out = e
	}
	return ok
}

func e2eAllTypes(ctx context.Context, t *testing.T, db *sql.DB) {
	rows, err := db.QueryContext(ctx, "ALL TYPES")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	colTypes, _ := rows.ColumnTypes()
	wantDB := []string{"TINYINT", "SMALLINT", "INT", "BIGINT", "BIT", "REAL", "FLOAT", "DECIMAL", "DECIMAL", "MONEY", "SMALLMONEY",
		"DATETIME", "SMALLDATETIME", "DATE", "TIME", "DATETIME2", "DATETIMEOFFSET", "UNIQUEIDENTIFIER", "NVARCHAR", "VARCHAR",
		"NVARCHAR", "VARBINARY", "BINARY", "XML", "NTEXT", "TEXT", "IMAGE", "SQL_VARIANT", "SQL_VARIANT", "NCHAR", "INT", "NVARCHAR"}
	for i, ct := range colTypes {
		if i < len(wantDB) && ct.DatabaseTypeName() != wantDB[i] {
			t.Errorf("column %s: %s, want %s", ct.Name(), ct.DatabaseTypeName(), wantDB[i])
		}
	}
	if !rows.Next() {
		t.Fatalf("no row: %v", rows.Err())
	}
	vals := make([]any, len(colTypes))
	ptrs := make([]any, len(vals))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	if err := rows.Scan(ptrs...); err != nil {
		t.Fatal(err)
	}
	ts := time.Date(2024, 2, 29, 13, 45, 30, 123456700, time.UTC)
	str := func(v any) string {
		if b, ok := v.([]byte); ok {
			return string(b)
		}
		return fmt.Sprint(v)
	}
	want := map[int]string{
		0: "200", 1: "-300", 2: "-70000", 3: "-9000000000", 4: "true", 5: "1.5", 6: "-2.25",
		7: "-12345.6789", 8: strings.Repeat("9", 38), 9: "12.3400", 10: "-0.0005",
		18: "héllo 😀", 19: "café", 23: "<a>1</a>", 24: "ntext ü", 25: "text é", 27: "42", 28: "16.0", 29: "ab ",
	}
	for i, w := range want {
		if g := str(vals[i]); g != w {
			t.Errorf("column %d (%s): %q, want %q", i, colTypes[i].Name(), g, w)
		}
	}
	checkTime := func(i int, want time.Time) {
		g, ok := vals[i].(time.Time)
		if !ok || !g.Equal(want) {
			t.Errorf("column %d (%s): %v, want %v", i, colTypes[i].Name(), vals[i], want)
		}
	}
	checkTime(11, time.Date(2024, 2, 29, 13, 45, 30, 123000000, time.UTC)) // go-mssqldb rounds datetime to ms
	checkTime(12, time.Date(2024, 2, 29, 13, 46, 0, 0, time.UTC))
	checkTime(13, time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC))
	checkTime(14, time.Date(1, 1, 1, 13, 45, 30, 123456700, time.UTC))
	checkTime(15, time.Date(2024, 2, 29, 13, 45, 30, 123000000, time.UTC))
	checkTime(16, ts.Add(-330*time.Minute))
	if dto := vals[16].(time.Time); func() int { _, off := dto.Zone(); return off }() != 330*60 {
		t.Errorf("datetimeoffset zone %v", dto)
	}
	if g := vals[17].([]byte); !bytes.Equal(g, []byte{0xFF, 0x19, 0x96, 0x6F, 0x86, 0x8B, 0x11, 0xD0, 0xB4, 0x2D, 0x00, 0xC0, 0x4F, 0xC9, 0x64, 0xFF}) {
		t.Errorf("guid % X", g)
	}
	if g := str(vals[20]); g != strings.Repeat("long ", 3000) {
		t.Errorf("nvarchar(max) of %d chars", len(g))
	}
	if g := vals[21].([]byte); !bytes.Equal(g, []byte{1, 2, 3}) {
		t.Errorf("varbinary(max) % X", g)
	}
	if g := vals[22].([]byte); !bytes.Equal(g, []byte{0xDE, 0xAD, 0xBE, 0xEF}) {
		t.Errorf("binary % X", g)
	}
	if g := vals[26].([]byte); !bytes.Equal(g, []byte{9, 8, 7}) {
		t.Errorf("image % X", g)
	}
	if vals[30] != nil || vals[31] != nil {
		t.Errorf("NULLs: %v %v", vals[30], vals[31])
	}
	if rows.Next() {
		t.Fatal("extra row")
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
}

func e2eParams(ctx context.Context, t *testing.T, db *sql.DB) {
	ts := time.Date(2023, 7, 1, 8, 30, 15, 500000000, time.FixedZone("", 2*3600))
	long := strings.Repeat("x", 5000)
	var (
		i64   int64
		s     string
		null  sql.NullString
		bl    bool
		f     float64
		tm    time.Time
		bin   []byte
		ls    string
		guid  mssql.UniqueIdentifier
		dec2  string
		vchar string
	)
	g := mssql.UniqueIdentifier{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}
	err := db.QueryRowContext(ctx, "select @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11",
		int64(-42), "ünïcode 😀", nil, true, 3.25, ts, []byte{0, 1, 2}, long, g,
		decimal.RequireFromString("-12345.678"), mssql.VarChar("plain")).Scan(&i64, &s, &null, &bl, &f, &tm, &bin, &ls, &guid, &dec2, &vchar)
	if err != nil {
		t.Fatal(err)
	}
	if i64 != -42 || s != "ünïcode 😀" || null.Valid || !bl || f != 3.25 || !tm.Equal(ts) || !bytes.Equal(bin, []byte{0, 1, 2}) ||
		ls != long || guid != g || vchar != "plain" || dec2 != "-12345.678" {
		t.Fatalf("echo: %d %q %v %v %v %v % X %d %v %q %q", i64, s, null, bl, f, tm, bin, len(ls), guid, dec2, vchar)
	}
}

func e2eTx(ctx context.Context, t *testing.T, db *sql.DB) {
	tx, err := db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelSerializable})
	if err != nil {
		t.Fatal(err)
	}
	var one int
	if err := tx.QueryRowContext(ctx, "select 1").Scan(&one); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	tx, err = db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
}

// peekedConn reads through the bufio.Reader that peeked the first byte.
type peekedConn struct {
	net.Conn
	r io.Reader
}

func (p *peekedConn) Read(b []byte) (int, error) { return p.r.Read(b) }
