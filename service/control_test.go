package service

import (
	"bytes"
	"context"
	"encoding/json"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// reconfInstance records Reconfigure calls.
type reconfInstance struct {
	tcpInstance
	mu   sync.Mutex
	seen []map[string]string
}

func (r *reconfInstance) Reconfigure(m map[string]string) {
	r.mu.Lock()
	r.seen = append(r.seen, m)
	r.mu.Unlock()
}

func TestImmediateSettingReachesInstance(t *testing.T) {
	home := t.TempDir()
	inst := &reconfInstance{tcpInstance: tcpInstance{addr: "127.0.0.1:0"}}
	svc, done := runService(t, home, "", inst, nil)
	defer func() { svc.Stop(false); <-done }()
	if _, err := SetConfig(home, "", "sqlserver.remoteadmin", "1"); err != nil {
		t.Fatal(err)
	}
	SetConfig(home, "", "network.tcpport", "1999") // restart setting: not pushed
	inst.mu.Lock()
	defer inst.mu.Unlock()
	if len(inst.seen) != 1 {
		t.Fatalf("Reconfigure called %d times", len(inst.seen))
	}
	if m := inst.seen[0]; m["sqlserver.remoteadmin"] != "1" || m["network.tcpport"] != "1433" {
		t.Errorf("reconfigure map: remoteadmin %q tcpport %q", m["sqlserver.remoteadmin"], m["network.tcpport"])
	}
}

func TestControlProtocolRaw(t *testing.T) {
	home := t.TempDir()
	svc, done := runService(t, home, "", &tcpInstance{addr: "127.0.0.1:0"}, nil)
	defer func() { svc.Stop(false); <-done }()
	send := func(line string) ControlResponse {
		c, err := net.Dial("unix", svc.Paths().ControlSocket)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		c.Write([]byte(line))
		c.(*net.UnixConn).CloseWrite()
		var r ControlResponse
		if err := json.NewDecoder(c).Decode(&r); err != nil {
			t.Fatal(err)
		}
		return r
	}
	if r := send(`{"op":"status"}` + "\n"); !r.OK || r.Status.State != Running {
		t.Errorf("status: %+v", r)
	}
	if r := send(`{"op":"explode"}` + "\n"); r.OK || !strings.Contains(r.Error, "unknown control operation") {
		t.Errorf("unknown op: %+v", r)
	}
	if r := send("not json\n"); r.OK || !strings.Contains(r.Error, "bad control request") {
		t.Errorf("garbage: %+v", r)
	}
	if r := send(`{"op":"continue"}`); !r.OK { // no newline, then EOF
		t.Errorf("continue without newline: %+v", r)
	}
}

// TestControlRefusesOtherUsers connects as uid 65534 (nobody) through a
// socket made world-writable, so that only SO_PEERCRED stands in the way.
func TestControlRefusesOtherUsers(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to run a client as another user")
	}
	// The system python, not a per-user shim nobody cannot run.
	py := "/usr/bin/python3"
	if _, err := os.Stat(py); err != nil {
		t.Skip("/usr/bin/python3 not installed")
	}
	home := t.TempDir()
	svc, done := runService(t, home, "", &tcpInstance{addr: "127.0.0.1:0"}, nil)
	defer func() { svc.Stop(false); <-done }()
	sock := svc.Paths().ControlSocket
	for d := filepath.Dir(sock); d != "/" && d != "/tmp"; d = filepath.Dir(d) {
		os.Chmod(d, 0o755)
	}
	os.Chmod(sock, 0o666)
	cmd := exec.Command(py, "-c", `import socket,sys
s=socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
try:
    s.sendall(b'{"op":"stop"}\n')
except BrokenPipeError:
    pass  # refused before the request was read
print(s.recv(4096).decode())`, sock)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("client: %v\n%s", err, out)
	}
	if !bytes.Contains(out, []byte("refused: only uid 0")) || !bytes.Contains(out, []byte(`"code":5`)) {
		t.Fatalf("response %s", out)
	}
	if svc.State() != Running {
		t.Fatalf("state %s after a refused stop", svc.State())
	}
}

func TestStatusText(t *testing.T) {
	home := t.TempDir()
	st, err := Status(home, "x1")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	st.WriteText(&b)
	if !strings.Contains(b.String(), "State:      STOPPED") || !strings.Contains(b.String(), "SQL Server (X1)") {
		t.Errorf("text:\n%s", b.String())
	}
	all, err := StatusAll(home)
	if err != nil || len(all) != 0 {
		t.Errorf("StatusAll on an empty home: %v %v", all, err)
	}
	SetConfig(home, "x1", "network.tcpport", "1500")
	if all, _ := StatusAll(home); len(all) != 1 || all[0].Instance != "X1" {
		t.Errorf("StatusAll %+v", all)
	}
}

// slowInstance blocks in Start until its context is cancelled.
type slowInstance struct{ tcpInstance }

func (s *slowInstance) Start(ctx context.Context) error {
	<-ctx.Done()
	return ctx.Err()
}

func TestStopDuringStartPending(t *testing.T) {
	home := t.TempDir()
	svc, err := Open(Options{Home: home, Getenv: func(string) string { return "" }})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- svc.Run(context.Background(), &slowInstance{}) }()
	waitFor(t, func() bool { st, _ := Status(home, ""); return st.State == StartPending && st.PID == os.Getpid() })
	if _, err := Pause(home, ""); err == nil || !strings.Contains(err.Error(), "cannot accept control messages") {
		t.Errorf("pause while starting: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := Stop(ctx, home, "", false); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Errorf("Run = %v", err)
	}
	rows, _ := ReadErrorLog(svc.Paths().ErrorLog, 0, "", "")
	if hasText(rows, MsgReady) {
		t.Error("ready line logged for a start that was stopped")
	}
}
