package proc

import (
	"sort"

	"github.com/tsqld/tsqld/sql/sysobj"
)

// Cursors implements sysobj.CursorEnv (sys.dm_exec_cursors): the cursors
// declared in this session. Other sessions' cursors are not listed (their
// state is not shared), so dm_exec_cursors(0) shows the caller's only.
func (s *Session) Cursors() []sysobj.CursorInfo {
	f := s.feat
	if f == nil {
		return nil
	}
	var cs []*cursor
	for _, c := range f.global {
		cs = append(cs, c)
	}
	for _, m := range f.local {
		for _, c := range m {
			cs = append(cs, c)
		}
	}
	sort.Slice(cs, func(i, j int) bool { return cs[i].id < cs[j].id })
	out := make([]sysobj.CursorInfo, 0, len(cs))
	for _, c := range cs {
		kind := c.kind
		if !c.open {
			kind, _ = s.cursorKindFor(c)
		}
		pos := int64(0)
		if kind == curStatic || kind == curKeyset {
			pos = int64(c.pos)
		}
		out = append(out, sysobj.CursorInfo{SessionID: s.cfg.SPID, CursorID: c.id, Name: c.name,
			Properties: c.properties(kind), Created: c.created, Open: c.open, FetchStatus: c.lastFetch, Position: pos})
	}
	return out
}

// properties renders dm_exec_cursors.properties: declaration interface,
// type (STATIC shows as Snapshot), concurrency, scope (nesting level).
func (c *cursor) properties(kind cursorKind) string {
	typ := "Snapshot"
	switch kind {
	case curKeyset:
		typ = "Keyset"
	case curDynamic:
		typ = "Dynamic"
	case curFastForward:
		typ = "Fast_Forward"
	}
	conc := "Optimistic"
	switch {
	case c.readOnly || kind == curStatic || kind == curFastForward:
		conc = "Read Only"
	case hasOpt(c.decl.Options, "SCROLL_LOCKS"):
		conc = "Scroll Locks"
	}
	scope := "Local"
	if c.global {
		scope = "Global"
	}
	return "TSQL | " + typ + " | " + conc + " | " + scope + " (0)"
}
