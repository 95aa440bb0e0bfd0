package ast

// Span locates a node in the batch text: Pos and End are byte offsets
// (End exclusive), Line is the 1-based line of Pos. SQL Server error
// messages quote lines, so every node carries one.
type Span struct {
	Pos, End int32
	Line     int32
}

// NodeSpan returns the span itself; embedding Span gives every node the
// Node interface.
func (s Span) NodeSpan() Span { return s }

// Node is any syntax tree node.
type Node interface {
	NodeSpan() Span
}

// Expr is a scalar expression (or predicate: T-SQL keeps them in one tree
// and the binder tells them apart).
type Expr interface {
	Node
	exprNode()
}

// Stmt is one T-SQL statement.
type Stmt interface {
	Node
	stmtNode()
}

// QueryExpr is the body of a query: a query specification (*Select), a set
// operation (*SetOp) or a parenthesised query (*ParenQuery).
type QueryExpr interface {
	Node
	queryExprNode()
}

// TableExpr is an item of a FROM clause (or a DML target).
type TableExpr interface {
	Node
	tableExprNode()
}

// Ident is one identifier. Name is the decoded text ([a]]b] gives "a]b");
// Quoted records whether it was written in brackets or double quotes, which
// matters only for printing and for keywords used as names.
type Ident struct {
	Span
	Name   string
	Quoted bool
}

// IsZero reports whether the identifier is absent.
func (i Ident) IsZero() bool { return i.Name == "" && !i.Quoted }

// ObjectName is a multi-part object name server.database.schema.object.
// Absent parts have an empty Name; "db..t" has Database and Name set.
type ObjectName struct {
	Span
	Server   Ident
	Database Ident
	Schema   Ident
	Name     Ident
}

// IsZero reports whether the name is absent.
func (n *ObjectName) IsZero() bool {
	return n.Name.IsZero() && n.Schema.IsZero() && n.Database.IsZero() && n.Server.IsZero()
}

// TypeName is a syntactic reference to a data type: optional schema, name
// and the numeric arguments as written, e.g. decimal(10,2), varchar(max)
// (Max set, Args empty). Resolution to types.Type is the binder's job since
// alias types live in the catalog.
type TypeName struct {
	Span
	Schema Ident
	Name   Ident
	Args   []int64
	Max    bool
}

// Option is a generic NAME = value option, e.g. index WITH (FILLFACTOR = 80)
// or ALTER DATABASE … SET. Name is upper case; Value may be nil (flag).
// Bare-word values (ON, OFF, PAGE, [master]) are LitString literals whose
// Text is the word as written and Val the decoded word; nested lists such
// as QUERY_STORE (A = x, …) are RowExprs of NAME = value BinaryExprs.
type Option struct {
	Span
	Name  string
	Value Expr
	Unit  string // SECONDS/MINUTES after the value (ALTER DATABASE … SET)
}

// Batch is a parsed batch: its statements and the text they came from.
type Batch struct {
	Text  string
	Stmts []Stmt
}
