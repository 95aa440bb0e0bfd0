package sem

import "github.com/tsqld/tsqld/sql/types"

// MapChildren returns e with each direct child replaced by f(child); e
// itself is copied only when a child changed.
func MapChildren(e Expr, f func(Expr) Expr) Expr {
	switch x := e.(type) {
	case *Unary:
		c := *x
		c.X = f(x.X)
		return &c
	case *Arith:
		c := *x
		c.L, c.R = f(x.L), f(x.R)
		return &c
	case *Compare:
		c := *x
		c.L, c.R = f(x.L), f(x.R)
		return &c
	case *Logic:
		c := *x
		c.L, c.R = f(x.L), f(x.R)
		return &c
	case *Not:
		return &Not{X: f(x.X)}
	case *IsNull:
		return &IsNull{X: f(x.X), Not: x.Not}
	case *Like:
		c := *x
		c.X, c.Pattern = f(x.X), f(x.Pattern)
		if x.Escape != nil {
			c.Escape = f(x.Escape)
		}
		return &c
	case *InList:
		c := *x
		c.X = f(x.X)
		c.List = make([]Expr, len(x.List))
		for i, l := range x.List {
			c.List[i] = f(l)
		}
		return &c
	case *Case:
		c := *x
		c.Whens = make([]CaseWhen, len(x.Whens))
		for i, w := range x.Whens {
			c.Whens[i] = CaseWhen{Cond: f(w.Cond), Result: f(w.Result)}
		}
		if x.Else != nil {
			c.Else = f(x.Else)
		}
		return &c
	case *Cast:
		c := *x
		c.X = f(x.X)
		return &c
	case *Func:
		c := *x
		c.Args = make([]Expr, len(x.Args))
		for i, a := range x.Args {
			c.Args[i] = f(a)
		}
		return &c
	case *Coalesce:
		c := *x
		c.Args = make([]Expr, len(x.Args))
		for i, a := range x.Args {
			c.Args[i] = f(a)
		}
		return &c
	case *Subquery:
		if x.X != nil {
			c := *x
			c.X = f(x.X)
			return &c
		}
	}
	return e
}

func sameExprType(a, b types.Type) bool {
	return a.ID == b.ID && a.Length == b.Length && a.Precision == b.Precision && a.Scale == b.Scale
}

// sameExpr reports structural equality (GROUP BY matching, ORDER BY to
// select-list matching).
func sameExpr(a, b Expr) bool {
	switch x := a.(type) {
	case *ColRef:
		y, ok := b.(*ColRef)
		return ok && x.Idx == y.Idx
	case *OuterRef:
		y, ok := b.(*OuterRef)
		return ok && x.Idx == y.Idx && x.Depth == y.Depth
	case *Const:
		y, ok := b.(*Const)
		return ok && sameExprType(x.T, y.T) && x.V.K == y.V.K && x.V.I == y.V.I && x.V.S == y.V.S && x.V.F == y.V.F && x.V.Dec.Cmp(&y.V.Dec) == 0
	case *VarRef:
		y, ok := b.(*VarRef)
		return ok && x.Slot == y.Slot
	case *Unary:
		y, ok := b.(*Unary)
		return ok && x.Op == y.Op && sameExpr(x.X, y.X)
	case *Arith:
		y, ok := b.(*Arith)
		return ok && x.Op == y.Op && sameExpr(x.L, y.L) && sameExpr(x.R, y.R)
	case *Cast:
		y, ok := b.(*Cast)
		return ok && sameExprType(x.T, y.T) && sameExpr(x.X, y.X)
	case *Func:
		y, ok := b.(*Func)
		if !ok || x.Name != y.Name || len(x.Args) != len(y.Args) {
			return false
		}
		for i := range x.Args {
			if !sameExpr(x.Args[i], y.Args[i]) {
				return false
			}
		}
		return true
	case *aggPlaceholder:
		y, ok := b.(*aggPlaceholder)
		return ok && x.Idx == y.Idx
	}
	return false
}
