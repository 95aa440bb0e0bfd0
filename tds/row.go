package tds

// AppendRowToken starts a ROW (0xD1): the values follow, in column order,
// each appended with the Append* value functions.
func AppendRowToken(dst []byte) []byte { return append(dst, TokenRow) }

// AppendNBCRowHeader starts an NBCROW (0xD2, 7.3.B+ only) for ncols columns
// with an all-zero null bitmap and returns the bitmap's offset in dst. Mark
// NULL columns with SetNBCNull, then append only the non-NULL values.
func AppendNBCRowHeader(dst []byte, ncols int) ([]byte, int) {
	dst = append(dst, TokenNBCRow)
	at := len(dst)
	for i := 0; i < (ncols+7)/8; i++ {
		dst = append(dst, 0)
	}
	return dst, at
}

// SetNBCNull marks column i NULL in the bitmap at dst[at:].
func SetNBCNull(dst []byte, at, i int) { dst[at+i/8] |= 1 << (i % 8) }

// RowValue is one decoded column value.
type RowValue struct {
	Data []byte // raw value without length prefix (see ReadValue)
	Null bool
}

// Row is a decoded ROW or NBCROW token (for tests and probes).
type Row struct {
	Values []RowValue
	// scratch holds concatenated multi-chunk PLP values.
	scratch []byte
}

// Decode reads the ROW or NBCROW token at src[0] for the given columns and
// returns the bytes consumed. Values alias src or an internal buffer owned
// by r, valid until the next Decode.
func (r *Row) Decode(src []byte, v Version, cols []Column) (int, error) {
	tok, err := tokenHeader(src, TokenRow, TokenNBCRow)
	if err != nil {
		return 0, err
	}
	c := cursor{b: src, off: 1}
	var bitmap []byte
	if tok == TokenNBCRow {
		bitmap = c.bytes((len(cols) + 7) / 8)
	}
	r.Values = r.Values[:0]
	r.scratch = r.scratch[:0]
	for i := range cols {
		if bitmap != nil && bitmap[i/8]&(1<<(i%8)) != 0 {
			r.Values = append(r.Values, RowValue{Null: true})
			continue
		}
		var val []byte
		var null bool
		val, null, r.scratch = readValue(&c, &cols[i].TypeInfo, true, r.scratch)
		if c.err != nil {
			return 0, c.err
		}
		r.Values = append(r.Values, RowValue{Data: val, Null: null})
	}
	return c.off, c.err
}
