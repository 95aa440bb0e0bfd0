package sem

import (
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/types"
)

// Env is what the binder needs from the session.
type Env interface {
	Catalog() *catalog.Catalog
	// CurrentDB is the session's database.
	CurrentDB() *catalog.Database
	// TempTable returns the session's #table (name with '#'), or nil.
	TempTable(name string) *catalog.Object
	// TableVar returns a declared table variable (name with '@'), or nil.
	TableVar(name string) *catalog.Object
	// Var returns a scalar variable's slot and type.
	Var(name string) (slot int, t types.Type, ok bool)
	// DefaultCollation is the collation of the current database.
	DefaultCollation() types.Collation
}

// Binder binds one statement. It is cheap; make one per statement.
type Binder struct {
	env Env
	// Line is the line of the statement being bound (errors carry it).
	Line int32
	// ctes visible to the statement, innermost last.
	ctes []map[string]*ast.CTE
	// depth guards against runaway view/CTE recursion.
	depth int
	// aggIn is the input row of the aggregate being rewritten (messages).
	aggIn []Column
	// keyTarget names the DML target whose scan must carry its row
	// locator; keyScan/keyOffset record where it was bound.
	keyTarget string
	keyScan   *Scan
	keyOffset int
	// cteWork maps a recursive CTE being bound to its working-table ref.
	cteWork map[*ast.CTE]*CTERef
	// maxRecOpt is OPTION (MAXRECURSION n) + 1; 0 = not given (cte_check.go).
	maxRecOpt int
	// explicitColl marks the casts made by a COLLATE clause (collate.go).
	explicitColl map[*Cast]bool
}

// New returns a binder over env.
func New(env Env) *Binder { return &Binder{env: env} }

// Err is a binding error: a SQL Server message.
type Err = msgs.Error

func (b *Binder) err(n ast.Node, number int32, args ...any) *msgs.Error {
	e := msgs.NewTypical(number, args...) // the state clients usually see
	line := b.Line
	if n != nil {
		if sp := n.NodeSpan(); sp.Line > 0 {
			line = sp.Line
		}
	}
	e.Line = line
	return e
}

// bindErr carries a *msgs.Error through panics inside deep recursion so
// the binder code stays linear; Bind* entry points recover it.
type bindErr struct{ e *msgs.Error }

func (b *Binder) fail(n ast.Node, number int32, args ...any) {
	panic(bindErr{b.err(n, number, args...)})
}

func (b *Binder) recoverErr(out **msgs.Error) {
	if r := recover(); r != nil {
		if be, ok := r.(bindErr); ok {
			*out = be.e
			return
		}
		panic(r)
	}
}

// scopeTable is one FROM item visible in a scope.
type scopeTable struct {
	name   string // correlation name, lower case
	schema string // lower case, for schema.table.column
	db     string
	cols   []Column
	offset int // position of its first column in the row
}

// scope is one query level's name space.
type scope struct {
	parent *scope
	tables []scopeTable
	width  int
	// agg, when set, is collecting aggregates of this query level.
	agg *aggCollector
	// win, when set, is collecting window functions of this query level.
	win *winCollector
	// outerUsed records that a correlated reference was made.
	outerUsed bool
}

func (s *scope) add(name, schema, db string, cols []Column) {
	s.tables = append(s.tables, scopeTable{name: strings.ToLower(name), schema: strings.ToLower(schema), db: strings.ToLower(db), cols: cols, offset: s.width})
	s.width += len(cols)
}

func (s *scope) row() []Column {
	out := make([]Column, 0, s.width)
	for _, t := range s.tables {
		out = append(out, t.cols...)
	}
	return out
}

// ObjectName resolution ---------------------------------------------------

// resolveDB returns the database named in n (or the current one).
func (b *Binder) resolveDB(n *ast.ObjectName) *catalog.Database {
	if n.Database.Name != "" {
		d := b.env.Catalog().Database(n.Database.Name)
		if d == nil {
			b.fail(n, 208, fullName(n))
		}
		return d
	}
	return b.env.CurrentDB()
}

func fullName(n *ast.ObjectName) string {
	var parts []string
	for _, p := range []ast.Ident{n.Server, n.Database, n.Schema, n.Name} {
		if p.Name != "" || len(parts) > 0 {
			parts = append(parts, p.Name)
		}
	}
	return strings.Join(parts, ".")
}

// LookupObject resolves a table/view/procedure name; nil when absent.
func (b *Binder) LookupObject(n *ast.ObjectName) (*catalog.Database, *catalog.Object) {
	name := n.Name.Name
	if strings.HasPrefix(name, "#") {
		if o := b.env.TempTable(name); o != nil {
			return b.env.Catalog().DatabaseByID(catalog.TempDBID), o
		}
		return nil, nil
	}
	if n.Schema.Name == "" && n.Database.Name == "" {
		if pt, ok := b.env.(PseudoTables); ok {
			if o := pt.PseudoTable(name); o != nil {
				return b.env.Catalog().DatabaseByID(catalog.TempDBID), o
			}
		}
	}
	d := b.resolveDB(n)
	schema := n.Schema.Name
	if schema == "" {
		// The user's DEFAULT_SCHEMA first, then dbo.
		if ds, ok := b.env.(DefaultSchemaEnv); ok {
			if sch := ds.DefaultSchema(d); sch != "" && !strings.EqualFold(sch, "dbo") {
				if o := b.env.Catalog().Object(d, sch, name); o != nil {
					return d, o
				}
			}
		}
		schema = "dbo"
	}
	return d, b.env.Catalog().Object(d, schema, name)
}

// BindError exposes the carried message to callers that use the binder's
// panicking helpers (ResolveType) directly.
func (e bindErr) BindError() *msgs.Error { return e.e }

// DefaultSchemaEnv is implemented by an Env whose session user has a
// DEFAULT_SCHEMA: unqualified names resolve there before dbo.
type DefaultSchemaEnv interface {
	DefaultSchema(d *catalog.Database) string
}
