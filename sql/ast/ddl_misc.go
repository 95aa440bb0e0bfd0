package ast

// ObjectKind is the kind of object a DROP names.
type ObjectKind uint8

const (
	ObjTable ObjectKind = iota + 1
	ObjView
	ObjProcedure
	ObjFunction
	ObjTrigger
	ObjSchema
	ObjDatabase
	ObjSequence
	ObjType
	ObjLogin
	ObjUser
	ObjRole
	ObjSynonym
	ObjDefault
	ObjRule
	ObjStatistics
)

// DropStmt is DROP kind [IF EXISTS] name, ….
type DropStmt struct {
	Span
	Kind     ObjectKind
	IfExists bool
	Names    []ObjectName
	OnServer bool // DROP TRIGGER … ON ALL SERVER
	OnDb     bool // DROP TRIGGER … ON DATABASE
}

// CreateSchemaStmt is CREATE SCHEMA name [AUTHORIZATION owner] [elements].
type CreateSchemaStmt struct {
	Span
	Name          Ident
	Authorization Ident
	Elements      []Stmt
}

// CreateDatabaseStmt is CREATE DATABASE name [COLLATE c] [WITH …]. File
// specifications are accepted and kept only as text.
type CreateDatabaseStmt struct {
	Span
	Name      Ident
	Collation string
	Options   []*Option
	Files     string // ON/LOG ON specification as written, if any
}

// AlterDatabaseStmt is ALTER DATABASE name|CURRENT SET …|COLLATE …|MODIFY
// NAME = ….
type AlterDatabaseStmt struct {
	Span
	Name      Ident
	Current   bool
	Options   []*Option // SET options: Name upper case, Value as written (ON/OFF become string literals)
	Collation string
	NewName   Ident
	Term      string // WITH ROLLBACK IMMEDIATE / NO_WAIT … (upper case)
}

// CreateSequenceStmt is CREATE|ALTER SEQUENCE.
type CreateSequenceStmt struct {
	Span
	Alter      bool
	Name       ObjectName
	Type       *TypeName
	Start      Expr
	Restart    bool
	RestartVal Expr
	Increment  Expr
	MinValue   Expr
	NoMinValue bool
	MaxValue   Expr
	NoMaxValue bool
	Cycle      bool
	NoCycle    bool
	Cache      Expr
	CacheSet   bool
	NoCache    bool
}

// CreateTypeStmt is CREATE TYPE name FROM base [NULL|NOT NULL] or
// CREATE TYPE name AS TABLE (…).
type CreateTypeStmt struct {
	Span
	Name  ObjectName
	Base  *TypeName
	Null  NullSpec
	Table *TableDef
}

// CreateLoginStmt is CREATE|ALTER LOGIN name WITH PASSWORD = … [, options]
// or FROM WINDOWS; ALTER LOGIN … ENABLE|DISABLE sets Enable/Disable.
type CreateLoginStmt struct {
	Span
	Alter       bool
	Name        Ident
	Password    Expr
	MustChange  bool
	Hashed      bool
	FromWindows bool
	Enable      bool
	Disable     bool
	Options     []*Option // DEFAULT_DATABASE, CHECK_POLICY, …
}

// CreateUserStmt is CREATE|ALTER USER name [FOR|FROM LOGIN l] [WITHOUT
// LOGIN] [WITH DEFAULT_SCHEMA = s, …].
type CreateUserStmt struct {
	Span
	Alter        bool
	Name         Ident
	Login        Ident
	WithoutLogin bool
	Options      []*Option
}

// CreateRoleStmt is CREATE ROLE name [AUTHORIZATION owner]; with Alter,
// ALTER ROLE name ADD|DROP MEMBER m / WITH NAME = n.
type CreateRoleStmt struct {
	Span
	Alter         bool
	Server        bool // SERVER ROLE
	Name          Ident
	Authorization Ident
	AddMember     Ident
	DropMember    Ident
	NewName       Ident
}

// GrantKind is GRANT, DENY or REVOKE.
type GrantKind uint8

const (
	Grant GrantKind = iota + 1
	Deny
	Revoke
)

// Permission is one permission with optional column list.
type Permission struct {
	Span
	Name    string // upper case, words joined by one space (e.g. "VIEW DEFINITION", "ALL")
	Columns []Ident
}

// GrantStmt is GRANT/DENY/REVOKE permissions [ON [class::]securable] TO|FROM
// principals.
type GrantStmt struct {
	Span
	Kind           GrantKind
	Permissions    []*Permission
	Class          string // OBJECT, SCHEMA, DATABASE, … when written with ::
	On             *ObjectName
	Principals     []Ident
	WithGrant      bool
	GrantOptionFor bool
	Cascade        bool
	As             Ident
}

// CreateSynonymStmt is CREATE SYNONYM name FOR target.
type CreateSynonymStmt struct {
	Span
	Name   ObjectName
	Target ObjectName
}

// CreateStatisticsStmt is CREATE STATISTICS name ON table (columns); with
// Update set, UPDATE STATISTICS table [name].
type CreateStatisticsStmt struct {
	Span
	Update  bool
	Name    Ident
	Table   ObjectName
	Columns []Ident
	Options []*Option
}

// EnableTriggerStmt is ENABLE|DISABLE TRIGGER names|ALL ON table|DATABASE|ALL SERVER.
type EnableTriggerStmt struct {
	Span
	Enable     bool
	All        bool
	Names      []ObjectName
	Table      ObjectName
	OnDatabase bool
	OnServer   bool
}

// AlterSchemaStmt is ALTER SCHEMA name TRANSFER [class::]object.
type AlterSchemaStmt struct {
	Span
	Name   Ident
	Class  string // OBJECT, TYPE, XML SCHEMA COLLECTION (upper case) when written
	Object ObjectName
}
