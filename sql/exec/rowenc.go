package exec

import (
	"encoding/binary"
	"math"
	"strings"

	"github.com/cockroachdb/apd/v3"

	"github.com/tsqld/tsqld/sql/types"
)

// Row encoding: per value a kind byte then its payload (varint for ints,
// 8 bytes for floats, length-prefixed text for strings/bytes/decimals).
// Compact and allocation-light; sql/rowcodec will replace it.

// EncodeRow appends the encoding of row to dst.
func EncodeRow(dst []byte, row []types.Value) []byte {
	for i := range row {
		v := &row[i]
		dst = append(dst, byte(v.K))
		switch v.K {
		case types.KindInt, types.KindBool, types.KindMoney:
			dst = binary.AppendVarint(dst, v.I)
		case types.KindDateTime:
			dst = binary.AppendVarint(dst, v.I)
			dst = binary.AppendVarint(dst, int64(v.Off))
		case types.KindFloat:
			dst = binary.BigEndian.AppendUint64(dst, math.Float64bits(v.F))
		case types.KindString:
			dst = binary.AppendUvarint(dst, uint64(len(v.S)))
			dst = append(dst, v.S...)
		case types.KindBytes, types.KindGUID:
			dst = binary.AppendUvarint(dst, uint64(len(v.B)))
			dst = append(dst, v.B...)
		case types.KindDecimal:
			s := v.Dec.String()
			dst = binary.AppendUvarint(dst, uint64(len(s)))
			dst = append(dst, s...)
		}
	}
	return dst
}

// DecodeRow decodes n values from b into dst.
func DecodeRow(b []byte, dst []types.Value) []types.Value {
	dst = dst[:0]
	for len(b) > 0 {
		k := types.Kind(b[0])
		b = b[1:]
		v := types.Value{K: k}
		switch k {
		case types.KindInt, types.KindBool, types.KindMoney:
			n, w := binary.Varint(b)
			v.I, b = n, b[w:]
		case types.KindDateTime:
			n, w := binary.Varint(b)
			v.I, b = n, b[w:]
			o, w2 := binary.Varint(b)
			v.Off, b = int16(o), b[w2:]
		case types.KindFloat:
			v.F, b = math.Float64frombits(binary.BigEndian.Uint64(b)), b[8:]
		case types.KindString:
			n, w := binary.Uvarint(b)
			v.S, b = string(b[w:w+int(n)]), b[w+int(n):]
		case types.KindBytes, types.KindGUID:
			n, w := binary.Uvarint(b)
			v.B, b = append([]byte(nil), b[w:w+int(n)]...), b[w+int(n):]
		case types.KindDecimal:
			n, w := binary.Uvarint(b)
			v.Dec.SetString(string(b[w : w+int(n)]))
			b = b[w+int(n):]
		}
		dst = append(dst, v)
	}
	return dst
}

// EncodeKey appends an order-preserving, collation-aware encoding of key
// values: equal values under the default collation (case-insensitive,
// trailing spaces ignored) encode equally, so index entries enforce
// uniqueness. NULL sorts first.
func EncodeKey(dst []byte, vals []types.Value, desc []bool) []byte {
	for i := range vals {
		start := len(dst)
		v := &vals[i]
		if v.K == types.KindNull {
			dst = append(dst, 0x00)
		} else {
			dst = append(dst, 0x01)
			switch v.K {
			case types.KindInt, types.KindBool, types.KindMoney, types.KindDateTime:
				dst = binary.BigEndian.AppendUint64(dst, uint64(v.I)^(1<<63))
			case types.KindFloat:
				bits := math.Float64bits(v.F)
				if v.F < 0 {
					bits = ^bits
				} else {
					bits |= 1 << 63
				}
				dst = binary.BigEndian.AppendUint64(dst, bits)
			case types.KindDecimal:
				f, _ := v.Dec.Float64()
				bits := math.Float64bits(f)
				if f < 0 {
					bits = ^bits
				} else {
					bits |= 1 << 63
				}
				dst = binary.BigEndian.AppendUint64(dst, bits)
				// exact tail keeps distinct decimals distinct; reduced
				// so 1.0 and 1.00 encode alike
				var r apd.Decimal
				r.Reduce(&v.Dec)
				dst = appendEscaped(dst, r.Text('f'))
			case types.KindString:
				dst = appendEscaped(dst, foldString(strings.TrimRight(v.S, " ")))
			case types.KindBytes, types.KindGUID:
				dst = appendEscaped(dst, string(v.B))
			case types.KindVariant:
				dst = appendVariantHashKey(dst, v)
			}
		}
		if i < len(desc) && desc[i] {
			for j := start; j < len(dst); j++ {
				dst[j] = ^dst[j]
			}
		}
	}
	return dst
}

// appendEscaped writes s with 0x00 escaped as 0x00 0xFF and a 0x00 0x01
// terminator, preserving order.
func appendEscaped(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] == 0 {
			dst = append(dst, 0, 0xff)
		} else {
			dst = append(dst, s[i])
		}
	}
	return append(dst, 0, 1)
}
