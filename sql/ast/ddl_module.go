package ast

// CreateViewStmt is CREATE [OR ALTER] VIEW or ALTER VIEW. Definition is the
// exact source text of the statement, kept for sys.sql_modules.
type CreateViewStmt struct {
	Span
	Alter       bool // ALTER VIEW
	OrAlter     bool // CREATE OR ALTER VIEW
	Name        ObjectName
	Columns     []Ident
	Options     []string // SCHEMABINDING, ENCRYPTION, VIEW_METADATA
	Query       *Query
	CheckOption bool
	Definition  string
}

// ParamDef is a procedure or function parameter.
type ParamDef struct {
	Span
	Name     string // with '@'
	Type     *TypeName
	Varying  bool
	Null     NullSpec
	Default  Expr
	Output   bool
	ReadOnly bool
}

// CreateProcStmt is CREATE [OR ALTER] PROC[EDURE] or ALTER PROCEDURE.
type CreateProcStmt struct {
	Span
	Alter      bool
	OrAlter    bool
	Name       ObjectName
	Params     []*ParamDef
	Options    []string // RECOMPILE, ENCRYPTION, EXECUTE AS …, NATIVE_COMPILATION …
	ForRepl    bool
	Body       []Stmt
	Definition string
}

// CreateFunctionStmt is CREATE [OR ALTER] FUNCTION or ALTER FUNCTION:
//   - scalar: Returns set, Body is the BEGIN … END block's statements;
//   - inline table-valued: ReturnsTable set, Query is the RETURN query;
//   - multi-statement table-valued: ReturnVar and ReturnTable set, Body.
type CreateFunctionStmt struct {
	Span
	Alter        bool
	OrAlter      bool
	Name         ObjectName
	Params       []*ParamDef
	Returns      *TypeName
	ReturnsTable bool
	ReturnVar    string
	ReturnTable  *TableDef
	Options      []string // SCHEMABINDING, RETURNS NULL ON NULL INPUT, EXECUTE AS …
	Body         []Stmt
	Query        *Query
	Definition   string
}

// TriggerTiming is AFTER/FOR or INSTEAD OF.
type TriggerTiming uint8

const (
	TriggerAfter TriggerTiming = iota + 1
	TriggerFor                 // FOR (same as AFTER; kept for printing)
	TriggerInsteadOf
)

// CreateTriggerStmt is CREATE [OR ALTER] TRIGGER or ALTER TRIGGER. Table
// is zero for DDL triggers (OnDatabase/OnServer).
type CreateTriggerStmt struct {
	Span
	Alter             bool
	OrAlter           bool
	Name              ObjectName
	Table             ObjectName
	OnDatabase        bool
	OnServer          bool
	Options           []string
	Timing            TriggerTiming
	Events            []string // INSERT, UPDATE, DELETE or DDL event names (upper case)
	WithAppend        bool
	NotForReplication bool
	Body              []Stmt
	Definition        string
}
