package tds

// AppendReturnStatus appends RETURNSTATUS (0x79): a procedure's return code.
func AppendReturnStatus(dst []byte, value int32) []byte {
	dst = append(dst, TokenReturnStatus)
	return appendU32(dst, uint32(value))
}

// ReturnStatus is the RETURNSTATUS token.
type ReturnStatus struct{ Value int32 }

// Encode appends the token.
func (r *ReturnStatus) Encode(dst []byte) []byte { return AppendReturnStatus(dst, r.Value) }

// Decode reads the token at src[0] and returns the bytes consumed.
func (r *ReturnStatus) Decode(src []byte) (int, error) {
	if _, err := tokenHeader(src, TokenReturnStatus); err != nil {
		return 0, err
	}
	c := cursor{b: src, off: 1}
	r.Value = int32(c.u32())
	return c.off, c.err
}
