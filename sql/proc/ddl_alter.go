package proc

import (
	"context"
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/exec"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/types"
)

// rewriteTable replaces a table's definition and re-stores every row
// through f (which maps an old row to a new one), rebuilding the clustered
// key and all indexes. Used by ALTER TABLE and CREATE CLUSTERED INDEX.
func (s *Session) rewriteTable(ctx context.Context, db int32, o *catalog.Object, def *catalog.Table, f func([]types.Value) ([]types.Value, *msgs.Error)) *stmtError {
	c := s.execCtx(ctx)
	old := c.TableFor(db, o)
	var rows [][]types.Value
	if err := old.Scan(func(_ []byte, row []types.Value) error {
		rows = append(rows, append([]types.Value(nil), row...))
		return nil
	}); err != nil {
		serr, _ := asStmtErr(err)
		return serr
	}
	p := catalog.TablePrefix(db, o.ID)
	if err := catalog.DeleteRange(c.Txn(db), p, catalog.PrefixEnd(p)); err != nil {
		serr, _ := asStmtErr(err)
		return serr
	}
	s.srv.counters.Forget(db, o.ID)
	no := *o
	no.Table = def
	t := c.TableFor(db, &no)
	for _, r := range rows {
		nr, merr := f(r)
		if merr != nil {
			return stmtErr(merr)
		}
		m, err := t.Insert(s.srv.counters, nr)
		if err != nil {
			serr, _ := asStmtErr(err)
			return serr
		}
		if m != nil {
			return stmtErr(m)
		}
	}
	return s.replaceTable(db, o, def)
}

func (s *Session) alterTable(ctx context.Context, x *ast.AlterTableStmt, w result.Writer, rc *runCtx) (*stmtError, error) {
	if x.Kind == ast.AlterTableTrigger {
		return s.alterTableTrigger(x, w, rc) // trigger.go
	}
	db, o, serr := s.lookupTable(&x.Table)
	if serr != nil {
		return serr, nil
	}
	if o.Kind != catalog.KindTable {
		return msgErr(4902, objText(&x.Table)), nil
	}
	s.srv.ddlMu.Lock()
	defer s.srv.ddlMu.Unlock()
	def := o.Table.Clone()
	identity := func(r []types.Value) ([]types.Value, *msgs.Error) { return r, nil }
	switch x.Kind {
	case ast.AlterTableAdd:
		nOld := len(def.Columns)
		if len(x.Columns) > 0 {
			add, serr := s.buildTableDefOver(def, o.Name, x.Columns, nil, nil, rc)
			if serr != nil {
				return serr, nil
			}
			for _, c := range add.Columns {
				if def.ColumnIndex(c.Name) >= 0 {
					return msgErr(2705, c.Name, o.Name), nil
				}
				if c.Identity != nil && def.IdentityColumn() >= 0 {
					return msgErr(2744, o.Name), nil
				}
				def.Columns = append(def.Columns, c)
			}
			// Column-level constraints of the new columns.
			for _, cd := range x.Columns {
				for _, cn := range cd.Constraints {
					if cn.Kind == ast.ConstraintDefault {
						continue
					}
					if len(cn.Columns) == 0 && (cn.Kind == ast.ConstraintPrimaryKey || cn.Kind == ast.ConstraintUnique || cn.Kind == ast.ConstraintForeignKey) {
						cn.Columns = []*ast.IndexColumn{{Name: cd.Name}}
					}
					if e := s.addConstraint(def, o.Name, cn, rc); e != nil {
						return e, nil
					}
				}
			}
		}
		for _, cn := range x.Constraints {
			if e := s.addConstraint(def, o.Name, cn, rc); e != nil {
				return e, nil
			}
		}
		t := &dmlTarget{db: db, obj: &catalog.Object{ID: o.ID, Schema: o.Schema, Name: o.Name, Kind: o.Kind, Table: def}, alias: o.Name}
		t.cols = tableCols(t.obj, o.Name)
		chk, serr := s.newChecker(t, "ALTER TABLE")
		if serr != nil {
			return serr, nil
		}
		c := s.execCtx(ctx)
		tbl := c.TableFor(db, t.obj)
		fill := func(r []types.Value) ([]types.Value, *msgs.Error) {
			nr := append(append([]types.Value(nil), r...), make([]types.Value, len(def.Columns)-nOld)...)
			for i := nOld; i < len(def.Columns); i++ {
				col := def.Columns[i]
				switch {
				case col.Identity != nil:
					id, err := tbl.NextIdentity(s.srv.counters, i)
					if err != nil {
						return nil, msgs.New(8180)
					}
					nr[i] = types.Value{K: types.KindInt, I: id}
				case col.Default != "" && (!col.Nullable || withValues(x, col.Name)):
					v, serr := s.columnDefault(c, def, i, x.Span.Line)
					if serr != nil {
						return nil, serr.e
					}
					nr[i] = v
				case col.Type.ID == types.Timestamp:
					// chk.check gives the new rowversion column its values.
				case !col.Nullable:
					return nil, msgs.New(4901, col.Name, o.Name)
				}
			}
			if e := chk.check(c, nr); e != nil {
				return nil, e
			}
			return nr, nil
		}
		if serr := s.rewriteTable(ctx, db, o, def, fill); serr != nil {
			return serr, nil
		}
	case ast.AlterTableDrop:
		for _, d := range x.Drops {
			if d.Kind == ast.DropItemColumn {
				idx := def.ColumnIndex(d.Name.Name)
				if idx < 0 {
					if d.IfExists {
						continue
					}
					return msgErr(4924, d.Name.Name, o.Name), nil
				}
				for _, ix := range def.Indexes {
					for _, ic := range ix.Columns {
						if ic.Column == idx {
							return dependentColumn("index", ix.Name, d.Name.Name), nil
						}
					}
					for _, ic := range ix.Included {
						if ic == idx {
							return dependentColumn("index", ix.Name, d.Name.Name), nil
						}
					}
					if ix.Filter != "" && mentionsColumn(ix.Filter, d.Name.Name) {
						return dependentColumn("index", ix.Name, d.Name.Name), nil
					}
				}
				for _, fk := range def.ForeignKeys {
					for _, fc := range fk.Columns {
						if fc == idx {
							return dependentColumn("object", fk.Name, d.Name.Name), nil
						}
					}
				}
				for _, ck := range def.Checks {
					if ck.Column == idx+1 || mentionsColumn(ck.Expr, d.Name.Name) {
						return dependentColumn("object", ck.Name, d.Name.Name), nil
					}
				}
				if def.Columns[idx].Default != "" && def.Columns[idx].DefaultName != "" {
					// A DEFAULT constraint must be dropped first (as EF
					// migrations do).
					return dependentColumn("object", def.Columns[idx].DefaultName, d.Name.Name), nil
				}
				def.Columns = append(def.Columns[:idx:idx], def.Columns[idx+1:]...)
				shift := func(c int) int {
					if c > idx {
						return c - 1
					}
					return c
				}
				for i := range def.Indexes {
					for j := range def.Indexes[i].Columns {
						def.Indexes[i].Columns[j].Column = shift(def.Indexes[i].Columns[j].Column)
					}
					for j := range def.Indexes[i].Included {
						def.Indexes[i].Included[j] = shift(def.Indexes[i].Included[j])
					}
				}
				for i := range def.ForeignKeys {
					for j := range def.ForeignKeys[i].Columns {
						def.ForeignKeys[i].Columns[j] = shift(def.ForeignKeys[i].Columns[j])
					}
				}
				for i := range def.Checks {
					if c := def.Checks[i].Column; c > 0 {
						def.Checks[i].Column = shift(c-1) + 1
					}
				}
				drop := idx
				if serr := s.rewriteTable(ctx, db, o, def, func(r []types.Value) ([]types.Value, *msgs.Error) {
					return append(append([]types.Value(nil), r[:drop]...), r[drop+1:]...), nil
				}); serr != nil {
					return serr, nil
				}
				o = s.cat().ObjectByID(s.cat().DatabaseByID(db), o.ID)
				if o == nil {
					o = &catalog.Object{}
				}
				def = def.Clone()
				continue
			}
			if !dropConstraint(def, d.Name.Name) {
				if d.IfExists {
					continue
				}
				return msgErr(3728, d.Name.Name), nil
			}
		}
		if serr := s.rewriteTable(ctx, db, o, def, identity); serr != nil {
			return serr, nil
		}
	case ast.AlterTableAlterColumn:
		if len(x.Columns) != 1 {
			return msgErr(40517, "ALTER COLUMN"), nil
		}
		cd := x.Columns[0]
		idx := def.ColumnIndex(cd.Name.Name)
		if idx < 0 {
			return msgErr(4924, cd.Name.Name, o.Name), nil
		}
		nd, serr := s.buildTableDef(o.Name, []*ast.ColumnDef{cd}, nil, nil, rc)
		if serr != nil {
			return serr, nil
		}
		oldT := def.Columns[idx].Type
		nc := nd.Columns[0]
		def.Columns[idx].Type = nc.Type
		def.Columns[idx].Nullable = cd.Null != ast.NotNull
		colName := nc.Name
		conv := func(r []types.Value) ([]types.Value, *msgs.Error) {
			v, err := exec.Convert(r[idx], oldT, nc.Type)
			if err != nil {
				return nil, err
			}
			if v.K == types.KindNull && !def.Columns[idx].Nullable {
				return nil, msgs.NewTypical(515, colName, objText(&x.Table), "UPDATE")
			}
			r[idx] = v
			return r, nil
		}
		if serr := s.rewriteTable(ctx, db, o, def, conv); serr != nil {
			return serr, nil
		}
	case ast.AlterTableCheck:
		if serr := setConstraintsEnabled(def, x); serr != nil {
			return serr, nil
		}
		if serr := s.replaceTable(db, o, def); serr != nil {
			return serr, nil
		}
	case ast.AlterTableTrigger, ast.AlterTableSet, ast.AlterTableRebuild:
		// Triggers and storage options do not change data here.
	default:
		return msgErr(40517, "ALTER TABLE"), nil
	}
	return nil, w.Done(result.Done{Cmd: result.CmdDDL, InProc: rc.inProc})
}

// withValues reports ADD … DEFAULT … WITH VALUES for a column (nullable
// columns then get the default in existing rows).
func withValues(x *ast.AlterTableStmt, col string) bool {
	for _, o := range x.Options {
		if strings.EqualFold(o.Name, "VALUES") {
			return true
		}
	}
	return false
}

// dropConstraint removes a named constraint from def.
func dropConstraint(def *catalog.Table, name string) bool {
	for i, ix := range def.Indexes {
		if ix.Constraint && strings.EqualFold(ix.Name, name) {
			def.Indexes = append(def.Indexes[:i:i], def.Indexes[i+1:]...)
			return true
		}
	}
	for i, ck := range def.Checks {
		if strings.EqualFold(ck.Name, name) {
			def.Checks = append(def.Checks[:i:i], def.Checks[i+1:]...)
			return true
		}
	}
	for i, fk := range def.ForeignKeys {
		if strings.EqualFold(fk.Name, name) {
			def.ForeignKeys = append(def.ForeignKeys[:i:i], def.ForeignKeys[i+1:]...)
			return true
		}
	}
	for i := range def.Columns {
		if def.Columns[i].DefaultName != "" && strings.EqualFold(def.Columns[i].DefaultName, name) {
			def.Columns[i].Default, def.Columns[i].DefaultName = "", ""
			return true
		}
	}
	return false
}

// dependentColumn is SQL Server's refusal to drop a column an index or
// constraint uses: Msg 5074 naming the dependent object, then Msg 4922.
func dependentColumn(kind, object, column string) *stmtError {
	e := msgErr(4922, "DROP COLUMN "+column)
	e.pre = []*msgs.Error{msgs.New(5074, kind, object, column)}
	return e
}
