package browser

import (
	"context"
	"database/sql"
	"errors"
	"net"
	"os/exec"
	"strings"
	"testing"
	"time"

	mssql "github.com/microsoft/go-mssqldb"
)

// redirectDialer sends go-mssqldb's Browser query (always UDP 1434) to the
// test server and records the TCP address it then dials, without
// connecting: what is tested is the resolution.
type redirectDialer struct {
	udp string
	tcp chan string
}

var errStop = errors.New("test: stop after resolution")

func (d *redirectDialer) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	if strings.HasPrefix(network, "udp") {
		var nd net.Dialer
		return nd.DialContext(ctx, network, d.udp)
	}
	select {
	case d.tcp <- addr:
	default:
	}
	return nil, errStop
}

func TestGoMssqldbResolvesThroughOurBrowser(t *testing.T) {
	_, addr := startServer(t, testInstances)
	for _, tc := range []struct{ dsn, want string }{
		{"sqlserver://sa:x@127.0.0.1/SQLEXPRESS?dial+timeout=2", "127.0.0.1:49974"},
		{"sqlserver://sa:x@127.0.0.1/sqlexpress?dial+timeout=2", "127.0.0.1:49974"},
		{"server=admin:127.0.0.1\\MSSQLSERVER;user id=sa;password=x;dial timeout=2", "127.0.0.1:1434"},
	} {
		c, err := mssql.NewConnector(tc.dsn)
		if err != nil {
			t.Fatal(err)
		}
		d := &redirectDialer{udp: addr, tcp: make(chan string, 1)}
		c.Dialer = d
		db := sql.OpenDB(c)
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		err = db.PingContext(ctx)
		cancel()
		db.Close()
		if err == nil {
			t.Fatalf("%s: ping succeeded", tc.dsn)
		}
		select {
		case got := <-d.tcp:
			if got != tc.want {
				t.Errorf("%s: dialed %s, want %s", tc.dsn, got, tc.want)
			}
		default:
			t.Errorf("%s: no TCP dial (%v)", tc.dsn, err)
		}
	}
	// An unknown instance: go-mssqldb reports it without dialing TCP.
	c, _ := mssql.NewConnector("sqlserver://sa:x@127.0.0.1/NOPE?dial+timeout=2")
	d := &redirectDialer{udp: addr, tcp: make(chan string, 1)}
	c.Dialer = d
	db := sql.OpenDB(c)
	defer db.Close()
	err := db.PingContext(context.Background())
	if err == nil || !strings.Contains(err.Error(), "no instance matching 'NOPE'") {
		t.Errorf("unknown instance: %v", err)
	}
}

// TestFreeTDSResolvesThroughOurBrowser runs FreeTDS's tsql against our
// Browser on 127.0.0.1:1434 (tsql cannot be pointed elsewhere); it is
// skipped without tsql or when the port is taken.
func TestFreeTDSResolvesThroughOurBrowser(t *testing.T) {
	tsql, err := exec.LookPath("tsql")
	if err != nil {
		t.Skip("tsql (FreeTDS) not installed")
	}
	tcp, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer tcp.Close()
	port := tcp.Addr().(*net.TCPAddr).Port
	s, err := Listen("127.0.0.1:1434", StaticSource{{Name: "FREETDSTEST", ServerName: "HOST1", Version: "16.0.4000.0", TCPPort: port}})
	if err != nil {
		t.Skipf("UDP 127.0.0.1:1434 unavailable: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	go s.Serve(ctx)
	accepted := make(chan struct{}, 1)
	go func() {
		c, err := tcp.Accept()
		if err == nil {
			accepted <- struct{}{}
			c.Close()
		}
	}()
	cmd := exec.CommandContext(ctx, tsql, "-S", `127.0.0.1\FREETDSTEST`, "-U", "sa", "-P", "x")
	cmd.Stdin = strings.NewReader("quit\n")
	cmd.Env = append(cmd.Environ(), "TDSVER=7.4")
	out, _ := cmd.CombinedOutput()
	select {
	case <-accepted:
	case <-time.After(5 * time.Second):
		t.Fatalf("tsql did not connect to the advertised port %d:\n%s", port, out)
	}
}
