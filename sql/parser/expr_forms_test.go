package parser

import (
	"testing"

	"github.com/tsqld/tsqld/sql/ast"
)

func TestAtTimeZoneAndTrimForms(t *testing.T) {
	for _, q := range []string{
		"SELECT d AT TIME ZONE 'UTC' FROM t",
		"SELECT d AT TIME ZONE 'Pacific Standard Time' AT TIME ZONE 'Central European Standard Time' AS x",
		"SELECT DATEADD(hour, 1, d) AT TIME ZONE @tz + 1 FROM t",
		"SELECT d at FROM t",
		"SELECT TRIM(LEADING 'x' FROM s), TRIM(TRAILING FROM s), TRIM(BOTH ' .' FROM s), TRIM('ab' FROM s), TRIM(s), TRIM(both) FROM t",
	} {
		roundTrip(t, q, q)
	}
	stmts, err := ParseBatch("SELECT 1 + d AT TIME ZONE 'UTC' AT TIME ZONE 'GMT Standard Time'", Options{})
	if err != nil {
		t.Fatal(err)
	}
	sel := stmts[0].(*ast.SelectStmt)
	_ = sel
	printed := ast.StringStmts(stmts)
	if want := "SELECT 1 + d AT TIME ZONE 'UTC' AT TIME ZONE 'GMT Standard Time'"; printed != want && printed != want+";" {
		t.Logf("printed %q", printed)
	}
	var found *ast.BinaryExpr
	ast.Inspect(stmts[0], func(n ast.Node) bool {
		if b, ok := n.(*ast.BinaryExpr); ok && found == nil {
			found = b
		}
		return true
	})
	if found == nil {
		t.Fatal("no binary expression")
	}
	outer, ok := found.R.(*ast.AtTimeZoneExpr)
	if !ok {
		t.Fatalf("AT TIME ZONE must bind tighter than +: right operand is %T", found.R)
	}
	if _, ok := outer.X.(*ast.AtTimeZoneExpr); !ok {
		t.Fatalf("chained AT TIME ZONE must nest left to right: %T", outer.X)
	}
	for _, bad := range []string{"SELECT TRIM(FROM)"} {
		if _, err := ParseBatch(bad, Options{}); err == nil {
			t.Errorf("%s: parsed", bad)
		}
	}
}
