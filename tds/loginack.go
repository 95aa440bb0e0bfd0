package tds

import "encoding/binary"

// Interface values of LOGINACK.
const (
	LoginAckSQLDefault uint8 = 0
	LoginAckSQLTSQL    uint8 = 1
)

// LoginAck is the LOGINACK token (0xAD). The TDS version is big-endian on
// the wire here, unlike LOGIN7.
type LoginAck struct {
	Interface  uint8
	TDSVersion Version
	ProgName   string // "Microsoft SQL Server": SNAC fails on anything else
	Major      uint8
	Minor      uint8
	Build      uint16 // BuildNumHi, BuildNumLow
}

// Encode appends the token.
func (a *LoginAck) Encode(dst []byte) []byte {
	dst, start := beginLen16(dst, TokenLoginAck)
	dst = append(dst, a.Interface)
	dst = binary.BigEndian.AppendUint32(dst, uint32(a.TDSVersion))
	dst = AppendBVarChar(dst, a.ProgName)
	dst = append(dst, a.Major, a.Minor, byte(a.Build>>8), byte(a.Build))
	return endLen16(dst, start)
}

// Decode reads the token at src[0] and returns the bytes consumed.
func (a *LoginAck) Decode(src []byte) (int, error) {
	if _, err := tokenHeader(src, TokenLoginAck); err != nil {
		return 0, err
	}
	c := cursor{b: src, off: 1}
	n := int(c.u16())
	body := cursor{b: c.bytes(n)}
	if c.err != nil {
		return 0, c.err
	}
	a.Interface = body.u8()
	a.TDSVersion = Version(body.u32be())
	a.ProgName = body.bVarChar()
	a.Major = body.u8()
	a.Minor = body.u8()
	a.Build = body.u16be()
	if body.err != nil {
		return 0, body.err
	}
	return c.off, nil
}
