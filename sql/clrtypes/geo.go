package clrtypes

import (
	"encoding/binary"
	"math"
)

// OGC shape types as [MS-SSCLRT] numbers them.
const (
	ShapePoint              uint8 = 1
	ShapeLineString         uint8 = 2
	ShapePolygon            uint8 = 3
	ShapeMultiPoint         uint8 = 4
	ShapeMultiLineString    uint8 = 5
	ShapeMultiPolygon       uint8 = 6
	ShapeGeometryCollection uint8 = 7
	ShapeCircularString     uint8 = 8
	ShapeCompoundCurve      uint8 = 9
	ShapeCurvePolygon       uint8 = 10
	ShapeFullGlobe          uint8 = 11
)

// Version-1 figure attributes.
const (
	FigInteriorRing uint8 = 0
	FigStroke       uint8 = 1
	FigExteriorRing uint8 = 2
)

// Serialization property flags.
const (
	propZ          = 0x01
	propM          = 0x02
	propValid      = 0x04
	propSinglePt   = 0x08
	propSingleLine = 0x10
	propLarger     = 0x20
)

// Point is one vertex as WKT writes it: for geography X is the longitude
// and Y the latitude (the serialization stores latitude first).
type Point struct{ X, Y float64 }

// Figure is a run of points: a point, a line string or a ring.
type Figure struct {
	Attr   uint8
	Offset int32 // first point
}

// Shape is one OGC geometry; collections are followed by their members.
type Shape struct {
	Parent int32 // -1 for the top shape
	Figure int32 // first figure, -1 when empty
	Type   uint8
}

// Geo is a geometry or geography instance in [MS-SSCLRT]'s layout.
type Geo struct {
	SRID      int32
	Geography bool
	Version   uint8
	Valid     bool
	Larger    bool // geography larger than a hemisphere
	Points    []Point
	Z, M      []float64 // nil when absent; NaN entries are NULL
	Figures   []Figure
	Shapes    []Shape
	Segments  []uint8 // version 2 arc segments
}

func (g *Geo) version() uint8 {
	if g.Larger || len(g.Segments) > 0 {
		return 2
	}
	for _, s := range g.Shapes {
		if s.Type >= ShapeCircularString {
			return 2
		}
	}
	return 1
}

// Serialize writes g in [MS-SSCLRT] form.
func (g *Geo) Serialize() []byte {
	ver := g.version()
	var props byte
	if g.Z != nil {
		props |= propZ
	}
	if g.M != nil {
		props |= propM
	}
	if g.Valid {
		props |= propValid
	}
	if g.Larger {
		props |= propLarger
	}
	short := false
	if len(g.Shapes) == 1 && len(g.Figures) == 1 && g.Figures[0].Offset == 0 && g.Shapes[0].Figure == 0 {
		switch {
		case g.Shapes[0].Type == ShapePoint && len(g.Points) == 1:
			props |= propSinglePt
			short = true
		case g.Shapes[0].Type == ShapeLineString && len(g.Points) == 2:
			props |= propSingleLine
			short = true
		}
	}
	n := 6 + 16*len(g.Points)
	b := make([]byte, 0, n+64)
	b = binary.LittleEndian.AppendUint32(b, uint32(g.SRID))
	b = append(b, ver, props)
	if !short {
		b = binary.LittleEndian.AppendUint32(b, uint32(len(g.Points)))
	}
	for _, p := range g.Points {
		a, c := p.X, p.Y
		if g.Geography {
			a, c = p.Y, p.X
		}
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(a))
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(c))
	}
	for _, z := range g.Z {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(z))
	}
	for _, m := range g.M {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(m))
	}
	if short {
		return b
	}
	b = binary.LittleEndian.AppendUint32(b, uint32(len(g.Figures)))
	for _, f := range g.Figures {
		attr := f.Attr
		if ver == 2 && attr != 2 && attr != 3 {
			// Version 2 has no ring kinds: points and lines are both 1.
			attr = 1
		}
		b = append(b, attr)
		b = binary.LittleEndian.AppendUint32(b, uint32(f.Offset))
	}
	b = binary.LittleEndian.AppendUint32(b, uint32(len(g.Shapes)))
	for _, s := range g.Shapes {
		b = binary.LittleEndian.AppendUint32(b, uint32(s.Parent))
		b = binary.LittleEndian.AppendUint32(b, uint32(s.Figure))
		b = append(b, s.Type)
	}
	if len(g.Segments) > 0 {
		b = binary.LittleEndian.AppendUint32(b, uint32(len(g.Segments)))
		b = append(b, g.Segments...)
	}
	return b
}

type reader struct {
	b   []byte
	pos int
	bad bool
}

func (r *reader) need(n int) bool {
	if r.bad || n < 0 || len(r.b)-r.pos < n {
		r.bad = true
		return false
	}
	return true
}

func (r *reader) u8() uint8 {
	if !r.need(1) {
		return 0
	}
	r.pos++
	return r.b[r.pos-1]
}

func (r *reader) i32() int32 {
	if !r.need(4) {
		return 0
	}
	r.pos += 4
	return int32(binary.LittleEndian.Uint32(r.b[r.pos-4:]))
}

func (r *reader) f64() float64 {
	if !r.need(8) {
		return 0
	}
	r.pos += 8
	return math.Float64frombits(binary.LittleEndian.Uint64(r.b[r.pos-8:]))
}

// count reads an element count whose elements take size bytes each.
func (r *reader) count(size int) int {
	n := r.i32()
	if n < 0 || !r.need(int(n)*size) {
		r.bad = true
		return 0
	}
	return int(n)
}

// Deserialize reads [MS-SSCLRT] bytes; geography says which coordinate
// comes first. Malformed input gives an error, never a panic.
func Deserialize(b []byte, geography bool) (*Geo, *Error) {
	r := &reader{b: b}
	g := &Geo{Geography: geography}
	g.SRID = r.i32()
	g.Version = r.u8()
	props := r.u8()
	if r.bad || g.Version < 1 || g.Version > 2 || props&0xC0 != 0 {
		return nil, errBadBytes()
	}
	g.Valid = props&propValid != 0
	g.Larger = props&propLarger != 0
	if g.Larger && (g.Version < 2 || !geography) {
		return nil, errBadBytes()
	}
	np := 0
	switch {
	case props&propSinglePt != 0 && props&propSingleLine != 0:
		return nil, errBadBytes()
	case props&propSinglePt != 0:
		np = 1
	case props&propSingleLine != 0:
		np = 2
	default:
		np = r.count(16)
	}
	if !r.need(np * 16) {
		return nil, errBadBytes()
	}
	g.Points = make([]Point, np)
	for i := range g.Points {
		a, c := r.f64(), r.f64()
		if geography {
			a, c = c, a
		}
		g.Points[i] = Point{a, c}
	}
	if props&propZ != 0 {
		if !r.need(np * 8) {
			return nil, errBadBytes()
		}
		g.Z = make([]float64, np)
		for i := range g.Z {
			g.Z[i] = r.f64()
		}
	}
	if props&propM != 0 {
		if !r.need(np * 8) {
			return nil, errBadBytes()
		}
		g.M = make([]float64, np)
		for i := range g.M {
			g.M[i] = r.f64()
		}
	}
	if np > 0 && props&(propSinglePt|propSingleLine) != 0 {
		typ := ShapePoint
		if np == 2 {
			typ = ShapeLineString
		}
		g.Figures = []Figure{{Attr: FigStroke, Offset: 0}}
		g.Shapes = []Shape{{Parent: -1, Figure: 0, Type: typ}}
	} else {
		nf := r.count(5)
		g.Figures = make([]Figure, nf)
		for i := range g.Figures {
			g.Figures[i] = Figure{Attr: r.u8(), Offset: r.i32()}
		}
		ns := r.count(9)
		g.Shapes = make([]Shape, ns)
		for i := range g.Shapes {
			g.Shapes[i] = Shape{Parent: r.i32(), Figure: r.i32(), Type: r.u8()}
		}
		if g.Version == 2 && r.pos < len(r.b) {
			nseg := r.count(1)
			g.Segments = make([]uint8, nseg)
			for i := range g.Segments {
				g.Segments[i] = r.u8()
			}
		}
	}
	if r.bad || r.pos != len(r.b) || !g.wellFormed() {
		return nil, errBadBytes()
	}
	return g, nil
}

// wellFormed checks the cross references a reader relies on.
func (g *Geo) wellFormed() bool {
	if len(g.Shapes) == 0 {
		return false
	}
	for i, f := range g.Figures {
		if f.Offset < 0 || int(f.Offset) > len(g.Points) || i > 0 && f.Offset < g.Figures[i-1].Offset {
			return false
		}
		if f.Attr > 3 || g.Version == 1 && f.Attr > 2 {
			return false
		}
	}
	if len(g.Figures) > 0 && g.Figures[0].Offset != 0 {
		return false
	}
	if len(g.Figures) == 0 && len(g.Points) > 0 {
		return false
	}
	last := int32(-1)
	for i, s := range g.Shapes {
		if s.Type < ShapePoint || s.Type > ShapeFullGlobe {
			return false
		}
		if i == 0 && s.Parent != -1 || i > 0 && (s.Parent < 0 || int(s.Parent) >= i) {
			return false
		}
		if i > 0 && !isCollection(g.Shapes[s.Parent].Type) {
			return false
		}
		if s.Figure != -1 {
			if s.Figure < 0 || int(s.Figure) >= len(g.Figures) || s.Figure < last {
				return false
			}
			last = s.Figure
		}
	}
	for i, s := range g.Shapes {
		if isCollection(s.Type) || s.Figure == -1 {
			continue
		}
		lo, hi := g.shapeFigures(i)
		if hi <= lo {
			return false
		}
		if s.Type == ShapePoint && (hi-lo != 1 || g.figurePoints(lo) != 1) {
			return false
		}
	}
	return true
}

func isCollection(t uint8) bool {
	switch t {
	case ShapeMultiPoint, ShapeMultiLineString, ShapeMultiPolygon, ShapeGeometryCollection, ShapeCompoundCurve, ShapeCurvePolygon:
		return true
	}
	return false
}

// shapeFigures is the figure range [lo, hi) of shape i (members of a
// collection included).
func (g *Geo) shapeFigures(i int) (int, int) {
	s := g.Shapes[i]
	if s.Figure == -1 {
		return 0, 0
	}
	end := len(g.Figures)
	for j := i + 1; j < len(g.Shapes); j++ {
		if !g.isInside(j, i) && g.Shapes[j].Figure != -1 {
			end = int(g.Shapes[j].Figure)
			break
		}
	}
	return int(s.Figure), end
}

// isInside reports whether shape j is shape i or nested in it.
func (g *Geo) isInside(j, i int) bool {
	for k := 0; k < 64 && j >= 0; k++ {
		if j == i {
			return true
		}
		j = int(g.Shapes[j].Parent)
	}
	return false
}

// figureRange is the point range [lo, hi) of figure f.
func (g *Geo) figureRange(f int) (int, int) {
	lo := int(g.Figures[f].Offset)
	hi := len(g.Points)
	if f+1 < len(g.Figures) {
		hi = int(g.Figures[f+1].Offset)
	}
	return lo, hi
}

func (g *Geo) figurePoints(f int) int {
	lo, hi := g.figureRange(f)
	return hi - lo
}

// children lists the direct members of shape i.
func (g *Geo) children(i int) []int {
	var out []int
	for j := i + 1; j < len(g.Shapes); j++ {
		if int(g.Shapes[j].Parent) == i {
			out = append(out, j)
		}
	}
	return out
}

// IsEmpty is STIsEmpty().
func (g *Geo) IsEmpty() bool {
	return len(g.Points) == 0 && g.Shapes[0].Type != ShapeFullGlobe
}

// TypeName is STGeometryType().
func (g *Geo) TypeName() string { return shapeNames[g.Shapes[0].Type] }

var shapeNames = [...]string{"", "Point", "LineString", "Polygon", "MultiPoint", "MultiLineString",
	"MultiPolygon", "GeometryCollection", "CircularString", "CompoundCurve", "CurvePolygon", "FullGlobe"}

// PointXY is STX/STY (Long/Lat): ok only for a non-empty point.
func (g *Geo) PointXY() (Point, bool) {
	if g.Shapes[0].Type != ShapePoint || len(g.Points) != 1 {
		return Point{}, false
	}
	return g.Points[0], true
}

// NumGeometries is STNumGeometries().
func (g *Geo) NumGeometries() int {
	if g.IsEmpty() {
		return 0
	}
	if isCollection(g.Shapes[0].Type) && g.Shapes[0].Type != ShapeCompoundCurve && g.Shapes[0].Type != ShapeCurvePolygon {
		return len(g.children(0))
	}
	return 1
}

// Dimension is STDimension(): 0 points, 1 curves, 2 surfaces, -1 empty.
func (g *Geo) Dimension() int {
	if g.IsEmpty() {
		return -1
	}
	d := 0
	for _, s := range g.Shapes {
		if s.Figure == -1 {
			continue
		}
		switch s.Type {
		case ShapeLineString, ShapeCircularString, ShapeCompoundCurve:
			d = max(d, 1)
		case ShapePolygon, ShapeCurvePolygon, ShapeFullGlobe:
			d = 2
		}
	}
	return d
}

// PointN is the i-th (0-based) vertex as a point instance of g's SRID.
func (g *Geo) PointN(i int) *Geo {
	p := &Geo{SRID: g.SRID, Geography: g.Geography, Version: 1, Valid: true, Points: []Point{g.Points[i]},
		Figures: []Figure{{Attr: FigStroke}}, Shapes: []Shape{{Parent: -1, Type: ShapePoint}}}
	if g.Z != nil {
		p.Z = []float64{g.Z[i]}
	}
	if g.M != nil {
		p.M = []float64{g.M[i]}
	}
	return p
}
