package tds

// sql_variant values [MS-TDS 2.2.5.5.4]: LONG total length (0 = NULL), base
// type byte, property byte count, properties, then the base value without a
// length prefix. Base types are the fixed ones (INT4, not INTN).

// variantProps returns the property byte count for a base type, or -1 when
// the type cannot be a sql_variant base type.
func variantProps(t uint8) int {
	switch t {
	case TypeInt1, TypeInt2, TypeInt4, TypeInt8, TypeBit, TypeFlt4, TypeFlt8,
		TypeMoney, TypeMoney4, TypeDateTime, TypeDateTim4, TypeGUID, TypeDateN:
		return 0
	case TypeTimeN, TypeDateTime2N, TypeDateTimeOffsetN:
		return 1
	case TypeDecimalN, TypeNumericN, TypeBigVarBinary, TypeBigBinary:
		return 2
	case TypeBigVarChar, TypeBigChar, TypeNVarChar, TypeNChar:
		return 7
	}
	return -1
}

// AppendVariantHeader appends the LONG length, base type and properties of
// a sql_variant whose base value (dataLen bytes, no length prefix) the
// caller appends next.
func AppendVariantHeader(dst []byte, base *TypeInfo, dataLen int) []byte {
	props := variantProps(base.Type)
	if props < 0 {
		props = 0
	}
	dst = appendU32(dst, uint32(2+props+dataLen))
	dst = append(dst, base.Type, byte(props))
	switch props {
	case 1:
		dst = append(dst, base.Scale)
	case 2:
		if base.Type == TypeDecimalN || base.Type == TypeNumericN {
			dst = append(dst, base.Precision, base.Scale)
		} else {
			dst = appendU16(dst, uint16(base.Size))
		}
	case 7:
		dst = AppendCollation(dst, base.Collation)
		dst = appendU16(dst, uint16(base.Size))
	}
	return dst
}

// AppendVariant appends a complete sql_variant value.
func AppendVariant(dst []byte, base *TypeInfo, data []byte) []byte {
	dst = AppendVariantHeader(dst, base, len(data))
	return append(dst, data...)
}

// Variant is a decoded sql_variant: its base TYPE_INFO and base value
// (aliasing the source).
type Variant struct {
	Base  TypeInfo
	Value []byte
}

// Decode parses a sql_variant value as returned by ReadValue (without the
// LONG length).
func (v *Variant) Decode(val []byte) error {
	c := cursor{b: val}
	t := c.u8()
	n := int(c.u8())
	if c.err != nil {
		return c.err
	}
	want := variantProps(t)
	if want < 0 || n != want {
		return protoErr("sql_variant base type 0x%02x with %d property bytes", t, n)
	}
	v.Base = TypeInfo{Type: t}
	switch classOf(t) {
	case lenFixed:
		v.Base.Size = fixedSize(t)
	}
	switch t {
	case TypeGUID:
		v.Base.Size = 16
	case TypeDateN:
		v.Base.Size = 3
	case TypeTimeN, TypeDateTime2N, TypeDateTimeOffsetN:
		v.Base.Scale = c.u8()
		if v.Base.Scale > 7 {
			return protoErr("sql_variant time scale %d", v.Base.Scale)
		}
	case TypeDecimalN, TypeNumericN:
		v.Base.Precision = c.u8()
		v.Base.Scale = c.u8()
		v.Base.Size = DecimalSize(v.Base.Precision)
	case TypeBigVarBinary, TypeBigBinary:
		v.Base.Size = int(c.u16())
	case TypeBigVarChar, TypeBigChar, TypeNVarChar, TypeNChar:
		col, err := CollationFromBytes(c.bytes(5))
		if err != nil {
			return err
		}
		v.Base.Collation = col
		v.Base.Size = int(c.u16())
	}
	if c.err != nil {
		return c.err
	}
	v.Value = val[c.off:]
	return nil
}
