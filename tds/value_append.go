package tds

import (
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// The Append* value functions write one column value (the TYPE_VARBYTE of
// a ROW or RETURNVALUE) including its length prefix. They never allocate
// beyond growing dst. Sizes must match the TYPE_INFO sent in COLMETADATA.

// AppendNull appends the NULL encoding for ti: a zero length for
// byte-length types (and sql_variant), 0xFFFF for short-length types, the
// PLP NULL marker for (max)/xml, a zero text pointer for text/ntext/image
// in rows (a 0xFFFFFFFF length in RPC parameters). Fixed-length types have
// no NULL: declare the N-type instead (INTN, BITN, FLTN, MONEYN, DATETIMN).
func AppendNull(dst []byte, ti *TypeInfo, inRow bool) []byte {
	if ti.IsPLP() {
		return appendU64(dst, PLPNull)
	}
	switch classOf(ti.Type) {
	case lenByte:
		return append(dst, 0)
	case lenUShort:
		return append(dst, 0xFF, 0xFF)
	case lenLong:
		if ti.Type == TypeVariant {
			return append(dst, 0, 0, 0, 0)
		}
		if inRow {
			return append(dst, 0)
		}
		return append(dst, 0xFF, 0xFF, 0xFF, 0xFF)
	}
	return dst
}

// AppendIntN appends an INTN value of size 1, 2, 4 or 8 (tinyint is
// unsigned on the wire).
func AppendIntN(dst []byte, size int, v int64) []byte {
	dst = append(dst, byte(size))
	return AppendIntFixed(dst, size, v)
}

// AppendIntFixed appends a fixed INT1/INT2/INT4/INT8 value (no length).
func AppendIntFixed(dst []byte, size int, v int64) []byte {
	switch size {
	case 1:
		return append(dst, byte(v))
	case 2:
		return appendU16(dst, uint16(v))
	case 4:
		return appendU32(dst, uint32(v))
	}
	return appendU64(dst, uint64(v))
}

// AppendBitN appends a BITN value.
func AppendBitN(dst []byte, v bool) []byte {
	if v {
		return append(dst, 1, 1)
	}
	return append(dst, 1, 0)
}

// AppendFltN appends a FLTN value of size 4 (real) or 8 (float).
func AppendFltN(dst []byte, size int, v float64) []byte {
	if size == 4 {
		return appendU32(append(dst, 4), f32bits(float32(v)))
	}
	return appendU64(append(dst, 8), f64bits(v))
}

// AppendMoneyN appends a MONEYN value; v is the amount in 1/10000 units.
// money (size 8) goes high 32 bits first, then low, each little-endian.
func AppendMoneyN(dst []byte, size int, v int64) []byte {
	dst = append(dst, byte(size))
	return AppendMoneyFixed(dst, size, v)
}

// AppendMoneyFixed appends MONEY/MONEY4 without a length.
func AppendMoneyFixed(dst []byte, size int, v int64) []byte {
	if size == 4 {
		return appendU32(dst, uint32(int32(v)))
	}
	dst = appendU32(dst, uint32(uint64(v)>>32))
	return appendU32(dst, uint32(v))
}

// AppendDecimalN appends a DECIMALN/NUMERICN value of precision prec: the
// length for that precision, the sign byte (1 = positive, 0 = negative)
// and the magnitude (coefficient × 10^scale) as a little-endian integer of
// 4, 8, 12 or 16 bytes taken from lo (low 64 bits) and hi.
func AppendDecimalN(dst []byte, prec uint8, neg bool, lo, hi uint64) []byte {
	size := DecimalSize(prec)
	dst = append(dst, byte(size))
	return appendDecimalBody(dst, size, neg, lo, hi)
}

func appendDecimalBody(dst []byte, size int, neg bool, lo, hi uint64) []byte {
	sign := byte(1)
	if neg {
		sign = 0
	}
	dst = append(dst, sign)
	switch size {
	case 5:
		return appendU32(dst, uint32(lo))
	case 9:
		return appendU64(dst, lo)
	case 13:
		return appendU32(appendU64(dst, lo), uint32(hi))
	}
	return appendU64(appendU64(dst, lo), hi)
}

// AppendGUIDN appends a uniqueidentifier; wire holds the 16 bytes in wire
// (mixed-endian, .NET Guid) order — see GUIDToWire.
func AppendGUIDN(dst []byte, wire []byte) []byte {
	dst = append(dst, 16)
	var b [16]byte
	copy(b[:], wire)
	return append(dst, b[:]...)
}

// GUIDToWire converts a GUID from RFC 4122 (textual) byte order to the wire
// order: the first three groups are little-endian.
func GUIDToWire(rfc [16]byte) [16]byte {
	w := rfc
	w[0], w[1], w[2], w[3] = rfc[3], rfc[2], rfc[1], rfc[0]
	w[4], w[5] = rfc[5], rfc[4]
	w[6], w[7] = rfc[7], rfc[6]
	return w
}

// GUIDFromWire is the inverse of GUIDToWire (the swap is its own inverse).
func GUIDFromWire(wire [16]byte) [16]byte { return GUIDToWire(wire) }

// AppendDateTimeN appends a DATETIMN value of size 8 (datetime) or 4
// (smalldatetime) from ticks (100ns since 0001-01-01).
func AppendDateTimeN(dst []byte, size int, ticks int64) []byte {
	dst = append(dst, byte(size))
	return AppendDateTimeFixed(dst, size, ticks)
}

// AppendDateTimeFixed appends DATETIME/DATETIM4 without a length.
func AppendDateTimeFixed(dst []byte, size int, ticks int64) []byte {
	if size == 4 {
		d, m := SmallDateTimeParts(ticks)
		return appendU16(appendU16(dst, d), m)
	}
	d, t := DateTimeParts(ticks)
	return appendU32(appendU32(dst, uint32(d)), t)
}

// AppendDateN appends a DATEN value (3-byte days since 0001-01-01) from
// ticks; the time of day is ignored.
func AppendDateN(dst []byte, ticks int64) []byte {
	d, _ := floorDiv(ticks, TicksPerDay)
	return append(dst, 3, byte(d), byte(d>>8), byte(d>>16))
}

func appendTimeBody(dst []byte, scale uint8, timeTicks int64) []byte {
	if scale > 7 {
		scale = 7
	}
	v := uint64(timeTicks / pow10[7-scale])
	switch TimeSize(scale) {
	case 3:
		return append(dst, byte(v), byte(v>>8), byte(v>>16))
	case 4:
		return append(dst, byte(v), byte(v>>8), byte(v>>16), byte(v>>24))
	}
	return append(dst, byte(v), byte(v>>8), byte(v>>16), byte(v>>24), byte(v>>32))
}

// AppendTimeN appends a TIMEN(scale) value from the time-of-day part of
// ticks. Digits beyond the scale are truncated: round in the engine.
func AppendTimeN(dst []byte, scale uint8, ticks int64) []byte {
	_, t := floorDiv(ticks, TicksPerDay)
	dst = append(dst, byte(TimeSize(scale)))
	return appendTimeBody(dst, scale, t)
}

// AppendDateTime2N appends a DATETIME2N(scale) value: time then date.
func AppendDateTime2N(dst []byte, scale uint8, ticks int64) []byte {
	d, t := floorDiv(ticks, TicksPerDay)
	dst = append(dst, byte(TimeSize(scale)+3))
	dst = appendTimeBody(dst, scale, t)
	return append(dst, byte(d), byte(d>>8), byte(d>>16))
}

// AppendDateTimeOffsetN appends a DATETIMEOFFSETN(scale) value. ticks is
// the local wall clock; the wire carries it converted to UTC, then the
// offset in minutes.
func AppendDateTimeOffsetN(dst []byte, scale uint8, ticks int64, offsetMin int16) []byte {
	utc := ticks - int64(offsetMin)*60*TicksPerSecond
	d, t := floorDiv(utc, TicksPerDay)
	dst = append(dst, byte(TimeSize(scale)+5))
	dst = appendTimeBody(dst, scale, t)
	dst = append(dst, byte(d), byte(d>>8), byte(d>>16))
	return appendU16(dst, uint16(offsetMin))
}

// AppendNVarChar appends an NVARCHAR/NCHAR value (USHORT byte length, then
// UTF-16LE) written directly from s. The column's declared max length must
// cover it; text beyond 32767 code units is truncated.
func AppendNVarChar(dst []byte, s string) []byte {
	at := len(dst)
	dst = append(dst, 0, 0)
	dst, n := appendUTF16Limit(dst, s, 0x7FFF)
	putU16(dst[at:], uint16(2*n))
	return dst
}

// AppendVarChar appends a VARCHAR/CHAR/VARBINARY/BINARY value whose bytes
// are already in the column's code page (USHORT length, then bytes).
func AppendVarChar(dst []byte, b []byte) []byte {
	if len(b) > 0xFFFE {
		b = b[:0xFFFE]
	}
	dst = appendU16(dst, uint16(len(b)))
	return append(dst, b...)
}

// AppendVarBinary is AppendVarChar for binary data.
func AppendVarBinary(dst []byte, b []byte) []byte { return AppendVarChar(dst, b) }

// AppendVarCharString appends a VARCHAR/CHAR value converting s to
// Windows-1252 (the code page of SQL_Latin1_General_CP1_*); characters
// with no mapping become '?', as SQL Server does.
func AppendVarCharString(dst []byte, s string) []byte {
	at := len(dst)
	dst = append(dst, 0, 0)
	dst = AppendCP1252(dst, s)
	n := len(dst) - at - 2
	if n > 0xFFFE {
		dst = dst[:at+2+0xFFFE]
		n = 0xFFFE
	}
	putU16(dst[at:], uint16(n))
	return dst
}

// AppendCP1252 appends s converted to Windows-1252 without a length.
func AppendCP1252(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if b, ok := charmap.Windows1252.EncodeRune(r); ok {
			dst = append(dst, b)
		} else {
			dst = append(dst, '?')
		}
	}
	return dst
}

// AppendPLP appends a complete PLP value with a known length: the total,
// one chunk, and the terminator.
func AppendPLP(dst []byte, b []byte) []byte {
	dst = appendU64(dst, uint64(len(b)))
	if len(b) > 0 {
		dst = appendU32(dst, uint32(len(b)))
		dst = append(dst, b...)
	}
	return appendU32(dst, 0)
}

// AppendPLPNull appends the PLP NULL marker.
func AppendPLPNull(dst []byte) []byte { return appendU64(dst, PLPNull) }

// AppendPLPNVarChar appends nvarchar(max)/xml text as a PLP value written
// directly as UTF-16LE.
func AppendPLPNVarChar(dst []byte, s string) []byte {
	n := UTF16Len(s)
	dst = appendU64(dst, uint64(2*n))
	if n > 0 {
		dst = appendU32(dst, uint32(2*n))
		dst = AppendUTF16(dst, s)
	}
	return appendU32(dst, 0)
}

// AppendPLPVarCharString appends varchar(max) text converted to
// Windows-1252 as a PLP value.
func AppendPLPVarCharString(dst []byte, s string) []byte {
	at := len(dst)
	dst = appendU64(dst, 0)
	dst = appendU32(dst, 0)
	dst = AppendCP1252(dst, s)
	n := len(dst) - at - 12
	putU64(dst[at:], uint64(n))
	if n == 0 {
		// An empty value has no data chunk: the terminator follows.
		return dst[:at+12]
	}
	putU32(dst[at+8:], uint32(n))
	return appendU32(dst, 0)
}

// AppendPLPUnknownLen starts a PLP value whose length is not known yet;
// follow with AppendPLPChunk calls and AppendPLPTerminator.
func AppendPLPUnknownLen(dst []byte) []byte { return appendU64(dst, PLPUnknown) }

// AppendPLPChunk appends one PLP chunk (empty chunks are skipped because a
// zero length terminates the value).
func AppendPLPChunk(dst []byte, b []byte) []byte {
	if len(b) == 0 {
		return dst
	}
	dst = appendU32(dst, uint32(len(b)))
	return append(dst, b...)
}

// AppendPLPTerminator ends a PLP value.
func AppendPLPTerminator(dst []byte) []byte { return appendU32(dst, 0) }

// dummyTextPtr is the 16-byte text pointer sent with text/ntext/image row
// values; clients do not interpret it.
var dummyTextPtr = [16]byte{0x64, 0x75, 0x6d, 0x6d, 0x79, 0x20, 0x74, 0x65, 0x78, 0x74, 0x70, 0x74, 0x72, 0, 0, 0}

// AppendTextRow appends a text/ntext/image ROW value: text pointer length
// (16), text pointer, 8-byte timestamp, LONG length and data (already in
// the column's encoding: code page, UTF-16LE or binary).
func AppendTextRow(dst []byte, b []byte) []byte {
	dst = append(dst, 16)
	dst = append(dst, dummyTextPtr[:]...)
	dst = append(dst, 0, 0, 0, 0, 0, 0, 0, 0)
	dst = appendU32(dst, uint32(len(b)))
	return append(dst, b...)
}

// AppendNTextRow appends an ntext ROW value written directly from s.
func AppendNTextRow(dst []byte, s string) []byte {
	dst = append(dst, 16)
	dst = append(dst, dummyTextPtr[:]...)
	dst = append(dst, 0, 0, 0, 0, 0, 0, 0, 0)
	dst = appendU32(dst, uint32(2*UTF16Len(s)))
	return AppendUTF16(dst, s)
}

// AppendLongParam appends a text/ntext/image value in RPC framing (LONG
// length then data), as clients send parameters.
func AppendLongParam(dst []byte, b []byte) []byte {
	dst = appendU32(dst, uint32(len(b)))
	return append(dst, b...)
}

// AppendFloatFixed appends FLT4/FLT8 without a length.
func AppendFloatFixed(dst []byte, size int, v float64) []byte {
	if size == 4 {
		return appendU32(dst, f32bits(float32(v)))
	}
	return appendU64(dst, f64bits(v))
}
