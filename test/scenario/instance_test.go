package scenario

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	mssql "github.com/microsoft/go-mssqldb"
	"github.com/tsqld/tsqld/service"
)

const saPassword = "Scen@rio-Passw0rd"

// instance is one tsqld instance in its own home, driven by the tsqld
// binary exactly as an administrator would.
type instance struct {
	t    *testing.T
	home string
	name string // "" = the default instance
	port int    // configured TCP port (0 = dynamic)
}

// newInstance creates a home (short path: Unix socket paths are limited
// to 108 bytes) and configures the TCP port before the first start. The
// DAC port is dynamic so parallel instances never race for TCP 1434.
func newInstance(t *testing.T, name string) *instance {
	t.Helper()
	home, err := os.MkdirTemp("", "tsq-")
	if err != nil {
		t.Fatal(err)
	}
	i := &instance{t: t, home: home, name: name}
	t.Cleanup(func() {
		// Whatever the test left running must not outlive it.
		i.tsqld("stop", "--nowait")
		if !t.Failed() {
			os.RemoveAll(home)
		} else {
			t.Logf("instance home kept for inspection: %s", home)
		}
	})
	if name == "" {
		i.port = freeTCPPort(t)
		i.mustTsqld("config", "set", "network.tcpport", strconv.Itoa(i.port))
	}
	i.mustTsqld("config", "set", "network.dacport", "0")
	return i
}

// tsqld runs one tsqld command for this instance.
func (i *instance) tsqld(args ...string) (string, error) {
	return i.tsqldCtx(context.Background(), args...)
}

func (i *instance) tsqldCtx(ctx context.Context, args ...string) (string, error) {
	if i.name != "" && len(args) > 0 && args[0] != "browser" {
		args = append(args, "--instance", i.name)
	}
	if args[0] != "browser" {
		args = append(args, "--home", i.home)
	}
	cmd := exec.CommandContext(ctx, tsqldBin, args...)
	cmd.Env = append(os.Environ(), "TSQLD_HOME="+i.home, "MSSQL_SA_PASSWORD="+saPassword)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// config set/get are subcommands: --instance/--home go after them.
func (i *instance) mustTsqld(args ...string) string {
	i.t.Helper()
	out, err := i.tsqld(args...)
	if err != nil {
		i.t.Fatalf("tsqld %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

func (i *instance) start()   { i.t.Helper(); i.mustTsqld("start") }
func (i *instance) stop()    { i.t.Helper(); i.mustTsqld("stop") }
func (i *instance) restart() { i.t.Helper(); i.mustTsqld("restart") }

func (i *instance) set(key, value string) {
	i.t.Helper()
	i.mustTsqld("config", "set", key, value)
}

// status is `tsqld status --json`.
func (i *instance) status() *service.InstanceStatus {
	i.t.Helper()
	var st service.InstanceStatus
	out := i.mustTsqld("status", "--json")
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		i.t.Fatalf("status --json: %v\n%s", err, out)
	}
	return &st
}

// endpoint returns the first endpoint of a protocol (and loopback IPv4
// for TCP), failing the test when there is none.
func (i *instance) endpoint(proto string) service.Endpoint {
	i.t.Helper()
	st := i.status()
	for _, e := range st.Endpoints {
		if e.Protocol == proto && (proto == service.ProtoLocal || net.ParseIP(e.Address).To4() != nil) {
			return e
		}
	}
	i.t.Fatalf("no %s endpoint in status: %+v", proto, st.Endpoints)
	return service.Endpoint{}
}

func (i *instance) dir() string {
	n := i.name
	if n == "" {
		n = service.DefaultInstance
	}
	return filepath.Join(i.home, strings.ToUpper(n))
}

func (i *instance) socket() string { return filepath.Join(i.dir(), "sql.sock") }

// errorLog is the current ERRORLOG's text.
func (i *instance) errorLog() string {
	b, err := os.ReadFile(filepath.Join(i.dir(), "log", "errorlog"))
	if err != nil {
		i.t.Fatalf("error log: %v", err)
	}
	return string(b)
}

// archivedLog is errorlog.N (the log of an earlier run).
func (i *instance) archivedLog(n int) string {
	b, err := os.ReadFile(filepath.Join(i.dir(), "log", "errorlog."+strconv.Itoa(n)))
	if err != nil {
		i.t.Fatalf("archived error log: %v", err)
	}
	return string(b)
}

// wantLog waits (briefly: the server writes the log as events happen)
// until every line is in the error log.
func (i *instance) wantLog(lines ...string) {
	i.t.Helper()
	deadline := time.Now().Add(3 * time.Second)
	for {
		log := i.errorLog()
		var missing []string
		for _, l := range lines {
			if !strings.Contains(log, l) {
				missing = append(missing, l)
			}
		}
		if len(missing) == 0 {
			return
		}
		if time.Now().After(deadline) {
			i.t.Fatalf("error log lacks %q\n--- errorlog ---\n%s", missing, log)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// noLog asserts a line is absent.
func (i *instance) noLog(line string) {
	i.t.Helper()
	if log := i.errorLog(); strings.Contains(log, line) {
		i.t.Fatalf("error log unexpectedly has %q\n--- errorlog ---\n%s", line, log)
	}
}

// dsn is a go-mssqldb URL for sa at host:port (port 0: none, host may
// carry an instance name); extra adds URL parameters.
func dsn(host string, port int, extra ...string) string {
	q := url.Values{"encrypt": {"disable"}, "connection timeout": {"5"}}
	for i := 0; i+1 < len(extra); i += 2 {
		q.Set(extra[i], extra[i+1])
	}
	u := url.URL{Scheme: "sqlserver", User: url.UserPassword("sa", saPassword), RawQuery: q.Encode()}
	u.Host = host
	if port > 0 {
		u.Host = net.JoinHostPort(host, strconv.Itoa(port))
	}
	if h, inst, ok := strings.Cut(host, `\`); ok {
		u.Host, u.Path = h, "/"+inst
	}
	return u.String()
}

// login opens one session with go-mssqldb, pinned as a *sql.Conn; its
// Close ends the session (no idle pool keeps it).
func login(t *testing.T, d string, dialer mssql.Dialer) (*sql.Conn, error) {
	t.Helper()
	c, err := mssql.NewConnector(d)
	if err != nil {
		t.Fatal(err)
	}
	if dialer != nil {
		c.Dialer = dialer
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	db := sql.OpenDB(c)
	// No idle pool: closing the *sql.Conn ends the session.
	db.SetMaxIdleConns(0)
	t.Cleanup(func() { db.Close() })
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	t.Cleanup(func() { conn.Close() })
	return conn, nil
}

// mustLogin is login that fails the test on error.
func mustLogin(t *testing.T, d string, dialer mssql.Dialer) *sql.Conn {
	t.Helper()
	c, err := login(t, d, dialer)
	if err != nil {
		t.Fatalf("login %s: %v", redact(d), err)
	}
	return c
}

// loginErr is one raw driver login (no database/sql retry, so exactly one
// attempt reaches the server) that must fail; it returns the error.
func loginErr(t *testing.T, d string, dialer mssql.Dialer) error {
	t.Helper()
	c, err := mssql.NewConnector(d)
	if err != nil {
		t.Fatal(err)
	}
	if dialer != nil {
		c.Dialer = dialer
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	dc, err := c.Connect(ctx)
	if err == nil {
		dc.Close()
		t.Fatalf("login %s succeeded; want a failure", redact(d))
	}
	return err
}

// sqlError extracts the server error a login failed with.
func sqlError(t *testing.T, err error) mssql.Error {
	t.Helper()
	var me mssql.Error
	if !errors.As(err, &me) {
		t.Fatalf("error %v (%T) carries no SQL Server error number", err, err)
	}
	return me
}

// wantRefused asserts a TCP dial error: connection refused (10061's cause).
func wantRefused(t *testing.T, err error) {
	t.Helper()
	if err == nil || !strings.Contains(err.Error(), "connection refused") || !strings.Contains(err.Error(), "unable to open tcp connection") {
		t.Fatalf("error = %v; want go-mssqldb's \"unable to open tcp connection … connection refused\"", err)
	}
}

func scalar(t *testing.T, c *sql.Conn, q string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	var s string
	if err := c.QueryRowContext(ctx, q).Scan(&s); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return s
}

func redact(d string) string { return strings.ReplaceAll(d, url.QueryEscape(saPassword), "***") }

// freeTCPPort returns a port free on every address right now.
func freeTCPPort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", ":0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// freeUDPPort returns a UDP port free on loopback right now.
func freeUDPPort(t *testing.T) int {
	t.Helper()
	c, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	return c.LocalAddr().(*net.UDPAddr).Port
}

// unixDialer makes go-mssqldb speak TDS over the instance's Unix socket
// (the local connection provider, SQL Server's shared memory).
type unixDialer string

func (d unixDialer) DialContext(ctx context.Context, _, _ string) (net.Conn, error) {
	var nd net.Dialer
	return nd.DialContext(ctx, "unix", string(d))
}

func itoa(n int) string { return fmt.Sprint(n) }

func contains(s, sub string) bool { return strings.Contains(s, sub) }

// waitFor polls cond for up to 5 s.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
