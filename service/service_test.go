package service

import (
	"context"
	"errors"
	"net"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

// runService opens and runs an instance in-process; it returns the service
// and a channel with Run's result.
func runService(t *testing.T, home, instance string, inst Instance, env map[string]string) (*Service, chan error) {
	t.Helper()
	svc, err := Open(Options{Home: home, Instance: instance, ServerName: "TESTHOST",
		Getenv: func(k string) string { return env[k] }})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- svc.Run(context.Background(), inst) }()
	for i := 0; i < 500; i++ {
		if svc.State() == Running {
			return svc, done
		}
		select {
		case err := <-done:
			t.Fatalf("Run returned early: %v", err)
		case <-time.After(5 * time.Millisecond):
		}
	}
	t.Fatalf("service did not reach RUNNING (state %s)", svc.State())
	return nil, nil
}

func TestServiceLifecycle(t *testing.T) {
	home := t.TempDir()
	inst := &tcpInstance{addr: "127.0.0.1:0"}
	svc, done := runService(t, home, "", inst, map[string]string{"MSSQL_SA_PASSWORD": "yourStrong(!)Password", "MSSQL_PID": "Express"})
	p := svc.Paths()
	if fs := svc.FirstStart(); fs == nil || fs.SAPassword != "yourStrong(!)Password" {
		t.Fatalf("first start = %+v", fs)
	}

	// Second start of the same instance is refused by the lock.
	if _, err := Open(Options{Home: home}); err == nil {
		t.Fatal("second Open succeeded")
	} else {
		var ar *AlreadyRunningError
		if !errors.As(err, &ar) || ar.PID != os.Getpid() {
			t.Fatalf("second Open: %v", err)
		}
	}
	if _, err := Start(context.Background(), StartOptions{Home: home}); err == nil {
		t.Fatal("Start of a running instance succeeded")
	}

	st, err := os.Stat(p.ControlSocket)
	if err != nil || st.Mode().Perm() != 0o600 || st.Mode()&os.ModeSocket == 0 {
		t.Fatalf("control socket mode %v %v", st.Mode(), err)
	}

	s, err := Status(home, "")
	if err != nil {
		t.Fatal(err)
	}
	port := inst.Endpoints()[0].Port
	if s.State != Running || s.PID != os.Getpid() || s.Edition != "Express Edition (64-bit)" ||
		len(s.Endpoints) != 1 || s.Endpoints[0].Port != port || s.Started == nil {
		t.Fatalf("status %+v", s)
	}
	if !strings.Contains(string(s.JSON()), `"state": "RUNNING"`) {
		t.Errorf("json: %s", s.JSON())
	}

	// A session is counted.
	c, err := net.Dial("tcp", net.JoinHostPort("127.0.0.1", itoa(port)))
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { s, _ := Status(home, ""); return s.Sessions == 1 })
	c.Close()

	// Runtime file for the Browser.
	rt, ok, err := ReadRuntime(home, "")
	if err != nil || !ok || rt.TCPPort != port || rt.ServerName != "TESTHOST" {
		t.Fatalf("runtime %+v %v %v", rt, ok, err)
	}

	// Pause / continue.
	if s, err := Pause(home, ""); err != nil || s.State != Paused || !inst.paused.Load() {
		t.Fatalf("pause: %+v %v", s, err)
	}
	if _, err := Pause(home, ""); err != nil {
		t.Fatalf("second pause: %v", err)
	}
	if s, err := Continue(home, ""); err != nil || s.State != Running || inst.paused.Load() {
		t.Fatalf("continue: %+v %v", s, err)
	}

	// A restart setting becomes pending; an immediate one does not.
	if _, err := SetConfig(home, "", "network.tcpport", "1555"); err != nil {
		t.Fatal(err)
	}
	SetConfig(home, "", "network.hideinstance", "1")
	s, _ = Status(home, "")
	if len(s.Pending) != 1 || s.Pending[0].Key != "network.tcpport" || s.Pending[0].Configured != "1555" {
		t.Fatalf("pending %+v", s.Pending)
	}
	if pc, _ := Pending(home, ""); len(pc) != 1 {
		t.Fatalf("Pending() = %+v", pc)
	}
	if err := Reload(home, ""); err != nil {
		t.Fatal(err)
	}

	if err := CycleErrorLog(home, ""); err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := Stop(ctx, home, "", true); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if !inst.stopped.Load() || !inst.nowait.Load() {
		t.Error("instance not stopped with nowait")
	}
	s, err = Status(home, "")
	if err != nil || s.State != Stopped {
		t.Fatalf("after stop: %+v %v", s, err)
	}
	if _, ok, _ := ReadRuntime(home, ""); ok {
		t.Error("runtime file left behind")
	}
	if _, err := os.Stat(p.ControlSocket); err == nil {
		t.Error("control socket left behind")
	}
	var ce *ControlError
	if _, err := Pause(home, ""); !errors.As(err, &ce) || ce.Code != 1062 ||
		err.Error() != "SQL Server (MSSQLSERVER): The service has not been started." {
		t.Errorf("pause when stopped: %v", err)
	}

	// The archived log holds the startup, the controls and the cycle.
	prev, _ := ReadErrorLog(p.ErrorLog, 1, "", "")
	cur, _ := ReadErrorLog(p.ErrorLog, 0, "", "")
	all := append(prev, cur...)
	for _, want := range []string{
		"Server process ID is " + itoa(os.Getpid()) + ".",
		"Server is listening on [ 127.0.0.1 <ipv4> " + itoa(port) + "].",
		MsgReady, MsgPaused, MsgContinued, MsgCycling, MsgReinitialized, MsgStopping, MsgDACDisabled,
		"Authentication mode is MIXED.", "Setting from the environment: MSSQL_PID=Express -> sqlserver.edition.",
		"Server name is 'TESTHOST'. This is an informational message only. No user action is required.",
	} {
		if !hasText(all, want) {
			t.Errorf("log lacks %q", want)
		}
	}
	if !strings.HasPrefix(cur[0].Text, "Microsoft SQL Server 2022 (RTM) - ") {
		t.Errorf("new log does not start with the banner: %q", cur[0].Text)
	}

	// A restart picks the pending port up: it is no longer pending and the
	// instance opens again (lock released, stale socket handled).
	os.WriteFile(p.DataDir+"/master.db", []byte("x"), 0o644) // as the engine would
	inst2 := &tcpInstance{addr: "127.0.0.1:0"}
	svc2, done2 := runService(t, home, "", inst2, nil)
	if svc2.FirstStart() != nil {
		t.Error("second start treated as first start")
	}
	if s, _ := Status(home, ""); len(s.Pending) != 0 {
		t.Errorf("pending after restart: %+v", s.Pending)
	}
	if err := svc2.Stop(false); err != nil {
		t.Fatal(err)
	}
	if err := <-done2; err != nil {
		t.Fatal(err)
	}
	if inst2.nowait.Load() {
		t.Error("normal stop passed nowait")
	}
}

func TestServiceSignalStop(t *testing.T) {
	home := t.TempDir()
	svc, err := Open(Options{Home: home, Instance: "named1", Getenv: func(string) string { return "" }})
	if err != nil {
		t.Fatal(err)
	}
	if svc.FirstStart() == nil || !svc.FirstStart().Generated {
		t.Fatal("no generated password")
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- svc.Run(ctx, &tcpInstance{addr: "127.0.0.1:0"}) }()
	waitFor(t, func() bool { return svc.State() == Running })
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	rows, _ := ReadErrorLog(svc.Paths().ErrorLog, 0, "", "")
	if !hasText(rows, MsgSysShutdwn) {
		t.Error("no system-shutdown line")
	}
	if !hasText(rows, `\NAMED1'. This is an informational message only.`) {
		t.Error("server name line lacks the instance")
	}
}

func TestServicePortInUse(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	home := t.TempDir()
	svc, err := Open(Options{Home: home, Getenv: func(string) string { return "" }})
	if err != nil {
		t.Fatal(err)
	}
	err = svc.Run(context.Background(), &tcpInstance{addr: busy.Addr().String()})
	if err == nil {
		t.Fatal("Run succeeded on a busy port")
	}
	rows, _ := ReadErrorLog(svc.Paths().ErrorLog, 0, "", "")
	port := itoa(busy.Addr().(*net.TCPAddr).Port)
	for _, want := range []string{
		"Server failed to listen on 127.0.0.1 <ipv4> " + port + ". Error: 0x2740. To proceed, notify your system administrator.",
		"Error: 17182, Severity: 16, State: 1.", "Error: 17826, Severity: 18, State: 3.", MsgNoCommThread,
	} {
		if !hasText(rows, want) {
			t.Errorf("log lacks %q", want)
		}
	}
	if hasText(rows, MsgReady) {
		t.Error("ready line after a failed start")
	}
	if s, _ := Status(home, ""); s.State != Stopped {
		t.Errorf("state after failed start %s", s.State)
	}
}

func TestServiceNoProtocols(t *testing.T) {
	home := t.TempDir()
	SetConfig(home, "", "network.tcpenabled", "0")
	SetConfig(home, "", "network.localsocket", "0")
	svc, err := Open(Options{Home: home})
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.Run(context.Background(), &tcpInstance{addr: "127.0.0.1:0"}); err == nil {
		t.Fatal("started with every protocol disabled")
	}
	rows, _ := ReadErrorLog(svc.Paths().ErrorLog, 0, "All protocols are disabled", "")
	if len(rows) != 1 {
		t.Errorf("rows %+v", rows)
	}
}

func TestOpenRejectsBadConfig(t *testing.T) {
	home := t.TempDir()
	p, _ := PathsFor(home, "")
	os.MkdirAll(p.Dir, 0o755)
	os.WriteFile(p.Conf, []byte("[network]\ntcpport = many\n"), 0o644)
	if _, err := Open(Options{Home: home}); err == nil || !strings.Contains(err.Error(), "network.tcpport") {
		t.Fatalf("Open = %v", err)
	}
	// The failed Open released the lock.
	if held, _ := lockHeld(p.PIDFile); held {
		t.Error("lock still held")
	}
}

func TestOpenWeakPassword(t *testing.T) {
	home := t.TempDir()
	_, err := Open(Options{Home: home, Getenv: func(k string) string {
		if k == "MSSQL_SA_PASSWORD" {
			return "abc"
		}
		return ""
	}})
	if err == nil || !strings.Contains(err.Error(), "too short") {
		t.Fatalf("Open = %v", err)
	}
	p, _ := PathsFor(home, "")
	if fileExists(p.Conf) {
		t.Error("config written despite the refused password")
	}
}

func hasText(rows []LogRow, want string) bool {
	for _, r := range rows {
		if strings.Contains(r.Text, want) {
			return true
		}
	}
	return false
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for i := 0; i < 1000; i++ {
		if cond() {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatal("condition not reached")
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestFirstStartWithPreparedConfig(t *testing.T) {
	home := t.TempDir()
	SetConfig(home, "", "network.tcpport", "1401")
	svc, err := Open(Options{Home: home, Getenv: func(k string) string {
		return map[string]string{"MSSQL_SA_PASSWORD": "yourStrong(!)Password", "MSSQL_TCP_PORT": "1500"}[k]
	}})
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	fs := svc.FirstStart()
	if fs == nil || fs.SAPassword != "yourStrong(!)Password" || len(fs.Applied) != 0 {
		t.Fatalf("first start %+v", fs)
	}
	if svc.Config().Get("network.tcpport") != "1401" {
		t.Error("environment overrode an existing mssql.conf")
	}
	n := svc.Network()
	if n.TCPPort != 1401 || !n.TCPEnabled || n.LocalSocket != svc.Paths().LocalSocket || n.UserConnections != 32767 {
		t.Errorf("network %+v", n)
	}
	// tsqld listens on loopback unless remote connections are enabled
	// (the "127.0.0.1:1433 unless told otherwise").
	if got := n.TCPAddrs(); len(got) != 2 || got[0] != "127.0.0.1:1401" || got[1] != "[::1]:1401" {
		t.Errorf("TCPAddrs %v", got)
	}
	n.RemoteConnections = true
	if got := n.TCPAddrs(); len(got) != 2 || got[0] != "0.0.0.0:1401" || got[1] != "[::]:1401" {
		t.Errorf("remote TCPAddrs %v", got)
	}
	if got := n.DACAddrs(); len(got) != 2 || got[0] != "127.0.0.1:1434" {
		t.Errorf("DACAddrs %v", got)
	}
	n.RemoteConnections = false
	if got := n.TCPAddrs(); got[0] != "127.0.0.1:1401" || got[1] != "[::1]:1401" {
		t.Errorf("loopback TCPAddrs %v", got)
	}
}
