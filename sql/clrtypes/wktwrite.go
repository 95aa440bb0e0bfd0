package clrtypes

import (
	"math"
	"strconv"
	"strings"
)

// FormatNumber writes f as SQL Server's spatial text does (.NET's "R"
// format): 15 significant digits when they round-trip, else 17; fixed
// notation for exponents -4..14, otherwise "1.5E+20"/"1E-07".
func FormatNumber(f float64) string {
	if f == 0 {
		return "0" // .NET Framework prints -0 as 0
	}
	if math.IsNaN(f) {
		return "NaN"
	}
	s := strconv.FormatFloat(f, 'e', 14, 64)
	if v, _ := strconv.ParseFloat(s, 64); v != f {
		s = strconv.FormatFloat(f, 'e', 16, 64)
	}
	neg := s[0] == '-'
	if neg {
		s = s[1:]
	}
	mant, expS, _ := strings.Cut(s, "e")
	exp, _ := strconv.Atoi(expS)
	digits := strings.TrimRight(strings.Replace(mant, ".", "", 1), "0")
	if digits == "" {
		digits = "0"
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	switch {
	case exp >= 15 || exp < -4:
		b.WriteByte(digits[0])
		if len(digits) > 1 {
			b.WriteByte('.')
			b.WriteString(digits[1:])
		}
		b.WriteByte('E')
		if exp < 0 {
			b.WriteByte('-')
			exp = -exp
		} else {
			b.WriteByte('+')
		}
		if exp < 10 {
			b.WriteByte('0')
		}
		b.WriteString(strconv.Itoa(exp))
	case exp < 0:
		b.WriteString("0.")
		b.WriteString(strings.Repeat("0", -exp-1))
		b.WriteString(digits)
	default:
		if len(digits) <= exp+1 {
			b.WriteString(digits)
			b.WriteString(strings.Repeat("0", exp+1-len(digits)))
		} else {
			b.WriteString(digits[:exp+1])
			b.WriteByte('.')
			b.WriteString(digits[exp+1:])
		}
	}
	return b.String()
}

// WKT is STAsText() (zm false: two dimensions) or ToString()/AsTextZM()
// (zm true: Z and M values too, NULL for a missing Z before an M).
func (g *Geo) WKT(zm bool) (string, *Error) {
	var b strings.Builder
	if err := g.writeShape(&b, 0, zm, true); err != nil {
		return "", err
	}
	return b.String(), nil
}

func (g *Geo) writePoint(b *strings.Builder, i int, zm bool) {
	p := g.Points[i]
	b.WriteString(FormatNumber(p.X))
	b.WriteByte(' ')
	b.WriteString(FormatNumber(p.Y))
	if !zm {
		return
	}
	z, m := math.NaN(), math.NaN()
	if g.Z != nil {
		z = g.Z[i]
	}
	if g.M != nil {
		m = g.M[i]
	}
	switch {
	case !math.IsNaN(m):
		b.WriteByte(' ')
		if math.IsNaN(z) {
			b.WriteString("NULL")
		} else {
			b.WriteString(FormatNumber(z))
		}
		b.WriteByte(' ')
		b.WriteString(FormatNumber(m))
	case !math.IsNaN(z):
		b.WriteByte(' ')
		b.WriteString(FormatNumber(z))
	}
}

// writeFigure writes "(x y, x y, …)".
func (g *Geo) writeFigure(b *strings.Builder, f int, zm bool) {
	lo, hi := g.figureRange(f)
	b.WriteByte('(')
	for i := lo; i < hi; i++ {
		if i > lo {
			b.WriteString(", ")
		}
		g.writePoint(b, i, zm)
	}
	b.WriteByte(')')
}

func (g *Geo) writeShape(b *strings.Builder, i int, zm, tagged bool) *Error {
	s := g.Shapes[i]
	if tagged {
		b.WriteString(strings.ToUpper(shapeNames[s.Type]))
	}
	if s.Type == ShapeFullGlobe {
		return nil
	}
	if s.Figure == -1 {
		if tagged {
			b.WriteByte(' ')
		}
		b.WriteString("EMPTY")
		return nil
	}
	if tagged {
		b.WriteByte(' ')
	}
	lo, hi := g.shapeFigures(i)
	switch s.Type {
	case ShapePoint, ShapeLineString, ShapeCircularString:
		g.writeFigure(b, lo, zm)
	case ShapePolygon:
		b.WriteByte('(')
		for f := lo; f < hi; f++ {
			if f > lo {
				b.WriteString(", ")
			}
			g.writeFigure(b, f, zm)
		}
		b.WriteByte(')')
	case ShapeMultiPoint, ShapeMultiLineString, ShapeMultiPolygon, ShapeGeometryCollection:
		b.WriteByte('(')
		for k, c := range g.children(i) {
			if k > 0 {
				b.WriteString(", ")
			}
			if err := g.writeShape(b, c, zm, s.Type == ShapeGeometryCollection); err != nil {
				return err
			}
		}
		b.WriteByte(')')
	default:
		return errf(classNotImpl, 0, "tsqld does not support %s instances yet.", strings.ToUpper(shapeNames[s.Type]))
	}
	return nil
}
