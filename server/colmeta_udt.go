package server

import (
	"strings"

	"github.com/tsqld/tsqld/sql/types"
	"github.com/tsqld/tsqld/tds"
)

// udtColumnEnc describes a CLR type column (hierarchyid, geometry,
// geography): TYPE 0xF0 with UDT_INFO — max byte size (892 for
// hierarchyid, 0xFFFF for the unlimited spatial types), database, schema
// "sys", the lower-case type name and the assembly-qualified .NET name;
// values are always PLP. 7.1 clients, which have no UDT type, get image;
// 7.2 clients, which have no large (over 8000 bytes) UDTs, get geometry
// and geography as varbinary(max) — SQL Server's down-level forms.
func udtColumnEnc(e colEnc, t types.Type, v tds.Version) colEnc {
	if !v.Is72() {
		e.kind, e.ti = encImage, tds.TypeInfo{Type: tds.TypeImage, Size: textMax}
		return e
	}
	size := types.UDTMaxBytes(t.ID)
	if size < 0 {
		if !v.HasDateTime() {
			e.kind, e.ti = encPLPBinary, tds.TypeInfo{Type: tds.TypeBigVarBinary, Size: tds.MaxLen}
			return e
		}
		size = tds.MaxLen
	}
	e.kind = encPLPBinary
	e.ti = tds.TypeInfo{Type: tds.TypeUDT, Size: size, UDTSchema: "sys", UDTTypeName: t.ID.Name(),
		UDTAssembly: types.UDTAssemblyName(t.ID)}
	return e
}

// setUDTDatabase names the current database in the UDT_INFO of CLR type
// columns (SQL Server names the database the type is used from).
func setUDTDatabase(cols []colEnc, c *conn) {
	for i := range cols {
		if cols[i].ti.Type == tds.TypeUDT && c != nil && c.sess != nil {
			cols[i].ti.UDTDBName = c.sess.Database()
		}
	}
}

// udtParamType is the engine type of an RPC parameter sent as a UDT: the
// CLR system types by name, other UDTs as their bytes.
func udtParamType(ti *tds.TypeInfo) types.Type {
	name := strings.ToLower(ti.UDTTypeName)
	name = strings.TrimPrefix(strings.TrimPrefix(name, "sys."), "[sys].")
	switch strings.Trim(name, "[]") {
	case "hierarchyid":
		return types.TypeHierarchyID
	case "geometry":
		return types.TypeGeometry
	case "geography":
		return types.TypeGeography
	}
	return types.Type{ID: types.VarBinary, Length: types.MaxLength}
}
