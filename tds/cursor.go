package tds

import (
	"encoding/binary"
	"math"
)

// cursor reads little-endian fields from a byte slice with a sticky error,
// so decoders can read a whole structure and check once. Every read is
// bounds-checked; after the first failure all reads return zero values.
type cursor struct {
	b   []byte
	off int
	err error
}

func (c *cursor) fail(err error) {
	if c.err == nil {
		c.err = err
	}
}

func (c *cursor) need(n int) bool {
	if c.err != nil {
		return false
	}
	if n < 0 || n > len(c.b)-c.off {
		c.err = ErrShort
		return false
	}
	return true
}

func (c *cursor) remaining() int { return len(c.b) - c.off }

func (c *cursor) u8() uint8 {
	if !c.need(1) {
		return 0
	}
	v := c.b[c.off]
	c.off++
	return v
}

func (c *cursor) u16() uint16 {
	if !c.need(2) {
		return 0
	}
	v := binary.LittleEndian.Uint16(c.b[c.off:])
	c.off += 2
	return v
}

func (c *cursor) u16be() uint16 {
	if !c.need(2) {
		return 0
	}
	v := binary.BigEndian.Uint16(c.b[c.off:])
	c.off += 2
	return v
}

func (c *cursor) u32() uint32 {
	if !c.need(4) {
		return 0
	}
	v := binary.LittleEndian.Uint32(c.b[c.off:])
	c.off += 4
	return v
}

func (c *cursor) u32be() uint32 {
	if !c.need(4) {
		return 0
	}
	v := binary.BigEndian.Uint32(c.b[c.off:])
	c.off += 4
	return v
}

func (c *cursor) u64() uint64 {
	if !c.need(8) {
		return 0
	}
	v := binary.LittleEndian.Uint64(c.b[c.off:])
	c.off += 8
	return v
}

// bytes returns the next n bytes, aliasing the source.
func (c *cursor) bytes(n int) []byte {
	if !c.need(n) {
		return nil
	}
	v := c.b[c.off : c.off+n : c.off+n]
	c.off += n
	return v
}

// bVarChar reads a B_VARCHAR: a byte count of UTF-16 code units, then the text.
func (c *cursor) bVarChar() string {
	n := int(c.u8())
	return decodeUTF16(c.bytes(2 * n))
}

// usVarChar reads a US_VARCHAR: a USHORT count of UTF-16 code units, then the text.
func (c *cursor) usVarChar() string {
	n := int(c.u16())
	return decodeUTF16(c.bytes(2 * n))
}

// bVarByte reads a B_VARBYTE: a byte count of bytes, then the bytes.
func (c *cursor) bVarByte() []byte {
	n := int(c.u8())
	return c.bytes(n)
}

func appendU16(dst []byte, v uint16) []byte { return binary.LittleEndian.AppendUint16(dst, v) }
func appendU32(dst []byte, v uint32) []byte { return binary.LittleEndian.AppendUint32(dst, v) }
func appendU64(dst []byte, v uint64) []byte { return binary.LittleEndian.AppendUint64(dst, v) }

func putU16(b []byte, v uint16) { binary.LittleEndian.PutUint16(b, v) }
func putU32(b []byte, v uint32) { binary.LittleEndian.PutUint32(b, v) }

func f32bits(f float32) uint32 { return math.Float32bits(f) }
func f64bits(f float64) uint64 { return math.Float64bits(f) }

func putU64(b []byte, v uint64) { binary.LittleEndian.PutUint64(b, v) }
