package rowcodec

import (
	"encoding/binary"
	"math"

	"github.com/cockroachdb/apd/v3"
	"github.com/tsqld/tsqld/sql/types"
)

// Row layout (version 1):
//
//	0x01                       format version
//	uvarint n                  number of columns stored
//	ceil(n/8) bytes            null bitmap, bit i%8 of byte i/8 = column i is NULL
//	payloads                   for each non-NULL column, in order
//
// Payloads by column type:
//
//	bit                         1 byte (0/1)
//	tinyint..bigint, money      zigzag varint
//	real / float                4 / 8 bytes little-endian IEEE
//	decimal, numeric            zigzag varint exponent, flags (1 negative,
//	                            2 big), coefficient as uvarint or, when it
//	                            exceeds 64 bits, uvarint length + big-endian
//	char..nvarchar, text, xml   uvarint length + UTF-8 bytes
//	binary, varbinary, image    uvarint length + bytes
//	uniqueidentifier            16 bytes as stored
//	date                        zigzag varint days
//	datetimeoffset              zigzag varint ticks, zigzag varint offset
//	other date/time types       zigzag varint ticks
//	sql_variant                 base type (see appendVariantType), then the
//	                            base value's payload
//
// n is stored so a table can gain columns (ALTER TABLE ADD) without
// rewriting rows: columns at or after n decode as NULL or their default.
const rowVersion = 1

const (
	decFlagNeg = 1
	decFlagBig = 2
)

// EncodeRow appends the encoding of vals, whose column types are typs, to
// dst. Each value must be NULL or of its column's Kind (Type.Kind).
func EncodeRow(dst []byte, typs []types.Type, vals []types.Value) ([]byte, error) {
	if len(vals) != len(typs) {
		return nil, ErrKind
	}
	n := len(vals)
	dst = append(dst, rowVersion)
	dst = binary.AppendUvarint(dst, uint64(n))
	bm := len(dst)
	for i := 0; i < (n+7)/8; i++ {
		dst = append(dst, 0)
	}
	for i := range vals {
		v := &vals[i]
		if v.K == types.KindNull || (v.K == types.KindVariant && (v.Var == nil || v.Var.Value.K == types.KindNull)) {
			dst[bm+i/8] |= 1 << (i % 8)
			continue
		}
		var err error
		if dst, err = appendPayload(dst, &typs[i], v); err != nil {
			return nil, err
		}
	}
	return dst, nil
}

func appendPayload(dst []byte, t *types.Type, v *types.Value) ([]byte, error) {
	k := t.ID.Kind()
	if v.K != k {
		return nil, ErrKind
	}
	switch k {
	case types.KindBool:
		if v.I != 0 {
			return append(dst, 1), nil
		}
		return append(dst, 0), nil
	case types.KindInt, types.KindMoney:
		return binary.AppendVarint(dst, v.I), nil
	case types.KindFloat:
		if t.ID == types.Real {
			return binary.LittleEndian.AppendUint32(dst, math.Float32bits(float32(v.F))), nil
		}
		return binary.LittleEndian.AppendUint64(dst, math.Float64bits(v.F)), nil
	case types.KindDecimal:
		return appendDecimalPayload(dst, &v.Dec)
	case types.KindString:
		dst = binary.AppendUvarint(dst, uint64(len(v.S)))
		return append(dst, v.S...), nil
	case types.KindBytes:
		dst = binary.AppendUvarint(dst, uint64(len(v.B)))
		return append(dst, v.B...), nil
	case types.KindGUID:
		if len(v.B) != 16 {
			return nil, ErrBadValue
		}
		return append(dst, v.B...), nil
	case types.KindDateTime:
		switch t.ID {
		case types.Date:
			if v.I%ticksPerDay != 0 {
				return nil, ErrBadValue
			}
			return binary.AppendVarint(dst, v.I/ticksPerDay), nil
		case types.DateTimeOffset:
			dst = binary.AppendVarint(dst, v.I)
			return binary.AppendVarint(dst, int64(v.Off)), nil
		}
		return binary.AppendVarint(dst, v.I), nil
	case types.KindVariant:
		dst = appendVariantType(dst, &v.Var.Type)
		return appendPayload(dst, &v.Var.Type, &v.Var.Value)
	}
	return nil, ErrKind
}

const ticksPerDay = 24 * 60 * ticksPerMinute

func appendDecimalPayload(dst []byte, d *apd.Decimal) ([]byte, error) {
	if d.Form != apd.Finite {
		return nil, ErrBadValue
	}
	dst = binary.AppendVarint(dst, int64(d.Exponent))
	var flags byte
	if d.Negative {
		flags |= decFlagNeg
	}
	if d.Coeff.IsUint64() {
		dst = append(dst, flags)
		return binary.AppendUvarint(dst, d.Coeff.Uint64()), nil
	}
	b := d.Coeff.Bytes()
	dst = append(dst, flags|decFlagBig)
	dst = binary.AppendUvarint(dst, uint64(len(b)))
	return append(dst, b...), nil
}

// appendVariantType writes a sql_variant's base type: id, length,
// precision, scale, then for character types the collation (LCID, flags,
// version, sort id, name).
func appendVariantType(dst []byte, t *types.Type) []byte {
	dst = append(dst, byte(t.ID))
	dst = binary.AppendVarint(dst, int64(t.Length))
	dst = append(dst, t.Precision, t.Scale)
	if t.ID.Kind() == types.KindString {
		c := &t.Collation
		dst = binary.AppendUvarint(dst, uint64(c.LCID))
		dst = append(dst, c.Flags, c.Version, c.SortID)
		dst = binary.AppendUvarint(dst, uint64(len(c.Name)))
		dst = append(dst, c.Name...)
	}
	return dst
}
