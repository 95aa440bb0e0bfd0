package tds

import (
	"bytes"
	"testing"
)

// RPC request of MS-TDS 4.8 (payload after the packet header).
const specRPCRequest = `16 00 00 00 12 00 00 00 02 00 00 00 00 00 00 00 00 01 00 00 00 00 04 00
66 00 6F 00 6F 00 33 00 00 00 00 02 26 02 00`

func TestRPCSpecExample(t *testing.T) {
	var r RPCRequest
	if err := r.Decode(hx(t, specRPCRequest), Version72); err != nil {
		t.Fatal(err)
	}
	if !r.Headers.HasTransaction || r.Headers.TransactionDescriptor != 0x0100000000000000 {
		t.Fatalf("headers %+v", r.Headers)
	}
	if len(r.Calls) != 1 || r.Calls[0].ProcName != "foo3" || len(r.Calls[0].Params) != 1 {
		t.Fatalf("calls %+v", r.Calls)
	}
	p := r.Calls[0].Params[0]
	if p.Name != "" || !p.UseDefault() || p.Output() || p.TypeInfo.Type != TypeIntN || p.TypeInfo.Size != 2 || !p.Null {
		t.Fatalf("param %+v", p)
	}
	eqBytes(t, "re-encode", r.Encode(nil, Version72), hx(t, specRPCRequest))
}

func TestRPCRoundTripAllTypes(t *testing.T) {
	col := SQLLatin1GeneralCP1CIAS
	params := []RPCParam{
		{Name: "@stmt", TypeInfo: TypeInfo{Type: TypeNVarChar, Size: MaxLen}, Value: AppendUTF16(nil, "select @p1")},
		{Name: "@params", TypeInfo: TypeInfo{Type: TypeNVarChar, Size: 8000}, Value: AppendUTF16(nil, "@p1 bigint")},
		{Name: "@p1", TypeInfo: TypeInfo{Type: TypeIntN, Size: 8}, Value: AppendIntFixed(nil, 8, -7)},
		{Name: "@p2", TypeInfo: TypeInfo{Type: TypeNull}, Null: true},
		{Name: "@p3", TypeInfo: TypeInfo{Type: TypeBitN, Size: 1}, Value: []byte{1}},
		{Name: "@p4", TypeInfo: TypeInfo{Type: TypeFltN, Size: 8}, Value: AppendFltN(nil, 8, 2.5)[1:]},
		{Name: "@p5", TypeInfo: TypeInfo{Type: TypeDateTimeOffsetN, Scale: 7}, Value: AppendDateTimeOffsetN(nil, 7, 5*TicksPerDay, 60)[1:]},
		{Name: "@p6", TypeInfo: TypeInfo{Type: TypeBigVarBinary, Size: MaxLen}, Value: []byte{1, 2, 3}},
		{Name: "@p7", TypeInfo: TypeInfo{Type: TypeBigVarChar, Size: 30, Collation: col}, Value: []byte("abc")},
		{Name: "@p8", TypeInfo: TypeInfo{Type: TypeDecimalN, Precision: 18, Scale: 2}, Value: AppendDecimalN(nil, 18, false, 12345, 0)[1:]},
		{Name: "@p9", TypeInfo: TypeInfo{Type: TypeGUID, Size: 16}, Value: make([]byte, 16)},
		{Name: "@p10", TypeInfo: TypeInfo{Type: TypeMoneyN, Size: 8}, Value: AppendMoneyFixed(nil, 8, 10000)},
		{Name: "@p11", TypeInfo: TypeInfo{Type: TypeDateTimeN, Size: 8}, Value: AppendDateTimeFixed(nil, 8, 700000*TicksPerDay)},
		{Name: "@p12", TypeInfo: TypeInfo{Type: TypeDateN}, Value: []byte{1, 0, 0}},
		{Name: "@p13", TypeInfo: TypeInfo{Type: TypeTimeN, Scale: 3}, Value: []byte{1, 0, 0, 0}},
		{Name: "@p14", TypeInfo: TypeInfo{Type: TypeDateTime2N, Scale: 0}, Value: []byte{1, 0, 0, 1, 0, 0}},
		{Name: "@p15", TypeInfo: TypeInfo{Type: TypeNText, Size: 0x7FFFFFFF, Collation: col}, Value: AppendUTF16(nil, "nt")},
		{Name: "@p16", TypeInfo: TypeInfo{Type: TypeImage, Size: 0x7FFFFFFF}, Null: true},
		{Name: "@p17", TypeInfo: TypeInfo{Type: TypeXML}, Value: AppendUTF16(nil, "<a/>")},
		{Name: "@p18", TypeInfo: TypeInfo{Type: TypeVariant, Size: 8009}, Value: AppendVariant(nil, &TypeInfo{Type: TypeInt4}, AppendIntFixed(nil, 4, 3))[4:]},
		{Name: "@p19", TypeInfo: TypeInfo{Type: TypeInt4, Size: 4}, Value: AppendIntFixed(nil, 4, 5)},
		{Name: "@out", Status: ParamByRef, TypeInfo: TypeInfo{Type: TypeNVarChar, Size: MaxLen}, Null: true},
		{Name: "", TypeInfo: TypeInfo{Type: TypeIntN, Size: 4}, Value: AppendIntFixed(nil, 4, 1)},
	}
	req := RPCRequest{
		Headers: AllHeaders{HasTransaction: true, TransactionDescriptor: 5, OutstandingRequestCount: 1},
		Calls: []RPCCall{
			{ProcID: ProcExecuteSQL, Params: params},
			{ProcName: "dbo.myproc", Options: RPCNoMetadata, Separator: 0xFF, Params: params[2:4]},
			{ProcID: ProcUnprepare, Separator: 0xFE, Params: params[2:3]},
		},
	}
	for _, v := range []Version{Version71A, Version74} {
		b := req.Encode(nil, v)
		var g RPCRequest
		if err := g.Decode(b, v); err != nil {
			t.Fatalf("%v: %v", v, err)
		}
		if len(g.Calls) != 3 || g.Calls[0].Name() != "sp_executesql" || g.Calls[1].Name() != "dbo.myproc" ||
			g.Calls[1].Options != RPCNoMetadata || g.Calls[2].Separator != 0xFE || g.Calls[2].ProcID != ProcUnprepare {
			t.Fatalf("%v: calls %+v", v, g.Calls)
		}
		if v.Is72() && g.Headers.TransactionDescriptor != 5 {
			t.Fatalf("descriptor %d", g.Headers.TransactionDescriptor)
		}
		for i, p := range g.Calls[0].Params {
			w := params[i]
			if p.Name != w.Name || p.Status != w.Status || p.TypeInfo.Type != w.TypeInfo.Type || p.Null != (w.Null || w.TypeInfo.Type == TypeNull) ||
				!bytes.Equal(p.Value, w.Value) {
				t.Fatalf("%v: param %d %+v, want %+v", v, i, p, w)
			}
		}
		// Decoding again reuses the request without leaking old calls.
		if err := g.Decode(b, v); err != nil || len(g.Calls) != 3 || len(g.Calls[1].Params) != 2 {
			t.Fatalf("re-decode: %v", err)
		}
	}
}

func TestRPCChunkedPLPParam(t *testing.T) {
	// What go-mssqldb sends: unknown length, several chunks.
	var b []byte
	b = (&AllHeaders{HasTransaction: true}).Encode(b)
	b = append(b, 0xFF, 0xFF, byte(ProcExecuteSQL), 0, 0, 0)
	b = AppendBVarChar(b, "")
	b = append(b, 0)
	b = (&TypeInfo{Type: TypeNVarChar, Size: MaxLen}).Encode(b)
	b = AppendPLPUnknownLen(b)
	b = AppendPLPChunk(b, AppendUTF16(nil, "select "))
	b = AppendPLPChunk(b, AppendUTF16(nil, "1"))
	b = AppendPLPTerminator(b)
	b = AppendBVarChar(b, "@x")
	b = append(b, 0)
	b = (&TypeInfo{Type: TypeNVarChar, Size: MaxLen}).Encode(b)
	b = AppendPLPUnknownLen(b)
	b = AppendPLPChunk(b, AppendUTF16(nil, "a"))
	b = AppendPLPChunk(b, AppendUTF16(nil, "b"))
	b = AppendPLPTerminator(b)
	var r RPCRequest
	if err := r.Decode(b, Version74); err != nil {
		t.Fatal(err)
	}
	if got := DecodeUTF16(r.Calls[0].Params[0].Value); got != "select 1" {
		t.Fatalf("param 0 %q", got)
	}
	if got := DecodeUTF16(r.Calls[0].Params[1].Value); got != "ab" {
		t.Fatalf("param 1 %q", got)
	}
}

func TestRPCMalformed(t *testing.T) {
	hdr := (&AllHeaders{HasTransaction: true}).Encode(nil)
	for name, body := range map[string][]byte{
		"empty":          {},
		"short name":     {0x05, 0x00, 'a'},
		"tvp":            append([]byte{0xFF, 0xFF, 10, 0, 0, 0, 0, 0}, TypeTVP),
		"tvp bad token":  append([]byte{0xFF, 0xFF, 10, 0, 0, 0, 0, 0}, TypeTVP, 0, 0, 0, 0xFF, 0xFF, 0x42),
		"tvp null col":   append([]byte{0xFF, 0xFF, 10, 0, 0, 0, 0, 0}, TypeTVP, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, TypeNull, 0, 0),
		"tvp row no col": append([]byte{0xFF, 0xFF, 10, 0, 0, 0, 0, 0}, TypeTVP, 0, 0, 0, 0xFF, 0xFF, 0, 1, 0),
		"encrypted":      {0xFF, 0xFF, 10, 0, 0, 0, 0, ParamEncrypted, TypeIntN, 4, 0},
		"bad type":       {0xFF, 0xFF, 10, 0, 0, 0, 0, 0, 0x99},
		"bad separator":  {0xFF, 0xFF, 10, 0, 0, 0, 0, 0, TypeIntN, 4, 0, 0x00},
		"truncated plp":  {0xFF, 0xFF, 10, 0, 0, 0, 0, 0, TypeNVarChar, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x10, 0, 0, 0, 'a'},
		"value too long": {0xFF, 0xFF, 10, 0, 0, 0, 0, 0, TypeNVarChar, 0x10, 0, 0, 0, 0, 0, 0, 0x20, 0x00, 'a'},
	} {
		var r RPCRequest
		if err := r.Decode(append(append([]byte(nil), hdr...), body...), Version74); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestAllHeaders(t *testing.T) {
	h := AllHeaders{
		HasNotification: true, NotifyID: "id", SSBDeployment: "svc", NotifyTimeout: 30, HasTimeout: true,
		HasTransaction: true, TransactionDescriptor: 0x1122334455667788, OutstandingRequestCount: 1,
		HasTraceActivity: true, ActivityID: [16]byte{1, 2, 3}, ActivitySequence: 9,
	}
	b := h.Encode(nil)
	var g AllHeaders
	n, err := g.Decode(append(b, 0xAA))
	if err != nil || n != len(b) || g != h {
		t.Fatalf("%+v %v", g, err)
	}
	// Unknown header types are skipped.
	unk := hx(t, "20 00 00 00  0A 00 00 00 07 00 01 02 03 04  12 00 00 00 02 00 01 00 00 00 00 00 00 00 01 00 00 00")
	if n, err := g.Decode(unk); err != nil || n != 32 || g.TransactionDescriptor != 1 {
		t.Fatalf("unknown header: %v", err)
	}
	for _, bad := range []string{"03 00 00 00", "08 00 00 00 04 00 00 00", "10 00 00 00", "0A 00 00 00 06 00 00 00 02 00"} {
		if _, err := g.Decode(hx(t, bad)); err == nil {
			t.Errorf("%s accepted", bad)
		}
	}
}

func TestSQLBatch(t *testing.T) {
	b := SQLBatch{Headers: AllHeaders{HasTransaction: true, TransactionDescriptor: 3, OutstandingRequestCount: 1}, Text: "select N'日本', 1\nGO"}
	for _, v := range []Version{Version71A, Version74} {
		enc := b.Encode(nil, v)
		var g SQLBatch
		if err := g.Decode(enc, v); err != nil || g.Text != b.Text {
			t.Fatalf("%v: %q %v", v, g.Text, err)
		}
		if v.Is72() && g.Headers.TransactionDescriptor != 3 {
			t.Fatal("descriptor")
		}
	}
	// MS-TDS 4.6: "select 'foo' as 'bar'" with ALL_HEADERS.
	spec := hx(t, `16 00 00 00 12 00 00 00 02 00 00 00 00 00 00 00 00 00 01 00 00 00
		73 00 65 00 6C 00 65 00 63 00 74 00 20 00 27 00 66 00 6F 00 6F 00 27 00 20 00 61 00 73 00 20 00 27 00 62 00 61 00 72 00 27 00`)
	var g SQLBatch
	if err := g.Decode(spec, Version72); err != nil || g.Text != "select 'foo' as 'bar'" || g.Headers.OutstandingRequestCount != 1 {
		t.Fatalf("spec batch %q %+v %v", g.Text, g.Headers, err)
	}
	if err := g.Decode(append(spec, 0x41), Version72); err == nil {
		t.Fatal("odd text length accepted")
	}
}

func TestTMRequests(t *testing.T) {
	h := AllHeaders{HasTransaction: true, OutstandingRequestCount: 1}
	cases := []TMRequest{
		{Headers: h, Type: TMBeginXact, Isolation: IsolationReadCommitted, Name: "t1"},
		{Headers: h, Type: TMBeginXact},
		{Headers: h, Type: TMCommitXact, Name: "t1"},
		{Headers: h, Type: TMRollbackXact, Flags: TMBeginXactFlag, NewIsolation: IsolationSerializable, NewName: "t2"},
		{Headers: h, Type: TMSaveXact, Name: "sp"},
		{Headers: h, Type: TMPropagateXact, Payload: []byte{1, 2, 3}},
		{Headers: h, Type: TMGetDTCAddress, Payload: []byte{}},
		{Headers: h, Type: TMPromoteXact},
	}
	for _, c := range cases {
		b := c.Encode(nil, Version74)
		var g TMRequest
		if err := g.Decode(b, Version74); err != nil {
			t.Fatalf("type %d: %v", c.Type, err)
		}
		if g.Type != c.Type || g.Isolation != c.Isolation || g.Name != c.Name || g.Flags != c.Flags ||
			g.NewIsolation != c.NewIsolation || g.NewName != c.NewName || !bytes.Equal(g.Payload, c.Payload) {
			t.Fatalf("type %d: %+v", c.Type, g)
		}
	}
	// The name is a byte count: tedious/SqlClient write 2×chars.
	b := cases[0].Encode(nil, Version74)
	eqBytes(t, "begin payload", b[22:], hx(t, "05 00 02 04 74 00 31 00"))
	// go-mssqldb's begin: isolation 0, empty name.
	var g TMRequest
	if err := g.Decode(append((&h).Encode(nil), 5, 0, 0, 0), Version74); err != nil || g.Type != TMBeginXact || g.Isolation != 0 {
		t.Fatalf("go-mssqldb begin: %+v %v", g, err)
	}
	// Commit without flags byte is accepted (flags 0).
	if err := g.Decode(append((&h).Encode(nil), 7, 0, 0), Version74); err != nil || g.Type != TMCommitXact {
		t.Fatalf("bare commit: %v", err)
	}
	for _, bad := range [][]byte{{5, 0, 9, 0}, {0x42, 0}, {9, 0, 4, 'a'}} {
		if err := g.Decode(append((&h).Encode(nil), bad...), Version74); err == nil {
			t.Errorf("% X accepted", bad)
		}
	}
}

func TestRPCTableValuedParam(t *testing.T) {
	col := SQLLatin1GeneralCP1CIAS
	tvp := &TVP{
		Schema: "dbo", TypeName: "IdList",
		Columns: []Column{
			{Flags: ColNullable, TypeInfo: TypeInfo{Type: TypeIntN, Size: 4}},
			{Flags: ColNullable, TypeInfo: TypeInfo{Type: TypeNVarChar, Size: MaxLen, Collation: col}},
			{Flags: TVPColDefault, TypeInfo: TypeInfo{Type: TypeIntN, Size: 4}},
		},
		OrderUnique:    []TVPOrder{{Column: 1, Flags: 0x05}},
		ColumnOrdering: []uint16{1},
		Rows: [][]RowValue{
			{{Data: []byte{1, 0, 0, 0}}, {Data: AppendUTF16(nil, "a")}, {Null: true}},
			{{Null: true}, {Null: true}, {Null: true}},
		},
	}
	req := RPCRequest{Headers: AllHeaders{HasTransaction: true}, Calls: []RPCCall{{ProcName: "p", Params: []RPCParam{
		{Name: "@ids", TypeInfo: TypeInfo{Type: TypeTVP}, TVP: tvp},
		{Name: "@null", TypeInfo: TypeInfo{Type: TypeTVP}, TVP: &TVP{TypeName: "IdList", Null: true}, Null: true},
		{Name: "@n", TypeInfo: TypeInfo{Type: TypeIntN, Size: 4}, Value: []byte{7, 0, 0, 0}},
	}}}}
	b := req.Encode(nil, Version74)
	var g RPCRequest
	if err := g.Decode(b, Version74); err != nil {
		t.Fatal(err)
	}
	ps := g.Calls[0].Params
	if len(ps) != 3 || ps[0].TVP == nil || ps[0].TVP.TypeName != "IdList" || ps[0].TVP.Schema != "dbo" || len(ps[0].TVP.Rows) != 2 {
		t.Fatalf("tvp %+v", ps)
	}
	r0 := ps[0].TVP.Rows[0]
	if x, _ := DecodeInt(r0[0].Data); x != 1 || DecodeUTF16(r0[1].Data) != "a" || !r0[2].Null || !ps[0].TVP.Rows[1][0].Null {
		t.Fatalf("tvp rows %+v", ps[0].TVP.Rows)
	}
	if ps[0].TVP.OrderUnique[0] != (TVPOrder{1, 5}) || ps[0].TVP.ColumnOrdering[0] != 1 {
		t.Fatal("tvp ordering")
	}
	if !ps[1].Null || !ps[1].TVP.Null || ps[2].Value[0] != 7 {
		t.Fatalf("after tvp: %+v", ps[1:])
	}
	eqBytes(t, "re-encode", g.Encode(nil, Version74), b)
}

func TestTVPAmplificationBounded(t *testing.T) {
	// 2000 default columns, then many one-byte rows: must fail, not
	// allocate 2000 cells per byte.
	cols := make([]Column, 2000)
	for i := range cols {
		cols[i] = Column{Flags: TVPColDefault, TypeInfo: TypeInfo{Type: TypeIntN, Size: 4}}
	}
	b := (&AllHeaders{HasTransaction: true}).Encode(nil)
	b = append(b, 0xFF, 0xFF, 10, 0, 0, 0, 0, 0)
	b = AppendTVP(b, &TVP{TypeName: "T", Columns: cols})
	b = b[:len(b)-1] // drop the final end token
	for i := 0; i < 100000; i++ {
		b = append(b, tvpRowToken)
	}
	b = append(b, tvpEndToken)
	var r RPCRequest
	if err := r.Decode(b, Version74); err == nil {
		t.Fatal("huge TVP accepted")
	}
}
