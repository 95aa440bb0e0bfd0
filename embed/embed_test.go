package embed

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"runtime"
	"strings"
	"testing"
	"time"

	mssql "github.com/microsoft/go-mssqldb"
	"github.com/shopspring/decimal"
)

// These end-to-end tests run go-mssqldb against the real engine through
// the TDS server. They need the engine's T-SQL surface; a missing feature
// shows up as the engine's error in the failure message.

func start(t *testing.T, cfg Config) *Server {
	t.Helper()
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	s, err := Start(ctx, cfg)
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

func open(t *testing.T, dsn string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlserver", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestStartDefaults(t *testing.T) {
	s := start(t, Config{DataDir: t.TempDir()})
	if !strings.HasPrefix(s.Addr(), "127.0.0.1:") || s.Port() == 0 {
		t.Errorf("Addr %q Port %d", s.Addr(), s.Port())
	}
	if len(s.Password()) < 8 {
		t.Errorf("generated password %q", s.Password())
	}
	if !strings.HasPrefix(s.DSN(), "sqlserver://sa:") || !strings.Contains(s.DSN(), "encrypt=disable") {
		t.Errorf("DSN %q", s.DSN())
	}
	if c := s.Certificate(); c == nil || len(c.Thumbprint) != 40 {
		t.Errorf("certificate %+v", c)
	}
}

// An in-memory server still serves strict (TDS 8) clients: DSN pins a
// temporary copy of the certificate.
func TestInMemoryStrict(t *testing.T) {
	s := start(t, Config{})
	db := open(t, s.DSNWith("strict"))
	var n int
	if err := db.QueryRow("SELECT 1").Scan(&n); err != nil || n != 1 {
		t.Fatalf("strict: %d %v", n, err)
	}
}

// typeCases select one value of every type, one query each so that a
// conversion the engine lacks fails alone; want is what go-mssqldb
// returns, formatted with %v (times as RFC 3339, decimals as text).
var typeCases = []struct{ expr, want string }{
	{"CAST(200 AS tinyint)", "200"},
	{"CAST(-2 AS smallint)", "-2"},
	{"CAST(3 AS int)", "3"},
	{"CAST(-4 AS bigint)", "-4"},
	{"CAST(1 AS bit)", "true"},
	{"CAST(1.5 AS real)", "1.5"},
	{"CAST(2.25 AS float)", "2.25"},
	{"CAST(123.45 AS decimal(10,4))", "123.4500"},
	{"CAST(-12345678901234567890.123456789 AS decimal(38,9))", "-12345678901234567890.123456789"},
	{"CAST(12.3456 AS money)", "12.3456"},
	{"CAST(1.5 AS smallmoney)", "1.5000"},
	{"CAST('abc' AS varchar(10))", "abc"},
	{"CAST(N'日本' AS nvarchar(10))", "日本"},
	{"CAST('x' AS char(3))", "x  "},
	{"CAST(0x0102 AS varbinary(10))", "[1 2]"},
	{"CAST('2024-02-29 13:45:30.123' AS datetime)", "2024-02-29T13:45:30.123Z"},
	{"CAST('2024-02-29 13:45' AS smalldatetime)", "2024-02-29T13:45:00Z"},
	{"CAST('2024-02-29' AS date)", "2024-02-29T00:00:00Z"},
	{"CAST('13:45:30.1234567' AS time(7))", "0001-01-01T13:45:30.1234567Z"},
	{"CAST('2024-02-29 13:45:30.1234567' AS datetime2(7))", "2024-02-29T13:45:30.1234567Z"},
	{"CAST('2024-02-29 13:45:30.1234567 +02:00' AS datetimeoffset(7))", "2024-02-29T13:45:30.1234567+02:00"},
	{"CAST('6F9619FF-8B86-D011-B42D-00C04FC964FF' AS uniqueidentifier)", "[255 25 150 111 134 139 17 208 180 45 0 192 79 201 100 255]"},
	{"REPLICATE(CAST(N'x' AS nvarchar(max)), 5000)", strings.Repeat("x", 5000)},
	// REPLICATE of a non-max string stops at 8000 bytes, as on SQL Server:
	// the input must be max to get more.
	{"REPLICATE(CAST('y' AS varchar(max)), 9000)", strings.Repeat("y", 9000)},
	{"CAST('<a/>' AS xml)", "<a/>"},
	{"CAST(42 AS sql_variant)", "42"},
	{"CAST(NULL AS int)", "<nil>"},
}

func checkAllTypes(t *testing.T, db *sql.DB) {
	t.Helper()
	for _, c := range typeCases {
		rows, err := db.Query("SELECT " + c.expr)
		if err != nil {
			t.Errorf("SELECT %s: %v", c.expr, err)
			continue
		}
		cols, _ := rows.ColumnTypes()
		var v any
		if !rows.Next() {
			t.Errorf("SELECT %s: no row (%v)", c.expr, rows.Err())
			rows.Close()
			continue
		}
		if err := rows.Scan(&v); err != nil {
			t.Errorf("SELECT %s: %v", c.expr, err)
		}
		rows.Close()
		got := fmt.Sprint(v)
		switch x := v.(type) {
		case time.Time:
			got = x.Format(time.RFC3339Nano)
		case []byte:
			switch cols[0].DatabaseTypeName() {
			case "DECIMAL", "MONEY", "SMALLMONEY":
				got = string(x)
			}
		}
		if got != c.want {
			if len(got) > 60 {
				got = got[:60] + "…"
			}
			t.Errorf("SELECT %s (%s) = %q, want %.60q", c.expr, cols[0].DatabaseTypeName(), got, c.want)
		}
	}
}

func TestClientModes(t *testing.T) {
	s := start(t, Config{DataDir: t.TempDir()})
	for _, enc := range []string{"disable", "false", "true", "strict"} {
		t.Run(enc, func(t *testing.T) {
			db := open(t, s.DSNWith(enc))
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			if err := db.PingContext(ctx); err != nil {
				t.Fatalf("ping: %v", err)
			}
			checkAllTypes(t, db)
		})
	}
}

func TestParametersE2E(t *testing.T) {
	s := start(t, Config{})
	db := open(t, s.DSN())
	tm := time.Date(2023, 7, 14, 10, 11, 12, 123456700, time.FixedZone("", 90*60))
	dec := decimal.RequireFromString("-1234567890.123456789")
	var (
		i  int64
		f  float64
		st string
		b  []byte
		bo bool
		tt time.Time
		d  string
		n  sql.NullString
	)
	err := db.QueryRow("SELECT @p1, @p2, @p3, @p4, @p5, @p6, CAST(@p7 AS nvarchar(40)), @p8",
		int64(-5), 2.25, "héllo ✓", []byte{9, 8, 7}, true, tm, dec, nil).Scan(&i, &f, &st, &b, &bo, &tt, &d, &n)
	if err != nil {
		t.Fatalf("sp_executesql with every parameter type: %v", err)
	}
	if i != -5 || f != 2.25 || st != "héllo ✓" || !bytes.Equal(b, []byte{9, 8, 7}) || !bo || !tt.Equal(tm) || d != "-1234567890.123456789" || n.Valid {
		t.Errorf("got %v %v %q %v %v %v %q %v", i, f, st, b, bo, tt, d, n)
	}
	st2, err := db.Prepare("SELECT @p1 + 1")
	if err != nil {
		t.Fatal(err)
	}
	defer st2.Close()
	for k := int64(0); k < 3; k++ {
		var v int64
		if err := st2.QueryRow(k).Scan(&v); err != nil || v != k+1 {
			t.Fatalf("prepared statement: %d %v", v, err)
		}
	}
}

func TestTransactionsE2E(t *testing.T) {
	s := start(t, Config{})
	db := open(t, s.DSN())
	ctx := context.Background()
	if _, err := db.Exec("CREATE TABLE t (id int PRIMARY KEY, v nvarchar(20))"); err != nil {
		t.Fatal(err)
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec("INSERT INTO t VALUES (1, N'a')"); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	tx, err = db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec("INSERT INTO t VALUES (2, N'b')"); err != nil {
		t.Fatal(err)
	}
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := db.QueryRow("SELECT COUNT(*) FROM t").Scan(&n); err != nil || n != 1 {
		t.Fatalf("after commit+rollback count = %d, %v", n, err)
	}
}

func TestErrorE2E(t *testing.T) {
	s := start(t, Config{})
	db := open(t, s.DSN())
	_, err := db.Exec("SELECT 1;\nTHROW 50001, N'boom', 3;")
	var me mssql.Error
	if !errors.As(err, &me) {
		t.Fatalf("want mssql.Error, got %v", err)
	}
	if me.Number != 50001 || me.State != 3 || me.Class != 16 || me.LineNo != 2 || me.Message != "boom" {
		t.Errorf("THROW reached the client as %#v", me)
	}
}

func TestCancelE2E(t *testing.T) {
	s := start(t, Config{})
	db := open(t, s.DSN())
	db.SetMaxOpenConns(1)
	if err := db.Ping(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := db.ExecContext(ctx, "WAITFOR DELAY '00:00:10'")
	if err == nil {
		t.Fatal("WAITFOR was not cancelled")
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("cancellation took %v", d)
	}
	var n int
	if err := db.QueryRow("SELECT 1").Scan(&n); err != nil || n != 1 {
		t.Fatalf("connection after cancel: %v", err)
	}
}

func TestPoolResetE2E(t *testing.T) {
	s := start(t, Config{})
	db := open(t, s.DSN())
	db.SetMaxOpenConns(1)
	if _, err := db.Exec("CREATE TABLE #tmp (x int)"); err != nil {
		t.Fatal(err)
	}
	// The next use of the pooled connection carries RESETCONNECTION: the
	// temp table is gone.
	_, err := db.Exec("SELECT * FROM #tmp")
	var me mssql.Error
	if !errors.As(err, &me) || me.Number != 208 {
		t.Errorf("#tmp after reset: want error 208, got %v", err)
	}
}

func TestBadPasswordE2E(t *testing.T) {
	s := start(t, Config{SAPassword: "Correct#Horse1"})
	dsn := strings.Replace(s.DSN(), "Correct%23Horse1", "wrong", 1)
	err := open(t, dsn).Ping()
	var me mssql.Error
	if !errors.As(err, &me) || me.Number != 18456 || me.State != 1 {
		t.Fatalf("bad password: %v", err)
	}
}

// A data directory survives a restart: the data, the sa password and the
// generated certificate.
func TestDataDirRestart(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	cfg := Config{DataDir: dir, SAPassword: "Restart#Pass1", Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	s1, err := Start(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	thumb := s1.Certificate().Thumbprint
	db := open(t, s1.DSN())
	if _, err := db.Exec("CREATE TABLE kept (id int); INSERT INTO kept VALUES (7)"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if err := s1.Close(); err != nil {
		t.Fatal(err)
	}
	s2 := start(t, cfg)
	if s2.Certificate().Thumbprint != thumb {
		t.Error("certificate regenerated on restart")
	}
	var id int
	if err := open(t, s2.DSN()).QueryRow("SELECT id FROM kept").Scan(&id); err != nil || id != 7 {
		t.Fatalf("after restart: %d %v", id, err)
	}
}

func TestAddressInUse(t *testing.T) {
	s := start(t, Config{})
	_, err := Start(context.Background(), Config{Addrs: []string{s.Addr()}, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err == nil {
		t.Fatal("second server on the same address started")
	}
}

func TestCloseNoLeakE2E(t *testing.T) {
	before := runtime.NumGoroutine()
	s, err := Start(context.Background(), Config{DataDir: t.TempDir(), Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	db, _ := sql.Open("sqlserver", s.DSN())
	if err := db.Ping(); err != nil {
		t.Fatal(err)
	}
	go db.Exec("WAITFOR DELAY '00:00:10'")
	time.Sleep(100 * time.Millisecond)
	start := time.Now()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Close took %v with a running request", d)
	}
	db.Close()
	deadline := time.Now().Add(3 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		buf := make([]byte, 1<<16)
		t.Errorf("goroutines before %d after %d\n%s", before, n, buf[:runtime.Stack(buf, true)])
	}
}
