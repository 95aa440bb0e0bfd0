package proc

import (
	"context"
	"fmt"
	"math"
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/session"
	"github.com/tsqld/tsqld/sql/types"
)

// text returns the source text of a node of the running batch.
func (rc *runCtx) text(n ast.Node) string {
	sp := n.NodeSpan()
	if rc.src == "" || int(sp.End) > len(rc.src) || sp.Pos >= sp.End {
		return ""
	}
	return rc.src[sp.Pos:sp.End]
}

// newTable registers a table definition under name (permanent, #temp).
func (s *Session) newTable(ctx context.Context, name *ast.ObjectName, def *catalog.Table) (int32, *catalog.Object, *stmtError) {
	if strings.HasPrefix(name.Name.Name, "#") {
		ln := strings.ToLower(name.Name.Name)
		if s.temps[ln] != nil {
			return 0, nil, msgErr(2714, name.Name.Name)
		}
		o := &catalog.Object{ID: -tempObjectIDs.Add(1), Schema: "dbo", Name: name.Name.Name, Kind: catalog.KindTable, Table: def, Database: catalog.TempDBID}
		s.setTemp(ln, o)
		return catalog.TempDBID, o, nil
	}
	d := s.db
	if name.Database.Name != "" {
		if d = s.cat().Database(name.Database.Name); d == nil {
			return 0, nil, msgErr(911, name.Database.Name)
		}
	}
	schema := name.Schema.Name
	if schema == "" {
		schema = s.defaultSchema(d) // default_schema.go
	}
	if _, ok := d.SchemaID(schema); !ok {
		return 0, nil, msgErr(2760, schema)
	}
	s.srv.ddlMu.Lock()
	defer s.srv.ddlMu.Unlock()
	if s.cat().Object(d, schema, name.Name.Name) != nil {
		return 0, nil, msgErr(2714, name.Name.Name)
	}
	txn := s.tx.main
	if d.ID == catalog.TempDBID {
		txn = s.tempTxn()
	}
	id, err := s.cat().AllocObjectID(s.tx.main, d)
	if err != nil {
		return 0, nil, stmtErr(storageError(err))
	}
	for i := range def.ForeignKeys {
		if def.ForeignKeys[i].RefObject == selfReference {
			def.ForeignKeys[i].RefObject = id
		}
	}
	o := &catalog.Object{ID: id, Schema: schemaName(d, schema), Name: name.Name.Name, Kind: catalog.KindTable, Table: def}
	s.tx.ddl = true
	if err := s.cat().PutObject(s.tx.main, d, o); err != nil {
		return 0, nil, stmtErr(storageError(err))
	}
	_ = txn
	return d.ID, o, nil
}

func schemaName(d *catalog.Database, schema string) string {
	if id, ok := d.SchemaID(schema); ok {
		return d.SchemaNames[id]
	}
	return schema
}

// buildTableDef turns column definitions and constraints into a table
// definition.
func (s *Session) buildTableDef(tableName string, cols []*ast.ColumnDef, cons []*ast.Constraint, idxs []*ast.InlineIndex, rc *runCtx) (*catalog.Table, *stmtError) {
	return s.buildTableDefOver(nil, tableName, cols, cons, idxs, rc)
}

// buildTableDefOver builds the definition of new columns; base is the
// existing table they are added to (ALTER TABLE ADD), whose columns their
// computed expressions may use.
func (s *Session) buildTableDefOver(base *catalog.Table, tableName string, cols []*ast.ColumnDef, cons []*ast.Constraint, idxs []*ast.InlineIndex, rc *runCtx) (*catalog.Table, *stmtError) {
	def := &catalog.Table{NextIndexID: 2}
	b, _ := s.binder(0)
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
		for _, cd := range cols {
			for _, c := range def.Columns {
				if strings.EqualFold(c.Name, cd.Name.Name) {
					serr = msgErr(2705, cd.Name.Name, tableName)
					return
				}
			}
			col := catalog.Column{Name: cd.Name.Name}
			if cd.Type == nil {
				if cd.Computed != nil {
					col.Computed = rc.text(cd.Computed)
					col.Type = types.Type{ID: types.SQLVariant}
					col.Nullable = true
					def.Columns = append(def.Columns, col)
					continue
				}
				serr = msgErr(173, cd.Name.Name)
				return
			}
			col.Type = b.ResolveType(cd.Type, false)
			col.UserType = b.AliasTypeID(cd.Type)
			if cd.Collation != "" {
				cdesc, cerr := collationDesc(cd.Collation)
				if cerr == nil {
					cerr = unicodeOnly(cd.Collation, col.Type, false) // Msg 459
				}
				if cerr != nil {
					serr = cerr
					return
				}
				col.Type.Collation = cdesc
			}
			switch cd.Null {
			case ast.NotNull:
			case ast.Nullable:
				col.Nullable = true
			default:
				col.Nullable = s.opts.Has(session.AnsiNullDfltOn) || !s.opts.Has(session.AnsiNullDfltOff)
				if n, alias := b.AliasNullable(cd.Type); alias {
					col.Nullable = n
				}
				if col.Type.ID == types.Timestamp {
					col.Nullable = false // rowversion is NOT NULL unless declared NULL
				}
			}
			if cd.Identity != nil {
				if !isIntegralType(col.Type) {
					serr = msgErr(2749, cd.Name.Name, tableName)
					return
				}
				id := &catalog.Identity{Seed: 1, Increment: 1}
				if cd.Identity.Seed != nil {
					id.Seed = s.constInt(cd.Identity.Seed)
				}
				if cd.Identity.Increment != nil {
					id.Increment = s.constInt(cd.Identity.Increment)
				}
				col.Identity = id
				col.Nullable = false
			}
			def.Columns = append(def.Columns, col)
			for _, c := range cd.Constraints {
				if c.Kind == ast.ConstraintDefault {
					d := &def.Columns[len(def.Columns)-1]
					d.Default = rc.text(c.Expr)
					d.DefaultName = c.Name.Name
					if d.DefaultName == "" {
						d.DefaultName = autoName("DF", tableName, d.Name)
					}
					continue
				}
				if c.Kind == ast.ConstraintPrimaryKey || c.Kind == ast.ConstraintUnique {
					if len(c.Columns) == 0 {
						c.Columns = []*ast.IndexColumn{{Name: cd.Name}}
					}
				}
				if (c.Kind == ast.ConstraintForeignKey || c.Kind == ast.ConstraintCheck) && len(c.Columns) == 0 {
					c.Columns = []*ast.IndexColumn{{Name: cd.Name}}
				}
				cons = append(cons, c)
			}
		}
	}()
	if serr != nil {
		return nil, serr
	}
	if serr := s.typeComputedColumns(def, base, tableName); serr != nil {
		return nil, serr
	}
	if serr := oneTimestamp(def, base, tableName); serr != nil {
		return nil, serr
	}
	for _, c := range cons {
		if e := s.addConstraint(def, tableName, c, rc); e != nil {
			return nil, e
		}
	}
	for _, ix := range idxs {
		cols, e := indexColumns(def, tableName, ix.Columns)
		if e != nil {
			return nil, e
		}
		if ix.Cluster == ast.Clustered && def.Clustered() != nil {
			return nil, msgErr(1902, ix.Name.Name, tableName)
		}
		s.appendIndex(def, catalog.Index{Name: ix.Name.Name, Columns: cols, Unique: ix.Unique, Clustered: ix.Cluster == ast.Clustered})
	}
	return def, nil
}

func isIntegralType(t types.Type) bool {
	switch t.ID {
	case types.TinyInt, types.SmallInt, types.Int, types.BigInt:
		return true
	case types.Decimal, types.Numeric:
		return t.Scale == 0
	}
	return false
}

func autoName(prefix, table, col string) string {
	h := uint32(2166136261)
	for _, c := range table + "." + col {
		h = (h ^ uint32(c)) * 16777619
	}
	t := table
	if len(t) > 8 {
		t = t[:8]
	}
	if col != "" {
		c := col
		if len(c) > 8 {
			c = c[:8]
		}
		return fmt.Sprintf("%s__%s__%s__%08X", prefix, t, c, h)
	}
	return fmt.Sprintf("%s__%s__%08X%08X", prefix, t, h, h*2654435761)
}

func indexColumns(def *catalog.Table, tableName string, cols []*ast.IndexColumn) ([]catalog.IndexColumn, *stmtError) {
	out := make([]catalog.IndexColumn, len(cols))
	for i, c := range cols {
		idx := def.ColumnIndex(c.Name.Name)
		if idx < 0 {
			return nil, msgErr(1911, c.Name.Name)
		}
		if !keyableType(def.Columns[idx].Type) {
			return nil, msgErr(1919, def.Columns[idx].Name, tableName)
		}
		out[i] = catalog.IndexColumn{Column: idx, Desc: c.Desc}
	}
	return out, nil
}

// appendIndex adds ix keeping the clustered index first.
func (s *Session) appendIndex(def *catalog.Table, ix catalog.Index) {
	if ix.Clustered {
		ix.ID = 1
		def.Indexes = append([]catalog.Index{ix}, def.Indexes...)
		return
	}
	if def.NextIndexID < 2 {
		def.NextIndexID = 2
	}
	ix.ID = def.NextIndexID
	def.NextIndexID++
	def.Indexes = append(def.Indexes, ix)
}

func (s *Session) addConstraint(def *catalog.Table, tableName string, c *ast.Constraint, rc *runCtx) *stmtError {
	switch c.Kind {
	case ast.ConstraintPrimaryKey, ast.ConstraintUnique:
		cols, e := indexColumns(def, tableName, c.Columns)
		if e != nil {
			if e.e.Number == 1919 {
				// A constraint's index: 1919, then "Could not create
				// constraint or index".
				f := msgErr(1750)
				f.pre = []*msgs.Error{e.e}
				return f
			}
			return e
		}
		pk := c.Kind == ast.ConstraintPrimaryKey
		if pk {
			for _, ix := range def.Indexes {
				if ix.Primary {
					return msgErr(8110, tableName)
				}
			}
			for _, ic := range cols {
				if def.Columns[ic.Column].Nullable {
					if def.Columns[ic.Column].Identity == nil {
						def.Columns[ic.Column].Nullable = false
					}
				}
			}
		}
		clustered := (pk && c.Cluster != ast.NonClustered) || c.Cluster == ast.Clustered
		if clustered && def.Clustered() != nil {
			clustered = false
			if c.Cluster == ast.Clustered {
				return msgErr(8112, tableName)
			}
		}
		name := c.Name.Name
		if name == "" {
			p := "UQ"
			if pk {
				p = "PK"
			}
			name = autoName(p, tableName, "")
		}
		s.appendIndex(def, catalog.Index{Name: name, Columns: cols, Unique: true, Primary: pk, Clustered: clustered, Constraint: true})
	case ast.ConstraintCheck:
		// A CHECK declared with a column belongs to it (parent_column_id,
		// the CK__table__column__… name).
		col, colName := 0, ""
		if len(c.Columns) == 1 {
			if i := def.ColumnIndex(c.Columns[0].Name.Name); i >= 0 {
				col, colName = i+1, def.Columns[i].Name
			}
		}
		name := c.Name.Name
		if name == "" {
			name = autoName("CK", tableName, colName)
		}
		def.Checks = append(def.Checks, catalog.Check{Name: name, Expr: rc.text(c.Expr), Column: col})
	case ast.ConstraintDefault:
		idx := def.ColumnIndex(c.For.Name)
		if idx < 0 {
			return msgErr(1911, c.For.Name)
		}
		def.Columns[idx].Default = rc.text(c.Expr)
		def.Columns[idx].DefaultName = c.Name.Name
	case ast.ConstraintForeignKey:
		b, _ := s.binder(0)
		_, ref := b.LookupObject(&c.RefTable)
		if ref == nil && strings.EqualFold(c.RefTable.Name.Name, tableName) {
			// A table referencing itself (Employees.ReportsTo): the key
			// points at the table being created, whose id newTable fills in.
			ref = &catalog.Object{ID: selfReference, Name: tableName, Kind: catalog.KindTable, Table: def}
		}
		if ref == nil || ref.Kind != catalog.KindTable {
			fkName := c.Name.Name
			if fkName == "" {
				fkName = autoName("FK", tableName, c.RefTable.Name.Name)
			}
			return msgErr(1767, fkName, c.RefTable.Name.Name)
		}
		fk := catalog.ForeignKey{Name: c.Name.Name, RefObject: ref.ID}
		if fk.Name == "" {
			fk.Name = autoName("FK", tableName, ref.Name)
		}
		for _, ic := range c.Columns {
			idx := def.ColumnIndex(ic.Name.Name)
			if idx < 0 {
				return msgErr(1911, ic.Name.Name)
			}
			fk.Columns = append(fk.Columns, idx)
		}
		refCols := c.RefColumns
		if len(refCols) == 0 {
			for _, ix := range ref.Table.Indexes {
				if ix.Primary {
					for _, ic := range ix.Columns {
						refCols = append(refCols, ast.Ident{Name: ref.Table.Columns[ic.Column].Name})
					}
				}
			}
		}
		for _, rcn := range refCols {
			idx := ref.Table.ColumnIndex(rcn.Name)
			if idx < 0 {
				return msgErr(1770, rcn.Name, ref.Name)
			}
			fk.RefColumns = append(fk.RefColumns, idx)
		}
		if len(fk.RefColumns) != len(fk.Columns) {
			return msgErr(8139, fk.Name, ref.Name)
		}
		fk.OnDelete, fk.OnUpdate = refActionName(c.OnDelete), refActionName(c.OnUpdate)
		if e := s.checkRefActions(def, tableName, &fk); e != nil {
			return e
		}
		def.ForeignKeys = append(def.ForeignKeys, fk)
	}
	return nil
}

// selfReference stands for the id of the table being created in a
// foreign key that references it, until newTable allocates the id.
const selfReference = math.MinInt32

// constInt evaluates a constant integer expression (IDENTITY seed).
func (s *Session) constInt(e ast.Expr) int64 {
	switch x := e.(type) {
	case *ast.Literal:
		var n int64
		fmt.Sscan(x.Val, &n)
		return n
	case *ast.UnaryExpr:
		if x.Op == ast.OpNeg {
			return -s.constInt(x.X)
		}
		return s.constInt(x.X)
	case *ast.ParenExpr:
		return s.constInt(x.X)
	}
	return 1
}

func (s *Session) createTable(ctx context.Context, x *ast.CreateTableStmt, w result.Writer, rc *runCtx) (*stmtError, error) {
	if serr, err := s.nullablePrimaryKey(x, w, rc); serr != nil || err != nil {
		return serr, err
	}
	def, serr := s.buildTableDef(x.Name.Name.Name, x.Columns, x.Constraints, x.Indexes, rc)
	if serr != nil {
		return serr, nil
	}
	if _, _, serr := s.newTable(ctx, &x.Name, def); serr != nil {
		return serr, nil
	}
	return nil, w.Done(result.Done{Cmd: result.CmdDDL, InProc: rc.inProc})
}

// keyableType reports whether a column of type t may be an index key
// column: not text/ntext/image/xml, not a (max) type, not geometry or
// geography (Msg 1919).
func keyableType(t types.Type) bool {
	switch t.ID {
	case types.Text, types.NText, types.Image, types.XML, types.Geometry, types.Geography:
		return false
	case types.VarChar, types.NVarChar, types.VarBinary:
		return t.Length != types.MaxLength
	}
	return true
}

// oneTimestamp refuses a second rowversion/timestamp column (Msg 2738),
// counting an altered table's existing columns.
func oneTimestamp(def, base *catalog.Table, tableName string) *stmtError {
	seen := false
	if base != nil {
		for _, c := range base.Columns {
			seen = seen || c.Type.ID == types.Timestamp
		}
	}
	for _, c := range def.Columns {
		if c.Type.ID != types.Timestamp {
			continue
		}
		if seen {
			return msgErr(2738, tableName, c.Name)
		}
		seen = true
	}
	return nil
}
