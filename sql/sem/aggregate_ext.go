package sem

import (
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/types"
)

// Aggregates beyond the classic ones: STRING_AGG (with WITHIN GROUP),
// APPROX_COUNT_DISTINCT and CHECKSUM_AGG. They are reached from
// Binder.aggregate through extAggregates.

// extAggregates is filled by init (a literal would be an initialization
// cycle through Binder.expr).
var extAggregates = map[string]builtinBinder{}

func init() {
	extAggregates["STRING_AGG"] = bindStringAgg
	extAggregates["APPROX_COUNT_DISTINCT"] = bindApproxCountDistinct
	extAggregates["CHECKSUM_AGG"] = bindChecksumAgg
	for n := range extAggregates {
		aggregates[n] = true
	}
}

// aggArgs binds an aggregate's arguments in aggregate-argument mode.
func (b *Binder) aggArgs(s *scope, e *ast.FuncCall) []Expr {
	s.agg.inAgg = true
	defer func() { s.agg.inAgg = false }()
	args := make([]Expr, len(e.Args))
	for i, a := range e.Args {
		if _, star := a.(*ast.Star); star {
			b.fail(e, 102, "*")
		}
		args[i] = b.expr(s, a)
	}
	return args
}

func (b *Binder) addAgg(s *scope, a AggFunc) Expr {
	s.agg.aggs = append(s.agg.aggs, a)
	return &aggPlaceholder{T: a.T, Idx: len(s.agg.aggs) - 1}
}

func bindStringAgg(b *Binder, s *scope, e *ast.FuncCall, name string) Expr {
	b.argCount(e, name, 2, 2)
	if e.Distinct {
		b.fail(e, 102, "DISTINCT")
	}
	args := b.aggArgs(s, e)
	x, sep := args[0], args[1]
	t := x.Type()
	var rt types.Type
	switch {
	case isNullConst(x):
		rt = b.strResult(false, 8000)
	case IsString(t):
		rt = b.strResult(IsUnicode(t), 8000)
		if isMax(t) {
			rt.Length = types.MaxLength
		}
		if t.Collation.Name != "" {
			rt.Collation = t.Collation
		}
	case IsBinary(t) || t.ID == types.XML || t.ID == types.SQLVariant || t.ID == types.UniqueIdentifier:
		b.badArgType(e, name, 0, t)
	default:
		rt = b.strResult(true, 4000)
	}
	if !IsString(sep.Type()) && !isNullConst(sep) {
		b.badArgType(e, name, 1, sep.Type())
	}
	a := AggFunc{Name: name, Arg: Conv(x, types.Type{ID: rt.ID, Length: types.MaxLength, Collation: rt.Collation}), T: rt,
		Extra: []Expr{strArg(sep, false)}}
	if len(e.WithinGroup) > 0 {
		s.agg.inAgg = true
		for _, o := range e.WithinGroup {
			a.Order = append(a.Order, SortKey{X: b.expr(s, o.X), Desc: o.Desc})
		}
		s.agg.inAgg = false
	}
	return b.addAgg(s, a)
}

func bindApproxCountDistinct(b *Binder, s *scope, e *ast.FuncCall, name string) Expr {
	b.argCount(e, name, 1, 1)
	args := b.aggArgs(s, e)
	// An exact distinct count is a valid approximation.
	return b.addAgg(s, AggFunc{Name: "COUNT_BIG", Arg: args[0], Distinct: true, T: BigIntType})
}

func bindChecksumAgg(b *Binder, s *scope, e *ast.FuncCall, name string) Expr {
	b.argCount(e, name, 1, 1)
	args := b.aggArgs(s, e)
	if !IsInteger(args[0].Type()) && !isNullConst(args[0]) {
		b.fail(e, 8117, typeName(args[0].Type()), strings.ToLower(name))
	}
	return b.addAgg(s, AggFunc{Name: name, Arg: Conv(args[0], IntType), Distinct: e.Distinct, T: IntType})
}
