package exec

import (
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

// A correlated subquery runs its query once per outer row. When that query
// contains an expensive part that does not depend on the outer row (a CTE
// body, a UNION, a DISTINCT, an aggregate, a system function such as
// fn_helpcollations()), re-running it for every outer row multiplies the
// work: go-mssqldb's collation test checks 5,508 collations against a
// UNION of CTEs inside NOT EXISTS, nested twice. relMemo keeps such a
// part's rows for the rest of the statement (the Ctx lives for one
// statement), as SQL Server's table spools do.
type relMemo struct {
	uncorr map[sem.Rel]bool
	rows   map[sem.Rel][][]types.Value
}

// memoRun serves rel from the memo when it runs inside a correlated
// subquery (c.outer non-empty) and is a memoisable kind that references
// no outer row; done is false when rel must run normally.
func (c *Ctx) memoRun(rel sem.Rel, y Yield) (done bool, err error) {
	switch rel.(type) {
	case *sem.SetOp, *sem.Distinct, *sem.Aggregate, *sem.SystemScan:
	default:
		return false, nil
	}
	m := c.memo
	if m == nil {
		m = &relMemo{uncorr: map[sem.Rel]bool{}, rows: map[sem.Rel][][]types.Value{}}
		c.memo = m
	}
	un, seen := m.uncorr[rel]
	if !seen {
		un = relIndependent(rel, 0)
		m.uncorr[rel] = un
	}
	if !un {
		return false, nil
	}
	rows, ok := m.rows[rel]
	if !ok {
		// Run it with no outer rows visible, as it needs none.
		saved := c.outer
		c.outer = nil
		err := c.run(rel, func(r []types.Value) error {
			rows = append(rows, memoRow(r))
			return nil
		})
		c.outer = saved
		if err != nil {
			return true, err
		}
		m.rows[rel] = rows
	}
	for _, r := range rows {
		if err := y(r); err != nil {
			return true, err
		}
	}
	return true, nil
}

// memoRow copies a row a producer may reuse (byte slices included).
func memoRow(r []types.Value) []types.Value {
	out := make([]types.Value, len(r))
	copy(out, r)
	for i := range out {
		if out[i].B != nil {
			out[i].B = append([]byte(nil), out[i].B...)
		}
	}
	return out
}

// relIndependent reports whether rel, evaluated at subquery nesting level
// lvl below the candidate, references no row outside the candidate and
// calls nothing whose result may differ between evaluations. Unknown
// node kinds count as dependent.
func relIndependent(rel sem.Rel, lvl int) bool {
	exprs := func(xs ...sem.Expr) bool {
		for _, x := range xs {
			if x != nil && !exprIndependent(x, lvl) {
				return false
			}
		}
		return true
	}
	keys := func(ks []sem.SortKey) bool {
		for _, k := range ks {
			if !exprs(k.X) {
				return false
			}
		}
		return true
	}
	switch r := rel.(type) {
	case *sem.Scan, *sem.SystemScan:
		return true
	case *sem.Values:
		for _, row := range r.Rows {
			if !exprs(row...) {
				return false
			}
		}
		return true
	case *sem.Filter:
		return relIndependent(r.In, lvl) && exprs(r.Cond)
	case *sem.Project:
		return relIndependent(r.In, lvl) && exprs(r.Exprs...)
	case *sem.Join:
		return relIndependent(r.L, lvl) && relIndependent(r.R, lvl) && exprs(r.On)
	case *sem.Aggregate:
		if !relIndependent(r.In, lvl) || !exprs(r.Groups...) {
			return false
		}
		for _, a := range r.Aggs {
			if !exprs(a.Arg) || !exprs(a.Extra...) || !keys(a.Order) {
				return false
			}
		}
		return true
	case *sem.Sort:
		return relIndependent(r.In, lvl) && keys(r.Keys)
	case *sem.Distinct:
		return relIndependent(r.In, lvl)
	case *sem.Top:
		return relIndependent(r.In, lvl) && exprs(r.Count, r.Offset) && keys(r.TiesKeys)
	case *sem.SetOp:
		return relIndependent(r.L, lvl) && relIndependent(r.R, lvl)
	case *sem.Window:
		if !relIndependent(r.In, lvl) {
			return false
		}
		for _, f := range r.Funcs {
			if f.Range != nil || !exprs(f.Args...) || !exprs(f.Partition...) || !keys(f.Order) {
				return false
			}
		}
		return true
	case *sem.TableFunc:
		return exprs(r.Args...)
	}
	return false
}

// exprIndependent is relIndependent for an expression: an OuterRef deeper
// than the subqueries entered since the candidate reaches outside it.
func exprIndependent(e sem.Expr, lvl int) bool {
	switch x := e.(type) {
	case *sem.Const, *sem.ColRef, *sem.VarRef, *sem.GlobalVar:
		return true
	case *sem.OuterRef:
		return x.Depth <= lvl
	case *sem.Subquery:
		return (x.X == nil || exprIndependent(x.X, lvl)) && relIndependent(x.Query, lvl+1)
	case *sem.Func:
		switch x.Name {
		case "NEWID", "NEWSEQUENTIALID", "RAND", "CRYPT_GEN_RANDOM":
			return false
		}
		if len(x.Name) > 0 && x.Name[0] == 0 { // user-defined function
			return false
		}
	case *sem.Unary, *sem.Arith, *sem.Compare, *sem.Logic, *sem.Not, *sem.IsNull, *sem.Like,
		*sem.InList, *sem.Case, *sem.Cast, *sem.Coalesce:
	default:
		return false
	}
	ok := true
	sem.MapChildren(e, func(ch sem.Expr) sem.Expr {
		if ok && ch != nil && !exprIndependent(ch, lvl) {
			ok = false
		}
		return ch
	})
	return ok
}
