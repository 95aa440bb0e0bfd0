package sem

import (
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/types"
)

// WinFunc is one window function computation.
type WinFunc struct {
	Name      string // ROW_NUMBER, RANK, DENSE_RANK, NTILE, LAG, LEAD, FIRST_VALUE, LAST_VALUE, or an aggregate
	Args      []Expr
	Partition []Expr
	Order     []SortKey
	// Rows is set for an explicit ROWS frame; Start/End are offsets from
	// the current row (nil = unbounded) — the default frame is RANGE
	// UNBOUNDED PRECEDING AND CURRENT ROW with ORDER BY, else the whole
	// partition.
	Rows       bool
	Start, End *int64
	Distinct   bool
	T          types.Type
	// Range is set for an explicit RANGE frame (window_ext.go).
	Range *RangeFrame
}

// Window computes window functions over its input; the output row is the
// input row followed by one column per function.
type Window struct {
	In    Rel
	Funcs []WinFunc
	Out   []Column
}

// Cols implements Rel.
func (r *Window) Cols() []Column { return r.Out }

// winPlaceholder stands for window function Idx until the select list is
// mapped onto the Window's output row.
type winPlaceholder struct {
	T   types.Type
	Idx int
}

func (e *winPlaceholder) Type() types.Type { return e.T }

type winCollector struct {
	funcs []WinFunc
}

var windowOnly = map[string]bool{
	"ROW_NUMBER": true, "RANK": true, "DENSE_RANK": true, "NTILE": true,
	"LAG": true, "LEAD": true, "FIRST_VALUE": true, "LAST_VALUE": true,
}

// hasWindow reports whether an expression tree has an OVER clause outside
// subqueries.
func hasWindow(e ast.Expr) bool {
	found := false
	var walk func(e ast.Expr)
	walk = func(e ast.Expr) {
		if e == nil || found {
			return
		}
		switch x := e.(type) {
		case *ast.FuncCall:
			if x.Over != nil {
				found = true
				return
			}
			for _, a := range x.Args {
				walk(a)
			}
		case *ast.ParenExpr:
			walk(x.X)
		case *ast.UnaryExpr:
			walk(x.X)
		case *ast.BinaryExpr:
			walk(x.L)
			walk(x.R)
		case *ast.CaseExpr:
			walk(x.Operand)
			for _, w := range x.Whens {
				walk(w.Cond)
				walk(w.Result)
			}
			walk(x.Else)
		case *ast.CastExpr:
			walk(x.X)
		case *ast.ConvertExpr:
			walk(x.X)
		case *ast.BetweenExpr: // the predicates too: CASE WHEN LAG(x) OVER (…) IS NULL …
			walk(x.X)
			walk(x.Low)
			walk(x.High)
		case *ast.InExpr:
			walk(x.X)
			for _, y := range x.List {
				walk(y)
			}
		case *ast.LikeExpr:
			walk(x.X)
			walk(x.Pattern)
		case *ast.IsNullExpr:
			walk(x.X)
		case *ast.CollateExpr:
			walk(x.X)
		}
	}
	walk(e)
	return found
}

func frameOffset(b *Binder, fb *ast.FrameBound) *int64 {
	switch fb.Kind {
	case ast.BoundUnboundedPreceding, ast.BoundUnboundedFollowing:
		return nil
	case ast.BoundCurrentRow:
		z := int64(0)
		return &z
	}
	c, ok := b.expr(&scope{}, fb.Offset).(*Const)
	if !ok || c.V.K != types.KindInt {
		b.fail(fb, 102, "PRECEDING")
	}
	n := c.V.I
	if fb.Kind == ast.BoundPreceding {
		n = -n
	}
	return &n
}

// window binds a function call with an OVER clause.
func (b *Binder) window(s *scope, e *ast.FuncCall, name string) Expr {
	if s.win == nil {
		b.fail(e, 4108)
	}
	b.windowCheck(s, e, name) // window_ext.go: nesting and argument counts
	wf := WinFunc{Name: name, Distinct: e.Distinct}
	for _, a := range e.Args {
		if _, star := a.(*ast.Star); star {
			continue
		}
		wf.Args = append(wf.Args, b.expr(s, a))
	}
	for _, p := range e.Over.PartitionBy {
		wf.Partition = append(wf.Partition, b.expr(s, p))
	}
	for _, o := range e.Over.OrderBy {
		wf.Order = append(wf.Order, SortKey{X: b.expr(s, o.X), Desc: o.Desc})
	}
	if f := e.Over.Frame; f != nil {
		if f.Unit == ast.FrameRows {
			wf.Rows = true
			wf.Start = frameOffset(b, f.Start)
			if f.End != nil {
				wf.End = frameOffset(b, f.End)
			} else {
				z := int64(0)
				wf.End = &z
			}
		}
	}
	b.windowRange(e, &wf) // window_ext.go
	switch name {
	case "PERCENT_RANK", "CUME_DIST", "PERCENTILE_CONT", "PERCENTILE_DISC":
		b.windowDist(s, e, &wf, name) // window_ext.go
	case "ROW_NUMBER", "RANK", "DENSE_RANK", "NTILE":
		if len(e.Over.OrderBy) == 0 {
			b.fail(e, 4112, e.Name.Name.Name) // named as written
		}
		wf.T = BigIntType
		if name == "NTILE" {
			if len(wf.Args) != 1 {
				b.fail(e, 174, "ntile", 1)
			}
			wf.Args[0] = convKind(wf.Args[0], BigIntType)
		}
	case "LAG", "LEAD", "FIRST_VALUE", "LAST_VALUE":
		if len(e.Over.OrderBy) == 0 {
			b.fail(e, 4112, e.Name.Name.Name)
		}
		if len(wf.Args) == 0 {
			b.fail(e, 174, strings.ToLower(name), 1)
		}
		wf.T = wf.Args[0].Type()
		if len(wf.Args) > 1 {
			wf.Args[1] = convKind(wf.Args[1], BigIntType)
		}
		if len(wf.Args) > 2 {
			wf.Args[2] = Conv(wf.Args[2], wf.T)
		}
	default: // aggregates
		var at types.Type
		if len(wf.Args) == 1 {
			at = wf.Args[0].Type()
		}
		wf.T = AggResultType(name, at)
		if len(wf.Args) == 1 && (name == "SUM" || name == "AVG") && kindOf(wf.T.ID) != kindOf(at.ID) {
			wf.Args[0] = &Cast{T: wf.T, X: wf.Args[0]}
		}
	}
	s.win.funcs = append(s.win.funcs, wf)
	return &winPlaceholder{T: wf.T, Idx: len(s.win.funcs) - 1}
}

// mapWindow replaces window placeholders by columns of the Window output
// (width = number of input columns).
func mapWindow(e Expr, width int) Expr {
	if w, ok := e.(*winPlaceholder); ok {
		return &ColRef{T: w.T, Idx: width + w.Idx}
	}
	return MapChildren(e, func(c Expr) Expr { return mapWindow(c, width) })
}

func (w *winCollector) funcsOrNil() []WinFunc {
	if w == nil {
		return nil
	}
	return w.funcs
}
