package exec

import (
	"sort"
	"strings"

	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

// Accumulators of the aggregates bound in sem/aggregate_ext.go.

// Filled by init: literals would be initialization cycles through
// Ctx.run.
var (
	extAccumulate = map[string]func(c *Ctx, a *sem.AggFunc, acc *accum, row []types.Value) error{}
	extFinish     = map[string]func(a *sem.AggFunc, acc *accum) (types.Value, *msgs.Error){}
)

func init() {
	extAccumulate["STRING_AGG"], extFinish["STRING_AGG"] = accStringAgg, finishStringAgg
	extAccumulate["CHECKSUM_AGG"], extFinish["CHECKSUM_AGG"] = accChecksumAgg, finishChecksumAgg
}

type stringAggItem struct {
	sep, val string
	keys     []types.Value
	seq      int
}

func accStringAgg(c *Ctx, a *sem.AggFunc, acc *accum, row []types.Value) error {
	v, ok, err := c.aggInput(a, acc, row)
	if !ok {
		return err
	}
	sep, sepErr := c.Eval(a.Extra[0], row)
	if sepErr != nil {
		return merr(sepErr)
	}
	it := stringAggItem{sep: sep.S, val: v.S, seq: int(acc.count)}
	for _, k := range a.Order {
		kv, err := c.Eval(k.X, row)
		if err != nil {
			return merr(err)
		}
		it.keys = append(it.keys, cloneValue(kv))
	}
	items, _ := acc.ext.([]stringAggItem)
	acc.ext = append(items, it)
	acc.count++
	return nil
}

func finishStringAgg(a *sem.AggFunc, acc *accum) (types.Value, *msgs.Error) {
	items, _ := acc.ext.([]stringAggItem)
	if len(items) == 0 {
		return types.Null, nil
	}
	if len(a.Order) > 0 {
		sort.SliceStable(items, func(i, j int) bool {
			for k, key := range a.Order {
				r := Compare(items[i].keys[k], items[j].keys[k], key.X.Type())
				if r != 0 {
					return r < 0 != key.Desc
				}
			}
			return false
		})
	}
	var b strings.Builder
	for i, it := range items {
		if i > 0 {
			b.WriteString(it.sep)
		}
		b.WriteString(it.val)
	}
	s := b.String()
	if a.T.Length != types.MaxLength {
		n := len(s)
		if a.T.ID == types.NVarChar {
			n = 2 * len([]rune(s))
		}
		if n > 8000 {
			return types.Null, fnErr(9829, "STRING_AGG aggregation result exceeded the limit of 8000 bytes. Use LOB types to avoid result truncation.")
		}
	}
	return strVal(s), nil
}

func accChecksumAgg(c *Ctx, a *sem.AggFunc, acc *accum, row []types.Value) error {
	v, ok, err := c.aggInput(a, acc, row)
	if !ok {
		return err
	}
	acc.sumI ^= int64(int32(v.I))
	acc.count++
	return nil
}

func finishChecksumAgg(a *sem.AggFunc, acc *accum) (types.Value, *msgs.Error) {
	if acc.count == 0 {
		return types.Null, nil
	}
	return intVal(acc.sumI), nil
}
