package clrtypes

import "math"

// ValidGeographySRID reports SRIDs sys.spatial_reference_systems lists
// (the EPSG geographic systems 4120–4999 and 104001, the unit sphere).
func ValidGeographySRID(srid int32) bool {
	return srid >= 4120 && srid <= 4999 || srid == 104001
}

// ErrGeographySRID is what geography methods throw for an SRID that is
// not in sys.spatial_reference_systems.
func ErrGeographySRID() *Error {
	return errf(classArgument, 24204, "The spatial reference identifier (SRID) is not valid. The specified SRID must match one of the supported SRIDs displayed in the sys.spatial_reference_systems catalog view.")
}

// ErrGeometrySRID is the error for a geometry SRID outside 0..999999.
func ErrGeometrySRID() *Error {
	return errf(classArgument, 24118, "The spatial reference identifier (SRID) is not valid. SRIDs must be between 0 and 999999.")
}

// Finish sets the SRID, the validity flag and (geography) the larger-than-
// a-hemisphere flag of a freshly built instance, checking the SRID.
func (g *Geo) Finish(srid int32) *Error {
	if g.Geography {
		if !ValidGeographySRID(srid) {
			return ErrGeographySRID()
		}
	} else if srid < 0 || srid > 999999 {
		return ErrGeometrySRID()
	}
	g.SRID = srid
	g.Valid = g.computeValid()
	if g.Geography {
		for i, s := range g.Shapes {
			if s.Type != ShapePolygon || s.Figure == -1 {
				continue
			}
			lo, _ := g.shapeFigures(i)
			a, b := g.figureRange(lo)
			if signedArea(g.Points[a:b]) < 0 {
				g.Larger = true
			}
		}
	}
	g.Version = g.version()
	return nil
}

// hasDistinct reports whether pts holds at least need distinct points
// (need is 2 or 3: stops as soon as they are found, so long line strings
// stay linear).
func hasDistinct(pts []Point, need int) bool {
	var seen []Point
	for _, p := range pts {
		dup := false
		for _, q := range seen {
			if q == p {
				dup = true
				break
			}
		}
		if !dup {
			seen = append(seen, p)
			if len(seen) >= need {
				return true
			}
		}
	}
	return false
}

// computeValid is OGC validity as far as tsqld checks it: line strings
// need two distinct points, rings three and no self-intersection.
func (g *Geo) computeValid() bool {
	for i, s := range g.Shapes {
		if s.Figure == -1 || isCollection(s.Type) {
			continue
		}
		lo, hi := g.shapeFigures(i)
		for f := lo; f < hi; f++ {
			a, b := g.figureRange(f)
			pts := g.Points[a:b]
			switch s.Type {
			case ShapeLineString:
				if !hasDistinct(pts, 2) {
					return false
				}
			case ShapePolygon:
				if !hasDistinct(pts, 3) || ringSelfIntersects(pts) {
					return false
				}
			}
		}
	}
	return true
}

// ringSelfIntersects checks non-adjacent edges of a closed ring.
func ringSelfIntersects(pts []Point) bool {
	n := len(pts) - 1
	if n > 2000 {
		return false // quadratic check skipped for very large rings
	}
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			if j == i+1 || i == 0 && j == n-1 {
				continue
			}
			if segmentsIntersect(pts[i], pts[i+1], pts[j], pts[j+1]) {
				return true
			}
		}
	}
	return false
}

func signedArea(pts []Point) float64 {
	var a float64
	for i := 0; i+1 < len(pts); i++ {
		a += pts[i].X*pts[i+1].Y - pts[i+1].X*pts[i].Y
	}
	return a / 2
}

func cross(o, a, b Point) float64 { return (a.X-o.X)*(b.Y-o.Y) - (a.Y-o.Y)*(b.X-o.X) }

func onSegment(p, a, b Point) bool {
	return math.Min(a.X, b.X) <= p.X && p.X <= math.Max(a.X, b.X) && math.Min(a.Y, b.Y) <= p.Y && p.Y <= math.Max(a.Y, b.Y)
}

func segmentsIntersect(a, b, c, d Point) bool {
	d1, d2 := cross(c, d, a), cross(c, d, b)
	d3, d4 := cross(a, b, c), cross(a, b, d)
	if (d1 > 0 && d2 < 0 || d1 < 0 && d2 > 0) && (d3 > 0 && d4 < 0 || d3 < 0 && d4 > 0) {
		return true
	}
	return d1 == 0 && onSegment(a, c, d) || d2 == 0 && onSegment(b, c, d) ||
		d3 == 0 && onSegment(c, a, b) || d4 == 0 && onSegment(d, a, b)
}

// NewPoint is geometry::Point(x, y, srid) / geography::Point(lat, long,
// srid) (pass x = long, y = lat).
func NewPoint(x, y float64, srid int32, geography bool) (*Geo, *Error) {
	if geography {
		if y < -90 || y > 90 {
			return nil, errf(classFormat, 24201, "Latitude values must be between -90 and 90 degrees.")
		}
		if x < -15069 || x > 15069 {
			return nil, errf(classFormat, 24202, "Longitude values must be between -15069 and 15069 degrees.")
		}
	}
	g := &Geo{Geography: geography, Points: []Point{{x, y}},
		Figures: []Figure{{Attr: FigStroke}}, Shapes: []Shape{{Parent: -1, Type: ShapePoint}}}
	if err := g.Finish(srid); err != nil {
		return nil, err
	}
	return g, nil
}
