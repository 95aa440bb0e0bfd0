package tds

import (
	"bytes"
	"testing"
)

// Login response of MS-TDS 4.4 (payload after the packet header).
const specLoginResponse = `E3 1B 00 01 06 6D 00 61
00 73 00 74 00 65 00 72 00 06 6D 00 61 00 73 00 74 00 65 00 72 00 AB 58 00 45 16 00 00 02 00 25
00 43 00 68 00 61 00 6E 00 67 00 65 00 64 00 20 00 64 00 61 00 74 00 61 00 62 00 61 00 73 00 65
00 20 00 63 00 6F 00 6E 00 74 00 65 00 78 00 74 00 20 00 74 00 6F 00 20 00 27 00 6D 00 61 00 73
00 74 00 65 00 72 00 27 00 2E 00 00 00 00 00 00 00 E3 08 00 07 05 09 04 D0 00 34 00 E3 17 00 02
0A 75 00 73 00 5F 00 65 00 6E 00 67 00 6C 00 69 00 73 00 68 00 00 E3 13 00 04 04 34 00 30 00 39
00 36 00 04 34 00 30 00 39 00 36 00 AB 5C 00 47 16 00 00 01 00 27 00 43 00 68 00 61 00 6E 00 67
00 65 00 64 00 20 00 6C 00 61 00 6E 00 67 00 75 00 61 00 67 00 65 00 20 00 73 00 65 00 74 00 74
00 69 00 6E 00 67 00 20 00 74 00 6F 00 20 00 75 00 73 00 5F 00 65 00 6E 00 67 00 6C 00 69 00 73
00 68 00 2E 00 00 00 00 00 00 00 AD 36 00 01 72 09 00 02 16 4D 00 69 00 63 00 72 00 6F 00 73 00
6F 00 66 00 74 00 20 00 53 00 51 00 4C 00 20 00 53 00 65 00 72 00 76 00 65 00 72 00 00 00 00 00
00 00 00 00 FD 00 00 00 00 00 00 00 00 00 00 00 00`

func TestLoginResponseSpecExample(t *testing.T) {
	v := Version72
	var b []byte
	b = AppendEnvChangeString(b, EnvDatabase, "master", "master")
	b = AppendServerMessage(b, v, TokenInfo, 5701, 2, 0, "Changed database context to 'master'.", "", "", 0)
	b = AppendEnvChangeCollation(b, SQLLatin1GeneralCP1CIAS)
	b = AppendEnvChangeString(b, EnvLanguage, "us_english", "")
	b = AppendEnvChangePacketSize(b, 4096, 4096)
	b = AppendServerMessage(b, v, TokenInfo, 5703, 1, 0, "Changed language setting to us_english.", "", "", 0)
	ack := LoginAck{Interface: LoginAckSQLTSQL, TDSVersion: Version72, ProgName: "Microsoft SQL Server\x00\x00"}
	b = ack.Encode(b)
	b = AppendDone(b, v, TokenDone, DoneFinal, 0, 0)
	want := hx(t, specLoginResponse)
	eqBytes(t, "login response", b, want)

	// Decode it back token by token.
	toks, err := DecodeTokens(want, v)
	if err != nil {
		t.Fatal(err)
	}
	if len(toks) != 8 {
		t.Fatalf("%d tokens", len(toks))
	}
	if e := toks[0].(*EnvChange); e.NewString() != "master" || e.OldString() != "master" {
		t.Fatalf("env db %+v", e)
	}
	if m := toks[1].(*ServerMessage); m.Number != 5701 || m.State != 2 || m.Text != "Changed database context to 'master'." {
		t.Fatalf("info %+v", m)
	}
	if e := toks[2].(*EnvChange); !bytes.Equal(e.NewValue, hx(t, "09 04 D0 00 34")) || len(e.OldValue) != 0 {
		t.Fatalf("collation %+v", e)
	}
	if e := toks[4].(*EnvChange); e.NewString() != "4096" {
		t.Fatalf("packet size %+v", e)
	}
	if a := toks[6].(*LoginAck); a.TDSVersion != Version72 || a.ProgName != "Microsoft SQL Server\x00\x00" || a.Interface != 1 {
		t.Fatalf("loginack %+v", a)
	}
	if d := toks[7].(*Done); d.Token != TokenDone || d.Status != 0 {
		t.Fatalf("done %+v", d)
	}
}

func TestDoneWidths(t *testing.T) {
	b := AppendDone(nil, Version74, TokenDoneInProc, DoneMore|DoneCount, CmdSelect, 1<<40)
	eqBytes(t, "done 7.4", b, hx(t, "FF 11 00 C1 00 00 00 00 00 00 01 00 00"))
	var d Done
	if n, err := d.Decode(b, Version74); err != nil || n != 13 || d.RowCount != 1<<40 || d.CurCmd != CmdSelect {
		t.Fatalf("decode %+v %d %v", d, n, err)
	}
	b = AppendDone(nil, Version71A, TokenDoneProc, DoneFinal, CmdRPC, 3)
	eqBytes(t, "done 7.1", b, hx(t, "FE 00 00 E0 00 03 00 00 00"))
	if n, err := d.Decode(b, Version71A); err != nil || n != 9 || d.RowCount != 3 {
		t.Fatalf("decode 7.1 %+v %v", d, err)
	}
	if _, err := d.Decode(b[:5], Version74); err == nil {
		t.Fatal("short DONE accepted")
	}
}

func TestServerMessageWidths(t *testing.T) {
	m := ServerMessage{Number: 18456, State: 1, Class: 14, Text: "Login failed for user 'sa'.", ServerName: "srv", ProcName: "p", Line: 7}
	for _, v := range []Version{Version71A, Version74} {
		b := m.Encode(nil, v)
		if b[0] != TokenError {
			t.Fatalf("class 14 encoded as 0x%02X", b[0])
		}
		var g ServerMessage
		n, err := g.Decode(b, v)
		if err != nil || n != len(b) || g.Number != 18456 || g.Text != m.Text || g.Line != 7 || g.ServerName != "srv" || g.ProcName != "p" {
			t.Fatalf("%v: %+v %v", v, g, err)
		}
	}
	if d := len(m.Encode(nil, Version74)) - len(m.Encode(nil, Version71A)); d != 2 {
		t.Fatalf("line number width difference %d, want 2", d)
	}
	info := ServerMessage{Number: 0, Class: 0, Text: "hello"}
	if b := info.Encode(nil, Version74); b[0] != TokenInfo {
		t.Fatal("class 0 not INFO")
	}
	// A huge text is truncated so the USHORT length cannot wrap.
	long := ServerMessage{Class: 16, Text: string(bytes.Repeat([]byte("x"), 40000))}
	var g ServerMessage
	if _, err := g.Decode(long.Encode(nil, Version74), Version74); err != nil || len(g.Text) != maxMessageUnits {
		t.Fatalf("long text: %d %v", len(g.Text), err)
	}
}

func TestEnvChangeKinds(t *testing.T) {
	cases := [][]byte{
		AppendEnvChangeBeginTran(nil, 0x0102030405060708),
		AppendEnvChangeEndTran(nil, EnvCommitTran, 0x0102030405060708),
		AppendEnvChangeEndTran(nil, EnvRollbackTran, 42),
		AppendEnvChangeEndTran(nil, EnvTranEnded, 42),
		AppendEnvChangeResetAck(nil),
		AppendEnvChangeRouting(nil, 1433, "srv2"),
		AppendEnvChangeBytes(nil, EnvPromoteTran, []byte{1, 2, 3}, nil),
		AppendEnvChangeString(nil, EnvLanguage, "Français", "us_english"),
	}
	eqBytes(t, "begin tran", cases[0], hx(t, "E3 0B 00 08 08 08 07 06 05 04 03 02 01 00"))
	eqBytes(t, "commit", cases[1], hx(t, "E3 0B 00 09 00 08 08 07 06 05 04 03 02 01"))
	eqBytes(t, "reset ack", cases[4], hx(t, "E3 03 00 12 00 00"))
	eqBytes(t, "routing", cases[5], hx(t, "E3 12 00 14 0D 00 00 99 05 04 00 73 00 72 00 76 00 32 00 00 00"))
	for i, b := range cases {
		var e EnvChange
		n, err := e.Decode(b)
		if err != nil || n != len(b) {
			t.Fatalf("case %d: %v", i, err)
		}
		eqBytes(t, "re-encode", e.Encode(nil), b)
	}
}

func TestSmallTokens(t *testing.T) {
	b := AppendReturnStatus(nil, -6)
	var rs ReturnStatus
	if n, err := rs.Decode(b); err != nil || n != 5 || rs.Value != -6 {
		t.Fatalf("returnstatus %v", err)
	}
	b = AppendOrder(nil, []uint16{2, 1})
	eqBytes(t, "order", b, hx(t, "A9 04 00 02 00 01 00"))
	var o Order
	if n, err := o.Decode(b); err != nil || n != 7 || len(o.Columns) != 2 || o.Columns[0] != 2 {
		t.Fatalf("order %v", err)
	}
	b = AppendFeatureExtAck(nil, []Feature{{ID: FeatureUTF8Support, Data: []byte{1}}})
	eqBytes(t, "featureextack", b, hx(t, "AE 0A 01 00 00 00 01 FF"))
	var f FeatureExtAck
	if n, err := f.Decode(b); err != nil || n != len(b) || f.Features[0].ID != 0x0A {
		t.Fatalf("featureextack %v", err)
	}
	ack := LoginAck{Interface: 1, TDSVersion: Version74, ProgName: "Microsoft SQL Server", Major: 16, Minor: 0, Build: 4000}
	b = ack.Encode(nil)
	var a LoginAck
	if n, err := a.Decode(b); err != nil || n != len(b) || a != ack {
		t.Fatalf("loginack %+v %v", a, err)
	}
	eqBytes(t, "loginack version is big-endian", b[4:8], hx(t, "74 00 00 04"))
	eqBytes(t, "loginack build is big-endian", b[len(b)-4:], hx(t, "10 00 0F A0"))
}

func TestColMetadataAndRows(t *testing.T) {
	cols := []Column{
		{Flags: ColNullable, TypeInfo: TypeInfo{Type: TypeIntN, Size: 4}, Name: "id"},
		{Flags: ColNullable, TypeInfo: TypeInfo{Type: TypeNVarChar, Size: 100, Collation: SQLLatin1GeneralCP1CIAS}, Name: "name"},
		{Flags: ColNullable, TypeInfo: TypeInfo{Type: TypeNVarChar, Size: MaxLen, Collation: SQLLatin1GeneralCP1CIAS}, Name: "big"},
		{Flags: ColNullable, TypeInfo: TypeInfo{Type: TypeDecimalN, Precision: 38, Scale: 4}, Name: "dec"},
		{Flags: ColNullable, TypeInfo: TypeInfo{Type: TypeNText, Size: 0x7FFFFFFE, Collation: SQLLatin1GeneralCP1CIAS}, TableName: []string{"dbo", "t"}, Name: "nt"},
		{Flags: ColNullable, TypeInfo: TypeInfo{Type: TypeXML}, Name: "x"},
		{TypeInfo: TypeInfo{Type: TypeInt4}, Name: "fixed"},
		{Flags: ColNullable, TypeInfo: TypeInfo{Type: TypeDateTimeOffsetN, Scale: 7}, Name: "dto"},
		{UserType: UserTypeTimestamp, TypeInfo: TypeInfo{Type: TypeBigBinary, Size: 8}, Name: "ts"},
	}
	for _, v := range []Version{Version71A, Version74} {
		b := AppendColMetadata(nil, v, cols)
		var m ColMetadata
		n, err := m.Decode(b, v)
		if err != nil || n != len(b) || len(m.Columns) != len(cols) {
			t.Fatalf("%v: colmetadata %v", v, err)
		}
		for i := range cols {
			g, w := m.Columns[i], cols[i]
			if g.Name != w.Name || g.TypeInfo.Type != w.TypeInfo.Type || g.Flags != w.Flags || g.UserType != w.UserType ||
				g.TypeInfo.Collation != w.TypeInfo.Collation || g.TypeInfo.Scale != w.TypeInfo.Scale {
				t.Fatalf("%v col %d: %+v", v, i, g)
			}
		}
		if v.Is72() && (len(m.Columns[4].TableName) != 2 || m.Columns[4].TableName[1] != "t") {
			t.Fatalf("table name %v", m.Columns[4].TableName)
		}
		if !v.Is72() && m.Columns[4].TableName[0] != "dbo.t" {
			t.Fatalf("7.1 table name %v", m.Columns[4].TableName)
		}
		if m.Columns[3].TypeInfo.Size != 17 {
			t.Fatalf("decimal(38) size %d", m.Columns[3].TypeInfo.Size)
		}

		row := AppendRowToken(nil)
		row = AppendIntN(row, 4, -5)
		row = AppendNVarChar(row, "héllo")
		row = AppendPLPNVarChar(row, "big text")
		row = AppendDecimalN(row, 38, true, 12345, 1)
		row = AppendNTextRow(row, "nt")
		row = AppendPLPNull(row)
		row = AppendIntFixed(row, 4, 9)
		row = AppendDateTimeOffsetN(row, 7, 1000*TicksPerDay+3600*TicksPerSecond, 120)
		row = AppendVarBinary(row, []byte{0, 0, 0, 0, 0, 0, 0, 1})
		var r Row
		n, err = r.Decode(row, v, m.Columns)
		if err != nil || n != len(row) {
			t.Fatalf("row: %v", err)
		}
		if x, _ := DecodeInt(r.Values[0].Data); x != -5 {
			t.Fatalf("int %d", x)
		}
		if s := DecodeUTF16(r.Values[1].Data); s != "héllo" {
			t.Fatalf("nvarchar %q", s)
		}
		if s := DecodeUTF16(r.Values[2].Data); s != "big text" {
			t.Fatalf("plp %q", s)
		}
		if neg, lo, hi, _ := DecodeDecimal(r.Values[3].Data); !neg || lo != 12345 || hi != 1 {
			t.Fatalf("decimal %v %d %d", neg, lo, hi)
		}
		if s := DecodeUTF16(r.Values[4].Data); s != "nt" {
			t.Fatalf("ntext %q", s)
		}
		if !r.Values[5].Null {
			t.Fatal("xml null")
		}
		if tk, off, _ := DecodeDateTimeOffset(r.Values[7].Data, 7); tk != 1000*TicksPerDay+3600*TicksPerSecond || off != 120 {
			t.Fatalf("dto %d %d", tk, off)
		}

		// NBCROW with NULLs in columns 0 and 5.
		nb, at := AppendNBCRowHeader(nil, len(cols))
		SetNBCNull(nb, at, 0)
		SetNBCNull(nb, at, 5)
		nb = AppendNVarChar(nb, "x")
		nb = AppendPLPNVarChar(nb, "")
		nb = AppendDecimalN(nb, 38, false, 1, 0)
		nb = AppendNTextRow(nb, "")
		nb = AppendIntFixed(nb, 4, 1)
		nb = AppendNull(nb, &cols[7].TypeInfo, true)
		nb = AppendVarBinary(nb, make([]byte, 8))
		n, err = r.Decode(nb, v, m.Columns)
		if err != nil || n != len(nb) || !r.Values[0].Null || !r.Values[5].Null || r.Values[1].Null || !r.Values[7].Null {
			t.Fatalf("nbcrow: %v %+v", err, r.Values)
		}
		if r.Values[2].Null || len(r.Values[2].Data) != 0 {
			t.Fatal("empty PLP must be empty, not NULL")
		}
	}
}

func TestReturnValue(t *testing.T) {
	rv := ReturnValue{Ordinal: 1, Name: "@handle", Status: ReturnValueOutput, TypeInfo: TypeInfo{Type: TypeIntN, Size: 4}, Value: []byte{1, 0, 0, 0}}
	for _, v := range []Version{Version71A, Version74} {
		b := rv.Encode(nil, v)
		var g ReturnValue
		n, err := g.Decode(b, v)
		if err != nil || n != len(b) || g.Name != "@handle" || g.Ordinal != 1 || !bytes.Equal(g.Value, rv.Value) || g.Status != 1 {
			t.Fatalf("%v: %+v %v", v, g, err)
		}
	}
	// Output string params come back as PLP (go-mssqldb asks for max).
	rv = ReturnValue{Name: "@s", Status: 1, TypeInfo: TypeInfo{Type: TypeNVarChar, Size: MaxLen, Collation: SQLLatin1GeneralCP1CIAS}, Null: true}
	var g ReturnValue
	if _, err := g.Decode(rv.Encode(nil, Version74), Version74); err != nil || !g.Null {
		t.Fatalf("null plp %v", err)
	}
}

func TestDecodeTokensStream(t *testing.T) {
	v := Version74
	cols := []Column{{Flags: ColNullable, TypeInfo: TypeInfo{Type: TypeIntN, Size: 8}, Name: "n"}}
	var b []byte
	b = AppendEnvChangeResetAck(b)
	b = AppendColMetadata(b, v, cols)
	b = AppendOrder(b, []uint16{1})
	for i := int64(0); i < 3; i++ {
		b = AppendIntN(AppendRowToken(b), 8, i)
	}
	b = AppendDone(b, v, TokenDoneInProc, DoneMore|DoneCount, CmdSelect, 3)
	b = AppendReturnStatus(b, 0)
	b = AppendDone(b, v, TokenDoneProc, DoneFinal, CmdRPC, 0)
	toks, err := DecodeTokens(b, v)
	if err != nil {
		t.Fatal(err)
	}
	if len(toks) != 9 {
		t.Fatalf("%d tokens", len(toks))
	}
	if r := toks[5].(*Row); r.Values[0].Data[0] != 2 {
		t.Fatalf("third row %v", r.Values)
	}
	if _, err := DecodeTokens(append(b, 0x42), v); err == nil {
		t.Fatal("unknown token accepted")
	}
	if _, err := DecodeTokens(b[:len(b)-3], v); err == nil {
		t.Fatal("truncated stream accepted")
	}
}

func TestColMetadataRejectsNullType(t *testing.T) {
	b := AppendColMetadata(nil, Version74, []Column{{TypeInfo: TypeInfo{Type: TypeNull}}})
	var m ColMetadata
	if _, err := m.Decode(b, Version74); err == nil {
		t.Fatal("NULLTYPE column accepted")
	}
}
