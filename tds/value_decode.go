package tds

import (
	"encoding/binary"
	"math"
)

// Decoders of raw values as returned by ReadValue (no length prefix). They
// validate the length for the type.

// DecodeInt decodes a 1-, 2-, 4- or 8-byte integer (INTN or fixed;
// tinyint is unsigned).
func DecodeInt(b []byte) (int64, error) {
	switch len(b) {
	case 1:
		return int64(b[0]), nil
	case 2:
		return int64(int16(binary.LittleEndian.Uint16(b))), nil
	case 4:
		return int64(int32(binary.LittleEndian.Uint32(b))), nil
	case 8:
		return int64(binary.LittleEndian.Uint64(b)), nil
	}
	return 0, protoErr("integer of %d bytes", len(b))
}

// DecodeBit decodes a bit (any non-zero byte is true).
func DecodeBit(b []byte) (bool, error) {
	if len(b) != 1 {
		return false, protoErr("bit of %d bytes", len(b))
	}
	return b[0] != 0, nil
}

// DecodeFloat decodes a 4- or 8-byte IEEE float.
func DecodeFloat(b []byte) (float64, error) {
	switch len(b) {
	case 4:
		return float64(math.Float32frombits(binary.LittleEndian.Uint32(b))), nil
	case 8:
		return math.Float64frombits(binary.LittleEndian.Uint64(b)), nil
	}
	return 0, protoErr("float of %d bytes", len(b))
}

// DecodeMoney decodes money (8 bytes, high dword first) or smallmoney (4)
// to 1/10000 units.
func DecodeMoney(b []byte) (int64, error) {
	switch len(b) {
	case 4:
		return int64(int32(binary.LittleEndian.Uint32(b))), nil
	case 8:
		hi := binary.LittleEndian.Uint32(b)
		lo := binary.LittleEndian.Uint32(b[4:])
		return int64(uint64(hi)<<32 | uint64(lo)), nil
	}
	return 0, protoErr("money of %d bytes", len(b))
}

// DecodeDecimal decodes a decimal/numeric value: sign byte then a 4-, 8-,
// 12- or 16-byte magnitude returned as lo/hi 64-bit halves. The scale comes
// from the TYPE_INFO.
func DecodeDecimal(b []byte) (neg bool, lo, hi uint64, err error) {
	if len(b) < 1 {
		return false, 0, 0, ErrShort
	}
	neg = b[0] == 0
	m := b[1:]
	switch len(m) {
	case 4:
		lo = uint64(binary.LittleEndian.Uint32(m))
	case 8:
		lo = binary.LittleEndian.Uint64(m)
	case 12:
		lo = binary.LittleEndian.Uint64(m)
		hi = uint64(binary.LittleEndian.Uint32(m[8:]))
	case 16:
		lo = binary.LittleEndian.Uint64(m)
		hi = binary.LittleEndian.Uint64(m[8:])
	default:
		return false, 0, 0, protoErr("decimal of %d bytes", len(b))
	}
	return neg, lo, hi, nil
}

// DecodeDateTime decodes datetime (8 bytes) or smalldatetime (4 bytes) to
// ticks since 0001-01-01.
func DecodeDateTime(b []byte) (int64, error) {
	switch len(b) {
	case 4:
		days := binary.LittleEndian.Uint16(b)
		mins := binary.LittleEndian.Uint16(b[2:])
		if mins >= 1440 {
			return 0, protoErr("smalldatetime minutes %d", mins)
		}
		return (int64(days)+DaysTo1900)*TicksPerDay + int64(mins)*60*TicksPerSecond, nil
	case 8:
		days := int32(binary.LittleEndian.Uint32(b))
		t300 := binary.LittleEndian.Uint32(b[4:])
		if t300 >= 300*86400 {
			return 0, protoErr("datetime time %d", t300)
		}
		return TicksFromDateTime(days, t300), nil
	}
	return 0, protoErr("datetime of %d bytes", len(b))
}

func le24(b []byte) int64 { return int64(b[0]) | int64(b[1])<<8 | int64(b[2])<<16 }

// DecodeDate decodes a 3-byte date to ticks since 0001-01-01 (midnight).
func DecodeDate(b []byte) (int64, error) {
	if len(b) != 3 {
		return 0, protoErr("date of %d bytes", len(b))
	}
	d := le24(b)
	if d > MaxDays {
		return 0, protoErr("date %d out of range", d)
	}
	return d * TicksPerDay, nil
}

func decodeTimeBody(b []byte, scale uint8) (int64, error) {
	if scale > 7 {
		return 0, protoErr("time scale %d", scale)
	}
	if len(b) != TimeSize(scale) {
		return 0, protoErr("time(%d) of %d bytes", scale, len(b))
	}
	var v int64
	for i := len(b) - 1; i >= 0; i-- {
		v = v<<8 | int64(b[i])
	}
	t := v * pow10[7-scale]
	if t >= TicksPerDay {
		return 0, protoErr("time value out of range")
	}
	return t, nil
}

// DecodeTime decodes time(scale) to ticks since midnight.
func DecodeTime(b []byte, scale uint8) (int64, error) { return decodeTimeBody(b, scale) }

// DecodeDateTime2 decodes datetime2(scale) to ticks since 0001-01-01.
func DecodeDateTime2(b []byte, scale uint8) (int64, error) {
	if len(b) < 3 {
		return 0, ErrShort
	}
	t, err := decodeTimeBody(b[:len(b)-3], scale)
	if err != nil {
		return 0, err
	}
	d, err := DecodeDate(b[len(b)-3:])
	return d + t, err
}

// DecodeDateTimeOffset decodes datetimeoffset(scale): the wire holds UTC;
// the result is the local wall clock (UTC + offset) in ticks and the offset
// in minutes.
func DecodeDateTimeOffset(b []byte, scale uint8) (ticks int64, offsetMin int16, err error) {
	if len(b) < 5 {
		return 0, 0, ErrShort
	}
	utc, err := DecodeDateTime2(b[:len(b)-2], scale)
	if err != nil {
		return 0, 0, err
	}
	off := int16(binary.LittleEndian.Uint16(b[len(b)-2:]))
	if off < -840 || off > 840 {
		return 0, 0, protoErr("datetimeoffset offset %d", off)
	}
	return utc + int64(off)*60*TicksPerSecond, off, nil
}

// DecodeGUID returns the 16 wire bytes of a uniqueidentifier (see
// GUIDFromWire for RFC order).
func DecodeGUID(b []byte) ([16]byte, error) {
	var g [16]byte
	if len(b) != 16 {
		return g, protoErr("uniqueidentifier of %d bytes", len(b))
	}
	copy(g[:], b)
	return g, nil
}

// DecodeVarChar converts char/varchar/text bytes to a string using the
// code page of the collation (see CodePage): UTF-8 for UTF8 collations,
// Windows/OEM code pages otherwise.
func DecodeVarChar(b []byte, col Collation) string { return DecodeCodePage(b, CodePage(col)) }
