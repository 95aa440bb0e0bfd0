package exec

import (
	"sort"

	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

// window materialises its input, computes each window function per
// partition in ORDER BY order, and emits the rows (in input order) with
// the results appended.
func (c *Ctx) window(w *sem.Window, y Yield) error {
	rows, err := c.collect(w.In)
	if err != nil {
		return err
	}
	n := len(w.In.Cols())
	out := make([][]types.Value, len(rows))
	for i, r := range rows {
		out[i] = make([]types.Value, n+len(w.Funcs))
		copy(out[i], r)
	}
	for fi := range w.Funcs {
		if err := c.windowFunc(&w.Funcs[fi], rows, out, n+fi); err != nil {
			return err
		}
	}
	for _, r := range out {
		if err := y(r); err != nil {
			return err
		}
	}
	return nil
}

func (c *Ctx) evalAll(es []sem.Expr, row []types.Value) ([]types.Value, error) {
	vs := make([]types.Value, len(es))
	for i, e := range es {
		v, err := c.Eval(e, row)
		if err != nil {
			return nil, merr(err)
		}
		vs[i] = v
	}
	return vs, nil
}

func (c *Ctx) windowFunc(wf *sem.WinFunc, rows, out [][]types.Value, col int) error {
	type rec struct {
		idx  int
		part []types.Value
		ord  []types.Value
	}
	recs := make([]rec, len(rows))
	ordExprs := make([]sem.Expr, len(wf.Order))
	for i, k := range wf.Order {
		ordExprs[i] = k.X
	}
	for i, r := range rows {
		p, err := c.evalAll(wf.Partition, r)
		if err != nil {
			return err
		}
		o, err := c.evalAll(ordExprs, r)
		if err != nil {
			return err
		}
		recs[i] = rec{i, p, o}
	}
	cmpKeys := func(a, b []types.Value, keys []sem.Expr, desc func(int) bool) int {
		for j := range a {
			cmp := compareNullsFirst(a[j], b[j], keys[j].Type())
			if cmp != 0 {
				if desc(j) {
					return -cmp
				}
				return cmp
			}
		}
		return 0
	}
	noDesc := func(int) bool { return false }
	ordDesc := func(j int) bool { return wf.Order[j].Desc }
	sort.SliceStable(recs, func(i, j int) bool {
		if c := cmpKeys(recs[i].part, recs[j].part, wf.Partition, noDesc); c != 0 {
			return c < 0
		}
		return cmpKeys(recs[i].ord, recs[j].ord, ordExprs, ordDesc) < 0
	})
	for start := 0; start < len(recs); {
		end := start + 1
		for end < len(recs) && cmpKeys(recs[start].part, recs[end].part, wf.Partition, noDesc) == 0 {
			end++
		}
		part := recs[start:end]
		peerEnd := func(i int) int { // first index after i's peers
			j := i + 1
			for j < len(part) && cmpKeys(part[i].ord, part[j].ord, ordExprs, ordDesc) == 0 {
				j++
			}
			return j
		}
		switch wf.Name {
		case "ROW_NUMBER":
			for i, r := range part {
				out[r.idx][col] = types.Value{K: types.KindInt, I: int64(i + 1)}
			}
		case "RANK", "DENSE_RANK":
			rank, dense := int64(0), int64(0)
			for i := 0; i < len(part); {
				j := peerEnd(i)
				dense++
				rank = int64(i + 1)
				for k := i; k < j; k++ {
					v := rank
					if wf.Name == "DENSE_RANK" {
						v = dense
					}
					out[part[k].idx][col] = types.Value{K: types.KindInt, I: v}
				}
				i = j
			}
		case "NTILE":
			nv, err := c.Eval(wf.Args[0], rows[part[0].idx])
			if err != nil {
				return merr(err)
			}
			buckets := nv.I
			if buckets <= 0 {
				buckets = 1
			}
			size, extra := int64(len(part))/buckets, int64(len(part))%buckets
			b, left := int64(1), size
			if extra > 0 {
				left++
			}
			for _, r := range part {
				if left == 0 {
					b++
					left = size
					if b <= extra {
						left++
					}
				}
				out[r.idx][col] = types.Value{K: types.KindInt, I: b}
				left--
			}
		case "LAG", "LEAD":
			off := int64(1)
			for i, r := range part {
				row := rows[r.idx]
				if len(wf.Args) > 1 {
					v, err := c.Eval(wf.Args[1], row)
					if err != nil {
						return merr(err)
					}
					off = v.I
				}
				j := int64(i) - off
				if wf.Name == "LEAD" {
					j = int64(i) + off
				}
				var v types.Value
				if j >= 0 && j < int64(len(part)) {
					x, err := c.Eval(wf.Args[0], rows[part[j].idx])
					if err != nil {
						return merr(err)
					}
					v = x
				} else if len(wf.Args) > 2 {
					x, err := c.Eval(wf.Args[2], row)
					if err != nil {
						return merr(err)
					}
					v = x
				}
				out[r.idx][col] = v
			}
		case "PERCENT_RANK", "CUME_DIST", "PERCENTILE_CONT", "PERCENTILE_DISC": // window_ext.go
			idx := make([]int, len(part))
			for i, r := range part {
				idx[i] = r.idx
			}
			if err := c.windowDist(wf, rows, out, col, idx, peerEnd); err != nil {
				return err
			}
		default:
			if incrementalFrame(wf) { // window_ext.go: running aggregates in O(n)
				idx := make([]int, len(part))
				for i, r := range part {
					idx[i] = r.idx
				}
				if err := c.windowRunning(wf, rows, out, col, idx, peerEnd); err != nil {
					return err
				}
				break
			}
			for i, r := range part {
				lo, hi := c.frame(wf, i, len(part), peerEnd)
				var v types.Value
				switch wf.Name {
				case "FIRST_VALUE", "LAST_VALUE":
					if lo < hi {
						k := lo
						if wf.Name == "LAST_VALUE" {
							k = hi - 1
						}
						x, err := c.Eval(wf.Args[0], rows[part[k].idx])
						if err != nil {
							return merr(err)
						}
						v = x
					}
				default:
					agg := sem.AggFunc{Name: wf.Name, Distinct: wf.Distinct, T: wf.T}
					if len(wf.Args) == 1 {
						agg.Arg = wf.Args[0]
					}
					var acc accum
					for k := lo; k < hi; k++ {
						if err := c.accumulate(&agg, &acc, rows[part[k].idx]); err != nil {
							return err
						}
					}
					x, merr2 := finish(&agg, &acc)
					if merr2 != nil {
						return merr(merr2)
					}
					v = x
				}
				out[r.idx][col] = v
			}
		}
		start = end
	}
	return nil
}

// frame returns the [lo, hi) rows of the frame of row i in a partition of
// n rows.
func (c *Ctx) frame(wf *sem.WinFunc, i, n int, peerEnd func(int) int) (int, int) {
	if wf.Range != nil {
		return rangeFrame(wf.Range, i, n, peerEnd) // window_ext.go
	}
	if wf.Rows {
		lo, hi := 0, n
		if wf.Start != nil {
			lo = i + int(*wf.Start)
		}
		if wf.End != nil {
			hi = i + int(*wf.End) + 1
		}
		return max(lo, 0), min(hi, n)
	}
	if len(wf.Order) == 0 {
		return 0, n
	}
	return 0, peerEnd(i)
}
