package sem

import (
	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/types"
)

// Column describes one output column of a relation.
type Column struct {
	Name     string
	Type     types.Type
	Nullable bool
	Identity bool
	// Table is the correlation name (alias or table name) that qualifies
	// the column in the scope that produced it; "" for computed columns.
	Table string
	// Schema and Database qualify base-table columns for 3-part names.
	Schema string
}

// Rel is a logical relational operator.
type Rel interface {
	Cols() []Column
}

// TableRef identifies a stored table: the database id decides which store
// holds it (tempdb data lives in the temp store).
type TableRef struct {
	DB    int32
	Obj   *catalog.Object
	Alias string
}

// Scan reads all rows of a table.
type Scan struct {
	Table TableRef
	Out   []Column
	// WithKey appends the row's storage key (%%physloc%%, varbinary) as a
	// last column: DML with FROM finds the target rows by it.
	WithKey bool
}

// PhysLoc is the name of the hidden row-locator column.
const PhysLoc = "%%physloc%%"

// Values is a constant row source (VALUES, or the one empty row of a
// SELECT without FROM).
type Values struct {
	Rows [][]Expr
	Out  []Column
}

// Filter keeps rows where Cond is true.
type Filter struct {
	In   Rel
	Cond Expr
}

// Project computes Exprs over each input row.
type Project struct {
	In    Rel
	Exprs []Expr
	Out   []Column
}

// Join joins L and R; the output row is L's columns then R's.
type Join struct {
	Kind ast.JoinKind
	L, R Rel
	On   Expr // nil for CROSS
	Out  []Column
}

// AggFunc is an aggregate computation.
type AggFunc struct {
	Name     string // COUNT, COUNT_BIG, SUM, AVG, MIN, MAX, STDEV, …
	Arg      Expr   // nil for COUNT(*)
	Distinct bool
	T        types.Type
	// Extra are further arguments (STRING_AGG's separator) and Order is
	// WITHIN GROUP (ORDER BY …); both are evaluated on input rows.
	Extra []Expr
	Order []SortKey
}

// Aggregate groups by Groups and computes Aggs; the output row is the
// group values then the aggregates.
type Aggregate struct {
	In     Rel
	Groups []Expr
	Aggs   []AggFunc
	Out    []Column
	// Scalar is true without GROUP BY: one row even for empty input.
	Scalar bool
}

// SortKey is one ORDER BY key.
type SortKey struct {
	X    Expr
	Desc bool
}

// Sort orders rows.
type Sort struct {
	In   Rel
	Keys []SortKey
}

// Distinct removes duplicate rows.
type Distinct struct {
	In Rel
}

// Top limits rows: OFFSET Offset ROWS then at most Count rows (nil = all).
type Top struct {
	In       Rel
	Count    Expr
	Offset   Expr
	Percent  bool
	WithTies bool
	// TiesKeys are the ORDER BY keys for WITH TIES.
	TiesKeys []SortKey
}

// SetOp is UNION/EXCEPT/INTERSECT; inputs are projected to Out's types.
type SetOp struct {
	Op   ast.SetOpKind
	All  bool
	L, R Rel
	Out  []Column
}

// Cols implementations.
func (r *Scan) Cols() []Column      { return r.Out }
func (r *Values) Cols() []Column    { return r.Out }
func (r *Filter) Cols() []Column    { return r.In.Cols() }
func (r *Project) Cols() []Column   { return r.Out }
func (r *Join) Cols() []Column      { return r.Out }
func (r *Aggregate) Cols() []Column { return r.Out }
func (r *Sort) Cols() []Column      { return r.In.Cols() }
func (r *Distinct) Cols() []Column  { return r.In.Cols() }
func (r *Top) Cols() []Column       { return r.In.Cols() }
func (r *SetOp) Cols() []Column     { return r.Out }
