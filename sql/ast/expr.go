package ast

// LitKind classifies a literal; the kind decides its T-SQL type.
type LitKind uint8

const (
	LitNull    LitKind = iota
	LitInt             // integer constant that fits int
	LitDecimal         // decimal point, or an integer too large for int (numeric(p,0))
	LitFloat           // exponent form 1e5 (float)
	LitMoney           // $12.5 (money)
	LitString          // 'abc' (varchar)
	LitNString         // N'abc' (nvarchar)
	LitBinary          // 0x1F (varbinary)
)

// Literal is a constant. Text is the original source text; Val is the
// decoded value: string contents without quotes and with ” undone, hex
// digits of a binary without 0x, numbers without a leading $.
type Literal struct {
	Span
	Kind LitKind
	Text string
	Val  string
}

// ColumnRef is a (possibly qualified) column name; Table holds the
// qualifier, which may be an alias (only Name set) or a multi-part object
// name. Special columns $IDENTITY, $ROWGUID and $action keep their '$'.
type ColumnRef struct {
	Span
	Table ObjectName
	Name  Ident
}

// Star is * or qualifier.* in a select list, and * in COUNT(*).
type Star struct {
	Span
	Table ObjectName // zero for a bare *
}

// VarRef is a local variable or parameter reference; Name includes '@'.
type VarRef struct {
	Span
	Name string
}

// GlobalVarRef is a @@name system function; Name includes "@@" and is as
// written (compare case-insensitively).
type GlobalVarRef struct {
	Span
	Name string
}

// UnaryOp is a prefix operator.
type UnaryOp uint8

const (
	OpNeg    UnaryOp = iota + 1 // -
	OpPlus                      // +
	OpBitNot                    // ~
	OpNot                       // NOT
)

// UnaryExpr is a prefix operator applied to X.
type UnaryExpr struct {
	Span
	Op UnaryOp
	X  Expr
}

// BinaryOp is an infix operator.
type BinaryOp uint8

const (
	OpAdd    BinaryOp = iota + 1 // + (also string concatenation; the binder decides)
	OpSub                        // -
	OpMul                        // *
	OpDiv                        // /
	OpMod                        // %
	OpBitAnd                     // &
	OpBitOr                      // |
	OpBitXor                     // ^
	OpEq                         // =
	OpNe                         // <> or !=
	OpLt                         // <
	OpGt                         // >
	OpLe                         // <=
	OpGe                         // >=
	OpNotLt                      // !<
	OpNotGt                      // !>
	OpAnd                        // AND
	OpOr                         // OR
)

// IsComparison reports whether op is one of the comparison operators.
func (op BinaryOp) IsComparison() bool { return op >= OpEq && op <= OpNotGt }

// BinaryExpr is L op R.
type BinaryExpr struct {
	Span
	Op   BinaryOp
	L, R Expr
}

// ParenExpr is a parenthesised expression, kept so printing reproduces the
// author's grouping; the binder sees through it.
type ParenExpr struct {
	Span
	X Expr
}

// BetweenExpr is X [NOT] BETWEEN Low AND High.
type BetweenExpr struct {
	Span
	Not       bool
	X         Expr
	Low, High Expr
}

// InExpr is X [NOT] IN (list) or X [NOT] IN (subquery); exactly one of
// List and Query is set.
type InExpr struct {
	Span
	Not   bool
	X     Expr
	List  []Expr
	Query *Query
}

// LikeExpr is X [NOT] LIKE Pattern [ESCAPE Escape].
type LikeExpr struct {
	Span
	Not     bool
	X       Expr
	Pattern Expr
	Escape  Expr
}

// IsNullExpr is X IS [NOT] NULL.
type IsNullExpr struct {
	Span
	Not bool
	X   Expr
}

// IsDistinctExpr is L IS [NOT] DISTINCT FROM R.
type IsDistinctExpr struct {
	Span
	Not  bool
	L, R Expr
}

// ExistsExpr is EXISTS (subquery).
type ExistsExpr struct {
	Span
	Query *Query
}

// SubqueryExpr is a scalar subquery.
type SubqueryExpr struct {
	Span
	Query *Query
}

// Quantifier of a quantified comparison.
type Quantifier uint8

const (
	QuantAll Quantifier = iota + 1
	QuantAny
	QuantSome
)

// QuantifiedExpr is X op ALL|ANY|SOME (subquery).
type QuantifiedExpr struct {
	Span
	Op    BinaryOp
	Quant Quantifier
	X     Expr
	Query *Query
}

// CaseExpr is a simple (Operand set) or searched CASE.
type CaseExpr struct {
	Span
	Operand Expr
	Whens   []*When
	Else    Expr
}

// When is one WHEN Cond THEN Result arm.
type When struct {
	Span
	Cond   Expr
	Result Expr
}

// CastExpr is CAST(X AS Type) or TRY_CAST.
type CastExpr struct {
	Span
	Try  bool
	X    Expr
	Type *TypeName
}

// ConvertExpr is CONVERT(Type, X [, Style]) or TRY_CONVERT.
type ConvertExpr struct {
	Span
	Try   bool
	Type  *TypeName
	X     Expr
	Style Expr
}

// ParseExpr is PARSE(X AS Type [USING Culture]) or TRY_PARSE.
type ParseExpr struct {
	Span
	Try     bool
	X       Expr
	Type    *TypeName
	Culture Expr
}

// FuncCall is a function call: built-ins, user functions (schema-qualified
// names) and method calls on columns/variables (x.value(...)) alike.
// NoParens marks niladic forms such as CURRENT_TIMESTAMP and USER.
type FuncCall struct {
	Span
	Name        ObjectName
	Args        []Expr // *Star for COUNT(*)
	Distinct    bool
	NoParens    bool
	WithinGroup []*OrderItem
	Over        *OverClause
}

// MethodCall is a method call on a variable, e.g. @x.value('…', 'int').
type MethodCall struct {
	Span
	X      Expr
	Method Ident
	Args   []Expr
}

// OverClause is a window specification.
type OverClause struct {
	Span
	PartitionBy []Expr
	OrderBy     []*OrderItem
	Frame       *WindowFrame
}

// FrameUnit is ROWS or RANGE.
type FrameUnit uint8

const (
	FrameRows FrameUnit = iota + 1
	FrameRange
)

// BoundKind is the kind of a window frame bound.
type BoundKind uint8

const (
	BoundUnboundedPreceding BoundKind = iota + 1
	BoundPreceding
	BoundCurrentRow
	BoundFollowing
	BoundUnboundedFollowing
)

// FrameBound is one end of a frame; Offset is set for n PRECEDING/FOLLOWING.
type FrameBound struct {
	Span
	Kind   BoundKind
	Offset Expr
}

// WindowFrame is ROWS|RANGE Start or ROWS|RANGE BETWEEN Start AND End (End
// nil in the short form).
type WindowFrame struct {
	Span
	Unit  FrameUnit
	Start *FrameBound
	End   *FrameBound
}

// OrderItem is one ORDER BY element.
type OrderItem struct {
	Span
	X    Expr
	Desc bool
}

// CollateExpr is X COLLATE Collation.
type CollateExpr struct {
	Span
	X         Expr
	Collation string
}

// NextValueExpr is NEXT VALUE FOR Seq [OVER (ORDER BY …)].
type NextValueExpr struct {
	Span
	Seq  ObjectName
	Over *OverClause
}

// DefaultExpr is the DEFAULT keyword where a value is expected (VALUES,
// procedure and function arguments).
type DefaultExpr struct {
	Span
}

// RowExpr is a parenthesised list of expressions, used in GROUPING SETS,
// ROLLUP and CUBE elements; () is an empty RowExpr.
type RowExpr struct {
	Span
	Exprs []Expr
}

// GroupingKind is ROLLUP, CUBE or GROUPING SETS.
type GroupingKind uint8

const (
	GroupRollup GroupingKind = iota + 1
	GroupCube
	GroupSets
)

// GroupingExpr is ROLLUP(…), CUBE(…) or GROUPING SETS(…) in GROUP BY.
type GroupingExpr struct {
	Span
	Kind  GroupingKind
	Items []Expr
}
