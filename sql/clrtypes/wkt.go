package clrtypes

import (
	"math"
	"strconv"
	"strings"
)

// wktParser builds a Geo while reading well-known text.
type wktParser struct {
	s    string
	pos  int
	g    *Geo
	z, m []float64
	hasZ bool
	hasM bool
	err  *Error
}

func errLabel(label string) *Error {
	return errf(classFormat, 24114, "The label %s in the input well-known text (WKT) is not valid. Valid labels are POINT, LINESTRING, POLYGON, MULTIPOINT, MULTILINESTRING, MULTIPOLYGON, GEOMETRYCOLLECTION, CIRCULARSTRING, COMPOUNDCURVE, CURVEPOLYGON and FULLGLOBE (geography Data Type only).", label)
}

// ParseWKT parses well-known text into a Geo (SRID and flags set by the
// caller through Finish).
func ParseWKT(s string, geography bool) (*Geo, *Error) {
	p := &wktParser{s: s, g: &Geo{Geography: geography}}
	p.skip()
	if p.pos >= len(p.s) {
		return nil, errf(classFormat, 24111, "The well-known text (WKT) input is empty. To input an empty instance, specify an empty instance of one of the following types: Point, LineString, Polygon, MultiPoint, MultiLineString, MultiPolygon, CircularString, CompoundCurve, CurvePolygon or GeometryCollection.")
	}
	p.tagged(-1)
	if p.err == nil {
		p.skip()
		if p.pos < len(p.s) {
			p.err = errf(classFormat, 24113, "The well-known text (WKT) input contains extra characters after the end of the instance: '%s'.", p.s[p.pos:])
		}
	}
	if p.err != nil {
		return nil, p.err
	}
	if p.hasZ {
		p.g.Z = p.z
	}
	if p.hasM {
		p.g.M = p.m
	}
	return p.g, nil
}

func (p *wktParser) skip() {
	for p.pos < len(p.s) && (p.s[p.pos] == ' ' || p.s[p.pos] == '\t' || p.s[p.pos] == '\r' || p.s[p.pos] == '\n') {
		p.pos++
	}
}

// rest is what the input has at the current position (for messages).
func (p *wktParser) rest() string {
	if p.pos >= len(p.s) {
		return ""
	}
	end := p.pos + 1
	for end < len(p.s) && isWordByte(p.s[end]) && isWordByte(p.s[p.pos]) {
		end++
	}
	return p.s[p.pos:end]
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

func (p *wktParser) word() string {
	p.skip()
	start := p.pos
	for p.pos < len(p.s) && isWordByte(p.s[p.pos]) {
		p.pos++
	}
	return strings.ToUpper(p.s[start:p.pos])
}

func (p *wktParser) expect(c byte) bool {
	if p.err != nil {
		return false
	}
	p.skip()
	if p.pos < len(p.s) && p.s[p.pos] == c {
		p.pos++
		return true
	}
	p.err = errf(classFormat, 24142, "Expected \"%c\" at position %d. The input has \"%s\".", c, p.pos+1, p.rest())
	return false
}

func (p *wktParser) peekIs(c byte) bool {
	p.skip()
	return p.pos < len(p.s) && p.s[p.pos] == c
}

// emptyOr consumes EMPTY (true) or expects "(".
func (p *wktParser) emptyOr() bool {
	p.skip()
	save := p.pos
	if w := p.word(); w == "EMPTY" {
		return true
	}
	p.pos = save
	p.expect('(')
	return false
}

func (p *wktParser) number(optional bool) (float64, bool) {
	p.skip()
	start := p.pos
	for p.pos < len(p.s) {
		c := p.s[p.pos]
		if c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E' {
			p.pos++
			continue
		}
		break
	}
	if start == p.pos {
		if optional {
			return 0, false
		}
		p.err = errf(classFormat, 24141, "A number is expected at position %d of the input. The input has %s.", start+1, p.rest())
		return 0, false
	}
	f, err := strconv.ParseFloat(p.s[start:p.pos], 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		p.pos = start
		p.err = errf(classFormat, 24141, "A number is expected at position %d of the input. The input has %s.", start+1, p.rest())
		return 0, false
	}
	return f, true
}

// coord reads "x y [z|NULL [m|NULL]]" and appends the point.
func (p *wktParser) coord() {
	x, ok := p.number(false)
	if !ok {
		return
	}
	y, ok := p.number(false)
	if !ok {
		return
	}
	zm := [2]float64{math.NaN(), math.NaN()}
	for i := 0; i < 2; i++ {
		p.skip()
		save := p.pos
		if p.word() == "NULL" {
			continue
		}
		p.pos = save
		v, ok := p.number(true)
		if !ok {
			if p.err != nil {
				return
			}
			break
		}
		zm[i] = v
		if i == 0 {
			p.hasZ = true
		} else {
			p.hasM = true
		}
	}
	if p.g.Geography {
		if y < -90 || y > 90 {
			p.err = errf(classFormat, 24201, "Latitude values must be between -90 and 90 degrees.")
			return
		}
		if x < -15069 || x > 15069 {
			p.err = errf(classFormat, 24202, "Longitude values must be between -15069 and 15069 degrees.")
			return
		}
	}
	p.g.Points = append(p.g.Points, Point{x, y})
	p.z = append(p.z, zm[0])
	p.m = append(p.m, zm[1])
}

func (p *wktParser) addShape(parent int, typ uint8, empty bool) int {
	fig := int32(-1)
	if !empty {
		fig = int32(len(p.g.Figures))
	}
	p.g.Shapes = append(p.g.Shapes, Shape{Parent: int32(parent), Figure: fig, Type: typ})
	return len(p.g.Shapes) - 1
}

// fixEmpty marks a shape whose members were all empty as empty.
func (p *wktParser) fixEmpty(i int) {
	if int(p.g.Shapes[i].Figure) == len(p.g.Figures) {
		p.g.Shapes[i].Figure = -1
	}
}

func (p *wktParser) figure(attr uint8) int {
	p.g.Figures = append(p.g.Figures, Figure{Attr: attr, Offset: int32(len(p.g.Points))})
	return len(p.g.Figures) - 1
}

// tagged parses one tagged geometry as a member of parent.
func (p *wktParser) tagged(parent int) {
	if p.err != nil {
		return
	}
	p.skip()
	start := p.pos
	label := p.word()
	switch label {
	case "POINT":
		p.pointText(parent, false)
	case "LINESTRING":
		p.lineText(parent, ShapeLineString)
	case "POLYGON":
		p.polygonText(parent)
	case "MULTIPOINT":
		empty := p.emptyOr()
		i := p.addShape(parent, ShapeMultiPoint, empty)
		if empty || p.err != nil {
			return
		}
		for {
			p.pointText(i, true)
			if p.err != nil || !p.peekIs(',') {
				break
			}
			p.pos++
		}
		p.expect(')')
		p.fixEmpty(i)
	case "MULTILINESTRING":
		p.multi(parent, ShapeMultiLineString, func(i int) { p.lineText(i, ShapeLineString) })
	case "MULTIPOLYGON":
		p.multi(parent, ShapeMultiPolygon, func(i int) { p.polygonText(i) })
	case "GEOMETRYCOLLECTION":
		p.multi(parent, ShapeGeometryCollection, func(i int) { p.tagged(i) })
	case "FULLGLOBE":
		if !p.g.Geography {
			p.err = errf(classFormat, 24144, "This operation cannot be completed because the instance is not valid. Use MakeValid to convert the instance to a valid instance. Note that MakeValid may cause the points of a geometry instance to shift slightly.")
			return
		}
		p.addShape(parent, ShapeFullGlobe, true)
	case "CIRCULARSTRING", "COMPOUNDCURVE", "CURVEPOLYGON":
		p.err = errf(classNotImpl, 0, "tsqld does not support %s instances yet.", label)
	default:
		if label == "" {
			p.pos = start
			label = p.rest()
		}
		p.err = errLabel(label)
	}
}

func (p *wktParser) multi(parent int, typ uint8, member func(int)) {
	empty := p.emptyOr()
	i := p.addShape(parent, typ, empty)
	if empty || p.err != nil {
		return
	}
	for {
		member(i)
		if p.err != nil || !p.peekIs(',') {
			break
		}
		p.pos++
	}
	p.expect(')')
	p.fixEmpty(i)
}

// pointText: EMPTY | ( x y ); inside MULTIPOINT the parentheses may be
// left out.
func (p *wktParser) pointText(parent int, bare bool) {
	p.skip()
	save := p.pos
	if p.word() == "EMPTY" {
		p.addShape(parent, ShapePoint, true)
		return
	}
	p.pos = save
	if bare && !p.peekIs('(') {
		p.addShape(parent, ShapePoint, false)
		p.figure(FigStroke)
		p.coord()
		return
	}
	if !p.expect('(') {
		return
	}
	p.addShape(parent, ShapePoint, false)
	p.figure(FigStroke)
	p.coord()
	p.expect(')')
}

func (p *wktParser) points() int {
	n := 0
	for {
		p.coord()
		n++
		if p.err != nil || !p.peekIs(',') {
			break
		}
		p.pos++
	}
	p.expect(')')
	return n
}

func (p *wktParser) lineText(parent int, typ uint8) {
	empty := p.emptyOr()
	p.addShape(parent, typ, empty)
	if empty || p.err != nil {
		return
	}
	p.figure(FigStroke)
	if n := p.points(); p.err == nil && n < 2 {
		p.err = errf(classFormat, 24117, "The LineString input is not valid because it does not have enough distinct points. A LineString must have at least two distinct points.")
	}
}

func (p *wktParser) polygonText(parent int) {
	empty := p.emptyOr()
	p.addShape(parent, ShapePolygon, empty)
	if empty || p.err != nil {
		return
	}
	for ring := 0; ; ring++ {
		attr := FigInteriorRing
		if ring == 0 {
			attr = FigExteriorRing
		}
		f := p.figure(attr)
		if !p.expect('(') {
			return
		}
		p.points()
		if p.err != nil {
			return
		}
		lo, hi := p.g.figureRange(f)
		pts := p.g.Points[lo:hi]
		if len(pts) < 4 {
			p.err = errf(classFormat, 24305, "The Polygon input is not valid because the ring does not have enough distinct points. Each ring of a polygon must contain at least three distinct points.")
			return
		}
		if pts[0] != pts[len(pts)-1] {
			which := "exterior"
			if ring > 0 {
				which = "interior"
			}
			p.err = errf(classFormat, 24119, "The Polygon input is not valid because the start and end points of the %s ring are not the same. Each ring of a polygon must have the same start and end points.", which)
			return
		}
		if !p.peekIs(',') {
			break
		}
		p.pos++
	}
	p.expect(')')
}
