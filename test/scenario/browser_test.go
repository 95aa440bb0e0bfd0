package scenario

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/tsqld/tsqld/browser"
	"github.com/tsqld/tsqld/service"
)

// Row 5: network.tcpport changed → nothing moves until the restart (the
// old port serves, the new one is refused, the Browser still reports the
// old port); after the restart the old port is refused, the new one
// serves, and the Browser reports it.
func TestPortChangeNeedsRestart(t *testing.T) {
	t.Parallel()
	in := newInstance(t, "")
	in.start()
	br := startBrowser(t, in.home, freeUDPPort(t))
	oldPort := in.port
	if p, err := br.resolve(service.DefaultInstance); err != nil || p != oldPort {
		t.Fatalf("Browser before the change: %d, %v; want %d", p, err, oldPort)
	}

	newPort := freeTCPPort(t)
	out := in.mustTsqld("config", "set", "network.tcpport", itoa(newPort))
	if !strings.Contains(out, "restart") {
		t.Errorf("config set network.tcpport printed %q; want the restart notice", out)
	}
	if p, err := br.resolve(service.DefaultInstance); err != nil || p != oldPort {
		t.Fatalf("Browser before the restart: %d, %v; want the running port %d", p, err, oldPort)
	}
	mustLogin(t, dsn("127.0.0.1", oldPort), nil).Close()
	wantRefused(t, loginErr(t, dsn("127.0.0.1", newPort), nil))
	if st := in.status(); len(st.Pending) != 1 || st.Pending[0].Key != "network.tcpport" {
		t.Errorf("pending changes = %+v; want network.tcpport", st.Pending)
	}

	in.restart()
	in.port = newPort
	wantRefused(t, loginErr(t, dsn("127.0.0.1", oldPort), nil))
	p, err := br.resolve(service.DefaultInstance)
	if err != nil || p != newPort {
		t.Fatalf("Browser after the restart: %d, %v; want %d", p, err, newPort)
	}
	mustLogin(t, dsn("127.0.0.1", p), nil).Close()
	in.wantLog("Server is listening on [ 127.0.0.1 <ipv4> " + itoa(newPort) + "].")
	in.noLog("Server is listening on [ 127.0.0.1 <ipv4> " + itoa(oldPort) + "].")
}

// Row 6: a named instance on a dynamic port (network.tcpport 0, the named
// default) is reached by name through the Browser on UDP 1434, with
// go-mssqldb and with FreeTDS.
func TestNamedInstanceThroughBrowser(t *testing.T) {
	t.Parallel()
	lock1434(t)
	in := newInstance(t, "SCEN6")
	if got := strings.TrimSpace(in.mustTsqld("config", "get", "network.tcpport")); got != "0" {
		t.Fatalf("named instance network.tcpport = %q; want 0 (dynamic)", got)
	}
	in.start()
	ep := in.endpoint(service.ProtoTCP)
	if ep.Port == 0 || ep.Port == 1433 {
		t.Fatalf("named instance TCP port = %d; want a dynamic one", ep.Port)
	}
	br := startBrowser(t, in.home, 1434)
	if p, err := br.resolve("scen6"); err != nil || p != ep.Port {
		t.Fatalf("Browser resolve (case-insensitive): %d, %v; want %d", p, err, ep.Port)
	}
	c := mustLogin(t, dsn(`127.0.0.1\SCEN6`, 0), nil)
	if got := scalar(t, c, "SELECT CAST(SERVERPROPERTY('InstanceName') AS varchar(20))"); got != "SCEN6" {
		t.Errorf("SERVERPROPERTY('InstanceName') = %q", got)
	}
	c.Close()

	// admin:127.0.0.1\SCEN6 asks the Browser for the DAC port (CLNT_UCAST_DAC).
	dacPort := in.endpoint(service.ProtoDAC).Port
	if p, err := br.client().ResolveDAC(context.Background(), "127.0.0.1", "SCEN6"); err != nil || p != dacPort {
		t.Fatalf("Browser DAC port: %d, %v; want %d", p, err, dacPort)
	}
	c = mustLogin(t, dsn(`127.0.0.1\SCEN6`, 0, "protocol", "admin"), nil)
	if got := scalar(t, c, "SELECT CAST(1 AS varchar(10))"); got != "1" {
		t.Errorf("query over admin:127.0.0.1\\SCEN6 = %q", got)
	}
	if e := sqlError(t, loginErr(t, dsn("127.0.0.1", dacPort), nil)); e.Number != 17810 {
		t.Errorf("second DAC while admin: is connected: %d %s; want 17810", e.Number, e.Message)
	}
	c.Close()

	if !haveTSQL(t) {
		return
	}
	out := runTSQL(t, `127.0.0.1\SCEN6`, "SELECT 'named-ok'\ngo\n")
	if !strings.Contains(out, "named-ok") {
		t.Fatalf("tsql -S 127.0.0.1\\SCEN6:\n%s", out)
	}
}

// Row 7: with the Browser stopped, a client asking for host\instance gets
// its instance-resolution error (SNI 26's cause) while host,port works.
func TestBrowserStopped(t *testing.T) {
	t.Parallel()
	lock1434(t)
	in := newInstance(t, "SCEN7")
	in.start()
	br := startBrowser(t, in.home, 1434)
	mustLogin(t, dsn(`127.0.0.1\SCEN7`, 0), nil).Close()
	br.stop()

	err := loginErr(t, dsn(`127.0.0.1\SCEN7`, 0), nil)
	if !strings.Contains(err.Error(), "no instance matching 'SCEN7' returned from host '127.0.0.1'") {
		t.Fatalf("go-mssqldb with the Browser stopped: %v", err)
	}
	_, err = br.resolve("SCEN7")
	if !errors.Is(err, browser.ErrNoResponse) {
		t.Fatalf("browser.Resolve with the Browser stopped: %v; want ErrNoResponse", err)
	}
	mustLogin(t, dsn("127.0.0.1", in.endpoint(service.ProtoTCP).Port), nil).Close()
	if haveTSQL(t) {
		// FreeTDS retries the lookup for its whole login timeout (16 s).
		out := runTSQL(t, `127.0.0.1\SCEN7`, "SELECT 1\ngo\n")
		if !strings.Contains(out, "Unable to connect: Adaptive Server is unavailable or does not exist") {
			t.Fatalf("tsql -S 127.0.0.1\\SCEN7 without a Browser:\n%s", out)
		}
	}
}

// Row 8: network.hideinstance 1 applies at once: the Browser stops
// listing the instance, which still serves on its port.
func TestHiddenInstance(t *testing.T) {
	t.Parallel()
	in := newInstance(t, "")
	in.start()
	br := startBrowser(t, in.home, freeUDPPort(t))
	listed := func() bool {
		t.Helper()
		recs, err := br.list()
		if err != nil && !errors.Is(err, browser.ErrNoResponse) {
			t.Fatalf("browser.List: %v", err)
		}
		for _, r := range recs {
			if r.InstanceName == service.DefaultInstance {
				return true
			}
		}
		return false
	}
	if !listed() {
		t.Fatal("instance not listed before hiding it")
	}
	out := in.mustTsqld("config", "set", "network.hideinstance", "1")
	if strings.Contains(out, "restart") {
		t.Errorf("hideinstance asked for a restart: %q", out)
	}
	if listed() {
		t.Fatal("hidden instance still listed by the Browser")
	}
	if _, err := br.resolve(service.DefaultInstance); err == nil {
		t.Fatal("hidden instance still resolved by the Browser")
	}
	mustLogin(t, dsn("127.0.0.1", in.port), nil).Close()
	in.mustTsqld("config", "unset", "network.hideinstance")
	if !listed() {
		t.Fatal("instance not listed again after unhiding it")
	}
}

// haveTSQL reports whether FreeTDS tsql is installed; the client matrix
// (scripts/test.sh sets TSQLD_CLIENT_TESTS=1) requires it.
func haveTSQL(t *testing.T) bool {
	t.Helper()
	if _, err := exec.LookPath("tsql"); err != nil {
		if os.Getenv("TSQLD_CLIENT_TESTS") != "" {
			t.Fatal("FreeTDS tsql is not installed (scripts/install-clients.sh installs it)")
		}
		t.Log("FreeTDS tsql not installed: only go-mssqldb checked")
		return false
	}
	return true
}

// runTSQL runs FreeTDS tsql against server (host or host\instance) as sa.
func runTSQL(t *testing.T, server, input string) string {
	t.Helper()
	cmd := exec.Command("tsql", "-S", server, "-U", "sa", "-P", saPassword)
	cmd.Env = append(cmd.Environ(), "TDSVER=7.4")
	cmd.Stdin = strings.NewReader(input)
	out, _ := cmd.CombinedOutput()
	return string(out)
}
