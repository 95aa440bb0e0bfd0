package doctor

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tsqld/tsqld/service"
	"github.com/tsqld/tsqld/tds"
)

// tdsInstance is a service.Instance speaking just enough TDS: PRELOGIN
// without encryption, then LOGIN7 refused with 17142 while paused (and
// logged like SQL Server: 17142 + 18456 state 13), 18456 otherwise. With
// noTCP it opens no listener (TCP disabled).
type tdsInstance struct {
	noTCP  bool
	log    func() *service.ErrorLog
	mu     sync.Mutex
	ln     net.Listener
	paused atomic.Bool
}

func (f *tdsInstance) Start(ctx context.Context) error {
	if f.noTCP {
		return nil
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	f.mu.Lock()
	f.ln = ln
	f.mu.Unlock()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go f.serve(c)
		}
	}()
	return nil
}

func (f *tdsInstance) serve(c net.Conn) {
	defer c.Close()
	r := tds.NewMessageReader(c, 0)
	w := tds.NewMessageWriter(c, 4096)
	if _, err := r.ReadMessage(); err != nil {
		return
	}
	pl := tds.ServerPrelogin(tds.ProductVersion{Major: 16, Build: 4000}, tds.EncryptNotSup)
	w.WriteMessage(tds.PacketReply, pl.Encode(nil))
	m, err := r.ReadMessage()
	if err != nil {
		return
	}
	var l tds.Login7
	l.Decode(m.Payload)
	var p []byte
	if f.paused.Load() {
		// The lines the server writes for a login refused while paused.
		f.log().Error(service.SourceLogon, 17142, 14, 0, service.MsgServicePaused+" [CLIENT: "+clientIP(c)+"]")
		f.log().Error(service.SourceLogon, 18456, 14, 13, "Login failed for user '"+l.UserName+"'. Reason: SQL Server service is paused. No new connections can be accepted at this time. [CLIENT: "+clientIP(c)+"]")
		p = tds.AppendServerMessage(p, tds.Version74, tds.TokenError, 17142, 1, 14, service.MsgServicePaused, "LOCAL", "", 1)
	} else {
		f.log().Error(service.SourceLogon, 18456, 14, 8, "Login failed for user '"+l.UserName+"'. Reason: Password did not match that for the login provided. [CLIENT: "+clientIP(c)+"]")
		p = tds.AppendServerMessage(p, tds.Version74, tds.TokenError, 18456, 1, 14, "Login failed for user '"+l.UserName+"'.", "LOCAL", "", 1)
	}
	p = tds.AppendDone(p, tds.Version74, tds.TokenDone, tds.DoneError, 0, 0)
	w.WriteMessage(tds.PacketReply, p)
}

func (f *tdsInstance) Pause()    { f.paused.Store(true) }
func (f *tdsInstance) Continue() { f.paused.Store(false) }
func (f *tdsInstance) Stop(bool) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.ln != nil {
		f.ln.Close()
	}
	return nil
}
func (f *tdsInstance) Endpoints() []service.Endpoint {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.ln == nil {
		return nil
	}
	return []service.Endpoint{service.TCPEndpoint(service.ProtoTCP, f.ln.Addr())}
}
func (f *tdsInstance) Sessions() int { return 0 }

// runInstance serves inst as instance name of a fresh home until the test ends.
func runInstance(t *testing.T, name string, inst *tdsInstance) string {
	t.Helper()
	home := t.TempDir()
	svc, err := service.Open(service.Options{Home: home, Instance: name, ServerName: "LOCAL", Version: "16.0.4000.0",
		Getenv: func(k string) string {
			if k == "MSSQL_SA_PASSWORD" {
				return "Str0ng!Passw0rd"
			}
			return ""
		}})
	if err != nil {
		t.Fatal(err)
	}
	inst.log = svc.ErrorLog
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { svc.Run(ctx, inst); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if st, err := service.Status(home, name); err == nil && st.State == service.Running {
			return home
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatal("instance did not reach RUNNING")
	return ""
}

func TestLocalPausedInstance(t *testing.T) {
	inst := &tdsInstance{}
	home := runInstance(t, "MSSQLSERVER", inst)
	port := inst.Endpoints()[0].Port
	target := "127.0.0.1," + strconv.Itoa(port)

	r := diagnose(t, Options{Target: target, User: "bob", Password: "x", Home: home})
	if r.Local == nil || r.Local.State != "RUNNING" || r.Local.MatchedBy != "port" {
		t.Fatalf("local %+v", r.Local)
	}
	if got := causeIDs(r); len(got) == 0 || got[0] != "login-password" || r.Local.LoginState != 8 {
		t.Fatalf("running: causes %v, state %d", got, r.Local.LoginState)
	}

	if _, err := service.Pause(home, "MSSQLSERVER"); err != nil {
		t.Fatal(err)
	}
	r = diagnose(t, Options{Target: target, User: "bob", Password: "x", Home: home})
	if r.Local.State != "PAUSED" || r.Failure.Number != 17142 {
		t.Fatalf("paused: local %+v failure %+v", r.Local, r.Failure)
	}
	if got := causeIDs(r); got[0] != "paused-local" || r.Failure.Causes[0].Fix != "tsqld continue" {
		t.Fatalf("paused: causes %+v", r.Failure.Causes)
	}
}

func TestLocalTCPDisabled(t *testing.T) {
	inst := &tdsInstance{noTCP: true}
	home := runInstance(t, "SQLEXPRESS", inst)
	r := diagnose(t, Options{Target: `127.0.0.1\SQLEXPRESS,` + strconv.Itoa(closedPort(t)), User: "sa", Home: home})
	if r.Local == nil || r.Local.Instance != "SQLEXPRESS" || r.FailedLayer() != LayerTCP {
		t.Fatalf("local %+v failed %q", r.Local, r.FailedLayer())
	}
	if got := causeIDs(r); got[0] != "tcp-disabled" ||
		r.Failure.Causes[0].Fix != "tsqld config set --instance SQLEXPRESS network.tcpenabled true && tsqld restart --instance SQLEXPRESS" {
		t.Fatalf("causes %+v", r.Failure.Causes)
	}
}

func TestHostsEntry(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hosts")
	os.WriteFile(path, []byte("127.0.0.1 localhost\n# 10.0.0.9 sqlbox\n10.0.0.5  SqlBox sqlbox.corp # moved\n"), 0o644)
	if got := hostsEntry(path, "sqlbox"); got != "10.0.0.5 SqlBox sqlbox.corp" {
		t.Errorf("got %q", got)
	}
	if got := hostsEntry(path, "other"); got != "" {
		t.Errorf("got %q", got)
	}
}

// The engine listens on another port than mssql.conf says (a port change
// waiting for a restart): 10061 on the configured port, fix tsqld restart.
func TestLocalRestartPending(t *testing.T) {
	if c, err := net.DialTimeout("tcp", "127.0.0.1:1433", 200*time.Millisecond); err == nil {
		c.Close()
		t.Skip("something listens on 1433 here")
	}
	inst := &tdsInstance{}
	home := runInstance(t, "MSSQLSERVER", inst)
	r := diagnose(t, Options{Target: "127.0.0.1", User: "sa", Home: home})
	if r.Local == nil || r.Local.ConfiguredPort != 1433 || r.FailedLayer() != LayerTCP {
		t.Fatalf("local %+v failed %q", r.Local, r.FailedLayer())
	}
	if got := causeIDs(r); got[0] != "restart-pending" || !strings.HasPrefix(r.Failure.Causes[0].Fix, "tsqld restart\n") {
		t.Fatalf("causes %+v", r.Failure.Causes)
	}
}

// clientIP is the [CLIENT: …] address the server logs for c.
func clientIP(c net.Conn) string {
	h, _, _ := net.SplitHostPort(c.RemoteAddr().String())
	return h
}
