package proc

import (
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/result"
)

// nullablePrimaryKey checks a CREATE TABLE for a PRIMARY KEY over a column
// declared NULL explicitly: SQL Server reports Msg 8111 and then 1750
// ("Could not create constraint or index"). The first message goes to w
// here; the returned 1750 ends the statement.
func (s *Session) nullablePrimaryKey(x *ast.CreateTableStmt, w result.Writer, rc *runCtx) (*stmtError, error) {
	explicitNull := map[string]bool{}
	for _, cd := range x.Columns {
		if cd.Null == ast.Nullable {
			explicitNull[strings.ToLower(cd.Name.Name)] = true
		}
	}
	if len(explicitNull) == 0 {
		return nil, nil
	}
	bad := false
	check := func(c *ast.Constraint, col string) {
		if c.Kind != ast.ConstraintPrimaryKey {
			return
		}
		if len(c.Columns) == 0 {
			bad = bad || explicitNull[strings.ToLower(col)]
		}
		for _, ic := range c.Columns {
			bad = bad || explicitNull[strings.ToLower(ic.Name.Name)]
		}
	}
	for _, cd := range x.Columns {
		for _, c := range cd.Constraints {
			check(c, cd.Name.Name)
		}
	}
	for _, c := range x.Constraints {
		check(c, "")
	}
	if !bad {
		return nil, nil
	}
	m := msgs.New(8111, x.Name.Name.Name)
	m.Line, m.Server, m.Proc = x.Span.Line, s.srv.cfg.ServerName, rc.procName
	if err := w.Message(m); err != nil {
		return nil, err
	}
	return msgErr(1750), nil
}
