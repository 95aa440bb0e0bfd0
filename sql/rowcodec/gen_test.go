package rowcodec

import (
	"bytes"
	"math"
	"math/rand/v2"
	"strings"

	"github.com/cockroachdb/apd/v3"
	"github.com/tsqld/tsqld/sql/types"
)

// foldUTF16 is a test collation: case-insensitive, keys are the UTF-16BE
// code units of the lower-cased string, so ASCII keys are full of 0x00
// bytes (exercising the escaping) and "A" equals "a".
type foldUTF16 struct{}

func (foldUTF16) SortKey(dst []byte, s string) []byte {
	for _, r := range strings.ToLower(s) {
		if r > 0xFFFF {
			r = 0xFFFD
		}
		dst = append(dst, byte(r>>8), byte(r))
	}
	return dst
}

func foldCompare(a, b string) int {
	return bytes.Compare(foldUTF16{}.SortKey(nil, a), foldUTF16{}.SortKey(nil, b))
}

// gen makes random values of each kind, biased towards edge cases and
// near-equal values so orderings are exercised.
type gen struct{ r *rand.Rand }

func newGen(seed uint64) gen { return gen{rand.New(rand.NewPCG(seed, seed*7+1))} }

var edgeInts = []int64{0, 1, -1, 2, -2, 127, 128, -128, -129, 255, 256, -256, -257,
	1 << 31, -1 << 31, 1<<63 - 1, -1 << 63, 1 << 40, -(1 << 40)}

func (g gen) int() int64 {
	switch g.r.IntN(4) {
	case 0:
		return edgeInts[g.r.IntN(len(edgeInts))]
	case 1:
		return int64(g.r.IntN(2000)) - 1000
	case 2:
		return int64(g.r.Uint64())
	}
	return int64(g.r.Uint64()) >> g.r.IntN(64)
}

func (g gen) float() float64 {
	switch g.r.IntN(5) {
	case 0:
		return []float64{0, math.Copysign(0, -1), 1, -1, math.MaxFloat64, -math.MaxFloat64,
			math.SmallestNonzeroFloat64, -math.SmallestNonzeroFloat64, 0.5, -0.5}[g.r.IntN(10)]
	case 1:
		return float64(g.r.IntN(100) - 50)
	}
	return (g.r.Float64() - 0.5) * math.Pow(10, float64(g.r.IntN(40)-20))
}

func (g gen) decimal(d *apd.Decimal) {
	switch g.r.IntN(4) {
	case 0:
		d.SetFinite(int64(g.r.IntN(2001)-1000), -int32(g.r.IntN(4)))
	case 1:
		// Same value with different scales (1.5 vs 1.50).
		d.SetFinite(int64(g.r.IntN(21)-10)*int64(math.Pow10(g.r.IntN(3))), -int32(g.r.IntN(3)))
	case 2:
		// Wide: up to 38 digits.
		var sb strings.Builder
		if g.r.IntN(2) == 0 {
			sb.WriteByte('-')
		}
		n := 1 + g.r.IntN(38)
		for i := 0; i < n; i++ {
			sb.WriteByte(byte('0' + g.r.IntN(10)))
		}
		if _, _, err := d.SetString(sb.String()); err != nil {
			panic(err)
		}
		d.Exponent = -int32(g.r.IntN(20))
	default:
		d.SetFinite(g.int()>>g.r.IntN(63), int32(g.r.IntN(41)-20))
	}
}

const alphabet = "aAbB \x00zZ\u00e9\u00c9\xff\u4e2d"

func (g gen) str() string {
	n := g.r.IntN(6)
	var sb strings.Builder
	chars := []rune(alphabet)
	for i := 0; i < n; i++ {
		sb.WriteRune(chars[g.r.IntN(len(chars))])
	}
	return sb.String()
}

func (g gen) bytes() []byte {
	n := g.r.IntN(6)
	b := make([]byte, n)
	for i := range b {
		b[i] = []byte{0, 1, 2, 0x7f, 0xfe, 0xff}[g.r.IntN(6)]
	}
	return b
}

func (g gen) guid() []byte {
	b := make([]byte, 16)
	for i := range b {
		b[i] = byte(g.r.IntN(3)) // few values: many shared prefixes
	}
	return b
}

// value returns a random value of kind k (NULL one time in eight).
func (g gen) value(k types.Kind) types.Value {
	if g.r.IntN(8) == 0 {
		return types.Value{}
	}
	switch k {
	case types.KindBool:
		return types.Value{K: k, I: int64(g.r.IntN(2))}
	case types.KindInt, types.KindMoney:
		return types.Value{K: k, I: g.int()}
	case types.KindFloat:
		return types.Value{K: k, F: g.float()}
	case types.KindDecimal:
		v := types.Value{K: k}
		g.decimal(&v.Dec)
		return v
	case types.KindString:
		return types.Value{K: k, S: g.str()}
	case types.KindBytes:
		return types.Value{K: k, B: g.bytes()}
	case types.KindGUID:
		return types.Value{K: k, B: g.guid()}
	case types.KindDateTime:
		off := int16(0)
		if g.r.IntN(2) == 0 {
			off = int16(g.r.IntN(1681) - 840)
		}
		return types.Value{K: k, I: g.r.Int64N(3155378975999999999), Off: off}
	case types.KindVariant:
		kinds := []types.Kind{types.KindGUID, types.KindBytes, types.KindString, types.KindBool,
			types.KindInt, types.KindMoney, types.KindDecimal, types.KindFloat, types.KindDateTime}
		bk := kinds[g.r.IntN(len(kinds))]
		b := g.value(bk)
		if b.K == types.KindNull {
			return types.Value{}
		}
		return types.Value{K: k, Var: &types.VariantValue{Type: types.Type{ID: typeOfKind(bk)}, Value: b}}
	}
	panic("kind")
}

func typeOfKind(k types.Kind) types.TypeID {
	switch k {
	case types.KindBool:
		return types.Bit
	case types.KindInt:
		return types.BigInt
	case types.KindFloat:
		return types.Float
	case types.KindDecimal:
		return types.Decimal
	case types.KindMoney:
		return types.Money
	case types.KindString:
		return types.NVarChar
	case types.KindBytes:
		return types.VarBinary
	case types.KindGUID:
		return types.UniqueIdentifier
	case types.KindDateTime:
		return types.DateTimeOffset
	case types.KindVariant:
		return types.SQLVariant
	}
	return types.Unknown
}
