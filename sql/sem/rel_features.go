package sem

// Relational operators of the query features (APPLY, GROUPING SETS,
// UNPIVOT). They share one interface so the planner and the executor
// reach them through a single hook each (plan.Optimize, exec.Ctx.run).

// FeatureRel is a relational operator with child relations that the
// planner may rewrite.
type FeatureRel interface {
	Rel
	// Inputs are the child relations, in a fixed order.
	Inputs() []Rel
	// WithInputs returns a copy with the children replaced (same order).
	WithInputs(in []Rel) Rel
}

// Apply is CROSS APPLY / OUTER APPLY: R is evaluated once per row of L
// with that row as the innermost outer row (R's references to L's
// columns are OuterRef depth 1); the output row is L's columns then R's.
// Outer keeps L's rows that produce no R row, with NULLs for R.
type Apply struct {
	L, R  Rel
	Outer bool
	Out   []Column
}

// GroupingSets aggregates In once per grouping set. Groups are all the
// distinct grouping expressions; each set lists the indices of the groups
// it groups by (the others are NULL in its rows). The output row is the
// groups then the aggregates, like Aggregate. Aggregates named GROUPING
// or GROUPING_ID are computed from the set: their Extra holds the group
// indices (as int constants) of their arguments.
type GroupingSets struct {
	In     Rel
	Groups []Expr
	Sets   [][]int
	Aggs   []AggFunc
	Out    []Column
	// Ordered sorts the output hierarchically (each group's rows before
	// its subtotal), the order SQL Server's stream aggregate produces.
	Ordered bool
}

// Unpivot turns each input row into one row per column of Cols whose
// value is not NULL (Columns are their input positions): the Keep columns, then the value, then the column's
// name (Names) — the layout SQL Server gives SELECT *.
type Unpivot struct {
	In      Rel
	Keep    []int
	Columns []int
	Names   []string
	NameFst bool // name column before the value column
	Out     []Column
}

// Cols implementations.
func (r *Apply) Cols() []Column        { return r.Out }
func (r *GroupingSets) Cols() []Column { return r.Out }
func (r *Unpivot) Cols() []Column      { return r.Out }

// Inputs implementations.
func (r *Apply) Inputs() []Rel        { return []Rel{r.L, r.R} }
func (r *GroupingSets) Inputs() []Rel { return []Rel{r.In} }
func (r *Unpivot) Inputs() []Rel      { return []Rel{r.In} }

// WithInputs implementations.
func (r *Apply) WithInputs(in []Rel) Rel {
	c := *r
	c.L, c.R = in[0], in[1]
	return &c
}

func (r *GroupingSets) WithInputs(in []Rel) Rel {
	c := *r
	c.In = in[0]
	return &c
}

func (r *Unpivot) WithInputs(in []Rel) Rel {
	c := *r
	c.In = in[0]
	return &c
}
