package catalog

import (
	"strings"
	"time"

	"github.com/tsqld/tsqld/sql/types"
)

// ObjectKind is sys.objects.type.
type ObjectKind string

const (
	KindTable     ObjectKind = "U"
	KindView      ObjectKind = "V"
	KindProcedure ObjectKind = "P"
)

// Object is one schema-scoped object. Exactly one of Table, View, Proc is
// set, according to Kind.
type Object struct {
	ID       int32
	Schema   string
	Name     string
	Kind     ObjectKind
	Created  time.Time
	Table    *Table     `json:",omitempty"`
	View     *View      `json:",omitempty"`
	Proc     *Procedure `json:",omitempty"`
	Database int32      `json:"-"`
	// TableVar marks a table variable (DECLARE @t TABLE, a table-valued
	// parameter): its rows live outside the session's transaction.
	TableVar bool `json:"-"`
	// Trigger, Func and Sequence: see module_new.go (procedural objects).
	Trigger  *Trigger  `json:",omitempty"`
	Func     *Function `json:",omitempty"`
	Sequence *Sequence `json:",omitempty"`
}

// Table is a user table.
type Table struct {
	Columns []Column
	// Indexes; the clustered index (if any) is first and has ID 1. A heap
	// stores rows under index id 0 keyed by a hidden row id.
	Indexes     []Index
	Checks      []Check      `json:",omitempty"`
	ForeignKeys []ForeignKey `json:",omitempty"`
	// NextIndexID numbers new nonclustered indexes.
	NextIndexID int32
}

// Column is one table column.
type Column struct {
	Name     string
	Type     types.Type
	Nullable bool
	// Default is the T-SQL text of the DEFAULT expression ("" = none) and
	// DefaultName its constraint name.
	Default     string    `json:",omitempty"`
	DefaultName string    `json:",omitempty"`
	Identity    *Identity `json:",omitempty"`
	// Computed is the T-SQL text of a computed column expression.
	Computed string `json:",omitempty"`
	// UserType is the alias type's user_type_id when the column was
	// declared with one (Type is then its base type).
	UserType int32 `json:",omitempty"`
}

// Identity describes an IDENTITY(seed, increment) column.
type Identity struct {
	Seed      int64
	Increment int64
}

// IndexColumn is one key column of an index.
type IndexColumn struct {
	Column int // ordinal in Table.Columns
	Desc   bool
}

// Index is a clustered or nonclustered index, possibly backing a PRIMARY
// KEY or UNIQUE constraint.
type Index struct {
	ID        int32
	Name      string
	Columns   []IndexColumn
	Unique    bool
	Primary   bool
	Clustered bool
	// Constraint is true when the index was created by a PRIMARY KEY or
	// UNIQUE constraint (dropping it needs ALTER TABLE … DROP CONSTRAINT).
	Constraint bool
	// Filter is the WHERE predicate of a filtered index (T-SQL text): only
	// rows satisfying it have entries, and uniqueness holds among them.
	Filter string `json:",omitempty"`
	// Included are the INCLUDE columns (ordinals) of a nonclustered index.
	Included []int `json:",omitempty"`
}

// Check is a CHECK constraint.
type Check struct {
	Name string
	Expr string // T-SQL text
	// Disabled: ALTER TABLE … NOCHECK CONSTRAINT (is_disabled); NotTrusted:
	// re-enabled without checking existing rows (is_not_trusted).
	Disabled   bool `json:",omitempty"`
	NotTrusted bool `json:",omitempty"`
	// Column is 1 + the index of the column a column-level CHECK was
	// declared on (sys.check_constraints.parent_column_id); 0 = table level.
	Column int `json:",omitempty"`
}

// ForeignKey is a FOREIGN KEY constraint.
type ForeignKey struct {
	Name       string
	Columns    []int
	RefObject  int32
	RefColumns []int
	OnDelete   string `json:",omitempty"` // "", CASCADE, SET NULL, SET DEFAULT
	OnUpdate   string `json:",omitempty"`
	// Disabled and NotTrusted as for Check.
	Disabled   bool `json:",omitempty"`
	NotTrusted bool `json:",omitempty"`
}

// View is a view: its definition text is re-bound on each use.
type View struct {
	Definition string   // full CREATE VIEW text (sys.sql_modules.definition)
	Query      string   // the SELECT part
	Columns    []string `json:",omitempty"`
}

// Procedure is a stored procedure.
type Procedure struct {
	Definition string // full CREATE PROCEDURE text
}

// Clustered returns the clustered index or nil for a heap.
func (t *Table) Clustered() *Index {
	if len(t.Indexes) > 0 && t.Indexes[0].Clustered {
		return &t.Indexes[0]
	}
	return nil
}

// ColumnIndex returns the ordinal of the named column (case-insensitive) or -1.
func (t *Table) ColumnIndex(name string) int {
	for i := range t.Columns {
		if strings.EqualFold(t.Columns[i].Name, name) {
			return i
		}
	}
	return -1
}

// IdentityColumn returns the ordinal of the identity column or -1.
func (t *Table) IdentityColumn() int {
	for i := range t.Columns {
		if t.Columns[i].Identity != nil {
			return i
		}
	}
	return -1
}

// IndexByName finds an index by name (case-insensitive).
func (t *Table) IndexByName(name string) *Index {
	for i := range t.Indexes {
		if strings.EqualFold(t.Indexes[i].Name, name) {
			return &t.Indexes[i]
		}
	}
	return nil
}

// Clone deep-copies the table definition so DDL can build a new version
// while readers use the old one.
func (t *Table) Clone() *Table {
	c := *t
	c.Columns = append([]Column(nil), t.Columns...)
	c.Indexes = make([]Index, len(t.Indexes))
	for i, ix := range t.Indexes {
		ix.Columns = append([]IndexColumn(nil), ix.Columns...)
		if ix.Included != nil {
			ix.Included = append([]int(nil), ix.Included...)
		}
		c.Indexes[i] = ix
	}
	c.Checks = append([]Check(nil), t.Checks...)
	c.ForeignKeys = append([]ForeignKey(nil), t.ForeignKeys...)
	return &c
}
