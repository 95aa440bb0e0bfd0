package tds

import "encoding/binary"

// PRELOGIN option tokens [MS-TDS 2.2.6.5].
const (
	PreloginVersion         uint8 = 0x00
	PreloginEncryption      uint8 = 0x01
	PreloginInstOpt         uint8 = 0x02
	PreloginThreadID        uint8 = 0x03
	PreloginMARS            uint8 = 0x04
	PreloginTraceID         uint8 = 0x05
	PreloginFedAuthRequired uint8 = 0x06
	PreloginNonceOpt        uint8 = 0x07
	PreloginTerminator      uint8 = 0xFF
)

// maxPreloginOptions bounds how many option headers a decoder accepts.
const maxPreloginOptions = 64

// ProductVersion is the PRELOGIN VERSION option: a driver version from a
// client, the product version (e.g. 16.0.4000) from a server. Keep it
// consistent with LOGINACK and @@VERSION; SqlClient infers 4- vs 8-byte DONE
// counts from it, so use 9.x or newer.
type ProductVersion struct {
	Major, Minor uint8
	Build        uint16
	SubBuild     uint16
}

// PreloginOption is an option the codec has no field for; it is kept and
// re-encoded verbatim.
type PreloginOption struct {
	Token uint8
	Data  []byte
}

// Prelogin is the PRELOGIN message (packet type 0x12) in both directions.
// Has* flags and nil slices mark absent options; an empty non-nil slice is
// an option present with length 0 (a server's THREADID).
type Prelogin struct {
	Version            ProductVersion
	HasVersion         bool
	Encryption         uint8
	HasEncryption      bool
	Instance           string // INSTOPT without its NUL terminator
	HasInstance        bool
	ThreadID           []byte
	MARS               uint8
	HasMARS            bool
	TraceID            []byte // 36 bytes from clients; servers do not echo it
	FedAuthRequired    uint8
	HasFedAuthRequired bool
	Nonce              []byte
	Unknown            []PreloginOption
}

// ServerPrelogin returns the response every client tested accepts:
// VERSION, ENCRYPTION, INSTOPT=0 ("instance matches"), empty THREADID and
// MARS=0.
func ServerPrelogin(v ProductVersion, encryption uint8) Prelogin {
	return Prelogin{
		Version: v, HasVersion: true,
		Encryption: encryption, HasEncryption: true,
		Instance: "", HasInstance: true,
		ThreadID: []byte{},
		MARS:     0, HasMARS: true,
	}
}

// Encode appends the PRELOGIN payload (without packet header). Options are
// written in token order, VERSION first as the spec requires.
func (p *Prelogin) Encode(dst []byte) []byte {
	type opt struct {
		tok  uint8
		size int
	}
	var opts [8 + 8]opt
	n := 0
	add := func(tok uint8, size int) {
		if n < len(opts) {
			opts[n] = opt{tok, size}
			n++
		}
	}
	if p.HasVersion {
		add(PreloginVersion, 6)
	}
	if p.HasEncryption {
		add(PreloginEncryption, 1)
	}
	if p.HasInstance {
		add(PreloginInstOpt, len(p.Instance)+1)
	}
	if p.ThreadID != nil {
		add(PreloginThreadID, len(p.ThreadID))
	}
	if p.HasMARS {
		add(PreloginMARS, 1)
	}
	if p.TraceID != nil {
		add(PreloginTraceID, len(p.TraceID))
	}
	if p.HasFedAuthRequired {
		add(PreloginFedAuthRequired, 1)
	}
	if p.Nonce != nil {
		add(PreloginNonceOpt, len(p.Nonce))
	}
	unknown := p.Unknown
	if len(unknown) > len(opts)-n {
		unknown = unknown[:len(opts)-n]
	}
	for _, u := range unknown {
		add(u.Token, len(u.Data))
	}
	off := (n)*5 + 1
	for i := 0; i < n; i++ {
		dst = append(dst, opts[i].tok)
		dst = binary.BigEndian.AppendUint16(dst, uint16(off))
		dst = binary.BigEndian.AppendUint16(dst, uint16(opts[i].size))
		off += opts[i].size
	}
	dst = append(dst, PreloginTerminator)
	if p.HasVersion {
		dst = append(dst, p.Version.Major, p.Version.Minor)
		dst = binary.BigEndian.AppendUint16(dst, p.Version.Build)
		dst = binary.BigEndian.AppendUint16(dst, p.Version.SubBuild)
	}
	if p.HasEncryption {
		dst = append(dst, p.Encryption)
	}
	if p.HasInstance {
		dst = append(dst, p.Instance...)
		dst = append(dst, 0)
	}
	if p.ThreadID != nil {
		dst = append(dst, p.ThreadID...)
	}
	if p.HasMARS {
		dst = append(dst, p.MARS)
	}
	if p.TraceID != nil {
		dst = append(dst, p.TraceID...)
	}
	if p.HasFedAuthRequired {
		dst = append(dst, p.FedAuthRequired)
	}
	if p.Nonce != nil {
		dst = append(dst, p.Nonce...)
	}
	for _, u := range unknown {
		dst = append(dst, u.Data...)
	}
	return dst
}

// Decode parses a PRELOGIN payload. Options may appear in any order;
// unknown ones are kept in Unknown. Byte slices alias src.
func (p *Prelogin) Decode(src []byte) error {
	*p = Prelogin{}
	for i := 0; ; i++ {
		if i >= maxPreloginOptions {
			return protoErr("too many PRELOGIN options")
		}
		at := i * 5
		if at >= len(src) {
			return ErrShort
		}
		tok := src[at]
		if tok == PreloginTerminator {
			break
		}
		if at+5 > len(src) {
			return ErrShort
		}
		off := int(binary.BigEndian.Uint16(src[at+1:]))
		size := int(binary.BigEndian.Uint16(src[at+3:]))
		if off+size > len(src) {
			return protoErr("PRELOGIN option 0x%02x out of bounds", tok)
		}
		data := src[off : off+size : off+size]
		switch tok {
		case PreloginVersion:
			if size < 6 {
				return protoErr("PRELOGIN VERSION of %d bytes", size)
			}
			p.HasVersion = true
			p.Version = ProductVersion{data[0], data[1], binary.BigEndian.Uint16(data[2:]), binary.BigEndian.Uint16(data[4:])}
		case PreloginEncryption:
			if size < 1 {
				return protoErr("empty PRELOGIN ENCRYPTION")
			}
			p.HasEncryption, p.Encryption = true, data[0]
		case PreloginInstOpt:
			p.HasInstance = true
			for j, c := range data {
				if c == 0 {
					data = data[:j]
					break
				}
			}
			p.Instance = string(data)
		case PreloginThreadID:
			p.ThreadID = data
		case PreloginMARS:
			if size < 1 {
				return protoErr("empty PRELOGIN MARS")
			}
			p.HasMARS, p.MARS = true, data[0]
		case PreloginTraceID:
			p.TraceID = data
		case PreloginFedAuthRequired:
			if size < 1 {
				return protoErr("empty PRELOGIN FEDAUTHREQUIRED")
			}
			p.HasFedAuthRequired, p.FedAuthRequired = true, data[0]
		case PreloginNonceOpt:
			p.Nonce = data
		default:
			p.Unknown = append(p.Unknown, PreloginOption{Token: tok, Data: data})
		}
	}
	return nil
}
