package types

import (
	"encoding/binary"
	"encoding/hex"
	"math"
	"strings"
	"unicode/utf16"

	"github.com/tsqld/tsqld/sql/collation"
	"github.com/tsqld/tsqld/sql/msgs"
)

// toBinary converts to binary/varbinary/image/timestamp. Strings give their
// bytes (code page 1252 for varchar, UTF-16LE for nvarchar) or, with
// CONVERT styles 1 and 2, are parsed as hex ('0x1A2B' / '1A2B'). Numbers
// give their big-endian storage bytes. binary(n) pads with zeros: on the
// right for strings and binaries, on the left for numbers.
func toBinary(v *Value, from, to Type, o *ConvertOptions) (Value, *msgs.Error) {
	var b []byte
	leftPad := false
	switch v.K {
	case KindBytes:
		b = v.B
	case KindGUID:
		b = v.B
	case KindString:
		switch o.Style {
		case 1, 2:
			s := v.S
			if o.Style == 1 {
				if !strings.HasPrefix(s, "0x") && !strings.HasPrefix(s, "0X") {
					return Null, ErrConverting(from, to)
				}
				s = s[2:]
			}
			if len(s)%2 == 1 {
				return Null, ErrConverting(from, to)
			}
			raw, err := hex.DecodeString(s)
			if err != nil {
				return Null, ErrConverting(from, to)
			}
			b = raw
		default:
			if from.IsUnicode() {
				u := utf16.Encode([]rune(v.S))
				b = make([]byte, 2*len(u))
				for i, c := range u {
					binary.LittleEndian.PutUint16(b[2*i:], c)
				}
			} else {
				b = collation.EncodeCP1252(nil, v.S)
			}
		}
	case KindInt, KindBool:
		n := intSize(from.ID)
		if from.ID == Unknown {
			n = 8
		}
		var buf [8]byte
		binary.BigEndian.PutUint64(buf[:], uint64(v.I))
		b = append([]byte(nil), buf[8-n:]...)
		leftPad = true
	case KindMoney:
		if from.ID == SmallMoney {
			b = binary.BigEndian.AppendUint32(nil, uint32(int32(v.I)))
		} else {
			b = binary.BigEndian.AppendUint64(nil, uint64(v.I))
		}
		leftPad = true
	case KindFloat:
		if from.ID == Real {
			b = binary.BigEndian.AppendUint32(nil, math.Float32bits(float32(v.F)))
		} else {
			b = binary.BigEndian.AppendUint64(nil, math.Float64bits(v.F))
		}
		leftPad = true
	case KindDecimal:
		b = decimalBytes(v, from)
		leftPad = true
	case KindDateTime:
		switch from.ID {
		case DateTime:
			d, t := DateTimeParts(v.I)
			b = binary.BigEndian.AppendUint32(nil, uint32(d))
			b = binary.BigEndian.AppendUint32(b, t)
		case SmallDateTime:
			d, m := SmallDateTimeParts(v.I)
			b = binary.BigEndian.AppendUint16(nil, d)
			b = binary.BigEndian.AppendUint16(b, m)
		default:
			// The newer types: scale byte, then the TDS little-endian parts.
			days, units := TimeParts(v.I, from.Scale)
			b = []byte{from.Scale}
			if from.ID != Date {
				for i := 0; i < timeBytes(from.Scale); i++ {
					b = append(b, byte(units>>(8*i)))
				}
			}
			if from.ID != Time {
				b = append(b, byte(days), byte(days>>8), byte(days>>16))
			}
			if from.ID == DateTimeOffset {
				b = append(b, byte(v.Off), byte(uint16(v.Off)>>8))
			}
		}
	default:
		return Null, ErrExplicitNotAllowed(from, to)
	}
	if to.Length != MaxLength && to.Length > 0 && !to.IsLOB() {
		n := int(to.Length)
		if len(b) > n {
			if o.Strict && v.K == KindBytes {
				return Null, ErrTruncated()
			}
			if leftPad {
				b = b[len(b)-n:]
			} else {
				b = b[:n]
			}
		} else if to.ID == Binary && len(b) < n {
			p := make([]byte, n)
			if leftPad {
				copy(p[n-len(b):], b)
			} else {
				copy(p, b)
			}
			b = p
		}
	}
	return Value{K: KindBytes, B: b}, nil
}

// decimalBytes is SQL Server's binary image of a decimal: precision,
// scale, sign byte (1 positive), then the little-endian magnitude padded to
// 4, 8, 12 or 16 bytes by precision.
func decimalBytes(v *Value, t Type) []byte {
	p, s := t.Precision, t.Scale
	if p == 0 {
		p, s = 38, uint8(max(0, -v.Dec.Exponent))
	}
	sign := byte(1)
	if v.Dec.Negative {
		sign = 0
	}
	mag := v.Dec.Coeff.Bytes() // big-endian
	size := int(t.MaxBytes()) - 1
	if size <= 0 {
		size = 16
	}
	out := []byte{p, s, sign}
	for i := 0; i < size; i++ {
		if i < len(mag) {
			out = append(out, mag[len(mag)-1-i])
		} else {
			out = append(out, 0)
		}
	}
	return out
}
