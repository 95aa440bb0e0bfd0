package rowcodec

import (
	"math"

	"github.com/tsqld/tsqld/sql/types"
)

// DecodeKeyValue decodes the key column of Kind k at the start of key into
// v and returns the rest of the key. Strings and sql_variant values cannot
// be decoded (ErrNoDecoder: keys hold collation sort keys, and variants
// lose their base type); use SkipKeyValue to step over them. A
// datetimeoffset decodes as its UTC instant with offset 0.
func DecodeKeyValue(key []byte, k types.Kind, dir Dir, v *types.Value) ([]byte, error) {
	rest, err := SkipKeyValue(key, k, dir)
	if err != nil {
		return nil, err
	}
	col := key[:len(key)-len(rest)]
	if dir == Desc {
		var buf [64]byte
		col = append(buf[:0], col...)
		for i := range col {
			col[i] = ^col[i]
		}
	}
	if col[0] == keyNull {
		*v = types.Value{}
		return rest, nil
	}
	switch k {
	case types.KindBool:
		*v = types.Value{K: k}
		if col[0] == keyTrue {
			v.I = 1
		}
	case types.KindInt, types.KindMoney, types.KindDateTime:
		x, _, err := DecodeKeyInt(col)
		if err != nil {
			return nil, err
		}
		*v = types.Value{K: k, I: x}
	case types.KindFloat:
		b := uint64(0)
		for _, c := range col[1:9] {
			b = b<<8 | uint64(c)
		}
		if b>>63 != 0 {
			b &^= 1 << 63
		} else {
			b = ^b
		}
		*v = types.Value{K: k, F: math.Float64frombits(b)}
	case types.KindDecimal:
		*v = types.Value{K: k}
		if _, err := decodeDecimalKey(&v.Dec, col, false); err != nil {
			return nil, err
		}
	case types.KindBytes:
		b, _, err := decodeEscaped(nil, col[1:], false)
		if err != nil {
			return nil, err
		}
		*v = types.Value{K: k, B: b}
	case types.KindGUID:
		g := make([]byte, 16)
		for j, i := range guidOrder {
			g[i] = col[1+j]
		}
		*v = types.Value{K: k, B: g}
	default:
		return nil, ErrNoDecoder
	}
	return rest, nil
}

// SkipKeyValue returns key after the key column of Kind k at its start.
func SkipKeyValue(key []byte, k types.Kind, dir Dir) ([]byte, error) {
	var x byte
	if dir == Desc {
		x = 0xFF
	}
	if len(key) == 0 {
		return nil, ErrCorrupt
	}
	if key[0]^x == keyNull {
		return key[1:], nil
	}
	return skipAsc(key, k, x)
}

// skipAsc skips a non-NULL column whose bytes are complemented by x.
func skipAsc(key []byte, k types.Kind, x byte) ([]byte, error) {
	if len(key) == 0 {
		return nil, ErrCorrupt
	}
	need := func(n int) ([]byte, error) {
		if len(key) < n {
			return nil, ErrCorrupt
		}
		return key[n:], nil
	}
	switch k {
	case types.KindBool:
		return need(1)
	case types.KindInt, types.KindMoney, types.KindDateTime:
		n := intKeyLen(key[0] ^ x)
		if n > 8 {
			return nil, ErrCorrupt
		}
		return need(1 + n)
	case types.KindFloat:
		return need(9)
	case types.KindGUID:
		return need(17)
	case types.KindString, types.KindBytes:
		return skipEscaped(key[1:], x != 0)
	case types.KindDecimal:
		return skipDecimalKey(key, x)
	case types.KindVariant:
		rest := key[1:]
		switch key[0] ^ x {
		case famGUID:
			return skipAsc(rest, types.KindGUID, x)
		case famBinary:
			return skipAsc(rest, types.KindBytes, x)
		case famString:
			return skipAsc(rest, types.KindString, x)
		case famExact:
			return skipDecimalKey(rest, x)
		case famApprox:
			return skipAsc(rest, types.KindFloat, x)
		case famDateTime:
			return skipAsc(rest, types.KindInt, x)
		}
	}
	return nil, ErrCorrupt
}

// intKeyLen is the payload length announced by an AppendKeyInt first byte
// (over 8 means corrupt).
func intKeyLen(b byte) int {
	if b >= 0x80 {
		return int(b) - 0x80
	}
	if b < 0x77 {
		return 9
	}
	return 0x7f - int(b)
}

func skipDecimalKey(key []byte, x byte) ([]byte, error) {
	if len(key) == 0 {
		return nil, ErrCorrupt
	}
	switch key[0] ^ x {
	case decZero:
		return key[1:], nil
	case decNeg, decPos:
	default:
		return nil, ErrCorrupt
	}
	term := x // positive digits end with 0x00
	if key[0]^x == decNeg {
		term = ^x
	}
	key = key[1:]
	if len(key) == 0 {
		return nil, ErrCorrupt
	}
	n := 1 + intKeyLen(key[0]^x)
	if n > 9 || len(key) < n {
		return nil, ErrCorrupt
	}
	key = key[n:]
	for i, c := range key {
		if c == term {
			return key[i+1:], nil
		}
	}
	return nil, ErrCorrupt
}
