package exec

import (
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
	"github.com/tsqld/tsqld/sql/tz"
)

func init() {
	registerEval(evalAtTimeZone, sem.FuncAtTimeZone)
}

// evalAtTimeZone is x AT TIME ZONE zone. args[0] is datetimeoffset (offset
// +00:00 when the input had none), args[1] the zone name, args[2] 1 when
// args[0]'s wall time is to be read in the zone (datetime, datetime2,
// smalldatetime input), 0 when it is an instant to present there.
func evalAtTimeZone(c *Ctx, x *sem.Func, args []types.Value) (types.Value, *msgs.Error) {
	if args[0].K == types.KindNull || args[1].K == types.KindNull {
		return types.Null, nil
	}
	z := tz.Find(args[1].S)
	if z == nil {
		return types.Null, fnErr(9820, "The time zone parameter '%.*ls' provided to AT TIME ZONE clause is invalid.", args[1].S)
	}
	v := args[0]
	var ticks int64
	var off int16
	if args[2].I == 1 {
		ticks, off = z.FromLocal(v.I)
	} else {
		ticks, off = z.FromUTC(types.UTCTicks(v))
	}
	if ticks < 0 || ticks > types.MaxTicks || ticks-int64(off)*types.TicksPerMinute < 0 ||
		ticks-int64(off)*types.TicksPerMinute > types.MaxTicks {
		return types.Null, fnErr(517, "Adding a value to a '%ls' column caused an overflow.", "datetimeoffset")
	}
	return types.DateTimeOffsetValue(ticks, off), nil
}
