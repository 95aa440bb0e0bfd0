package scenario

import (
	"context"
	"net"
	"os/exec"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/tsqld/tsqld/browser"
)

// udp1434 serialises the tests that need the real Browser port (clients
// such as go-mssqldb and FreeTDS always ask UDP 1434).
var udp1434 sync.Mutex

// browserProc is `tsqld browser` running in the background.
type browserProc struct {
	cmd  *exec.Cmd
	port int
	done chan error
}

// startBrowser runs `tsqld browser --listen 127.0.0.1:<port> --home <home>`
// and waits until it answers.
func startBrowser(t *testing.T, home string, port int) *browserProc {
	t.Helper()
	cmd := exec.Command(tsqldBin, "browser", "--listen", "127.0.0.1:"+strconv.Itoa(port), "--home", home)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	b := &browserProc{cmd: cmd, port: port, done: make(chan error, 1)}
	go func() { b.done <- cmd.Wait() }()
	t.Cleanup(b.stop)
	// Bound once the port can no longer be bound by anyone else.
	deadline := time.Now().Add(10 * time.Second)
	for {
		c, err := net.ListenPacket("udp", "127.0.0.1:"+strconv.Itoa(port))
		if err != nil {
			return b
		}
		c.Close()
		select {
		case err := <-b.done:
			t.Fatalf("tsqld browser exited: %v", err)
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("tsqld browser does not listen on udp %d", port)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (b *browserProc) exited() bool {
	select {
	case err := <-b.done:
		b.done <- err
		return true
	default:
		return false
	}
}

func (b *browserProc) client() *browser.Client {
	return &browser.Client{Port: b.port, Timeout: time.Second}
}

// stop ends the Browser (SIGTERM, as the service manager does) and waits.
func (b *browserProc) stop() {
	if b.exited() {
		return
	}
	b.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-b.done:
	case <-time.After(5 * time.Second):
		b.cmd.Process.Kill()
		<-b.done
	}
	b.done <- nil
}

// resolve asks the Browser for an instance's TCP port.
func (b *browserProc) resolve(instance string) (int, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	return b.client().Resolve(ctx, "127.0.0.1", instance)
}

// list asks the Browser for every instance it advertises.
func (b *browserProc) list() ([]browser.Record, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	return b.client().List(ctx, "127.0.0.1")
}

// lock1434 takes the UDP 1434 lock and skips when another process holds
// the port (nothing here may steal it).
func lock1434(t *testing.T) {
	t.Helper()
	udp1434.Lock()
	t.Cleanup(udp1434.Unlock)
	c, err := net.ListenPacket("udp", "127.0.0.1:1434")
	if err != nil {
		t.Skipf("UDP 127.0.0.1:1434 is busy (%v): go-mssqldb and FreeTDS resolve instances only there", err)
	}
	c.Close()
}
