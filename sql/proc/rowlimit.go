package proc

import (
	"errors"
	"unicode/utf8"

	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/types"
)

// errRowLimit stops a SELECT once SET ROWCOUNT rows were sent.
var errRowLimit = errors.New("rowcount limit reached")

// textSizeCols returns, per result column, the SET TEXTSIZE byte limit
// that applies to it ((max) and text/ntext/image columns), or nil when no
// column is limited.
func (s *Session) textSizeCols(cols []result.Column) []int {
	ts := int(s.opts.TextSize)
	if ts <= 0 || ts >= 2147483647 {
		return nil
	}
	var lim []int
	for i, c := range cols {
		t := c.Type
		big := t.Length == types.MaxLength && (t.ID == types.VarChar || t.ID == types.NVarChar || t.ID == types.VarBinary) ||
			t.ID == types.Text || t.ID == types.NText || t.ID == types.Image
		if !big {
			continue
		}
		if lim == nil {
			lim = make([]int, len(cols))
		}
		lim[i] = ts
		if t.ID == types.NVarChar || t.ID == types.NText {
			lim[i] = -(ts / 2) // characters of UTF-16 (2 bytes each)
		}
	}
	return lim
}

// applyTextSize truncates the limited values of row (a copy is made only
// when something is cut).
func (s *Session) applyTextSize(row []types.Value, lim []int) []types.Value {
	var out []types.Value
	for i, l := range lim {
		if l == 0 || row[i].K == types.KindNull {
			continue
		}
		v := row[i]
		switch {
		case l < 0 && v.K == types.KindString:
			if utf8.RuneCountInString(v.S) <= -l {
				continue
			}
			n, k := 0, 0
			for k = range v.S {
				if n == -l {
					break
				}
				n++
			}
			v.S = v.S[:k]
		case v.K == types.KindString && len(v.S) > l:
			v.S = v.S[:l]
		case v.B != nil && len(v.B) > l:
			v.B = v.B[:l]
		default:
			continue
		}
		if out == nil {
			out = append([]types.Value(nil), row...)
		}
		out[i] = v
	}
	if out == nil {
		return row
	}
	return out
}
