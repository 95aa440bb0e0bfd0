package exec

import "github.com/tsqld/tsqld/sql/types"

// CurrentIdentity is IDENT_CURRENT: the last identity value generated for
// the table (the seed when none was, with generated=false). It initialises
// the counter from the stored rows exactly as NextIdentity would, so the
// two always agree.
func (t *Table) CurrentIdentity(cs *Counters, col int) (value int64, generated bool, err error) {
	id := t.def().Columns[col].Identity
	cs.mu.Lock()
	defer cs.mu.Unlock()
	c := cs.get(t.DB, t.Obj.ID)
	if !c.idInit {
		ident := id.Seed - id.Increment
		seen := false
		err := t.Scan(func(_ []byte, row []types.Value) error {
			v := row[col]
			if v.K == types.KindNull {
				return nil
			}
			n := v.I
			if v.K == types.KindDecimal {
				n, _ = v.Dec.Int64()
			}
			if !seen || (id.Increment > 0 && n > ident) || (id.Increment < 0 && n < ident) {
				ident = n
				seen = true
			}
			return nil
		})
		if err != nil {
			return 0, false, err
		}
		c.idInit, c.identity = true, ident
	}
	if c.identity == id.Seed-id.Increment {
		return id.Seed, false, nil
	}
	return c.identity, true, nil
}
