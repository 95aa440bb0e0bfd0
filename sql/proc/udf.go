package proc

import (
	"context"
	"strings"
	"sync"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/exec"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

// retVar is the hidden variable a scalar function's RETURN assigns.
const retVar = "@\x00ret"

// createFunction runs CREATE/ALTER/CREATE OR ALTER FUNCTION.
func (s *Session) createFunction(ctx context.Context, x *ast.CreateFunctionStmt, w result.Writer, rc *runCtx) (*stmtError, error) {
	def := x.Definition
	if def == "" {
		def = rc.text(x)
	}
	kind := catalog.KindScalarFunc
	switch {
	case x.ReturnsTable:
		kind = catalog.KindInlineTVF
	case x.ReturnVar != "":
		kind = catalog.KindTableFunc
	}
	if len(x.Params) > 63 {
		return msgErr(180, x.Name.Name.Name, 63), nil
	}
	if m := checkFuncBody(x.Body); m != nil {
		return stmtErr(m), nil
	}
	// Check the signature now so errors surface at CREATE time.
	probe := &catalog.Object{Name: x.Name.Name.Name, Kind: kind, Func: &catalog.Function{Definition: def}}
	if _, merr := s.loadFunc(probe); merr != nil {
		return stmtErr(merr), nil
	}
	if x.Alter || x.OrAlter {
		if _, o, _ := s.lookupTable(&x.Name); o != nil && o.Kind != kind && isFuncKind(o.Kind) {
			// ALTER cannot change scalar to table-valued and back.
			return msgErr(2010, o.Name), nil
		}
	}
	return s.putModule(&x.Name, kind, x.Alter, x.OrAlter, func(o *catalog.Object) {
		o.Kind = kind
		o.Func = &catalog.Function{Definition: def}
	}, w, rc)
}

func isFuncKind(k catalog.ObjectKind) bool {
	return k == catalog.KindScalarFunc || k == catalog.KindInlineTVF || k == catalog.KindTableFunc
}

// udfDef is a parsed function with resolved parameter and result types.
type udfDef struct {
	cf     *ast.CreateFunctionStmt
	entry  *planEntry
	params []paramDef
	ret    types.Type
	table  *catalog.Table // multi-statement TVF's return table
	body   []ast.Stmt     // scalar: RETURN x rewritten to SET @ret = x; RETURN
	// nullOnNull: RETURNS NULL ON NULL INPUT (the body is skipped).
	nullOnNull bool
}

var udfBodies sync.Map // *ast.CreateFunctionStmt → []ast.Stmt

func (s *Session) loadFunc(o *catalog.Object) (d *udfDef, merr *msgs.Error) {
	if o.Func == nil {
		return nil, msgs.New(8180)
	}
	e, err := s.parse(o.Func.Definition, "\x00func")
	if err != nil {
		return nil, msgs.New(8180)
	}
	if len(e.Stmts) != 1 {
		return nil, msgs.New(8180)
	}
	cf, ok := e.Stmts[0].(*ast.CreateFunctionStmt)
	if !ok {
		return nil, msgs.New(8180)
	}
	d = &udfDef{cf: cf, entry: e}
	for _, opt := range cf.Options {
		if strings.EqualFold(strings.Join(strings.Fields(opt), " "), "RETURNS NULL ON NULL INPUT") {
			d.nullOnNull = true
		}
	}
	b, _ := s.binder(cf.Span.Line)
	defer func() {
		if r := recover(); r != nil {
			if e, ok := recoverBind(r); ok {
				d, merr = nil, e
				return
			}
			panic(r)
		}
	}()
	for _, p := range cf.Params {
		d.params = append(d.params, paramDef{name: p.Name, t: b.ResolveType(p.Type, false), def: p.Default})
	}
	if cf.Returns != nil {
		d.ret = b.ResolveType(cf.Returns, false)
		if v, ok := udfBodies.Load(cf); ok {
			d.body = v.([]ast.Stmt)
		} else {
			d.body = rewriteReturns(cf.Body)
			udfBodies.Store(cf, d.body)
		}
	}
	if cf.ReturnTable != nil {
		t, serr := s.buildTableDef(cf.ReturnVar, cf.ReturnTable.Columns, cf.ReturnTable.Constraints, cf.ReturnTable.Indexes, &runCtx{src: o.Func.Definition})
		if serr != nil {
			return nil, serr.e
		}
		d.table = t
	}
	return d, nil
}

// rewriteReturns copies a scalar function body replacing RETURN x by
// SET @ret = x followed by a bare RETURN (RETURN values of procedures
// are int statuses; a function returns any type).
func rewriteReturns(stmts []ast.Stmt) []ast.Stmt {
	out := make([]ast.Stmt, len(stmts))
	for i, st := range stmts {
		out[i] = rewriteReturn(st)
	}
	return out
}

func rewriteReturn(st ast.Stmt) ast.Stmt {
	switch x := st.(type) {
	case *ast.ReturnStmt:
		if x.Value == nil {
			return x
		}
		return &ast.BlockStmt{Span: x.Span, Stmts: []ast.Stmt{
			&ast.SetVarStmt{Span: x.Span, Name: retVar, Op: ast.AssignSet, Value: x.Value},
			&ast.ReturnStmt{Span: x.Span}}}
	case *ast.BlockStmt:
		return &ast.BlockStmt{Span: x.Span, Stmts: rewriteReturns(x.Stmts)}
	case *ast.IfStmt:
		c := *x
		c.Then = rewriteReturn(x.Then)
		if x.Else != nil {
			c.Else = rewriteReturn(x.Else)
		}
		return &c
	case *ast.WhileStmt:
		c := *x
		c.Body = rewriteReturn(x.Body)
		return &c
	case *ast.TryCatchStmt:
		return &ast.TryCatchStmt{Span: x.Span, Try: rewriteReturns(x.Try), Catch: rewriteReturns(x.Catch)}
	}
	return st
}

// ScalarSignature implements sem.UserFuncs.
func (e *bindEnv) ScalarSignature(o *catalog.Object) ([]types.Type, []bool, types.Type, *msgs.Error) {
	e.private = true
	saved := e.s.frame
	d, merr := e.s.loadFunc(o)
	e.s.frame = saved
	if merr != nil {
		return nil, nil, types.Type{}, merr
	}
	pt, hd := d.paramTypes()
	return pt, hd, d.ret, nil
}

func (d *udfDef) paramTypes() ([]types.Type, []bool) {
	pt := make([]types.Type, len(d.params))
	hd := make([]bool, len(d.params))
	for i, p := range d.params {
		pt[i], hd[i] = p.t, p.def != nil
	}
	return pt, hd
}

// TableSignature implements sem.UserTableFuncs.
func (e *bindEnv) TableSignature(o *catalog.Object) ([]types.Type, []bool, []sem.Column, *msgs.Error) {
	e.private = true
	s := e.s
	d, merr := s.loadFunc(o)
	if merr != nil {
		return nil, nil, nil, merr
	}
	pt, hd := d.paramTypes()
	if d.table != nil {
		return pt, hd, tableCols(&catalog.Object{Table: d.table}, o.Name), nil
	}
	// Inline: bind the query with the parameters declared.
	saved := s.frame
	s.frame = newFrame(nil)
	defer func() { s.frame = saved }()
	for _, p := range d.params {
		s.frame.declare(p.name, p.t, nil)
	}
	b, _ := s.binder(d.cf.Span.Line)
	rel, berr := b.BindQuery(d.cf.Query)
	if berr != nil {
		return nil, nil, nil, berr
	}
	cols := append([]sem.Column(nil), rel.Cols()...)
	for i := range cols {
		cols[i].Table = ""
	}
	return pt, hd, cols, nil
}

// enterFunc sets up a function call's frame: parameters bound to args
// (args = db, id, default mask, values).
func (s *Session) enterFunc(args []types.Value) (*catalog.Object, *udfDef, *msgs.Error) {
	if len(args) < 3 {
		return nil, nil, msgs.New(8180)
	}
	db := s.cat().DatabaseByID(int32(args[0].I))
	if db == nil {
		return nil, nil, msgs.New(8180)
	}
	o := s.cat().ObjectByID(db, int32(args[1].I))
	if o == nil || o.Func == nil {
		return nil, nil, msgs.New(208, "function")
	}
	d, merr := s.loadFunc(o)
	if merr != nil {
		return nil, nil, merr
	}
	if s.nestLevel >= 32 {
		return nil, nil, msgs.New(217, 32)
	}
	vals := args[3:]
	if len(vals) != len(d.params) {
		return nil, nil, msgs.NewTypical(8144, o.Name)
	}
	mask := args[2].I
	s.frame = newFrame(nil)
	for i, p := range d.params {
		slot, _ := s.frame.declare(p.name, p.t, nil)
		v := vals[i]
		if mask&(1<<uint(i)) != 0 && p.def != nil {
			b, _ := s.binder(d.cf.Span.Line)
			x, berr := b.BindExpr(p.def)
			if berr != nil {
				return nil, nil, berr
			}
			dv, merr := s.execCtx(s.ctxOrBackground()).Eval(x, nil)
			if merr != nil {
				return nil, nil, merr
			}
			cv, cerr := exec.Convert(dv, x.Type(), p.t)
			if cerr != nil {
				return nil, nil, cerr
			}
			v = cv
		}
		s.frame.vals[slot] = cloneVal(v)
	}
	return o, d, nil
}

func (s *Session) ctxOrBackground() context.Context {
	if s.ctx != nil {
		return s.ctx
	}
	return context.Background()
}

// runFuncBody runs a function body; errors come back instead of being
// reported (they belong to the calling statement).
func (s *Session) runFuncBody(o *catalog.Object, d *udfDef, body []ast.Stmt) *msgs.Error {
	rc := &runCtx{entry: d.entry, src: o.Func.Definition, inProc: true, procName: o.Name, tryDepth: 1}
	savedOpts, savedRows := s.opts, s.rowCount
	restoreSec, serr := s.moduleExecuteAs(d.cf.Options, s.db) // module_execas.go
	if serr != nil {
		s.opts, s.rowCount = savedOpts, savedRows
		return serr.e
	}
	s.nestLevel++
	sig, err := s.run(s.ctxOrBackground(), body, discardWriter{}, rc)
	s.nestLevel--
	restoreSec()
	s.opts, s.rowCount = savedOpts, savedRows
	if err != nil {
		return msgs.New(8180)
	}
	if sig != nil && (sig.kind == sigCatch || sig.kind == sigAbort) && sig.err != nil {
		return sig.err
	}
	return nil
}

// callScalarUDF evaluates a scalar user function (sem.FuncUDF).
func (s *Session) callScalarUDF(args []types.Value) (types.Value, *msgs.Error) {
	saved := s.frame
	defer func() {
		if s.frame != saved {
			s.releaseFrame(s.frame)
		}
		s.frame = saved
	}()
	o, d, merr := s.enterFunc(args)
	if merr != nil {
		return types.Null, merr
	}
	if d.body == nil {
		return types.Null, msgs.New(4121, o.Schema, o.Name)
	}
	if d.nullOnNull {
		for _, v := range args[3:] {
			if v.K == types.KindNull {
				return types.Null, nil
			}
		}
	}
	slot, _ := s.frame.declare(retVar, d.ret, nil)
	if merr := s.runFuncBody(o, d, d.body); merr != nil {
		return types.Null, merr
	}
	return cloneVal(s.frame.vals[slot]), nil
}

// UserTableFunc implements exec.TableFuncSession: it runs an inline or
// multi-statement table-valued function and returns its rows.
func (s *Session) UserTableFunc(args []types.Value) ([][]types.Value, *msgs.Error) {
	saved := s.frame
	defer func() {
		if s.frame != saved {
			s.releaseFrame(s.frame)
		}
		s.frame = saved
	}()
	o, d, merr := s.enterFunc(args)
	if merr != nil {
		return nil, merr
	}
	c := s.execCtx(s.ctxOrBackground())
	if d.cf.Query != nil {
		b, _ := s.binder(d.cf.Span.Line)
		rel, berr := b.BindQuery(d.cf.Query)
		if berr != nil {
			return nil, berr
		}
		s.nestLevel++
		rows, err := collectRows(c, rel)
		s.nestLevel--
		if err != nil {
			if se, _ := asStmtErr(err); se != nil {
				return nil, se.e
			}
			return nil, msgs.New(8180)
		}
		return rows, nil
	}
	if d.table == nil {
		return nil, msgs.New(8180)
	}
	rt := &catalog.Object{ID: -tempObjectIDs.Add(1), Schema: "dbo", Name: d.cf.ReturnVar, Kind: catalog.KindTable, Table: d.table, Database: catalog.TempDBID}
	s.frame.tables[lower(d.cf.ReturnVar)] = rt
	if merr := s.runFuncBody(o, d, d.cf.Body); merr != nil {
		return nil, merr
	}
	c = s.execCtx(s.ctxOrBackground())
	var rows [][]types.Value
	err := c.TableFor(catalog.TempDBID, rt).Scan(func(_ []byte, row []types.Value) error {
		r := make([]types.Value, len(row))
		for i := range row {
			r[i] = cloneVal(row[i])
		}
		rows = append(rows, r)
		return nil
	})
	if err != nil {
		return nil, msgs.New(8180)
	}
	return rows, nil
}

// discardWriter drops a function body's output (functions cannot return
// result sets; their row counts are not sent).
type discardWriter struct{}

func (discardWriter) Columns([]result.Column) error        { return nil }
func (discardWriter) Row([]types.Value) error              { return nil }
func (discardWriter) Done(result.Done) error               { return nil }
func (discardWriter) Message(*msgs.Error) error            { return nil }
func (discardWriter) EnvChange(result.EnvChange) error     { return nil }
func (discardWriter) ReturnStatus(int32) error             { return nil }
func (discardWriter) ReturnValue(result.ReturnValue) error { return nil }
