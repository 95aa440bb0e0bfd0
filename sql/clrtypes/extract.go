package clrtypes

import "math"

// Extract is shape i of g (with its members) as an instance of its own:
// STGeometryN's result.
func (g *Geo) Extract(i int) *Geo {
	out := &Geo{SRID: g.SRID, Geography: g.Geography, Valid: g.Valid}
	remap := map[int]int32{}
	for j := i; j < len(g.Shapes); j++ {
		if !g.isInside(j, i) {
			continue
		}
		s := g.Shapes[j]
		parent := int32(-1)
		if j != i {
			parent = remap[int(s.Parent)]
		}
		ns := Shape{Parent: parent, Figure: -1, Type: s.Type}
		if s.Figure != -1 && !isCollection(s.Type) {
			lo, hi := g.shapeFigures(j)
			ns.Figure = int32(len(out.Figures))
			for f := lo; f < hi; f++ {
				a, b := g.figureRange(f)
				out.Figures = append(out.Figures, Figure{Attr: g.Figures[f].Attr, Offset: int32(len(out.Points))})
				out.Points = append(out.Points, g.Points[a:b]...)
				if g.Z != nil {
					out.Z = append(out.Z, g.Z[a:b]...)
				}
				if g.M != nil {
					out.M = append(out.M, g.M[a:b]...)
				}
			}
		}
		remap[j] = int32(len(out.Shapes))
		out.Shapes = append(out.Shapes, ns)
	}
	// A collection's figure offset is its first member's.
	for k := len(out.Shapes) - 1; k >= 0; k-- {
		s := &out.Shapes[k]
		if !isCollection(s.Type) {
			continue
		}
		for m := k + 1; m < len(out.Shapes); m++ {
			if out.isInside(m, k) && out.Shapes[m].Figure != -1 {
				s.Figure = out.Shapes[m].Figure
				break
			}
		}
	}
	out.Version = out.version()
	return out
}

// GeometryN is STGeometryN(n) (1-based): the n-th member of a
// collection, or the instance itself for n = 1 of a single shape.
func (g *Geo) GeometryN(n int) (*Geo, bool) {
	if n < 1 || n > g.NumGeometries() {
		return nil, false
	}
	t := g.Shapes[0].Type
	if t == ShapeMultiPoint || t == ShapeMultiLineString || t == ShapeMultiPolygon || t == ShapeGeometryCollection {
		return g.Extract(g.children(0)[n-1]), true
	}
	return g, true
}

// Ring is the n-th ring (0 = exterior) of a polygon as a LineString:
// STExteriorRing / STInteriorRingN.
func (g *Geo) Ring(n int) (*Geo, bool) {
	if g.Shapes[0].Type != ShapePolygon || g.Shapes[0].Figure == -1 {
		return nil, false
	}
	lo, hi := g.shapeFigures(0)
	if n < 0 || lo+n >= hi {
		return nil, false
	}
	a, b := g.figureRange(lo + n)
	out := &Geo{SRID: g.SRID, Geography: g.Geography, Valid: g.Valid, Version: 1,
		Points:  append([]Point{}, g.Points[a:b]...),
		Figures: []Figure{{Attr: FigStroke}}, Shapes: []Shape{{Parent: -1, Type: ShapeLineString}}}
	if g.Z != nil {
		out.Z = append([]float64{}, g.Z[a:b]...)
	}
	if g.M != nil {
		out.M = append([]float64{}, g.M[a:b]...)
	}
	return out, true
}

// NumRings is the number of rings of a polygon (STNumInteriorRing + 1);
// ok is false for other shapes.
func (g *Geo) NumRings() (int, bool) {
	if g.Shapes[0].Type != ShapePolygon {
		return 0, false
	}
	lo, hi := g.shapeFigures(0)
	return hi - lo, true
}

// Envelope is geometry's STEnvelope: the axis-aligned bounding rectangle
// as a polygon (a point stays a point; an empty instance gives nil).
func (g *Geo) Envelope() *Geo {
	if len(g.Points) == 0 {
		return nil
	}
	if len(g.Points) == 1 {
		return g.PointN(0)
	}
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	for _, p := range g.Points {
		minX, maxX = math.Min(minX, p.X), math.Max(maxX, p.X)
		minY, maxY = math.Min(minY, p.Y), math.Max(maxY, p.Y)
	}
	out := &Geo{SRID: g.SRID, Version: 1, Valid: true}
	if minX == maxX || minY == maxY {
		out.Points = []Point{{minX, minY}, {maxX, maxY}}
		out.Figures = []Figure{{Attr: FigStroke}}
		out.Shapes = []Shape{{Parent: -1, Type: ShapeLineString}}
		return out
	}
	out.Points = []Point{{minX, minY}, {maxX, minY}, {maxX, maxY}, {minX, maxY}, {minX, minY}}
	out.Figures = []Figure{{Attr: FigExteriorRing}}
	out.Shapes = []Shape{{Parent: -1, Type: ShapePolygon}}
	return out
}
