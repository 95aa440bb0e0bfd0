package exec

import (
	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/rowcodec"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

// colBound is what a filter says about one column: an equality, or lower
// and/or upper bounds, each with row-independent values.
type colBound struct {
	eq             sem.Expr
	lo, hi         sem.Expr
	loIncl, hiIncl bool
	// like is the pattern of col LIKE pattern (no ESCAPE, not NOT), under
	// the column's own collation; likeFold marks the default collation's
	// case-fold matching (eval.go), whose prefix range is taken over
	// ASCII characters only.
	like     sem.Expr
	likeFold bool
}

func (b *colBound) ranged() bool { return b.lo != nil || b.hi != nil || b.like != nil }

// rangeKind reports kinds whose storage-key encoding (keyenc.go) orders
// like SQL Server compares them, so a key range is exactly a value range:
// strings by their collation's sort key, decimals exactly.
func rangeKind(k types.Kind) bool {
	switch k {
	case types.KindInt, types.KindBool, types.KindMoney, types.KindDateTime, types.KindFloat,
		types.KindDecimal, types.KindString, types.KindBytes, types.KindGUID:
		return true
	}
	return false
}

// collectBounds gathers per-column constraints from the AND-ed conjuncts of
// cond.
func collectBounds(cond sem.Expr, out map[int]*colBound) {
	switch x := cond.(type) {
	case *sem.Logic:
		if x.And {
			collectBounds(x.L, out)
			collectBounds(x.R, out)
		}
	case *sem.Like:
		col, ok := x.X.(*sem.ColRef)
		if !ok || x.Not || x.Escape != nil || !rowFree(x.Pattern) || !sem.IsString(col.T) || !sameKeyOrder(col.T, x.CmpT) {
			return
		}
		b := out[col.Idx]
		if b == nil {
			b = &colBound{}
			out[col.Idx] = b
		}
		b.like, b.likeFold = x.Pattern, keyColl(x.CmpT) == nil
	case *sem.Compare:
		col, okL := x.L.(*sem.ColRef)
		val := x.R
		op := x.Op
		if !okL || !rowFree(val) {
			c2, okR := x.R.(*sem.ColRef)
			if !okR || !rowFree(x.L) {
				return
			}
			col, val = c2, x.L
			switch op { // flip: 5 < a is a > 5
			case ast.OpLt:
				op = ast.OpGt
			case ast.OpGt:
				op = ast.OpLt
			case ast.OpLe:
				op = ast.OpGe
			case ast.OpGe:
				op = ast.OpLe
			}
		}
		if !sameKind(col.T, x.CmpT) || !sameKeyColl(col.T, x.CmpT) {
			return
		}
		if op != ast.OpEq && !sameKeyOrder(col.T, x.CmpT) {
			return
		}
		b := out[col.Idx]
		if b == nil {
			b = &colBound{}
			out[col.Idx] = b
		}
		switch op {
		case ast.OpEq:
			b.eq = val
		case ast.OpGt:
			b.lo, b.loIncl = val, false
		case ast.OpGe, ast.OpNotLt:
			b.lo, b.loIncl = val, true
		case ast.OpLt:
			b.hi, b.hiIncl = val, false
		case ast.OpLe, ast.OpNotGt:
			b.hi, b.hiIncl = val, true
		}
	}
}

// trySeekRange turns Filter(Scan) into a key-range scan of the clustered
// index or of a nonclustered index when the filter constrains a prefix of
// its key by equalities, optionally followed by a range on the next key
// column. The filter is still applied to every row read. done=false when
// no index qualifies.
func (c *Ctx) trySeekRange(sc *sem.Scan, cond sem.Expr, y Yield) (bool, error) {
	bounds := map[int]*colBound{}
	collectBounds(cond, bounds)
	if len(bounds) == 0 {
		return false, nil
	}
	def := sc.Table.Obj.Table
	best := rangeSeekIndex(def, bounds) // seek_choice.go (shared with the showplan)
	if best < 0 {
		return false, nil
	}
	ix := &def.Indexes[best]
	t := &Table{DB: sc.Table.DB, Obj: sc.Table.Obj, Txn: c.TxnFor(sc.Table.DB, sc.Table.Obj)}
	var prefix []byte
	if ix.Clustered {
		prefix = t.rowPrefix()
	} else {
		prefix = catalog.IndexPrefix(nil, t.DB, t.Obj.ID, ix.ID)
	}
	var eqVals []types.Value
	var rangeCol = -1
	for _, ic := range ix.Columns {
		b := bounds[ic.Column]
		if b == nil {
			break
		}
		if b.eq != nil {
			v, st, err := c.boundValue(b.eq, def.Columns[ic.Column].Type)
			if err != nil || st == boundNull {
				return true, err // = NULL matches no row
			}
			if st == boundInexact {
				return false, nil
			}
			eqVals = append(eqVals, v)
			continue
		}
		if b.ranged() && rangeKind(sem.KindOf(def.Columns[ic.Column].Type.ID)) {
			rangeCol = ic.Column
		}
		break
	}
	base, err := appendStoreKey(append([]byte(nil), prefix...), eqVals, nil, storeColls(def, ix))
	if err != nil {
		return false, nil // an unencodable seek value: scan instead
	}
	lower, upper := base, catalog.PrefixEnd(base)
	if rangeCol >= 0 {
		b := bounds[rangeCol]
		colT := def.Columns[rangeCol].Type
		var colls []rowcodec.SortKeyer
		if sem.IsString(colT) {
			colls = []rowcodec.SortKeyer{types.CollationOf(colT)}
		}
		bound := func(e sem.Expr) ([]byte, boundStatus, error) {
			v, st, err := c.boundValue(e, colT)
			if err != nil || st != boundOK {
				return nil, st, err
			}
			k, kerr := appendStoreKey(append([]byte(nil), base...), []types.Value{v}, nil, colls)
			if kerr != nil {
				return nil, boundInexact, nil
			}
			return k, boundOK, nil
		}
		switch {
		case b.lo != nil || b.hi != nil:
			if b.lo != nil {
				k, st, err := bound(b.lo)
				if err != nil || st == boundNull {
					return true, err
				}
				if st == boundInexact {
					return false, nil
				}
				if b.loIncl {
					lower = k
				} else {
					lower = catalog.PrefixEnd(k)
				}
			} else {
				// Skip NULLs (encoded 0x00) — no comparison matches them.
				lower = append(append([]byte(nil), base...), 0x01)
			}
			if b.hi != nil {
				k, st, err := bound(b.hi)
				if err != nil || st == boundNull {
					return true, err
				}
				if st == boundInexact {
					return false, nil
				}
				if b.hiIncl {
					upper = catalog.PrefixEnd(k)
				} else {
					upper = k
				}
			}
		default:
			lo, st, err := c.likeRange(base, b, colT)
			if err != nil || st == boundNull {
				return true, err // LIKE NULL matches no row
			}
			if st == boundInexact {
				return false, nil // no literal prefix: scan
			}
			lower, upper = lo, catalog.PrefixEnd(lo)
		}
	}
	it := t.Txn.Scan(lower, upper, false)
	defer it.Close()
	var row []types.Value
	keep := func(row []types.Value) error {
		v, err := c.Eval(cond, row)
		if err != nil {
			return merr(err)
		}
		if v.K != types.KindNull && v.I != 0 {
			return y(row)
		}
		return nil
	}
	rp := t.rowPrefix()
	for it.Next() {
		if err := c.Go.Err(); err != nil {
			return true, err
		}
		if ix.Clustered {
			row = DecodeRow(it.Value(), row[:0:0])
			if sc.WithKey {
				row = append(row, types.Value{K: types.KindBytes, B: append([]byte(nil), it.Key()...)})
			}
		} else {
			key := append(append([]byte(nil), rp...), it.Value()...)
			r, ok, err := t.Get(key)
			if err != nil {
				return true, err
			}
			if !ok {
				continue
			}
			row = r
			if sc.WithKey {
				row = append(row, types.Value{K: types.KindBytes, B: key})
			}
		}
		if err := keep(row); err != nil {
			return true, err
		}
	}
	return true, it.Err()
}

type boundStatus uint8

const (
	boundOK boundStatus = iota
	boundNull
	// boundInexact: the value does not convert exactly to the column type
	// (300 for a tinyint column); the caller falls back to a scan.
	boundInexact
)

// boundValue evaluates a seek bound and converts it to the column type.
func (c *Ctx) boundValue(e sem.Expr, t types.Type) (types.Value, boundStatus, error) {
	v, err := c.Eval(e, nil)
	if err != nil {
		return v, boundInexact, merr(err)
	}
	if v.K == types.KindNull {
		return v, boundNull, nil
	}
	cv, cerr := Convert(v, e.Type(), t)
	if cerr != nil || Compare(cv, v, e.Type()) != 0 {
		return v, boundInexact, nil
	}
	return cv, boundOK, nil
}
