package proc

import (
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/catalog"
)

// setConstraintsEnabled applies ALTER TABLE … [WITH CHECK|NOCHECK]
// CHECK|NOCHECK CONSTRAINT ALL|names to the CHECK and FOREIGN KEY
// constraints of def. Re-enabling without WITH CHECK leaves the constraint
// untrusted (existing rows are not validated), as SQL Server does.
func setConstraintsEnabled(def *catalog.Table, x *ast.AlterTableStmt) *stmtError {
	match := func(name string) bool {
		if x.All {
			return true
		}
		for _, n := range x.Names {
			if strings.EqualFold(n.Name, name) {
				return true
			}
		}
		return false
	}
	for _, n := range x.Names {
		found := false
		for _, ck := range def.Checks {
			found = found || strings.EqualFold(ck.Name, n.Name)
		}
		for _, fk := range def.ForeignKeys {
			found = found || strings.EqualFold(fk.Name, n.Name)
		}
		if !found {
			return msgErr(4917, n.Name)
		}
	}
	untrusted := x.Enable && x.WithCheck != ast.WithCheck
	for i := range def.Checks {
		if match(def.Checks[i].Name) {
			def.Checks[i].Disabled = !x.Enable
			def.Checks[i].NotTrusted = !x.Enable || untrusted
		}
	}
	for i := range def.ForeignKeys {
		if match(def.ForeignKeys[i].Name) {
			def.ForeignKeys[i].Disabled = !x.Enable
			def.ForeignKeys[i].NotTrusted = !x.Enable || untrusted
		}
	}
	return nil
}

// identityInsertOn reports whether SET IDENTITY_INSERT is ON for o. It
// compares ids, not pointers: DDL such as ALTER TABLE … NOCHECK replaces the
// catalog object while the setting stays on.
func (s *Session) identityInsertOn(o *catalog.Object) bool {
	return s.identityIns != nil && o != nil && s.identityIns.ID == o.ID && strings.EqualFold(s.identityIns.Name, o.Name)
}
