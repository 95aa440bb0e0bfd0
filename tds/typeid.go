package tds

// TDS data type ids [MS-TDS 2.2.5.4].
const (
	// Fixed-length types (no length in TYPE_INFO or in the value).
	TypeNull     uint8 = 0x1F
	TypeInt1     uint8 = 0x30
	TypeBit      uint8 = 0x32
	TypeInt2     uint8 = 0x34
	TypeInt4     uint8 = 0x38
	TypeDateTim4 uint8 = 0x3A
	TypeFlt4     uint8 = 0x3B
	TypeMoney    uint8 = 0x3C
	TypeDateTime uint8 = 0x3D
	TypeFlt8     uint8 = 0x3E
	TypeMoney4   uint8 = 0x7A
	TypeInt8     uint8 = 0x7F

	// Byte-length types.
	TypeGUID            uint8 = 0x24
	TypeIntN            uint8 = 0x26
	TypeDecimal         uint8 = 0x37 // legacy
	TypeNumeric         uint8 = 0x3F // legacy
	TypeBitN            uint8 = 0x68
	TypeDecimalN        uint8 = 0x6A
	TypeNumericN        uint8 = 0x6C
	TypeFltN            uint8 = 0x6D
	TypeMoneyN          uint8 = 0x6E
	TypeDateTimeN       uint8 = 0x6F
	TypeDateN           uint8 = 0x28
	TypeTimeN           uint8 = 0x29
	TypeDateTime2N      uint8 = 0x2A
	TypeDateTimeOffsetN uint8 = 0x2B
	TypeChar            uint8 = 0x2F // legacy
	TypeVarChar         uint8 = 0x27 // legacy
	TypeBinary          uint8 = 0x2D // legacy
	TypeVarBinary       uint8 = 0x25 // legacy

	// USHORT-length types (0xFFFF max length = PLP "(max)").
	TypeBigVarBinary uint8 = 0xA5
	TypeBigVarChar   uint8 = 0xA7
	TypeBigBinary    uint8 = 0xAD
	TypeBigChar      uint8 = 0xAF
	TypeNVarChar     uint8 = 0xE7
	TypeNChar        uint8 = 0xEF
	TypeUDT          uint8 = 0xF0 // PLP

	// LONG-length types.
	TypeImage   uint8 = 0x22
	TypeText    uint8 = 0x23
	TypeNText   uint8 = 0x63
	TypeVariant uint8 = 0x62
	TypeXML     uint8 = 0xF1 // PLP
	TypeTVP     uint8 = 0xF3
	TypeJSON    uint8 = 0xF4 // PLP (SQL Server 2025)
)

// MaxLen is the USHORT max length that marks a (max) type sent as PLP.
const MaxLen = 0xFFFF

// lenClass is how a type's value length is framed.
type lenClass uint8

const (
	lenUnknown lenClass = iota
	lenFixed
	lenByte
	lenUShort
	lenLong
	lenPLP // always PLP (xml, udt, json)
)

func classOf(t uint8) lenClass {
	switch t {
	case TypeNull, TypeInt1, TypeBit, TypeInt2, TypeInt4, TypeDateTim4, TypeFlt4,
		TypeMoney, TypeDateTime, TypeFlt8, TypeMoney4, TypeInt8:
		return lenFixed
	case TypeGUID, TypeIntN, TypeDecimal, TypeNumeric, TypeBitN, TypeDecimalN, TypeNumericN,
		TypeFltN, TypeMoneyN, TypeDateTimeN, TypeDateN, TypeTimeN, TypeDateTime2N,
		TypeDateTimeOffsetN, TypeChar, TypeVarChar, TypeBinary, TypeVarBinary:
		return lenByte
	case TypeBigVarBinary, TypeBigVarChar, TypeBigBinary, TypeBigChar, TypeNVarChar, TypeNChar:
		return lenUShort
	case TypeImage, TypeText, TypeNText, TypeVariant:
		return lenLong
	case TypeXML, TypeUDT, TypeJSON:
		return lenPLP
	}
	return lenUnknown
}

// fixedSize is the value size of a fixed-length type.
func fixedSize(t uint8) int {
	switch t {
	case TypeNull:
		return 0
	case TypeInt1, TypeBit:
		return 1
	case TypeInt2:
		return 2
	case TypeInt4, TypeDateTim4, TypeFlt4, TypeMoney4:
		return 4
	case TypeMoney, TypeDateTime, TypeFlt8, TypeInt8:
		return 8
	}
	return 0
}

// hasCollation reports the types whose TYPE_INFO carries a COLLATION.
func hasCollation(t uint8) bool {
	switch t {
	case TypeBigChar, TypeBigVarChar, TypeText, TypeNText, TypeNChar, TypeNVarChar:
		return true
	}
	return false
}

// DecimalSize returns the value length (sign byte + magnitude) SQL Server
// uses for a decimal/numeric of precision p: 5, 9, 13 or 17.
func DecimalSize(p uint8) int {
	switch {
	case p <= 9:
		return 5
	case p <= 19:
		return 9
	case p <= 28:
		return 13
	}
	return 17
}

// TimeSize returns the byte length of a time(n) value: 3, 4 or 5.
func TimeSize(scale uint8) int {
	switch {
	case scale <= 2:
		return 3
	case scale <= 4:
		return 4
	}
	return 5
}
