package proc

import (
	"context"
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/storage"
)

// optionText renders an ALTER DATABASE option value (ON, SIMPLE, 60 …).
func optionText(e ast.Expr) string {
	switch x := e.(type) {
	case nil:
		return ""
	case *ast.Literal:
		return strings.ToUpper(x.Val)
	case *ast.ColumnRef:
		return strings.ToUpper(x.Name.Name)
	}
	return strings.ToUpper(ast.String(e))
}

// alterDatabase implements ALTER DATABASE … SET: the options are recorded
// in the database's metadata (sys.databases and DATABASEPROPERTYEX report
// them). RECOVERY changes the reported recovery model only: the storage
// engine's log is the same under every model.
func (s *Session) alterDatabase(ctx context.Context, x *ast.AlterDatabaseStmt, w result.Writer, rc *runCtx) (*stmtError, error) {
	d := s.db
	if !x.Current {
		if d = s.cat().Database(x.Name.Name); d == nil {
			return msgErr(911, x.Name.Name), nil
		}
	}
	if len(x.Options) == 0 {
		return msgErr(40517, "ALTER DATABASE "+map[bool]string{true: "COLLATE", false: "MODIFY NAME"}[x.Collation != ""]), nil
	}
	err := s.sysWrite(ctx, func(txn storage.Txn) error {
		for _, o := range x.Options {
			v := optionText(o.Value)
			if o.Unit != "" {
				v += " " + o.Unit
			}
			if err := s.cat().SetDBOption(txn, d, strings.ToLower(o.Name), v); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return goErr(err), nil
	}
	return nil, nil
}

// createStatistics accepts CREATE/UPDATE STATISTICS after checking the
// names: statistics only guide a cost-based optimizer, which this engine
// does not have, so there is nothing to build.
func (s *Session) createStatistics(x *ast.CreateStatisticsStmt) *stmtError {
	_, o, serr := s.lookupTable(&x.Table)
	if serr != nil {
		return serr
	}
	if o == nil || (o.Kind != catalog.KindTable && o.Kind != catalog.KindView) {
		return msgErr(208, objText(&x.Table))
	}
	if o.Table != nil {
		for _, c := range x.Columns {
			if o.Table.ColumnIndex(c.Name) < 0 {
				return msgErr(207, c.Name)
			}
		}
	}
	return nil
}
