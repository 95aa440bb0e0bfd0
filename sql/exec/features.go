package exec

import (
	"sort"

	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

// feature runs the query-feature operators (sem.FeatureRel): APPLY,
// GROUPING SETS, UNPIVOT.
func (c *Ctx) feature(rel sem.FeatureRel, y Yield) error {
	switch r := rel.(type) {
	case *sem.Apply:
		return c.apply(r, y)
	case *sem.GroupingSets:
		return c.groupingSets(r, y)
	case *sem.Unpivot:
		return c.unpivot(r, y)
	case *rowsRel:
		for _, row := range r.rows {
			if err := y(row); err != nil {
				return err
			}
		}
		return nil
	}
	return merr(msgs.New(8180))
}

// apply runs R once per row of L with that row as the innermost outer row.
func (c *Ctx) apply(r *sem.Apply, y Yield) error {
	nl := len(r.L.Cols())
	row := make([]types.Value, nl+len(r.R.Cols()))
	return c.run(r.L, func(lrow []types.Value) error {
		copy(row, lrow)
		c.outer = append(c.outer, copyRow(lrow))
		matched, stopped := false, false
		err := c.run(r.R, func(rrow []types.Value) error {
			matched = true
			copy(row[nl:], rrow)
			err := y(row)
			stopped = err == errStop
			return err
		})
		c.outer = c.outer[:len(c.outer)-1]
		if err == errStop && !stopped {
			// A TOP inside R ended R only.
			err = nil
		}
		if err != nil {
			return err
		}
		if !matched && r.Outer {
			for i := nl; i < len(row); i++ {
				row[i] = types.Null
			}
			return y(row)
		}
		return nil
	})
}

// rowsRel replays materialised rows (the input of every grouping set).
type rowsRel struct {
	rows [][]types.Value
	cols []sem.Column
}

func (r *rowsRel) Cols() []sem.Column           { return r.cols }
func (r *rowsRel) Inputs() []sem.Rel            { return nil }
func (r *rowsRel) WithInputs([]sem.Rel) sem.Rel { return r }

// groupingSets aggregates the input once per grouping set; grouping
// expressions outside the set are NULL and GROUPING/GROUPING_ID report
// them.
func (c *Ctx) groupingSets(r *sem.GroupingSets, y Yield) error {
	rows, err := c.collect(r.In)
	if err != nil {
		return err
	}
	src := &rowsRel{rows: rows, cols: r.In.Cols()}
	var plain []sem.AggFunc
	pos := make([]int, len(r.Aggs)) // index into plain, or -1
	for i, a := range r.Aggs {
		pos[i] = -1
		if a.Name != "GROUPING" && a.Name != "GROUPING_ID" {
			pos[i] = len(plain)
			plain = append(plain, a)
		}
	}
	ng := len(r.Groups)
	type outRow struct {
		vals   []types.Value
		rolled []bool // group i is aggregated away
	}
	var outs []outRow
	for _, set := range r.Sets {
		groups := make([]sem.Expr, len(set))
		rolled := make([]bool, ng)
		for i := range rolled {
			rolled[i] = true
		}
		for i, gi := range set {
			groups[i] = r.Groups[gi]
			rolled[gi] = false
		}
		agg := &sem.Aggregate{In: src, Groups: groups, Aggs: plain, Scalar: len(set) == 0}
		err := c.aggregate(agg, func(arow []types.Value) error {
			vals := make([]types.Value, ng+len(r.Aggs))
			for i := range ng {
				vals[i] = types.Null
			}
			for i, gi := range set {
				vals[gi] = arow[i]
			}
			for i, a := range r.Aggs {
				if pos[i] >= 0 {
					vals[ng+i] = arow[len(set)+pos[i]]
					continue
				}
				var id int64
				for _, x := range a.Extra {
					id <<= 1
					if rolled[x.(*sem.Const).V.I] {
						id |= 1
					}
				}
				vals[ng+i] = types.Value{K: types.KindInt, I: id}
			}
			outs = append(outs, outRow{vals: vals, rolled: rolled})
			return nil
		})
		if err != nil {
			return err
		}
	}
	if r.Ordered {
		// Each group's detail rows, then its subtotal: the order of SQL
		// Server's stream aggregate.
		sort.SliceStable(outs, func(a, b int) bool {
			ra, rb := outs[a], outs[b]
			for i := range ng {
				if ra.rolled[i] != rb.rolled[i] {
					return rb.rolled[i]
				}
				if ra.rolled[i] {
					continue
				}
				if cmp := compareNullsFirst(ra.vals[i], rb.vals[i], r.Groups[i].Type()); cmp != 0 {
					return cmp < 0
				}
			}
			return false
		})
	}
	for _, o := range outs {
		if err := y(o.vals); err != nil {
			return err
		}
	}
	return nil
}

// unpivot emits one row per non-NULL unpivoted column of each input row.
func (c *Ctx) unpivot(r *sem.Unpivot, y Yield) error {
	nk := len(r.Keep)
	out := make([]types.Value, nk+2)
	names := make([]types.Value, len(r.Names))
	for i, n := range r.Names {
		names[i] = types.Value{K: types.KindString, S: n}
	}
	return c.run(r.In, func(row []types.Value) error {
		for i, k := range r.Keep {
			out[i] = row[k]
		}
		for j, col := range r.Columns {
			v := row[col]
			if v.K == types.KindNull {
				continue
			}
			if r.NameFst {
				out[nk], out[nk+1] = names[j], v
			} else {
				out[nk], out[nk+1] = v, names[j]
			}
			if err := y(out); err != nil {
				return err
			}
		}
		return nil
	})
}

// msgOr builds message number from the catalogue, or from SQL Server's
// text and severity when the catalogue does not hold it yet.
func msgOr(number int32, sev uint8, text string, args ...any) *msgs.Error {
	if msgs.Text("us_english", number) != "" {
		return msgs.New(number, args...)
	}
	return &msgs.Error{Number: number, Severity: sev, State: 1, Text: msgs.Format(text, args...)}
}
