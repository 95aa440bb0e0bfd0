package tds

import (
	"fmt"
	"io"
)

// DefaultMaxMessageSize bounds a reassembled client message (a batch of
// 64 MiB of text is already far beyond what clients send in practice).
const DefaultMaxMessageSize = 64 << 20

// Message is one reassembled client message. Payload aliases the reader's
// buffer and is valid until the next read.
type Message struct {
	Type PacketType
	// Status is the status byte of the first packet: RESETCONNECTION bits
	// are only meaningful there [MS-TDS 2.2.3.1.2].
	Status uint8
	// Ignore is set when the client cancelled a partially sent message
	// (IGNORE bit with EOM): the server discards it and sends no reply.
	Ignore  bool
	SPID    uint16
	Packets int
	Payload []byte
}

// ResetConnection reports whether the first packet asked for a session
// reset (either RESETCONNECTION or RESETCONNECTIONSKIPTRAN).
func (m *Message) ResetConnection() bool {
	return m.Status&(StatusResetConnection|StatusResetConnectionSkipTran) != 0
}

// ResetSkipTran reports RESETCONNECTIONSKIPTRAN (reset but keep the
// current transaction).
func (m *Message) ResetSkipTran() bool { return m.Status&StatusResetConnectionSkipTran != 0 }

// MessageReader reads packets and reassembles messages from a stream. It
// reuses one buffer, so after warm-up reading allocates nothing.
type MessageReader struct {
	r          io.Reader
	maxPacket  int
	maxMessage int
	hdr        [HeaderSize]byte
	buf        []byte
}

// NewMessageReader returns a reader that accepts packets up to maxPacket
// bytes (header included; 0 means MaxPacketSize).
func NewMessageReader(r io.Reader, maxPacket int) *MessageReader {
	m := &MessageReader{r: r, maxMessage: DefaultMaxMessageSize}
	m.SetMaxPacketSize(maxPacket)
	return m
}

// Reset switches the underlying reader (e.g. from TLS back to the socket).
func (m *MessageReader) Reset(r io.Reader) { m.r = r }

// SetMaxPacketSize sets the largest packet accepted (0 = MaxPacketSize).
func (m *MessageReader) SetMaxPacketSize(n int) {
	if n <= 0 || n > 0xFFFF {
		n = 0xFFFF
	}
	if n < HeaderSize {
		n = HeaderSize
	}
	m.maxPacket = n
}

// SetMaxMessageSize bounds the reassembled payload size.
func (m *MessageReader) SetMaxMessageSize(n int) { m.maxMessage = n }

// ReadPacket reads exactly one packet and returns its header and payload
// (payload aliases the reader's buffer until the next read).
func (m *MessageReader) ReadPacket() (Header, []byte, error) {
	m.buf = m.buf[:0]
	h, err := m.readPacketAppend()
	return h, m.buf, err
}

func (m *MessageReader) readPacketAppend() (Header, error) {
	var h Header
	if _, err := io.ReadFull(m.r, m.hdr[:]); err != nil {
		return h, err
	}
	if err := h.Decode(m.hdr[:]); err != nil {
		return h, err
	}
	if int(h.Length) > m.maxPacket {
		return h, protoErr("packet of %d bytes exceeds the packet size %d", h.Length, m.maxPacket)
	}
	n := int(h.Length) - HeaderSize
	if len(m.buf)+n > m.maxMessage {
		return h, protoErr("message larger than %d bytes", m.maxMessage)
	}
	start := len(m.buf)
	if cap(m.buf)-start < n {
		nb := make([]byte, start, 2*cap(m.buf)+n)
		copy(nb, m.buf)
		m.buf = nb
	}
	m.buf = m.buf[:start+n]
	if _, err := io.ReadFull(m.r, m.buf[start:]); err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return h, err
	}
	return h, nil
}

// ReadMessage reads packets up to and including the one with EOM. All
// packets must have the same type. A packet with the IGNORE bit ends the
// message with Ignore set.
func (m *MessageReader) ReadMessage() (Message, error) {
	m.buf = m.buf[:0]
	return m.readRest(Message{})
}

// ContinueMessage reads the rest of a message whose first packet was read
// elsewhere (login-only encryption reads the first LOGIN7 packet through
// TLS and the rest in clear). first is copied.
func (m *MessageReader) ContinueMessage(h Header, first []byte) (Message, error) {
	m.buf = append(m.buf[:0], first...)
	msg := Message{Type: h.Type, Status: h.Status, SPID: h.SPID, Packets: 1}
	if h.Status&(StatusEOM|StatusIgnore) != 0 {
		msg.Ignore = h.Status&StatusIgnore != 0
		msg.Payload = m.buf
		return msg, nil
	}
	return m.readRest(msg)
}

func (m *MessageReader) readRest(msg Message) (Message, error) {
	for {
		h, err := m.readPacketAppend()
		if err != nil {
			if err == io.EOF && msg.Packets > 0 {
				err = io.ErrUnexpectedEOF
			}
			return msg, err
		}
		if msg.Packets == 0 {
			msg.Type, msg.Status, msg.SPID = h.Type, h.Status, h.SPID
		} else if h.Type != msg.Type {
			return msg, protoErr("packet type changed from 0x%02x to 0x%02x inside a message", byte(msg.Type), byte(h.Type))
		}
		msg.Packets++
		if h.Status&StatusIgnore != 0 {
			msg.Ignore = true
		}
		if h.Status&StatusEOM != 0 {
			msg.Payload = m.buf
			return msg, nil
		}
		if msg.Ignore {
			return msg, protoErr("IGNORE status without EOM")
		}
	}
}

func (t PacketType) String() string {
	switch t {
	case PacketSQLBatch:
		return "SQLBatch"
	case PacketPreTDS7Login:
		return "PreTDS7Login"
	case PacketRPC:
		return "RPC"
	case PacketReply:
		return "Reply"
	case PacketAttention:
		return "Attention"
	case PacketBulkLoad:
		return "BulkLoad"
	case PacketFedAuthToken:
		return "FedAuthToken"
	case PacketTransMgr:
		return "TransMgr"
	case PacketLogin7:
		return "Login7"
	case PacketSSPI:
		return "SSPI"
	case PacketPrelogin:
		return "Prelogin"
	}
	return fmt.Sprintf("PacketType(0x%02x)", uint8(t))
}
