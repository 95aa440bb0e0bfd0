package parser

import (
	"testing"

	"github.com/tsqld/tsqld/sql/ast"
)

// FuzzParse checks that no input panics the parser and that whatever
// parses also survives print → parse.
func FuzzParse(f *testing.F) {
	for _, s := range walkSamples {
		f.Add(s)
	}
	for _, s := range []string{
		"SELECT 1", "SELECT 'a", "SELECT [a", "/* /* */", "SELECT -2147483648", "EXEC p 1, @a OUTPUT",
		"IF 1=1 BEGIN SELECT 1 END ELSE SELECT 2", "SELECT $1.5, 0x, N'x', 1e5", "CREATE PROC p AS SELECT 1",
		"SELECT * FROM a JOIN b JOIN c ON 1=1 ON 2=2", "UPDATE t SET @a = b = 1",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		stmts, err := ParseBatch(s, Options{})
		if err != nil {
			if len(Messages(err)) == 0 {
				t.Fatal("error without messages")
			}
			return
		}
		printed := ast.StringStmts(stmts)
		again, err := ParseBatch(printed, Options{})
		if err != nil {
			t.Fatalf("reparse of %q failed: %v\n%s", s, err, printed)
		}
		if d := treeDiff(stmts, again); d != "" {
			t.Fatalf("round trip of %q differs at %s\n%s", s, d, printed)
		}
	})
}
