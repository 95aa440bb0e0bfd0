package sysobj

import (
	"time"

	"github.com/tsqld/tsqld/sql/types"
)

// CursorInfo is one row of sys.dm_exec_cursors: a T-SQL cursor declared
// in a session (open or not).
type CursorInfo struct {
	SessionID int16
	CursorID  int32
	Name      string
	// Properties is SQL Server's "interface | type | concurrency | scope
	// (nesting level)" string, e.g. "TSQL | Keyset | Optimistic | Global (0)".
	Properties  string
	Created     time.Time
	Open        bool
	FetchStatus int64
	// Position is the current row's ordinal (ansi_position), 0 when the
	// cursor is before its first row or has no ordinal (dynamic).
	Position int64
}

// CursorEnv is implemented by Envs that know the session's cursors
// (sys.dm_exec_cursors); an Env without it lists none.
type CursorEnv interface {
	Cursors() []CursorInfo
}

func init() {
	// sys.dm_exec_cursors(session_id | 0): the function's argument filters
	// on session_id (0 = every session); the binder adds that filter
	// (Params = 1).
	v := defineFunc("dm_exec_cursors", "IF", `
session_id int
cursor_id int
name nvarchar(256)
properties nvarchar(256)
sql_handle varbinary(64) null
statement_start_offset int null
statement_end_offset int null
plan_generation_num bigint null
creation_time datetime
is_open bit
is_async_population bit
is_close_on_commit bit
fetch_status int
fetch_buffer_size int
fetch_buffer_start int
ansi_position int
worker_time bigint
reads bigint
writes bigint
dormant_duration bigint`, func(c *Ctx) [][]types.Value {
		ce, ok := c.Env.(CursorEnv)
		if !ok {
			return nil
		}
		null := types.Value{K: types.KindNull}
		var rows [][]types.Value
		for _, cu := range ce.Cursors() {
			rows = append(rows, []types.Value{vI(int64(cu.SessionID)), vI(int64(cu.CursorID)), vS(cu.Name), vS(cu.Properties),
				null, null, null, null, vT(cu.Created), vB(cu.Open), vB(false), vB(false), vI(cu.FetchStatus),
				vI(1), vI(0), vI(cu.Position), vI(0), vI(0), vI(0), vI(0)})
		}
		return rows
	})
	v.Params = 1
}
