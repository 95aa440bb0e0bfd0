package exec

import (
	"errors"
	"sort"

	"github.com/cockroachdb/apd/v3"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/plan"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

// errStop ends a push pipeline early (TOP, EXISTS) without an error.
var errStop = errors.New("stop")

// MsgError carries a SQL Server error through the pipeline.
type MsgError struct{ E *msgs.Error }

func (e *MsgError) Error() string { return e.E.Error() }

func merr(e *msgs.Error) error {
	if e == nil {
		return nil
	}
	return &MsgError{e}
}

// Yield receives one row; the slice is only valid during the call.
type Yield func(row []types.Value) error

// Run pushes every row of rel to y.
func (c *Ctx) Run(rel sem.Rel, y Yield) error {
	if c.Profile != nil && c.Profile.Root == nil {
		c.Profile.Root = rel
	}
	err := c.run(rel, y)
	if err == errStop {
		return nil
	}
	return err
}

func (c *Ctx) run(rel sem.Rel, y Yield) error {
	if err := c.Go.Err(); err != nil {
		return err
	}
	if c.Profile != nil {
		y = c.Profile.wrap(rel, y) // SET STATISTICS PROFILE (profile.go)
	}
	if len(c.outer) > 0 {
		if done, err := c.memoRun(rel, y); done {
			return err
		}
	}
	switch r := rel.(type) {
	case *sem.SystemScan:
		return c.systemScan(r, y)
	case *sem.TableFunc:
		return c.tableFunc(r, y)
	case *sem.ForRel:
		return c.forRel(r, y)
	case *sem.Scan:
		t := &Table{DB: r.Table.DB, Obj: r.Table.Obj, Txn: c.TxnFor(r.Table.DB, r.Table.Obj)}
		if r.WithKey {
			return t.Scan(func(key []byte, row []types.Value) error {
				return y(append(row, types.Value{K: types.KindBytes, B: append([]byte(nil), key...)}))
			})
		}
		return t.Scan(func(_ []byte, row []types.Value) error { return y(row) })
	case *sem.Values:
		row := make([]types.Value, len(r.Out))
		for _, exprs := range r.Rows {
			for i, e := range exprs {
				v, err := c.Eval(e, nil)
				if err != nil {
					return merr(err)
				}
				row[i] = v
			}
			if err := y(row); err != nil {
				return err
			}
		}
		return nil
	case *sem.Filter:
		if sc, ok := r.In.(*sem.Scan); ok {
			if done, err := c.trySeek(sc, r.Cond, y); done {
				return err
			}
			if done, err := c.trySeekRange(sc, r.Cond, y); done {
				return err
			}
		}
		return c.run(r.In, func(row []types.Value) error {
			v, err := c.Eval(r.Cond, row)
			if err != nil {
				return merr(err)
			}
			if v.K != types.KindNull && v.I != 0 {
				return y(row)
			}
			return nil
		})
	case *sem.Project:
		out := make([]types.Value, len(r.Exprs))
		return c.run(r.In, func(row []types.Value) error {
			for i, e := range r.Exprs {
				v, err := c.Eval(e, row)
				if err != nil {
					return merr(err)
				}
				out[i] = v
			}
			return y(out)
		})
	case *sem.Join:
		return c.join(r, y)
	case *sem.Aggregate:
		return c.aggregate(r, y)
	case *sem.Sort:
		rows, err := c.collect(r.In)
		if err != nil {
			return err
		}
		if err := c.sortRows(rows, r.Keys); err != nil {
			return err
		}
		for _, row := range rows {
			if err := y(row); err != nil {
				return err
			}
		}
		return nil
	case *sem.Distinct:
		seen := map[string]bool{}
		dcolls := colColls(r.In.Cols())
		return c.run(r.In, func(row []types.Value) error {
			k := string(EncodeKeyColl(nil, row, nil, dcolls))
			if seen[k] {
				return nil
			}
			seen[k] = true
			return y(row)
		})
	case *sem.Top:
		return c.top(r, y)
	case *sem.SetOp:
		return c.setOp(r, y)
	case *plan.HashJoin:
		return c.hashJoin(r, y)
	case *sem.Window:
		return c.window(r, y)
	case *sem.RecursiveCTE:
		return c.recursiveCTE(r, y)
	case *sem.CTERef:
		return c.cteRef(r, y)
	case sem.FeatureRel: // features.go: APPLY, GROUPING SETS, UNPIVOT
		return c.feature(r, y)
	}
	return merr(msgs.New(8180))
}

func copyRow(row []types.Value) []types.Value { return append([]types.Value(nil), row...) }

func (c *Ctx) collect(rel sem.Rel) ([][]types.Value, error) {
	var rows [][]types.Value
	err := c.run(rel, func(row []types.Value) error {
		rows = append(rows, copyRow(row))
		return nil
	})
	return rows, err
}

func (c *Ctx) sortRows(rows [][]types.Value, keys []sem.SortKey) error {
	kv := make([][]types.Value, len(rows))
	for i, row := range rows {
		kv[i] = make([]types.Value, len(keys))
		for j, k := range keys {
			v, err := c.Eval(k.X, row)
			if err != nil {
				return merr(err)
			}
			kv[i][j] = v
		}
	}
	idx := make([]int, len(rows))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		ka, kb := kv[idx[a]], kv[idx[b]]
		for j, k := range keys {
			cmp := compareNullsFirst(ka[j], kb[j], k.X.Type())
			if cmp != 0 {
				if k.Desc {
					return cmp > 0
				}
				return cmp < 0
			}
		}
		return false
	})
	sorted := make([][]types.Value, len(rows))
	for i, j := range idx {
		sorted[i] = rows[j]
	}
	copy(rows, sorted)
	return nil
}

func compareNullsFirst(a, b types.Value, t types.Type) int {
	switch {
	case a.K == types.KindNull && b.K == types.KindNull:
		return 0
	case a.K == types.KindNull:
		return -1
	case b.K == types.KindNull:
		return 1
	}
	return Compare(a, b, t)
}

func (c *Ctx) top(r *sem.Top, y Yield) error {
	offset, limit := int64(0), int64(-1)
	if r.Offset != nil {
		v, err := c.Eval(r.Offset, nil)
		if err != nil {
			return merr(err)
		}
		if v.I < 0 {
			return merr(msgs.New(10742))
		}
		offset = v.I
	}
	if r.Count != nil {
		v, err := c.Eval(r.Count, nil)
		if err != nil {
			return merr(err)
		}
		if v.K == types.KindDecimal || v.K == types.KindFloat {
			f, _ := Convert(v, r.Count.Type(), sem.FloatType)
			v = types.Value{K: types.KindInt, I: int64(f.F)}
		}
		if v.I < 0 {
			return merr(msgs.New(1060))
		}
		limit = v.I
	}
	if r.Percent {
		rows, err := c.collect(r.In)
		if err != nil {
			return err
		}
		n := (int64(len(rows))*limit + 99) / 100
		for i := int64(0); i < n && i < int64(len(rows)); i++ {
			if err := y(rows[i]); err != nil {
				return err
			}
		}
		return nil
	}
	if limit == 0 {
		return nil
	}
	var n, skipped int64
	var last []types.Value
	self := false // the errStop below is this TOP's own
	err := c.run(r.In, func(row []types.Value) error {
		if skipped < offset {
			skipped++
			return nil
		}
		if limit >= 0 && n >= limit {
			if r.WithTies && last != nil && c.sameKeys(r.TiesKeys, last, row) {
				return y(row)
			}
			self = true
			return errStop
		}
		n++
		if r.WithTies {
			last = copyRow(row)
		}
		return y(row)
	})
	if err == errStop && self {
		// This TOP is done; the consumer (a join's collect, an aggregate)
		// must still see the end of its input normally.
		return nil
	}
	return err
}

func (c *Ctx) sameKeys(keys []sem.SortKey, a, b []types.Value) bool {
	for _, k := range keys {
		va, _ := c.Eval(k.X, a)
		vb, _ := c.Eval(k.X, b)
		if compareNullsFirst(va, vb, k.X.Type()) != 0 {
			return false
		}
	}
	return true
}

func (c *Ctx) join(r *sem.Join, y Yield) error {
	right, err := c.collect(r.R)
	if err != nil {
		return err
	}
	nl := len(r.L.Cols())
	nr := len(r.R.Cols())
	row := make([]types.Value, nl+nr)
	matchedR := make([]bool, len(right))
	err = c.run(r.L, func(lrow []types.Value) error {
		if err := c.Go.Err(); err != nil {
			return err
		}
		copy(row, lrow)
		matched := false
		for i, rrow := range right {
			copy(row[nl:], rrow)
			if r.On != nil {
				v, err := c.Eval(r.On, row)
				if err != nil {
					return merr(err)
				}
				if v.K == types.KindNull || v.I == 0 {
					continue
				}
			}
			matched = true
			matchedR[i] = true
			if err := y(row); err != nil {
				return err
			}
		}
		if !matched && (r.Kind == ast.JoinLeft || r.Kind == ast.JoinFull) {
			for i := nl; i < len(row); i++ {
				row[i] = types.Null
			}
			return y(row)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if r.Kind == ast.JoinRight || r.Kind == ast.JoinFull {
		for i, rrow := range right {
			if matchedR[i] {
				continue
			}
			for j := 0; j < nl; j++ {
				row[j] = types.Null
			}
			copy(row[nl:], rrow)
			if err := y(row); err != nil {
				return err
			}
		}
	}
	return nil
}

func (c *Ctx) setOp(r *sem.SetOp, y Yield) error {
	scolls := colColls(r.Cols())
	key := func(row []types.Value) string { return string(EncodeKeyColl(nil, row, nil, scolls)) }
	switch r.Op {
	case ast.Union:
		if r.All {
			if err := c.run(r.L, y); err != nil {
				return err
			}
			return c.run(r.R, y)
		}
		seen := map[string]bool{}
		f := func(row []types.Value) error {
			k := key(row)
			if seen[k] {
				return nil
			}
			seen[k] = true
			return y(row)
		}
		if err := c.run(r.L, f); err != nil {
			return err
		}
		return c.run(r.R, f)
	default:
		inR := map[string]bool{}
		if err := c.run(r.R, func(row []types.Value) error {
			inR[key(row)] = true
			return nil
		}); err != nil {
			return err
		}
		seen := map[string]bool{}
		return c.run(r.L, func(row []types.Value) error {
			k := key(row)
			if seen[k] || inR[k] != (r.Op == ast.Intersect) {
				return nil
			}
			seen[k] = true
			return y(row)
		})
	}
}

// trySeek turns Filter(Scan) with equalities on every column of a unique
// index (PK or unique) against row-independent values into a point
// lookup. It reports done=false when the filter does not qualify.
func (c *Ctx) trySeek(sc *sem.Scan, cond sem.Expr, y Yield) (bool, error) {
	return c.trySeekKey(sc, cond, func(key []byte, row []types.Value) error {
		if sc.WithKey {
			row = append(row, types.Value{K: types.KindBytes, B: append([]byte(nil), key...)})
		}
		v, err := c.Eval(cond, row)
		if err != nil {
			return merr(err)
		}
		if v.K != types.KindNull && v.I != 0 {
			return y(row)
		}
		return nil
	})
}

// trySeekKey finds the row a unique-index equality in cond selects and
// passes it (unfiltered) to f; done=false when cond does not qualify.
func (c *Ctx) trySeekKey(sc *sem.Scan, cond sem.Expr, f func(key []byte, row []types.Value) error) (bool, error) {
	eqs := uniqueSeekEqs(cond) // seek_choice.go (shared with the showplan)
	def := sc.Table.Obj.Table
	if ix := uniqueSeekIndex(def, eqs); ix != nil {
		vals := make([]types.Value, len(ix.Columns))
		for j, col := range ix.Columns {
			v, err := c.Eval(eqs[col.Column], nil)
			if err != nil {
				return true, merr(err)
			}
			if v.K == types.KindNull {
				return true, nil
			}
			cv, cerr := Convert(v, eqs[col.Column].Type(), def.Columns[col.Column].Type)
			if cerr != nil {
				return false, nil
			}
			vals[j] = cv
		}
		t := &Table{DB: sc.Table.DB, Obj: sc.Table.Obj, Txn: c.TxnFor(sc.Table.DB, sc.Table.Obj)}
		key, row, found, err := t.SeekUnique(ix, vals)
		if err != nil || !found {
			return true, err
		}
		return true, f(key, row)
	}
	return false, nil
}

func sameKind(a, b types.Type) bool {
	return sem.KindOf(a.ID) == sem.KindOf(b.ID) && !(sem.IsDecimal(a) != sem.IsDecimal(b))
}

// rowFree reports whether e reads no column of the current row.
func rowFree(e sem.Expr) bool {
	switch x := e.(type) {
	case *sem.Const, *sem.VarRef, *sem.GlobalVar:
		return true
	case *sem.Cast:
		return rowFree(x.X)
	case *sem.Unary:
		return rowFree(x.X)
	}
	return false
}

func (c *Ctx) evalSubquery(x *sem.Subquery, row []types.Value) (types.Value, *msgs.Error) {
	c.outer = append(c.outer, row)
	defer func() { c.outer = c.outer[:len(c.outer)-1] }()
	var xv types.Value
	if x.X != nil {
		v, err := c.Eval(x.X, row)
		if err != nil {
			return v, err
		}
		xv = v
	}
	var (
		result  types.Value
		count   int
		sawNull bool
		found   bool
	)
	err := c.run(x.Query, func(r []types.Value) error {
		switch x.Kind {
		case sem.SubExists:
			found = true
			return errStop
		case sem.SubScalar:
			count++
			if count > 1 {
				return merr(msgs.New(512))
			}
			result = r[0]
			if result.K == types.KindString || result.K == types.KindBytes {
				result = types.Value{K: result.K, S: result.S, B: append([]byte(nil), result.B...)}
			}
			if result.K == types.KindDecimal {
				var d apd.Decimal
				d.Set(&r[0].Dec)
				result.Dec = d
			}
		case sem.SubIn, sem.SubAny, sem.SubAll:
			v := r[0]
			if v.K == types.KindNull || xv.K == types.KindNull {
				sawNull = true
				return nil
			}
			cv, cerr := Convert(v, x.Query.Cols()[0].Type, x.CmpT)
			if cerr != nil {
				return merr(cerr)
			}
			m := cmpResult(x.Op, Compare(xv, cv, x.CmpT))
			if x.Kind == sem.SubAll {
				if !m {
					found = true // a counterexample
					return errStop
				}
				return nil
			}
			if m {
				found = true
				return errStop
			}
		}
		return nil
	})
	if err != nil && err != errStop {
		var me *MsgError
		if errors.As(err, &me) {
			return types.Null, me.E
		}
		return types.Null, msgs.New(8180)
	}
	switch x.Kind {
	case sem.SubExists:
		return boolVal(found), nil
	case sem.SubScalar:
		if count == 0 {
			return types.Null, nil
		}
		return result, nil
	case sem.SubAll:
		if found {
			return boolVal(false), nil
		}
		if sawNull {
			return types.Null, nil
		}
		return boolVal(true), nil
	default:
		if found {
			return boolVal(!x.Not), nil
		}
		if sawNull || xv.K == types.KindNull {
			return types.Null, nil
		}
		return boolVal(x.Not), nil
	}
}

// TableFor returns a Table handle for a bound table reference.
func (c *Ctx) TableFor(db int32, o *catalog.Object) *Table {
	return &Table{DB: db, Obj: o, Txn: c.TxnFor(db, o)}
}
