package scenario

import (
	"strings"
	"testing"

	"github.com/tsqld/tsqld/service"
)

// Row 2: TCP disabled (network.tcpenabled 0 + restart): TCP is refused,
// the local socket still serves, and the log lists no TCP listener.
func TestTCPDisabledLocalSocketWorks(t *testing.T) {
	t.Parallel()
	in := newInstance(t, "")
	in.start()
	mustLogin(t, dsn("127.0.0.1", in.port), nil).Close()

	out := in.mustTsqld("config", "set", "network.tcpenabled", "false")
	if !strings.Contains(out, "restart") {
		t.Errorf("config set network.tcpenabled printed %q; want the restart notice", out)
	}
	// Before the restart the running engine still listens on TCP.
	mustLogin(t, dsn("127.0.0.1", in.port), nil).Close()
	in.restart()

	wantRefused(t, loginErr(t, dsn("127.0.0.1", in.port), nil))
	c := mustLogin(t, dsn("127.0.0.1", in.port), unixDialer(in.socket()))
	if got := scalar(t, c, "SELECT CAST(@@SPID AS varchar(10))"); got < "51" {
		t.Errorf("@@SPID over the Unix socket = %q", got)
	}
	in.wantLog("Server local connection provider is ready to accept connection on [ " + in.socket() + " ].")
	in.noLog("Server is listening on [ 127.0.0.1 <ipv4> " + itoa(in.port) + "].")
	// The DAC is a loopback listener of its own: SQL Server keeps it
	// with TCP/IP disabled.
	for _, e := range in.status().Endpoints {
		if e.Protocol == service.ProtoTCP {
			t.Errorf("TCP endpoint %s with TCP disabled", e)
		}
	}
}
