package sem

import (
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/collation"
	"github.com/tsqld/tsqld/sql/types"
)

// Collation derivation labels, in SQL Server's precedence order: an
// explicit COLLATE clause beats a column's implicit collation, which
// beats the coercible default of literals, variables and parameters.
const (
	derivNone     = iota // not a character expression
	derivDefault         // coercible-default
	derivImplicit        // column reference
	derivExplicit        // COLLATE clause
)

// collate binds x COLLATE name: the name must be a known collation
// (Msg 448), and the result carries it with the explicit label.
func (b *Binder) collate(s *scope, e *ast.CollateExpr) Expr {
	x := b.expr(s, e.X)
	c, err := collation.Lookup(e.Collation)
	if err != nil {
		b.fail(e, 448, e.Collation)
	}
	t := x.Type()
	if !IsString(t) {
		return x
	}
	t.Collation = types.CollationInfo(c)
	ce := &Cast{T: t, X: x}
	if b.explicitColl == nil {
		b.explicitColl = map[*Cast]bool{}
	}
	b.explicitColl[ce] = true
	return ce
}

// derivation returns the collation of a character expression and its
// label; the collation is resolved against the database default.
func (b *Binder) derivation(e Expr) (types.Collation, int) {
	t := e.Type()
	if !IsString(t) {
		return types.Collation{}, derivNone
	}
	switch x := e.(type) {
	case *Cast:
		if b.explicitColl[x] {
			return x.T.Collation, derivExplicit
		}
		if IsString(x.X.Type()) {
			// CAST of a string keeps the input's collation and label.
			return b.derivation(x.X)
		}
	case *ColRef, *OuterRef:
		if t.Collation.Name == "" {
			return b.env.DefaultCollation(), derivImplicit
		}
		return t.Collation, derivImplicit
	case *Func:
		best, lvl := b.env.DefaultCollation(), derivDefault
		for _, a := range x.Args {
			if c, l := b.derivation(a); l > lvl {
				best, lvl = c, l
			}
		}
		return best, lvl
	case *Arith:
		// concatenation: the higher-labelled operand's collation
		lc, ll := b.derivation(x.L)
		if rc, rl := b.derivation(x.R); rl > ll {
			return rc, rl
		}
		if ll == derivNone {
			break
		}
		return lc, ll
	case *Case:
		best, lvl := b.env.DefaultCollation(), derivDefault
		for _, w := range x.Whens {
			if c, l := b.derivation(w.Result); l > lvl {
				best, lvl = c, l
			}
		}
		if x.Else != nil {
			if c, l := b.derivation(x.Else); l > lvl {
				best, lvl = c, l
			}
		}
		return best, lvl
	case *Coalesce:
		best, lvl := b.env.DefaultCollation(), derivDefault
		for _, a := range x.Args {
			if c, l := b.derivation(a); l > lvl {
				best, lvl = c, l
			}
		}
		return best, lvl
	}
	if t.Collation.Name == "" {
		return b.env.DefaultCollation(), derivDefault
	}
	return t.Collation, derivDefault
}

// resolveCollation applies SQL Server's collation precedence to the two
// operands of op: the higher label wins; two different collations with
// the same explicit or implicit label are Msg 468. ok is false when
// neither side is a character expression.
func (b *Binder) resolveCollation(n ast.Node, op string, l, r Expr) (types.Collation, bool) {
	lc, ll := b.derivation(l)
	rc, rl := b.derivation(r)
	if ll == derivNone && rl == derivNone {
		return types.Collation{}, false
	}
	switch {
	case ll > rl:
		return lc, true
	case rl > ll:
		return rc, true
	}
	if ll >= derivImplicit && !strings.EqualFold(lc.Name, rc.Name) {
		e := b.err(n, 468, lc.Name, rc.Name, op)
		e.State = 9
		panic(bindErr{e})
	}
	return lc, true
}

// applyCollation sets the comparison collation of t from the operands.
func (b *Binder) applyCollation(n ast.Node, op string, t types.Type, l, r Expr) types.Type {
	if !IsString(t) {
		return t
	}
	if c, ok := b.resolveCollation(n, op, l, r); ok && c.Name != "" {
		t.Collation = c
	}
	return t
}

// applyListCollation is applyCollation for x IN (list): the collation
// with the highest label among x and every element wins.
func (b *Binder) applyListCollation(n ast.Node, op string, t types.Type, x Expr, list []Expr) types.Type {
	if !IsString(t) {
		return t
	}
	bc, bl := b.derivation(x)
	for _, it := range list {
		c, l := b.derivation(it)
		switch {
		case l > bl:
			bc, bl = c, l
		case l == bl && l >= derivImplicit && !strings.EqualFold(c.Name, bc.Name):
			e := b.err(n, 468, bc.Name, c.Name, op)
			e.State = 9
			panic(bindErr{e})
		}
	}
	if bc.Name != "" {
		t.Collation = bc
	}
	return t
}
