package exec

import (
	"bytes"
	"math"
	"strconv"
	"strings"

	"github.com/cockroachdb/apd/v3"

	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

// This file holds the value operations the executor needs (conversion,
// comparison, arithmetic) for the common types. It is deliberately small:
// sql/types owns the full conversion matrix and will replace it.

var decCtx = apd.BaseContext.WithPrecision(60)

func intRange(id types.TypeID) (int64, int64) {
	switch id {
	case types.TinyInt:
		return 0, 255
	case types.SmallInt:
		return -32768, 32767
	case types.Int:
		return math.MinInt32, math.MaxInt32
	case types.Bit:
		return 0, 1
	}
	return math.MinInt64, math.MaxInt64
}

func typeName(t types.Type) string { return sem.TypeName(t) }

// overflow is error 8115 for the target type.
func overflow(t types.Type) *msgs.Error {
	return msgs.New(8115, "expression", typeName(t))
}

// Convert converts v (of type from) to type to as CAST does, using
// sql/types' conversion matrix.
func Convert(v types.Value, from, to types.Type) (types.Value, *msgs.Error) {
	return types.Convert(v, from, to)
}

// convertLocal is the executor's original small conversion routine, kept
// for the value kinds sql/types does not cover yet.
func convertLocal(v types.Value, from, to types.Type) (types.Value, *msgs.Error) {
	if v.K == types.KindNull {
		return types.Null, nil
	}
	switch sem.KindOf(to.ID) {
	case types.KindInt:
		var n int64
		switch v.K {
		case types.KindInt, types.KindBool:
			n = v.I
		case types.KindFloat:
			if math.IsNaN(v.F) || v.F >= 9.223372036854775807e18 || v.F < -9.223372036854775808e18 {
				return v, overflow(to)
			}
			n = int64(v.F)
		case types.KindDecimal:
			var d apd.Decimal
			decCtx.RoundToIntegralValue(&d, &v.Dec)
			if v.Dec.Negative != d.Negative || true {
				// truncate toward zero like SQL Server
				var t apd.Decimal
				c := decCtx.WithPrecision(60)
				c.Rounding = apd.RoundDown
				c.Quantize(&t, &v.Dec, 0)
				d = t
			}
			i, err := d.Int64()
			if err != nil {
				return v, overflow(to)
			}
			n = i
		case types.KindMoney:
			n = v.I / 10000
			if r := v.I % 10000; r >= 5000 {
				n++
			} else if r <= -5000 {
				n--
			}
		case types.KindString:
			s := strings.TrimSpace(v.S)
			i, err := strconv.ParseInt(s, 10, 64)
			if err != nil {
				if s == "" {
					i = 0
				} else {
					return v, msgs.New(245, typeName(from), v.S, typeName(to))
				}
			}
			n = i
		default:
			return v, msgs.New(529, typeName(from), typeName(to))
		}
		lo, hi := intRange(to.ID)
		if n < lo || n > hi {
			if v.K == types.KindString {
				return v, msgs.New(244, v.S, typeName(to))
			}
			return v, msgs.New(220, typeName(to), n)
		}
		return types.Value{K: types.KindInt, I: n}, nil
	case types.KindBool:
		switch v.K {
		case types.KindInt, types.KindBool, types.KindMoney:
			return boolVal(v.I != 0), nil
		case types.KindFloat:
			return boolVal(v.F != 0), nil
		case types.KindDecimal:
			return boolVal(!v.Dec.IsZero()), nil
		case types.KindString:
			s := strings.TrimSpace(v.S)
			switch strings.ToUpper(s) {
			case "TRUE":
				return boolVal(true), nil
			case "FALSE":
				return boolVal(false), nil
			}
			i, err := strconv.ParseInt(s, 10, 64)
			if err != nil {
				return v, msgs.New(245, typeName(from), v.S, "bit")
			}
			return boolVal(i != 0), nil
		}
	case types.KindFloat:
		var f float64
		switch v.K {
		case types.KindInt, types.KindBool:
			f = float64(v.I)
		case types.KindFloat:
			f = v.F
		case types.KindDecimal:
			f, _ = v.Dec.Float64()
		case types.KindMoney:
			f = float64(v.I) / 10000
		case types.KindString:
			x, err := strconv.ParseFloat(strings.TrimSpace(v.S), 64)
			if err != nil {
				return v, msgs.New(8114, typeName(from), typeName(to))
			}
			f = x
		default:
			return v, msgs.New(529, typeName(from), typeName(to))
		}
		if to.ID == types.Real {
			f = float64(float32(f))
		}
		return types.Value{K: types.KindFloat, F: f}, nil
	case types.KindDecimal:
		out := types.Value{K: types.KindDecimal}
		switch v.K {
		case types.KindInt, types.KindBool:
			out.Dec.SetInt64(v.I)
		case types.KindFloat:
			if _, err := out.Dec.SetFloat64(v.F); err != nil {
				return v, overflow(to)
			}
		case types.KindDecimal:
			out.Dec.Set(&v.Dec)
		case types.KindMoney:
			out.Dec.SetFinite(v.I, -4)
		case types.KindString:
			if _, _, err := out.Dec.SetString(strings.TrimSpace(v.S)); err != nil {
				return v, msgs.New(8114, typeName(from), typeName(to))
			}
		default:
			return v, msgs.New(529, typeName(from), typeName(to))
		}
		if to.Precision == 0 {
			return out, nil
		}
		var q apd.Decimal
		if _, err := decCtx.Quantize(&q, &out.Dec, -int32(to.Scale)); err != nil {
			return v, msgs.New(8115, typeName(from), typeName(to))
		}
		if int(q.NumDigits()) > int(to.Precision) && !q.IsZero() {
			return v, msgs.New(8115, typeName(from), typeName(to))
		}
		out.Dec = q
		return out, nil
	case types.KindMoney:
		var d apd.Decimal
		switch v.K {
		case types.KindMoney:
			return v, nil
		case types.KindInt, types.KindBool:
			return types.Value{K: types.KindMoney, I: v.I * 10000}, nil
		case types.KindFloat:
			return types.Value{K: types.KindMoney, I: int64(math.Round(v.F * 10000))}, nil
		case types.KindDecimal:
			d.Set(&v.Dec)
		case types.KindString:
			if _, _, err := d.SetString(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(v.S), "$"))); err != nil {
				return v, msgs.New(235, typeName(from), typeName(to))
			}
		default:
			return v, msgs.New(529, typeName(from), typeName(to))
		}
		d.Exponent += 4
		var q apd.Decimal
		decCtx.Quantize(&q, &d, 0)
		n, err := q.Int64()
		if err != nil {
			return v, overflow(to)
		}
		return types.Value{K: types.KindMoney, I: n}, nil
	case types.KindString:
		s := ToString(v, from)
		if to.ID == types.Char || to.ID == types.NChar {
			if n := int(to.Length); n > 0 && len(s) < n {
				s += strings.Repeat(" ", n-len(s))
			}
		}
		if to.Length > 0 && int(to.Length) < len([]rune(s)) {
			if v.K != types.KindString {
				if IsNumericKind(v.K) {
					return types.Value{K: types.KindString, S: "*"}, nil
				}
			}
			r := []rune(s)
			s = string(r[:to.Length])
		}
		return types.Value{K: types.KindString, S: s}, nil
	case types.KindBytes:
		switch v.K {
		case types.KindBytes, types.KindGUID:
			return types.Value{K: types.KindBytes, B: v.B}, nil
		case types.KindString:
			return types.Value{K: types.KindBytes, B: []byte(v.S)}, nil
		case types.KindInt:
			b := make([]byte, 4)
			b[0], b[1], b[2], b[3] = byte(v.I>>24), byte(v.I>>16), byte(v.I>>8), byte(v.I)
			return types.Value{K: types.KindBytes, B: b}, nil
		}
	case types.KindVariant:
		return types.Value{K: types.KindVariant, Var: &types.VariantValue{Type: from, Value: v}}, nil
	}
	if sem.KindOf(to.ID) == v.K {
		return v, nil
	}
	return v, msgs.New(529, typeName(from), typeName(to))
}

// IsNumericKind reports numeric runtime kinds.
func IsNumericKind(k types.Kind) bool {
	return k == types.KindInt || k == types.KindBool || k == types.KindFloat || k == types.KindDecimal || k == types.KindMoney
}

func boolVal(b bool) types.Value {
	if b {
		return types.Value{K: types.KindBool, I: 1}
	}
	return types.Value{K: types.KindBool}
}

// ToString renders v as CAST(v AS varchar) does.
func ToString(v types.Value, t types.Type) string {
	switch v.K {
	case types.KindString:
		return v.S
	case types.KindInt, types.KindBool:
		return strconv.FormatInt(v.I, 10)
	case types.KindFloat:
		return formatFloat(v.F)
	case types.KindDecimal:
		return v.Dec.Text('f')
	case types.KindMoney:
		var d apd.Decimal
		d.SetFinite(v.I, -4)
		var q apd.Decimal
		decCtx.Quantize(&q, &d, -2)
		return q.Text('f')
	case types.KindBytes:
		return string(v.B)
	}
	return ""
}

// formatFloat renders like CAST(float AS varchar): up to 6 significant
// digits in general format.
func formatFloat(f float64) string {
	s := strconv.FormatFloat(f, 'g', 6, 64)
	if strings.Contains(s, "e") {
		m, e, _ := strings.Cut(s, "e")
		sign := e[0]
		e = strings.TrimLeft(e[1:], "0")
		if len(e) < 2 {
			e = strings.Repeat("0", 2-len(e)) + e
		}
		s = m + "e" + string(sign) + e
	}
	return s
}

// Compare compares two non-NULL values under the collation of the
// comparison type t (sql/types rules).
func Compare(a, b types.Value, t types.Type) int {
	return types.Compare(a, b, types.CollationOf(t))
}

func compareLocal(a, b types.Value, t types.Type) int {
	switch a.K {
	case types.KindInt, types.KindBool, types.KindMoney:
		switch {
		case a.I < b.I:
			return -1
		case a.I > b.I:
			return 1
		}
		return 0
	case types.KindFloat:
		switch {
		case a.F < b.F:
			return -1
		case a.F > b.F:
			return 1
		}
		return 0
	case types.KindDecimal:
		return a.Dec.Cmp(&b.Dec)
	case types.KindString:
		return CompareStrings(a.S, b.S)
	case types.KindBytes, types.KindGUID:
		return bytes.Compare(bytes.TrimRight(a.B, "\x00"), bytes.TrimRight(b.B, "\x00"))
	case types.KindDateTime:
		switch {
		case a.I < b.I:
			return -1
		case a.I > b.I:
			return 1
		}
		return 0
	}
	return 0
}

// CompareStrings compares case-insensitively, ignoring trailing spaces
// (the default collation's equality rules).
func CompareStrings(a, b string) int {
	a = strings.TrimRight(a, " ")
	b = strings.TrimRight(b, " ")
	c := strings.Compare(foldString(a), foldString(b))
	return c
}

func foldString(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || (c >= 'a' && c <= 'z') {
			return strings.ToUpper(s)
		}
	}
	return s
}
