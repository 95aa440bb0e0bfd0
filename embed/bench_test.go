package embed

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"testing"

	mssql "github.com/microsoft/go-mssqldb"
)

// End-to-end benchmarks: go-mssqldb → TDS → engine → pebble, in one
// process, so `go test -bench E2E -cpuprofile` shows the server's per
// statement and per row costs (client costs appear too, under
// go-mssqldb's packages). The table is the pgbench accounts shape the
// harness (bench/cmd/tsqldbench) uses.

func benchServer(b *testing.B, rows int) (*Server, *sql.DB) {
	b.Helper()
	s, err := Start(context.Background(), Config{DataDir: b.TempDir(), Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	db, err := sql.Open("sqlserver", s.DSN())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	db.SetMaxIdleConns(8)
	mustExec(b, db, "CREATE TABLE accounts (aid int NOT NULL PRIMARY KEY, bid int NOT NULL, abalance int NOT NULL, filler char(84))")
	for i := 0; i < rows; i += 1000 {
		var q strings.Builder
		q.WriteString("INSERT INTO accounts VALUES ")
		for j := i; j < i+1000 && j < rows; j++ {
			if j > i {
				q.WriteByte(',')
			}
			fmt.Fprintf(&q, "(%d,%d,0,'')", j+1, j/10000+1)
		}
		mustExec(b, db, q.String())
	}
	return s, db
}

func mustExec(b *testing.B, db *sql.DB, q string, args ...any) {
	b.Helper()
	if _, err := db.Exec(q, args...); err != nil {
		b.Fatalf("%s: %v", q[:min(len(q), 80)], err)
	}
}

func BenchmarkE2ESelect1(b *testing.B) {
	_, db := benchServer(b, 0)
	var n int
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := db.QueryRow("SELECT 1").Scan(&n); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkE2EPointSelect(b *testing.B) {
	const rows = 10000
	_, db := benchServer(b, rows)
	var bal int
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := db.QueryRow("SELECT abalance FROM accounts WHERE aid = @p1", i%rows+1).Scan(&bal); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkE2EInsertParams inserts 500-row parameterised INSERTs (2000
// parameters, as the harness's fallback load does); ns/op is per row.
func BenchmarkE2EInsertParams(b *testing.B) {
	_, db := benchServer(b, 0)
	const batch = 500
	var q strings.Builder
	q.WriteString("INSERT INTO accounts (aid, bid, abalance, filler) VALUES ")
	for j := 0; j < batch; j++ {
		if j > 0 {
			q.WriteByte(',')
		}
		fmt.Fprintf(&q, "(@p%d,@p%d,@p%d,@p%d)", 4*j+1, 4*j+2, 4*j+3, 4*j+4)
	}
	args := make([]any, 4*batch)
	b.ResetTimer()
	for n := 0; n < b.N; n += batch {
		for j := 0; j < batch; j++ {
			args[4*j], args[4*j+1], args[4*j+2], args[4*j+3] = n+j+1, 1, 0, ""
		}
		mustExec(b, db, q.String(), args...)
	}
}

// BenchmarkE2EBulkCopy loads rows with go-mssqldb's bulk copy in
// 5000-row batches; ns/op is per row.
func BenchmarkE2EBulkCopy(b *testing.B) {
	_, db := benchServer(b, 0)
	ctx := context.Background()
	const batch = 5000
	b.ResetTimer()
	for n := 0; n < b.N; n += batch {
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			b.Fatal(err)
		}
		stmt, err := tx.Prepare(mssql.CopyIn("accounts", mssql.BulkOptions{}, "aid", "bid", "abalance", "filler"))
		if err != nil {
			b.Fatal(err)
		}
		for j := 0; j < batch; j++ {
			if _, err := stmt.Exec(n+j+1, 1, 0, ""); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := stmt.Exec(); err != nil {
			b.Fatal(err)
		}
		stmt.Close()
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkE2EGroupBy is the harness's scan + aggregate; ns/op is per
// scanned row.
func BenchmarkE2EGroupBy(b *testing.B) {
	const rows = 50000
	_, db := benchServer(b, rows)
	b.ResetTimer()
	for n := 0; n < b.N; n += rows {
		r, err := db.Query("SELECT bid, SUM(CAST(abalance AS bigint)), COUNT(*) FROM accounts GROUP BY bid")
		if err != nil {
			b.Fatal(err)
		}
		for r.Next() {
		}
		r.Close()
	}
}

// BenchmarkE2EJoinRange is the harness's join with a PK range on the
// probe side, written with JOIN … ON.
func BenchmarkE2EJoinRange(b *testing.B) {
	const rows = 20000
	_, db := benchServer(b, rows)
	mustExec(b, db, "CREATE TABLE branches (bid int NOT NULL PRIMARY KEY, bbalance int NOT NULL, filler char(88))")
	mustExec(b, db, "INSERT INTO branches VALUES (1,0,''),(2,0,'')")
	var n int
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		lo := i % (rows - 1000)
		if err := db.QueryRow("SELECT COUNT(*) FROM accounts a JOIN branches b ON b.bid = a.bid WHERE a.aid BETWEEN @p1 AND @p2", lo, lo+999).Scan(&n); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkE2EGroupByConc8 runs the GROUP BY from 8 clients at once
// (the harness's --conc 8); ns/op is per scanned row.
func BenchmarkE2EGroupByConc8(b *testing.B) {
	const rows = 50000
	_, db := benchServer(b, rows)
	db.SetMaxOpenConns(8)
	b.SetParallelism(4) // GOMAXPROCS 2 here: 8 goroutines
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for i := 0; pb.Next(); i++ {
			if i%rows != 0 {
				continue
			}
			r, err := db.Query("SELECT bid, SUM(CAST(abalance AS bigint)), COUNT(*) FROM accounts GROUP BY bid")
			if err != nil {
				b.Error(err)
				return
			}
			for r.Next() {
			}
			r.Close()
		}
	})
}
