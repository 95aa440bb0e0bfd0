package proc

import (
	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/msgs"
)

// Foreign key referential actions (ON DELETE / ON UPDATE CASCADE, SET NULL,
// SET DEFAULT): the DDL checks SQL Server makes when the key is created.
// The actions themselves run in fk_cascade.go.

// refActionName is the catalog's spelling of an action ("" = NO ACTION).
func refActionName(a ast.RefAction) string {
	switch a {
	case ast.RefCascade:
		return "CASCADE"
	case ast.RefSetNull:
		return "SET NULL"
	case ast.RefSetDefault:
		return "SET DEFAULT"
	}
	return ""
}

// checkRefActions validates fk's actions for the table def (named
// tableName) before it is added: SET NULL needs nullable referencing
// columns (Msg 1761), and no action may create a cycle or a second
// cascade path to a table (Msg 1785, then 1750).
func (s *Session) checkRefActions(def *catalog.Table, tableName string, fk *catalog.ForeignKey) *stmtError {
	for _, act := range []string{fk.OnDelete, fk.OnUpdate} {
		if act != "SET NULL" {
			continue
		}
		for _, ci := range fk.Columns {
			if !def.Columns[ci].Nullable {
				return msgErr(1761, fk.Name, "SET NULL")
			}
		}
	}
	if fk.OnDelete == "" && fk.OnUpdate == "" {
		return nil
	}
	// The graph: an edge parent -> child per foreign key with an action,
	// separately for DELETE and UPDATE. The table being changed is self;
	// its own keys (those already in def plus fk) replace what the
	// catalog has for it.
	self := int32(selfReference)
	b, _ := s.binder(0)
	db, obj := b.LookupObject(&ast.ObjectName{Name: ast.Ident{Name: tableName}})
	if obj != nil && obj.Kind == catalog.KindTable {
		self = obj.ID // ALTER TABLE … ADD CONSTRAINT
	} else {
		db = s.db // CREATE TABLE: the table has no id yet
	}
	for _, upd := range []bool{false, true} {
		edges := map[int32][]int32{}
		add := func(parent, child int32, k *catalog.ForeignKey) {
			act := k.OnDelete
			if upd {
				act = k.OnUpdate
			}
			if act != "" && !k.Disabled {
				edges[parent] = append(edges[parent], child)
			}
		}
		if db != nil {
			for _, o := range s.cat().Objects(db) {
				if o.Kind != catalog.KindTable || o.ID == self {
					continue
				}
				for i := range o.Table.ForeignKeys {
					k := &o.Table.ForeignKeys[i]
					add(k.RefObject, o.ID, k)
				}
			}
		}
		for i := range def.ForeignKeys {
			add(def.ForeignKeys[i].RefObject, self, &def.ForeignKeys[i])
		}
		before := len(edges[fk.RefObject])
		add(fk.RefObject, self, fk)
		if len(edges[fk.RefObject]) == before {
			continue // this action is NO ACTION
		}
		if fk.RefObject == self || multiplePaths(edges) {
			e := msgErr(1750)
			e.pre = []*msgs.Error{msgs.New(1785, fk.Name, tableName)}
			return e
		}
	}
	return nil
}

// multiplePaths reports whether the directed graph has a cycle or two
// distinct paths between some pair of tables.
func multiplePaths(edges map[int32][]int32) bool {
	for start := range edges {
		// Count paths from start to every node reached; a node reached
		// twice (or start reached again) is the forbidden shape. Depth is
		// bounded by the number of tables, so recursion stays shallow.
		seen := map[int32]bool{}
		var walk func(n int32, depth int) bool
		walk = func(n int32, depth int) bool {
			if depth > len(edges)+1 {
				return true // longer than any simple path: a cycle
			}
			for _, c := range edges[n] {
				if c == start || seen[c] {
					return true
				}
				seen[c] = true
				if walk(c, depth+1) {
					return true
				}
			}
			return false
		}
		if walk(start, 0) {
			return true
		}
	}
	return false
}
