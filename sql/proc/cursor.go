package proc

import (
	"context"
	"strings"
	"time"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/exec"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/types"
)

// cursor is a declared T-SQL cursor. STATIC cursors (and those SQL
// Server converts to static) materialise their rows at OPEN; KEYSET
// cursors keep the keys and re-read each row at FETCH; DYNAMIC ones
// (and FAST_FORWARD / default cursors over a key-ordered single table)
// walk the table from the current row's key at each FETCH (cursor_nav.go).
type cursor struct {
	name     string
	global   bool
	scroll   bool
	readOnly bool
	// req is the requested type (STATIC, KEYSET, DYNAMIC, FAST_FORWARD,
	// "" = default dynamic); kind the effective one, decided at OPEN.
	req   string
	kind  cursorKind
	query *ast.Query
	decl  *ast.DeclareCursorStmt
	open  bool
	cols  []result.Column
	rows  [][]types.Value // STATIC: the rows
	pos   int             // STATIC/KEYSET: 0 = before the first row, n+1 = after the last
	owner *frame
	nav   *cursorNav // KEYSET/DYNAMIC: reads the base table by key
	// id, created and lastFetch are sys.dm_exec_cursors' cursor_id,
	// creation_time and fetch_status.
	id        int32
	created   time.Time
	lastFetch int64
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
	c := &cursor{name: x.Name.Name, query: x.Query, decl: x, scroll: x.Scroll || x.Insensitive, readOnly: x.ReadOnly || x.Insensitive,
		created: time.Now(), lastFetch: -9}
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
	if x.ForUpdate && (typ == "FAST_FORWARD" || hasOpt(x.Options, "READ_ONLY")) {
		return msgErr(16957), nil
	}
	if typ == "FAST_FORWARD" && c.scroll {
		return msgErr(1048, "FAST_FORWARD", "SCROLL"), nil
	}
	if !forward && (typ == "STATIC" || typ == "KEYSET" || typ == "DYNAMIC") {
		// STATIC, KEYSET and DYNAMIC cursors scroll unless FORWARD_ONLY.
		c.scroll = true
	}
	c.req = typ
	if typ == "STATIC" {
		c.readOnly = true // STATIC cursors are read-only
	}
	c.global = explicitScope != "LOCAL" // CURSOR_DEFAULT is GLOBAL
	f := s.features()
	f.cursorSeq++
	c.id = f.cursorSeq
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
// values (KEYSET: the keyset is built; DYNAMIC: nothing is read yet).
func (s *Session) openCursor(ctx context.Context, x *ast.OpenStmt, rc *runCtx) *stmtError {
	c := s.cursorOf(x.Cursor)
	if c == nil {
		return msgErr(16916, cursorName(x.Cursor))
	}
	if c.open {
		return msgErr(16905)
	}
	bq, serr := s.bindQuery(c.query, nil, x.Span.Line, rc)
	if serr != nil {
		return serr
	}
	c.cols, c.rows, c.nav, c.pos = bq.cols, nil, nil, 0
	kind, navigable := s.cursorKindFor(c)
	c.kind = kind
	f := s.features()
	if navigable {
		ok, serr := s.openNav(ctx, c, x.Span.Line)
		if serr != nil {
			c.nav = nil
			return serr
		}
		if ok {
			c.open = true
			f.cursorRows = -1
			if c.kind == curKeyset {
				f.cursorRows = int64(len(c.nav.keys))
			}
			return nil
		}
		if c.kind != curFastForward {
			c.kind = curStatic
		}
	}
	rows, err := collectRows(s.execCtx(ctx), bq.rel)
	if err != nil {
		return cursorErr(err)
	}
	c.rows, c.open = rows, true
	f.cursorRows = int64(len(rows))
	if c.kind == curFastForward {
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
	if x.Dir == ast.FetchAbsolute && c.kind == curDynamic {
		// Checked before scrollability, as SQL Server does.
		return msgErr(16925, "Absolute"), nil
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
	if len(x.Into) > 0 && len(x.Into) != len(c.cols) {
		// Checked before the cursor moves.
		return msgErr(16924), nil
	}
	f := s.features()
	var row []types.Value
	switch {
	case c.nav != nil && c.kind == curKeyset:
		var serr *stmtError
		if row, f.fetchStatus, serr = s.fetchKeyset(ctx, c, x.Dir, n); serr != nil {
			return serr, nil
		}
	case c.nav != nil:
		var serr *stmtError
		if row, f.fetchStatus, serr = s.fetchDynamic(ctx, c, x.Dir, n); serr != nil {
			return serr, nil
		}
	default:
		c.pos = movePos(c.pos, len(c.rows), x.Dir, n)
		f.fetchStatus = -1
		if c.pos >= 1 && c.pos <= len(c.rows) {
			row = c.rows[c.pos-1]
			f.fetchStatus = 0
		}
	}
	c.lastFetch = f.fetchStatus
	if len(x.Into) > 0 {
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
	c.open, c.rows, c.nav, c.pos = false, nil, nil, 0
	return nil
}

func (s *Session) deallocateCursor(x *ast.DeallocateStmt) *stmtError {
	c := s.cursorOf(x.Cursor)
	if c == nil {
		return msgErr(16916, cursorName(x.Cursor))
	}
	c.open, c.rows, c.nav = false, nil, nil
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
	case c.kind == curStatic && len(c.rows) == 0,
		c.kind == curKeyset && c.nav != nil && len(c.nav.keys) == 0:
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
