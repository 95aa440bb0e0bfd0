package service

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestMain lets the test binary act as `tsqld serve` when Start launches
// it, so Start is tested against a real detached process.
func TestMain(m *testing.M) {
	if os.Getenv("TSQLD_SERVICE_TEST_SERVE") == "1" {
		os.Exit(testServe())
	}
	os.Exit(m.Run())
}

func testServe() int {
	instance := ""
	for i, a := range os.Args {
		if a == "--instance" && i+1 < len(os.Args) {
			instance = os.Args[i+1]
		}
	}
	svc, err := Open(Options{Instance: instance, Console: os.Stdout})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	if err := svc.Run(ctx, &tcpInstance{addr: os.Getenv("TSQLD_TEST_LISTEN")}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

func TestStartDetached(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a process")
	}
	home := t.TempDir()
	opts := StartOptions{Home: home, Instance: "det", Exe: os.Args[0], Timeout: 20 * time.Second,
		Env: []string{"TSQLD_SERVICE_TEST_SERVE=1", "TSQLD_TEST_LISTEN=127.0.0.1:0", "MSSQL_SA_PASSWORD=yourStrong(!)Password"}}
	// Let a previous run's log exist, to check Start does not take its
	// ready line for this run's.
	p, _ := PathsFor(home, "det")
	os.MkdirAll(p.LogDir, 0o755)
	os.WriteFile(p.ErrorLog, []byte(FormatLine(time.Now(), SourceServer, MsgReady)), 0o644)

	st, err := Start(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if st.State != Running || st.PID == os.Getpid() || st.PID == 0 || len(st.Endpoints) != 1 {
		t.Fatalf("status %+v", st)
	}
	pid := st.PID
	// The child is in its own session.
	if sid, _ := getsid(pid); sid != pid {
		t.Errorf("child sid %d, want %d (Setsid)", sid, pid)
	}
	if _, err := Start(context.Background(), opts); err == nil {
		t.Fatal("second Start succeeded")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := Stop(ctx, home, "det", false); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { return !processAlive(pid) })
	rows, _ := ReadErrorLog(p.ErrorLog, 0, "", "")
	if !hasText(rows, MsgStopping) {
		t.Error("no 17148 line")
	}
	if archived, _ := ReadErrorLog(p.ErrorLog, 1, "", ""); len(archived) != 1 {
		t.Errorf("previous log not archived: %+v", archived)
	}
}

func TestStartFailureLines(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a process")
	}
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	home := t.TempDir()
	_, err = Start(context.Background(), StartOptions{Home: home, Exe: os.Args[0], Timeout: 20 * time.Second,
		Env: []string{"TSQLD_SERVICE_TEST_SERVE=1", "TSQLD_TEST_LISTEN=" + busy.Addr().String()}})
	var se *StartError
	if !errors.As(err, &se) {
		t.Fatalf("Start = %v", err)
	}
	if se.ExitCode != 1 {
		t.Errorf("exit code %d", se.ExitCode)
	}
	text := err.Error()
	for _, want := range []string{"SQL Server (MSSQLSERVER) failed to start (exit status 1)", "Error: 26024", "Error: 17182, Severity: 16, State: 1.", "Only one usage of each socket address", "Error: 17120"} {
		if !strings.Contains(text, want) {
			t.Errorf("error lacks %q:\n%s", want, text)
		}
	}
}

func getsid(pid int) (int, error) {
	r, _, e := syscall.RawSyscall(syscall.SYS_GETSID, uintptr(pid), 0, 0)
	if e != 0 {
		return 0, e
	}
	return int(r), nil
}
