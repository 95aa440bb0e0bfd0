package proc

import (
	"context"
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/storage"
)

// createSchema runs CREATE SCHEMA name [AUTHORIZATION owner] [elements]:
// the schema, then each element statement (CREATE TABLE/VIEW …) in it.
func (s *Session) createSchema(ctx context.Context, x *ast.CreateSchemaStmt, w result.Writer, rc *runCtx) (*stmtError, error) {
	name := x.Name.Name
	if _, ok := s.db.SchemaID(name); ok {
		return msgErr(2714, name), nil
	}
	err := s.sysWrite(ctx, func(txn storage.Txn) error {
		_, err := s.cat().AddSchema(txn, s.db, name)
		return err
	})
	if serr := goErr(err); serr != nil {
		return serr, nil
	}
	if err := w.Done(result.Done{Cmd: result.CmdDDL, InProc: rc.inProc}); err != nil {
		return nil, err
	}
	if len(x.Elements) > 0 {
		if _, err := s.run(ctx, x.Elements, w, rc); err != nil {
			return nil, err
		}
	}
	return nil, nil
}

// dropSchema runs DROP SCHEMA [IF EXISTS] name; a schema that still holds
// objects or types cannot be dropped (Msg 3729).
func (s *Session) dropSchema(ctx context.Context, n *ast.ObjectName, ifExists bool) *stmtError {
	name := n.Name.Name
	id, ok := s.db.SchemaID(name)
	if !ok {
		if ifExists {
			return nil
		}
		return msgErr(3701, "drop", "schema", name)
	}
	if id < 5 {
		return stmtErr(&msgs.Error{Number: 3708, Severity: 16, State: 1,
			Text: "Cannot drop the schema '" + name + "' because it is a system schema."})
	}
	for _, o := range s.cat().Objects(s.db) {
		if strings.EqualFold(o.Schema, name) {
			return stmtErr(referencedBy(name, o.Name))
		}
	}
	for _, t := range s.cat().AliasTypes(s.db) {
		if strings.EqualFold(t.Schema, name) {
			return stmtErr(referencedBy(name, t.Name))
		}
	}
	return goErr(s.sysWrite(ctx, func(txn storage.Txn) error { return s.cat().DropSchema(txn, s.db, name) }))
}

// referencedBy is Msg 3729.
func referencedBy(schema, object string) *msgs.Error {
	return &msgs.Error{Number: 3729, Severity: 16, State: 1,
		Text: "Cannot drop schema '" + schema + "' because it is being referenced by object '" + object + "'."}
}
