package tds

// BulkLoadReader decodes a bulk load message (packet type 0x07, sent after
// an INSERT BULK batch): COLMETADATA, any number of ROW tokens, then DONE.
// There is no ALL_HEADERS. Rows are decoded one at a time so a large load
// is never materialised; text/ntext/image values carry text pointers as in
// server rows.
type BulkLoadReader struct {
	Columns []Column
	// Done is the closing DONE token, valid once Next returned nil.
	Done Done

	src  []byte
	off  int
	v    Version
	row  Row
	rows int
}

// Reset starts decoding payload: it reads the COLMETADATA.
func (b *BulkLoadReader) Reset(payload []byte, v Version) error {
	b.src, b.off, b.v, b.rows = payload, 0, v, 0
	b.Done = Done{}
	var m ColMetadata
	// Clients write a text/ntext/image column's table name as one
	// US_VARCHAR (DecodeBulk); accept the multi-part form of server
	// metadata too, when the one-part reading does not end at a row.
	n, err := m.DecodeBulk(payload, v)
	if err != nil || n >= len(payload) || !bulkTokenAt(payload[n]) {
		if n2, err2 := m.Decode(payload, v); err2 == nil && n2 < len(payload) && bulkTokenAt(payload[n2]) {
			n, err = n2, nil
		} else if err == nil {
			n, _ = m.DecodeBulk(payload, v)
		}
	}
	if err != nil {
		return err
	}
	if m.NoMetadata || len(m.Columns) == 0 {
		return protoErr("bulk load without column metadata")
	}
	b.Columns = m.Columns
	b.off = n
	return nil
}

// Next returns the next row (valid until the following call), or nil
// after the DONE token. Anything other than ROW/NBCROW/DONE is an error.
func (b *BulkLoadReader) Next() (*Row, error) {
	if b.off >= len(b.src) {
		return nil, protoErr("bulk load ended without DONE")
	}
	switch b.src[b.off] {
	case TokenRow, TokenNBCRow:
		n, err := b.row.Decode(b.src[b.off:], b.v, b.Columns)
		if err != nil {
			return nil, err
		}
		b.off += n
		b.rows++
		return &b.row, nil
	case TokenDone:
		n, err := b.Done.Decode(b.src[b.off:], b.v)
		if err != nil {
			return nil, err
		}
		b.off += n
		return nil, nil
	}
	return nil, protoErr("unexpected token 0x%02x in bulk load", b.src[b.off])
}

// Rows returns the number of rows read so far.
func (b *BulkLoadReader) Rows() int { return b.rows }

// bulkTokenAt reports the tokens that may follow a bulk load's COLMETADATA.
func bulkTokenAt(b byte) bool { return b == TokenRow || b == TokenNBCRow || b == TokenDone }
