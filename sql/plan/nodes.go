package plan

import "github.com/tsqld/tsqld/sql/sem"

// HashJoin is an inner equi-join: rows of R are hashed on RKeys, rows of
// L probe with LKeys; Residual (over the joined row) filters matches.
// The output row is L's columns then R's.
type HashJoin struct {
	L, R         sem.Rel
	LKeys, RKeys []sem.Expr
	Residual     sem.Expr
	Out          []sem.Column
}

// Cols implements sem.Rel.
func (j *HashJoin) Cols() []sem.Column { return j.Out }
