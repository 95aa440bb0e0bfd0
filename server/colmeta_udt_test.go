package server

import (
	"testing"

	"github.com/tsqld/tsqld/sql/types"
	"github.com/tsqld/tsqld/tds"
)

func TestUDTColumnEnc(t *testing.T) {
	e := columnEnc(types.TypeGeometry, tds.Version74)
	if e.ti.Type != tds.TypeUDT || e.ti.Size != tds.MaxLen || e.ti.UDTSchema != "sys" || e.ti.UDTTypeName != "geometry" ||
		e.ti.UDTAssembly != "Microsoft.SqlServer.Types.SqlGeometry, Microsoft.SqlServer.Types, Version=11.0.0.0, Culture=neutral, PublicKeyToken=89845dcd8080cc91" {
		t.Fatalf("geometry: %+v", e.ti)
	}
	if e := columnEnc(types.TypeHierarchyID, tds.Version74); e.ti.Size != 892 || e.ti.UDTTypeName != "hierarchyid" {
		t.Fatalf("hierarchyid: %+v", e.ti)
	}
	// The encoded UDT_INFO decodes back (COLMETADATA form).
	b := e.ti.Encode(nil)
	var ti tds.TypeInfo
	if n, err := ti.Decode(b); err != nil || n != len(b) || ti.UDTAssembly != e.ti.UDTAssembly {
		t.Fatalf("decode %+v %v", ti, err)
	}
	if e := columnEnc(types.TypeGeography, tds.Version72); e.ti.Type != tds.TypeBigVarBinary {
		t.Fatalf("7.2 geography: %+v", e.ti)
	}
	if e := columnEnc(types.TypeGeography, tds.Version71); e.ti.Type != tds.TypeImage {
		t.Fatalf("7.1 geography: %+v", e.ti)
	}
	if p := udtParamType(&tds.TypeInfo{Type: tds.TypeUDT, UDTTypeName: "Geography"}); p.ID != types.Geography {
		t.Fatalf("param type %v", p)
	}
}
