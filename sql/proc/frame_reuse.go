package proc

import "github.com/tsqld/tsqld/sql/types"

// spareFrames are the sp_executesql parameter frames a session keeps
// between calls, one per recent parameter definition: a transaction's
// statements (UPDATE with two parameters, SELECT with one) alternate.
type spareFrames struct {
	f    [4]*spareFrame
	next int // slot the next new frame replaces
}

// spareFrame is an sp_executesql parameter frame kept between calls: a
// prepared or repeated parameterised statement (the OLTP case) declares
// the same parameters every time, so the frame's map, slices and
// signature are built once and reset instead of rebuilt per call.
type spareFrame struct {
	f     *frame
	defs  []paramDef // the cached definitions the frame was built from
	base  int        // parameter slots; later DECLAREs of the batch follow
	sig   string     // f.sig after the parameters
	slots []int      // parameter index → slot
	bound []int      // argument → parameter index (scratch)
	rc    runCtx     // the call's run context
	ok    bool       // reusable: no table-valued parameters
}

// paramFrame returns a frame with defs declared (all NULL) and the slot of
// each definition. The spare frame is reused when it was built from the
// same cached definitions (paramDefsCached returns the same slice while the
// text, database and catalog version are unchanged); it is taken out of
// the session while in use, so a nested sp_executesql builds its own.
// Table-valued parameters are never reused (declareTableParam state).
func (s *Session) paramFrame(defs []paramDef) (*frame, *spareFrame) {
	for i, sp := range s.spares.f {
		if sp != nil && sp.matches(defs) {
			s.spares.f[i] = nil
			return sp.f, sp
		}
	}
	f := newFrame(nil)
	f.reserve(len(defs))
	sp := &spareFrame{f: f, defs: defs, slots: make([]int, len(defs))}
	sp.ok = true
	for i, d := range defs {
		sp.slots[i], _ = f.declare(d.name, d.t, nil)
		if d.tt != nil {
			sp.ok = false
		}
	}
	sp.base, sp.sig = len(f.vals), f.sig.String()
	return f, sp
}

// matches reports whether sp was built from defs (the same cached slice;
// any two empty lists match: BEGIN TRAN, COMMIT and other calls without
// parameters).
func (sp *spareFrame) matches(defs []paramDef) bool {
	if !sp.ok || len(sp.defs) != len(defs) {
		return false
	}
	return len(defs) == 0 || &sp.defs[0] == &defs[0]
}

// recycleFrame keeps sp for the next call once its batch ended
// (releaseFrame ran): variables the batch declared are dropped and the
// parameters reset to NULL. A frame that held table variables, temporary
// objects or LOCAL cursors is not kept.
func (s *Session) recycleFrame(sp *spareFrame, hadCursors bool) {
	f := sp.f
	if !sp.ok || hadCursors || len(f.tables) > 0 || len(f.vals) < sp.base {
		return
	}
	if len(f.vals) > sp.base {
		for name, slot := range f.names {
			if slot >= sp.base {
				delete(f.names, name)
			}
		}
		clear(f.vals[sp.base:])
		clear(f.decl[sp.base:])
		f.types, f.vals, f.decl = f.types[:sp.base], f.vals[:sp.base], f.decl[:sp.base]
		// Strings returned by f.sig.String() alias its buffer: start a new
		// one rather than overwrite bytes a cached plan may hold.
		f.sig.Reset()
		f.sig.WriteString(sp.sig)
	}
	for i := range f.vals {
		f.vals[i] = types.Null
	}
	sp.rc = runCtx{}
	for i, o := range s.spares.f {
		if o == nil || o.matches(sp.defs) {
			s.spares.f[i] = sp
			return
		}
	}
	s.spares.f[s.spares.next] = sp
	s.spares.next = (s.spares.next + 1) % len(s.spares.f)
}

// hasLocalCursors reports whether frame f owns LOCAL cursors.
func (s *Session) hasLocalCursors(f *frame) bool {
	return s.feat != nil && s.feat.local[f] != nil
}
