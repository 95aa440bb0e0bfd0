package tds

import (
	"io"
	"net"
	"time"
)

// HandshakeConn is the net.Conn a TDS 7.x peer hands to crypto/tls: during
// the handshake it carries TLS bytes inside PRELOGIN (0x12) packets, then it
// switches to pass-through and TLS records flow directly on the socket.
//
// Writes are buffered; every Read first flushes the buffered output as one
// complete 0x12 message (EOM on its last packet), so each TLS flight is one
// TDS message, which lock-step clients such as tedious require. Read
// returns payload bytes of incoming packets; TLS records may span packets
// or share them. After tls.Server(hc, cfg).Handshake() returns, call
// Passthrough (which flushes the server's last flight).
//
// Server-side use (TDS 7.x, cfg.MaxVersion = tls.VersionTLS12,
// cfg.SessionTicketsDisabled = true):
//
//	hc := tds.NewHandshakeConn(conn, 4096)
//	tc := tls.Server(hc, cfg)
//	err := tc.Handshake()
//	err = hc.Passthrough(loginOnly) // loginOnly: read one TLS record at a time
//	// full: read and write through tc from now on.
//	// login-only: h, p, err := tds.ReadPacket(tc, 4096), then continue on
//	// conn in clear (MessageReader.ContinueMessage) and drop tc unclosed.
type HandshakeConn struct {
	raw    net.Conn
	r      io.Reader
	mw     *MessageWriter
	pass   bool
	remain int // payload bytes left in the current incoming packet
	hdr    [HeaderSize]byte
	rec    *RecordReader
}

// NewHandshakeConn wraps raw; outgoing packets are at most packetSize
// bytes (use the client's requested size, at most 4096 before LOGIN7).
func NewHandshakeConn(raw net.Conn, packetSize int) *HandshakeConn {
	h := &HandshakeConn{raw: raw, r: raw}
	h.mw = NewMessageWriter(raw, packetSize)
	h.mw.BeginMessage(PacketPrelogin)
	return h
}

// SetReader makes the conn read from r instead of the socket (e.g. the
// bufio.Reader that peeked the first byte and read PRELOGIN). Keep reading
// the plaintext that follows a login-only LOGIN7 through the same r.
func (h *HandshakeConn) SetReader(r io.Reader) { h.r = r }

// SetSPID sets the SPID of outgoing packet headers.
func (h *HandshakeConn) SetSPID(spid uint16) { h.mw.SetSPID(spid) }

// Flush writes buffered TLS output as one 0x12 message.
func (h *HandshakeConn) Flush() error {
	if h.pass || len(h.mw.Buf) == 0 {
		return nil
	}
	return h.mw.EndMessage()
}

// Passthrough flushes pending handshake output and stops the wrapping.
// With oneRecord, reads then return at most one TLS record at a time, so
// crypto/tls never reads ahead past the record it needs (login-only
// encryption: plaintext packets follow the first LOGIN7 packet).
func (h *HandshakeConn) Passthrough(oneRecord bool) error {
	err := h.Flush()
	h.pass = true
	if oneRecord {
		h.rec = NewRecordReader(h.r)
	}
	return err
}

// Read implements net.Conn.
func (h *HandshakeConn) Read(p []byte) (int, error) {
	if h.pass {
		if h.rec != nil {
			return h.rec.Read(p)
		}
		return h.r.Read(p)
	}
	if err := h.Flush(); err != nil {
		return 0, err
	}
	for h.remain == 0 {
		if _, err := io.ReadFull(h.r, h.hdr[:]); err != nil {
			return 0, err
		}
		var hd Header
		if err := hd.Decode(h.hdr[:]); err != nil {
			return 0, err
		}
		// Servers before 7.2 wrapped the handshake in 0x04 packets.
		if hd.Type != PacketPrelogin && hd.Type != PacketReply {
			return 0, protoErr("packet type 0x%02x during the TLS handshake", byte(hd.Type))
		}
		h.remain = int(hd.Length) - HeaderSize
	}
	if len(p) > h.remain {
		p = p[:h.remain]
	}
	n, err := h.r.Read(p)
	h.remain -= n
	if err == io.EOF && n > 0 {
		err = nil
	}
	return n, err
}

// Write implements net.Conn: buffered until the next Read or Flush during
// the handshake, direct afterwards.
func (h *HandshakeConn) Write(p []byte) (int, error) {
	if h.pass {
		return h.raw.Write(p)
	}
	h.mw.Buf = append(h.mw.Buf, p...)
	return len(p), nil
}

// Close closes the socket.
func (h *HandshakeConn) Close() error                       { return h.raw.Close() }
func (h *HandshakeConn) LocalAddr() net.Addr                { return h.raw.LocalAddr() }
func (h *HandshakeConn) RemoteAddr() net.Addr               { return h.raw.RemoteAddr() }
func (h *HandshakeConn) SetDeadline(t time.Time) error      { return h.raw.SetDeadline(t) }
func (h *HandshakeConn) SetReadDeadline(t time.Time) error  { return h.raw.SetReadDeadline(t) }
func (h *HandshakeConn) SetWriteDeadline(t time.Time) error { return h.raw.SetWriteDeadline(t) }

// RecordReader yields at most one TLS record per Read sequence: it reads
// the 5-byte record header, then never returns bytes beyond that record.
// crypto/tls reads into a large buffer and would otherwise swallow the
// plaintext packets that follow the one encrypted LOGIN7 packet.
type RecordReader struct {
	r       io.Reader
	hdr     [5]byte
	hdrLeft int // header bytes still to hand out
	remain  int // body bytes left in the current record
}

// NewRecordReader returns a RecordReader over r.
func NewRecordReader(r io.Reader) *RecordReader { return &RecordReader{r: r} }

// Read implements io.Reader.
func (t *RecordReader) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	if t.hdrLeft == 0 && t.remain == 0 {
		if _, err := io.ReadFull(t.r, t.hdr[:]); err != nil {
			return 0, err
		}
		t.hdrLeft = 5
		t.remain = int(t.hdr[3])<<8 | int(t.hdr[4])
	}
	if t.hdrLeft > 0 {
		n := copy(p, t.hdr[5-t.hdrLeft:])
		t.hdrLeft -= n
		return n, nil
	}
	if len(p) > t.remain {
		p = p[:t.remain]
	}
	n, err := t.r.Read(p)
	t.remain -= n
	if err == io.EOF && n > 0 {
		err = nil
	}
	return n, err
}

// ReadPacket reads exactly one TDS packet from r (e.g. the first LOGIN7
// packet through TLS in login-only mode), accepting packets up to
// maxPacket bytes. The payload is newly allocated.
func ReadPacket(r io.Reader, maxPacket int) (Header, []byte, error) {
	var h Header
	var hb [HeaderSize]byte
	if _, err := io.ReadFull(r, hb[:]); err != nil {
		return h, nil, err
	}
	if err := h.Decode(hb[:]); err != nil {
		return h, nil, err
	}
	if maxPacket <= 0 {
		maxPacket = 0xFFFF
	}
	if int(h.Length) > maxPacket {
		return h, nil, protoErr("packet of %d bytes exceeds the packet size %d", h.Length, maxPacket)
	}
	p := make([]byte, int(h.Length)-HeaderSize)
	if _, err := io.ReadFull(r, p); err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return h, nil, err
	}
	return h, p, nil
}
