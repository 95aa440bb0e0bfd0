package tds

import (
	"bytes"
	"errors"
	"io"
	"testing"
)

type countingWriter struct {
	bytes.Buffer
	writes int
}

func (c *countingWriter) Write(p []byte) (int, error) {
	c.writes++
	return c.Buffer.Write(p)
}

func TestHeaderRoundTrip(t *testing.T) {
	h := Header{Type: PacketTransMgr, Status: StatusEOM | StatusResetConnection, Length: 0x20, SPID: 55, PacketID: 1}
	b := h.Encode(nil)
	eqBytes(t, "header", b, hx(t, "0E 09 00 20 00 37 01 00"))
	var g Header
	if err := g.Decode(b); err != nil || g != h {
		t.Fatalf("decode %+v %v", g, err)
	}
	if err := g.Decode(hx(t, "01 01 00 07 00 00 01 00")); err == nil {
		t.Fatal("length < 8 accepted")
	}
	if err := g.Decode([]byte{1, 2}); !errors.Is(err, ErrShort) {
		t.Fatalf("short header: %v", err)
	}
}

func TestWriterReaderRoundTrip(t *testing.T) {
	for _, size := range []int{512, 4096} {
		for _, n := range []int{0, 1, 503, 504, 505, 1008, 5000, 70000} {
			var w countingWriter
			mw := NewMessageWriter(&w, size)
			mw.SetSPID(77)
			mw.BeginMessage(PacketReply)
			payload := make([]byte, n)
			for i := range payload {
				payload[i] = byte(i * 7)
			}
			mw.Buf = append(mw.Buf, payload...)
			if err := mw.EndMessage(); err != nil {
				t.Fatal(err)
			}
			if w.writes != 1 {
				t.Fatalf("size %d n %d: %d writes, want 1", size, n, w.writes)
			}
			// Every packet: SPID, status 0 except EOM on the last, ids 1,2,3.
			raw := w.Bytes()
			var pk int
			for off := 0; off < len(raw); pk++ {
				var h Header
				if err := h.Decode(raw[off:]); err != nil {
					t.Fatal(err)
				}
				last := off+int(h.Length) == len(raw)
				if int(h.Length) > size || h.SPID != 77 || h.PacketID != uint8(pk+1) {
					t.Fatalf("bad header %+v", h)
				}
				if (h.Status == StatusEOM) != last || (h.Status != StatusEOM && h.Status != 0) {
					t.Fatalf("status %d on packet %d (last=%v)", h.Status, pk, last)
				}
				off += int(h.Length)
			}
			mr := NewMessageReader(bytes.NewReader(raw), size)
			m, err := mr.ReadMessage()
			if err != nil {
				t.Fatal(err)
			}
			if m.Type != PacketReply || m.Packets != pk || !bytes.Equal(m.Payload, payload) || m.SPID != 77 {
				t.Fatalf("size %d n %d: got type %v packets %d len %d", size, n, m.Type, m.Packets, len(m.Payload))
			}
			if _, err := mr.ReadMessage(); err != io.EOF {
				t.Fatalf("want EOF, got %v", err)
			}
		}
	}
}

func TestWriterFlushStreams(t *testing.T) {
	var w countingWriter
	mw := NewMessageWriter(&w, 512)
	mw.BeginMessage(PacketReply)
	var want []byte
	for i := 0; i < 100; i++ {
		chunk := bytes.Repeat([]byte{byte(i)}, 37)
		want = append(want, chunk...)
		mw.Buf = append(mw.Buf, chunk...)
		if mw.Buffered() > 2000 {
			if err := mw.Flush(); err != nil {
				t.Fatal(err)
			}
			if mw.Buffered() > 504 {
				t.Fatalf("flush left %d bytes", mw.Buffered())
			}
		}
	}
	if err := mw.EndMessage(); err != nil {
		t.Fatal(err)
	}
	mr := NewMessageReader(bytes.NewReader(w.Bytes()), 512)
	m, err := mr.ReadMessage()
	if err != nil || !bytes.Equal(m.Payload, want) {
		t.Fatalf("reassembled %d bytes, want %d (%v)", len(m.Payload), len(want), err)
	}
	// A flush of exactly one full packet keeps it (it may need EOM).
	mw.BeginMessage(PacketReply)
	mw.Buf = append(mw.Buf, make([]byte, 504)...)
	w.Reset()
	_ = mw.Flush()
	if w.Len() != 0 || mw.Buffered() != 504 {
		t.Fatalf("flush of one exact packet wrote %d", w.Len())
	}
}

func TestReaderStatusAndErrors(t *testing.T) {
	var buf bytes.Buffer
	mw := NewMessageWriter(&buf, 512)
	_ = mw.WriteMessage(PacketSQLBatch, []byte("abc"))
	raw := buf.Bytes()
	raw[1] = StatusEOM | StatusResetConnection
	m, err := NewMessageReader(bytes.NewReader(raw), 512).ReadMessage()
	if err != nil || !m.ResetConnection() || m.ResetSkipTran() || m.Ignore {
		t.Fatalf("reset: %+v %v", m, err)
	}
	raw[1] = StatusEOM | StatusIgnore
	m, _ = NewMessageReader(bytes.NewReader(raw), 512).ReadMessage()
	if !m.Ignore {
		t.Fatal("ignore not reported")
	}
	raw[1] = StatusEOM | StatusResetConnectionSkipTran
	m, _ = NewMessageReader(bytes.NewReader(raw), 512).ReadMessage()
	if !m.ResetSkipTran() || !m.ResetConnection() {
		t.Fatal("skip-tran reset not reported")
	}
	// Oversized packet.
	big := append(hx(t, "01 01 10 00 00 00 01 00"), make([]byte, 0x1000-8)...)
	if _, err := NewMessageReader(bytes.NewReader(big), 512).ReadMessage(); err == nil {
		t.Fatal("oversized packet accepted")
	}
	// Truncated body.
	if _, err := NewMessageReader(bytes.NewReader(hx(t, "01 01 00 10 00 00 01 00 41")), 512).ReadMessage(); err != io.ErrUnexpectedEOF {
		t.Fatalf("truncated: %v", err)
	}
	// Type change inside a message.
	two := hx(t, "01 00 00 09 00 00 01 00 41 03 01 00 09 00 00 02 00 42")
	if _, err := NewMessageReader(bytes.NewReader(two), 512).ReadMessage(); err == nil {
		t.Fatal("type change accepted")
	}
	// Message size cap.
	r := NewMessageReader(bytes.NewReader(two[:9]), 512)
	r.SetMaxMessageSize(0)
	if _, err := r.ReadMessage(); err == nil {
		t.Fatal("message cap ignored")
	}
	// Attention.
	m, err = NewMessageReader(bytes.NewReader(AttentionPacket(0)), 512).ReadMessage()
	if err != nil || m.Type != PacketAttention || len(m.Payload) != 0 {
		t.Fatalf("attention: %+v %v", m, err)
	}
}

func TestContinueMessage(t *testing.T) {
	var buf bytes.Buffer
	mw := NewMessageWriter(&buf, 512)
	payload := bytes.Repeat([]byte("x"), 1200)
	_ = mw.WriteMessage(PacketLogin7, payload)
	r := bytes.NewReader(buf.Bytes())
	h, first, err := ReadPacket(r, 512)
	if err != nil || h.Status != 0 {
		t.Fatalf("first packet: %+v %v", h, err)
	}
	m, err := NewMessageReader(r, 512).ContinueMessage(h, first)
	if err != nil || !bytes.Equal(m.Payload, payload) || m.Packets != 3 || m.Type != PacketLogin7 {
		t.Fatalf("continue: %d bytes, %d packets, %v", len(m.Payload), m.Packets, err)
	}
}
