package proc

import (
	"context"
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/exec"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/parser"
	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

// prepared is an sp_prepare handle.
type prepared struct {
	stmt   string
	params string
}

// paramDef is one declared parameter of sp_executesql or a procedure.
type paramDef struct {
	name   string
	t      types.Type
	output bool
	def    ast.Expr
	tt     *catalog.AliasType // table type of a READONLY table-valued parameter
}

// parseParamDefs parses an sp_executesql parameter definition string.
func (s *Session) parseParamDefs(text string) ([]paramDef, *msgs.Error) {
	if strings.TrimSpace(text) == "" {
		return nil, nil
	}
	// Split on top-level commas, strip OUTPUT/OUT, and let the parser
	// read the rest as a DECLARE list.
	var parts []string
	depth, start := 0, 0
	for i, c := range text {
		switch c {
		case '(':
			depth++
		case ')':
			depth--
		case ',':
			if depth == 0 {
				parts = append(parts, text[start:i])
				start = i + 1
			}
		}
	}
	parts = append(parts, text[start:])
	outs := make([]bool, len(parts))
	for i, p := range parts {
		f := strings.Fields(p)
		if n := len(f); n > 0 {
			last := strings.ToUpper(f[n-1])
			if last == "OUTPUT" || last == "OUT" {
				outs[i] = true
				p = strings.TrimSpace(p)
				parts[i] = p[:len(p)-len(f[n-1])]
			} else if last == "READONLY" { // a table-valued parameter
				p = strings.TrimSpace(p)
				parts[i] = p[:len(p)-len(f[n-1])]
			}
		}
	}
	stmts, err := parser.ParseBatch("DECLARE "+strings.Join(parts, ","), parser.Options{})
	if err != nil {
		return nil, parser.Messages(err)[0]
	}
	d, ok := stmts[0].(*ast.DeclareStmt)
	if !ok || len(d.Vars) != len(parts) {
		return nil, msgs.New(102, text)
	}
	b, _ := s.binder(1)
	out := make([]paramDef, len(d.Vars))
	var merr *msgs.Error
	func() {
		defer func() {
			if r := recover(); r != nil {
				if e, ok := recoverBind(r); ok {
					merr = e
					return
				}
				panic(r)
			}
		}()
		for i, v := range d.Vars {
			if tt := s.tableTypeOf(v.Type); tt != nil {
				out[i] = paramDef{name: v.Name, tt: tt}
				continue
			}
			out[i] = paramDef{name: v.Name, t: b.ResolveType(v.Type, false), output: outs[i], def: v.Init}
		}
	}()
	return out, merr
}

// ExecRPC runs an RPC request.
func (s *Session) ExecRPC(ctx context.Context, procID uint16, procName string, params []Param, w result.Writer) error {
	s.ctx = ctx
	defer s.beginRequest()()
	if procID == 0 {
		switch strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(procName, "sys."), "dbo.")) {
		case "sp_executesql":
			procID = 10
		case "sp_prepare":
			procID = 11
		case "sp_execute":
			procID = 12
		case "sp_prepexec":
			procID = 13
		case "sp_unprepare":
			procID = 15
		}
	}
	var serr *stmtError
	var err error
	switch procID {
	case 10:
		if len(params) == 0 || params[0].Value.K != types.KindString {
			serr = msgErr(214, "@statement", "ntext/nchar/nvarchar")
			break
		}
		def := ""
		rest := params[1:]
		if len(rest) > 0 && (rest[0].Name == "" || strings.EqualFold(rest[0].Name, "@params")) && rest[0].Value.K == types.KindString && (rest[0].Name != "" || looksLikeParamDef(rest[0].Value.S)) {
			def, rest = rest[0].Value.S, rest[1:]
		}
		serr, err = s.execSQLWithParams(ctx, params[0].Value.S, def, rest, 0, w)
	case 11, 13:
		if len(params) < 3 {
			serr = msgErr(201, "sp_prepare", "@stmt")
			break
		}
		s.nextPH++
		h := s.nextPH
		s.prep[h] = &prepared{params: strVal0(params[1].Value), stmt: strVal0(params[2].Value)}
		if err = w.ReturnValue(result.ReturnValue{Ordinal: 0, Name: params[0].Name, Type: sem.IntType, Value: intVal(int64(h))}); err != nil {
			return err
		}
		if procID == 13 {
			serr, err = s.execSQLWithParams(ctx, s.prep[h].stmt, s.prep[h].params, params[3:], 3, w)
		}
	case 12:
		if len(params) < 1 {
			serr = msgErr(201, "sp_execute", "@handle")
			break
		}
		p := s.prep[int32(params[0].Value.I)]
		if p == nil {
			serr = msgErr(8179, params[0].Value.I)
			break
		}
		serr, err = s.execSQLWithParams(ctx, p.stmt, p.params, params[1:], 1, w)
	case 15:
		if len(params) > 0 {
			delete(s.prep, int32(params[0].Value.I))
		}
	case 0:
		serr, err = s.callProcRPC(ctx, procName, params, w)
	default:
		serr = msgErr(40517, "cursor RPC")
	}
	if err != nil {
		return s.goError(err, w)
	}
	if serr != nil {
		if _, err := s.fail(serr, 1, w, &runCtx{inProc: true}, result.CmdNone); err != nil {
			return err
		}
	}
	return s.endBatch(w)
}

func looksLikeParamDef(s string) bool {
	return strings.HasPrefix(strings.TrimSpace(s), "@")
}

func strVal0(v types.Value) string {
	if v.K == types.KindString {
		return v.S
	}
	return ""
}

// execSQLWithParams runs text with parameters (sp_executesql and prepared
// statements); output parameters come back as RETURNVALUEs.
func (s *Session) execSQLWithParams(ctx context.Context, text, def string, args []Param, ordinalBase int, w result.Writer) (*stmtError, error) {
	defs, merr := s.paramDefsCached(def)
	if merr != nil {
		return stmtErr(merr), nil
	}
	e, err := s.parse(text, def)
	if err != nil {
		return nil, s.reportParse(err, w)
	}
	saved, savedIdent := s.frame, s.scopeIdent
	f, sp := s.paramFrame(defs) // frame_reuse.go
	s.frame = f
	s.scopeIdent = types.Null // sp_executesql runs in a scope of its own
	defer func() {
		cur := s.hasLocalCursors(f)
		s.releaseFrame(f)
		s.frame, s.scopeIdent = saved, savedIdent
		s.recycleFrame(sp, cur)
	}()
	if !sp.ok { // not reusable: table-valued parameters
		for i := range defs {
			if defs[i].tt != nil {
				s.declareTableParam(&defs[i])
			}
		}
	}
	slots := sp.slots
	if cap(sp.bound) < len(args) {
		sp.bound = make([]int, len(args))
	}
	bound := sp.bound[:len(args)]
	for i, a := range args {
		idx := i
		if a.Name != "" {
			idx = paramIndex(defs, a.Name, i)
			if idx < 0 {
				return msgErr(8145, a.Name, "sp_executesql"), nil
			}
		}
		if idx >= len(defs) {
			return msgErr(8144, "sp_executesql"), nil
		}
		bound[i] = idx
		if serr, isTVP := s.bindTableArg(ctx, &defs[idx], a.Type, a.TVP, w); isTVP {
			if serr != nil {
				return serr, nil
			}
			continue
		}
		cv, cerr := exec.Convert(a.Value, a.Type, defs[idx].t)
		if cerr != nil {
			return stmtErr(cerr), nil
		}
		s.frame.vals[slots[idx]] = cv
	}
	sp.rc = runCtx{entry: e, src: text, inProc: true}
	rc := &sp.rc // nothing keeps a runCtx past its call
	s.nestLevel++
	sig, gerr := s.run(ctx, e.Stmts, w, rc)
	s.nestLevel--
	if gerr != nil {
		return nil, gerr
	}
	_ = sig
	if err := w.ReturnStatus(0); err != nil {
		return nil, err
	}
	for i, a := range args {
		if !a.Output {
			continue
		}
		d := defs[bound[i]]
		ot, ov := outParam(s.frame.vals[slots[bound[i]]], d.t, a.Type)
		if err := w.ReturnValue(result.ReturnValue{Ordinal: ordinalBase + i + 1, Name: a.Name, Type: ot, Value: ov}); err != nil {
			return nil, err
		}
	}
	return nil, nil
}

// loadProc parses a stored procedure's definition.
func (s *Session) loadProc(o *catalog.Object) (*ast.CreateProcStmt, *planEntry, *msgs.Error) {
	e, err := s.parse(o.Proc.Definition, "\x00proc")
	if err != nil {
		return nil, nil, parser.Messages(err)[0]
	}
	if len(e.Stmts) != 1 {
		return nil, nil, msgs.New(8180)
	}
	cp, ok := e.Stmts[0].(*ast.CreateProcStmt)
	if !ok {
		return nil, nil, msgs.New(8180)
	}
	return cp, e, nil
}

// procArg is an argument to a procedure call.
type procArg struct {
	name   string
	value  types.Value
	t      types.Type
	dflt   bool
	output bool
	slot   int               // caller variable for OUTPUT (-1 for RPC)
	tvp    *types.TableValue // table-valued parameter value
}

// callProc runs a stored procedure; it returns its RETURN status.
func (s *Session) callProc(ctx context.Context, o *catalog.Object, args []procArg, w result.Writer) (int32, []types.Value, []paramDef, *stmtError, error) {
	cp, e, merr := s.loadProc(o)
	if merr != nil {
		return 0, nil, nil, stmtErr(merr), nil
	}
	b, _ := s.binder(1)
	defs := make([]paramDef, len(cp.Params))
	var berr *msgs.Error
	func() {
		defer func() {
			if r := recover(); r != nil {
				if e, ok := recoverBind(r); ok {
					berr = e
					return
				}
				panic(r)
			}
		}()
		for i, p := range cp.Params {
			if tt := s.tableTypeOf(p.Type); tt != nil {
				defs[i] = paramDef{name: p.Name, tt: tt}
				continue
			}
			defs[i] = paramDef{name: p.Name, t: b.ResolveType(p.Type, false), output: p.Output, def: p.Default}
		}
	}()
	if berr != nil {
		return 0, nil, nil, stmtErr(berr), nil
	}
	if s.nestLevel >= 32 {
		return 0, nil, nil, msgErr(217, 32), nil
	}
	saved := s.frame
	s.frame = newFrame(nil)
	defer func() { s.releaseFrame(s.frame); s.frame = saved }()
	slots := make([]int, len(defs))
	set := make([]bool, len(defs))
	for i, d := range defs {
		slots[i], _ = s.frame.declare(d.name, d.t, nil)
		if d.tt != nil {
			s.declareTableParam(&defs[i])
			set[i] = true // an omitted TVP is an empty table
		}
	}
	for i, a := range args {
		idx := i
		if a.name != "" {
			idx = -1
			for j, d := range defs {
				if strings.EqualFold(d.name, a.name) {
					idx = j
				}
			}
			if idx < 0 {
				return 0, nil, nil, calleeErr(msgErr(8145, a.name, o.Name), o.Name), nil
			}
		}
		if idx >= len(defs) {
			return 0, nil, nil, calleeErr(msgErr(8144, o.Name), o.Name), nil
		}
		if a.dflt {
			continue
		}
		if serr, isTVP := s.bindTableArg(ctx, &defs[idx], a.t, a.tvp, w); isTVP {
			if serr != nil {
				return 0, nil, nil, serr, nil
			}
			continue
		}
		cv, cerr := exec.Convert(a.value, a.t, defs[idx].t)
		if cerr != nil {
			if cerr.Number == 245 || cerr.Number == 241 {
				// An argument that does not convert to its parameter's type
				// is reported by the callee as Msg 8114 (not CAST's 245).
				return 0, nil, nil, calleeErr(stmtErr(msgs.NewState(8114, 1, sem.TypeName(a.t), sem.TypeName(defs[idx].t))), o.Name), nil
			}
			return 0, nil, nil, stmtErr(cerr), nil
		}
		s.frame.vals[slots[idx]] = cv
		set[idx] = true
	}
	for i, d := range defs {
		if set[i] {
			continue
		}
		if d.def == nil {
			// OUTPUT does not make a parameter optional (Msg 201).
			return 0, nil, nil, calleeErr(msgErr(201, o.Name, d.name), o.Name), nil
		}
		bb, _ := s.binder(1)
		x, berr := bb.BindExpr(d.def)
		if berr != nil {
			return 0, nil, nil, stmtErr(berr), nil
		}
		v, merr := s.execCtx(ctx).Eval(x, nil)
		if merr != nil {
			return 0, nil, nil, stmtErr(merr), nil
		}
		cv, _ := exec.Convert(v, x.Type(), d.t)
		s.frame.vals[slots[i]] = cv
	}
	rc := &runCtx{entry: e, src: o.Proc.Definition, inProc: true, procName: o.Name}
	tranBefore := s.tranCount()
	s.nestLevel++
	savedIdent := s.scopeIdent
	s.scopeIdent = types.Null
	restoreSec, serr := s.moduleExecuteAs(cp.Options, s.db) // module_execas.go
	if serr != nil {
		s.scopeIdent = savedIdent
		s.nestLevel--
		return 0, nil, nil, serr, nil
	}
	sig, gerr := s.run(ctx, cp.Body, w, rc)
	restoreSec()
	s.scopeIdent = savedIdent
	s.nestLevel--
	if gerr != nil {
		return 0, nil, nil, nil, gerr
	}
	var status int32
	if sig != nil {
		switch sig.kind {
		case sigReturn:
			status = sig.status
		case sigAbort:
			if status == 0 {
				status = -6
			}
		case sigCatch:
			return 0, nil, nil, &stmtError{e: sig.err, kind: errStmt}, nil
		}
	}
	if after := s.tranCount(); after != tranBefore {
		m := msgs.NewState(266, 2, tranBefore, after)
		m.Proc = o.Name
		if _, err := s.fail(&stmtError{e: m}, 0, w, rc, result.CmdNone); err != nil {
			return 0, nil, nil, nil, err
		}
	}
	outs := make([]types.Value, len(defs))
	for i := range defs {
		outs[i] = s.frame.vals[slots[i]]
	}
	return status, outs, defs, nil, nil
}

func (s *Session) tranCount() int {
	if s.tx != nil && s.tx.explicit {
		return s.tx.count
	}
	return 0
}

// callProcRPC runs a procedure named in an RPC request.
func (s *Session) callProcRPC(ctx context.Context, name string, params []Param, w result.Writer) (*stmtError, error) {
	n := parseObjectName(name)
	_, o, serr := s.lookupTable(n)
	if serr != nil || o.Kind != catalog.KindProcedure {
		if serr, err, ok := s.rpcSysProc(ctx, name, params, w); ok {
			return serr, err
		}
		return msgErr(2812, name), nil
	}
	args := make([]procArg, len(params))
	for i, p := range params {
		args[i] = procArg{name: p.Name, value: p.Value, t: p.Type, output: p.Output, slot: -1, tvp: p.TVP}
	}
	status, outs, defs, serr, err := s.callProc(ctx, o, args, w)
	if serr != nil || err != nil {
		return serr, err
	}
	if err := w.ReturnStatus(status); err != nil {
		return nil, err
	}
	for i, p := range params {
		if !p.Output {
			continue
		}
		idx := i
		if p.Name != "" {
			for j, d := range defs {
				if strings.EqualFold(d.name, p.Name) {
					idx = j
				}
			}
		}
		if idx < len(defs) {
			ot, ov := outParam(outs[idx], defs[idx].t, p.Type)
			if err := w.ReturnValue(result.ReturnValue{Ordinal: i, Name: defs[idx].name, Type: ot, Value: ov}); err != nil {
				return nil, err
			}
		}
	}
	return nil, nil
}

func parseObjectName(name string) *ast.ObjectName {
	parts := strings.Split(name, ".")
	for i := range parts {
		parts[i] = strings.Trim(parts[i], "[]")
	}
	n := &ast.ObjectName{}
	switch len(parts) {
	case 1:
		n.Name.Name = parts[0]
	case 2:
		n.Schema.Name, n.Name.Name = parts[0], parts[1]
	default:
		n.Database.Name, n.Schema.Name, n.Name.Name = parts[len(parts)-3], parts[len(parts)-2], parts[len(parts)-1]
	}
	return n
}

// execProcStmt runs EXEC proc … or EXEC('dynamic') inside a batch.
func (s *Session) execProcStmt(ctx context.Context, x *ast.ExecStmt, w result.Writer, rc *runCtx) (*stmtError, error) {
	if x.Dynamic != nil {
		v, xt, serr, err := s.evalScalar(ctx, x.Dynamic, x.Span.Line)
		if serr != nil || err != nil {
			return serr, err
		}
		text := exec.ToString(v, xt.Type())
		e, perr := s.parse(text, "")
		if perr != nil {
			return stmtErr(parser.Messages(perr)[0]), nil
		}
		saved, savedIdent := s.frame, s.scopeIdent
		s.frame = newFrame(nil)
		s.scopeIdent = types.Null // EXEC('…') is a scope of its own
		s.nestLevel++
		sig, gerr := s.run(ctx, e.Stmts, w, &runCtx{entry: e, src: text, inProc: true})
		s.nestLevel--
		s.frame, s.scopeIdent = saved, savedIdent
		if gerr != nil {
			return nil, gerr
		}
		if sig != nil && sig.kind == sigCatch {
			return &stmtError{e: sig.err}, nil
		}
		return nil, nil
	}
	name := x.Proc.Name.Name
	// System procedures executed by name.
	if strings.EqualFold(name, "sp_executesql") {
		var params []Param
		for _, a := range x.Args {
			v, xt, serr, err := s.evalScalar(ctx, a.Value, x.Span.Line)
			if serr != nil || err != nil {
				return serr, err
			}
			params = append(params, Param{Name: a.Name, Type: xt.Type(), Value: cloneVal(v), Output: a.Output})
		}
		if len(params) == 0 {
			return msgErr(201, "sp_executesql", "@statement"), nil
		}
		def := ""
		rest := params[1:]
		if len(rest) > 0 && rest[0].Value.K == types.KindString && (rest[0].Name == "" || strings.EqualFold(rest[0].Name, "@params")) {
			def, rest = rest[0].Value.S, rest[1:]
		}
		cw := &captureReturns{Writer: w}
		serr, err := s.execSQLWithParams(ctx, params[0].Value.S, def, rest, 0, cw)
		if serr == nil && err == nil {
			s.assignOutputs(x.Args, len(params)-len(rest), cw.outs)
		}
		return serr, err
	}
	_, o, serr := s.lookupTable(&x.Proc)
	if serr != nil || o.Kind != catalog.KindProcedure {
		if serr, err, ok := s.execSysProc(ctx, x, w); ok {
			return serr, err
		}
		return msgErr(2812, objText(&x.Proc)), nil
	}
	args := make([]procArg, len(x.Args))
	for i, a := range x.Args {
		args[i] = procArg{name: a.Name, output: a.Output, slot: -1}
		if _, ok := a.Value.(*ast.DefaultExpr); ok {
			args[i].dflt = true
			continue
		}
		if a.Output {
			vr, ok := a.Value.(*ast.VarRef)
			if !ok {
				return msgErr(179), nil
			}
			slot, ok := s.frame.lookup(vr.Name)
			if !ok {
				return msgErr(137, vr.Name), nil
			}
			args[i].slot = slot
		}
		if tv, isTable, serr, err := s.tableVarArg(ctx, a.Value); isTable {
			if serr != nil || err != nil {
				return serr, err
			}
			args[i].tvp = tv
			continue
		}
		v, xt, serr, err := s.evalScalar(ctx, a.Value, x.Span.Line)
		if serr != nil || err != nil {
			return serr, err
		}
		args[i].value, args[i].t = cloneVal(v), xt.Type()
	}
	status, outs, defs, serr, err := s.callProc(ctx, o, args, w)
	if serr != nil || err != nil {
		return serr, err
	}
	for i, a := range args {
		if a.slot < 0 {
			continue
		}
		idx := i
		if a.name != "" {
			for j, d := range defs {
				if strings.EqualFold(d.name, a.name) {
					idx = j
				}
			}
		}
		if idx < len(defs) {
			cv, cerr := exec.Convert(outs[idx], defs[idx].t, s.frame.types[a.slot])
			if cerr == nil {
				s.frame.vals[a.slot] = cv
			}
		}
	}
	if x.ReturnVar != "" {
		if slot, ok := s.frame.lookup(x.ReturnVar); ok {
			s.frame.vals[slot] = intVal(int64(status))
		}
	}
	return nil, nil
}

// discardReturns drops RETURNSTATUS/RETURNVALUE of a nested
// sp_executesql (the outer batch is not an RPC).
type discardReturns struct{ result.Writer }

func (discardReturns) ReturnStatus(int32) error             { return nil }
func (discardReturns) ReturnValue(result.ReturnValue) error { return nil }

// calleeErr reports serr as the called procedure's, at its line 0 (as SQL
// Server reports a call's argument errors).
func calleeErr(serr *stmtError, proc string) *stmtError {
	serr.e.Proc, serr.line0 = proc, true
	return serr
}
