package embed

import (
	"context"
	"database/sql"
	"errors"
	"testing"

	mssql "github.com/microsoft/go-mssqldb"
)

// bulkCopy runs go-mssqldb's bulk copy (INSERT BULK + a 0x07 bulk load
// message) on one connection and returns the rows it reports.
func bulkCopy(t *testing.T, conn *sql.Conn, table string, opts mssql.BulkOptions, cols []string, rows [][]any) (int64, error) {
	t.Helper()
	stmt, err := conn.PrepareContext(context.Background(), mssql.CopyIn(table, opts, cols...))
	if err != nil {
		return 0, err
	}
	defer stmt.Close()
	for _, r := range rows {
		if _, err := stmt.Exec(r...); err != nil {
			return 0, err
		}
	}
	res, err := stmt.Exec()
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

func TestBulkCopyE2E(t *testing.T) {
	s := start(t, Config{})
	db := open(t, s.DSN())
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `CREATE TABLE dbo.b (id int IDENTITY(1,1) PRIMARY KEY, k int NOT NULL UNIQUE,
		s nvarchar(20) NULL, d int NULL DEFAULT 7)`); err != nil {
		t.Fatal(err)
	}
	// Identity values are ignored without KEEPIDENTITY; a NULL goes to the
	// column default unless KEEP_NULLS.
	n, err := bulkCopy(t, conn, "b", mssql.BulkOptions{}, []string{"id", "k", "s", "d"},
		[][]any{{100, 1, "one", nil}, {100, 2, nil, 5}})
	if err != nil || n != 2 {
		t.Fatalf("bulk copy: %d rows, %v", n, err)
	}
	n, err = bulkCopy(t, conn, "dbo.b", mssql.BulkOptions{KeepNulls: true}, []string{"k", "d"}, [][]any{{3, nil}})
	if err != nil || n != 1 {
		t.Fatalf("bulk copy KEEP_NULLS: %d rows, %v", n, err)
	}
	var got []string
	rows, err := conn.QueryContext(ctx, "SELECT CONCAT(id, ':', k, ':', s, ':', d) FROM b ORDER BY k")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var v string
		rows.Scan(&v)
		got = append(got, v)
	}
	rows.Close()
	if want := []string{"1:1:one:7", "2:2::5", "3:3::"}; len(got) != 3 || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Errorf("rows after bulk copy = %q, want %q", got, want)
	}
	// A failing row (duplicate key) rolls the whole load back.
	if _, err := bulkCopy(t, conn, "b", mssql.BulkOptions{}, []string{"k"}, [][]any{{10}, {1}}); err == nil {
		t.Fatal("bulk copy of a duplicate key succeeded")
	}
	var c int
	if err := conn.QueryRowContext(ctx, "SELECT COUNT(*) FROM b").Scan(&c); err != nil || c != 3 {
		t.Fatalf("after failed load count = %d, %v", c, err)
	}
	// A missing table is Msg 208 at INSERT BULK time.
	_, err = bulkCopy(t, conn, "nosuch", mssql.BulkOptions{}, []string{"k"}, [][]any{{1}})
	var me mssql.Error
	if !errors.As(err, &me) || me.Number != 208 {
		t.Fatalf("bulk copy into a missing table: %v", err)
	}
}

func TestTVPE2E(t *testing.T) {
	s := start(t, Config{})
	db := open(t, s.DSN())
	for _, q := range []string{
		"CREATE SCHEMA app",
		"CREATE TYPE app.pairs AS TABLE (id int IDENTITY(1,1), k int NOT NULL, v nvarchar(10) NULL DEFAULT N'dflt')",
		"CREATE PROCEDURE app.sumpairs @p app.pairs READONLY, @mul int AS SELECT SUM(k) * @mul, COUNT(*), MAX(id), MIN(v) FROM @p",
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	type pair struct {
		ID int `tvp:"@identity"`
		K  int
		V  *string
	}
	x := "x"
	tvp := mssql.TVP{TypeName: "app.pairs", Value: []pair{{K: 1, V: &x}, {K: 2}, {K: 4, V: &x}}}
	check := func(name, query string, args ...any) {
		t.Helper()
		var sum, n, maxID int
		var minV sql.NullString
		if err := db.QueryRow(query, args...).Scan(&sum, &n, &maxID, &minV); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if sum != 14 || n != 3 || maxID != 3 || minV.String != "x" {
			t.Errorf("%s: got %d %d %d %v", name, sum, n, maxID, minV)
		}
	}
	// sp_executesql with a READONLY parameter, passed on to the procedure.
	check("EXEC with a TVP", "EXEC app.sumpairs @p1, 2", tvp)
	// The procedure called directly by RPC.
	check("RPC with a TVP", "app.sumpairs", sql.Named("p", tvp), sql.Named("mul", 2))
	if _, err := db.Exec("DROP SCHEMA app"); err == nil {
		t.Error("DROP SCHEMA of a schema in use succeeded")
	}
	for _, q := range []string{"DROP PROCEDURE app.sumpairs", "DROP TYPE app.pairs", "DROP SCHEMA app"} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

func TestFatalErrorE2E(t *testing.T) {
	s := start(t, Config{})
	db := open(t, s.DSN())
	db.SetMaxOpenConns(1)
	// Severity 20 ends the session: go-mssqldb sees DONE_SRVERROR.
	_, err := db.Exec("RAISERROR('fatal', 20, 1) WITH LOG")
	if _, ok := err.(mssql.ServerError); !ok {
		t.Fatalf("severity 20: %T %v, want mssql.ServerError", err, err)
	}
	var v int
	if err := db.QueryRow("SELECT 1").Scan(&v); err != nil || v != 1 {
		t.Fatalf("after the fatal error a new connection: %v", err)
	}
}
