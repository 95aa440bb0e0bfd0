package tds

// AppendRawValue frames raw value bytes (as returned by ReadValue) for type
// ti: the inverse of ReadValue. inRow selects the ROW framing of
// text/ntext/image. PLP values are written as one chunk.
func AppendRawValue(dst []byte, ti *TypeInfo, raw []byte, null bool, inRow bool) []byte {
	if null {
		return AppendNull(dst, ti, inRow)
	}
	if ti.IsPLP() {
		return AppendPLP(dst, raw)
	}
	switch classOf(ti.Type) {
	case lenFixed:
		return append(dst, raw...)
	case lenByte:
		return append(append(dst, byte(len(raw))), raw...)
	case lenUShort:
		return AppendVarChar(dst, raw)
	case lenLong:
		if ti.Type == TypeVariant || !inRow {
			return AppendLongParam(dst, raw)
		}
		return AppendTextRow(dst, raw)
	}
	return dst
}
