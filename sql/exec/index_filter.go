package exec

import (
	"sync"

	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/session"
	"github.com/tsqld/tsqld/sql/types"
)

// CompileFilter binds a filtered index's WHERE text over a table's
// columns. sql/proc sets it (exec may not parse); filtered indexes cannot
// be maintained without it.
var CompileFilter func(def *catalog.Table, text string) (sem.Expr, *msgs.Error)

// filterCache holds bound filters by table definition and filter text,
// so index writes of a filtered index bind once, not per row. A table's
// definition is replaced by DDL; the cache is emptied when it grows past
// filterCacheMax instead of tracking those replacements.
var filterCache struct {
	sync.RWMutex
	m map[filterKey]sem.Expr
}

type filterKey struct {
	def    *catalog.Table
	filter string
}

const filterCacheMax = 4096

// filterOpts are the SET options a filtered index is evaluated under:
// SQL Server requires the ANSI settings for them, whatever the session's.
var filterOpts = session.Defaults(true)

// inFilter reports whether row belongs in filtered index ix.
func (t *Table) inFilter(ix *catalog.Index, row []types.Value) (bool, error) {
	def := t.def()
	key := filterKey{def, ix.Filter}
	filterCache.RLock()
	x, ok := filterCache.m[key]
	filterCache.RUnlock()
	if !ok {
		if CompileFilter == nil {
			return true, nil
		}
		e, m := CompileFilter(def, ix.Filter)
		if m != nil {
			return false, m
		}
		filterCache.Lock()
		if filterCache.m == nil || len(filterCache.m) >= filterCacheMax {
			filterCache.m = map[filterKey]sem.Expr{}
		}
		filterCache.m[key] = e
		filterCache.Unlock()
		x = e
	}
	c := &Ctx{Opts: &filterOpts}
	v, m := c.Eval(x, row)
	if m != nil {
		return false, m
	}
	return v.K != types.KindNull && v.I != 0, nil
}
