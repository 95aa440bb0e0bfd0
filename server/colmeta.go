package server

import (
	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/tds"
)

// appendColMetadata writes COLMETADATA for the encoders of a result set.
func appendColMetadata(dst []byte, v tds.Version, cols []colEnc) []byte {
	dst = tds.AppendColMetadataHeader(dst, len(cols))
	var col tds.Column
	for i := range cols {
		e := &cols[i]
		col = tds.Column{UserType: e.userType, Flags: e.flags, TypeInfo: e.ti, Name: e.name}
		// text/ntext/image (7.1 clients only) must name a table; SQL
		// Server sends the base table, we have none to give.
		dst = tds.AppendColumn(dst, v, &col)
	}
	return dst
}

// appendReturnValue writes RETURNVALUE for an OUTPUT parameter or a UDF
// return value.
func appendReturnValue(dst []byte, v tds.Version, rv *result.ReturnValue) []byte {
	e := columnEnc(rv.Type, v)
	status := tds.ReturnValueOutput
	if rv.UDF {
		status = tds.ReturnValueUDF
	}
	name := rv.Name
	if name != "" && name[0] != '@' {
		name = "@" + name
	}
	dst = tds.AppendReturnValueHeader(dst, v, uint16(rv.Ordinal), name, status, e.userType, tds.ColNullable, &e.ti)
	switch e.kind {
	case encText, encNText, encImage:
		// Parameters frame text/ntext/image as LONG length + data, not
		// with the text pointer of rows.
		if rv.Value.IsNull() {
			return tds.AppendNull(dst, &e.ti, false)
		}
		var tmp []byte
		switch e.kind {
		case encText:
			tmp = tds.AppendCP1252(nil, valueString(&rv.Value))
		case encNText:
			tmp = tds.AppendUTF16(nil, valueString(&rv.Value))
		default:
			tmp = rv.Value.B
		}
		return tds.AppendLongParam(dst, tmp)
	}
	return appendValue(dst, &e, &rv.Value)
}
