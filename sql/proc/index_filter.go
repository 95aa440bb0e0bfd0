package proc

import (
	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/exec"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/parser"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

// Filtered indexes (CREATE INDEX … WHERE) and INCLUDE columns. The index
// maintenance in sql/exec evaluates the stored predicate through the
// compiler registered here.

func init() {
	exec.CompileFilter = func(def *catalog.Table, text string) (sem.Expr, *msgs.Error) {
		e, err := parser.ParseExpr(text, parser.Options{})
		if err != nil {
			return nil, parser.Messages(err)[0]
		}
		b := sem.New(filterEnv{})
		return b.BindExprOver("", tableCols(&catalog.Object{Table: def}, ""), e)
	}
}

// filterEnv binds a filtered index's predicate outside any session: it
// may name only the table's columns and constants (as SQL Server
// requires), whose literals take the server's default collation.
type filterEnv struct{}

func (filterEnv) Catalog() *catalog.Catalog          { return nil }
func (filterEnv) CurrentDB() *catalog.Database       { return nil }
func (filterEnv) TempTable(string) *catalog.Object   { return nil }
func (filterEnv) TableVar(string) *catalog.Object    { return nil }
func (filterEnv) Var(string) (int, types.Type, bool) { return 0, types.Type{}, false }
func (filterEnv) DefaultCollation() types.Collation {
	return collationRecord("SQL_Latin1_General_CP1_CI_AS")
}

// indexExtras records a new index's WHERE predicate (validated by binding
// it over the table) and INCLUDE columns.
func (s *Session) indexExtras(def *catalog.Table, tableName string, x *ast.CreateIndexStmt, ix *catalog.Index, rc *runCtx) *stmtError {
	if x.Where != nil {
		b, _ := s.binder(0)
		if _, berr := b.BindExprOver(tableName, tableCols(&catalog.Object{Name: tableName, Table: def}, tableName), x.Where); berr != nil {
			return stmtErr(berr)
		}
		ix.Filter = rc.text(x.Where)
	}
	for _, inc := range x.Include {
		i := def.ColumnIndex(inc.Name)
		if i < 0 {
			return msgErr(1911, inc.Name)
		}
		for _, kc := range ix.Columns {
			if kc.Column == i {
				// Msg 1909: a column is either a key or an included column.
				return msgErr(1909, inc.Name)
			}
		}
		ix.Included = append(ix.Included, i)
	}
	return nil
}
