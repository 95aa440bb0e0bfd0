package scenario

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/tsqld/tsqld/service"
)

// netns is a network namespace joined to the root namespace by a veth
// pair: the root side is <net>.1, the namespace side <net>.2, so a client
// run inside it reaches this host from a non-loopback address.
type netns struct {
	name, hostIP, nsIP string
}

func newNetns(t *testing.T) *netns {
	t.Helper()
	if _, err := exec.LookPath("ip"); err != nil {
		t.Skip("iproute2 (ip) not installed: cannot create a network namespace for the remote client")
	}
	id := os.Getpid() % 100000
	sub := 20 + os.Getpid()%200
	n := &netns{name: fmt.Sprintf("tsqsc%d", id), hostIP: fmt.Sprintf("10.77.%d.1", sub), nsIP: fmt.Sprintf("10.77.%d.2", sub)}
	hostIf, nsIf := fmt.Sprintf("vsh%d", id), fmt.Sprintf("vsn%d", id)
	if out, err := exec.Command("ip", "netns", "add", n.name).CombinedOutput(); err != nil {
		t.Skipf("cannot create a network namespace (needs root / CAP_SYS_ADMIN): %v: %s", err, out)
	}
	t.Cleanup(func() {
		exec.Command("ip", "link", "del", hostIf).Run()
		exec.Command("ip", "netns", "del", n.name).Run()
	})
	for _, args := range [][]string{
		{"link", "add", hostIf, "type", "veth", "peer", "name", nsIf},
		{"link", "set", nsIf, "netns", n.name},
		{"addr", "add", n.hostIP + "/24", "dev", hostIf},
		{"link", "set", hostIf, "up"},
		{"netns", "exec", n.name, "ip", "addr", "add", n.nsIP + "/24", "dev", nsIf},
		{"netns", "exec", n.name, "ip", "link", "set", nsIf, "up"},
		{"netns", "exec", n.name, "ip", "link", "set", "lo", "up"},
	} {
		if out, err := exec.Command("ip", args...).CombinedOutput(); err != nil {
			t.Fatalf("ip %s: %v: %s", strings.Join(args, " "), err, out)
		}
	}
	return n
}

// probe runs the go-mssqldb probe inside the namespace; it returns "OK"
// or "ERR <number> <message>".
func (n *netns) probe(t *testing.T, dsn string) string {
	t.Helper()
	out, _ := exec.Command("ip", "netns", "exec", n.name, probeBin, dsn).CombinedOutput()
	return strings.TrimSpace(string(out))
}

// Row 3: network.remoteconnections 0 (the default) → TCP listens on
// loopback only: a client on another address is refused while loopback
// works; with remote connections on (all addresses, after a restart) the
// same client logs in, and its failures are logged with its address.
func TestRemoteConnections(t *testing.T) {
	t.Parallel()
	ns := newNetns(t)
	in := newInstance(t, "")
	in.start()
	remote := dsn(ns.hostIP, in.port)

	if got := ns.probe(t, remote); !strings.HasPrefix(got, "ERR 0 ") || !strings.Contains(got, "connection refused") {
		t.Fatalf("remote client with remote connections off: %q; want connection refused", got)
	}
	mustLogin(t, dsn("127.0.0.1", in.port), nil).Close()
	in.wantLog("Server is listening on [ 127.0.0.1 <ipv4> " + itoa(in.port) + "].")

	in.set("network.remoteconnections", "1")
	in.restart()
	if got := ns.probe(t, remote); got != "OK" {
		t.Fatalf("remote client with remote connections on: %q; want OK", got)
	}
	in.wantLog("Server is listening on [ 'any' <ipv4> " + itoa(in.port) + "].")
	bad := strings.Replace(remote, "Scen%40rio", "Wrong", 1)
	if got := ns.probe(t, bad); !strings.HasPrefix(got, "ERR 18456 ") {
		t.Fatalf("remote client with a wrong password: %q; want 18456", got)
	}
	in.wantLog("Login failed for user 'sa'. Reason: Password did not match that for the login provided. [CLIENT: " + ns.nsIP + "]")
	mustLogin(t, dsn("127.0.0.1", in.port), nil).Close()

	// The DAC stays on loopback until remote admin connections is on,
	// which applies without a restart.
	dac := in.endpoint(service.ProtoDAC)
	if got := ns.probe(t, dsn(ns.hostIP, dac.Port)); !strings.Contains(got, "connection refused") {
		t.Fatalf("remote DAC with remote admin connections off: %q; want connection refused", got)
	}
	if out := in.mustTsqld("config", "set", "sqlserver.remoteadmin", "1"); strings.Contains(out, "restart") {
		t.Errorf("sqlserver.remoteadmin asked for a restart: %q", out)
	}
	dac = in.endpoint(service.ProtoDAC)
	if dac.IsLoopback() {
		t.Fatalf("DAC endpoint after remoteadmin 1 = %s; want every address", dac)
	}
	in.wantLog("Dedicated admin connection support was established for listening remotely on port " + itoa(dac.Port) + ".")
	if got := ns.probe(t, dsn(ns.hostIP, dac.Port)); got != "OK" {
		t.Fatalf("remote DAC with remote admin connections on: %q; want OK", got)
	}
}
