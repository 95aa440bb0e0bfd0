package rowcodec

import (
	"bytes"
	"math"
	"strings"

	"github.com/tsqld/tsqld/sql/types"
)

// Dir is a key column's sort direction.
type Dir uint8

const (
	Asc  Dir = 0
	Desc Dir = 1
)

// SortKeyer turns a string into its collation sort key: bytes.Compare of
// two keys must equal the collation's comparison of the strings, and equal
// keys must mean equal strings. *collation.Collation implements it.
type SortKeyer interface {
	SortKey(dst []byte, s string) []byte
}

// Column encodings start with a byte that is never 0x00, the NULL marker,
// so NULL sorts first; DESC complements every byte of the column's
// encoding, which reverses the order of prefix-free encodings (and puts
// NULL last, as SQL Server does for DESC).
const (
	keyNull    = 0x00
	keyNotNull = 0x01 // before floats, strings, bytes and GUIDs
	keyFalse   = 0x01
	keyTrue    = 0x02
)

// EncodeKey appends to dst the key prefix followed by the order-preserving
// encoding of vals. dirs (nil = all Asc) and colls (nil or nil entries =
// code-point order) are per column; colls only matter for strings.
//
// The encoding follows each value's Kind, so seek values must first be
// converted to the column's type (an int and a decimal 1 encode
// differently); only sql_variant compares across numeric kinds.
func EncodeKey(dst, prefix []byte, vals []types.Value, dirs []Dir, colls []SortKeyer) ([]byte, error) {
	dst = append(dst, prefix...)
	for i := range vals {
		var dir Dir
		if i < len(dirs) {
			dir = dirs[i]
		}
		var coll SortKeyer
		if i < len(colls) {
			coll = colls[i]
		}
		var err error
		if dst, err = AppendKeyValue(dst, &vals[i], dir, coll); err != nil {
			return nil, err
		}
	}
	return dst, nil
}

// AppendKeyValue appends the key encoding of one column value.
func AppendKeyValue(dst []byte, v *types.Value, dir Dir, coll SortKeyer) ([]byte, error) {
	start := len(dst)
	dst, err := appendKeyAsc(dst, v, coll)
	if err != nil {
		return nil, err
	}
	if dir == Desc {
		for i := start; i < len(dst); i++ {
			dst[i] = ^dst[i]
		}
	}
	return dst, nil
}

func appendKeyAsc(dst []byte, v *types.Value, coll SortKeyer) ([]byte, error) {
	switch v.K {
	case types.KindNull:
		return append(dst, keyNull), nil
	case types.KindBool:
		if v.I != 0 {
			return append(dst, keyTrue), nil
		}
		return append(dst, keyFalse), nil
	case types.KindInt, types.KindMoney:
		return AppendKeyInt(dst, v.I), nil
	case types.KindFloat:
		return appendFloatKey(append(dst, keyNotNull), v.F)
	case types.KindDecimal:
		return appendDecimalKey(dst, &v.Dec)
	case types.KindString:
		dst = append(dst, keyNotNull)
		if coll == nil {
			// Code-point order; SQL Server ignores trailing spaces in
			// comparisons under every collation ('a' = 'a  ').
			return appendEscapedString(dst, strings.TrimRight(v.S, " ")), nil
		}
		return appendSortKey(dst, coll, v.S), nil
	case types.KindBytes:
		// SQL Server compares binary values ignoring trailing 0x00 bytes
		// (0x01 = 0x0100; SELECT DISTINCT keeps one of 0x, 0x00, 0x0000).
		return appendEscaped(append(dst, keyNotNull), bytes.TrimRight(v.B, "\x00")), nil
	case types.KindGUID:
		if len(v.B) != 16 {
			return nil, ErrBadValue
		}
		dst = append(dst, keyNotNull)
		for _, i := range guidOrder {
			dst = append(dst, v.B[i])
		}
		return dst, nil
	case types.KindDateTime:
		// datetimeoffset compares by its UTC instant (Off is 0 for the
		// other date/time types).
		return AppendKeyInt(dst, v.I-int64(v.Off)*ticksPerMinute), nil
	case types.KindVariant:
		return appendVariantKey(dst, v, coll)
	}
	return nil, ErrBadValue
}

const ticksPerMinute = 60 * 10_000_000

// guidOrder is the byte order in which SQL Server compares uniqueidentifier
// values (its storage byte order): the last six bytes first, then 8-9, 6-7,
// 4-5 and 0-3.
var guidOrder = [16]int{10, 11, 12, 13, 14, 15, 8, 9, 6, 7, 4, 5, 0, 1, 2, 3}

// appendFloatKey maps a float to 8 bytes ordered like the number: flip the
// sign bit of positives, complement negatives.
func appendFloatKey(dst []byte, f float64) ([]byte, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return nil, ErrBadValue
	}
	if f == 0 {
		f = 0 // -0 equals 0
	}
	b := math.Float64bits(f)
	if b>>63 != 0 {
		b = ^b
	} else {
		b |= 1 << 63
	}
	return append(dst, byte(b>>56), byte(b>>48), byte(b>>40), byte(b>>32),
		byte(b>>24), byte(b>>16), byte(b>>8), byte(b)), nil
}

// appendSortKey appends the escaped collation sort key of s. The sort key
// is built in place after dst and then escaped from a copy when it
// contains 0x00 (3-byte primary weights often end in 0x00).
func appendSortKey(dst []byte, coll SortKeyer, s string) []byte {
	start := len(dst)
	dst = coll.SortKey(dst, s)
	sk := dst[start:]
	if bytes.IndexByte(sk, escByte) < 0 {
		return append(dst, escByte, escTerm)
	}
	var buf [256]byte // most keys: no heap copy
	tmp := append(buf[:0], sk...)
	return appendEscaped(dst[:start], tmp)
}
