package proc

import (
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

// bindEnv is the sem.Env of one statement; it records whether binding
// touched session-private objects (then the bound plan is not cached).
type bindEnv struct {
	s       *Session
	private bool
}

func (e *bindEnv) Catalog() *catalog.Catalog    { return e.s.cat() }
func (e *bindEnv) CurrentDB() *catalog.Database { return e.s.db }
func (e *bindEnv) TempTable(name string) *catalog.Object {
	e.private = true
	return e.s.temps[strings.ToLower(name)]
}
func (e *bindEnv) TableVar(name string) *catalog.Object {
	e.private = true
	return e.s.frame.tables[strings.ToLower(name)]
}
func (e *bindEnv) Var(name string) (int, types.Type, bool) {
	i, ok := e.s.frame.lookup(name)
	if !ok {
		return 0, types.Type{}, false
	}
	return i, e.s.frame.types[i], true
}
func (e *bindEnv) DefaultCollation() types.Collation { return e.s.collation() }

// ParseQuery lets the binder expand views.
func (e *bindEnv) ParseQuery(text string) (*ast.Query, error) { return e.s.ParseQuery(text) }

func (s *Session) collation() types.Collation {
	name := s.db.Collation
	if name == "" {
		name = s.srv.cfg.Collation
	}
	return collationRecord(name)
}

// collationRecord returns the TDS description of the default collation.
// Only SQL_Latin1_General_CP1_CI_AS is described here; sql/collation
// will provide every collation's record.
func collationRecord(name string) types.Collation {
	if d, err := collationDesc(name); err == nil {
		return d // the collation's own TDS record (collate.go)
	}
	// 09 04 D0 00 34: LCID 1033, IgnoreCase|IgnoreKana|IgnoreWidth, sort 52.
	return types.Collation{Name: name, LCID: 0x0409, Flags: 0x0D, Version: 0, SortID: 52}
}

func (s *Session) binder(line int32) (*sem.Binder, *bindEnv) {
	env := &bindEnv{s: s}
	b := sem.New(env)
	b.Line = line
	return b, env
}

var _ = msgs.New
