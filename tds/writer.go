package tds

import "io"

// MessageWriter builds an outgoing message in one reused buffer and cuts it
// into packets of the negotiated size when flushed. Callers append tokens
// to Buf directly (w.Buf = tds.AppendDone(w.Buf, ...)); Flush writes all
// complete packets in a single Write, EndMessage writes the rest with EOM
// on the last packet. After warm-up no call allocates.
//
// A MessageWriter is not safe for concurrent use.
type MessageWriter struct {
	// Buf is the payload of the current message not yet written.
	Buf []byte

	w          io.Writer
	packetSize int
	spid       uint16
	typ        PacketType
	packetID   uint8
	out        []byte
}

// NewMessageWriter returns a writer producing packets of at most packetSize
// bytes (header included).
func NewMessageWriter(w io.Writer, packetSize int) *MessageWriter {
	m := &MessageWriter{w: w, typ: PacketReply, packetID: 1}
	m.SetPacketSize(packetSize)
	return m
}

// Reset switches the underlying writer (e.g. from TLS to the socket).
func (m *MessageWriter) Reset(w io.Writer) { m.w = w }

// SetPacketSize changes the packet size for the following packets; values
// outside 512..32767 are clamped.
func (m *MessageWriter) SetPacketSize(n int) {
	if n < MinPacketSize {
		n = MinPacketSize
	}
	if n > MaxPacketSize {
		n = MaxPacketSize
	}
	m.packetSize = n
}

// PacketSize returns the current packet size.
func (m *MessageWriter) PacketSize() int { return m.packetSize }

// SetSPID sets the session id written into every packet header (FreeTDS
// takes @@SPID from there).
func (m *MessageWriter) SetSPID(spid uint16) { m.spid = spid }

// BeginMessage starts a new message of type t, discarding any unsent
// payload.
func (m *MessageWriter) BeginMessage(t PacketType) {
	m.typ = t
	m.packetID = 1
	m.Buf = m.Buf[:0]
}

// Buffered returns the payload bytes not yet written.
func (m *MessageWriter) Buffered() int { return len(m.Buf) }

// Flush writes every complete packet of the pending payload (status 0),
// keeping the remainder (which may become the last packet) buffered. Use it
// to stream a large result; it does nothing when less than one packet is
// buffered.
func (m *MessageWriter) Flush() error {
	body := m.packetSize - HeaderSize
	n := len(m.Buf) / body
	if len(m.Buf)%body == 0 && n > 0 {
		// Keep the last full packet: it may need the EOM bit.
		n--
	}
	if n == 0 {
		return nil
	}
	err := m.writePackets(m.Buf[:n*body], false)
	rest := copy(m.Buf, m.Buf[n*body:])
	m.Buf = m.Buf[:rest]
	return err
}

// EndMessage writes the whole pending payload, EOM on the last packet, in a
// single Write, and leaves the writer ready for the next message of the
// same type. An empty payload still produces one header-only packet.
func (m *MessageWriter) EndMessage() error {
	err := m.writePackets(m.Buf, true)
	m.Buf = m.Buf[:0]
	m.packetID = 1
	return err
}

// WriteMessage writes payload as one complete message of type t.
func (m *MessageWriter) WriteMessage(t PacketType, payload []byte) error {
	m.typ = t
	m.packetID = 1
	err := m.writePackets(payload, true)
	m.Buf = m.Buf[:0]
	return err
}

func (m *MessageWriter) writePackets(p []byte, eom bool) error {
	body := m.packetSize - HeaderSize
	npk := (len(p) + body - 1) / body
	if npk == 0 && eom {
		npk = 1
	}
	need := len(p) + npk*HeaderSize
	if cap(m.out) < need {
		m.out = make([]byte, 0, need+need/4)
	}
	out := m.out[:0]
	for i := 0; i < npk; i++ {
		chunk := p
		if len(chunk) > body {
			chunk = chunk[:body]
		}
		p = p[len(chunk):]
		status := StatusNormal
		if eom && len(p) == 0 {
			status = StatusEOM
		}
		at := len(out)
		out = out[:at+HeaderSize]
		putHeader(out[at:], m.typ, status, HeaderSize+len(chunk), m.spid, m.packetID)
		m.packetID++
		out = append(out, chunk...)
	}
	m.out = out
	if len(out) == 0 {
		return nil
	}
	_, err := m.w.Write(out)
	return err
}
