package tds

// An RPC parameter of a CLR UDT type carries UDT_INFO_IN_RPC: database,
// schema and type name only (no max size, no assembly name, which only
// COLMETADATA carries) [MS-TDS 2.2.5.5.2]; its value is PLP.

func decodeUDTParamInfo(c *cursor) TypeInfo {
	c.off++ // TypeUDT
	ti := TypeInfo{Type: TypeUDT, Size: MaxLen}
	ti.UDTDBName = c.bVarChar()
	ti.UDTSchema = c.bVarChar()
	ti.UDTTypeName = c.bVarChar()
	return ti
}

func appendUDTParamInfo(dst []byte, ti *TypeInfo) []byte {
	dst = append(dst, TypeUDT)
	dst = AppendBVarChar(dst, ti.UDTDBName)
	dst = AppendBVarChar(dst, ti.UDTSchema)
	return AppendBVarChar(dst, ti.UDTTypeName)
}
