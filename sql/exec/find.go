package exec

import (
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

// KeyRow is a stored row with its storage key.
type KeyRow struct {
	Key []byte
	Row []types.Value
}

// FindRows returns the rows of t matching cond (nil = all), using a unique
// index lookup when cond pins one down. Rows are materialised before any
// change is made (Halloween protection for UPDATE/DELETE).
func (c *Ctx) FindRows(t *Table, cond sem.Expr) ([]KeyRow, error) {
	var out []KeyRow
	keep := func(key []byte, row []types.Value) error {
		if cond != nil {
			v, err := c.Eval(cond, row)
			if err != nil {
				return merr(err)
			}
			if v.K == types.KindNull || v.I == 0 {
				return nil
			}
		}
		out = append(out, KeyRow{Key: append([]byte(nil), key...), Row: copyRow(row)})
		return nil
	}
	if cond != nil {
		if key, row, ok, done, err := c.seekForDML(t, cond); done {
			if err != nil || !ok {
				return nil, err
			}
			return out, keep(key, row)
		}
	}
	return out, t.Scan(keep)
}

// seekForDML finds the single row a unique-key equality selects.
func (c *Ctx) seekForDML(t *Table, cond sem.Expr) (key []byte, row []types.Value, ok, done bool, err error) {
	sc := &sem.Scan{Table: sem.TableRef{DB: t.DB, Obj: t.Obj}}
	var gotRow []types.Value
	handled, rerr := c.trySeekKey(sc, cond, func(k []byte, r []types.Value) error {
		key, gotRow = append([]byte(nil), k...), copyRow(r)
		return nil
	})
	if !handled {
		return nil, nil, false, false, nil
	}
	return key, gotRow, gotRow != nil, true, rerr
}
