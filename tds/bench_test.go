package tds

import (
	"io"
	"testing"
)

// A typical wide row: int, bigint, nvarchar, decimal, datetime2, bit, NULL.
func appendBenchRow(dst []byte, i int64) []byte {
	dst = AppendRowToken(dst)
	dst = AppendIntN(dst, 4, i)
	dst = AppendIntN(dst, 8, i*1000)
	dst = AppendNVarChar(dst, "customer name é")
	dst = AppendDecimalN(dst, 18, false, uint64(i)*100+99, 0)
	dst = AppendDateTime2N(dst, 7, 738000*TicksPerDay+i)
	dst = AppendBitN(dst, i&1 == 0)
	dst = append(dst, 0) // NULL INTN
	return dst
}

func BenchmarkRowEncode(b *testing.B) {
	buf := make([]byte, 0, 1<<16)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if len(buf) > 60000 {
			buf = buf[:0]
		}
		buf = appendBenchRow(buf, int64(i))
	}
}

func BenchmarkColMetadataEncode(b *testing.B) {
	cols := []Column{
		{Flags: ColNullable, TypeInfo: TypeInfo{Type: TypeIntN, Size: 4}, Name: "id"},
		{Flags: ColNullable, TypeInfo: TypeInfo{Type: TypeNVarChar, Size: 200, Collation: SQLLatin1GeneralCP1CIAS}, Name: "name"},
		{Flags: ColNullable, TypeInfo: TypeInfo{Type: TypeDecimalN, Precision: 18, Scale: 2}, Name: "amount"},
	}
	buf := make([]byte, 0, 4096)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		buf = AppendColMetadata(buf[:0], Version74, cols)
	}
}

// BenchmarkPacketWriter streams 100 rows per message through the writer,
// flushing when more than 32 KiB is buffered.
func BenchmarkPacketWriter(b *testing.B) {
	mw := NewMessageWriter(io.Discard, 4096)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		mw.BeginMessage(PacketReply)
		for r := int64(0); r < 100; r++ {
			mw.Buf = appendBenchRow(mw.Buf, r)
			if mw.Buffered() > 32<<10 {
				if err := mw.Flush(); err != nil {
					b.Fatal(err)
				}
			}
		}
		mw.Buf = AppendDone(mw.Buf, Version74, TokenDone, DoneCount, CmdSelect, 100)
		if err := mw.EndMessage(); err != nil {
			b.Fatal(err)
		}
	}
}

type loopReader struct {
	data []byte
	off  int
}

func (l *loopReader) Read(p []byte) (int, error) {
	if l.off == len(l.data) {
		l.off = 0
	}
	n := copy(p, l.data[l.off:])
	l.off += n
	return n, nil
}

func BenchmarkMessageReader(b *testing.B) {
	var w countingWriter
	_ = NewMessageWriter(&w, 4096).WriteMessage(PacketSQLBatch, make([]byte, 20000))
	mr := NewMessageReader(&loopReader{data: w.Bytes()}, 4096)
	b.ReportAllocs()
	b.SetBytes(20000)
	for i := 0; i < b.N; i++ {
		if _, err := mr.ReadMessage(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRPCDecode(b *testing.B) {
	rpc := RPCRequest{Headers: AllHeaders{HasTransaction: true}, Calls: []RPCCall{{ProcID: ProcExecuteSQL, Params: []RPCParam{
		{TypeInfo: TypeInfo{Type: TypeNVarChar, Size: MaxLen}, Value: AppendUTF16(nil, "select * from t where id = @p1 and name = @p2")},
		{TypeInfo: TypeInfo{Type: TypeNVarChar, Size: 60}, Value: AppendUTF16(nil, "@p1 bigint,@p2 nvarchar(10)")},
		{Name: "@p1", TypeInfo: TypeInfo{Type: TypeIntN, Size: 8}, Value: AppendIntFixed(nil, 8, 42)},
		{Name: "@p2", TypeInfo: TypeInfo{Type: TypeNVarChar, Size: 20}, Value: AppendUTF16(nil, "abc")},
	}}}}
	data := rpc.Encode(nil, Version74)
	var r RPCRequest
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if err := r.Decode(data, Version74); err != nil {
			b.Fatal(err)
		}
	}
}

func TestHotPathsDoNotAllocate(t *testing.T) {
	buf := make([]byte, 0, 1<<16)
	if n := testing.AllocsPerRun(100, func() { buf = appendBenchRow(buf[:0], 7) }); n != 0 {
		t.Fatalf("row encoder: %v allocs", n)
	}
	mw := NewMessageWriter(io.Discard, 4096)
	run := func() {
		mw.BeginMessage(PacketReply)
		for r := int64(0); r < 200; r++ {
			mw.Buf = appendBenchRow(mw.Buf, r)
			if mw.Buffered() > 8<<10 {
				_ = mw.Flush()
			}
		}
		_ = mw.EndMessage()
	}
	run()
	if n := testing.AllocsPerRun(50, run); n != 0 {
		t.Fatalf("packet writer: %v allocs", n)
	}
	var w countingWriter
	_ = NewMessageWriter(&w, 4096).WriteMessage(PacketSQLBatch, make([]byte, 20000))
	mr := NewMessageReader(&loopReader{data: w.Bytes()}, 4096)
	_, _ = mr.ReadMessage()
	if n := testing.AllocsPerRun(50, func() { _, _ = mr.ReadMessage() }); n != 0 {
		t.Fatalf("message reader: %v allocs", n)
	}
}
