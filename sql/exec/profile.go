package exec

import (
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

// Profile counts, per operator (bound Rel), the rows it produced and how
// many times it was run: the actual Rows and Executes columns of SET
// STATISTICS PROFILE. run() wraps each operator's consumer when a Ctx
// carries a Profile; without one nothing is counted.
type Profile struct {
	stats map[sem.Rel]*OpStats
	// Root is the first tree Run executed: the statement's plan.
	Root sem.Rel
}

// OpStats is one operator's actual counts.
type OpStats struct{ Rows, Executes int64 }

// NewProfile returns an empty profile.
func NewProfile() *Profile { return &Profile{stats: map[sem.Rel]*OpStats{}} }

// Stats returns rel's counts; ok is false for an operator that never ran.
func (p *Profile) Stats(rel sem.Rel) (OpStats, bool) {
	if st := p.stats[rel]; st != nil {
		return *st, true
	}
	return OpStats{}, false
}

func (p *Profile) wrap(rel sem.Rel, y Yield) Yield {
	st := p.stats[rel]
	if st == nil {
		st = &OpStats{}
		p.stats[rel] = st
	}
	st.Executes++
	return func(row []types.Value) error {
		st.Rows++
		return y(row)
	}
}
