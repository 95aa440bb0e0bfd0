package tds

// AppendOrder appends ORDER (0xA9): the 1-based ordinals of the result
// columns the rows are sorted by.
func AppendOrder(dst []byte, columns []uint16) []byte {
	dst = append(dst, TokenOrder)
	dst = appendU16(dst, uint16(2*len(columns)))
	for _, c := range columns {
		dst = appendU16(dst, c)
	}
	return dst
}

// Order is the ORDER token.
type Order struct{ Columns []uint16 }

// Encode appends the token.
func (o *Order) Encode(dst []byte) []byte { return AppendOrder(dst, o.Columns) }

// Decode reads the token at src[0] and returns the bytes consumed.
func (o *Order) Decode(src []byte) (int, error) {
	if _, err := tokenHeader(src, TokenOrder); err != nil {
		return 0, err
	}
	c := cursor{b: src, off: 1}
	n := int(c.u16())
	body := c.bytes(n)
	if c.err != nil {
		return 0, c.err
	}
	if n%2 != 0 {
		return 0, protoErr("ORDER length %d is odd", n)
	}
	o.Columns = o.Columns[:0]
	for i := 0; i < n; i += 2 {
		o.Columns = append(o.Columns, uint16(body[i])|uint16(body[i+1])<<8)
	}
	return c.off, nil
}
