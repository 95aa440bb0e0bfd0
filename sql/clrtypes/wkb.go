package clrtypes

import (
	"encoding/binary"
	"math"
)

// WKB is STAsBinary(): OGC well-known binary, little-endian, two
// dimensions (an empty point has NaN coordinates).
func (g *Geo) WKB() []byte {
	return g.appendWKB(nil, 0)
}

func appendU32(b []byte, v uint32) []byte { return binary.LittleEndian.AppendUint32(b, v) }
func appendF64(b []byte, f float64) []byte {
	return binary.LittleEndian.AppendUint64(b, math.Float64bits(f))
}

func (g *Geo) appendFigurePoints(b []byte, f int) []byte {
	lo, hi := g.figureRange(f)
	b = appendU32(b, uint32(hi-lo))
	for i := lo; i < hi; i++ {
		b = appendF64(appendF64(b, g.Points[i].X), g.Points[i].Y)
	}
	return b
}

func (g *Geo) appendWKB(b []byte, i int) []byte {
	s := g.Shapes[i]
	b = append(b, 1)
	b = appendU32(b, uint32(s.Type))
	empty := s.Figure == -1
	lo, hi := 0, 0
	if !empty {
		lo, hi = g.shapeFigures(i)
	}
	switch s.Type {
	case ShapePoint:
		if empty {
			return appendF64(appendF64(b, math.NaN()), math.NaN())
		}
		a, _ := g.figureRange(lo)
		return appendF64(appendF64(b, g.Points[a].X), g.Points[a].Y)
	case ShapeLineString:
		if empty {
			return appendU32(b, 0)
		}
		return g.appendFigurePoints(b, lo)
	case ShapePolygon:
		b = appendU32(b, uint32(hi-lo))
		for f := lo; f < hi; f++ {
			b = g.appendFigurePoints(b, f)
		}
		return b
	default:
		kids := g.children(i)
		b = appendU32(b, uint32(len(kids)))
		for _, k := range kids {
			b = g.appendWKB(b, k)
		}
		return b
	}
}

func errWKB() *Error {
	return errf(classFormat, 24210, "The well-known binary (WKB) input is not valid.")
}

type wkbReader struct {
	b     []byte
	pos   int
	big   bool
	bad   bool
	g     *Geo
	depth int
}

func (r *wkbReader) u32() uint32 {
	if r.bad || len(r.b)-r.pos < 4 {
		r.bad = true
		return 0
	}
	r.pos += 4
	if r.big {
		return binary.BigEndian.Uint32(r.b[r.pos-4:])
	}
	return binary.LittleEndian.Uint32(r.b[r.pos-4:])
}

func (r *wkbReader) f64() float64 {
	if r.bad || len(r.b)-r.pos < 8 {
		r.bad = true
		return 0
	}
	r.pos += 8
	if r.big {
		return math.Float64frombits(binary.BigEndian.Uint64(r.b[r.pos-8:]))
	}
	return math.Float64frombits(binary.LittleEndian.Uint64(r.b[r.pos-8:]))
}

func (r *wkbReader) points(attr uint8) {
	n := r.u32()
	if r.bad || uint64(n)*16 > uint64(len(r.b)-r.pos) {
		r.bad = true
		return
	}
	r.g.Figures = append(r.g.Figures, Figure{Attr: attr, Offset: int32(len(r.g.Points))})
	for i := uint32(0); i < n; i++ {
		x, y := r.f64(), r.f64()
		r.g.Points = append(r.g.Points, Point{x, y})
	}
}

func (r *wkbReader) geometry(parent int) {
	r.depth++
	if r.bad || r.depth > 32 || r.pos >= len(r.b) {
		r.bad = true
		return
	}
	r.big = r.b[r.pos] == 0
	if r.b[r.pos] > 1 {
		r.bad = true
		return
	}
	r.pos++
	t := r.u32()
	if r.bad || t < 1 || t > 7 {
		r.bad = true
		return
	}
	g := r.g
	idx := len(g.Shapes)
	g.Shapes = append(g.Shapes, Shape{Parent: int32(parent), Figure: int32(len(g.Figures)), Type: uint8(t)})
	switch uint8(t) {
	case ShapePoint:
		x, y := r.f64(), r.f64()
		if math.IsNaN(x) && math.IsNaN(y) {
			g.Shapes[idx].Figure = -1
			break
		}
		g.Figures = append(g.Figures, Figure{Attr: FigStroke, Offset: int32(len(g.Points))})
		g.Points = append(g.Points, Point{x, y})
	case ShapeLineString:
		save := len(g.Figures)
		r.points(FigStroke)
		if !r.bad && g.figurePoints(save) == 0 {
			g.Figures = g.Figures[:save]
			g.Shapes[idx].Figure = -1
		}
	case ShapePolygon:
		n := r.u32()
		if n == 0 {
			g.Shapes[idx].Figure = -1
		}
		for i := uint32(0); i < n && !r.bad; i++ {
			attr := FigInteriorRing
			if i == 0 {
				attr = FigExteriorRing
			}
			r.points(attr)
		}
	default:
		n := r.u32()
		for i := uint32(0); i < n && !r.bad; i++ {
			r.geometry(idx)
		}
		if int(g.Shapes[idx].Figure) == len(g.Figures) {
			g.Shapes[idx].Figure = -1
		}
	}
	r.depth--
}

// ParseWKB reads OGC well-known binary (2D types 1–7).
func ParseWKB(b []byte, geography bool) (*Geo, *Error) {
	r := &wkbReader{b: b, g: &Geo{Geography: geography}}
	r.geometry(-1)
	if r.bad || r.pos != len(b) || !r.g.wellFormedBuilt() {
		return nil, errWKB()
	}
	if geography {
		for _, p := range r.g.Points {
			if p.Y < -90 || p.Y > 90 {
				return nil, errf(classFormat, 24201, "Latitude values must be between -90 and 90 degrees.")
			}
		}
	}
	return r.g, nil
}

// wellFormedBuilt checks a built instance as Deserialize would.
func (g *Geo) wellFormedBuilt() bool {
	g.Version = 1
	return g.wellFormed()
}
