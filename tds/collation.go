package tds

// Collation is the 5-byte TDS COLLATION [MS-TDS 2.2.5.1.2]: a 4-byte
// little-endian word (LCID in bits 0–19, comparison flags in 20–27, version
// in 28–31) and a SortId byte (non-zero for SQL collations).
type Collation struct {
	Info   uint32
	SortID uint8
}

// Collation flag bits inside Info.
const (
	CollationIgnoreCase   uint32 = 1 << 20
	CollationIgnoreAccent uint32 = 1 << 21
	CollationIgnoreWidth  uint32 = 1 << 22 // MS-TDS order: case, accent, width, kana
	CollationIgnoreKana   uint32 = 1 << 23
	CollationBinary       uint32 = 1 << 24
	CollationBinary2      uint32 = 1 << 25
	CollationUTF8         uint32 = 1 << 26
)

// SQLLatin1GeneralCP1CIAS is SQL Server's default collation
// (09 04 D0 00 34): LCID 0x409, case-, kana- and width-insensitive,
// SortId 52.
var SQLLatin1GeneralCP1CIAS = Collation{Info: 0x00D00409, SortID: 0x34}

// LCID returns the locale id.
func (c Collation) LCID() uint32 { return c.Info & 0xFFFFF }

// IsZero reports an all-zero collation (clients may send it on NVARCHAR
// parameters; servers must never return it).
func (c Collation) IsZero() bool { return c.Info == 0 && c.SortID == 0 }

// Bytes returns the wire form.
func (c Collation) Bytes() [5]byte {
	var b [5]byte
	c.put(b[:])
	return b
}

func (c Collation) put(b []byte) {
	putU32(b, c.Info)
	b[4] = c.SortID
}

// AppendCollation appends the 5-byte wire form.
func AppendCollation(dst []byte, c Collation) []byte {
	dst = appendU32(dst, c.Info)
	return append(dst, c.SortID)
}

// CollationFromBytes decodes the 5-byte wire form; b must hold 5 bytes.
func CollationFromBytes(b []byte) (Collation, error) {
	if len(b) < 5 {
		return Collation{}, ErrShort
	}
	return Collation{Info: uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24, SortID: b[4]}, nil
}
