package embed

import (
	"context"
	"database/sql"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/golang-sql/sqlexp"
	mssql "github.com/microsoft/go-mssqldb"
)

// batchOutput runs batch on conn and returns its result sets (rows as
// strings) and its informational messages, as go-mssqldb delivers them.
func batchOutput(t *testing.T, ctx context.Context, conn *sql.Conn, batch string) (sets [][][]string, notices []mssql.Error) {
	t.Helper()
	retmsg := &sqlexp.ReturnMessage{}
	rows, err := conn.QueryContext(ctx, batch, retmsg)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for more := true; more; {
		switch m := retmsg.Message(ctx).(type) {
		case sqlexp.MsgNotice:
			if e, ok := m.Message.(mssql.Error); ok {
				notices = append(notices, e)
			}
		case sqlexp.MsgError:
			t.Fatalf("%s: %v", batch, m.Error)
		case sqlexp.MsgNextResultSet:
			more = rows.NextResultSet()
		case sqlexp.MsgNext:
			cols, _ := rows.Columns()
			var set [][]string
			for rows.Next() {
				vals := make([]sql.NullString, len(cols))
				ptrs := make([]any, len(cols))
				for i := range vals {
					ptrs[i] = &vals[i]
				}
				if err := rows.Scan(ptrs...); err != nil {
					t.Fatal(err)
				}
				row := make([]string, len(cols))
				for i, v := range vals {
					row[i] = v.String
				}
				set = append(set, row)
			}
			sets = append(sets, set)
		}
		if ctx.Err() != nil {
			t.Fatal(ctx.Err())
		}
	}
	return sets, notices
}

// SET SHOWPLAN_TEXT returns the statement and its plan as result sets and
// runs nothing; SET STATISTICS IO/TIME arrive as class-0 INFO messages.
func TestShowplanStatisticsE2E(t *testing.T) {
	s := start(t, Config{})
	db := open(t, s.DSN())
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "CREATE TABLE sp_e2e (id int PRIMARY KEY, v int); INSERT INTO sp_e2e VALUES (1, 10), (2, 20)"); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, "SET SHOWPLAN_TEXT ON; SELECT 1"); err == nil || !strings.Contains(err.Error(), "must be the only statements") {
		t.Fatalf("SET SHOWPLAN with another statement: %v", err)
	}
	if _, err := conn.ExecContext(ctx, "SET SHOWPLAN_TEXT ON"); err != nil {
		t.Fatal(err)
	}
	sets, _ := batchOutput(t, ctx, conn, "SELECT v FROM sp_e2e WHERE id = 2; DELETE FROM sp_e2e")
	if len(sets) != 4 {
		t.Fatalf("want 4 result sets (text, plan per statement), got %v", sets)
	}
	if sets[0][0][0] != "SELECT v FROM sp_e2e WHERE id = 2" {
		t.Errorf("statement text %q", sets[0][0][0])
	}
	if len(sets[1]) != 1 || !strings.HasPrefix(sets[1][0][0], "  |--Clustered Index Seek(OBJECT:(") || !strings.Contains(sets[1][0][0], "SEEK:(") {
		t.Errorf("plan %q", sets[1])
	}
	if !strings.HasPrefix(sets[3][0][0], "  |--Clustered Index Delete(") {
		t.Errorf("delete plan %q", sets[3])
	}
	if _, err := conn.ExecContext(ctx, "SET SHOWPLAN_TEXT OFF"); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := conn.QueryRowContext(ctx, "SELECT COUNT(*) FROM sp_e2e").Scan(&n); err != nil || n != 2 {
		t.Fatalf("the DELETE ran under SHOWPLAN: %d %v", n, err)
	}

	// SHOWPLAN_ALL: one result set, the statement row then PLAN_ROWs, 18
	// columns (estimates NULL).
	if _, err := conn.ExecContext(ctx, "SET SHOWPLAN_ALL ON"); err != nil {
		t.Fatal(err)
	}
	sets, _ = batchOutput(t, ctx, conn, "SELECT v FROM sp_e2e WHERE id = 2")
	if _, err := conn.ExecContext(ctx, "SET SHOWPLAN_ALL OFF"); err != nil {
		t.Fatal(err)
	}
	if len(sets) != 1 || len(sets[0]) != 2 || len(sets[0][0]) != 18 || sets[0][0][15] != "SELECT" ||
		sets[0][1][4] != "Clustered Index Seek" || sets[0][1][15] != "PLAN_ROW" || sets[0][1][3] != "1" {
		t.Fatalf("SHOWPLAN_ALL %q", sets)
	}
	// STATISTICS PROFILE: the rows, then the plan with actual counts.
	if _, err := conn.ExecContext(ctx, "SET STATISTICS PROFILE ON"); err != nil {
		t.Fatal(err)
	}
	sets, _ = batchOutput(t, ctx, conn, "SELECT v FROM sp_e2e WHERE id >= 1")
	if _, err := conn.ExecContext(ctx, "SET STATISTICS PROFILE OFF"); err != nil {
		t.Fatal(err)
	}
	if len(sets) != 2 || len(sets[1]) != 2 || sets[1][1][0] != "2" || sets[1][1][1] != "1" || !strings.Contains(sets[1][1][2], "Clustered Index Seek") {
		t.Fatalf("STATISTICS PROFILE %q", sets)
	}

	if _, err := conn.ExecContext(ctx, "SET STATISTICS IO ON; SET STATISTICS TIME ON"); err != nil {
		t.Fatal(err)
	}
	sets, notices := batchOutput(t, ctx, conn, "SELECT v FROM sp_e2e WHERE id >= 1")
	if len(sets) != 1 || len(sets[0]) != 2 {
		t.Fatalf("rows %v", sets)
	}
	ioRe := regexp.MustCompile(`^Table 'sp_e2e'\. Scan count 1, logical reads 1, physical reads 0, page server reads 0, read-ahead reads 0, page server read-ahead reads 0, lob logical reads 0, lob physical reads 0, lob page server reads 0, lob read-ahead reads 0, lob page server read-ahead reads 0\.$`)
	compileRe := regexp.MustCompile(`^SQL Server parse and compile time: \n   CPU time = \d+ ms, elapsed time = \d+ ms\.$`)
	execRe := regexp.MustCompile(`^ SQL Server Execution Times:\n   CPU time = \d+ ms,  elapsed time = \d+ ms\.$`)
	want := map[int32]*regexp.Regexp{3613: compileRe, 3615: ioRe, 3612: execRe}
	seen := map[int32]bool{}
	for _, e := range notices {
		re := want[e.Number]
		if re == nil {
			t.Errorf("unexpected message %d %q", e.Number, e.Message)
			continue
		}
		if e.Class != 0 || !re.MatchString(e.Message) {
			t.Errorf("message %d class %d: %q", e.Number, e.Class, e.Message)
		}
		seen[e.Number] = true
	}
	for n := range want {
		if !seen[n] {
			t.Errorf("no message %d in %v", n, notices)
		}
	}
}
