package sem

import (
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/sysobj"
)

// systemFunc binds a call of a system table-valued function in FROM
// (fn_helpcollations() or sys.fn_helpcollations(), optionally
// database-qualified) as a SystemScan of its sysobj definition; nil when
// the call names none.
func (b *Binder) systemFunc(s *scope, te *ast.FuncTable) Rel {
	if te.Call == nil || te.Call.Name.Server.Name != "" {
		return nil
	}
	n := &te.Call.Name
	v := sysobj.Function(n.Schema.Name, n.Name.Name)
	if v == nil || (n.Database.Name != "" && n.Schema.Name == "") {
		return nil
	}
	if n.Database.Name != "" {
		b.resolveDB(n)
	}
	if len(te.Call.Args) > 0 {
		b.fail(te.Call, 8144, v.Name)
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
		cols[i] = Column{Name: c.Name, Type: t, Nullable: c.Nullable, Schema: v.Schema}
	}
	r := b.aliasRel(s, te, &SystemScan{View: v, Out: cols}, alias, te.Columns)
	if te.Alias.Name == "" && n.Schema.Name != "" {
		s.tables[len(s.tables)-1].schema = strings.ToLower(n.Schema.Name)
	}
	return r
}
