package exec

import (
	"encoding/binary"

	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

// Column pruning for scans whose rows are consumed in place (an Aggregate
// directly over a Scan): columns no expression reads are skipped while
// decoding, so a wide char filler costs no string allocation per row.

// colUse records which input columns a set of expressions reads.
type colUse struct {
	need []bool
	all  bool // an expression may read the row in a way not tracked here
}

// add marks the columns e reads. Only expression kinds whose row access
// is entirely through ColRef children are walked; anything else
// (subqueries with outer references, kinds added later) means "all".
func (u *colUse) add(e sem.Expr) {
	if u.all || e == nil {
		return
	}
	switch x := e.(type) {
	case *sem.ColRef:
		if x.Idx >= 0 && x.Idx < len(u.need) {
			u.need[x.Idx] = true
		} else {
			u.all = true
		}
		return
	case *sem.Const, *sem.VarRef, *sem.GlobalVar:
		return
	case *sem.Unary, *sem.Arith, *sem.Compare, *sem.Logic, *sem.Not, *sem.IsNull,
		*sem.Like, *sem.InList, *sem.Case, *sem.Cast, *sem.Func, *sem.Coalesce:
		sem.MapChildren(e, func(c sem.Expr) sem.Expr {
			u.add(c)
			return c
		})
		return
	}
	u.all = true
}

// aggregateCols is the column use of an Aggregate's groups and aggregate
// arguments over an input of width n; nil when every column is needed.
func aggregateCols(r *sem.Aggregate, n int) []bool {
	u := colUse{need: make([]bool, n)}
	for _, g := range r.Groups {
		u.add(g)
	}
	for i := range r.Aggs {
		a := &r.Aggs[i]
		u.add(a.Arg)
		for _, x := range a.Extra {
			u.add(x)
		}
		for _, k := range a.Order {
			u.add(k.X)
		}
	}
	if u.all {
		return nil
	}
	for _, b := range u.need {
		if !b {
			return u.need
		}
	}
	return nil
}

// scanNeeded is Table.Scan that decodes only the needed columns (the
// others are left NULL). The row slice is reused between calls: f must
// not keep it.
func (t *Table) scanNeeded(need []bool, f func(row []types.Value) error) error {
	p := t.rowPrefix()
	it := t.Txn.Scan(p, catalog.PrefixEnd(p), false)
	defer it.Close()
	row := make([]types.Value, 0, len(t.def().Columns))
	for it.Next() {
		row = decodeRowNeeded(it.Value(), row[:0], need)
		if err := f(row); err != nil {
			return err
		}
	}
	return it.Err()
}

// decodeRowNeeded is DecodeRow leaving the columns need marks unused NULL
// without decoding their payload (beyond len(need) every column is
// decoded).
func decodeRowNeeded(b []byte, dst []types.Value, need []bool) []types.Value {
	var one [1]types.Value
	for i := 0; len(b) > 0; i++ {
		end := 1 + payloadLen(b)
		if i < len(need) && !need[i] {
			dst = append(dst, types.Value{})
		} else {
			dst = append(dst, DecodeRow(b[:end], one[:0])[0])
		}
		b = b[end:]
	}
	return dst
}

// payloadLen is the length after the kind byte of the value b starts with
// (the layout EncodeRow writes).
func payloadLen(b []byte) int {
	switch types.Kind(b[0]) {
	case types.KindInt, types.KindBool, types.KindMoney:
		_, w := binary.Varint(b[1:])
		return w
	case types.KindDateTime:
		_, w := binary.Varint(b[1:])
		_, w2 := binary.Varint(b[1+w:])
		return w + w2
	case types.KindFloat:
		return 8
	case types.KindString, types.KindBytes, types.KindGUID, types.KindDecimal:
		n, w := binary.Uvarint(b[1:])
		return w + int(n)
	}
	return 0
}

// runPruned runs an Aggregate's input: a plain Scan decodes only the
// columns the aggregate reads (the aggregate keeps no input row, only
// values it copies); any other input runs as usual.
func (c *Ctx) runPruned(r *sem.Aggregate, y Yield) error {
	if sc, ok := r.In.(*sem.Scan); ok && !sc.WithKey {
		if need := aggregateCols(r, len(sc.Out)); need != nil {
			if err := c.Go.Err(); err != nil {
				return err
			}
			t := &Table{DB: sc.Table.DB, Obj: sc.Table.Obj, Txn: c.TxnFor(sc.Table.DB, sc.Table.Obj)}
			if c.Profile != nil {
				y = c.Profile.wrap(sc, y) // the scan run() is not called for
			}
			return t.scanNeeded(need, y)
		}
	}
	return c.run(r.In, y)
}
