package service

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

var testTime = time.Date(2026, 11, 25, 10, 0, 0, 129_000_000, time.Local)

func fixedLog(t *testing.T, keep int) (*ErrorLog, *bytes.Buffer, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "log", "errorlog")
	var console bytes.Buffer
	l, err := OpenErrorLog(path, ErrorLogOptions{Keep: keep, Console: &console, Now: func() time.Time { return testTime }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l, &console, path
}

func TestFormatLineGolden(t *testing.T) {
	cases := []struct{ src, text, want string }{
		{SourceServer, "Microsoft SQL Server 2022", "2026-11-25 10:00:00.12 Server      Microsoft SQL Server 2022\n"},
		{SpidSource(51, false), "x", "2026-11-25 10:00:00.12 spid51      x\n"},
		{SpidSource(9, true), "x", "2026-11-25 10:00:00.12 spid9s      x\n"},
		{SourceLogon, "Error: 18456, Severity: 14, State: 8.", "2026-11-25 10:00:00.12 Logon       Error: 18456, Severity: 14, State: 8.\n"},
		{"spid12345678s", "x", "2026-11-25 10:00:00.12 spid12345678s x\n"},
	}
	for _, tc := range cases {
		if got := FormatLine(testTime, tc.src, tc.text); got != tc.want {
			t.Errorf("got  %q\nwant %q", got, tc.want)
		}
	}
}

func TestErrorLogGoldenLines(t *testing.T) {
	l, console, path := fixedLog(t, 6)
	l.Listening(Endpoint{Protocol: ProtoTCP, Address: "::", Port: 1433})
	l.Listening(Endpoint{Protocol: ProtoTCP, Address: "0.0.0.0", Port: 1433})
	l.Listening(Endpoint{Protocol: ProtoTCP, Address: "127.0.0.1", Port: 52605})
	l.Listening(Endpoint{Protocol: ProtoLocal, Address: "/var/opt/tsqld/MSSQLSERVER/sql.sock"})
	l.Listening(Endpoint{Protocol: ProtoDAC, Address: "127.0.0.1", Port: 1434})
	l.Log(SourceServer, MsgReady)
	l.Log(SourceServer, MsgPaused)
	l.Log(SourceServer, MsgContinued)
	l.Log(SourceServer, MsgStopping)
	want := `2026-11-25 10:00:00.12 Server      Server is listening on [ 'any' <ipv6> 1433].
2026-11-25 10:00:00.12 Server      Server is listening on [ 'any' <ipv4> 1433].
2026-11-25 10:00:00.12 Server      Server is listening on [ 127.0.0.1 <ipv4> 52605].
2026-11-25 10:00:00.12 Server      Server local connection provider is ready to accept connection on [ /var/opt/tsqld/MSSQLSERVER/sql.sock ].
2026-11-25 10:00:00.12 Server      Server is listening on [ 127.0.0.1 <ipv4> 1434].
2026-11-25 10:00:00.12 Server      Dedicated admin connection support was established for listening locally on port 1434.
2026-11-25 10:00:00.12 Server      SQL Server is now ready for client connections. This is an informational message; no user action is required.
2026-11-25 10:00:00.12 Server      SQL Server is not allowing new connections because the Service Control Manager requested a pause. To resume the service, use SQL Computer Manager or the Services application in Control Panel.
2026-11-25 10:00:00.12 Server      SQL Server is allowing new connections in response to 'continue' request from Service Control Manager. This is an informational message only. No user action is required.
2026-11-25 10:00:00.12 Server      SQL Server is terminating in response to a 'stop' request from Service Control Manager. This is an informational message only. No user action is required.
`
	b, _ := os.ReadFile(path)
	if string(b) != want {
		t.Errorf("file:\n%s\nwant:\n%s", b, want)
	}
	if console.String() != want {
		t.Error("console copy differs from the file")
	}
}

func TestListenFailedLines(t *testing.T) {
	// A real EADDRINUSE from the kernel.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	_, err = net.Listen("tcp", ln.Addr().String())
	if !errors.Is(err, syscall.EADDRINUSE) {
		t.Fatalf("expected EADDRINUSE, got %v", err)
	}
	ep, ok := listenFailure(err)
	if !ok || ep.Port != ln.Addr().(*net.TCPAddr).Port {
		t.Fatalf("listenFailure = %+v %v", ep, ok)
	}
	l, _, path := fixedLog(t, 6)
	l.ListenFailed(Endpoint{Protocol: ProtoTCP, Address: "0.0.0.0", Port: 1433}, err)
	want := `2026-11-25 10:00:00.12 Server      Error: 26024, Severity: 16, State: 1.
2026-11-25 10:00:00.12 Server      Server failed to listen on 'any' <ipv4> 1433. Error: 0x2740. To proceed, notify your system administrator.
2026-11-25 10:00:00.12 Server      Error: 17182, Severity: 16, State: 1.
2026-11-25 10:00:00.12 Server      TDSSNIClient initialization failed with error 0x2740, status code 0xa. Reason: Unable to initialize the TCP/IP listener. Only one usage of each socket address (protocol/network address/port) is normally permitted. 
2026-11-25 10:00:00.12 Server      Error: 17182, Severity: 16, State: 1.
2026-11-25 10:00:00.12 Server      TDSSNIClient initialization failed with error 0x2740, status code 0x1. Reason: Initialization failed with an infrastructure error. Check for previous errors. Only one usage of each socket address (protocol/network address/port) is normally permitted. 
2026-11-25 10:00:00.12 Server      Error: 17826, Severity: 18, State: 3.
2026-11-25 10:00:00.12 Server      Could not start the network library because of an internal error in the network library. To determine the cause, review the errors immediately preceding this one in the error log.
2026-11-25 10:00:00.12 Server      Error: 17120, Severity: 16, State: 1.
2026-11-25 10:00:00.12 Server      SQL Server could not spawn FRunCommunicationsManager thread. Check the SQL Server error log and the operating system error log for information about possible related problems.
`
	b, _ := os.ReadFile(path)
	if string(b) != want {
		t.Errorf("file:\n%s\nwant:\n%s", b, want)
	}
}

func TestErrorLogRotation(t *testing.T) {
	l, _, path := fixedLog(t, 6)
	l.SetHeader(func(l *ErrorLog) { l.Log(SourceServer, "banner") })
	for i := 0; i < 9; i++ {
		l.Logf(SourceServer, "entry %d", i)
		if err := l.Cycle(); err != nil {
			t.Fatal(err)
		}
	}
	l.Log(SourceServer, "current")
	logs, _ := ListErrorLogs(path)
	if len(logs) != 7 || logs[6].Archive != 6 {
		t.Fatalf("archives = %+v, want current + 6", logs)
	}
	if _, err := os.Stat(ArchivePath(path, 7)); err == nil {
		t.Fatal("errorlog.7 kept")
	}
	// errorlog.1 is the latest archive: entry 8 then the cycling message.
	rows, err := ReadErrorLog(path, 1, "", "")
	if err != nil {
		t.Fatal(err)
	}
	last := rows[len(rows)-1]
	if last.Text != MsgCycling || rows[len(rows)-2].Text != "entry 8" {
		t.Errorf("errorlog.1 ends with %+v", rows[len(rows)-2:])
	}
	cur, _ := ReadErrorLog(path, 0, "", "")
	if len(cur) != 3 || cur[0].Text != "banner" || cur[1].Text != MsgReinitialized || cur[2].Text != "current" {
		t.Errorf("current log = %+v", cur)
	}
	six, _ := ReadErrorLog(path, 6, "entry", "")
	if len(six) != 1 || six[0].Text != "entry 3" {
		t.Errorf("errorlog.6 = %+v", six)
	}
}

func TestErrorLogReader(t *testing.T) {
	text := "2026-11-25 10:00:00.12 Server      Microsoft SQL Server 2022 (RTM) - 16.0.4000.0 (X64) \n\tNov 25 2026 \n\tDeveloper Edition (64-bit) on Linux <X64>\r\n" +
		"2026-11-25 10:00:00.13 Server      Server is listening on [ 'any' <ipv4> 1433].\n" +
		"2026-11-25 10:00:01.50 Logon       Error: 18456, Severity: 14, State: 8.\n" +
		"2026-11-25 10:00:01.50 Logon       Login failed for user 'sa'. Reason: Password did not match that for the login provided. [CLIENT: 10.0.0.1]\n" +
		"2026-11-25 10:00:02.00 spid51      Using 'dbghelp.dll' version '4.0.5'\n"
	rows := ParseLog(text)
	if len(rows) != 5 {
		t.Fatalf("%d rows: %+v", len(rows), rows)
	}
	if rows[0].ProcessInfo != "Server" || !strings.HasSuffix(rows[0].Text, "\n\tDeveloper Edition (64-bit) on Linux <X64>") {
		t.Errorf("banner row %+v", rows[0])
	}
	if rows[2].LogDate != time.Date(2026, 11, 25, 10, 0, 1, 500_000_000, time.Local) || rows[4].ProcessInfo != "spid51" {
		t.Errorf("rows %+v", rows)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "errorlog")
	// Real SQL Server logs are UTF-16LE with a BOM.
	u := []byte{0xFF, 0xFE}
	for _, r := range text {
		u = append(u, byte(r), 0)
	}
	os.WriteFile(path, u, 0o644)
	got, err := ReadErrorLog(path, 0, "LOGIN FAILED", "10.0.0.1")
	if err != nil || len(got) != 1 || got[0].ProcessInfo != "Logon" {
		t.Fatalf("search = %+v %v", got, err)
	}
	if _, err := ReadErrorLog(path, 3, "", ""); err == nil {
		t.Error("missing archive read without error")
	}
}

func TestFollow(t *testing.T) {
	old := FollowInterval
	FollowInterval = 10 * time.Millisecond
	defer func() { FollowInterval = old }()
	l, _, path := fixedLog(t, 6)
	l.Log(SourceServer, "one")
	l.Log(SourceServer, "two")
	var mu sync.Mutex
	var got []string
	seen := func(n int) bool {
		mu.Lock()
		defer mu.Unlock()
		return len(got) >= n
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() {
		done <- Follow(ctx, path, 1, func(line string) {
			mu.Lock()
			got = append(got, line)
			mu.Unlock()
		})
	}()
	wait := func(n int) {
		for i := 0; i < 500 && !seen(n); i++ {
			time.Sleep(5 * time.Millisecond)
		}
	}
	wait(1)
	l.Log(SourceServer, "three")
	wait(2)
	l.Cycle() // "cycling" in the old file, then the new file
	l.Log(SourceServer, "four")
	wait(5)
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	var texts []string
	for _, line := range got {
		r, _ := ParseLine(line)
		texts = append(texts, r.Text)
	}
	want := []string{"two", "three", MsgCycling, MsgReinitialized, "four"}
	if fmt.Sprint(texts) != fmt.Sprint(want) {
		t.Errorf("followed %q\nwant %q", texts, want)
	}
}

func TestFilterRows(t *testing.T) {
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.Local)
	rows := []LogRow{{LogDate: base, Text: "a"}, {LogDate: base.Add(time.Hour), Text: "b"}, {LogDate: base.Add(2 * time.Hour), Text: "c"}}
	got := FilterRows(rows, base.Add(time.Minute), time.Time{}, true)
	if len(got) != 2 || got[0].Text != "c" || got[1].Text != "b" {
		t.Errorf("%+v", got)
	}
	if got := FilterRows(rows, time.Time{}, base.Add(time.Hour), false); len(got) != 2 || got[1].Text != "b" {
		t.Errorf("%+v", got)
	}
}
