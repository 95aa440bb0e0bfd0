package clrtypes

import "math"

// parts are an instance's components for planar computations.
type parts struct {
	points   []Point     // Point members
	lines    [][]Point   // line strings
	polygons [][][]Point // rings of each polygon
}

func (g *Geo) parts() parts {
	var out parts
	for i, s := range g.Shapes {
		if s.Figure == -1 || isCollection(s.Type) {
			continue
		}
		lo, hi := g.shapeFigures(i)
		switch s.Type {
		case ShapePoint:
			a, _ := g.figureRange(lo)
			out.points = append(out.points, g.Points[a])
		case ShapeLineString:
			a, b := g.figureRange(lo)
			out.lines = append(out.lines, g.Points[a:b])
		case ShapePolygon:
			var rings [][]Point
			for f := lo; f < hi; f++ {
				a, b := g.figureRange(f)
				rings = append(rings, g.Points[a:b])
			}
			out.polygons = append(out.polygons, rings)
		}
	}
	return out
}

func (p *parts) segments() [][2]Point {
	var out [][2]Point
	add := func(pts []Point) {
		for i := 0; i+1 < len(pts); i++ {
			out = append(out, [2]Point{pts[i], pts[i+1]})
		}
	}
	for _, l := range p.lines {
		add(l)
	}
	for _, poly := range p.polygons {
		for _, r := range poly {
			add(r)
		}
	}
	return out
}

func (p *parts) vertices() []Point {
	out := append([]Point{}, p.points...)
	for _, l := range p.lines {
		out = append(out, l...)
	}
	for _, poly := range p.polygons {
		for _, r := range poly {
			out = append(out, r...)
		}
	}
	return out
}

// inPolygon is the even-odd test over all rings (holes excluded); points
// on the boundary count as inside.
func inPolygon(pt Point, rings [][]Point) bool {
	in := false
	for _, r := range rings {
		for i := 0; i+1 < len(r); i++ {
			a, b := r[i], r[i+1]
			if cross(a, b, pt) == 0 && onSegment(pt, a, b) {
				return true
			}
			if (a.Y > pt.Y) != (b.Y > pt.Y) && pt.X < (b.X-a.X)*(pt.Y-a.Y)/(b.Y-a.Y)+a.X {
				in = !in
			}
		}
	}
	return in
}

func pointSegDist(p, a, b Point) float64 {
	dx, dy := b.X-a.X, b.Y-a.Y
	l2 := dx*dx + dy*dy
	if l2 == 0 {
		return math.Hypot(p.X-a.X, p.Y-a.Y)
	}
	t := ((p.X-a.X)*dx + (p.Y-a.Y)*dy) / l2
	t = math.Max(0, math.Min(1, t))
	return math.Hypot(p.X-(a.X+t*dx), p.Y-(a.Y+t*dy))
}

// PlanarDistance is geometry's STDistance: ok is false when either
// instance is empty (NULL).
func PlanarDistance(g, h *Geo) (float64, bool) {
	if g.IsEmpty() || h.IsEmpty() {
		return 0, false
	}
	pg, ph := g.parts(), h.parts()
	sg, sh := pg.segments(), ph.segments()
	vg, vh := pg.vertices(), ph.vertices()
	// Intersection means distance 0.
	for _, a := range sg {
		for _, b := range sh {
			if segmentsIntersect(a[0], a[1], b[0], b[1]) {
				return 0, true
			}
		}
	}
	for _, poly := range ph.polygons {
		for _, v := range vg {
			if inPolygon(v, poly) {
				return 0, true
			}
		}
	}
	for _, poly := range pg.polygons {
		for _, v := range vh {
			if inPolygon(v, poly) {
				return 0, true
			}
		}
	}
	best := math.Inf(1)
	for _, v := range vg {
		for _, w := range vh {
			best = math.Min(best, math.Hypot(v.X-w.X, v.Y-w.Y))
		}
		for _, s := range sh {
			best = math.Min(best, pointSegDist(v, s[0], s[1]))
		}
	}
	for _, w := range vh {
		for _, s := range sg {
			best = math.Min(best, pointSegDist(w, s[0], s[1]))
		}
	}
	return best, true
}

// PlanarLength is geometry's STLength (perimeter for polygons).
func PlanarLength(g *Geo) float64 {
	p := g.parts()
	var l float64
	for _, s := range p.segments() {
		l += math.Hypot(s[1].X-s[0].X, s[1].Y-s[0].Y)
	}
	return l
}

// PlanarArea is geometry's STArea.
func PlanarArea(g *Geo) float64 {
	p := g.parts()
	var a float64
	for _, poly := range p.polygons {
		for i, r := range poly {
			if i == 0 {
				a += math.Abs(signedArea(r))
			} else {
				a -= math.Abs(signedArea(r))
			}
		}
	}
	return a
}

// ellipsoid of the geographic SRIDs whose datum tsqld knows.
func ellipsoid(srid int32) (a, f float64, ok bool) {
	switch srid {
	case 4326: // WGS 84
		return 6378137, 1 / 298.257223563, true
	case 4269, 4258, 4283, 4617, 4619, 4624, 4167: // GRS 80 datums
		return 6378137, 1 / 298.257222101, true
	}
	return 0, 0, false
}

// ErrNotSupported is the error for an operation tsqld cannot compute the
// way SQL Server does.
func ErrNotSupported(what string) *Error {
	return errf(classNotImpl, 0, "tsqld does not support %s.", what)
}

// GeodesicDistance is geography's STDistance between two points on the
// SRID's ellipsoid (Vincenty's inverse formula, sub-millimetre); other
// shapes and unknown datums are not supported.
func GeodesicDistance(g, h *Geo) (float64, bool, *Error) {
	if g.IsEmpty() || h.IsEmpty() {
		return 0, false, nil
	}
	if g.SRID != h.SRID {
		return 0, false, nil
	}
	p, ok1 := g.PointXY()
	q, ok2 := h.PointXY()
	if !ok1 || !ok2 {
		return 0, false, ErrNotSupported("geography STDistance between instances other than two points (it needs ellipsoidal geometry)")
	}
	a, f, ok := ellipsoid(g.SRID)
	if !ok {
		return 0, false, ErrNotSupported("geography STDistance for this SRID's ellipsoid")
	}
	d, ok := vincenty(p.Y, p.X, q.Y, q.X, a, f)
	if !ok {
		return 0, false, ErrNotSupported("geography STDistance between nearly antipodal points")
	}
	return d, true, nil
}

func vincenty(lat1, lon1, lat2, lon2, a, f float64) (float64, bool) {
	const rad = math.Pi / 180
	b := a * (1 - f)
	L := (lon2 - lon1) * rad
	U1 := math.Atan((1 - f) * math.Tan(lat1*rad))
	U2 := math.Atan((1 - f) * math.Tan(lat2*rad))
	sinU1, cosU1 := math.Sincos(U1)
	sinU2, cosU2 := math.Sincos(U2)
	lambda := L
	var sinSigma, cosSigma, sigma, cos2Alpha, cos2SigmaM float64
	for iter := 0; ; iter++ {
		if iter == 200 {
			return 0, false
		}
		sinL, cosL := math.Sincos(lambda)
		sinSigma = math.Hypot(cosU2*sinL, cosU1*sinU2-sinU1*cosU2*cosL)
		if sinSigma == 0 {
			return 0, true
		}
		cosSigma = sinU1*sinU2 + cosU1*cosU2*cosL
		sigma = math.Atan2(sinSigma, cosSigma)
		sinAlpha := cosU1 * cosU2 * sinL / sinSigma
		cos2Alpha = 1 - sinAlpha*sinAlpha
		cos2SigmaM = 0
		if cos2Alpha != 0 {
			cos2SigmaM = cosSigma - 2*sinU1*sinU2/cos2Alpha
		}
		C := f / 16 * cos2Alpha * (4 + f*(4-3*cos2Alpha))
		prev := lambda
		lambda = L + (1-C)*f*sinAlpha*(sigma+C*sinSigma*(cos2SigmaM+C*cosSigma*(-1+2*cos2SigmaM*cos2SigmaM)))
		if math.Abs(lambda-prev) < 1e-12 {
			break
		}
	}
	u2 := cos2Alpha * (a*a - b*b) / (b * b)
	A := 1 + u2/16384*(4096+u2*(-768+u2*(320-175*u2)))
	B := u2 / 1024 * (256 + u2*(-128+u2*(74-47*u2)))
	dSigma := B * sinSigma * (cos2SigmaM + B/4*(cosSigma*(-1+2*cos2SigmaM*cos2SigmaM)-
		B/6*cos2SigmaM*(-3+4*sinSigma*sinSigma)*(-3+4*cos2SigmaM*cos2SigmaM)))
	return b * A * (sigma - dSigma), true
}
