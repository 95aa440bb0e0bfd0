package tds

// TypeInfo is a TYPE_INFO [MS-TDS 2.2.5.6]: a data type id and its
// type-specific properties. It is what COLMETADATA, RETURNVALUE and RPC
// parameters carry before each value.
type TypeInfo struct {
	Type uint8
	// Size is the length property: the size of INTN/FLTN/MONEYN/DATETIMN/
	// BITN/GUID (1–16), the max byte length of char/binary types (MaxLen
	// for (max)), the LONG max length of text/ntext/image/sql_variant, the
	// value length of DECIMALN/NUMERICN (5, 9, 13, 17). Fixed-length types
	// ignore it on encode and get their size on decode.
	Size      int
	Precision uint8 // decimal/numeric
	Scale     uint8 // decimal/numeric, time, datetime2, datetimeoffset
	Collation Collation

	// XML schema (only when XMLSchemaPresent).
	XMLSchemaPresent bool
	XMLDBName        string
	XMLOwningSchema  string
	XMLSchemaColl    string

	// UDT properties.
	UDTDBName   string
	UDTSchema   string
	UDTTypeName string
	UDTAssembly string
}

// IsPLP reports whether values of this type are sent as PLP (the (max)
// types, xml, udt, json).
func (ti *TypeInfo) IsPLP() bool {
	switch classOf(ti.Type) {
	case lenPLP:
		return true
	case lenUShort:
		return ti.Size == MaxLen
	}
	return false
}

// IsFixed reports a fixed-length type (which cannot hold NULL in a row).
func (ti *TypeInfo) IsFixed() bool { return classOf(ti.Type) == lenFixed }

// HasCollation reports whether the TYPE_INFO carries a collation.
func (ti *TypeInfo) HasCollation() bool { return hasCollation(ti.Type) }

// IsLegacyLOB reports text, ntext and image, whose COLMETADATA entry
// carries a table name and whose row values carry a text pointer.
func (ti *TypeInfo) IsLegacyLOB() bool {
	return ti.Type == TypeText || ti.Type == TypeNText || ti.Type == TypeImage
}

// Encode appends the TYPE_INFO.
func (ti *TypeInfo) Encode(dst []byte) []byte {
	dst = append(dst, ti.Type)
	switch ti.Type {
	case TypeDateN:
		return dst
	case TypeTimeN, TypeDateTime2N, TypeDateTimeOffsetN:
		return append(dst, ti.Scale)
	case TypeDecimalN, TypeNumericN, TypeDecimal, TypeNumeric:
		size := ti.Size
		if size == 0 {
			size = DecimalSize(ti.Precision)
		}
		return append(dst, byte(size), ti.Precision, ti.Scale)
	case TypeXML:
		if !ti.XMLSchemaPresent {
			return append(dst, 0)
		}
		dst = append(dst, 1)
		dst = AppendBVarChar(dst, ti.XMLDBName)
		dst = AppendBVarChar(dst, ti.XMLOwningSchema)
		return AppendUSVarChar(dst, ti.XMLSchemaColl)
	case TypeUDT:
		dst = appendU16(dst, uint16(ti.Size))
		dst = AppendBVarChar(dst, ti.UDTDBName)
		dst = AppendBVarChar(dst, ti.UDTSchema)
		dst = AppendBVarChar(dst, ti.UDTTypeName)
		return AppendUSVarChar(dst, ti.UDTAssembly)
	case TypeJSON:
		return dst
	}
	switch classOf(ti.Type) {
	case lenByte:
		dst = append(dst, byte(ti.Size))
	case lenUShort:
		dst = appendU16(dst, uint16(ti.Size))
	case lenLong:
		dst = appendU32(dst, uint32(ti.Size))
	}
	if hasCollation(ti.Type) {
		dst = AppendCollation(dst, ti.Collation)
	}
	return dst
}

// Decode reads a TYPE_INFO and returns the bytes consumed.
func (ti *TypeInfo) Decode(src []byte) (int, error) {
	c := cursor{b: src}
	ti.decode(&c)
	return c.off, c.err
}

func (ti *TypeInfo) decode(c *cursor) {
	*ti = TypeInfo{Type: c.u8()}
	if c.err != nil {
		return
	}
	switch ti.Type {
	case TypeDateN:
		ti.Size = 3
		return
	case TypeTimeN, TypeDateTime2N, TypeDateTimeOffsetN:
		ti.Scale = c.u8()
		if ti.Scale > 7 {
			c.fail(protoErr("time scale %d", ti.Scale))
		}
		ti.Size = TimeSize(ti.Scale)
		switch ti.Type {
		case TypeDateTime2N:
			ti.Size += 3
		case TypeDateTimeOffsetN:
			ti.Size += 5
		}
		return
	case TypeDecimalN, TypeNumericN, TypeDecimal, TypeNumeric:
		ti.Size = int(c.u8())
		ti.Precision = c.u8()
		ti.Scale = c.u8()
		if c.err == nil && (ti.Precision < 1 || ti.Precision > 38 || ti.Scale > ti.Precision || ti.Size < 1 || ti.Size > 17) {
			c.fail(protoErr("decimal(%d,%d) size %d", ti.Precision, ti.Scale, ti.Size))
		}
		return
	case TypeXML:
		ti.Size = MaxLen
		ti.XMLSchemaPresent = c.u8() != 0
		if ti.XMLSchemaPresent {
			ti.XMLDBName = c.bVarChar()
			ti.XMLOwningSchema = c.bVarChar()
			ti.XMLSchemaColl = c.usVarChar()
		}
		return
	case TypeUDT:
		ti.Size = int(c.u16())
		ti.UDTDBName = c.bVarChar()
		ti.UDTSchema = c.bVarChar()
		ti.UDTTypeName = c.bVarChar()
		ti.UDTAssembly = c.usVarChar()
		return
	case TypeJSON:
		ti.Size = MaxLen
		return
	}
	switch classOf(ti.Type) {
	case lenFixed:
		ti.Size = fixedSize(ti.Type)
	case lenByte:
		ti.Size = int(c.u8())
		if c.err == nil && !validByteSize(ti.Type, ti.Size) {
			c.fail(protoErr("type 0x%02x with size %d", ti.Type, ti.Size))
		}
	case lenUShort:
		ti.Size = int(c.u16())
	case lenLong:
		ti.Size = int(int32(c.u32()))
	default:
		c.fail(protoErr("unknown data type 0x%02x", ti.Type))
		return
	}
	if hasCollation(ti.Type) {
		col, err := CollationFromBytes(c.bytes(5))
		if c.err == nil && err == nil {
			ti.Collation = col
		}
	}
}

func validByteSize(t uint8, size int) bool {
	switch t {
	case TypeIntN:
		return size == 1 || size == 2 || size == 4 || size == 8
	case TypeBitN:
		return size == 1
	case TypeFltN, TypeMoneyN, TypeDateTimeN:
		return size == 4 || size == 8
	case TypeGUID:
		return size == 16
	}
	return true
}
