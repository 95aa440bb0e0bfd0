package ast

// AssignOp is = or a compound assignment (+= -= *= /= %= &= |= ^=).
type AssignOp uint8

const (
	AssignSet AssignOp = iota
	AssignAdd
	AssignSub
	AssignMul
	AssignDiv
	AssignMod
	AssignAnd
	AssignOr
	AssignXor
)

// SelectStmt is a query run as a statement.
type SelectStmt struct {
	Span
	Query *Query
}

// OutputClause is OUTPUT items [INTO target [(columns)]].
type OutputClause struct {
	Span
	Items       []*SelectItem
	Into        TableExpr // *NamedTable or *VarTable; nil for plain OUTPUT
	IntoColumns []Ident
}

// InsertStmt is INSERT [TOP] [INTO] target [(columns)] [OUTPUT …] source.
// Exactly one of Values, Query, Exec and DefaultValues gives the source.
type InsertStmt struct {
	Span
	With          *WithClause
	Top           *Top
	Target        TableExpr // *NamedTable or *VarTable (hints allowed)
	Columns       []Ident
	OutputInto    *OutputClause
	Output        *OutputClause
	Values        [][]Expr
	Query         *Query
	Exec          *ExecStmt
	DefaultValues bool
	Options       []*Option
}

// SetClause is one SET element of UPDATE/MERGE: column = value,
// @var = value, or @var = column = value.
type SetClause struct {
	Span
	Var    string
	Column *ColumnRef
	Op     AssignOp
	Value  Expr
}

// UpdateStmt is UPDATE [TOP] target SET … [OUTPUT …] [FROM …] [WHERE …].
type UpdateStmt struct {
	Span
	With       *WithClause
	Top        *Top
	Target     TableExpr
	Set        []*SetClause
	OutputInto *OutputClause
	Output     *OutputClause
	From       []TableExpr
	Where      Expr
	CurrentOf  *CursorRef
	Options    []*Option
}

// DeleteStmt is DELETE [TOP] [FROM] target [OUTPUT …] [FROM …] [WHERE …].
type DeleteStmt struct {
	Span
	With       *WithClause
	Top        *Top
	Target     TableExpr
	OutputInto *OutputClause
	Output     *OutputClause
	From       []TableExpr
	Where      Expr
	CurrentOf  *CursorRef
	Options    []*Option
}

// MergeMatch says which rows a WHEN clause of MERGE applies to.
type MergeMatch uint8

const (
	MergeMatched    MergeMatch = iota + 1
	MergeNotMatched            // NOT MATCHED [BY TARGET]
	MergeNotMatchedBySource
)

// MergeActionKind is the action of a MERGE WHEN clause.
type MergeActionKind uint8

const (
	MergeUpdate MergeActionKind = iota + 1
	MergeDelete
	MergeInsert
)

// MergeWhen is WHEN [NOT] MATCHED [BY …] [AND Cond] THEN action.
type MergeWhen struct {
	Span
	Match         MergeMatch
	Cond          Expr
	Action        MergeActionKind
	Set           []*SetClause // UPDATE SET
	Columns       []Ident      // INSERT (columns)
	Values        []Expr       // INSERT VALUES (…)
	DefaultValues bool         // INSERT DEFAULT VALUES
}

// MergeStmt is MERGE [TOP] [INTO] target USING source ON cond WHEN ….
type MergeStmt struct {
	Span
	With       *WithClause
	Top        *Top
	Target     TableExpr
	Source     TableExpr
	On         Expr
	Whens      []*MergeWhen
	OutputInto *OutputClause
	Output     *OutputClause
	Options    []*Option
}

// TruncateStmt is TRUNCATE TABLE name.
type TruncateStmt struct {
	Span
	Table ObjectName
}
