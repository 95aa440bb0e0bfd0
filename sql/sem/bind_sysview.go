package sem

import (
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/sysobj"
)

// SystemScan reads a system catalog view (sys.objects, sysobjects,
// INFORMATION_SCHEMA.TABLES …): rows are computed from the catalog when
// the plan runs, so a cached plan always sees current metadata.
type SystemScan struct {
	View *sysobj.View
	// DB is the id of the database the view was named in (0 = the
	// session's current database at execution time).
	DB  int32
	Out []Column
	// Args are a system function's arguments when its View takes them as
	// values (View.ArgValues), evaluated once per scan.
	Args []Expr
}

// Cols implements Rel.
func (r *SystemScan) Cols() []Column { return r.Out }

// systemView binds a FROM item naming a system view, or returns nil.
func (b *Binder) systemView(s *scope, te *ast.NamedTable) Rel {
	n := &te.Name
	if strings.HasPrefix(n.Name.Name, "#") {
		return nil
	}
	v := sysobj.Lookup(n.Schema.Name, n.Name.Name)
	if v == nil {
		return nil
	}
	if v.Func != "" { // functions bind only as calls (bind_sysfunc.go)
		b.failText(te, 216, "Parameters were not supplied for the function '%.*ls'.", fullName(n))
	}
	var db int32
	if n.Database.Name != "" {
		d := b.resolveDB(n)
		db = d.ID
	}
	alias := te.Alias.Name
	if alias == "" {
		alias = v.Name
	}
	coll := b.env.DefaultCollation()
	cols := make([]Column, len(v.Cols))
	for i, c := range v.Cols {
		t := c.Type
		if sysobj.IsStringType(t) {
			t.Collation = coll
		}
		cols[i] = Column{Name: c.Name, Type: t, Nullable: c.Nullable, Table: alias, Schema: v.Schema}
	}
	s.tables = append(s.tables, scopeTable{name: strings.ToLower(alias), cols: cols, offset: s.width})
	if te.Alias.Name == "" {
		s.tables[len(s.tables)-1].schema = strings.ToLower(n.Schema.Name)
	}
	s.width += len(cols)
	return &SystemScan{View: v, DB: db, Out: cols}
}
