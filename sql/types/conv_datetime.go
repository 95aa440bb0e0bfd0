package types

import (
	"encoding/binary"
	"math"

	"github.com/tsqld/tsqld/sql/msgs"
)

// toDateTime converts to date, time, datetime, smalldatetime, datetime2 and
// datetimeoffset.
func toDateTime(v *Value, from, to Type, o *ConvertOptions) (Value, *msgs.Error) {
	switch v.K {
	case KindDateTime:
		return roundDateTime(*v, from, to)
	case KindString:
		return parseDateTimeValue(v.S, from, to, o)
	case KindInt, KindBool, KindFloat, KindDecimal, KindMoney:
		// Numbers are days since 1900-01-01 (datetime/smalldatetime only).
		var days float64
		switch v.K {
		case KindInt, KindBool:
			if v.I < -Day1900 || v.I > Day9999-Day1900 {
				return Null, ErrOverflow("expression", to)
			}
			return roundDateTime(Value{K: KindDateTime, I: (v.I + Day1900) * TicksPerDay}, TypeDateTime, to)
		case KindFloat:
			days = v.F
		case KindMoney:
			days = float64(v.I) / 10000
		case KindDecimal:
			days, _ = v.Dec.Float64()
		}
		t := math.Round(days*TicksPerDay) + Day1900*TicksPerDay
		if t < 0 || t > MaxTicks {
			return Null, ErrOverflow("expression", to)
		}
		r, err := roundDateTime(Value{K: KindDateTime, I: int64(t)}, NewDateTime2(7), to)
		if err != nil {
			return Null, ErrOverflow("expression", to)
		}
		return r, nil
	case KindBytes:
		switch to.ID {
		case DateTime:
			if len(v.B) < 8 {
				return Null, ErrConverting(from, to)
			}
			d := int32(binary.BigEndian.Uint32(v.B[len(v.B)-8:]))
			t := binary.BigEndian.Uint32(v.B[len(v.B)-4:])
			return Value{K: KindDateTime, I: DateTimeFromParts(d, t)}, nil
		case SmallDateTime:
			if len(v.B) < 4 {
				return Null, ErrConverting(from, to)
			}
			d := binary.BigEndian.Uint16(v.B[len(v.B)-4:])
			m := binary.BigEndian.Uint16(v.B[len(v.B)-2:])
			return Value{K: KindDateTime, I: (int64(d)+Day1900)*TicksPerDay + int64(m)*TicksPerMinute}, nil
		}
		return Null, ErrConverting(from, to)
	}
	return Null, ErrExplicitNotAllowed(from, to)
}

// parseDateTimeValue converts a string: Msg 241 for a string that is not
// a date/time, 242 when the date is outside the target's range.
func parseDateTimeValue(s string, from, to Type, o *ConvertOptions) (Value, *msgs.Error) {
	order := dateOrderFor(o.Style, o.DateFormat)
	legacy := to.ID == DateTime || to.ID == SmallDateTime
	p, st := parseDateTimeString(s, order, legacy && o.Style == 0)
	switch {
	case st == dtRange && legacy:
		return Null, ErrDateOutOfRange(from, to)
	case st != dtOK:
		return Null, ErrDateConversion()
	}
	if p.hasOff && to.ID != DateTimeOffset && to.ID != DateTime2 && to.ID != Date && to.ID != Time {
		// datetime/smalldatetime do not take an offset except the ISO 'Z'.
		if p.off != 0 {
			return Null, ErrDateConversion()
		}
	}
	// datetime keeps at most 3 fractional digits.
	if (to.ID == DateTime || to.ID == SmallDateTime) && p.fracDigits > 3 {
		return Null, ErrDateConversion()
	}
	if p.fracDigits > 7 {
		return Null, ErrDateConversion()
	}
	day := int64(Day1900)
	if p.hasDate {
		day = DateFromParts(p.y, p.m, p.d)
	}
	ticks := day*TicksPerDay + p.ticks
	v := Value{K: KindDateTime, I: ticks}
	if to.ID == DateTimeOffset && p.hasOff {
		v.Off = int16(p.off)
	}
	src := Type{ID: DateTime2, Scale: 7}
	r, err := roundDateTime(v, src, to)
	if err != nil {
		return Null, ErrDateOutOfRange(from, to)
	}
	return r, nil
}

// dateTimeArith implements + and - on datetime/smalldatetime: numbers are
// days, and a datetime operand counts as its days since 1900-01-01.
func dateTimeArith(op Op, a Value, at Type, b Value, bt Type, rt Type) (Value, *msgs.Error) {
	x, err := daysOffset(&a, at)
	if err != nil {
		return Null, err
	}
	y, err := daysOffset(&b, bt)
	if err != nil {
		return Null, err
	}
	var r int64
	switch op {
	case OpAdd:
		r = x + y
	case OpSub:
		r = x - y
	default:
		return Null, ErrIncompatibleOperator(at, bt, op.MsgName())
	}
	t := r + Day1900*TicksPerDay
	out, e := roundDateTime(Value{K: KindDateTime, I: t}, NewDateTime2(7), rt)
	if e != nil || t < 0 {
		return Null, newErr(517, txt517, rt.MsgName())
	}
	return out, nil
}

// daysOffset returns an operand of datetime arithmetic as ticks relative
// to 1900-01-01.
func daysOffset(v *Value, t Type) (int64, *msgs.Error) {
	switch v.K {
	case KindDateTime:
		return v.I - Day1900*TicksPerDay, nil
	case KindInt, KindBool:
		return v.I * TicksPerDay, nil
	case KindFloat:
		return int64(math.Round(v.F * TicksPerDay)), nil
	case KindMoney:
		return int64(math.Round(float64(v.I) / 10000 * TicksPerDay)), nil
	case KindDecimal:
		f, _ := v.Dec.Float64()
		return int64(math.Round(f * TicksPerDay)), nil
	case KindString:
		c, err := Convert(*v, t, TypeDateTime)
		if err != nil {
			return 0, err
		}
		return c.I - Day1900*TicksPerDay, nil
	}
	return 0, ErrTypeClash(t, TypeDateTime)
}
