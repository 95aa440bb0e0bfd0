package proc

import (
	"context"
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/exec"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/types"
)

// cursor is a declared T-SQL cursor. Every cursor materialises its rows
// at OPEN (STATIC semantics): KEYSET and DYNAMIC cursors do not see
// changes made after OPEN (a documented gap).
type cursor struct {
	name     string
	global   bool
	scroll   bool
	readOnly bool
	// dynamic: DYNAMIC, FAST_FORWARD or default forward-only cursors,
	// whose @@CURSOR_ROWS is -1.
	dynamic bool
	query   *ast.Query
	decl    *ast.DeclareCursorStmt
	open    bool
	cols    []result.Column
	rows    [][]types.Value
	pos     int // 0 = before the first row, len(rows)+1 = after the last
	owner   *frame
	keys    *cursorKeys // updatable cursors: base-table row locators
}

// cursorOf finds a cursor by reference: a LOCAL cursor of the current
// frame first unless GLOBAL is written.
func (s *Session) cursorOf(ref *ast.CursorRef) *cursor {
	f := s.feat
	if f == nil || ref == nil {
		return nil
	}
	if ref.Var != "" {
		if m := f.local[s.frame]; m != nil {
			return m[strings.ToLower(ref.Var)]
		}
		return nil
	}
	ln := strings.ToLower(ref.Name.Name)
	if !ref.Global {
		if m := f.local[s.frame]; m != nil {
			if c := m[ln]; c != nil {
				return c
			}
		}
	}
	return f.global[ln]
}

func cursorName(ref *ast.CursorRef) string {
	if ref.Var != "" {
		return ref.Var
	}
	return ref.Name.Name
}

// declareCursor runs DECLARE name CURSOR … FOR query.
func (s *Session) declareCursor(x *ast.DeclareCursorStmt, w result.Writer, rc *runCtx) (*stmtError, error) {
	c := &cursor{name: x.Name.Name, query: x.Query, decl: x, scroll: x.Scroll || x.Insensitive, readOnly: x.ReadOnly || x.Insensitive}
	explicitScope, typ := "", ""
	forward := false
	for _, o := range x.Options {
		switch strings.ToUpper(o) {
		case "LOCAL":
			explicitScope = "LOCAL"
		case "GLOBAL":
			explicitScope = "GLOBAL"
		case "FORWARD_ONLY":
			forward = true
		case "SCROLL":
			c.scroll = true
		case "STATIC", "KEYSET", "DYNAMIC":
			typ = strings.ToUpper(o)
		case "FAST_FORWARD":
			typ = "FAST_FORWARD"
			c.readOnly = true
		case "READ_ONLY":
			c.readOnly = true
		}
	}
	if forward && c.scroll {
		return msgErr(1048, "FORWARD_ONLY", "SCROLL"), nil
	}
	if typ == "FAST_FORWARD" && c.scroll {
		return msgErr(1048, "FAST_FORWARD", "SCROLL"), nil
	}
	if !forward && (typ == "STATIC" || typ == "KEYSET" || typ == "DYNAMIC") {
		// STATIC, KEYSET and DYNAMIC cursors scroll unless FORWARD_ONLY.
		c.scroll = true
	}
	c.dynamic = typ == "DYNAMIC" || typ == "FAST_FORWARD" || (typ == "" && !c.scroll && !x.Insensitive)
	if x.Insensitive {
		c.dynamic = false
	}
	c.global = explicitScope != "LOCAL" // CURSOR_DEFAULT is GLOBAL
	f := s.features()
	ln := strings.ToLower(c.name)
	if c.global {
		if f.global[ln] != nil {
			return msgErr(16915, c.name), nil
		}
		f.global[ln] = c
		return nil, nil
	}
	m := f.local[s.frame]
	if m == nil {
		m = map[string]*cursor{}
		f.local[s.frame] = m
	}
	if m[ln] != nil {
		return msgErr(16915, c.name), nil
	}
	c.owner = s.frame
	m[ln] = c
	return nil, nil
}

// openCursor runs OPEN: the query runs now, with the variables' current
// values.
func (s *Session) openCursor(ctx context.Context, x *ast.OpenStmt, rc *runCtx) *stmtError {
	c := s.cursorOf(x.Cursor)
	if c == nil {
		return msgErr(16916, cursorName(x.Cursor))
	}
	if c.open {
		return msgErr(16905)
	}
	c.keys = nil
	if !c.readOnly && s.openKeyed(ctx, c, x.Span.Line) {
		c.pos, c.open = 0, true
		f := s.features()
		f.cursorRows = int64(len(c.rows))
		if c.dynamic {
			f.cursorRows = -1
		}
		return nil
	}
	bq, serr := s.bindQuery(c.query, nil, x.Span.Line, rc)
	if serr != nil {
		return serr
	}
	rows, err := collectRows(s.execCtx(ctx), bq.rel)
	if err != nil {
		se, _ := asStmtErr(err)
		if se == nil {
			se = msgErr(8180)
		}
		return se
	}
	c.cols, c.rows, c.pos, c.open = bq.cols, rows, 0, true
	f := s.features()
	f.cursorRows = int64(len(rows))
	if c.dynamic {
		f.cursorRows = -1
	}
	return nil
}

// fetchCursor runs FETCH.
func (s *Session) fetchCursor(ctx context.Context, x *ast.FetchStmt, w result.Writer, rc *runCtx) (*stmtError, error) {
	c := s.cursorOf(x.Cursor)
	if c == nil {
		return msgErr(16916, cursorName(x.Cursor)), nil
	}
	if !c.open {
		return msgErr(16917), nil
	}
	if !c.scroll && x.Dir != ast.FetchNext {
		return msgErr(16911, "fetch", fetchDirName(x.Dir)), nil
	}
	var n int64
	if x.Dir == ast.FetchAbsolute || x.Dir == ast.FetchRelative {
		v, xt, serr, err := s.evalScalar(ctx, x.Offset, x.Span.Line)
		if serr != nil || err != nil {
			return serr, err
		}
		cv, cerr := exec.Convert(v, xt.Type(), types.Type{ID: types.BigInt})
		if cerr != nil || cv.K == types.KindNull {
			return msgErr(16902, "fetch", "rownumber"), nil
		}
		n = cv.I
	}
	total := len(c.rows)
	pos := c.pos
	switch x.Dir {
	case ast.FetchNext:
		pos++
	case ast.FetchPrior:
		pos--
	case ast.FetchFirst:
		pos = 1
	case ast.FetchLast:
		pos = total
	case ast.FetchAbsolute:
		switch {
		case n > 0:
			pos = int(n)
		case n < 0:
			pos = total + 1 + int(n)
		default:
			pos = 0
		}
	case ast.FetchRelative:
		pos += int(n)
	}
	if pos < 0 {
		pos = 0
	}
	if pos > total+1 {
		pos = total + 1
	}
	if x.Dir == ast.FetchAbsolute && n < 0 && pos <= 0 {
		pos = 0
	}
	c.pos = pos
	f := s.features()
	var row []types.Value
	if pos >= 1 && pos <= total {
		row = c.rows[pos-1]
		f.fetchStatus = 0
	} else {
		f.fetchStatus = -1
	}
	if len(x.Into) > 0 {
		if len(x.Into) != len(c.cols) {
			return msgErr(16924), nil
		}
		if row == nil {
			return nil, nil
		}
		for i, name := range x.Into {
			slot, ok := s.frame.lookup(name)
			if !ok {
				return msgErr(137, name), nil
			}
			cv, cerr := exec.Convert(row[i], c.cols[i].Type, s.frame.types[slot])
			if cerr != nil {
				return stmtErr(cerr), nil
			}
			s.frame.vals[slot] = cloneVal(cv)
		}
		s.rowCount = 1
		return nil, nil
	}
	if err := w.Columns(c.cols); err != nil {
		return nil, err
	}
	var cnt int64
	if row != nil {
		if err := w.Row(row); err != nil {
			return nil, err
		}
		cnt = 1
	}
	return nil, s.done(w, rc, result.CmdSelect, cnt)
}

func fetchDirName(d ast.FetchDir) string {
	switch d {
	case ast.FetchPrior:
		return "FETCH_PRIOR"
	case ast.FetchFirst:
		return "FETCH_FIRST"
	case ast.FetchLast:
		return "FETCH_LAST"
	case ast.FetchAbsolute:
		return "FETCH_ABSOLUTE"
	case ast.FetchRelative:
		return "FETCH_RELATIVE"
	}
	return "FETCH_NEXT"
}

func (s *Session) closeCursor(x *ast.CloseStmt) *stmtError {
	c := s.cursorOf(x.Cursor)
	if c == nil {
		return msgErr(16916, cursorName(x.Cursor))
	}
	if !c.open {
		return msgErr(16917)
	}
	c.open, c.rows, c.pos = false, nil, 0
	return nil
}

func (s *Session) deallocateCursor(x *ast.DeallocateStmt) *stmtError {
	c := s.cursorOf(x.Cursor)
	if c == nil {
		return msgErr(16916, cursorName(x.Cursor))
	}
	c.open, c.rows = false, nil
	f := s.feat
	ln := strings.ToLower(c.name)
	if c.global {
		delete(f.global, ln)
	} else if m := f.local[c.owner]; m != nil {
		delete(m, ln)
		if len(m) == 0 {
			delete(f.local, c.owner)
		}
	}
	return nil
}

// releaseCursors deallocates the LOCAL cursors of a frame that ends.
func (s *Session) releaseCursors(fr *frame) {
	if s.feat != nil && s.feat.local[fr] != nil {
		delete(s.feat.local, fr)
	}
}

// cursorStatus implements CURSOR_STATUS(scope, name).
func (s *Session) cursorStatus(scope, name string) int64 {
	f := s.feat
	if f == nil {
		return -3
	}
	var c *cursor
	ln := strings.ToLower(name)
	switch strings.ToLower(scope) {
	case "global":
		c = f.global[ln]
	case "local", "variable":
		if m := f.local[s.frame]; m != nil {
			c = m[ln]
		}
	default:
		return -3
	}
	switch {
	case c == nil:
		return -3
	case !c.open:
		return -1
	case len(c.rows) == 0 && !c.dynamic:
		return 0
	}
	return 1
}

var _ = msgs.New

// declareCursorVar runs DECLARE @c CURSOR: the variable exists (for Msg
// 134/137) and refers to no cursor until SET @c = CURSOR ….
func (s *Session) declareCursorVar(v *ast.VarDecl) *stmtError {
	if _, ok := s.frame.declare(v.Name, types.Type{ID: types.Int}, v); !ok {
		return msgErr(134, v.Name)
	}
	return nil
}

// setCursorVar runs SET @c = CURSOR [options] FOR query: a LOCAL cursor
// named by the variable (a previous one is deallocated).
func (s *Session) setCursorVar(x *ast.SetVarStmt, w result.Writer, rc *runCtx) (*stmtError, error) {
	ref := &ast.CursorRef{Var: x.Name}
	if old := s.cursorOf(ref); old != nil {
		s.deallocateCursor(&ast.DeallocateStmt{Cursor: ref})
	}
	d := *x.Cursor
	d.Name = ast.Ident{Name: x.Name}
	opts := []string{}
	for _, o := range d.Options {
		if u := strings.ToUpper(o); u != "GLOBAL" && u != "LOCAL" {
			opts = append(opts, o)
		}
	}
	d.Options = append(opts, "LOCAL")
	return s.declareCursor(&d, w, rc)
}
