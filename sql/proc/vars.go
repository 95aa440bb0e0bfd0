package proc

import (
	"context"
	"fmt"
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/exec"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/session"
	"github.com/tsqld/tsqld/sql/types"
)

func (s *Session) declareStmt(ctx context.Context, x *ast.DeclareStmt, w result.Writer, rc *runCtx) (*stmtError, error) {
	for _, v := range x.Vars {
		if v.Table != nil {
			ln := strings.ToLower(v.Name)
			if s.frame.tables[ln] != nil {
				return msgErr(134, v.Name), nil
			}
			def, serr := s.buildTableDef(v.Name, v.Table.Columns, v.Table.Constraints, v.Table.Indexes, rc)
			if serr != nil {
				return serr, nil
			}
			o := &catalog.Object{ID: -tempObjectIDs.Add(1), Schema: "dbo", Name: v.Name, Kind: catalog.KindTable, Table: def, Database: catalog.TempDBID, TableVar: true}
			s.frame.tables[ln] = o
			continue
		}
		if v.Cursor {
			if serr := s.declareCursorVar(v); serr != nil {
				return serr, nil
			}
			continue
		}
		b, _ := s.binder(x.Span.Line)
		var t types.Type
		var serr *stmtError
		func() {
			defer func() {
				if r := recover(); r != nil {
					if e, ok := recoverBind(r); ok {
						serr = stmtErr(e)
						return
					}
					panic(r)
				}
			}()
			t = b.ResolveType(v.Type, false)
		}()
		if serr != nil {
			return serr, nil
		}
		slot, ok := s.frame.declare(v.Name, t, v)
		if !ok {
			return msgErr(134, v.Name), nil
		}
		s.frame.vals[slot] = types.Null
		if v.Init != nil {
			val, xt, serr, err := s.evalScalar(ctx, v.Init, x.Span.Line)
			if serr != nil || err != nil {
				return serr, err
			}
			cv, cerr := s.assignConvert(val, xt.Type(), t)
			if cerr != nil {
				return stmtErr(cerr), nil
			}
			s.frame.vals[slot] = cloneVal(cv)
		}
	}
	return nil, nil
}

func (s *Session) setVarStmt(ctx context.Context, x *ast.SetVarStmt, w result.Writer, rc *runCtx) (*stmtError, error) {
	slot, ok := s.frame.lookup(x.Name)
	if !ok {
		return msgErr(137, x.Name), nil
	}
	if x.Cursor != nil {
		return s.setCursorVar(x, w, rc)
	}
	val := x.Value
	if x.Op != ast.AssignSet {
		val = &ast.BinaryExpr{Span: x.Span, Op: assignOp(x.Op), L: &ast.VarRef{Span: x.Span, Name: x.Name}, R: x.Value}
	}
	v, xt, serr, err := s.evalScalar(ctx, val, x.Span.Line)
	if serr != nil || err != nil {
		return serr, err
	}
	cv, cerr := s.assignConvert(v, xt.Type(), s.frame.types[slot])
	if cerr != nil {
		return stmtErr(cerr), nil
	}
	s.frame.vals[slot] = cloneVal(cv)
	return nil, nil
}

func (s *Session) setOption(ctx context.Context, x *ast.SetOptionStmt, w result.Writer, rc *runCtx) (*stmtError, error) {
	for _, name := range x.Options {
		if f, ok := session.LookupFlag(name); ok {
			s.opts.Set(f, x.On)
			continue
		}
		var v types.Value
		var vt types.Type
		if x.Value != nil {
			if cr, ok := x.Value.(*ast.ColumnRef); ok && cr.Table.IsZero() {
				v, vt = types.Value{K: types.KindString, S: cr.Name.Name}, sem.VarChar(128)
			} else {
				ev, xt, serr, err := s.evalScalar(ctx, x.Value, x.Span.Line)
				if serr != nil || err != nil {
					return serr, err
				}
				v, vt = ev, xt.Type()
			}
		}
		asInt := func() int64 {
			iv, _ := exec.Convert(v, vt, sem.BigIntType)
			return iv.I
		}
		asStr := func() string { return exec.ToString(v, vt) }
		switch name {
		case "ROWCOUNT":
			s.opts.RowCount = asInt()
		case "TEXTSIZE":
			s.opts.TextSize = int32(asInt())
			if s.opts.TextSize == 0 {
				s.opts.TextSize = 4096 // 0 restores the default 4 KB
			}
		case "LOCK_TIMEOUT":
			s.opts.LockTimeout = int32(asInt())
		case "DATEFIRST":
			n := asInt()
			if n < 1 || n > 7 {
				return msgErr(1005, "DATEFIRST"), nil
			}
			s.opts.DateFirst = uint8(n)
		case "DATEFORMAT":
			f := strings.ToLower(asStr())
			switch f {
			case "mdy", "dmy", "ymd", "ydm", "myd", "dym":
			default:
				return msgErr(2741, asStr()), nil
			}
			s.opts.DateFormat = f
		case "LANGUAGE":
			lang := asStr()
			// The session keeps the syslanguages name (@@LANGUAGE) and
			// the message arrives in the new language.
			ml, known := msgs.ParseLang(lang)
			if known {
				lang = ml.Name()
			} else if official, ok := otherLanguage(lang); ok {
				lang = official // messages stay in English (syslanguages.go)
			} else {
				return msgErr(2740, lang), nil
			}
			old := s.opts.Language
			s.opts.Language = lang
			if err := w.EnvChange(result.EnvChange{Type: result.EnvLanguage, Old: old, New: lang}); err != nil {
				return nil, err
			}
			m := msgs.NewIn(ml, 5703, 1, lang)
			m.Line, m.Server, m.Proc = x.Span.Line, s.srv.cfg.ServerName, rc.procName
			if err := w.Message(m); err != nil {
				return nil, err
			}
		case "CONTEXT_INFO":
			bv, cerr := exec.Convert(v, vt, types.Type{ID: types.VarBinary, Length: 128})
			if cerr != nil {
				return stmtErr(cerr), nil
			}
			s.contextInfo = append(make([]byte, 0, 128), bv.B...)
		case "DEADLOCK_PRIORITY":
			s.opts.DeadlockPri = int32(asInt())
		case "FMTONLY":
			s.fmtOnly = x.On // fmtonly.go
		case "SHOWPLAN_ALL", "SHOWPLAN_TEXT", "NOEXEC", "PARSEONLY", "STATISTICS IO", "STATISTICS TIME", "STATISTICS PROFILE":
			s.setDiagOption(name, x.On) // showplan.go, statistics.go
		case "SHOWPLAN_XML":
			// "Do not execute what follows" without the XML plan: executing
			// anyway would be wrong, so ON is refused.
			if x.On {
				return msgErr(40517, "SET "+name), nil
			}
		case "STATISTICS XML", "FORCEPLAN", "NOCOUNT":
			// Accepted; they do not change results (no XML plan is
			// produced).
		default:
			return msgErr(195, name, "SET option"), nil
		}
	}
	return nil, nil
}

func (s *Session) raiserror(ctx context.Context, x *ast.RaiserrorStmt, w result.Writer, rc *runCtx) (*stmtError, error) {
	eval := func(e ast.Expr) (types.Value, types.Type, *stmtError, error) {
		v, xt, serr, err := s.evalScalar(ctx, e, x.Span.Line)
		if xt == nil {
			return v, types.Type{}, serr, err
		}
		return v, xt.Type(), serr, err
	}
	mv, mt, serr, err := eval(x.Msg)
	if serr != nil || err != nil {
		return serr, err
	}
	sv, st, serr, err := eval(x.Severity)
	if serr != nil || err != nil {
		return serr, err
	}
	tv, tt, serr, err := eval(x.State)
	if serr != nil || err != nil {
		return serr, err
	}
	sev, _ := exec.Convert(sv, st, sem.IntType)
	state, _ := exec.Convert(tv, tt, sem.IntType)
	var args []any
	for _, a := range x.Args {
		av, at, serr, err := eval(a)
		if serr != nil || err != nil {
			return serr, err
		}
		switch av.K {
		case types.KindInt, types.KindBool:
			args = append(args, av.I)
		case types.KindNull:
			args = append(args, nil)
		default:
			args = append(args, exec.ToString(av, at))
		}
	}
	if sev.I > 18 && (!hasOpt(x.Options, "LOG") || !s.secSysAdmin()) {
		// Severity 19+ needs sysadmin and WITH LOG; severity >= 20 ends
		// the connection (the server closes it on such a message).
		return msgErr(2754), nil
	}
	var e *msgs.Error
	if sem.IsString(mt) {
		e = msgs.NewUser(50000, uint8(sev.I), uint8(state.I), msgs.Format(mv.S, args...))
	} else {
		num, _ := exec.Convert(mv, mt, sem.IntType)
		if _, ok := msgs.Lookup(int32(num.I)); !ok {
			// No sys.messages row: SQL Server reports 18054 instead.
			return msgErr(18054, num.I, sev.I, state.I), nil
		}
		e = msgs.New(int32(num.I), args...)
		e.Severity, e.State = uint8(sev.I), uint8(state.I)
	}
	if sev.I > 18 {
		e.Severity = uint8(min(sev.I, 25))
	}
	if hasOpt(x.Options, "SETERROR") {
		s.errAfter = e.Number
	}
	if hasOpt(x.Options, "LOG") && s.srv.cfg.WriteErrorLog != nil {
		s.srv.cfg.WriteErrorLog(fmt.Sprintf("spid%d", s.cfg.SPID), int(e.Number), int(e.Severity), int(e.State), e.Text)
	}
	if state.I < 0 || state.I > 255 {
		e.State = 1
	}
	e.Line = x.Span.Line
	if e.Severity <= 10 {
		e.Server = s.srv.cfg.ServerName
		e.Proc = rc.procName
		if err := w.Message(e); err != nil || !hasOpt(x.Options, "NOWAIT") {
			return nil, err
		}
		// WITH NOWAIT: the client sees the message (and everything before
		// it) now, not when the batch ends.
		return nil, result.Flush(w)
	}
	// Severity 20+ ends the batch (and the connection); below, only the
	// statement.
	kind := errStmt
	if e.Severity >= 20 {
		kind = errTxn
	}
	if hasOpt(x.Options, "NOWAIT") {
		s.nowait = e // fail() flushes once it has sent it (arith_warn.go)
	}
	return &stmtError{e: e, kind: kind}, nil
}

func (s *Session) throw(ctx context.Context, x *ast.ThrowStmt) (*stmtError, error) {
	if x.Number == nil {
		if s.catchErr == nil {
			return msgErr(10704), nil
		}
		e := *s.catchErr
		return &stmtError{e: &e, kind: errBatch}, nil
	}
	nv, nt, serr, err := s.evalScalar(ctx, x.Number, x.Span.Line)
	if serr != nil || err != nil {
		return serr, err
	}
	mv, _, serr, err := s.evalScalar(ctx, x.Message, x.Span.Line)
	if serr != nil || err != nil {
		return serr, err
	}
	sv, st, serr, err := s.evalScalar(ctx, x.State, x.Span.Line)
	if serr != nil || err != nil {
		return serr, err
	}
	num, _ := exec.Convert(nv, nt.Type(), sem.IntType)
	state, _ := exec.Convert(sv, st.Type(), sem.IntType)
	if num.I < 50000 {
		return stmtErr(msgs.NewTypical(35100, num.I)), nil
	}
	e := msgs.NewUser(int32(num.I), 16, uint8(state.I), mv.S)
	e.Line = x.Span.Line
	// THROW always aborts the batch (unless caught).
	return &stmtError{e: e, kind: errBatch}, nil
}

// hasOpt reports whether a WITH option list holds name.
func hasOpt(opts []string, name string) bool {
	for _, o := range opts {
		if strings.EqualFold(o, name) {
			return true
		}
	}
	return false
}
