package scale

import (
	"context"
	"database/sql"
	"os"
	"strconv"
	"testing"
	"time"

	mssql "github.com/microsoft/go-mssqldb"

	"github.com/tsqld/tsqld/embed"
	"github.com/tsqld/tsqld/storage/pebble"
)

func rowCount(t *testing.T) int {
	if s := os.Getenv("TSQLD_SCALE_ROWS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			t.Fatalf("TSQLD_SCALE_ROWS=%q", s)
		}
		return n
	}
	return 50000
}

// start runs a server on pebble in dir with a counting wrapper.
func start(t *testing.T, dir string) (*embed.Server, *countingEngine, *sql.DB) {
	t.Helper()
	db, err := pebble.Open(dir+"/db", nil)
	if err != nil {
		t.Fatal(err)
	}
	ce := &countingEngine{Engine: db}
	srv, err := embed.Start(context.Background(), embed.Config{DataDir: dir, Storage: ce, SAPassword: "Scale-Test-1"})
	if err != nil {
		db.Close()
		t.Fatal(err)
	}
	pool, err := sql.Open("sqlserver", srv.DSN())
	if err != nil {
		t.Fatal(err)
	}
	return srv, ce, pool
}

func TestLargeTablePointSelectSeeksAndSurvivesRestart(t *testing.T) {
	n := rowCount(t)
	dir := t.TempDir()
	ctx := context.Background()
	srv, ce, pool := start(t, dir)

	if _, err := pool.ExecContext(ctx, `CREATE TABLE accounts (aid int PRIMARY KEY, bid int NOT NULL, abalance int NOT NULL, filler char(84))`); err != nil {
		t.Fatal(err)
	}
	began := time.Now()
	tx, err := pool.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	stmt, err := tx.PrepareContext(ctx, mssql.CopyIn("accounts", mssql.BulkOptions{}, "aid", "bid", "abalance", "filler"))
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= n; i++ {
		if _, err := stmt.ExecContext(ctx, i, (i-1)/100000+1, 0, "x"); err != nil {
			t.Fatalf("bulk row %d: %v", i, err)
		}
	}
	if _, err := stmt.ExecContext(ctx); err != nil {
		t.Fatal(err)
	}
	stmt.Close()
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	t.Logf("bulk-loaded %d rows in %v (%.0f rows/s)", n, time.Since(began), float64(n)/time.Since(began).Seconds())

	var count int
	if err := pool.QueryRowContext(ctx, "SELECT COUNT(*) FROM accounts").Scan(&count); err != nil || count != n {
		t.Fatalf("COUNT(*) = %d, %v; want %d", count, err, n)
	}

	// A point select by primary key, parameterised as applications send
	// it: it must read a few keys, not the table.
	q := "SELECT aid, abalance FROM accounts WHERE aid = @p1"
	var aid, bal int
	if err := pool.QueryRowContext(ctx, q, n/2).Scan(&aid, &bal); err != nil || aid != n/2 {
		t.Fatalf("warm-up point select: %d, %v", aid, err)
	}
	ce.gets.Store(0)
	ce.scanned.Store(0)
	ce.enabled.Store(true)
	if err := pool.QueryRowContext(ctx, q, n-7).Scan(&aid, &bal); err != nil || aid != n-7 {
		t.Fatalf("point select: %d, %v", aid, err)
	}
	ce.enabled.Store(false)
	reads := ce.gets.Load() + ce.scanned.Load()
	t.Logf("point select read %d keys (%d gets, %d scanned) of a %d-row table", reads, ce.gets.Load(), ce.scanned.Load(), n)
	if reads > 4 {
		t.Errorf("point select by primary key read %d keys: that is a scan, not an index seek", reads)
	}

	// Durable: close and reopen on the same directory.
	pool.Close()
	if err := srv.Close(); err != nil {
		t.Fatal(err)
	}
	srv, _, pool = start(t, dir)
	defer srv.Close()
	defer pool.Close()
	if err := pool.QueryRowContext(ctx, "SELECT COUNT(*) FROM accounts").Scan(&count); err != nil || count != n {
		t.Fatalf("after restart COUNT(*) = %d, %v; want %d", count, err, n)
	}
	if err := pool.QueryRowContext(ctx, q, 1).Scan(&aid, &bal); err != nil || aid != 1 {
		t.Fatalf("after restart point select: %d, %v", aid, err)
	}
}
