package ast

// BeginTranStmt is BEGIN [DISTRIBUTED] TRAN[SACTION] [name|@var] [WITH MARK].
type BeginTranStmt struct {
	Span
	Distributed bool
	Name        string // identifier or @variable
	Mark        Expr   // WITH MARK ['description']
	WithMark    bool
}

// CommitStmt is COMMIT [TRAN[SACTION] [name]] or COMMIT WORK.
type CommitStmt struct {
	Span
	Name string
	Work bool
}

// RollbackStmt is ROLLBACK [TRAN[SACTION] [name]] or ROLLBACK WORK.
type RollbackStmt struct {
	Span
	Name string
	Work bool
}

// SaveTranStmt is SAVE TRAN[SACTION] name.
type SaveTranStmt struct {
	Span
	Name string
}

// UseStmt is USE database.
type UseStmt struct {
	Span
	Database Ident
}

// ShutdownStmt is SHUTDOWN [WITH NOWAIT].
type ShutdownStmt struct {
	Span
	NoWait bool
}

// KillStmt is KILL spid [WITH STATUSONLY].
type KillStmt struct {
	Span
	Target     Expr
	StatusOnly bool
}

// DbccStmt is DBCC command [(args)] [WITH options].
type DbccStmt struct {
	Span
	Command string // upper case
	Args    []Expr
	Options []string
}

// CheckpointStmt is CHECKPOINT [duration].
type CheckpointStmt struct {
	Span
	Duration Expr
}

// ReconfigureStmt is RECONFIGURE [WITH OVERRIDE].
type ReconfigureStmt struct {
	Span
	Override bool
}
