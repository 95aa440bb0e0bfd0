package rowcodec

import (
	"encoding/binary"
	"math"

	"github.com/cockroachdb/apd/v3"
	"github.com/tsqld/tsqld/sql/types"
)

// Decoder decodes rows of one table shape. Its fields are read-only during
// decoding, so one Decoder can serve many goroutines.
type Decoder struct {
	// Types are the table's current column types.
	Types []types.Type
	// Defaults, when set, give the value of columns a row was written
	// without (added later by ALTER TABLE ADD ... WITH VALUES / NOT NULL
	// DEFAULT); missing entries mean NULL.
	Defaults []types.Value
	// AliasBytes makes binary and GUID values point into src instead of
	// being copied: only when src outlives the decoded row and is never
	// modified (storage.Txn.Get values are; iterator values are not).
	AliasBytes bool
	// Need, when set, selects the columns to decode (a projection): the
	// others are stepped over without decoding and read as NULL, saving
	// the string copies of columns a query does not use.
	Need []bool
}

// DecodeRow decodes src with column types typs into dst (reused when it
// has the capacity); shorthand for Decoder{Types: typs}.Decode.
func DecodeRow(src []byte, typs []types.Type, dst []types.Value) ([]types.Value, error) {
	d := Decoder{Types: typs}
	return d.Decode(src, dst)
}

// Decode decodes src into dst[:len(d.Types)], reusing dst's storage. It
// allocates only for string data, copied binary data and sql_variant
// values. Stored columns beyond len(d.Types) (dropped trailing
// columns) are ignored.
func (d *Decoder) Decode(src []byte, dst []types.Value) ([]types.Value, error) {
	m := len(d.Types)
	if cap(dst) >= m {
		dst = dst[:m]
	} else {
		dst = make([]types.Value, m)
	}
	if len(src) == 0 || src[0] != rowVersion {
		return nil, ErrCorrupt
	}
	n64, w := binary.Uvarint(src[1:])
	if w <= 0 || n64 > uint64(len(src)) {
		return nil, ErrCorrupt
	}
	n := int(n64)
	p := 1 + w
	bmLen := (n + 7) / 8
	if len(src) < p+bmLen {
		return nil, ErrCorrupt
	}
	bitmap := src[p : p+bmLen]
	p += bmLen
	rest := src[p:]
	for i := 0; i < m; i++ {
		v := &dst[i]
		if i >= n {
			if i < len(d.Defaults) {
				*v = d.Defaults[i]
			} else {
				*v = types.Value{}
			}
			continue
		}
		if bitmap[i/8]&(1<<(i%8)) != 0 {
			*v = types.Value{}
			continue
		}
		var err error
		if d.Need != nil && (i >= len(d.Need) || !d.Need[i]) {
			*v = types.Value{}
			rest, err = skipPayload(rest, &d.Types[i])
		} else {
			rest, err = d.decodePayload(rest, &d.Types[i], v)
		}
		if err != nil {
			return nil, err
		}
	}
	return dst, nil
}

// skipPayload returns src after one column payload of type t.
func skipPayload(src []byte, t *types.Type) ([]byte, error) {
	need := func(n int) ([]byte, error) {
		if len(src) < n {
			return nil, ErrCorrupt
		}
		return src[n:], nil
	}
	varint := func(src []byte) ([]byte, error) {
		_, w := binary.Varint(src)
		if w <= 0 {
			return nil, ErrCorrupt
		}
		return src[w:], nil
	}
	switch t.ID.Kind() {
	case types.KindBool:
		return need(1)
	case types.KindInt, types.KindMoney:
		return varint(src)
	case types.KindFloat:
		if t.ID == types.Real {
			return need(4)
		}
		return need(8)
	case types.KindString, types.KindBytes:
		_, rest, err := lengthPrefixed(src)
		return rest, err
	case types.KindGUID:
		return need(16)
	case types.KindDateTime:
		rest, err := varint(src)
		if err == nil && t.ID == types.DateTimeOffset {
			rest, err = varint(rest)
		}
		return rest, err
	}
	// Decimals and variants are rare enough in skipped columns to just
	// decode into a scratch value.
	var scratch types.Value
	var d Decoder
	return d.decodePayload(src, t, &scratch)
}

func (d *Decoder) decodePayload(src []byte, t *types.Type, v *types.Value) ([]byte, error) {
	k := t.ID.Kind()
	switch k {
	case types.KindBool:
		if len(src) < 1 || src[0] > 1 {
			return nil, ErrCorrupt
		}
		*v = types.Value{K: k, I: int64(src[0])}
		return src[1:], nil
	case types.KindInt, types.KindMoney:
		x, w := binary.Varint(src)
		if w <= 0 {
			return nil, ErrCorrupt
		}
		*v = types.Value{K: k, I: x}
		return src[w:], nil
	case types.KindFloat:
		if t.ID == types.Real {
			if len(src) < 4 {
				return nil, ErrCorrupt
			}
			*v = types.Value{K: k, F: float64(math.Float32frombits(binary.LittleEndian.Uint32(src)))}
			return src[4:], nil
		}
		if len(src) < 8 {
			return nil, ErrCorrupt
		}
		*v = types.Value{K: k, F: math.Float64frombits(binary.LittleEndian.Uint64(src))}
		return src[8:], nil
	case types.KindDecimal:
		return decodeDecimalPayload(src, v)
	case types.KindString:
		b, rest, err := lengthPrefixed(src)
		if err != nil {
			return nil, err
		}
		*v = types.Value{K: k, S: string(b)}
		return rest, nil
	case types.KindBytes:
		b, rest, err := lengthPrefixed(src)
		if err != nil {
			return nil, err
		}
		*v = types.Value{K: k, B: d.bytes(b)}
		return rest, nil
	case types.KindGUID:
		if len(src) < 16 {
			return nil, ErrCorrupt
		}
		*v = types.Value{K: k, B: d.bytes(src[:16])}
		return src[16:], nil
	case types.KindDateTime:
		x, w := binary.Varint(src)
		if w <= 0 {
			return nil, ErrCorrupt
		}
		src = src[w:]
		switch t.ID {
		case types.Date:
			*v = types.Value{K: k, I: x * ticksPerDay}
		case types.DateTimeOffset:
			off, w := binary.Varint(src)
			if w <= 0 || off < math.MinInt16 || off > math.MaxInt16 {
				return nil, ErrCorrupt
			}
			src = src[w:]
			*v = types.Value{K: k, I: x, Off: int16(off)}
		default:
			*v = types.Value{K: k, I: x}
		}
		return src, nil
	case types.KindVariant:
		vv := &types.VariantValue{}
		rest, err := decodeVariantType(src, &vv.Type)
		if err != nil {
			return nil, err
		}
		if vv.Type.ID.Kind() == types.KindVariant || vv.Type.ID.Kind() == types.KindNull {
			return nil, ErrCorrupt
		}
		if rest, err = d.decodePayload(rest, &vv.Type, &vv.Value); err != nil {
			return nil, err
		}
		*v = types.Value{K: k, Var: vv}
		return rest, nil
	}
	return nil, ErrKind
}

func (d *Decoder) bytes(b []byte) []byte {
	if d.AliasBytes {
		return b[:len(b):len(b)]
	}
	return append(make([]byte, 0, len(b)), b...)
}

func lengthPrefixed(src []byte) ([]byte, []byte, error) {
	l, w := binary.Uvarint(src)
	if w <= 0 || l > uint64(len(src)-w) {
		return nil, nil, ErrCorrupt
	}
	end := w + int(l)
	return src[w:end], src[end:], nil
}

func decodeDecimalPayload(src []byte, v *types.Value) ([]byte, error) {
	exp, w := binary.Varint(src)
	if w <= 0 || exp < math.MinInt32 || exp > math.MaxInt32 || len(src) < w+1 {
		return nil, ErrCorrupt
	}
	flags := src[w]
	src = src[w+1:]
	// decimal(38) coefficients fit apd's 128-bit inline storage, so this
	// never allocates (and never shares a big.Int with a copied Value).
	*v = types.Value{K: types.KindDecimal}
	v.Dec.Form = apd.Finite
	v.Dec.Negative = flags&decFlagNeg != 0
	v.Dec.Exponent = int32(exp)
	if flags&decFlagBig == 0 {
		c, w := binary.Uvarint(src)
		if w <= 0 {
			return nil, ErrCorrupt
		}
		v.Dec.Coeff.SetUint64(c)
		return src[w:], nil
	}
	b, rest, err := lengthPrefixed(src)
	if err != nil {
		return nil, err
	}
	v.Dec.Coeff.SetBytes(b)
	return rest, nil
}

func decodeVariantType(src []byte, t *types.Type) ([]byte, error) {
	if len(src) < 1 {
		return nil, ErrCorrupt
	}
	t.ID = types.TypeID(src[0])
	src = src[1:]
	l, w := binary.Varint(src)
	if w <= 0 || l < math.MinInt32 || l > math.MaxInt32 || len(src) < w+2 {
		return nil, ErrCorrupt
	}
	t.Length = int32(l)
	t.Precision, t.Scale = src[w], src[w+1]
	src = src[w+2:]
	if t.ID.Kind() != types.KindString {
		return src, nil
	}
	lcid, w := binary.Uvarint(src)
	if w <= 0 || lcid > math.MaxUint32 || len(src) < w+3 {
		return nil, ErrCorrupt
	}
	c := &t.Collation
	c.LCID = uint32(lcid)
	c.Flags, c.Version, c.SortID = src[w], src[w+1], src[w+2]
	name, rest, err := lengthPrefixed(src[w+3:])
	if err != nil {
		return nil, err
	}
	c.Name = string(name)
	return rest, nil
}
