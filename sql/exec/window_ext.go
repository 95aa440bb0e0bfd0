package exec

import (
	"math"

	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

// windowDist computes PERCENT_RANK, CUME_DIST, PERCENTILE_CONT and
// PERCENTILE_DISC over one partition: part holds the partition's row
// indices in window order and peerEnd(i) is the first position after
// i's peers.
func (c *Ctx) windowDist(wf *sem.WinFunc, rows, out [][]types.Value, col int, part []int, peerEnd func(int) int) error {
	n := len(part)
	switch wf.Name {
	case "PERCENT_RANK", "CUME_DIST":
		for i := 0; i < n; {
			j := peerEnd(i)
			var v float64
			if wf.Name == "CUME_DIST" {
				v = float64(j) / float64(n)
			} else if n > 1 {
				v = float64(i) / float64(n-1)
			}
			for k := i; k < j; k++ {
				out[part[k]][col] = types.Value{K: types.KindFloat, F: v}
			}
			i = j
		}
		return nil
	}
	// Percentiles: every row of the partition gets the percentile of the
	// non-NULL ordering values, taken in the WITHIN GROUP order.
	key := wf.Order[0].X
	vals := make([]types.Value, 0, n)
	for _, ri := range part {
		v, err := c.Eval(key, rows[ri])
		if err != nil {
			return merr(err)
		}
		if v.K != types.KindNull {
			vals = append(vals, v)
		}
	}
	pv, err := c.Eval(wf.Args[0], rows[part[0]])
	if err != nil {
		return merr(err)
	}
	res := types.Null
	if len(vals) > 0 && pv.K != types.KindNull {
		p := pv.F
		if wf.Name == "PERCENTILE_DISC" {
			k := int(math.Ceil(p*float64(len(vals)))) - 1
			res = vals[min(max(k, 0), len(vals)-1)]
		} else {
			rn := p * float64(len(vals)-1)
			lo, hi := int(math.Floor(rn)), int(math.Ceil(rn))
			flo, err := c.toFloat(vals[lo], key.Type())
			if err != nil {
				return err
			}
			fhi, err := c.toFloat(vals[hi], key.Type())
			if err != nil {
				return err
			}
			res = types.Value{K: types.KindFloat, F: flo + (rn-float64(lo))*(fhi-flo)}
		}
	}
	for _, ri := range part {
		out[ri][col] = res
	}
	return nil
}

func (c *Ctx) toFloat(v types.Value, t types.Type) (float64, error) {
	f, err := Convert(v, t, sem.FloatType)
	if err != nil {
		return 0, merr(err)
	}
	return f.F, nil
}

// rangeFrame returns the [lo, hi) rows of an explicit RANGE frame for the
// row at position i of a partition of n rows.
func rangeFrame(rf *sem.RangeFrame, i, n int, peerEnd func(int) int) (int, int) {
	lo, hi := 0, n
	if !rf.StartUnbounded {
		// First peer of i: walk the peer groups from the start.
		for j := 0; j < n; {
			e := peerEnd(j)
			if e > i {
				lo = j
				break
			}
			j = e
		}
	}
	if !rf.EndUnbounded {
		hi = peerEnd(i)
	}
	return lo, hi
}

// incrementalFrame reports whether every row's frame of wf starts at the
// partition's first row (and so only grows): the aggregate can then be
// accumulated once across the partition instead of once per row, which
// keeps running totals and whole-partition aggregates O(n).
func incrementalFrame(wf *sem.WinFunc) bool {
	if wf.Name == "FIRST_VALUE" || wf.Name == "LAST_VALUE" {
		return false
	}
	if _, ext := extFinish[wf.Name]; ext {
		return false // their finish may consume state
	}
	if wf.Rows {
		return wf.Start == nil
	}
	return wf.Range == nil || wf.Range.StartUnbounded
}

// windowRunning computes an aggregate over growing frames (see
// incrementalFrame) for one partition.
func (c *Ctx) windowRunning(wf *sem.WinFunc, rows, out [][]types.Value, col int, part []int, peerEnd func(int) int) error {
	agg := sem.AggFunc{Name: wf.Name, Distinct: wf.Distinct, T: wf.T}
	if len(wf.Args) == 1 {
		agg.Arg = wf.Args[0]
	}
	var acc accum
	done, lastHi := 0, -1
	var v types.Value
	for i := range part {
		_, hi := c.frame(wf, i, len(part), peerEnd)
		for ; done < hi; done++ {
			if err := c.accumulate(&agg, &acc, rows[part[done]]); err != nil {
				return err
			}
		}
		if hi != lastHi {
			x, err := finish(&agg, &acc)
			if err != nil {
				return merr(err)
			}
			v, lastHi = x, hi
		}
		out[part[i]][col] = v
	}
	return nil
}
