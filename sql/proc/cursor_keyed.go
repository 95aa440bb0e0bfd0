package proc

import (
	"bytes"
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
)

// currentOf narrows an UPDATE/DELETE's rows to the cursor's current row
// (WHERE CURRENT OF). Only KEYSET and DYNAMIC cursors that are not
// READ_ONLY are updatable: STATIC and FAST_FORWARD cursors, and those
// SQL Server converts to static, give Msg 16929.
func (s *Session) currentOf(ref *ast.CursorRef, t *dmlTarget, rows []dmlRow) ([]dmlRow, *stmtError) {
	c := s.cursorOf(ref)
	if c == nil {
		return nil, msgErr(16916, cursorName(ref))
	}
	if !c.open {
		return nil, msgErr(16917)
	}
	if c.readOnly || c.nav == nil || c.kind == curStatic || c.kind == curFastForward {
		return nil, msgErr(16929)
	}
	if c.nav.obj.ID != t.obj.ID || c.nav.db != t.db {
		return nil, msgErr(16933)
	}
	key := c.currentKey()
	if key == nil {
		return nil, msgErr(16930)
	}
	for _, r := range rows {
		if bytes.Equal(r.key, key) {
			return []dmlRow{r}, nil
		}
	}
	return nil, nil
}

// currentOfColumns checks UPDATE … WHERE CURRENT OF against the cursor's
// FOR UPDATE OF list: a column outside it gives Msg 16932.
func (s *Session) currentOfColumns(ref *ast.CursorRef, set []*ast.SetClause) *stmtError {
	c := s.cursorOf(ref)
	if c == nil || c.decl == nil || len(c.decl.UpdateColumns) == 0 {
		return nil
	}
	for _, sc := range set {
		if sc.Column == nil {
			continue
		}
		found := false
		for _, u := range c.decl.UpdateColumns {
			if strings.EqualFold(u.Name, sc.Column.Name.Name) {
				found = true
				break
			}
		}
		if !found {
			return msgErr(16932)
		}
	}
	return nil
}
