package exec

import (
	"github.com/tsqld/tsqld/sql/plan"
	"github.com/tsqld/tsqld/sql/types"
)

// hashJoin builds a hash table on the right input and probes it with the
// left one. Keys are hashed by their collation-aware key encoding, so
// 'a' and 'A ' meet as the comparison would have it; NULL keys never
// match.
func (c *Ctx) hashJoin(j *plan.HashJoin, y Yield) error {
	table := map[string][][]types.Value{}
	key := make([]types.Value, len(j.RKeys))
	var buf []byte
	// string keys hash under their type's collation (plan.hashKeyFor
	// aligns both sides with the comparison's)
	lcolls, rcolls := exprColls(j.LKeys), exprColls(j.RKeys)
	err := c.run(j.R, func(row []types.Value) error {
		for i, k := range j.RKeys {
			v, err := c.Eval(k, row)
			if err != nil {
				return merr(err)
			}
			if v.K == types.KindNull {
				return nil
			}
			key[i] = v
		}
		buf = EncodeKeyColl(buf[:0], key, nil, rcolls)
		table[string(buf)] = append(table[string(buf)], copyRow(row))
		return nil
	})
	if err != nil {
		return err
	}
	if len(table) == 0 {
		return nil
	}
	nl := len(j.L.Cols())
	out := make([]types.Value, nl+len(j.R.Cols()))
	return c.run(j.L, func(row []types.Value) error {
		for i, k := range j.LKeys {
			v, err := c.Eval(k, row)
			if err != nil {
				return merr(err)
			}
			if v.K == types.KindNull {
				return nil
			}
			key[i] = v
		}
		buf = EncodeKeyColl(buf[:0], key, nil, lcolls)
		matches := table[string(buf)]
		if len(matches) == 0 {
			return nil
		}
		copy(out, row)
		for _, r := range matches {
			copy(out[nl:], r)
			if j.Residual != nil {
				v, err := c.Eval(j.Residual, out)
				if err != nil {
					return merr(err)
				}
				if v.K == types.KindNull || v.I == 0 {
					continue
				}
			}
			if err := y(out); err != nil {
				return err
			}
		}
		return nil
	})
}
