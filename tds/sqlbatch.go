package tds

// SQLBatch is a SQL batch request (packet type 0x01): ALL_HEADERS (7.2+)
// then the UTF-16LE text, without terminator.
type SQLBatch struct {
	Headers AllHeaders
	Text    string
}

// Decode parses a SQL batch payload for the negotiated version.
func (b *SQLBatch) Decode(src []byte, v Version) error {
	n, err := decodeHeaders(&b.Headers, src, v)
	if err != nil {
		return err
	}
	text := src[n:]
	if len(text)%2 != 0 {
		return protoErr("SQL batch text has an odd byte length")
	}
	b.Text = decodeUTF16(text)
	return nil
}

// Encode appends a SQL batch payload.
func (b *SQLBatch) Encode(dst []byte, v Version) []byte {
	if v.Is72() {
		dst = b.Headers.Encode(dst)
	}
	return AppendUTF16(dst, b.Text)
}
