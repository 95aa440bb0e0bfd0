package exec

import (
	"encoding/binary"
	"math"

	"github.com/tsqld/tsqld/sql/types"
)

// Row encoding: per value a kind byte then its payload (varint for ints,
// 8 bytes for floats, length-prefixed text for strings/bytes/decimals).
// Self-describing, so rows written before ALTER TABLE … ADD/ALTER COLUMN
// still decode, and cheap to skip column by column (scan_cols.go). This is
// the one row codec; keys (storage and hash) are sql/rowcodec's
// (keyenc.go, keycoll.go).

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

// EncodeKey is EncodeKeyColl with every string under the server default
// collation.
func EncodeKey(dst []byte, vals []types.Value, desc []bool) []byte {
	return EncodeKeyColl(dst, vals, desc, nil)
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
