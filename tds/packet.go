package tds

import "encoding/binary"

// PacketType is the first byte of a packet header [MS-TDS 2.2.3.1.1].
type PacketType uint8

// Packet types. Clients send all but PacketReply; servers answer with
// PacketReply, except TLS handshake data which travels as PacketPrelogin.
const (
	PacketSQLBatch       PacketType = 0x01
	PacketPreTDS7Login   PacketType = 0x02
	PacketRPC            PacketType = 0x03
	PacketReply          PacketType = 0x04
	PacketAttention      PacketType = 0x06
	PacketBulkLoad       PacketType = 0x07
	PacketFedAuthToken   PacketType = 0x08
	PacketTransMgr       PacketType = 0x0E
	PacketLogin7         PacketType = 0x10
	PacketSSPI           PacketType = 0x11
	PacketPrelogin       PacketType = 0x12
	tls12RecordHandshake            = 0x16 // first byte of a TDS 8 connection (TLS ClientHello)
)

// FirstByteTLS is the first byte a TDS 8 ("strict") client sends: a TLS
// handshake record, not a TDS packet.
const FirstByteTLS = tls12RecordHandshake

// Packet status bits [MS-TDS 2.2.3.1.2]. Servers send only StatusNormal or
// StatusEOM: go-mssqldb treats any non-zero status as the last packet.
const (
	StatusNormal                  uint8 = 0x00
	StatusEOM                     uint8 = 0x01
	StatusIgnore                  uint8 = 0x02
	StatusResetConnection         uint8 = 0x08
	StatusResetConnectionSkipTran uint8 = 0x10
)

// HeaderSize is the size of a packet header.
const HeaderSize = 8

// Packet size limits. The login exchange must use packets no larger than the
// client asked for (DefaultPacketSize before LOGIN7 is read).
const (
	MinPacketSize     = 512
	DefaultPacketSize = 4096
	MaxPacketSize     = 32767
	// MaxEncryptedPacketSize is what SQL Server caps the packet size at when
	// the connection is encrypted (keeps a packet inside one TLS record).
	MaxEncryptedPacketSize = 16383
)

// Header is a packet header. Length and SPID are big-endian on the wire.
type Header struct {
	Type     PacketType
	Status   uint8
	Length   uint16 // whole packet including the header
	SPID     uint16
	PacketID uint8
	Window   uint8
}

// Encode appends the 8-byte header.
func (h *Header) Encode(dst []byte) []byte {
	dst = append(dst, byte(h.Type), h.Status)
	dst = binary.BigEndian.AppendUint16(dst, h.Length)
	dst = binary.BigEndian.AppendUint16(dst, h.SPID)
	return append(dst, h.PacketID, h.Window)
}

// Decode reads a header from the first 8 bytes of src and checks that the
// length covers at least the header.
func (h *Header) Decode(src []byte) error {
	if len(src) < HeaderSize {
		return ErrShort
	}
	h.Type = PacketType(src[0])
	h.Status = src[1]
	h.Length = binary.BigEndian.Uint16(src[2:])
	h.SPID = binary.BigEndian.Uint16(src[4:])
	h.PacketID = src[6]
	h.Window = src[7]
	if h.Length < HeaderSize {
		return protoErr("packet length %d shorter than its header", h.Length)
	}
	return nil
}

func putHeader(b []byte, t PacketType, status uint8, length int, spid uint16, id uint8) {
	b[0] = byte(t)
	b[1] = status
	binary.BigEndian.PutUint16(b[2:], uint16(length))
	binary.BigEndian.PutUint16(b[4:], spid)
	b[6] = id
	b[7] = 0
}

// AttentionPacket returns the bytes of an attention request (a header-only
// packet with EOM), as clients send it.
func AttentionPacket(spid uint16) []byte {
	b := make([]byte, HeaderSize)
	putHeader(b, PacketAttention, StatusEOM, HeaderSize, spid, 1)
	return b
}
