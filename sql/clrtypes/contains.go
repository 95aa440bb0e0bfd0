package clrtypes

// Contains is geometry's STContains when b is made of points: every
// point of b lies in a (interior or boundary) and at least one lies in a's
// interior (a polygon's boundary, a line string's end points and nothing
// of a point are excluded). Other shapes of b are not supported.
func Contains(a, b *Geo) (bool, *Error) {
	pb := b.parts()
	if len(pb.lines) > 0 || len(pb.polygons) > 0 {
		return false, ErrNotSupported("STContains/STWithin of shapes other than points")
	}
	if a.IsEmpty() || b.IsEmpty() {
		return false, nil
	}
	pa := a.parts()
	interior := false
	for _, p := range pb.points {
		in, inner := pa.locate(p)
		if !in {
			return false, nil
		}
		interior = interior || inner
	}
	return interior, nil
}

// locate reports whether p lies in the parts (in) and in their interior.
func (pa *parts) locate(p Point) (in, interior bool) {
	for _, q := range pa.points {
		if q == p {
			return true, true
		}
	}
	for _, l := range pa.lines {
		for i := 0; i+1 < len(l); i++ {
			if pointSegDist(p, l[i], l[i+1]) == 0 {
				in = true
				closed := l[0] == l[len(l)-1]
				if closed || p != l[0] && p != l[len(l)-1] {
					return true, true
				}
			}
		}
	}
	for _, poly := range pa.polygons {
		if !inPolygon(p, poly) {
			continue
		}
		onBoundary := false
		for _, r := range poly {
			for i := 0; i+1 < len(r); i++ {
				if pointSegDist(p, r[i], r[i+1]) == 0 {
					onBoundary = true
				}
			}
		}
		if !onBoundary {
			return true, true
		}
		in = true
	}
	return in, false
}
