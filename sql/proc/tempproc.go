package proc

import (
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/result"
)

// createTempProc creates a temporary stored procedure (#name): like a
// #temp table it belongs to the session (found through the session's temp
// objects, dropped when the session ends or resets) and is never written
// to the catalog.
func (s *Session) createTempProc(x *ast.CreateProcStmt, p *catalog.Procedure, w result.Writer, rc *runCtx) (*stmtError, error) {
	ln := strings.ToLower(x.Name.Name.Name)
	old := s.temps[ln]
	switch {
	case old != nil && (!x.Alter && !x.OrAlter || old.Kind != catalog.KindProcedure):
		return msgErr(2714, x.Name.Name.Name), nil
	case old == nil && x.Alter:
		return msgErr(208, x.Name.Name.Name), nil
	case old != nil:
		c := *old
		c.Proc = p
		s.setTemp(ln, &c)
	default:
		s.setTemp(ln, &catalog.Object{ID: -tempObjectIDs.Add(1), Schema: "dbo", Name: x.Name.Name.Name,
			Kind: catalog.KindProcedure, Proc: p, Database: catalog.TempDBID})
	}
	return nil, w.Done(result.Done{Cmd: result.CmdDDL, InProc: rc.inProc})
}
