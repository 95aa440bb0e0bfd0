package proc

import (
	"context"
	"strconv"
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/sysobj"
	"github.com/tsqld/tsqld/sql/types"
	"github.com/tsqld/tsqld/storage"
)

// Table types (CREATE TYPE … AS TABLE) live with the alias types in the
// database's type namespace (catalog.AliasType with Table set). Their only
// use is declaring table-valued parameters: a READONLY parameter of a
// table type is a table variable that the caller's rows fill.

// tableTypeID is sys.types.system_type_id of every table type.
const tableTypeID types.TypeID = 243

// createType runs CREATE TYPE name AS TABLE (…) and CREATE TYPE name FROM
// base [NULL | NOT NULL].
func (s *Session) createType(ctx context.Context, x *ast.CreateTypeStmt, w result.Writer, rc *runCtx) (*stmtError, error) {
	schema, name := x.Name.Schema.Name, x.Name.Name.Name
	if schema == "" {
		schema = "dbo"
	}
	if sysobj.SysTypeByName(name) != nil || s.cat().AliasType(s.db, schema, name) != nil {
		return msgErr(219, name), nil
	}
	at := catalog.AliasType{Schema: schema, Name: name, Nullable: true}
	if x.Table != nil {
		def, serr := s.buildTableDef(name, x.Table.Columns, x.Table.Constraints, x.Table.Indexes, rc)
		if serr != nil {
			return serr, nil
		}
		at.Table = def
		at.Base = types.Type{ID: tableTypeID}
	} else {
		if x.Base == nil {
			return msgErr(102, name), nil
		}
		b, _ := s.binder(x.Span.Line)
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
			at.Base = b.ResolveType(x.Base, false)
		}()
		if serr != nil {
			return serr, nil
		}
		at.Nullable = x.Null != ast.NotNull
	}
	err := s.sysWrite(ctx, func(txn storage.Txn) error {
		_, err := s.cat().AddAliasType(txn, s.db, at)
		return err
	})
	if serr := goErr(err); serr != nil {
		return serr, nil
	}
	return nil, w.Done(result.Done{Cmd: result.CmdDDL, InProc: rc.inProc})
}

// dropType runs DROP TYPE [IF EXISTS] name.
func (s *Session) dropType(ctx context.Context, n *ast.ObjectName, ifExists bool) *stmtError {
	at := s.cat().AliasType(s.db, n.Schema.Name, n.Name.Name)
	if at == nil {
		if ifExists {
			return nil
		}
		return stmtErr(&msgs.Error{Number: 218, Severity: 16, State: 1,
			Text: "Cannot find the type '" + n.Name.Name + "', because it does not exist or you do not have permission."})
	}
	id := at.ID
	return goErr(s.sysWrite(ctx, func(txn storage.Txn) error { return s.cat().DropAliasType(txn, s.db, id) }))
}

// tableTypeOf returns the table type a parameter declaration names, or nil
// for any other type.
func (s *Session) tableTypeOf(tn *ast.TypeName) *catalog.AliasType {
	if tn == nil || s.db == nil {
		return nil
	}
	at := s.cat().AliasType(s.db, tn.Schema.Name, tn.Name.Name)
	if at == nil || at.Table == nil {
		return nil
	}
	return at
}

// declareTableParam creates the (empty) table variable of a table-valued
// parameter in the current frame.
func (s *Session) declareTableParam(d *paramDef) {
	def := *d.tt.Table
	o := &catalog.Object{ID: -tempObjectIDs.Add(1), Schema: "dbo", Name: d.name, Kind: catalog.KindTable, Table: &def, Database: catalog.TempDBID, TableVar: true}
	s.frame.tables[strings.ToLower(d.name)] = o
}

// fillTableParam inserts a table-valued parameter's rows into its table
// variable: one INSERT … VALUES over hidden variables, parsed once and run
// per row, so defaults, IDENTITY, constraints and conversions are the
// table type's own.
func (s *Session) fillTableParam(ctx context.Context, d *paramDef, tv *types.TableValue, w result.Writer) *stmtError {
	if tv == nil || len(tv.Rows) == 0 {
		return nil
	}
	cols := d.tt.Table.Columns
	if len(tv.Columns) != len(cols) {
		return msgErr(206, "table type", d.tt.Name)
	}
	var text strings.Builder
	text.WriteString("INSERT INTO ")
	text.WriteString(d.name)
	text.WriteString(" (")
	var vals strings.Builder
	var slots, srcs []int
	identity := false
	for i, c := range tv.Columns {
		if c.Default {
			continue
		}
		if cols[i].Identity != nil {
			identity = true
		}
		if len(slots) > 0 {
			text.WriteString(", ")
			vals.WriteString(", ")
		}
		text.WriteString("[" + strings.ReplaceAll(cols[i].Name, "]", "]]") + "]")
		v := "@__tvp_col" + strconv.Itoa(i)
		slot, _ := s.frame.declare(v, c.Type, nil)
		vals.WriteString(v)
		slots = append(slots, slot)
		srcs = append(srcs, i)
	}
	var stmt string
	if len(slots) == 0 {
		stmt = "INSERT INTO " + d.name + " DEFAULT VALUES"
	} else {
		stmt = text.String() + ") VALUES (" + vals.String() + ")"
	}
	if identity {
		// Identity values sent by the client are kept, as SQL Server
		// does for a TVP column not marked default.
		stmt = "SET IDENTITY_INSERT " + d.name + " ON; " + stmt + "; SET IDENTITY_INSERT " + d.name + " OFF"
	}
	e, err := s.parse(stmt, "\x00tvp")
	if err != nil {
		return stmtErr(msgs.New(8180))
	}
	sink := &tvpSink{Writer: w}
	rc := &runCtx{entry: e, src: stmt, inProc: true}
	for _, row := range tv.Rows {
		for j, slot := range slots {
			s.frame.vals[slot] = row[srcs[j]]
		}
		if _, err := s.run(ctx, e.Stmts, sink, rc); err != nil {
			return stmtErr(msgs.New(8180))
		}
		if sink.failed {
			return &stmtError{e: sink.err, kind: errBatch}
		}
	}
	return nil
}

// tvpSink runs the INSERTs that fill a TVP silently: only an error is
// kept (and reported by the caller).
type tvpSink struct {
	result.Writer
	failed bool
	err    *msgs.Error
}

func (t *tvpSink) Columns([]result.Column) error { return nil }
func (t *tvpSink) Row([]types.Value) error       { return nil }
func (t *tvpSink) Done(result.Done) error        { return nil }
func (t *tvpSink) Message(m *msgs.Error) error {
	if m.Severity > 10 && !t.failed {
		t.failed, t.err = true, m
	}
	return nil
}
func (t *tvpSink) EnvChange(result.EnvChange) error     { return nil }
func (t *tvpSink) ReturnStatus(int32) error             { return nil }
func (t *tvpSink) ReturnValue(result.ReturnValue) error { return nil }

// bindTableArg binds an argument to a table-valued parameter; isTVP is
// false when neither side is table-valued (an ordinary argument). A table
// value for a scalar parameter, or a scalar for a table type, is Msg 206.
func (s *Session) bindTableArg(ctx context.Context, d *paramDef, argType types.Type, tv *types.TableValue, w result.Writer) (serr *stmtError, isTVP bool) {
	switch {
	case d.tt == nil && tv == nil:
		return nil, false
	case d.tt == nil:
		return msgErr(206, "table type", d.t.MsgName()), true
	case tv == nil:
		return msgErr(206, argType.MsgName(), d.tt.Name), true
	}
	return s.fillTableParam(ctx, d, tv, w), true
}

// tableVarArg reads a table variable passed to a procedure's table-valued
// parameter (EXEC p @tvp); isTable is false for any other argument.
func (s *Session) tableVarArg(ctx context.Context, arg ast.Expr) (tv *types.TableValue, isTable bool, serr *stmtError, err error) {
	vr, ok := arg.(*ast.VarRef)
	if !ok || s.frame.tables[strings.ToLower(vr.Name)] == nil {
		return nil, false, nil, nil
	}
	stmt := "SELECT * FROM " + vr.Name
	e, perr := s.parse(stmt, "\x00tvp")
	if perr != nil {
		return nil, true, stmtErr(msgs.New(8180)), nil
	}
	c := &tvpCollect{}
	if _, err := s.run(ctx, e.Stmts, c, &runCtx{entry: e, src: stmt, inProc: true}); err != nil {
		return nil, true, nil, err
	}
	if c.err != nil {
		return nil, true, stmtErr(c.err), nil
	}
	tv = &types.TableValue{Rows: c.rows}
	for _, col := range c.cols {
		// IDENTITY values are numbered afresh by the parameter's table.
		tv.Columns = append(tv.Columns, types.TableValueColumn{Name: col.Name, Type: col.Type, Default: col.Identity})
	}
	return tv, true, nil, nil
}

// tvpCollect keeps the rows of a table variable read for EXEC.
type tvpCollect struct {
	tvpSink
	cols []result.Column
	rows [][]types.Value
}

func (t *tvpCollect) Columns(cols []result.Column) error {
	t.cols = append([]result.Column(nil), cols...)
	return nil
}
func (t *tvpCollect) Row(row []types.Value) error {
	r := make([]types.Value, len(row))
	for i := range row {
		r[i] = cloneVal(row[i])
	}
	t.rows = append(t.rows, r)
	return nil
}
