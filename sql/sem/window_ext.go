package sem

import (
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/msgs"
)

// Window functions beyond the ranking/offset set of window.go: the
// distribution functions PERCENT_RANK, CUME_DIST, PERCENTILE_CONT and
// PERCENTILE_DISC, and RANGE frames.

func init() {
	for _, n := range []string{"PERCENT_RANK", "CUME_DIST", "PERCENTILE_CONT", "PERCENTILE_DISC"} {
		windowOnly[n] = true
	}
}

// RangeFrame is an explicit RANGE frame; SQL Server allows only
// UNBOUNDED and CURRENT ROW bounds, so each end is either unbounded or
// the current row's peer group.
type RangeFrame struct {
	StartUnbounded bool // else CURRENT ROW: the first peer of the row
	EndUnbounded   bool // else CURRENT ROW: the last peer of the row
}

// windowRange validates a RANGE frame (Msg 4194 for offsets) and
// records it on wf.
func (b *Binder) windowRange(e *ast.FuncCall, wf *WinFunc) {
	f := e.Over.Frame
	if f == nil || f.Unit != ast.FrameRange {
		return
	}
	bound := func(fb *ast.FrameBound) {
		if fb != nil && (fb.Kind == ast.BoundPreceding || fb.Kind == ast.BoundFollowing) {
			b.failSev(fb, 4194, 16, "RANGE is only supported with UNBOUNDED and CURRENT ROW window frame delimiters.")
		}
	}
	bound(f.Start)
	bound(f.End)
	rf := &RangeFrame{StartUnbounded: f.Start.Kind == ast.BoundUnboundedPreceding}
	if f.End != nil {
		rf.EndUnbounded = f.End.Kind == ast.BoundUnboundedFollowing
	}
	wf.Range = rf
}

// windowDist binds the distribution functions. Messages name the
// function as the query wrote it, as SQL Server does.
func (b *Binder) windowDist(s *scope, e *ast.FuncCall, wf *WinFunc, name string) {
	written := e.Name.Name.Name
	switch name {
	case "PERCENT_RANK", "CUME_DIST":
		if len(e.Over.OrderBy) == 0 {
			b.fail(e, 4112, written)
		}
		if len(wf.Args) != 0 {
			b.failSev(e, 4114, 15, "The function '%.*ls' takes exactly %d argument(s).", written, 0)
		}
		if e.Over.Frame != nil {
			b.failSev(e, 10752, 15, "The function '%.*ls' may not have a window frame.", written)
		}
		wf.T = FloatType
		return
	}
	// PERCENTILE_CONT/DISC (p) WITHIN GROUP (ORDER BY x) OVER ([PARTITION BY …])
	if len(wf.Args) != 1 {
		b.fail(e, 174, strings.ToLower(name), 1)
	}
	if len(e.WithinGroup) != 1 {
		b.failSev(e, 10754, 15, "The function '%.*ls' must have a WITHIN GROUP clause.", written)
	}
	wf.Args[0] = Conv(wf.Args[0], FloatType)
	o := e.WithinGroup[0]
	x := b.expr(s, o.X)
	wf.Order = []SortKey{{X: x, Desc: o.Desc}}
	wf.T = x.Type()
	if name == "PERCENTILE_CONT" {
		if !IsNumeric(x.Type()) {
			b.fail(e, 8117, typeName(x.Type()), strings.ToLower(name))
		}
		wf.T = FloatType
	}
}

// failSev fails with a message the catalogue may not hold yet, with SQL
// Server's severity and text as fallback.
func (b *Binder) failSev(n ast.Node, number int32, sev uint8, text string, args ...any) {
	e := b.errText(n, number, text, args...)
	if msgs.Text("us_english", number) == "" {
		e.Severity = sev // errText's fallback assumes 16
	}
	panic(bindErr{e})
}

// windowCheck rejects a windowed function inside an aggregate (Msg 4109)
// and wrong argument counts, with SQL Server's numbers: 4114 for the
// ranking functions, 10755 for LAG/LEAD, 174 for FIRST/LAST_VALUE.
func (b *Binder) windowCheck(s *scope, e *ast.FuncCall, name string) {
	if s.agg != nil && s.agg.inAgg {
		b.fail(e, 4109)
	}
	written := e.Name.Name.Name
	n := len(e.Args)
	exactly := func(want int) {
		if n != want {
			b.failSev(e, 4114, 15, "The function '%.*ls' takes exactly %d argument(s).", written, want)
		}
	}
	switch name {
	case "ROW_NUMBER", "RANK", "DENSE_RANK":
		exactly(0)
	case "NTILE":
		exactly(1)
	case "LAG", "LEAD":
		if n < 1 || n > 3 {
			b.failSev(e, 10755, 15, "The function '%.*ls' takes between %d and %d arguments.", written, 1, 3)
		}
	case "FIRST_VALUE", "LAST_VALUE":
		if n != 1 {
			b.fail(e, 174, strings.ToLower(written), 1)
		}
	}
}

// failNoOver is Msg 10753 for a window-only function called without
// OVER; SQL Server raises it in state 3 for the ranking and percentile
// functions and state 1 for the offset functions.
func (b *Binder) failNoOver(e *ast.FuncCall, name string) {
	e2 := b.errText(e, 10753, "The function '%.*ls' must have an OVER clause.", e.Name.Name.Name)
	if msgs.Text("us_english", 10753) == "" {
		e2.Severity = 15
	}
	switch name {
	case "ROW_NUMBER", "RANK", "DENSE_RANK", "NTILE", "PERCENTILE_CONT", "PERCENTILE_DISC":
		e2.State = 3
	}
	panic(bindErr{e2})
}
