package tds

// PLP length markers [MS-TDS 2.2.5.2.3].
const (
	PLPNull    uint64 = 0xFFFFFFFFFFFFFFFF
	PLPUnknown uint64 = 0xFFFFFFFFFFFFFFFE
)

// ReadValue reads one value of type ti at the start of src (the
// TYPE_VARBYTE of a ROW, RETURNVALUE or RPC parameter) and returns its
// bytes without the length prefix, whether it is NULL, and the bytes
// consumed. inRow selects the ROW framing of text/ntext/image (text pointer
// and timestamp before the length), which RPC parameters do not have.
//
// A PLP value made of one chunk aliases src; several chunks are
// concatenated by appending to scratch, and the value then aliases the
// returned scratch. Memory use is bounded by the chunks actually present,
// never by the declared total length.
func ReadValue(src []byte, ti *TypeInfo, inRow bool, scratch []byte) (val []byte, null bool, n int, scratchOut []byte, err error) {
	c := cursor{b: src}
	val, null, scratch = readValue(&c, ti, inRow, scratch)
	return val, null, c.off, scratch, c.err
}

func readValue(c *cursor, ti *TypeInfo, inRow bool, scratch []byte) ([]byte, bool, []byte) {
	if ti.IsPLP() {
		return readPLP(c, scratch)
	}
	switch classOf(ti.Type) {
	case lenFixed:
		if ti.Type == TypeNull {
			return nil, true, scratch
		}
		return c.bytes(fixedSize(ti.Type)), false, scratch
	case lenByte:
		n := int(c.u8())
		if n == 0 {
			// Zero length is NULL for every byte-length type.
			return nil, true, scratch
		}
		return c.bytes(n), false, scratch
	case lenUShort:
		n := c.u16()
		if n == 0xFFFF {
			return nil, true, scratch
		}
		return c.bytes(int(n)), false, scratch
	case lenLong:
		if ti.Type == TypeVariant {
			n := c.u32()
			if n == 0 {
				return nil, true, scratch
			}
			return c.bytes(int(n)), false, scratch
		}
		if inRow {
			ptr := int(c.u8())
			if ptr == 0 {
				return nil, true, scratch
			}
			c.bytes(ptr) // text pointer
			c.bytes(8)   // timestamp
		}
		n := c.u32()
		if n == 0xFFFFFFFF {
			return nil, true, scratch
		}
		return c.bytes(int(n)), false, scratch
	}
	c.fail(protoErr("no value encoding for data type 0x%02x", ti.Type))
	return nil, false, scratch
}

// readPLP reads a PLP body: total length (or NULL/UNKNOWN), chunks, and
// the zero-length terminator.
func readPLP(c *cursor, scratch []byte) ([]byte, bool, []byte) {
	total := c.u64()
	if c.err != nil {
		return nil, false, scratch
	}
	if total == PLPNull {
		return nil, true, scratch
	}
	var first []byte
	chunks := 0
	start := len(scratch)
	var sum uint64
	for {
		n := c.u32()
		if c.err != nil {
			return nil, false, scratch
		}
		if n == 0 {
			break
		}
		b := c.bytes(int(n))
		if c.err != nil {
			return nil, false, scratch
		}
		sum += uint64(n)
		switch chunks {
		case 0:
			first = b
		case 1:
			scratch = append(scratch, first...)
			scratch = append(scratch, b...)
		default:
			scratch = append(scratch, b...)
		}
		chunks++
	}
	if total != PLPUnknown && sum != total {
		c.fail(protoErr("PLP length %d but %d bytes in chunks", total, sum))
		return nil, false, scratch
	}
	switch chunks {
	case 0:
		return []byte{}, false, scratch
	case 1:
		return first, false, scratch
	}
	return scratch[start:len(scratch):len(scratch)], false, scratch
}
