package proc

import (
	"strings"

	"github.com/tsqld/tsqld/sql/catalog"
)

// featState is the session state of the procedural features (triggers,
// cursors); it is created on first use so sessions that never touch them
// pay nothing.
type featState struct {
	// trig is the stack of running triggers (innermost last).
	trig []*trigFrame
	// cursors: global cursors by lower-case name; local ones live on the
	// frame that declared them (localCursors).
	global map[string]*cursor
	local  map[*frame]map[string]*cursor
	// fetchStatus is @@FETCH_STATUS; cursorRows @@CURSOR_ROWS.
	fetchStatus int64
	cursorRows  int64
	// cursorSeq numbers the session's cursors (sys.dm_exec_cursors).
	cursorSeq int32
	// autoTx is the autocommit transaction a trigger made look explicit.
	autoTx *txnState
}

// trigFrame is one running trigger: its pseudo-tables and the columns
// the statement assigned (UPDATE()).
type trigFrame struct {
	obj       *catalog.Object
	inserted  *catalog.Object
	deleted   *catalog.Object
	updated   []bool
	tableObj  *catalog.Object
	callerFrm *frame
}

func (s *Session) features() *featState {
	if s.feat == nil {
		s.feat = &featState{global: map[string]*cursor{}, local: map[*frame]map[string]*cursor{}}
	}
	return s.feat
}

// PseudoTable resolves the inserted/deleted tables of the running trigger
// (sem.PseudoTables); nil outside triggers.
func (e *bindEnv) PseudoTable(name string) *catalog.Object {
	f := e.s.feat
	if f == nil || len(f.trig) == 0 {
		return nil
	}
	t := f.trig[len(f.trig)-1]
	if t.callerFrm != nil && e.s.frame != t.callerFrm {
		// Only the trigger's own body (not procedures it calls) sees them.
		return nil
	}
	switch strings.ToLower(name) {
	case "inserted":
		e.private = true
		return t.inserted
	case "deleted":
		e.private = true
		return t.deleted
	}
	return nil
}
