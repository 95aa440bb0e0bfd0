package exec

import (
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

// recursiveCTE runs the anchor, then the recursive member over the
// previous iteration's rows until it yields none (Msg 530 past
// MAXRECURSION).
func (c *Ctx) recursiveCTE(r *sem.RecursiveCTE, y Yield) error {
	rows, err := c.collect(r.Anchor)
	if err != nil {
		return err
	}
	if c.cteRows == nil {
		c.cteRows = map[*sem.CTERef][][]types.Value{}
	}
	defer delete(c.cteRows, r.Ref)
	for level := 0; len(rows) > 0; level++ {
		for _, row := range rows {
			if err := y(row); err != nil {
				return err
			}
		}
		c.cteRows[r.Ref] = rows
		next, err := c.collect(r.Recursive)
		if err != nil {
			return err
		}
		if len(next) > 0 && r.MaxRecursion > 0 && level >= r.MaxRecursion {
			// Only a level that yields rows counts as a recursion.
			return merr(msgOr(530, 16, "The statement terminated. The maximum recursion %d has been exhausted before statement completion.", r.MaxRecursion))
		}
		rows = next
	}
	return nil
}

func (c *Ctx) cteRef(r *sem.CTERef, y Yield) error {
	for _, row := range c.cteRows[r] {
		if err := y(row); err != nil {
			return err
		}
	}
	return nil
}
