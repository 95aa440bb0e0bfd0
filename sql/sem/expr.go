package sem

import (
	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/types"
)

// Expr is a bound scalar expression with its static type.
type Expr interface {
	Type() types.Type
}

// Const is a constant.
type Const struct {
	T types.Type
	V types.Value
}

// ColRef reads column Idx of the current input row.
type ColRef struct {
	T    types.Type
	Idx  int
	Name string
}

// OuterRef reads column Idx of an enclosing query's current row; Depth 1 is
// the immediately enclosing query (correlated subqueries).
type OuterRef struct {
	T     types.Type
	Depth int
	Idx   int
}

// VarRef reads a local variable or parameter slot.
type VarRef struct {
	T    types.Type
	Slot int
	Name string
}

// GlobalVar is a @@function evaluated against the session (upper-case name
// without @@).
type GlobalVar struct {
	T    types.Type
	Name string
}

// Unary is -x, +x, ~x.
type Unary struct {
	T  types.Type
	Op ast.UnaryOp
	X  Expr
}

// Arith is an arithmetic, bitwise or concatenation operator; both operands
// are already converted to the operation type OpT, and the result has T.
type Arith struct {
	T    types.Type
	OpT  types.Type
	Op   ast.BinaryOp
	L, R Expr
}

// Compare is a comparison; operands are converted to the comparison type
// CmpT (collation included).
type Compare struct {
	CmpT types.Type
	Op   ast.BinaryOp
	L, R Expr
}

// Logic is AND/OR.
type Logic struct {
	And  bool
	L, R Expr
}

// Not negates a predicate.
type Not struct{ X Expr }

// IsNull is x IS [NOT] NULL.
type IsNull struct {
	X   Expr
	Not bool
}

// Like is x [NOT] LIKE pattern [ESCAPE e].
type Like struct {
	X, Pattern, Escape Expr
	Not                bool
	CmpT               types.Type
}

// InList is x [NOT] IN (list), elements converted to CmpT.
type InList struct {
	X    Expr
	List []Expr
	Not  bool
	CmpT types.Type
}

// CaseWhen is one arm of a searched CASE (simple CASE is rewritten).
type CaseWhen struct {
	Cond   Expr
	Result Expr
}

// Case is a searched CASE.
type Case struct {
	T     types.Type
	Whens []CaseWhen
	Else  Expr // nil = NULL
}

// Cast converts X to T (explicit CAST/CONVERT or an implicit conversion).
type Cast struct {
	T     types.Type
	X     Expr
	Try   bool
	Style int
}

// Func is a built-in scalar function.
type Func struct {
	T    types.Type
	Name string // upper case
	Args []Expr
}

// SubqueryKind is the kind of a subquery expression.
type SubqueryKind uint8

const (
	SubScalar SubqueryKind = iota + 1
	SubExists
	SubIn
	SubAll
	SubAny
)

// Subquery is a scalar, EXISTS, IN or quantified subquery. For IN/ALL/ANY,
// X is compared with Op to the single column of Query.
type Subquery struct {
	T     types.Type
	Kind  SubqueryKind
	Query Rel
	X     Expr
	Op    ast.BinaryOp
	Not   bool
	CmpT  types.Type
	// Correlated is false when the query references no outer row, so it
	// can be evaluated once per execution.
	Correlated bool
}

// Coalesce returns the first non-NULL argument (COALESCE, ISNULL).
type Coalesce struct {
	T    types.Type
	Args []Expr
}

// Type implementations.
func (e *Const) Type() types.Type     { return e.T }
func (e *ColRef) Type() types.Type    { return e.T }
func (e *OuterRef) Type() types.Type  { return e.T }
func (e *VarRef) Type() types.Type    { return e.T }
func (e *GlobalVar) Type() types.Type { return e.T }
func (e *Unary) Type() types.Type     { return e.T }
func (e *Arith) Type() types.Type     { return e.T }
func (e *Compare) Type() types.Type   { return BitType }
func (e *Logic) Type() types.Type     { return BitType }
func (e *Not) Type() types.Type       { return BitType }
func (e *IsNull) Type() types.Type    { return BitType }
func (e *Like) Type() types.Type      { return BitType }
func (e *InList) Type() types.Type    { return BitType }
func (e *Case) Type() types.Type      { return e.T }
func (e *Cast) Type() types.Type      { return e.T }
func (e *Func) Type() types.Type      { return e.T }
func (e *Subquery) Type() types.Type  { return e.T }
func (e *Coalesce) Type() types.Type  { return e.T }

// BitType is the type predicates carry (they are never projected as such).
var BitType = types.Type{ID: types.Bit}
