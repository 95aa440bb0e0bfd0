package exec

import (
	"strings"

	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

// Date/time built-ins; the binder passes the datepart as an int constant
// in args[0] and the date arguments already converted to date/time types.

func init() {
	registerEval(evalDateTrunc, "DATETRUNC")
	registerEval(evalFromParts, "DATETIMEFROMPARTS", "DATETIME2FROMPARTS",
		"SMALLDATETIMEFROMPARTS", "TIMEFROMPARTS", "DATETIMEOFFSETFROMPARTS")
	registerEval(evalOffsetFuncs, "SWITCHOFFSET", "TODATETIMEOFFSET")
	registerEval(evalIsDate, "ISDATE")
}

// dateFirst is the session's SET DATEFIRST (7 = Sunday when unset).
func (c *Ctx) dateFirst() int {
	if c.Opts == nil || c.Opts.DateFirst == 0 {
		return 7
	}
	return int(c.Opts.DateFirst)
}

func (c *Ctx) language() string {
	if c.Opts == nil {
		return "us_english"
	}
	return c.Opts.Language
}

func (c *Ctx) dateFormat() string {
	if c.Opts == nil || c.Opts.DateFormat == "" {
		return "mdy"
	}
	return c.Opts.DateFormat
}

func evalDateTrunc(c *Ctx, x *sem.Func, args []types.Value) (types.Value, *msgs.Error) {
	if args[1].K == types.KindNull {
		return types.Null, nil
	}
	part, t, v := types.DatePart(args[0].I), x.Type(), args[1]
	bad := func() (types.Value, *msgs.Error) {
		return types.Null, fnErr(9810, "The datepart %.*ls is not supported by date function %.*ls for data type %ls.", part.Name(), "datetrunc", sem.TypeName(t))
	}
	day, tt := types.SplitTicks(v.I)
	y, m, _ := types.DateParts(day)
	var unit int64
	switch part {
	case types.PartYear, types.PartQuarter, types.PartMonth:
		if t.ID == types.Time {
			return bad()
		}
		switch part {
		case types.PartYear:
			m = 1
		case types.PartQuarter:
			m = (m-1)/3*3 + 1
		}
		v.I = types.DateFromParts(y, m, 1) * types.TicksPerDay
		return v, nil
	case types.PartDayOfYear, types.PartDay:
		if t.ID == types.Time {
			return bad()
		}
		v.I = day * types.TicksPerDay
		return v, nil
	case types.PartWeek, types.PartISOWeek:
		if t.ID == types.Time {
			return bad()
		}
		first := c.dateFirst() % 7 // 0 = Sunday
		if part == types.PartISOWeek {
			first = 1
		}
		back := int64((types.Weekday(day) - first + 7) % 7)
		v.I = (day - back) * types.TicksPerDay
		return v, nil
	case types.PartHour:
		unit = types.TicksPerHour
	case types.PartMinute:
		unit = types.TicksPerMinute
	case types.PartSecond:
		unit = types.TicksPerSecond
	case types.PartMillisecond:
		unit = 10000
	case types.PartMicrosecond:
		unit = 10
	default:
		return bad()
	}
	// Time parts finer than the type's precision are rejected.
	if t.ID == types.Date || t.ID == types.SmallDateTime && unit < types.TicksPerMinute ||
		t.ID == types.DateTime && unit < 10000 || (t.ID == types.DateTime2 || t.ID == types.Time || t.ID == types.DateTimeOffset) && unit < pow10Ticks(t.Scale) {
		return bad()
	}
	v.I = day*types.TicksPerDay + tt/unit*unit
	return v, nil
}

// pow10Ticks is the tick length of one unit of fractional precision s.
func pow10Ticks(s uint8) int64 {
	n := int64(1)
	for i := s; i < 7; i++ {
		n *= 10
	}
	return n
}

func evalFromParts(c *Ctx, x *sem.Func, args []types.Value) (types.Value, *msgs.Error) {
	// The precision argument may not be NULL; any other NULL makes NULL.
	n := len(args)
	switch x.Name {
	case "DATETIME2FROMPARTS", "TIMEFROMPARTS", "DATETIMEOFFSETFROMPARTS":
		if args[n-1].K == types.KindNull {
			return types.Null, fnErr(10760, "Scale argument is not valid. Valid expressions for data type %ls scale argument are integer constants and integer constant expressions.", sem.TypeName(x.T))
		}
	}
	if anyNull(args) {
		return types.Null, nil
	}
	a := func(i int) int64 { return args[i].I }
	t := x.T
	switch x.Name {
	case "DATETIMEFROMPARTS":
		return types.DateTime2FromPartsValue(t, a(0), a(1), a(2), a(3), a(4), a(5), a(6), 3)
	case "SMALLDATETIMEFROMPARTS":
		v, err := types.DateTime2FromPartsValue(types.Type{ID: types.DateTime2, Scale: 0}, a(0), a(1), a(2), a(3), a(4), 0, 0, 0)
		if err != nil || v.I < types.Day1900*types.TicksPerDay || v.I >= (types.Day2079+1)*types.TicksPerDay {
			return types.Null, fnErr(289, "Cannot construct data type %ls, some of the arguments have values which are not valid.", "smalldatetime")
		}
		return v, nil
	case "DATETIME2FROMPARTS":
		return types.DateTime2FromPartsValue(t, a(0), a(1), a(2), a(3), a(4), a(5), a(6), a(7))
	case "TIMEFROMPARTS":
		return types.DateTime2FromPartsValue(t, 1900, 1, 1, a(0), a(1), a(2), a(3), a(4))
	case "DATETIMEOFFSETFROMPARTS":
		v, err := types.DateTime2FromPartsValue(types.Type{ID: types.DateTime2, Scale: t.Scale}, a(0), a(1), a(2), a(3), a(4), a(5), a(6), a(9))
		if err != nil {
			return types.Null, fnErr(289, "Cannot construct data type %ls, some of the arguments have values which are not valid.", "datetimeoffset")
		}
		oh, om := a(7), a(8)
		if oh < -14 || oh > 14 || om < -59 || om > 59 || oh > 0 && om < 0 || oh < 0 && om > 0 || (oh == 14 || oh == -14) && om != 0 {
			return types.Null, fnErr(289, "Cannot construct data type %ls, some of the arguments have values which are not valid.", "datetimeoffset")
		}
		v.Off = int16(oh*60 + om)
		return v, nil
	}
	return types.Null, nil
}

// parseOffset reads a time zone argument: '[+|-]hh:mm' or minutes.
func parseOffset(v types.Value, fn string) (int16, *msgs.Error) {
	bad := fnErr(9812, "The timezone provided to builtin function %.*ls is invalid.", strings.ToLower(fn))
	var mins int64
	if v.K == types.KindString {
		s := strings.TrimSpace(v.S)
		if len(s) != 6 || (s[0] != '+' && s[0] != '-') || s[3] != ':' {
			return 0, bad
		}
		d := func(i int) int64 { return int64(s[i]-'0')*10 + int64(s[i+1]-'0') }
		for _, i := range []int{1, 2, 4, 5} {
			if s[i] < '0' || s[i] > '9' {
				return 0, bad
			}
		}
		if d(4) > 59 {
			return 0, bad
		}
		mins = d(1)*60 + d(4)
		if s[0] == '-' {
			mins = -mins
		}
	} else {
		mins = v.I
	}
	if mins < -840 || mins > 840 {
		return 0, bad
	}
	return int16(mins), nil
}

func evalOffsetFuncs(c *Ctx, x *sem.Func, args []types.Value) (types.Value, *msgs.Error) {
	if anyNull(args) {
		return types.Null, nil
	}
	off, err := parseOffset(args[1], x.Name)
	if err != nil {
		return types.Null, err
	}
	v := args[0]
	if x.Name == "SWITCHOFFSET" {
		// Same instant, displayed at the new offset.
		v.I = types.UTCTicks(v) + int64(off)*types.TicksPerMinute
	}
	v.Off = off
	if v.I < 0 || v.I > types.MaxTicks {
		return types.Null, fnErr(517, "Adding a value to a '%ls' column caused an overflow.", "datetimeoffset")
	}
	return v, nil
}

func evalIsDate(c *Ctx, x *sem.Func, args []types.Value) (types.Value, *msgs.Error) {
	switch args[0].K {
	case types.KindNull:
		return intVal(0), nil
	case types.KindDateTime:
		return intVal(1), nil
	}
	if types.IsDate(args[0].S, c.dateFormat()) {
		return intVal(1), nil
	}
	return intVal(0), nil
}
