package server

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"testing"
	"time"

	mssql "github.com/microsoft/go-mssqldb"
	"github.com/tsqld/tsqld/sql/engine"
	"github.com/tsqld/tsqld/sql/msgs"
)

// dacLogin opens one connection to addr (a DAC or user port) and returns
// it or the login error.
func dacLogin(t *testing.T, port int) (interface{ Close() error }, error) {
	t.Helper()
	c, err := mssql.NewConnector(fmt.Sprintf("sqlserver://sa:%s@127.0.0.1:%d?encrypt=disable",
		strings.ReplaceAll(testPassword, "!", "%21"), port))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return c.Connect(ctx)
}

func TestDAC(t *testing.T) {
	ts := startServer(t, func(c *Config) {
		c.MaxConnections = 1
		c.DACAddrs = []string{"127.0.0.1:0"}
	})
	dacs := ts.DACAddrs()
	if len(dacs) != 1 || len(ts.Addrs()) != 1 {
		t.Fatalf("DAC addrs %v, user addrs %v", dacs, ts.Addrs())
	}
	dacPort := dacs[0].(*net.TCPAddr).Port
	if log := ts.log.text(); !strings.Contains(log, fmt.Sprintf("Dedicated admin connection support was established for listening locally on port %d.", dacPort)) {
		t.Fatalf("log lacks the DAC line:\n%s", log)
	}
	user, err := dacLogin(t, ts.Port())
	if err != nil {
		t.Fatal(err)
	}
	defer user.Close()
	// User connections are exhausted; the DAC does not count.
	var me mssql.Error
	if _, err := dacLogin(t, ts.Port()); !errors.As(err, &me) || me.Number != 17809 {
		t.Fatalf("second user login: %v; want 17809", err)
	}
	first, err := dacLogin(t, dacPort)
	if err != nil {
		t.Fatalf("DAC login with user connections exhausted: %v", err)
	}
	if _, err := dacLogin(t, dacPort); !errors.As(err, &me) || me.Number != 17810 ||
		!strings.Contains(me.Message, "Could not connect because the maximum number of '1' dedicated administrator connections already exists.") {
		t.Fatalf("second DAC login: %v; want 17810", err)
	}
	if log := ts.log.text(); !strings.Contains(log, "17810") {
		t.Fatalf("log lacks 17810:\n%s", log)
	}
	first.Close()
	deadline := time.Now().Add(5 * time.Second)
	for {
		c, err := dacLogin(t, dacPort)
		if err == nil {
			c.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("DAC slot not freed after log-off: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// A configured DAC port that is taken falls back to a dynamic one, as
// SQL Server does with 1434.
func TestDACPortBusyFallsBack(t *testing.T) {
	busy, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	busyPort := busy.Addr().(*net.TCPAddr).Port
	ts := startServer(t, func(c *Config) { c.DACAddrs = []string{fmt.Sprintf("127.0.0.1:%d", busyPort)} })
	dacs := ts.DACAddrs()
	if len(dacs) != 1 || dacs[0].(*net.TCPAddr).Port == busyPort {
		t.Fatalf("DAC addrs %v with port %d busy", dacs, busyPort)
	}
	c, err := dacLogin(t, dacs[0].(*net.TCPAddr).Port)
	if err != nil {
		t.Fatal(err)
	}
	c.Close()
}

// nonAdminBackend logs everyone in as a login outside sysadmin.
type nonAdminBackend struct{ *fakeBackend }

func (b nonAdminBackend) Authenticate(login, password string) (engine.LoginInfo, *msgs.Error) {
	li, err := b.fakeBackend.Authenticate(login, password)
	li.SysAdmin = false
	return li, err
}

// Only sysadmin members may use the DAC: others get 18456 there (and
// still log in on the user port).
func TestDACRefusesNonSysadmin(t *testing.T) {
	ts := startServer(t, func(c *Config) {
		c.Backend = nonAdminBackend{&fakeBackend{password: testPassword}}
		c.DACAddrs = []string{"127.0.0.1:0"}
	})
	var me mssql.Error
	if _, err := dacLogin(t, ts.DACAddrs()[0].(*net.TCPAddr).Port); !errors.As(err, &me) || me.Number != 18456 {
		t.Fatalf("non-sysadmin DAC login: %v; want 18456", err)
	}
	c, err := dacLogin(t, ts.Port())
	if err != nil {
		t.Fatalf("non-sysadmin user login: %v", err)
	}
	c.Close()
}
