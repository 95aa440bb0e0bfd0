package tds

import (
	"bytes"
	"testing"
)

// A UDT parameter carries UDT_INFO_IN_RPC (names only) and a PLP value.
func TestRPCUDTParam(t *testing.T) {
	geom := []byte{0xE6, 0x10, 0, 0, 1, 0x0C, 0, 0, 0, 0, 0, 0, 0x34, 0x40, 0, 0, 0, 0, 0, 0, 0x44, 0x40}
	req := RPCRequest{Calls: []RPCCall{{ProcName: "p", Params: []RPCParam{
		{Name: "@g", TypeInfo: TypeInfo{Type: TypeUDT, Size: MaxLen, UDTTypeName: "geometry"}, Value: geom},
		{Name: "@n", TypeInfo: TypeInfo{Type: TypeIntN, Size: 4}, Value: []byte{7, 0, 0, 0}},
	}}}}
	b := req.Encode(nil, Version74)
	// After the name and status: 0xF0, three empty-or-named B_VARCHARs.
	if i := bytes.IndexByte(b, TypeUDT); i < 0 || b[i+1] != 0 || b[i+2] != 0 || b[i+3] != 8 {
		t.Fatalf("encoding %x", b)
	}
	var g RPCRequest
	if err := g.Decode(b, Version74); err != nil {
		t.Fatal(err)
	}
	ps := g.Calls[0].Params
	if len(ps) != 2 || ps[0].TypeInfo.UDTTypeName != "geometry" || !bytes.Equal(ps[0].Value, geom) || ps[1].Name != "@n" {
		t.Fatalf("params %+v", ps)
	}
}
