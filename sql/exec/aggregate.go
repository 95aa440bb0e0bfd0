package exec

import (
	"math"

	"github.com/cockroachdb/apd/v3"

	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

type accum struct {
	count    int64
	sumI     int64
	sumF     float64
	sumSq    float64
	sumD     apd.Decimal
	best     types.Value
	has      bool
	distinct map[string]bool
	// ext is the state of aggregates in aggregate_ext.go (STRING_AGG …).
	ext any
}

type group struct {
	vals []types.Value
	acc  []accum
}

func (c *Ctx) aggregate(r *sem.Aggregate, y Yield) error {
	groups := map[string]*group{}
	var order []*group
	gv := make([]types.Value, len(r.Groups))
	var kb []byte // group key, reused: the map lookup below does not allocate
	gcolls := exprColls(r.Groups)
	err := c.runPruned(r, func(row []types.Value) error {
		for i, g := range r.Groups {
			v, err := c.Eval(g, row)
			if err != nil {
				return merr(err)
			}
			gv[i] = v
		}
		kb = EncodeKeyColl(kb[:0], gv, nil, gcolls)
		g := groups[string(kb)]
		if g == nil {
			g = &group{vals: copyRow(gv), acc: make([]accum, len(r.Aggs))}
			groups[string(kb)] = g
			order = append(order, g)
		}
		for i := range r.Aggs {
			if err := c.accumulate(&r.Aggs[i], &g.acc[i], row); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if len(order) == 0 && r.Scalar {
		order = append(order, &group{acc: make([]accum, len(r.Aggs))})
	}
	out := make([]types.Value, len(r.Groups)+len(r.Aggs))
	for _, g := range order {
		copy(out, g.vals)
		for i := range r.Aggs {
			v, err := finish(&r.Aggs[i], &g.acc[i])
			if err != nil {
				return merr(err)
			}
			out[len(r.Groups)+i] = v
		}
		if err := y(out); err != nil {
			return err
		}
	}
	return nil
}

func (c *Ctx) accumulate(a *sem.AggFunc, acc *accum, row []types.Value) error {
	if f, ok := extAccumulate[a.Name]; ok {
		return f(c, a, acc, row)
	}
	if a.Arg == nil {
		acc.count++
		return nil
	}
	v, ok, err := c.aggInput(a, acc, row)
	if !ok {
		return err
	}
	acc.count++
	switch a.Name {
	case "SUM", "AVG":
		switch v.K {
		case types.KindInt, types.KindMoney, types.KindBool:
			s := acc.sumI + v.I
			if (s > acc.sumI) != (v.I > 0) && v.I != 0 {
				return merr(msgs.New(8115, "expression", typeName(a.T)))
			}
			acc.sumI = s
			if a.T.ID == types.Int && (s > math.MaxInt32 || s < math.MinInt32) {
				return merr(msgs.New(8115, "expression", "int"))
			}
		case types.KindFloat:
			acc.sumF += v.F
		case types.KindDecimal:
			decCtx.Add(&acc.sumD, &acc.sumD, &v.Dec)
		}
	case "STDEV", "STDEVP", "VAR", "VARP":
		f, _ := Convert(v, a.Arg.Type(), sem.FloatType)
		acc.sumF += f.F
		acc.sumSq += f.F * f.F
	case "MIN", "MAX":
		if !acc.has {
			acc.best, acc.has = cloneValue(v), true
			return nil
		}
		cmp := Compare(v, acc.best, a.T)
		if (a.Name == "MIN" && cmp < 0) || (a.Name == "MAX" && cmp > 0) {
			acc.best = cloneValue(v)
		}
	}
	return nil
}

func cloneValue(v types.Value) types.Value {
	if v.K == types.KindDecimal {
		var d apd.Decimal
		d.Set(&v.Dec)
		v.Dec = d
	}
	if v.B != nil {
		v.B = append([]byte(nil), v.B...)
	}
	return v
}

func finish(a *sem.AggFunc, acc *accum) (types.Value, *msgs.Error) {
	if f, ok := extFinish[a.Name]; ok {
		return f(a, acc)
	}
	switch a.Name {
	case "COUNT", "COUNT_BIG":
		return types.Value{K: types.KindInt, I: acc.count}, nil
	case "MIN", "MAX":
		if !acc.has {
			return types.Null, nil
		}
		return acc.best, nil
	}
	if acc.count == 0 {
		return types.Null, nil
	}
	switch a.Name {
	case "SUM":
		switch sem.KindOf(a.T.ID) {
		case types.KindInt, types.KindMoney:
			return types.Value{K: sem.KindOf(a.T.ID), I: acc.sumI}, nil
		case types.KindFloat:
			return types.Value{K: types.KindFloat, F: acc.sumF}, nil
		case types.KindDecimal:
			return Convert(types.Value{K: types.KindDecimal, Dec: acc.sumD}, a.T, a.T)
		}
	case "AVG":
		switch sem.KindOf(a.T.ID) {
		case types.KindInt:
			return types.Value{K: types.KindInt, I: acc.sumI / acc.count}, nil
		case types.KindMoney:
			return types.Value{K: types.KindMoney, I: acc.sumI / acc.count}, nil
		case types.KindFloat:
			return types.Value{K: types.KindFloat, F: acc.sumF / float64(acc.count)}, nil
		case types.KindDecimal:
			var d apd.Decimal
			c := decCtx
			c.Rounding = apd.RoundDown
			c.Quo(&d, &acc.sumD, apd.New(acc.count, 0))
			var q apd.Decimal
			c.Quantize(&q, &d, -int32(a.T.Scale))
			return types.Value{K: types.KindDecimal, Dec: q}, nil
		}
	case "VAR", "VARP", "STDEV", "STDEVP":
		n := float64(acc.count)
		mean := acc.sumF / n
		v := acc.sumSq/n - mean*mean
		if a.Name == "VAR" || a.Name == "STDEV" {
			if acc.count < 2 {
				return types.Null, nil
			}
			v = v * n / (n - 1)
		}
		if v < 0 {
			v = 0
		}
		if a.Name == "STDEV" || a.Name == "STDEVP" {
			v = math.Sqrt(v)
		}
		return types.Value{K: types.KindFloat, F: v}, nil
	}
	return types.Null, nil
}

// aggInput evaluates an aggregate's argument for one input row: ok is
// false when the row does not count — a NULL (eliminated, which warning
// 8153 reports) or, under DISTINCT, a value already seen.
func (c *Ctx) aggInput(a *sem.AggFunc, acc *accum, row []types.Value) (types.Value, bool, error) {
	v, err := c.Eval(a.Arg, row)
	if err != nil {
		return v, false, merr(err)
	}
	if v.K == types.KindNull {
		if !c.nullElim {
			c.nullEliminated() // null_warn.go: warning 8153
		}
		return v, false, nil
	}
	if a.Distinct {
		if acc.distinct == nil {
			acc.distinct = map[string]bool{}
		}
		k := string(EncodeKey(nil, []types.Value{v}, nil))
		if acc.distinct[k] {
			return v, false, nil
		}
		acc.distinct[k] = true
	}
	return v, true, nil
}
