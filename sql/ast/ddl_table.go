package ast

// NullSpec is a column's declared nullability.
type NullSpec uint8

const (
	NullUnspecified NullSpec = iota
	Nullable                 // NULL
	NotNull                  // NOT NULL
)

// ClusterKind is CLUSTERED, NONCLUSTERED or unspecified.
type ClusterKind uint8

const (
	ClusterUnspecified ClusterKind = iota
	Clustered
	NonClustered
)

// ConstraintKind is the kind of a table or column constraint.
type ConstraintKind uint8

const (
	ConstraintPrimaryKey ConstraintKind = iota + 1
	ConstraintUnique
	ConstraintForeignKey
	ConstraintCheck
	ConstraintDefault
)

// RefAction is a foreign key ON DELETE/ON UPDATE action.
type RefAction uint8

const (
	RefNoAction RefAction = iota // also when unspecified
	RefCascade
	RefSetNull
	RefSetDefault
)

// IdentitySpec is IDENTITY [(seed, increment)]; Seed/Increment are nil
// when omitted (1, 1).
type IdentitySpec struct {
	Span
	Seed, Increment   Expr
	NotForReplication bool
}

// IndexColumn is a key column of an index or key constraint.
type IndexColumn struct {
	Span
	Name Ident
	Desc bool
}

// Constraint is a column or table constraint. For a column constraint
// Columns is empty (the column itself is meant).
type Constraint struct {
	Span
	Name              Ident // CONSTRAINT name, or zero
	Kind              ConstraintKind
	Cluster           ClusterKind
	Columns           []*IndexColumn // PRIMARY KEY/UNIQUE/FOREIGN KEY (…) columns
	RefTable          ObjectName     // REFERENCES
	RefColumns        []Ident
	OnDelete          RefAction
	OnUpdate          RefAction
	Expr              Expr  // CHECK condition or DEFAULT value
	For               Ident // ALTER TABLE … ADD DEFAULT x FOR column
	NotForReplication bool
	Options           []*Option // WITH (…) index options
	On                string    // ON filegroup / partition scheme
}

// ColumnDef is a column definition (CREATE TABLE, table variables, table
// types, ALTER TABLE ADD/ALTER COLUMN). Computed columns have Computed set
// and Type nil.
type ColumnDef struct {
	Span
	Name        Ident
	Type        *TypeName
	Computed    Expr
	Persisted   bool
	Collation   string
	Null        NullSpec
	Identity    *IdentitySpec
	RowGUIDCol  bool
	Sparse      bool
	Constraints []*Constraint
}

// TableDef is a parenthesised list of column definitions and table
// constraints, as in DECLARE @t TABLE (…) and CREATE TYPE … AS TABLE (…).
type TableDef struct {
	Span
	Columns     []*ColumnDef
	Constraints []*Constraint
	Indexes     []*InlineIndex
}

// InlineIndex is INDEX name [UNIQUE] [CLUSTERED|NONCLUSTERED] (cols) inside
// a table definition.
type InlineIndex struct {
	Span
	Name    Ident
	Unique  bool
	Cluster ClusterKind
	Columns []*IndexColumn
	Include []Ident
	Where   Expr
}

// CreateTableStmt is CREATE TABLE name (…).
type CreateTableStmt struct {
	Span
	Name        ObjectName
	Columns     []*ColumnDef
	Constraints []*Constraint
	Indexes     []*InlineIndex
	On          string // ON filegroup
	TextImageOn string
	Options     []*Option // WITH (…)
}

// AlterTableKind is the action of ALTER TABLE.
type AlterTableKind uint8

const (
	AlterTableAdd         AlterTableKind = iota + 1 // ADD columns/constraints
	AlterTableDrop                                  // DROP [COLUMN|CONSTRAINT] …
	AlterTableAlterColumn                           // ALTER COLUMN
	AlterTableCheck                                 // [WITH CHECK|NOCHECK] CHECK|NOCHECK CONSTRAINT ALL|names
	AlterTableTrigger                               // ENABLE|DISABLE TRIGGER ALL|names
	AlterTableSet                                   // SET (options)
	AlterTableRebuild                               // REBUILD [WITH (…)]
)

// CheckMode is WITH CHECK / WITH NOCHECK on ALTER TABLE.
type CheckMode uint8

const (
	CheckUnspecified CheckMode = iota
	WithCheck
	WithNoCheck
)

// DropItemKind says what an ALTER TABLE DROP item names.
type DropItemKind uint8

const (
	DropItemConstraint DropItemKind = iota // default when no keyword is given
	DropItemColumn
)

// DropItem is one item of ALTER TABLE … DROP.
type DropItem struct {
	Span
	Kind     DropItemKind
	IfExists bool
	Name     Ident
}

// AlterTableStmt is ALTER TABLE name action.
type AlterTableStmt struct {
	Span
	Table       ObjectName
	Kind        AlterTableKind
	WithCheck   CheckMode
	Columns     []*ColumnDef  // ADD, ALTER COLUMN (one)
	Constraints []*Constraint // ADD
	Drops       []*DropItem   // DROP
	Enable      bool          // CHECK (vs NOCHECK) CONSTRAINT; ENABLE (vs DISABLE) TRIGGER
	All         bool          // … ALL
	Names       []Ident       // constraint or trigger names
	Options     []*Option     // SET (…), REBUILD WITH (…)
}

// CreateIndexStmt is CREATE [UNIQUE] [CLUSTERED|NONCLUSTERED] INDEX.
type CreateIndexStmt struct {
	Span
	Unique      bool
	Cluster     ClusterKind
	Columnstore bool
	Name        Ident
	Table       ObjectName
	Columns     []*IndexColumn
	Include     []Ident
	Where       Expr
	Options     []*Option
	On          string
}

// IndexRef names an index in DROP INDEX: table.index (OnForm false) or
// index ON table (OnForm true).
type IndexRef struct {
	Span
	Table  ObjectName
	Name   Ident
	OnForm bool
}

// DropIndexStmt is DROP INDEX [IF EXISTS] ref, ….
type DropIndexStmt struct {
	Span
	IfExists bool
	Indexes  []*IndexRef
}

// AlterIndexStmt is ALTER INDEX name|ALL ON table REBUILD|REORGANIZE|DISABLE.
type AlterIndexStmt struct {
	Span
	Name    Ident // zero with All
	All     bool
	Table   ObjectName
	Action  string // REBUILD, REORGANIZE, DISABLE (upper case)
	Options []*Option
}
