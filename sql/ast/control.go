package ast

// VarDecl is one DECLARE item: scalar (Type, optional Init), table variable
// (Table) or cursor variable (Cursor).
type VarDecl struct {
	Span
	Name   string
	Type   *TypeName
	Init   Expr
	Table  *TableDef
	Cursor bool
}

// DeclareStmt is DECLARE @a int = 1, @t TABLE (…), ….
type DeclareStmt struct {
	Span
	Vars []*VarDecl
}

// DeclareCursorStmt is DECLARE name CURSOR [options] FOR query [FOR
// UPDATE [OF cols]|FOR READ ONLY].
type DeclareCursorStmt struct {
	Span
	Name          Ident
	Insensitive   bool // ISO syntax INSENSITIVE
	Scroll        bool // ISO syntax SCROLL
	Options       []string
	Query         *Query
	ReadOnly      bool
	ForUpdate     bool
	UpdateColumns []Ident
}

// SetVarStmt is SET @v op= value; Cursor is set for SET @c = CURSOR ….
type SetVarStmt struct {
	Span
	Name   string
	Op     AssignOp
	Value  Expr
	Cursor *DeclareCursorStmt
}

// SetOptionStmt is SET option[, option…] ON|OFF|value. Options are upper
// case (STATISTICS IO is "STATISTICS IO"). Value is nil for ON/OFF.
type SetOptionStmt struct {
	Span
	Options []string
	On      bool
	Value   Expr // DATEFORMAT dmy, DATEFIRST 7, LANGUAGE x, LOCK_TIMEOUT n, ROWCOUNT n, TEXTSIZE n, DEADLOCK_PRIORITY …
}

// SetIsolationStmt is SET TRANSACTION ISOLATION LEVEL Level (upper case,
// e.g. "READ COMMITTED").
type SetIsolationStmt struct {
	Span
	Level string
}

// SetIdentityInsertStmt is SET IDENTITY_INSERT table ON|OFF.
type SetIdentityInsertStmt struct {
	Span
	Table ObjectName
	On    bool
}

// BlockStmt is BEGIN … END.
type BlockStmt struct {
	Span
	Stmts []Stmt
}

// IfStmt is IF Cond Then [ELSE Else].
type IfStmt struct {
	Span
	Cond Expr
	Then Stmt
	Else Stmt
}

// WhileStmt is WHILE Cond Body.
type WhileStmt struct {
	Span
	Cond Expr
	Body Stmt
}

// BreakStmt is BREAK.
type BreakStmt struct{ Span }

// ContinueStmt is CONTINUE.
type ContinueStmt struct{ Span }

// GotoStmt is GOTO label.
type GotoStmt struct {
	Span
	Label Ident
}

// LabelStmt is label: .
type LabelStmt struct {
	Span
	Label Ident
}

// ReturnStmt is RETURN [value].
type ReturnStmt struct {
	Span
	Value Expr
}

// TryCatchStmt is BEGIN TRY … END TRY BEGIN CATCH … END CATCH.
type TryCatchStmt struct {
	Span
	Try   []Stmt
	Catch []Stmt
}

// WaitForStmt is WAITFOR DELAY|TIME value.
type WaitForStmt struct {
	Span
	Time  bool // TIME (else DELAY)
	Value Expr
}

// PrintStmt is PRINT value.
type PrintStmt struct {
	Span
	Value Expr
}

// RaiserrorStmt is RAISERROR(msg, severity, state [, args]) [WITH options].
type RaiserrorStmt struct {
	Span
	Msg      Expr
	Severity Expr
	State    Expr
	Args     []Expr
	Options  []string // LOG, NOWAIT, SETERROR
}

// ThrowStmt is THROW [number, message, state]; all nil re-throws.
type ThrowStmt struct {
	Span
	Number, Message, State Expr
}

// ExecArg is one argument of EXEC: [@name =] value [OUTPUT]; Value is a
// *DefaultExpr for DEFAULT.
type ExecArg struct {
	Span
	Name   string
	Value  Expr
	Output bool
}

// ExecStmt is EXEC[UTE] of a procedure or of a dynamic string.
//   - procedure: Proc (or ProcVar for EXEC @name), Args, ReturnVar for
//     EXEC @rc = p;
//   - dynamic: Dynamic holds the string expression of EXEC ('…' + @x),
//     AsUser/AsLogin the optional AS USER|LOGIN = '…', At a linked server.
//
// Implicit marks a procedure call without EXEC (first statement of a batch).
type ExecStmt struct {
	Span
	ReturnVar string
	Proc      ObjectName
	ProcVar   string
	Args      []*ExecArg
	Dynamic   Expr
	AsUser    Expr
	AsLogin   Expr
	At        Ident
	Options   []string // RECOMPILE, RESULT SETS … (upper case)
	Implicit  bool
}

// ExecuteAsStmt is EXECUTE AS USER|LOGIN|CALLER = 'name' (context switch).
type ExecuteAsStmt struct {
	Span
	Kind     string // USER, LOGIN, CALLER, SELF, OWNER
	Name     Expr
	NoRevert bool
}

// RevertStmt is REVERT.
type RevertStmt struct{ Span }

// CursorRef names a cursor: [GLOBAL] name, or a cursor variable.
type CursorRef struct {
	Span
	Global bool
	Name   Ident
	Var    string
}

// OpenStmt is OPEN cursor.
type OpenStmt struct {
	Span
	Cursor *CursorRef
}

// CloseStmt is CLOSE cursor.
type CloseStmt struct {
	Span
	Cursor *CursorRef
}

// DeallocateStmt is DEALLOCATE cursor.
type DeallocateStmt struct {
	Span
	Cursor *CursorRef
}

// FetchDir is a FETCH orientation.
type FetchDir uint8

const (
	FetchNext FetchDir = iota // default
	FetchPrior
	FetchFirst
	FetchLast
	FetchAbsolute
	FetchRelative
)

// FetchStmt is FETCH [dir [n]] [FROM] cursor [INTO @a, …].
type FetchStmt struct {
	Span
	Dir      FetchDir
	Explicit bool // direction written (FETCH NEXT FROM vs FETCH c)
	Offset   Expr
	Cursor   *CursorRef
	Into     []string
}
