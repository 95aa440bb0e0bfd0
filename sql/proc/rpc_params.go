package proc

import (
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/types"
)

// paramIndex finds the definition named name. Clients send named
// arguments in definition order (@p1..@pN), so the definition at the
// argument's own position is tried first: a 500-row parameterised INSERT
// has 2000 arguments, and scanning the definitions for each one was
// quadratic (most of the statement's CPU). Otherwise the last definition
// with that name wins, as before (duplicates share one frame slot).
func paramIndex(defs []paramDef, name string, hint int) int {
	if hint >= 0 && hint < len(defs) && strings.EqualFold(defs[hint].name, name) {
		return hint
	}
	idx := -1
	for j, d := range defs {
		if strings.EqualFold(d.name, name) {
			idx = j
		}
	}
	return idx
}

// cachedDefs is a parsed sp_executesql parameter definition, valid for one
// database and catalog version (alias and table types resolve through the
// catalog).
type cachedDefs struct {
	db      int32
	version uint64
	defs    []paramDef
}

// maxDefCache bounds a session's cache of parameter definitions; a client
// cycling through more definitions than this just re-parses.
const maxDefCache = 64

// paramDefsCached is parseParamDefs with a per-session cache: clients send
// the same definition with every execution, and a 500-row INSERT's
// definition is a 2000-variable DECLARE to parse and bind each time.
// Definitions with table types are not cached (their paramDefs are
// prepared in place); the others are only read, so the cached slice is
// shared.
func (s *Session) paramDefsCached(text string) ([]paramDef, *msgs.Error) {
	version := s.cat().Version()
	if c := s.defCache[text]; c != nil && c.db == s.db.ID && c.version == version {
		return c.defs, nil
	}
	defs, merr := s.parseParamDefs(text)
	if merr != nil || len(defs) == 0 {
		return defs, merr
	}
	for i := range defs {
		if defs[i].tt != nil {
			return defs, nil
		}
	}
	if s.defCache == nil || len(s.defCache) >= maxDefCache {
		s.defCache = map[string]*cachedDefs{}
	}
	s.defCache[text] = &cachedDefs{db: s.db.ID, version: version, defs: defs}
	return defs, nil
}

// reserve sizes an empty frame for n variables, so declaring a large
// parameter list does not grow the map and slices step by step.
func (f *frame) reserve(n int) {
	if n < 8 || len(f.vals) > 0 {
		return
	}
	f.names = make(map[string]int, n)
	f.types = make([]types.Type, 0, n)
	f.vals = make([]types.Value, 0, n)
	f.decl = make([]ast.Node, 0, n)
	f.sig.Grow(n * 12)
}
