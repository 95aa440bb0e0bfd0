package proc

import (
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/exec"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/parser"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

// Computed columns (c AS expr [PERSISTED]). The value is computed whenever
// a row is written (INSERT, UPDATE, MERGE, bulk copy, ALTER TABLE ADD) and
// stored with it, so reads, indexes, CHECK constraints, triggers and
// OUTPUT see it like any column. For deterministic expressions — all
// SQL Server lets an index or PERSISTED use — that is what SQL Server
// returns; a non-persisted column over a non-deterministic function
// (GETDATE()) keeps its value from the last write instead of changing on
// each read.

type computedCol struct {
	col int
	x   sem.Expr
}

// typeComputedColumns binds each computed column of a new table over the
// table's other columns and gives it the expression's type: Msg 207 for an
// unknown column, Msg 1759 when it uses another computed column.
func (s *Session) typeComputedColumns(def, base *catalog.Table, tableName string) *stmtError {
	var cols []sem.Column
	// all is what the expressions see: an altered table's existing
	// columns, then the new ones.
	all := def
	if base != nil {
		all = &catalog.Table{Columns: append(append([]catalog.Column(nil), base.Columns...), def.Columns...)}
	}
	for i := range def.Columns {
		c := &def.Columns[i]
		if c.Computed != "" && c.Type.ID != types.SQLVariant {
			continue // typed already (ALTER TABLE re-runs this)
		}
		if c.Computed == "" {
			continue
		}
		if cols == nil {
			cols = tableCols(&catalog.Object{Name: tableName, Table: all}, tableName)
		}
		e, err := parser.ParseExpr(c.Computed, parser.Options{})
		if err != nil {
			return stmtErr(parser.Messages(err)[0])
		}
		for j := range all.Columns {
			o := &all.Columns[j]
			if o.Name != c.Name && o.Computed != "" && mentionsColumn(c.Computed, o.Name) {
				return msgErr(1759, o.Name, tableName)
			}
		}
		b, _ := s.binder(0)
		x, berr := b.BindExprOver(tableName, cols, e)
		if berr != nil {
			return stmtErr(berr)
		}
		t := x.Type()
		if t.ID == types.Unknown {
			t = types.Type{ID: types.Int}
		}
		c.Type = t
		c.Nullable = true
	}
	return nil
}

// mentionsColumn reports whether expression text names a column (as a
// word or [bracketed]); used only for the DDL check of Msg 1759.
func mentionsColumn(text, name string) bool {
	e, err := parser.ParseExpr(text, parser.Options{})
	if err != nil {
		return false
	}
	found := false
	walkColumnRefs(e, func(n string) {
		if strings.EqualFold(n, name) {
			found = true
		}
	})
	return found
}

// bindComputed binds the target's computed columns for fillComputed.
func (rc *rowChecker) bindComputed() *stmtError {
	def := rc.t.obj.Table
	for i := range def.Columns {
		if def.Columns[i].Computed == "" {
			continue
		}
		e, err := parser.ParseExpr(def.Columns[i].Computed, parser.Options{})
		if err != nil {
			return stmtErr(parser.Messages(err)[0])
		}
		b, _ := rc.s.binder(0)
		x, berr := b.BindExprOver(rc.t.alias, rc.t.cols, e)
		if berr != nil {
			return stmtErr(berr)
		}
		rc.computed = append(rc.computed, computedCol{col: i, x: x})
	}
	return nil
}

// fillComputed stores each computed column's value into row.
func (rc *rowChecker) fillComputed(c *exec.Ctx, row []types.Value) *msgs.Error {
	def := rc.t.obj.Table
	for _, cc := range rc.computed {
		v, err := c.Eval(cc.x, row)
		if err != nil {
			return err
		}
		if v.K != types.KindNull {
			if v, err = exec.Convert(v, cc.x.Type(), def.Columns[cc.col].Type); err != nil {
				return err
			}
		}
		row[cc.col] = v
	}
	return nil
}

// walkColumnRefs calls f with the name of each column reference in e.
func walkColumnRefs(e ast.Expr, f func(string)) {
	ast.Walk(columnRefVisitor(f), e)
}

type columnRefVisitor func(string)

func (v columnRefVisitor) Visit(n ast.Node) ast.Visitor {
	if c, ok := n.(*ast.ColumnRef); ok {
		v(c.Name.Name)
	}
	return v
}
