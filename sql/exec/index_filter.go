package exec

import (
	"strings"
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

// filterCache holds bound filters by text and column layout: index writes
// of a filtered index bind once, not per row.
var filterCache sync.Map // string -> sem.Expr

// filterOpts are the SET options a filtered index is evaluated under:
// SQL Server requires the ANSI settings for them, whatever the session's.
var filterOpts = session.Defaults(true)

// inFilter reports whether row belongs in filtered index ix.
func (t *Table) inFilter(ix *catalog.Index, row []types.Value) (bool, error) {
	def := t.def()
	var kb strings.Builder
	kb.WriteString(ix.Filter)
	for _, c := range def.Columns {
		kb.WriteByte(0)
		kb.WriteString(c.Name)
	}
	key := kb.String()
	x, ok := filterCache.Load(key)
	if !ok {
		if CompileFilter == nil {
			return true, nil
		}
		e, m := CompileFilter(def, ix.Filter)
		if m != nil {
			return false, m
		}
		filterCache.Store(key, e)
		x = e
	}
	c := &Ctx{Opts: &filterOpts}
	v, m := c.Eval(x.(sem.Expr), row)
	if m != nil {
		return false, m
	}
	return v.K != types.KindNull && v.I != 0, nil
}
