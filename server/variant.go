package server

import (
	"encoding/binary"

	"github.com/tsqld/tsqld/sql/types"
	"github.com/tsqld/tsqld/tds"
)

// appendVariant writes a sql_variant ROW value: LONG total length, base
// type, property byte count, properties, then the base value without its
// length prefix [MS-TDS 2.2.5.5.4].
func appendVariant(dst []byte, v *types.Value) []byte {
	if v.Var == nil || v.Var.Value.K == types.KindNull {
		return append(dst, 0, 0, 0, 0)
	}
	bt := v.Var.Type
	if bt.Length == types.MaxLength || bt.Length > 8000 {
		bt.Length = 8000 // a variant never holds (max) values
	}
	e := columnEnc(bt, tds.Version74)
	at := len(dst)
	dst = append(dst, 0, 0, 0, 0)
	base := e.ti.Type
	prefix := 1 // length prefix of the value as appendValue writes it
	switch e.kind {
	case encIntN:
		base = [...]uint8{1: tds.TypeInt1, 2: tds.TypeInt2, 4: tds.TypeInt4, 8: tds.TypeInt8}[e.ti.Size]
		dst = append(dst, base, 0)
	case encBitN:
		dst = append(dst, tds.TypeBit, 0)
	case encFltN:
		base = tds.TypeFlt8
		if e.ti.Size == 4 {
			base = tds.TypeFlt4
		}
		dst = append(dst, base, 0)
	case encMoneyN:
		base = tds.TypeMoney
		if e.ti.Size == 4 {
			base = tds.TypeMoney4
		}
		dst = append(dst, base, 0)
	case encDateTimeN:
		base = tds.TypeDateTime
		if e.ti.Size == 4 {
			base = tds.TypeDateTim4
		}
		dst = append(dst, base, 0)
	case encGUID, encDateN:
		dst = append(dst, base, 0)
	case encDecimalN:
		dst = append(dst, base, 2, e.ti.Precision, e.ti.Scale)
	case encTimeN, encDateTime2N, encDTOffsetN:
		dst = append(dst, base, 1, e.ti.Scale)
	case encVarChar, encNVarChar:
		dst = append(dst, base, 7)
		dst = tds.AppendCollation(dst, e.ti.Collation)
		dst = binary.LittleEndian.AppendUint16(dst, uint16(e.ti.Size))
		prefix = 2
	case encVarBinary:
		dst = append(dst, base, 2)
		dst = binary.LittleEndian.AppendUint16(dst, uint16(e.ti.Size))
		prefix = 2
	default:
		// Nothing else can be a variant's base type.
		return append(dst[:at], 0, 0, 0, 0)
	}
	vat := len(dst)
	dst = appendValue(dst, &e, &v.Var.Value)
	// Drop the value's own length prefix.
	copy(dst[vat:], dst[vat+prefix:])
	dst = dst[:len(dst)-prefix]
	binary.LittleEndian.PutUint32(dst[at:], uint32(len(dst)-at-4))
	return dst
}
