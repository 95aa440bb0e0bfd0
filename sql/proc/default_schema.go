package proc

import (
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/catalog"
)

// defaultSchema is the effective database user's DEFAULT_SCHEMA in d
// (CREATE/ALTER USER … WITH DEFAULT_SCHEMA): unqualified names resolve
// there first, then in dbo, and unqualified CREATEs land there. dbo (and
// so every sysadmin session) and users without one default to dbo.
func (s *Session) defaultSchema(d *catalog.Database) string {
	if d == nil || s.secFast() {
		return "dbo"
	}
	snap := s.cat().Security(d)
	name, ok := s.dbUser(d, &snap)
	if !ok || strings.EqualFold(name, "dbo") {
		return "dbo"
	}
	if u := snap.User(name); u != nil && u.DefaultSchema != "" {
		if _, ok := d.SchemaID(u.DefaultSchema); ok {
			return u.DefaultSchema
		}
	}
	return "dbo"
}

// dboDefaultSchema reports whether unqualified names resolve in dbo only,
// so that a cached plan bound for another session fits this one.
func (s *Session) dboDefaultSchema() bool {
	return strings.EqualFold(s.defaultSchema(s.db), "dbo")
}

// DefaultSchema implements sem.DefaultSchemaEnv. A plan bound under a
// user-specific schema is not cached.
func (e *bindEnv) DefaultSchema(d *catalog.Database) string {
	sch := e.s.defaultSchema(d)
	if !strings.EqualFold(sch, "dbo") {
		e.private = true
	}
	return sch
}

// optionWord is the name an option value spells: a bare word or quoted
// name (kept by the parser as a word literal), a column-like name, or a
// string literal.
func optionWord(e ast.Expr) string {
	switch v := e.(type) {
	case *ast.ColumnRef:
		return v.Name.Name
	case *ast.Literal:
		if v.Kind == ast.LitString || v.Kind == ast.LitNString {
			return v.Val
		}
	}
	return ""
}
