package types

import (
	"github.com/tsqld/tsqld/sql/clrtypes"
	"github.com/tsqld/tsqld/sql/msgs"
)

// The CLR system types. Their TypeIDs are sys.types.user_type_id (the
// system_type_id of all three is 240, SystemTypeID): the three are
// distinct types, so the engine keys them by user type. Values are
// KindBytes holding SQL Server's own serialization ([MS-SSCLRT]), so
// bytes a client sends come back identical.
const (
	HierarchyID TypeID = 128
	Geometry    TypeID = 129
	Geography   TypeID = 130
)

// UDTSystemTypeID is sys.types.system_type_id of the CLR types.
const UDTSystemTypeID = 240

// Ready-made CLR types.
var (
	TypeHierarchyID = Type{ID: HierarchyID}
	TypeGeometry    = Type{ID: Geometry}
	TypeGeography   = Type{ID: Geography}
)

// IsUDT reports the CLR types (hierarchyid, geometry, geography).
func (t Type) IsUDT() bool { return t.ID.IsUDT() }

// IsUDT reports the CLR type ids.
func (id TypeID) IsUDT() bool { return id == HierarchyID || id == Geometry || id == Geography }

// IsSpatial reports geometry and geography (not comparable, not sortable).
func (t Type) IsSpatial() bool { return t.ID == Geometry || t.ID == Geography }

// SystemTypeID is sys.columns.system_type_id of t (240 for CLR types).
func SystemTypeID(id TypeID) uint8 {
	if id.IsUDT() {
		return UDTSystemTypeID
	}
	return uint8(id)
}

// UDTMaxBytes is the CLR type's maximum serialized size as COLMETADATA
// and sys.types give it (-1: unlimited).
func UDTMaxBytes(id TypeID) int {
	if id == HierarchyID {
		return clrtypes.MaxHierarchyIDBytes
	}
	return -1
}

// UDTAssemblyName is the assembly-qualified .NET type name SQL Server
// sends in COLMETADATA's UDT_INFO.
func UDTAssemblyName(id TypeID) string {
	const asm = ", Microsoft.SqlServer.Types, Version=11.0.0.0, Culture=neutral, PublicKeyToken=89845dcd8080cc91"
	switch id {
	case HierarchyID:
		return "Microsoft.SqlServer.Types.SqlHierarchyId" + asm
	case Geometry:
		return "Microsoft.SqlServer.Types.SqlGeometry" + asm
	case Geography:
		return "Microsoft.SqlServer.Types.SqlGeography" + asm
	}
	return ""
}

// CLRError turns a Microsoft.SqlServer.Types exception into Msg 6522
// for routine (a type name for conversions, else the method name).
func CLRError(e *clrtypes.Error, routine string) *msgs.Error {
	return &msgs.Error{Number: 6522, Severity: 16, State: 2, Text: e.Message(routine)}
}

// ValidateUDT checks that b is a valid serialization of a value of type
// id (what SQL Server's deserialization accepts).
func ValidateUDT(id TypeID, b []byte) *msgs.Error {
	switch id {
	case HierarchyID:
		if _, err := clrtypes.DecodeHierarchyID(b); err != nil {
			return CLRError(err, "hierarchyid")
		}
	case Geometry, Geography:
		g, err := clrtypes.Deserialize(b, id == Geography)
		if err != nil {
			return CLRError(err, id.Name())
		}
		if id == Geography && !clrtypes.ValidGeographySRID(g.SRID) {
			return CLRError(clrtypes.ErrGeographySRID(), id.Name())
		}
	}
	return nil
}

// UDTFromString is the CLR type's Parse: hierarchyid's canonical form,
// or WKT (SRID 0 for geometry, 4326 for geography).
func UDTFromString(id TypeID, s string) ([]byte, *msgs.Error) {
	if id == HierarchyID {
		h, err := clrtypes.ParseHierarchyID(s)
		if err != nil {
			return nil, CLRError(err, "hierarchyid")
		}
		b, err := h.Encode()
		if err != nil {
			return nil, CLRError(err, "hierarchyid")
		}
		return b, nil
	}
	g, err := clrtypes.ParseWKT(s, id == Geography)
	if err == nil {
		srid := int32(0)
		if id == Geography {
			srid = 4326
		}
		err = g.Finish(srid)
	}
	if err != nil {
		return nil, CLRError(err, id.Name())
	}
	return g.Serialize(), nil
}

// UDTToString is ToString(): the canonical hierarchyid path or the WKT
// with Z and M values.
func UDTToString(id TypeID, b []byte) (string, *msgs.Error) {
	if id == HierarchyID {
		h, err := clrtypes.DecodeHierarchyID(b)
		if err != nil {
			return "", CLRError(err, "hierarchyid")
		}
		return h.String(), nil
	}
	g, err := clrtypes.Deserialize(b, id == Geography)
	if err != nil {
		return "", CLRError(err, id.Name())
	}
	s, err := g.WKT(true)
	if err != nil {
		return "", CLRError(err, id.Name())
	}
	return s, nil
}

// convertUDT converts to or from a CLR type (ConversionOf has allowed it).
func convertUDT(v Value, from, to Type, o *ConvertOptions) (Value, *msgs.Error) {
	switch {
	case from.ID == to.ID:
		return v, nil
	case to.IsUDT() && from.IsString():
		b, err := UDTFromString(to.ID, v.S)
		if err != nil {
			return Null, err
		}
		return Value{K: KindBytes, B: b}, nil
	case to.IsUDT() && from.IsBinary():
		if err := ValidateUDT(to.ID, v.B); err != nil {
			return Null, err
		}
		return Value{K: KindBytes, B: v.B}, nil
	case from.IsUDT() && to.IsString():
		s, err := UDTToString(from.ID, v.B)
		if err != nil {
			return Null, err
		}
		return ConvertWith(Value{K: KindString, S: s}, NewNVarChar(MaxLength), to, o)
	case from.IsUDT() && to.IsBinary():
		return ConvertWith(Value{K: KindBytes, B: v.B}, NewVarBinary(MaxLength), to, o)
	}
	return Null, ErrExplicitNotAllowed(from, to)
}
