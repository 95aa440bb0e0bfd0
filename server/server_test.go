package server

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"net"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	mssql "github.com/microsoft/go-mssqldb"
	"github.com/shopspring/decimal"
)

const testPassword = "Str0ng!Passw0rd"

// captureLog records error-log lines.
type captureLog struct {
	mu    sync.Mutex
	lines []string
}

func (c *captureLog) Error(source string, number int32, severity, state uint8, text string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.lines = append(c.lines, fmt.Sprintf("%s Error: %d, Severity: %d, State: %d.", source, number, severity, state), source+" "+text)
}

func (c *captureLog) Info(source, text string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.lines = append(c.lines, source+" "+text)
}

func (c *captureLog) text() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return strings.Join(c.lines, "\n")
}

type testServer struct {
	*Server
	backend *fakeBackend
	log     *captureLog
	done    chan error
}

func startServer(t *testing.T, mod func(*Config)) *testServer {
	t.Helper()
	b := &fakeBackend{password: testPassword}
	lg := &captureLog{}
	cfg := Config{
		Backend:    b,
		Addrs:      []string{"127.0.0.1:0"},
		ServerName: "TESTSRV",
		ErrorLog:   lg,
		Logger:     slog.New(slog.NewTextHandler(io.Discard, nil)),
		DataDir:    t.TempDir(), // the generated certificate is written there
	}
	if mod != nil {
		mod(&cfg)
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Listen(); err != nil {
		t.Fatal(err)
	}
	ts := &testServer{Server: s, backend: b, log: lg, done: make(chan error, 1)}
	go func() { ts.done <- s.Serve() }()
	t.Cleanup(func() {
		s.Close()
		if err := <-ts.done; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
	return ts
}

func (ts *testServer) dsn(params string) string {
	// Strict (TDS 8) clients always verify: trust our generated certificate.
	if c := ts.Certificate(); c != nil {
		params = strings.ReplaceAll(params, "encrypt=strict", "encrypt=strict&certificate="+c.CertFile)
	}
	return fmt.Sprintf("sqlserver://sa:%s@127.0.0.1:%d?%s", strings.ReplaceAll(testPassword, "!", "%21"), ts.Port(), params)
}

func openDB(t *testing.T, dsn string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlserver", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestEncryptionModes(t *testing.T) {
	ts := startServer(t, nil)
	for _, mode := range []string{"encrypt=disable", "", "encrypt=false&trustservercertificate=true", "encrypt=true&trustservercertificate=true", "encrypt=strict"} {
		t.Run(mode, func(t *testing.T) {
			db := openDB(t, ts.dsn(mode))
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			if err := db.PingContext(ctx); err != nil {
				t.Fatalf("ping: %v", err)
			}
			var n int
			if err := db.QueryRowContext(ctx, "select 1").Scan(&n); err != nil || n != 1 {
				t.Fatalf("select 1 = %d, %v", n, err)
			}
			// A large result crosses many packets (and TLS records).
			rows, err := db.QueryContext(ctx, "select top 20000")
			if err != nil {
				t.Fatal(err)
			}
			i := int64(0)
			for rows.Next() {
				var v int64
				if err := rows.Scan(&v); err != nil {
					t.Fatal(err)
				}
				if v != i {
					t.Fatalf("row %d = %d", i, v)
				}
				i++
			}
			if err := rows.Err(); err != nil || i != 20000 {
				t.Fatalf("rows: %d, %v", i, err)
			}
			// The session shows how it is protected.
			want := map[string]string{"": "", "encrypt=false&trustservercertificate=true": "", "encrypt=true&trustservercertificate=true": "TLS 1.2", "encrypt=strict": "TLS 1.3", "encrypt=disable": ""}[mode]
			found := false
			for _, si := range ts.Sessions() {
				if si.TLSVersion == want && si.Encrypted == (want != "") && si.Strict == (mode == "encrypt=strict") {
					found = true
				}
			}
			if !found {
				t.Errorf("no session with TLS %q: %+v", want, ts.Sessions())
			}
		})
	}
	// Sessions appear in the registry with their login and client.
	db := openDB(t, ts.dsn("encrypt=disable&app+name=regtest"))
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	found := false
	for _, si := range ts.Sessions() {
		if si.ProgramName == "regtest" {
			found = true
			if si.Login != "sa" || si.ClientAddr != "127.0.0.1" || si.SPID < 51 || si.ClientInterface != "go-mssqldb" {
				t.Errorf("session info %+v", si)
			}
		}
	}
	if !found {
		t.Errorf("session not registered: %+v", ts.Sessions())
	}
}

func TestForcedEncryption(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.Encryption = EncryptForced })
	// encrypt=false asks for login-only; a forced server upgrades it to full.
	db := openDB(t, ts.dsn("encrypt=false&trustservercertificate=true"))
	if err := db.Ping(); err != nil {
		t.Fatalf("ping: %v", err)
	}
	// A client that cannot encrypt is refused and the reason logged.
	db2 := openDB(t, ts.dsn("encrypt=disable"))
	if err := db2.Ping(); err == nil {
		t.Fatal("encrypt=disable connected to a force-encryption server")
	}
	if !strings.Contains(ts.log.text(), "Error: 17835") {
		t.Errorf("no 17835 in log:\n%s", ts.log.text())
	}
}

func TestNoTLS(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.Encryption = EncryptNone })
	if ts.Certificate() != nil {
		t.Fatal("certificate loaded with EncryptNone")
	}
	if err := openDB(t, ts.dsn("encrypt=disable")).Ping(); err != nil {
		t.Fatal(err)
	}
	if err := openDB(t, ts.dsn("encrypt=true&trustservercertificate=true")).Ping(); err == nil {
		t.Fatal("encrypt=true connected to a server without TLS")
	}
}

func TestLoginFailure(t *testing.T) {
	ts := startServer(t, nil)
	dsn := fmt.Sprintf("sqlserver://sa:wrong@127.0.0.1:%d?encrypt=disable", ts.Port())
	err := openDB(t, dsn).Ping()
	var me mssql.Error
	if !errors.As(err, &me) {
		t.Fatalf("want mssql.Error, got %T %v", err, err)
	}
	// go-mssqldb prefixes the primary message with "login error: ".
	if me.Number != 18456 || me.State != 1 || me.Class != 14 || len(me.All) != 1 || me.All[0].Message != "Login failed for user 'sa'." {
		t.Errorf("error = %#v", me)
	}
	log := ts.log.text()
	if !strings.Contains(log, "Logon Error: 18456, Severity: 14, State: 8.") ||
		!strings.Contains(log, "Login failed for user 'sa'. Reason: Password did not match that for the login provided. [CLIENT: 127.0.0.1]") {
		t.Errorf("error log:\n%s", log)
	}
	// 4060 then 18456 for a database that cannot be opened.
	err = openDB(t, ts.dsn("encrypt=disable&database=nosuchdb")).Ping()
	if !errors.As(err, &me) || me.Number != 18456 {
		t.Fatalf("want 18456, got %v", err)
	}
	found := false
	for _, e := range me.All {
		if e.Number == 4060 {
			found = true
		}
	}
	if !found {
		t.Errorf("4060 not reported: %+v", me.All)
	}
	if !strings.Contains(ts.log.text(), "State: 38.") {
		t.Errorf("no state 38 in log:\n%s", ts.log.text())
	}
}

func TestSelectAllTypes(t *testing.T) {
	ts := startServer(t, nil)
	for _, mode := range []string{"encrypt=disable", "encrypt=strict"} {
		db := openDB(t, ts.dsn(mode))
		rows, err := db.Query("select * from fixed")
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.ColumnTypes()
		if !rows.Next() {
			t.Fatal("no row", rows.Err())
		}
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		rows.Close()
		want := map[string]string{
			"i":     "-2147483648",
			"bi":    "9223372036854775807",
			"ti":    "255",
			"si":    "-32768",
			"b":     "true",
			"f":     "3.141592653589793",
			"r":     "2.5",
			"d":     "12345.6789",
			"dbig":  "-123456789012345678901234567890.12",
			"m":     "-922337203685477.5807",
			"sm":    "214748.3647",
			"vc":    "café",
			"nvc":   "日本語 ✓",
			"vb":    "[0 1 2 255]",
			"dt":    "2024-02-29T13:45:30.123Z",
			"sdt":   "2024-02-29T13:46:00Z",
			"dd":    "2024-02-29T00:00:00Z",
			"tt":    "0001-01-01T13:45:30.1234567Z",
			"dt2":   "9999-12-31T23:59:59.9999999Z",
			"dto":   "2024-02-29T13:45:30+02:00",
			"g":     "[120 86 52 18 52 18 120 86 18 52 86 120 154 188 222 240]",
			"x":     "<a>1</a>",
			"v":     "42",
			"nul":   "<nil>",
			"nvmax": strings.Repeat("long text ", 1000),
		}
		for i, c := range cols {
			got := fmt.Sprint(vals[i])
			switch v := vals[i].(type) {
			case []byte:
				if c.DatabaseTypeName() == "DECIMAL" || c.DatabaseTypeName() == "MONEY" || c.DatabaseTypeName() == "SMALLMONEY" {
					got = string(v)
				}
			case time.Time:
				got = v.Format(time.RFC3339Nano)
			case float64:
				got = fmt.Sprint(v)
			}
			if w, ok := want[c.Name()]; !ok || got != w {
				t.Errorf("%s %s: column %s (%s) = %q, want %q", mode, "", c.Name(), c.DatabaseTypeName(), got, w)
			}
		}
		if math.IsNaN(0) {
			t.Fatal()
		}
	}
}

func TestParameters(t *testing.T) {
	ts := startServer(t, nil)
	db := openDB(t, ts.dsn("encrypt=disable"))
	tm := time.Date(2023, 7, 14, 10, 11, 12, 123456700, time.FixedZone("", 90*60))
	row := db.QueryRow("select @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8",
		int64(-5), 2.25, "héllo ✓", []byte{9, 8, 7}, true, tm, nil, mssql.VarChar("abc"))
	var (
		i  int64
		f  float64
		s  string
		b  []byte
		bo bool
		tt time.Time
		n  sql.NullInt64
		vc string
	)
	if err := row.Scan(&i, &f, &s, &b, &bo, &tt, &n, &vc); err != nil {
		t.Fatal(err)
	}
	if i != -5 || f != 2.25 || s != "héllo ✓" || !bytes.Equal(b, []byte{9, 8, 7}) || !bo || !tt.Equal(tm) || n.Valid || vc != "abc" {
		t.Errorf("got %v %v %q %v %v %v %v %q", i, f, s, b, bo, tt, n, vc)
	}
	_, off := tt.Zone()
	if off != 90*60 {
		t.Errorf("offset %d", off)
	}
	ts.backend.mu.Lock()
	last := ts.backend.rpcs[len(ts.backend.rpcs)-1]
	ts.backend.mu.Unlock()
	if last.ProcID != 10 || len(last.Params) != 10 || last.Params[2].Name != "@p1" {
		t.Errorf("rpc %+v", last)
	}
	// Decimals via string and mssql types.
	var ds string
	if err := db.QueryRow("select @p1", decimal.RequireFromString("-12345678901234567890.123456789")).Scan(&ds); err != nil {
		t.Fatal(err)
	}
	if ds != "-12345678901234567890.123456789" {
		t.Errorf("decimal round trip = %s", ds)
	}
	// A prepared statement is executed repeatedly.
	st, err := db.Prepare("select @p1")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for k := 0; k < 3; k++ {
		var v int64
		if err := st.QueryRow(int64(k)).Scan(&v); err != nil || v != int64(k) {
			t.Fatalf("prepared %d: %d %v", k, v, err)
		}
	}
}

func TestTransactionsAndReset(t *testing.T) {
	ts := startServer(t, nil)
	db := openDB(t, ts.dsn("encrypt=disable"))
	db.SetMaxOpenConns(1)
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := tx.QueryRow("select @@trancount").Scan(&n); err != nil || n != 1 {
		t.Fatalf("trancount in tx = %d %v", n, err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	tx, err = db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	// Pooled reuse sends RESETCONNECTION; the session gets reset.
	for k := 0; k < 3; k++ {
		if err := db.QueryRow("select 1").Scan(&n); err != nil {
			t.Fatal(err)
		}
	}
	ts.backend.mu.Lock()
	resets := ts.backend.resets
	ts.backend.mu.Unlock()
	if resets == 0 {
		t.Error("no session reset seen")
	}
	// Rows affected and multiple results.
	res, err := db.Exec("insert rows")
	if err != nil {
		t.Fatal(err)
	}
	if ra, _ := res.RowsAffected(); ra != 3 {
		t.Errorf("rows affected %d", ra)
	}
}

func TestErrorsAndMessages(t *testing.T) {
	ts := startServer(t, nil)
	db := openDB(t, ts.dsn("encrypt=disable"))
	_, err := db.Exec("throw 50001")
	var me mssql.Error
	if !errors.As(err, &me) {
		t.Fatalf("want mssql.Error, got %v", err)
	}
	if me.Number != 50001 || me.State != 3 || me.LineNo != 2 || me.Class != 16 || me.Message != "boom" || me.ServerName != "TESTSRV" {
		t.Errorf("error %+v", me)
	}
	// The connection survives an error.
	var n int
	if err := db.QueryRow("print 'hi'; select 1").Scan(&n); err != nil || n != 1 {
		t.Fatalf("after error: %d %v", n, err)
	}
	// A fatal error closes the connection; the pool recovers.
	if _, err := db.Exec("fatal"); err == nil {
		t.Fatal("fatal error not reported")
	}
	if err := db.QueryRow("select 1").Scan(&n); err != nil {
		t.Fatal(err)
	}
}

func TestCancel(t *testing.T) {
	ts := startServer(t, nil)
	for _, mode := range []string{"encrypt=disable", "encrypt=true&trustservercertificate=true"} {
		db := openDB(t, ts.dsn(mode))
		db.SetMaxOpenConns(1)
		if err := db.Ping(); err != nil {
			t.Fatal(err)
		}
		for _, q := range []string{"waitfor delay '00:00:10'", "rpc"} {
			ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
			start := time.Now()
			var err error
			if q == "rpc" {
				_, err = db.ExecContext(ctx, "waitfor delay @p1", "00:00:10")
			} else {
				_, err = db.ExecContext(ctx, q)
			}
			cancel()
			if err == nil {
				t.Fatal("cancelled query succeeded")
			}
			if d := time.Since(start); d > time.Second {
				t.Errorf("%s %s: cancel took %v", mode, q, d)
			}
			// The same connection is usable after the attention ack.
			var n int
			if err := db.QueryRow("select 1").Scan(&n); err != nil || n != 1 {
				t.Fatalf("after cancel: %v", err)
			}
		}
	}
}

func TestCloseNoLeak(t *testing.T) {
	before := runtime.NumGoroutine()
	b := &fakeBackend{password: testPassword}
	s, err := New(Config{Backend: b, Addrs: []string{"127.0.0.1:0", "[::1]:0"}, Encryption: EncryptNone,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Listen(); err != nil {
		t.Skip("IPv6 loopback unavailable:", err)
	}
	done := make(chan error, 1)
	go func() { done <- s.Serve() }()
	dsn := fmt.Sprintf("sqlserver://sa:%s@127.0.0.1:%d?encrypt=disable", strings.ReplaceAll(testPassword, "!", "%21"), s.Port())
	db, _ := sql.Open("sqlserver", dsn)
	if err := db.Ping(); err != nil {
		t.Fatal(err)
	}
	// One connection busy in a long request, one idle, one half-open.
	go db.Exec("waitfor delay '00:00:10'")
	raw, err := net.Dial("tcp", s.Addrs()[0].String())
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	time.Sleep(200 * time.Millisecond)
	start := time.Now()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Close took %v", d)
	}
	db.Close()
	b.mu.Lock()
	closed := b.closed
	b.mu.Unlock()
	if closed < 1 {
		t.Errorf("sessions closed = %d", closed)
	}
	deadline := time.Now().Add(3 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		buf := make([]byte, 1<<16)
		t.Errorf("goroutines before %d after %d\n%s", before, n, buf[:runtime.Stack(buf, true)])
	}
}

func TestSPIDReuse(t *testing.T) {
	r := newRegistry(3)
	a, _ := r.alloc()
	b, _ := r.alloc()
	c, _ := r.alloc()
	if a != 51 || b != 52 || c != 53 {
		t.Fatalf("spids %d %d %d", a, b, c)
	}
	if _, ok := r.alloc(); ok {
		t.Fatal("limit not enforced")
	}
	r.release(52)
	r.release(51)
	if x, _ := r.alloc(); x != 51 {
		t.Errorf("reuse gave %d, want 51", x)
	}
	if x, _ := r.alloc(); x != 52 {
		t.Errorf("reuse gave %d, want 52", x)
	}
}

func TestPauseAndKill(t *testing.T) {
	ts := startServer(t, nil)
	db := openDB(t, ts.dsn("encrypt=disable"))
	db.SetMaxOpenConns(1)
	if err := db.Ping(); err != nil {
		t.Fatal(err)
	}
	ts.Pause()
	// The pooled session keeps working; a new connection is refused.
	var n int
	if err := db.QueryRow("select 1").Scan(&n); err != nil {
		t.Fatalf("existing session while paused: %v", err)
	}
	err := openDB(t, ts.dsn("encrypt=disable")).Ping()
	var me mssql.Error
	if !errors.As(err, &me) || me.Number != 17142 {
		t.Fatalf("login while paused: %v", err)
	}
	if !strings.Contains(ts.log.text(), "Error: 18456, Severity: 14, State: 13.") {
		t.Errorf("log:\n%s", ts.log.text())
	}
	ts.Resume()
	sessions := ts.Sessions()
	if len(sessions) != 1 {
		t.Fatalf("sessions %+v", sessions)
	}
	if !ts.Kill(sessions[0].SPID) || ts.Kill(999) {
		t.Fatal("Kill")
	}
	// The killed connection fails; the pool then opens a new one.
	db.QueryRow("select 1").Scan(&n)
	if err := db.QueryRow("select 1").Scan(&n); err != nil {
		t.Fatalf("after kill: %v", err)
	}
}
