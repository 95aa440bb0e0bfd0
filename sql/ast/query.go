package ast

// Query is a complete query expression: optional WITH, the body, and the
// clauses that apply to the whole body (ORDER BY, OFFSET/FETCH, FOR,
// OPTION). Subqueries, derived tables, views, CTEs and INSERT … SELECT all
// hold a *Query.
type Query struct {
	Span
	With    *WithClause
	Body    QueryExpr
	OrderBy []*OrderItem
	Offset  Expr // OFFSET n ROWS
	Fetch   Expr // FETCH NEXT n ROWS ONLY (needs Offset)
	For     *ForClause
	Options []*Option // OPTION (…): Name upper case, e.g. "MAXRECURSION", "RECOMPILE"
}

// WithClause holds common table expressions.
type WithClause struct {
	Span
	CTEs []*CTE
}

// CTE is name [(columns)] AS (query); recursion is detected by the binder.
type CTE struct {
	Span
	Name    Ident
	Columns []Ident
	Query   *Query
}

// Select is a query specification (SELECT … FROM … WHERE … GROUP BY …
// HAVING …).
type Select struct {
	Span
	Distinct bool
	All      bool // explicit SELECT ALL
	Top      *Top
	Items    []*SelectItem
	Into     *ObjectName
	From     []TableExpr
	Where    Expr
	GroupBy  *GroupBy
	Having   Expr
}

// Top is TOP (Count) [PERCENT] [WITH TIES].
type Top struct {
	Span
	Count    Expr
	Percent  bool
	WithTies bool
}

// SelectItem is one select-list (or OUTPUT) element. Expr may be a *Star.
// Var is set for "@v = expr" (and Op gives the assignment operator);
// Alias for "expr AS a", "a = expr" and "expr 'a'".
type SelectItem struct {
	Span
	Expr  Expr
	Alias Ident
	Var   string
	Op    AssignOp
}

// GroupBy is GROUP BY [ALL] items [WITH ROLLUP|CUBE]; items may be
// *GroupingExpr for ROLLUP/CUBE/GROUPING SETS.
type GroupBy struct {
	Span
	All        bool
	Items      []Expr
	WithRollup bool
	WithCube   bool
}

// SetOpKind is UNION, EXCEPT or INTERSECT.
type SetOpKind uint8

const (
	Union SetOpKind = iota + 1
	Except
	Intersect
)

// SetOp is Left op [ALL] Right.
type SetOp struct {
	Span
	Op          SetOpKind
	All         bool
	Left, Right QueryExpr
}

// ParenQuery is a parenthesised query used as an operand of a set
// operation (it may have its own ORDER BY/TOP).
type ParenQuery struct {
	Span
	Query *Query
}

// ForKind is FOR XML, FOR JSON or FOR BROWSE.
type ForKind uint8

const (
	ForXML ForKind = iota + 1
	ForJSON
	ForBrowse
)

// ForClause is FOR XML|JSON mode [, directives].
type ForClause struct {
	Span
	Kind       ForKind
	Mode       string // RAW, AUTO, EXPLICIT, PATH (upper case)
	ModeArg    *Literal
	Directives []*ForDirective
}

// ForDirective is one FOR XML/JSON directive, e.g. TYPE, ROOT('r'),
// ELEMENTS XSINIL, INCLUDE_NULL_VALUES, WITHOUT_ARRAY_WRAPPER.
type ForDirective struct {
	Span
	Name string // upper case, words joined by one space
	Arg  *Literal
}

// NamedTable is a table or view in FROM (or a DML target) with optional
// alias and table hints (upper case, e.g. "NOLOCK", "INDEX(ix)").
type NamedTable struct {
	Span
	Name   ObjectName
	Alias  Ident
	Hints  []string
	Sample *TableSample
}

// TableSample is TABLESAMPLE [SYSTEM] (Size PERCENT|ROWS) [REPEATABLE (Seed)].
type TableSample struct {
	Span
	Size Expr
	Rows bool // ROWS (else PERCENT)
	Seed Expr
}

// VarTable is a table variable @t used as a table.
type VarTable struct {
	Span
	Name  string
	Alias Ident
}

// DerivedTable is (query) AS alias [(columns)].
type DerivedTable struct {
	Span
	Query   *Query
	Alias   Ident
	Columns []Ident
}

// ValuesTable is (VALUES (…), (…)) AS alias (columns).
type ValuesTable struct {
	Span
	Rows    [][]Expr
	Alias   Ident
	Columns []Ident
}

// FuncTable is a table-valued function call (or rowset function such as
// OPENJSON, STRING_SPLIT, or a method like x.nodes('…')) in FROM.
type FuncTable struct {
	Span
	Call    *FuncCall
	Method  *MethodCall // @x.nodes('…') instead of Call
	With    []*JSONColumn
	Alias   Ident
	Columns []Ident
}

// JSONColumn is one column of OPENJSON(…) WITH (name type ['path'] [AS JSON]).
type JSONColumn struct {
	Span
	Name   Ident
	Type   *TypeName
	Path   *Literal
	AsJSON bool
}

// JoinKind is the kind of a join.
type JoinKind uint8

const (
	JoinInner JoinKind = iota + 1
	JoinLeft
	JoinRight
	JoinFull
	JoinCross
	JoinCrossApply
	JoinOuterApply
)

// Join is Left kind JOIN Right [ON On]; Hint is LOOP/HASH/MERGE/REMOTE.
type Join struct {
	Span
	Kind        JoinKind
	Hint        string
	Left, Right TableExpr
	On          Expr
}

// ParenTable is a parenthesised join: (a JOIN b ON …).
type ParenTable struct {
	Span
	X TableExpr
}

// PivotTable is Source PIVOT (Agg FOR Column IN (values)) AS Alias, or
// UNPIVOT (Value FOR Column IN (columns)) when Unpivot is set.
type PivotTable struct {
	Span
	Source  TableExpr
	Unpivot bool
	Agg     *FuncCall // PIVOT aggregate
	Value   Ident     // UNPIVOT value column
	For     Ident
	In      []Ident
	Alias   Ident
}
