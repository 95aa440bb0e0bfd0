package exec

import (
	"math"

	"github.com/tsqld/tsqld/sql/clrtypes"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

// CLR type methods (sem/bind_udt.go binds them): values are the
// [MS-SSCLRT] bytes; each call decodes its receiver with sql/clrtypes.

func init() {
	for _, m := range sem.UDTMethods() {
		registerEval(evalUDT, sem.UDTFuncName(m.Type, m.Name, m.Static))
	}
}

func bytesVal(b []byte) types.Value { return types.Value{K: types.KindBytes, B: b} }
func bitVal(b bool) types.Value {
	if b {
		return types.Value{K: types.KindBool, I: 1}
	}
	return types.Value{K: types.KindBool}
}

func evalUDT(c *Ctx, x *sem.Func, args []types.Value) (types.Value, *msgs.Error) {
	m := sem.UDTMethodByFunc(x.Name)
	if m == nil {
		return types.Null, fnErr(6506, "Could not find method '%.*ls'.", x.Name)
	}
	if !m.NullArgsOK && anyNull(args) {
		return types.Null, nil
	}
	if m.Static {
		return evalUDTStatic(m, args)
	}
	if args[0].K == types.KindNull {
		return types.Null, nil
	}
	if m.Type == types.HierarchyID {
		return evalHierarchyID(m, args)
	}
	return evalGeo(m, args)
}

// clrErr is Msg 6522; SQL Server names the type as the routine
// ("geography"), whichever of its methods threw.
func clrErr(e *clrtypes.Error, routine string) *msgs.Error { return types.CLRError(e, routine) }

func evalUDTStatic(m *sem.UDTMethod, args []types.Value) (types.Value, *msgs.Error) {
	geog := m.Type == types.Geography
	switch m.Name {
	case "GetRoot":
		return bytesVal([]byte{}), nil
	case "Parse":
		b, err := types.UDTFromString(m.Type, args[0].S)
		if err != nil {
			return types.Null, err
		}
		return bytesVal(b), nil
	case "Point":
		x, y := args[0].F, args[1].F
		if geog {
			x, y = args[1].F, args[0].F // geography::Point(lat, long, srid)
		}
		g, err := clrtypes.NewPoint(x, y, int32(args[2].I), geog)
		if err != nil {
			return types.Null, clrErr(err, m.Type.Name())
		}
		return bytesVal(g.Serialize()), nil
	}
	var g *clrtypes.Geo
	var err *clrtypes.Error
	fromWKB := len(m.Name) > 3 && m.Name[len(m.Name)-3:] == "WKB"
	if fromWKB {
		g, err = clrtypes.ParseWKB(args[0].B, geog)
	} else {
		g, err = clrtypes.ParseWKT(args[0].S, geog)
	}
	if err == nil {
		err = checkShapeKind(m.Name, g)
	}
	if err == nil {
		err = g.Finish(int32(args[1].I))
	}
	if err != nil {
		return types.Null, clrErr(err, m.Type.Name())
	}
	return bytesVal(g.Serialize()), nil
}

// checkShapeKind enforces the type STPointFromText & co. accept.
func checkShapeKind(method string, g *clrtypes.Geo) *clrtypes.Error {
	want := map[string]string{
		"STPointFromText": "Point", "STLineFromText": "LineString", "STPolyFromText": "Polygon",
		"STMPointFromText": "MultiPoint", "STMLineFromText": "MultiLineString", "STMPolyFromText": "MultiPolygon",
		"STGeomCollFromText": "GeometryCollection", "STPointFromWKB": "Point", "STLineFromWKB": "LineString",
		"STPolyFromWKB": "Polygon",
	}[method]
	if want == "" || g.TypeName() == want {
		return nil
	}
	return &clrtypes.Error{Class: "System.FormatException", Number: 24142,
		Text: "Expected \"" + upperASCII(want) + "\" at position 1. The input has \"" + upperASCII(g.TypeName()) + "\"."}
}

func upperASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			b[i] = c - 32
		}
	}
	return string(b)
}

func decodeHier(v types.Value) (clrtypes.HierarchyID, *msgs.Error) {
	h, err := clrtypes.DecodeHierarchyID(v.B)
	if err != nil {
		return nil, clrErr(err, "hierarchyid")
	}
	return h, nil
}

func encodeHier(h clrtypes.HierarchyID) (types.Value, *msgs.Error) {
	b, err := h.Encode()
	if err != nil {
		return types.Null, clrErr(err, "hierarchyid")
	}
	return bytesVal(b), nil
}

func evalHierarchyID(m *sem.UDTMethod, args []types.Value) (types.Value, *msgs.Error) {
	h, err := decodeHier(args[0])
	if err != nil {
		return types.Null, err
	}
	switch m.Name {
	case "ToString":
		return strVal(h.String()), nil
	case "GetLevel":
		return intVal(int64(h.Level())), nil
	case "GetAncestor":
		if args[1].I < 0 {
			return types.Null, clrErr(clrtypes.ErrNegativeAncestor(), m.Type.Name())
		}
		a, ok := h.Ancestor(int(min(args[1].I, 1<<20)))
		if !ok {
			return types.Null, nil
		}
		return encodeHier(a)
	case "IsDescendantOf":
		p, err := decodeHier(args[1])
		if err != nil {
			return types.Null, err
		}
		return bitVal(h.IsDescendantOf(p)), nil
	case "GetDescendant":
		var c [2]clrtypes.HierarchyID
		for i := 0; i < 2; i++ {
			if args[1+i].K == types.KindNull {
				continue
			}
			if c[i], err = decodeHier(args[1+i]); err != nil {
				return types.Null, err
			}
		}
		d, cerr := h.Descendant(c[0], c[1])
		if cerr != nil {
			return types.Null, clrErr(cerr, m.Type.Name())
		}
		return encodeHier(d)
	case "GetReparentedValue":
		o, err := decodeHier(args[1])
		if err != nil {
			return types.Null, err
		}
		n, err := decodeHier(args[2])
		if err != nil {
			return types.Null, err
		}
		r, cerr := h.Reparented(o, n)
		if cerr != nil {
			return types.Null, clrErr(cerr, m.Type.Name())
		}
		return encodeHier(r)
	}
	return types.Null, fnErr(6506, "Could not find method '%.*ls'.", m.Name)
}

func evalGeo(m *sem.UDTMethod, args []types.Value) (types.Value, *msgs.Error) {
	geog := m.Type == types.Geography
	g, cerr := clrtypes.Deserialize(args[0].B, geog)
	if cerr != nil {
		return types.Null, clrErr(cerr, m.Type.Name())
	}
	switch m.Name {
	case "STAsText", "ToString", "AsTextZM":
		s, cerr := g.WKT(m.Name != "STAsText")
		if cerr != nil {
			return types.Null, clrErr(cerr, m.Type.Name())
		}
		return strVal(s), nil
	case "STAsBinary":
		return bytesVal(g.WKB()), nil
	case "STSrid":
		return intVal(int64(g.SRID)), nil
	case "STNumPoints":
		return intVal(int64(len(g.Points))), nil
	case "STNumGeometries":
		return intVal(int64(g.NumGeometries())), nil
	case "STIsEmpty":
		return bitVal(g.IsEmpty()), nil
	case "STIsValid":
		return bitVal(g.Valid), nil
	case "STGeometryType":
		return strVal(g.TypeName()), nil
	case "STDimension":
		return intVal(int64(g.Dimension())), nil
	case "HasZ":
		return bitVal(g.Z != nil), nil
	case "HasM":
		return bitVal(g.M != nil), nil
	case "STX", "STY", "Lat", "Long":
		p, ok := g.PointXY()
		if !ok {
			return types.Null, nil
		}
		if m.Name == "STX" || m.Name == "Long" {
			return floatVal(p.X), nil
		}
		return floatVal(p.Y), nil
	case "Z", "M":
		if _, ok := g.PointXY(); !ok {
			return types.Null, nil
		}
		vals := g.Z
		if m.Name == "M" {
			vals = g.M
		}
		if vals == nil || math.IsNaN(vals[0]) {
			return types.Null, nil
		}
		return floatVal(vals[0]), nil
	case "STDistance":
		o, cerr := clrtypes.Deserialize(args[1].B, geog)
		if cerr != nil {
			return types.Null, clrErr(cerr, m.Type.Name())
		}
		if g.SRID != o.SRID {
			return types.Null, nil
		}
		if geog {
			d, ok, cerr := clrtypes.GeodesicDistance(g, o)
			if cerr != nil {
				return types.Null, clrErr(cerr, m.Type.Name())
			}
			if !ok {
				return types.Null, nil
			}
			return floatVal(d), nil
		}
		d, ok := clrtypes.PlanarDistance(g, o)
		if !ok {
			return types.Null, nil
		}
		return floatVal(d), nil
	case "STLength", "STArea":
		if geog {
			return types.Null, clrErr(clrtypes.ErrNotSupported("geography "+m.Name+" (it needs ellipsoidal geometry)"), m.Type.Name())
		}
		if m.Name == "STLength" {
			return floatVal(clrtypes.PlanarLength(g)), nil
		}
		return floatVal(clrtypes.PlanarArea(g)), nil
	case "STIntersects", "STDisjoint":
		o, cerr := clrtypes.Deserialize(args[1].B, geog)
		if cerr != nil {
			return types.Null, clrErr(cerr, m.Type.Name())
		}
		if g.SRID != o.SRID {
			return types.Null, nil
		}
		if geog {
			return types.Null, clrErr(clrtypes.ErrNotSupported("geography "+m.Name+" (it needs ellipsoidal geometry)"), m.Type.Name())
		}
		d, ok := clrtypes.PlanarDistance(g, o)
		hit := ok && d == 0
		return bitVal(hit == (m.Name == "STIntersects")), nil
	case "STContains", "STWithin":
		o, cerr := clrtypes.Deserialize(args[1].B, geog)
		if cerr != nil {
			return types.Null, clrErr(cerr, m.Type.Name())
		}
		if g.SRID != o.SRID {
			return types.Null, nil
		}
		if geog {
			return types.Null, clrErr(clrtypes.ErrNotSupported("geography "+m.Name+" (it needs ellipsoidal geometry)"), m.Type.Name())
		}
		a, b := g, o
		if m.Name == "STWithin" {
			a, b = o, g
		}
		in, cerr := clrtypes.Contains(a, b)
		if cerr != nil {
			return types.Null, clrErr(cerr, m.Type.Name())
		}
		return bitVal(in), nil
	case "STGeometryN":
		sub, ok := g.GeometryN(int(min(args[1].I, 1<<30)))
		if !ok {
			return types.Null, nil
		}
		return bytesVal(sub.Serialize()), nil
	case "STExteriorRing", "STInteriorRingN", "RingN":
		n := 0
		switch m.Name {
		case "STInteriorRingN":
			n = int(min(args[1].I, 1<<30))
		case "RingN":
			n = int(min(args[1].I, 1<<30)) - 1
		}
		r, ok := g.Ring(n)
		if !ok || m.Name != "STExteriorRing" && n < 0 {
			return types.Null, nil
		}
		return bytesVal(r.Serialize()), nil
	case "STNumInteriorRing", "NumRings":
		n, ok := g.NumRings()
		if !ok {
			return types.Null, nil
		}
		if m.Name == "STNumInteriorRing" {
			n--
		}
		return intVal(int64(n)), nil
	case "STEnvelope":
		e := g.Envelope()
		if e == nil {
			return types.Null, nil
		}
		return bytesVal(e.Serialize()), nil
	case "STPointN", "STStartPoint", "STEndPoint":
		if len(g.Points) == 0 {
			return types.Null, nil
		}
		n := int64(1)
		switch m.Name {
		case "STPointN":
			n = args[1].I
		case "STEndPoint":
			n = int64(len(g.Points))
		}
		if n < 1 || n > int64(len(g.Points)) {
			return types.Null, nil
		}
		p := g.PointN(int(n) - 1)
		return bytesVal(p.Serialize()), nil
	}
	return types.Null, fnErr(6506, "Could not find method '%.*ls'.", m.Name)
}
