package tds

// Column flags [MS-TDS 2.2.7.4].
const (
	ColNullable        uint16 = 0x0001
	ColCaseSensitive   uint16 = 0x0002
	ColUpdatableMask   uint16 = 0x000C // 0 read-only, 1 read/write, 2 unknown
	ColUpdatable       uint16 = 0x0004
	ColUpdatableUnkn   uint16 = 0x0008
	ColIdentity        uint16 = 0x0010
	ColComputed        uint16 = 0x0020
	ColFixedLenCLR     uint16 = 0x0100
	ColSparseColumnSet uint16 = 0x0400
	ColEncrypted       uint16 = 0x0800
	ColHidden          uint16 = 0x2000
	ColKey             uint16 = 0x4000
	ColNullableUnknown uint16 = 0x8000
)

// UserTypeTimestamp is the UserType of timestamp/rowversion columns.
const UserTypeTimestamp uint32 = 0x50

// NoMetadataCount is the COLMETADATA count meaning "no metadata" (only in
// answer to an RPC with fNoMetaData).
const NoMetadataCount = 0xFFFF

// Column is one COLMETADATA column.
type Column struct {
	UserType uint32 // ULONG in 7.2+, USHORT in 7.1
	Flags    uint16
	TypeInfo TypeInfo
	// TableName is required for text/ntext/image columns (multi-part name;
	// one part for 7.1, where it is a single US_VARCHAR).
	TableName []string
	Name      string
}

// AppendColMetadataHeader appends the COLMETADATA token byte and column
// count; follow with AppendColumn for each column.
func AppendColMetadataHeader(dst []byte, count int) []byte {
	return appendU16(append(dst, TokenColMetadata), uint16(count))
}

// AppendColumn appends one column description.
func AppendColumn(dst []byte, v Version, col *Column) []byte {
	if v.Is72() {
		dst = appendU32(dst, col.UserType)
	} else {
		dst = appendU16(dst, uint16(col.UserType))
	}
	dst = appendU16(dst, col.Flags)
	dst = col.TypeInfo.Encode(dst)
	if col.TypeInfo.IsLegacyLOB() {
		if v.Is72() {
			n := len(col.TableName)
			if n > 255 {
				n = 255
			}
			dst = append(dst, byte(n))
			for _, p := range col.TableName[:n] {
				dst = AppendUSVarChar(dst, p)
			}
		} else {
			name := ""
			for i, p := range col.TableName {
				if i > 0 {
					name += "."
				}
				name += p
			}
			dst = AppendUSVarChar(dst, name)
		}
	}
	return AppendBVarChar(dst, col.Name)
}

// AppendColMetadata appends a whole COLMETADATA token.
func AppendColMetadata(dst []byte, v Version, cols []Column) []byte {
	dst = AppendColMetadataHeader(dst, len(cols))
	for i := range cols {
		dst = AppendColumn(dst, v, &cols[i])
	}
	return dst
}

// ColMetadata is the COLMETADATA token.
type ColMetadata struct {
	Columns    []Column
	NoMetadata bool // count 0xFFFF
}

// Encode appends the token.
func (m *ColMetadata) Encode(dst []byte, v Version) []byte {
	if m.NoMetadata {
		return AppendColMetadataHeader(dst, NoMetadataCount)
	}
	return AppendColMetadata(dst, v, m.Columns)
}

// Decode reads the token at src[0] and returns the bytes consumed.
func (m *ColMetadata) Decode(src []byte, v Version) (int, error) { return m.decode(src, v, false) }

// DecodeBulk reads the COLMETADATA a client sends in a bulk load message,
// where the table name of a text/ntext/image column is one US_VARCHAR
// whatever the TDS version (as go-mssqldb and tedious send it, and SQL
// Server reads it), not the multi-part name of 7.2+ server metadata.
func (m *ColMetadata) DecodeBulk(src []byte, v Version) (int, error) { return m.decode(src, v, true) }

func (m *ColMetadata) decode(src []byte, v Version, bulk bool) (int, error) {
	if _, err := tokenHeader(src, TokenColMetadata); err != nil {
		return 0, err
	}
	c := cursor{b: src, off: 1}
	n := int(c.u16())
	m.Columns = m.Columns[:0]
	m.NoMetadata = n == NoMetadataCount
	if m.NoMetadata {
		return c.off, c.err
	}
	for i := 0; i < n && c.err == nil; i++ {
		var col Column
		decodeColumn(&c, v, &col, bulk)
		m.Columns = append(m.Columns, col)
	}
	return c.off, c.err
}

func decodeColumn(c *cursor, v Version, col *Column, bulk bool) {
	if v.Is72() {
		col.UserType = c.u32()
	} else {
		col.UserType = uint32(c.u16())
	}
	col.Flags = c.u16()
	col.TypeInfo.decode(c)
	if c.err != nil {
		return
	}
	if col.TypeInfo.Type == TypeNull || col.TypeInfo.Type == TypeTVP {
		// SQL Server never describes a column as NULLTYPE; a zero-width
		// column would also let a one-byte ROW cost unbounded work.
		c.fail(protoErr("column of type 0x%02x", col.TypeInfo.Type))
		return
	}
	if col.TypeInfo.IsLegacyLOB() {
		if v.Is72() && !bulk {
			parts := int(c.u8())
			for j := 0; j < parts && c.err == nil; j++ {
				col.TableName = append(col.TableName, c.usVarChar())
			}
		} else {
			col.TableName = []string{c.usVarChar()}
		}
	}
	col.Name = c.bVarChar()
}
