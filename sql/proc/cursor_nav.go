package proc

import (
	"context"
	"sort"
	"strconv"
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/exec"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

// cursorKind is a cursor's effective type, after SQL Server's implicit
// cursor conversions (decided at OPEN).
type cursorKind uint8

const (
	curStatic cursorKind = iota
	curKeyset
	curDynamic
	curFastForward
)

func (k cursorKind) String() string {
	switch k {
	case curKeyset:
		return "Keyset"
	case curDynamic:
		return "Dynamic"
	case curFastForward:
		return "Fast_Forward"
	}
	return "Static"
}

// cursorNav reads a KEYSET or DYNAMIC cursor's rows from the base table
// at each FETCH, by storage key, so changes made after OPEN are seen.
type cursorNav struct {
	db  int32
	obj *catalog.Object
	// items are the select list bound over [table columns…, row key];
	// where is the WHERE predicate (nil: every row).
	items []sem.Expr
	where sem.Expr
	// vars are the variable values at OPEN: the query's variables keep
	// those values for the cursor's life (as SQL Server's plan does).
	vars []types.Value
	// lo/hi bound the table's rows; rev makes the cursor's NEXT walk the
	// keys downward (ORDER BY the clustered key reversed).
	lo, hi []byte
	rev    bool
	// keys is a KEYSET cursor's keyset, in cursor order.
	keys [][]byte
	// cur/state: a DYNAMIC cursor's position (dynBefore, dynOn cur,
	// dynAfter).
	cur   []byte
	state int8
}

const (
	dynBefore int8 = iota
	dynOn
	dynAfter
)

// cursorBase recognises the cursor queries that can be navigated by key:
// one base table, no grouping, DISTINCT, TOP, set operators or CTEs
// (SQL Server's implicit conversion steps 1-2 make the others static).
func (s *Session) cursorBase(q *ast.Query) (*ast.NamedTable, *ast.Select, *catalog.Object) {
	if q == nil || q.With != nil || q.Offset != nil || q.For != nil {
		return nil, nil, nil
	}
	sel, isSel := q.Body.(*ast.Select)
	if !isSel || len(sel.From) != 1 || sel.GroupBy != nil || sel.Having != nil || sel.Distinct || sel.Top != nil || sel.Into != nil {
		return nil, nil, nil
	}
	nt, isNamed := sel.From[0].(*ast.NamedTable)
	if !isNamed {
		return nil, nil, nil
	}
	_, o, serr := s.lookupTable(&nt.Name)
	if serr != nil || o == nil || o.Kind != catalog.KindTable || o.Table == nil || o.TableVar {
		return nil, nil, nil
	}
	if o.ID < 0 && !strings.HasPrefix(o.Name, "#") {
		// A trigger's inserted/deleted: a read-only snapshot, STATIC.
		return nil, nil, nil
	}
	for _, it := range sel.Items {
		if it.Var != "" {
			return nil, nil, nil
		}
	}
	return nt, sel, o
}

// orderByKey reports whether ORDER BY is the clustered key's order (a
// prefix of its columns, every direction as declared or every one
// reversed), so a dynamic cursor can walk the rows in storage order. No
// ORDER BY is storage order.
func orderByKey(ob []*ast.OrderItem, def *catalog.Table) (ok, rev bool) {
	if len(ob) == 0 {
		return true, false
	}
	ix := def.Clustered()
	if ix == nil || len(ob) > len(ix.Columns) {
		return false, false
	}
	for i, it := range ob {
		cr, isCol := it.X.(*ast.ColumnRef)
		if !isCol || def.ColumnIndex(cr.Name.Name) != ix.Columns[i].Column {
			return false, false
		}
		r := it.Desc != ix.Columns[i].Desc
		if i == 0 {
			rev = r
		} else if r != rev {
			return false, false
		}
	}
	return true, rev
}

func hasUniqueIndex(def *catalog.Table) bool {
	for i := range def.Indexes {
		if def.Indexes[i].Unique && def.Indexes[i].Filter == "" {
			return true
		}
	}
	return false
}

// selectExprs is the select list with * expanded to the table's columns.
func selectExprs(sel *ast.Select, o *catalog.Object) []ast.Expr {
	var exprs []ast.Expr
	for _, it := range sel.Items {
		if _, star := it.Expr.(*ast.Star); star {
			for _, col := range o.Table.Columns {
				exprs = append(exprs, &ast.ColumnRef{Name: ast.Ident{Name: col.Name}})
			}
			continue
		}
		exprs = append(exprs, it.Expr)
	}
	return exprs
}

// cursorOrder is the query's ORDER BY with ordinals (ORDER BY 2) and
// select-list aliases replaced by the select list's expressions; ok=false
// for an ordinal out of range (the static path reports it).
func cursorOrder(q *ast.Query, sel *ast.Select, o *catalog.Object) ([]*ast.OrderItem, bool) {
	if len(q.OrderBy) == 0 {
		return nil, true
	}
	items := selectExprs(sel, o)
	out := make([]*ast.OrderItem, len(q.OrderBy))
	for i, ob := range q.OrderBy {
		it := *ob
		switch x := ob.X.(type) {
		case *ast.Literal:
			if x.Kind != ast.LitInt {
				return nil, false
			}
			n, err := strconv.Atoi(x.Val)
			if err != nil || n < 1 || n > len(items) {
				return nil, false
			}
			it.X = items[n-1]
		case *ast.ColumnRef:
			if x.Table.Name.Name != "" || o.Table.ColumnIndex(x.Name.Name) >= 0 {
				break
			}
			for _, si := range sel.Items {
				if si.Alias.Name != "" && strings.EqualFold(si.Alias.Name, x.Name.Name) {
					it.X = si.Expr
					break
				}
			}
		}
		out[i] = &it
	}
	return out, true
}

// stableKeys reports whether a row keeps its storage key when non-key
// columns change, which dynamic navigation relies on. exec.Table.Update
// rewrites such rows in place (heap row ids and the uniquifier of a
// non-unique clustered key are kept), so it holds for every table; it
// stays a function so that a storage change that breaks it has one place
// to say so.
func stableKeys(def *catalog.Table) bool {
	return true
}

// cursorKindFor applies SQL Server's implicit cursor conversions to the
// requested type: queries that are not simple single-table selects become
// STATIC; a DYNAMIC (or default) cursor whose ORDER BY is not the
// clustered key order needs a work table and becomes KEYSET; a KEYSET
// over a table without a unique index becomes STATIC. FAST_FORWARD is
// never converted (it is read through a work table when it must be).
func (s *Session) cursorKindFor(c *cursor) (cursorKind, bool) {
	req := c.req
	if req == "STATIC" || c.decl.Insensitive {
		return curStatic, false
	}
	_, sel, o := s.cursorBase(c.query)
	var order []*ast.OrderItem
	if sel != nil {
		var ok bool
		if order, ok = cursorOrder(c.query, sel, o); !ok {
			sel = nil
		}
	}
	if req == "FAST_FORWARD" {
		if sel == nil {
			return curFastForward, false
		}
		ok, _ := orderByKey(order, o.Table)
		return curFastForward, ok && stableKeys(o.Table)
	}
	if sel == nil {
		return curStatic, false
	}
	if req != "KEYSET" {
		if !stableKeys(o.Table) {
			// SQL Server would walk it dynamically; our uniquifiers move
			// on UPDATE, so a keyset (fixed at OPEN) keeps the cursor
			// updatable without meeting a row twice.
			return curKeyset, true
		}
		if ok, _ := orderByKey(order, o.Table); ok {
			return curDynamic, true
		}
	}
	if hasUniqueIndex(o.Table) {
		return curKeyset, true
	}
	return curStatic, false
}

// openNav binds a navigable cursor's query and, for KEYSET, builds the
// keyset. ok=false when the query cannot be bound that way (the caller
// then opens it STATIC).
func (s *Session) openNav(ctx context.Context, c *cursor, line int32) (bool, *stmtError) {
	nt, sel, o := s.cursorBase(c.query)
	if sel == nil {
		return false, nil
	}
	order, ok := cursorOrder(c.query, sel, o)
	if !ok {
		return false, nil
	}
	exprs := selectExprs(sel, o)
	nOut := len(exprs)
	if nOut != len(c.cols) {
		return false, nil
	}
	for _, ob := range order {
		exprs = append(exprs, ob.X)
	}
	if sel.Where != nil {
		exprs = append(exprs, sel.Where)
	}
	b, _ := s.binder(line)
	src, berr := b.BindDMLSource(nt, nil, nil, exprs)
	if berr != nil || src.Target.ID != o.ID || src.Offset != 0 || src.KeyIdx != len(o.Table.Columns) {
		// Aggregates in the select list and the like: STATIC.
		return false, nil
	}
	for _, e := range src.Exprs[:nOut] {
		if e == nil {
			return false, nil
		}
	}
	n := &cursorNav{db: src.DB, obj: o, items: src.Exprs[:nOut]}
	if sel.Where != nil {
		n.where = src.Exprs[len(src.Exprs)-1]
	}
	n.vars = make([]types.Value, len(s.frame.vals))
	for i, v := range s.frame.vals {
		n.vars[i] = cloneVal(v)
	}
	n.lo = catalog.IndexPrefix(nil, n.db, o.ID, 0)
	n.hi = catalog.PrefixEnd(n.lo)
	_, n.rev = orderByKey(order, o.Table)
	c.nav = n
	if c.kind != curKeyset {
		return true, nil
	}
	// The keyset: every qualifying row's key, in ORDER BY order.
	ec := n.ctx(s, ctx)
	nOrd := len(order)
	ordExprs := src.Exprs[nOut : nOut+nOrd]
	type keyed struct {
		key []byte
		ord []types.Value
	}
	var out []keyed
	err := n.scan(ec, n.lo, n.hi, false, func(key []byte, full []types.Value) (bool, error) {
		k := keyed{key: append([]byte(nil), key...)}
		if nOrd > 0 {
			k.ord = make([]types.Value, nOrd)
			for i, e := range ordExprs {
				v, merr := ec.Eval(e, full)
				if merr != nil {
					return false, merr
				}
				k.ord[i] = cloneVal(v)
			}
		}
		out = append(out, k)
		return true, nil
	})
	if err != nil {
		return true, cursorErr(err)
	}
	if nOrd > 0 {
		sort.SliceStable(out, func(i, j int) bool {
			for k, ob := range order {
				cmp := compareNullsLow(out[i].ord[k], out[j].ord[k], ordExprs[k].Type())
				if ob.Desc {
					cmp = -cmp
				}
				if cmp != 0 {
					return cmp < 0
				}
			}
			return false
		})
	}
	n.keys = make([][]byte, len(out))
	for i := range out {
		n.keys[i] = out[i].key
	}
	return true, nil
}

func compareNullsLow(a, b types.Value, t types.Type) int {
	switch {
	case a.K == types.KindNull && b.K == types.KindNull:
		return 0
	case a.K == types.KindNull:
		return -1
	case b.K == types.KindNull:
		return 1
	}
	return exec.Compare(a, b, t)
}

func cursorErr(err error) *stmtError {
	se, _ := asStmtErr(err)
	if se == nil {
		se = msgErr(8180)
	}
	return se
}

// ctx is the statement's execution context with the OPEN-time variables.
func (n *cursorNav) ctx(s *Session, ctx context.Context) *exec.Ctx {
	ec := s.execCtx(ctx)
	ec.Vars = n.vars
	return ec
}

// scan walks the rows with keys in [lo, hi) (downward when desc) that
// satisfy the WHERE, calling f with each key and [columns…, key] row
// until f returns false.
func (n *cursorNav) scan(ec *exec.Ctx, lo, hi []byte, desc bool, f func(key []byte, full []types.Value) (bool, error)) error {
	it := ec.TxnFor(n.db, n.obj).Scan(lo, hi, desc)
	defer it.Close()
	ncols := len(n.obj.Table.Columns)
	full := make([]types.Value, 0, ncols+1)
	for it.Next() {
		full = exec.DecodeRow(it.Value(), full[:0])
		full = append(full, types.Value{K: types.KindBytes, B: it.Key()})
		if n.where != nil {
			v, merr := ec.Eval(n.where, full)
			if merr != nil {
				return merr
			}
			if v.K == types.KindNull || v.I == 0 {
				continue
			}
		}
		more, err := f(it.Key(), full)
		if err != nil || !more {
			return err
		}
	}
	return it.Err()
}

// project evaluates the select list over a row.
func (n *cursorNav) project(ec *exec.Ctx, full []types.Value) ([]types.Value, error) {
	out := make([]types.Value, len(n.items))
	for i, e := range n.items {
		v, merr := ec.Eval(e, full)
		if merr != nil {
			return nil, merr
		}
		out[i] = cloneVal(v)
	}
	return out, nil
}

// read re-reads the row stored under key; nil when it is gone.
func (n *cursorNav) read(ec *exec.Ctx, key []byte) ([]types.Value, error) {
	t := ec.TableFor(n.db, n.obj)
	row, ok, err := t.Get(key)
	if err != nil || !ok {
		return nil, err
	}
	return n.project(ec, append(row, types.Value{K: types.KindBytes, B: key}))
}

// step finds the next qualifying row after from (nil: from the start) in
// the cursor's order (forward) or against it, returning its key and
// projected row; key=nil when there is none.
func (n *cursorNav) step(ec *exec.Ctx, from []byte, forward bool) ([]byte, []types.Value, error) {
	asc := forward != n.rev
	lo, hi := n.lo, n.hi
	if from != nil {
		if asc {
			lo = append(append(make([]byte, 0, len(from)+1), from...), 0)
		} else {
			hi = from
		}
	}
	var key []byte
	var row []types.Value
	err := n.scan(ec, lo, hi, !asc, func(k []byte, full []types.Value) (bool, error) {
		key = append([]byte(nil), k...)
		var perr error
		row, perr = n.project(ec, full)
		return false, perr
	})
	if err != nil {
		return nil, nil, err
	}
	return key, row, nil
}

// fetchKeyset positions a KEYSET cursor and re-reads the row: status -2
// when the row was deleted since OPEN.
func (s *Session) fetchKeyset(ctx context.Context, c *cursor, dir ast.FetchDir, n int64) ([]types.Value, int64, *stmtError) {
	pos := movePos(c.pos, len(c.nav.keys), dir, n)
	c.pos = pos
	if pos < 1 || pos > len(c.nav.keys) {
		return nil, -1, nil
	}
	ec := c.nav.ctx(s, ctx)
	row, err := c.nav.read(ec, c.nav.keys[pos-1])
	if err != nil {
		return nil, -1, cursorErr(err)
	}
	if row == nil {
		return nil, -2, nil
	}
	return row, 0, nil
}

// fetchDynamic moves a DYNAMIC cursor from its current key: rows inserted
// ahead of it are seen, deleted ones are skipped.
func (s *Session) fetchDynamic(ctx context.Context, c *cursor, dir ast.FetchDir, cnt int64) ([]types.Value, int64, *stmtError) {
	n := c.nav
	ec := n.ctx(s, ctx)
	move := func(forward bool) ([]types.Value, error) {
		var from []byte
		switch {
		case n.state == dynOn:
			from = n.cur
		case forward && n.state == dynAfter, !forward && n.state == dynBefore:
			return nil, nil
		}
		key, row, err := n.step(ec, from, forward)
		if err != nil {
			return nil, err
		}
		if key == nil {
			n.cur = nil
			n.state = dynAfter
			if !forward {
				n.state = dynBefore
			}
			return nil, nil
		}
		n.cur, n.state = key, dynOn
		return row, nil
	}
	var row []types.Value
	var err error
	switch dir {
	case ast.FetchNext:
		row, err = move(true)
	case ast.FetchPrior:
		row, err = move(false)
	case ast.FetchFirst:
		n.state = dynBefore
		row, err = move(true)
	case ast.FetchLast:
		n.state = dynAfter
		row, err = move(false)
	case ast.FetchRelative:
		if cnt == 0 {
			if n.state != dynOn {
				return nil, -1, nil
			}
			if row, err = n.read(ec, n.cur); err == nil && row == nil {
				return nil, -2, nil
			}
			break
		}
		forward := cnt > 0
		if cnt < 0 {
			cnt = -cnt
		}
		for ; cnt > 0 && err == nil; cnt-- {
			if row, err = move(forward); row == nil {
				break
			}
		}
	}
	if err != nil {
		return nil, -1, cursorErr(err)
	}
	if row == nil {
		return nil, -1, nil
	}
	return row, 0, nil
}

// movePos computes a STATIC or KEYSET cursor's new position (0 = before
// the first row, total+1 = after the last).
func movePos(pos, total int, dir ast.FetchDir, n int64) int {
	switch dir {
	case ast.FetchNext:
		pos++
	case ast.FetchPrior:
		pos--
	case ast.FetchFirst:
		pos = 1
	case ast.FetchLast:
		pos = total
	case ast.FetchAbsolute:
		switch {
		case n > 0:
			pos = int(min(n, int64(total)+1))
		case n < 0:
			pos = total + 1 + int(max(n, -int64(total)-1))
		default:
			pos = 0
		}
	case ast.FetchRelative:
		pos += int(max(min(n, int64(total)+1), -int64(total)-1))
	}
	if pos < 0 {
		pos = 0
	}
	if pos > total+1 {
		pos = total + 1
	}
	return pos
}

// currentKey is the storage key of the cursor's current row, nil when it
// is not on a row.
func (c *cursor) currentKey() []byte {
	n := c.nav
	if n == nil {
		return nil
	}
	if c.kind == curKeyset {
		if c.pos < 1 || c.pos > len(n.keys) {
			return nil
		}
		return n.keys[c.pos-1]
	}
	if n.state != dynOn {
		return nil
	}
	return n.cur
}
