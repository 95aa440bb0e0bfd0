package exec

import (
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/cockroachdb/apd/v3"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/session"
	"github.com/tsqld/tsqld/sql/types"
)

// Eval evaluates e over row.
func (c *Ctx) Eval(e sem.Expr, row []types.Value) (types.Value, *msgs.Error) {
	switch x := e.(type) {
	case *sem.Const:
		return x.V, nil
	case *sem.ColRef:
		return row[x.Idx], nil
	case *sem.OuterRef:
		return c.outer[len(c.outer)-x.Depth][x.Idx], nil
	case *sem.VarRef:
		return c.Vars[x.Slot], nil
	case *sem.GlobalVar:
		return c.Sess.GlobalVar(x.Name), nil
	case *sem.Cast:
		v, err := c.Eval(x.X, row)
		if err != nil {
			return v, err
		}
		var r types.Value
		var cerr *msgs.Error
		if x.Style == 0 && !x.Try && (c.Opts == nil || c.Opts.DateFormat == "" || c.Opts.DateFormat == "mdy") {
			r, cerr = Convert(v, x.X.Type(), x.T)
		} else {
			r, cerr = types.ConvertWith(v, x.X.Type(), x.T, &types.ConvertOptions{Style: x.Style, Try: x.Try, DateFormat: c.Opts.DateFormat})
		}
		if cerr == nil && r.K == types.KindString && c.Opts != nil && c.Opts.Language != "" && c.Opts.Language != "us_english" {
			r = localizeMonth(r, x.X.Type(), x.T, x.Style, c.Opts.Language)
		}
		if cerr != nil && c.arithSoft(cerr) {
			return types.Null, nil // arith_warn.go
		}
		return r, cerr
	case *sem.Unary:
		v, err := c.Eval(x.X, row)
		if err != nil || v.K == types.KindNull {
			return v, err
		}
		switch x.Op {
		case ast.OpNeg:
			switch v.K {
			case types.KindInt, types.KindMoney:
				lo, _ := intRange(x.T.ID)
				if v.I == lo && x.T.ID != types.Money {
					return v, msgs.New(8115, "expression", typeName(x.T))
				}
				v.I = -v.I
			case types.KindFloat:
				v.F = -v.F
			case types.KindDecimal:
				var d apd.Decimal
				d.Neg(&v.Dec)
				v.Dec = d
			}
		case ast.OpBitNot:
			v.I = ^v.I
			if x.T.ID == types.TinyInt {
				v.I &= 0xff
			}
		}
		return v, nil
	case *sem.Arith:
		l, err := c.Eval(x.L, row)
		if err != nil {
			return l, err
		}
		r, err := c.Eval(x.R, row)
		if err != nil {
			return r, err
		}
		if l.K == types.KindNull || r.K == types.KindNull {
			if x.Op == ast.OpAdd && sem.IsString(x.T) {
				if c.Opts != nil && !c.Opts.Has(1<<12) { // CONCAT_NULL_YIELDS_NULL off
					if l.K == types.KindNull {
						return r, nil
					}
					return l, nil
				}
			}
			return types.Null, nil
		}
		v, aerr := arith(x, l, r)
		if aerr != nil && c.arithSoft(aerr) {
			// ARITHABORT and ANSI_WARNINGS OFF: the result is NULL.
			return types.Null, nil
		}
		return v, aerr
	case *sem.Compare:
		l, err := c.Eval(x.L, row)
		if err != nil {
			return l, err
		}
		r, err := c.Eval(x.R, row)
		if err != nil {
			return r, err
		}
		if l.K == types.KindNull || r.K == types.KindNull {
			if (x.Op == ast.OpEq || x.Op == ast.OpNe) && c.Opts != nil && !c.Opts.Has(session.AnsiNulls) {
				// ANSI_NULLS OFF: = and <> compare NULL as a value.
				return boolVal((l.K == r.K) == (x.Op == ast.OpEq)), nil
			}
			return types.Null, nil
		}
		return boolVal(cmpResult(x.Op, Compare(l, r, x.CmpT))), nil
	case *sem.Logic:
		l, err := c.Eval(x.L, row)
		if err != nil {
			return l, err
		}
		if x.And && l.K != types.KindNull && l.I == 0 {
			return boolVal(false), nil
		}
		if !x.And && l.K != types.KindNull && l.I != 0 {
			return boolVal(true), nil
		}
		r, err := c.Eval(x.R, row)
		if err != nil {
			return r, err
		}
		if r.K == types.KindNull || l.K == types.KindNull {
			if x.And && r.K != types.KindNull && r.I == 0 {
				return boolVal(false), nil
			}
			if !x.And && r.K != types.KindNull && r.I != 0 {
				return boolVal(true), nil
			}
			return types.Null, nil
		}
		return r, nil
	case *sem.Not:
		v, err := c.Eval(x.X, row)
		if err != nil || v.K == types.KindNull {
			return v, err
		}
		return boolVal(v.I == 0), nil
	case *sem.IsNull:
		v, err := c.Eval(x.X, row)
		if err != nil {
			return v, err
		}
		return boolVal((v.K == types.KindNull) != x.Not), nil
	case *sem.InList:
		v, err := c.Eval(x.X, row)
		if err != nil || v.K == types.KindNull {
			return v, err
		}
		sawNull := false
		for _, it := range x.List {
			w, err := c.Eval(it, row)
			if err != nil {
				return w, err
			}
			if w.K == types.KindNull {
				sawNull = true
				continue
			}
			if Compare(v, w, x.CmpT) == 0 {
				return boolVal(!x.Not), nil
			}
		}
		if sawNull {
			return types.Null, nil
		}
		return boolVal(x.Not), nil
	case *sem.Like:
		v, err := c.Eval(x.X, row)
		if err != nil || v.K == types.KindNull {
			return v, err
		}
		p, err := c.Eval(x.Pattern, row)
		if err != nil || p.K == types.KindNull {
			return p, err
		}
		esc := rune(-1)
		if x.Escape != nil {
			e, err := c.Eval(x.Escape, row)
			if err != nil {
				return e, err
			}
			if e.K == types.KindString && e.S != "" {
				esc, _ = utf8.DecodeRuneInString(e.S)
			}
		}
		if lc := keyColl(x.CmpT); lc != nil {
			// non-default collation: match under its rules (keycoll.go)
			return boolVal(lc.Like(v.S, p.S, esc, x.CmpT.IsUnicode()) != x.Not), nil
		}
		return boolVal(like(foldString(v.S), foldString(p.S), esc) != x.Not), nil
	case *sem.Case:
		for _, w := range x.Whens {
			v, err := c.Eval(w.Cond, row)
			if err != nil {
				return v, err
			}
			if v.K != types.KindNull && v.I != 0 {
				return c.Eval(w.Result, row)
			}
		}
		if x.Else != nil {
			return c.Eval(x.Else, row)
		}
		return types.Null, nil
	case *sem.Coalesce:
		for _, a := range x.Args {
			v, err := c.Eval(a, row)
			if err != nil || v.K != types.KindNull {
				return v, err
			}
		}
		return types.Null, nil
	case *sem.Func:
		return c.evalFunc(x, row)
	case *sem.Subquery:
		return c.evalSubquery(x, row)
	}
	return types.Null, msgs.New(8180)
}

func cmpResult(op ast.BinaryOp, c int) bool {
	switch op {
	case ast.OpEq:
		return c == 0
	case ast.OpNe:
		return c != 0
	case ast.OpLt:
		return c < 0
	case ast.OpGt:
		return c > 0
	case ast.OpLe, ast.OpNotGt:
		return c <= 0
	case ast.OpGe, ast.OpNotLt:
		return c >= 0
	}
	return false
}

var typesOp = map[ast.BinaryOp]types.Op{
	ast.OpAdd: types.OpAdd, ast.OpSub: types.OpSub, ast.OpMul: types.OpMul, ast.OpDiv: types.OpDiv,
	ast.OpMod: types.OpMod, ast.OpBitAnd: types.OpBitAnd, ast.OpBitOr: types.OpBitOr, ast.OpBitXor: types.OpBitXor,
}

// arith computes l op r (both non-NULL, converted to the operation type)
// with sql/types' arithmetic (overflow, rounding and scale rules);
// string concatenation stays here.
func arith(x *sem.Arith, l, r types.Value) (types.Value, *msgs.Error) {
	if l.K != types.KindString && l.K != types.KindBytes {
		if op, ok := typesOp[x.Op]; ok {
			return types.Arith(op, l, x.L.Type(), r, x.R.Type(), x.T)
		}
	}
	return arithLocal(x, l, r)
}

// arithLocal is the executor's own arithmetic for what sql/types.Arith
// does not take (string and binary concatenation).
func arithLocal(x *sem.Arith, l, r types.Value) (types.Value, *msgs.Error) {
	switch l.K {
	case types.KindString:
		if x.Op == ast.OpAdd {
			return types.Value{K: types.KindString, S: l.S + r.S}, nil
		}
	case types.KindInt, types.KindBool:
		a, b := l.I, r.I
		var n int64
		switch x.Op {
		case ast.OpAdd:
			n = a + b
			if (n > a) != (b > 0) {
				return l, msgs.New(8115, "expression", typeName(x.T))
			}
		case ast.OpSub:
			n = a - b
			if (n < a) != (b > 0) {
				return l, msgs.New(8115, "expression", typeName(x.T))
			}
		case ast.OpMul:
			if a != 0 && b != 0 {
				n = a * b
				if n/b != a || (a == -1 && b == math.MinInt64) || (b == -1 && a == math.MinInt64) {
					return l, msgs.New(8115, "expression", typeName(x.T))
				}
			}
		case ast.OpDiv:
			if b == 0 {
				return l, msgs.New(8134)
			}
			n = a / b
		case ast.OpMod:
			if b == 0 {
				return l, msgs.New(8134)
			}
			n = a % b
		case ast.OpBitAnd:
			n = a & b
		case ast.OpBitOr:
			n = a | b
		case ast.OpBitXor:
			n = a ^ b
		}
		lo, hi := intRange(x.T.ID)
		if n < lo || n > hi {
			return l, msgs.New(8115, "expression", typeName(x.T))
		}
		if x.T.ID == types.Bit {
			return types.Value{K: types.KindBool, I: n}, nil
		}
		return types.Value{K: types.KindInt, I: n}, nil
	case types.KindFloat:
		var f float64
		switch x.Op {
		case ast.OpAdd:
			f = l.F + r.F
		case ast.OpSub:
			f = l.F - r.F
		case ast.OpMul:
			f = l.F * r.F
		case ast.OpDiv:
			if r.F == 0 {
				return l, msgs.New(8134)
			}
			f = l.F / r.F
		}
		if math.IsInf(f, 0) || math.IsNaN(f) {
			return l, msgs.New(8115, "expression", "float")
		}
		return types.Value{K: types.KindFloat, F: f}, nil
	case types.KindMoney:
		var d apd.Decimal
		a := apd.New(l.I, -4)
		b := apd.New(r.I, -4)
		switch x.Op {
		case ast.OpAdd:
			decCtx.Add(&d, a, b)
		case ast.OpSub:
			decCtx.Sub(&d, a, b)
		case ast.OpMul:
			decCtx.Mul(&d, a, b)
		case ast.OpDiv:
			if r.I == 0 {
				return l, msgs.New(8134)
			}
			decCtx.Quo(&d, a, b)
		case ast.OpMod:
			if r.I == 0 {
				return l, msgs.New(8134)
			}
			decCtx.Rem(&d, a, b)
		}
		return Convert(types.Value{K: types.KindDecimal, Dec: d}, sem.DecimalType(38, 10), x.T)
	case types.KindDecimal:
		var d apd.Decimal
		switch x.Op {
		case ast.OpAdd:
			decCtx.Add(&d, &l.Dec, &r.Dec)
		case ast.OpSub:
			decCtx.Sub(&d, &l.Dec, &r.Dec)
		case ast.OpMul:
			decCtx.Mul(&d, &l.Dec, &r.Dec)
		case ast.OpDiv:
			if r.Dec.IsZero() {
				return l, msgs.New(8134)
			}
			decCtx.Quo(&d, &l.Dec, &r.Dec)
		case ast.OpMod:
			if r.Dec.IsZero() {
				return l, msgs.New(8134)
			}
			decCtx.Rem(&d, &l.Dec, &r.Dec)
		}
		var q apd.Decimal
		c := decCtx
		if x.Op == ast.OpDiv {
			c.Rounding = apd.RoundDown
		}
		c.Quantize(&q, &d, -int32(x.T.Scale))
		if int(q.NumDigits()) > int(x.T.Precision) && !q.IsZero() {
			return l, msgs.New(8115, "expression", "numeric")
		}
		return types.Value{K: types.KindDecimal, Dec: q}, nil
	case types.KindDateTime:
		return l, msgs.New(8117, typeName(x.T), "add")
	}
	return l, msgs.New(8117, typeName(x.T), "add")
}

// like matches s against a LIKE pattern (both already case-folded).
func like(s, p string, esc rune) bool {
	sr, pr := []rune(strings.TrimRight(s, "")), []rune(p)
	return likeMatch(sr, pr, esc)
}

func likeMatch(s, p []rune, esc rune) bool {
	for len(p) > 0 {
		c := p[0]
		switch {
		case c == esc && len(p) > 1:
			if len(s) == 0 || s[0] != p[1] {
				return false
			}
			s, p = s[1:], p[2:]
		case c == '%':
			for len(p) > 0 && p[0] == '%' {
				p = p[1:]
			}
			if len(p) == 0 {
				return true
			}
			for i := 0; i <= len(s); i++ {
				if likeMatch(s[i:], p, esc) {
					return true
				}
			}
			return false
		case c == '_':
			if len(s) == 0 {
				return false
			}
			s, p = s[1:], p[1:]
		case c == '[':
			end := -1
			for j := 1; j < len(p); j++ {
				if p[j] == ']' && j > 1 {
					end = j
					break
				}
			}
			if end < 0 {
				if len(s) == 0 || s[0] != '[' {
					return false
				}
				s, p = s[1:], p[1:]
				continue
			}
			if len(s) == 0 {
				return false
			}
			set := p[1:end]
			neg := false
			if len(set) > 0 && set[0] == '^' {
				neg, set = true, set[1:]
			}
			m := false
			for j := 0; j < len(set); j++ {
				if j+2 < len(set) && set[j+1] == '-' {
					if s[0] >= set[j] && s[0] <= set[j+2] {
						m = true
					}
					j += 2
				} else if set[j] == s[0] {
					m = true
				}
			}
			if m == neg {
				return false
			}
			s, p = s[1:], p[end+1:]
		default:
			if len(s) == 0 || s[0] != c {
				return false
			}
			s, p = s[1:], p[1:]
		}
	}
	// trailing spaces in s are ignored
	for _, r := range s {
		if r != ' ' {
			return false
		}
	}
	return true
}

// TimeValue converts t to a datetime-family value (ticks since 0001-01-01).
func TimeValue(t time.Time) types.Value {
	const ticksTo1970 = 621355968000000000
	return types.Value{K: types.KindDateTime, I: t.UnixNano()/100 + ticksTo1970}
}
