package proc

import (
	"bytes"
	"context"
	"sort"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/exec"
	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/types"
)

// cursorKeys is what an updatable cursor remembers per row so UPDATE/
// DELETE … WHERE CURRENT OF can find the base row.
type cursorKeys struct {
	db   int32
	obj  *catalog.Object
	keys [][]byte
}

// openKeyed opens an updatable cursor over one base table, keeping each
// row's locator. ok=false when the query is not that simple (the caller
// then opens it read-only).
func (s *Session) openKeyed(ctx context.Context, c *cursor, line int32) bool {
	q := c.query
	if q.With != nil || q.Offset != nil || q.For != nil {
		return false
	}
	sel, isSel := q.Body.(*ast.Select)
	if !isSel || len(sel.From) != 1 || sel.GroupBy != nil || sel.Having != nil || sel.Distinct || sel.Top != nil || sel.Into != nil {
		return false
	}
	nt, isNamed := sel.From[0].(*ast.NamedTable)
	if !isNamed {
		return false
	}
	_, o, serr := s.lookupTable(&nt.Name)
	if serr != nil || o == nil || o.Kind != catalog.KindTable || o.ID < 0 {
		return false
	}
	var exprs []ast.Expr
	var names []string
	for _, it := range sel.Items {
		if it.Var != "" {
			return false
		}
		if _, star := it.Expr.(*ast.Star); star {
			for _, col := range o.Table.Columns {
				cr := &ast.ColumnRef{Name: ast.Ident{Name: col.Name}}
				exprs = append(exprs, cr)
				names = append(names, col.Name)
			}
			continue
		}
		exprs = append(exprs, it.Expr)
		name := it.Alias.Name
		if name == "" {
			if cr, ok := it.Expr.(*ast.ColumnRef); ok {
				name = cr.Name.Name
			}
		}
		names = append(names, name)
	}
	nOut := len(exprs)
	for _, ob := range q.OrderBy {
		if _, lit := ob.X.(*ast.Literal); lit {
			return false // ORDER BY ordinal
		}
		exprs = append(exprs, ob.X)
	}
	t, src, rows, serr, err := s.dmlSource(ctx, nt, nil, sel.Where, nil, exprs, line)
	if serr != nil || err != nil || t == nil {
		return false
	}
	ec := s.execCtx(ctx)
	type keyed struct {
		key  []byte
		vals []types.Value
	}
	out := make([]keyed, 0, len(rows))
	for _, r := range rows {
		vals := make([]types.Value, len(exprs))
		for i, e := range src.Exprs {
			v, merr := ec.Eval(e, r.full)
			if merr != nil {
				return false
			}
			vals[i] = cloneVal(v)
		}
		out = append(out, keyed{key: r.key, vals: vals})
	}
	if len(q.OrderBy) > 0 {
		sort.SliceStable(out, func(i, j int) bool {
			for k, ob := range q.OrderBy {
				a, b := out[i].vals[nOut+k], out[j].vals[nOut+k]
				var cmp int
				switch {
				case a.K == types.KindNull && b.K == types.KindNull:
					cmp = 0
				case a.K == types.KindNull:
					cmp = -1
				case b.K == types.KindNull:
					cmp = 1
				default:
					cmp = exec.Compare(a, b, src.Exprs[nOut+k].Type())
				}
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
	c.cols = make([]result.Column, nOut)
	for i := 0; i < nOut; i++ {
		c.cols[i] = result.Column{Name: names[i], Type: src.Exprs[i].Type(), Nullable: true}
	}
	c.rows = make([][]types.Value, len(out))
	c.keys = &cursorKeys{db: t.db, obj: t.obj, keys: make([][]byte, len(out))}
	for i, k := range out {
		c.rows[i] = k.vals[:nOut]
		c.keys.keys[i] = k.key
	}
	return true
}

// currentOf narrows an UPDATE/DELETE's rows to the cursor's current row.
func (s *Session) currentOf(ref *ast.CursorRef, t *dmlTarget, rows []dmlRow) ([]dmlRow, *stmtError) {
	c := s.cursorOf(ref)
	if c == nil {
		return nil, msgErr(16916, cursorName(ref))
	}
	if !c.open {
		return nil, msgErr(16917)
	}
	if c.keys == nil || c.keys.obj.ID != t.obj.ID || c.keys.db != t.db {
		return nil, msgErr(16929)
	}
	if c.pos < 1 || c.pos > len(c.keys.keys) {
		return nil, msgErr(16930)
	}
	key := c.keys.keys[c.pos-1]
	for _, r := range rows {
		if bytes.Equal(r.key, key) {
			return []dmlRow{r}, nil
		}
	}
	return nil, nil
}
