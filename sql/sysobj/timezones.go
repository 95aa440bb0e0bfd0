package sysobj

import (
	"time"

	"github.com/tsqld/tsqld/sql/types"
	"github.com/tsqld/tsqld/sql/tz"
)

func init() {
	// sys.time_zone_info: the zones AT TIME ZONE accepts, with their offset
	// and daylight-saving state at the time of the query.
	defineServer("sys", "time_zone_info", `
name sysname
current_utc_offset nvarchar(12)
is_currently_dst bit`, func(c *Ctx) [][]types.Value {
		now := time.Now()
		zones := tz.All()
		rows := make([][]types.Value, 0, len(zones))
		for _, z := range zones {
			off, dst := z.Current(now)
			rows = append(rows, []types.Value{vS(z.Name), vS(tz.FormatOffset(off)), vB(dst)})
		}
		return rows
	})
}
