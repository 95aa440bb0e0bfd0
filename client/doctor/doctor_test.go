package doctor

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tsqld/tsqld/browser"
	"github.com/tsqld/tsqld/service"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/tds"
)

// fakeServer is a TDS listener built from the codec: it answers PRELOGIN
// without encryption and refuses every LOGIN7 with the given errors
// (number, state, class, text).
type fakeError struct {
	number int32
	class  uint8
	text   string
}

func fakeServer(t *testing.T, errs ...fakeError) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func(c net.Conn) {
				defer c.Close()
				c.SetDeadline(time.Now().Add(10 * time.Second))
				r := tds.NewMessageReader(c, 0)
				w := tds.NewMessageWriter(c, 4096)
				if _, err := r.ReadMessage(); err != nil {
					return
				}
				pl := tds.ServerPrelogin(tds.ProductVersion{Major: 16, Build: 4000}, tds.EncryptNotSup)
				w.WriteMessage(tds.PacketReply, pl.Encode(nil))
				m, err := r.ReadMessage()
				if err != nil || m.Type != tds.PacketLogin7 {
					return
				}
				var payload []byte
				for _, e := range errs {
					payload = tds.AppendServerMessage(payload, tds.Version74, tds.TokenError, e.number, 1, e.class, e.text, "FAKESRV", "", 1)
				}
				payload = tds.AppendDone(payload, tds.Version74, tds.TokenDone, tds.DoneError, 0, 0)
				w.WriteMessage(tds.PacketReply, payload)
			}(c)
		}
	}()
	return ln.Addr().(*net.TCPAddr).Port
}

// closedPort returns a loopback port nobody listens on.
func closedPort(t *testing.T) int {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	return p
}

func diagnose(t *testing.T, o Options) *Report {
	t.Helper()
	if o.Home == "" {
		o.Home = t.TempDir()
	}
	o.Timeout = 3 * time.Second
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	return Diagnose(ctx, o)
}

func causeIDs(r *Report) []string {
	var ids []string
	if r.Failure != nil {
		for _, c := range r.Failure.Causes {
			ids = append(ids, c.ID)
		}
	}
	return ids
}

func TestRefused(t *testing.T) {
	port := closedPort(t)
	r := diagnose(t, Options{Target: "127.0.0.1," + strconv.Itoa(port), User: "sa"})
	if r.FailedLayer() != LayerTCP || r.Failure.Number != 10061 || r.ExitCode() != 1 {
		t.Fatalf("failed layer %q number %v", r.FailedLayer(), r.Failure)
	}
	if !strings.Contains(r.Failure.ClientError, "(provider: TCP Provider, error: 0 - No connection could be made because the target machine actively refused it.)") {
		t.Errorf("client error %q", r.Failure.ClientError)
	}
	if got := causeIDs(r); len(got) == 0 || got[0] != "refused" {
		t.Errorf("causes %v", got)
	}
	for _, name := range []string{LayerPrelogin, LayerTLS, LayerLogin, LayerPostLogin} {
		if l := r.Layer(name); l == nil || l.Status != Skipped {
			t.Errorf("layer %s: %+v", name, l)
		}
	}
}

// A stopped tsqld instance configured on the refused port: the cause is
// that it is stopped and the fix is tsqld start.
func TestRefusedLocalStoppedInstance(t *testing.T) {
	port := closedPort(t)
	home := t.TempDir()
	dir := filepath.Join(home, "MSSQLSERVER")
	os.MkdirAll(dir, 0o700)
	os.WriteFile(filepath.Join(dir, "mssql.conf"), []byte("[network]\ntcpport = "+strconv.Itoa(port)+"\n"), 0o600)
	for _, lang := range []msgs.Lang{msgs.English, msgs.French} {
		r := diagnose(t, Options{Target: "127.0.0.1," + strconv.Itoa(port), User: "sa", Home: home, Lang: lang})
		if r.Local == nil || r.Local.Instance != "MSSQLSERVER" || r.Local.State != "STOPPED" {
			t.Fatalf("local instance %+v", r.Local)
		}
		if got := causeIDs(r); len(got) != 1 || got[0] != "stopped" {
			t.Fatalf("causes %v", got)
		}
		c := r.Failure.Causes[0]
		if c.Fix != "tsqld start" {
			t.Errorf("fix %q", c.Fix)
		}
		want := "The tsqld instance MSSQLSERVER is stopped"
		if lang == msgs.French {
			want = "L'instance tsqld MSSQLSERVER est arrêtée"
			if !strings.Contains(r.Failure.ClientError, "Aucune connexion n") {
				t.Errorf("FR client error %q", r.Failure.ClientError)
			}
		}
		if !strings.HasPrefix(c.Text, want) {
			t.Errorf("cause %q, want prefix %q", c.Text, want)
		}
	}
}

func TestLoginFailures(t *testing.T) {
	tests := []struct {
		name   string
		errs   []fakeError
		number int32
		cause  string
		fixFR  string
	}{
		{"18456", []fakeError{{18456, 14, "Login failed for user 'bob'."}}, 18456, "login-failed", "sp_readerrorlog"},
		{"4060", []fakeError{{4060, 11, `Cannot open database "nodb" requested by the login. The login failed.`}, {18456, 14, "Login failed for user 'bob'."}}, 4060, "database", "CREATE USER [bob] FOR LOGIN [bob]"},
		{"17142", []fakeError{{17142, 14, "SQL Server service has been paused. No new connections will be allowed. To resume the service, use SQL Computer Manager or the Services application in Control Panel."}}, 17142, "paused", "net continue"},
		{"17809", []fakeError{{17809, 20, "Could not connect because the maximum number of '1' user connections has already been reached. The system administrator can use sp_configure to increase the maximum value. The connection has been closed."}}, 17809, "connection-limit", "sp_configure"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			port := fakeServer(t, tc.errs...)
			for _, lang := range []msgs.Lang{msgs.English, msgs.French} {
				r := diagnose(t, Options{Target: "127.0.0.1," + strconv.Itoa(port), User: "bob", Password: "x", Database: "nodb", Lang: lang, NoLocal: true})
				if r.FailedLayer() != LayerLogin || r.Failure.Number != tc.number || r.Success {
					t.Fatalf("failed layer %q failure %+v", r.FailedLayer(), r.Failure)
				}
				for _, name := range []string{LayerTCP, LayerPrelogin} {
					if l := r.Layer(name); l.Status != OK {
						t.Errorf("layer %s: %+v", name, l)
					}
				}
				if l := r.Layer(LayerTLS); l.Status != Skipped {
					t.Errorf("tls: %+v", l)
				}
				if got := causeIDs(r); len(got) == 0 || got[0] != tc.cause {
					t.Fatalf("causes %v, want %s first", got, tc.cause)
				}
				wantHead := "Msg " + strconv.Itoa(int(tc.number)) + ", Level "
				if !strings.HasPrefix(r.Failure.ClientError, wantHead) {
					t.Errorf("client error %q", r.Failure.ClientError)
				}
				if lang == msgs.French && !strings.Contains(r.Failure.Causes[0].Fix, tc.fixFR) {
					t.Errorf("FR fix %q lacks %q", r.Failure.Causes[0].Fix, tc.fixFR)
				}
				var sb strings.Builder
				r.WriteText(&sb)
				if lang == msgs.French && !strings.Contains(sb.String(), "Causes les plus probables :") {
					t.Errorf("FR text:\n%s", sb.String())
				}
				if lang == msgs.English && !strings.Contains(sb.String(), "✗ login") {
					t.Errorf("text:\n%s", sb.String())
				}
			}
		})
	}
}

// The local error log gives the real 18456 state and reason.
func TestLoginFailureReadsLocalErrorLog(t *testing.T) {
	port := fakeServer(t, fakeError{18456, 14, "Login failed for user 'bob'."})
	home := t.TempDir()
	dir := filepath.Join(home, "MSSQLSERVER")
	os.MkdirAll(filepath.Join(dir, "log"), 0o700)
	os.WriteFile(filepath.Join(dir, "mssql.conf"), []byte("[network]\ntcpport = "+strconv.Itoa(port)+"\n"), 0o600)
	paths, _, err := service.ResolvePaths(home, "MSSQLSERVER")
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Dir(paths.ErrorLog), 0o700)
	now := time.Now()
	log := service.FormatLine(now, service.SourceLogon, "Error: 18456, Severity: 14, State: 8.") +
		service.FormatLine(now, service.SourceLogon, "Login failed for user 'bob'. Reason: Password did not match that for the login provided. [CLIENT: 127.0.0.1]")
	if err := os.WriteFile(paths.ErrorLog, []byte(log), 0o600); err != nil {
		t.Fatal(err)
	}
	r := diagnose(t, Options{Target: "127.0.0.1," + strconv.Itoa(port), User: "bob", Password: "x", Home: home})
	if r.Local == nil || r.Local.LoginState != 8 {
		t.Fatalf("local %+v", r.Local)
	}
	if got := causeIDs(r); len(got) < 1 || got[0] != "login-password" {
		t.Fatalf("causes %v", got)
	}
	if !strings.Contains(r.Failure.Causes[0].Text, "Password did not match that for the login provided.") {
		t.Errorf("cause %q", r.Failure.Causes[0].Text)
	}
}

func TestBrowserSilent(t *testing.T) {
	udp, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer udp.Close() // bound but never answers: the Browser is "not running"
	bc := &browser.Client{Port: udp.LocalAddr().(*net.UDPAddr).Port, Timeout: 300 * time.Millisecond}
	for _, lang := range []msgs.Lang{msgs.English, msgs.French} {
		r := diagnose(t, Options{Target: `127.0.0.1\NOPE`, User: "sa", Browser: bc, Lang: lang, NoLocal: true})
		if r.FailedLayer() != LayerBrowser || r.Failure.Number != -1 {
			t.Fatalf("failed layer %q failure %+v", r.FailedLayer(), r.Failure)
		}
		want := "(provider: SQL Network Interfaces, error: 26 - Error Locating Server/Instance Specified)"
		if lang == msgs.French {
			want = "(provider: Interfaces réseau SQL, error: 26 - Erreur lors de la localisation de Server/Instance spécifié)"
		}
		if !strings.Contains(r.Failure.ClientError, want) {
			t.Errorf("client error %q", r.Failure.ClientError)
		}
		if got := causeIDs(r); len(got) != 1 || got[0] != "browser-silent" {
			t.Errorf("causes %v", got)
		}
	}
}

func TestBadName(t *testing.T) {
	r := diagnose(t, Options{Target: "tcp:host,notaport"})
	if r.FailedLayer() != LayerParse || causeIDs(r)[0] != "bad-name" {
		t.Fatalf("report %+v", r)
	}
}

func TestJSON(t *testing.T) {
	r := diagnose(t, Options{Target: "127.0.0.1," + strconv.Itoa(closedPort(t))})
	js := string(r.JSON())
	for _, want := range []string{`"layer": "tcp"`, `"status": "failed"`, `"number": 10061`, `"login_succeeded": false`} {
		if !strings.Contains(js, want) {
			t.Errorf("JSON lacks %s:\n%s", want, js)
		}
	}
}

// fakeBrowser answers every SSRP request with the given records.
func fakeBrowser(t *testing.T, recs ...browser.Record) *browser.Client {
	t.Helper()
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pc.Close() })
	var data []byte
	for _, r := range recs {
		data = browser.AppendRecord(data, r)
	}
	resp, err := browser.EncodeResponse(nil, data)
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		buf := make([]byte, 2048)
		for {
			n, addr, err := pc.ReadFrom(buf)
			if err != nil {
				return
			}
			if n > 0 && (buf[0] == browser.ClntUcastEx || buf[0] == browser.ClntUcastInst) {
				pc.WriteTo(resp, addr)
			}
		}
	}()
	return &browser.Client{Port: pc.LocalAddr().(*net.UDPAddr).Port, Timeout: 500 * time.Millisecond}
}

func TestBrowserAnswers(t *testing.T) {
	port := fakeServer(t, fakeError{18456, 14, "Login failed for user 'sa'."})
	bc := fakeBrowser(t,
		browser.Record{ServerName: "H", InstanceName: "OTHER", Version: "16.0.4000.0", TCPPort: 1},
		browser.Record{ServerName: "H", InstanceName: "NOTCP", Version: "16.0.4000.0"},
		browser.Record{ServerName: "H", InstanceName: "GOOD", Version: "16.0.4000.0", TCPPort: port},
	)
	r := diagnose(t, Options{Target: `127.0.0.1\MISSING`, User: "sa", Browser: bc, NoLocal: true})
	if r.FailedLayer() != LayerBrowser || causeIDs(r)[0] != "instance-unknown" ||
		!strings.Contains(r.Failure.Causes[0].Text, "OTHER") {
		t.Fatalf("missing instance: %q %+v", r.FailedLayer(), r.Failure)
	}
	r = diagnose(t, Options{Target: `127.0.0.1\notcp`, User: "sa", Browser: bc, NoLocal: true})
	if r.FailedLayer() != LayerBrowser || causeIDs(r)[0] != "no-tcp" ||
		!strings.Contains(r.Failure.ClientError, "error: 28 - Server doesn't support requested protocol") {
		t.Fatalf("no tcp: %q %+v", r.FailedLayer(), r.Failure)
	}
	r = diagnose(t, Options{Target: `127.0.0.1\good`, User: "sa", Browser: bc, NoLocal: true})
	if r.Layer(LayerBrowser).Status != OK || r.FailedLayer() != LayerLogin {
		t.Fatalf("good instance: %q %+v", r.FailedLayer(), r.Layers)
	}
}

// listener accepts connections and hands each to serve.
func listener(t *testing.T, serve func(net.Conn)) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go serve(c)
		}
	}()
	return ln.Addr().(*net.TCPAddr).Port
}

func TestPreloginFailures(t *testing.T) {
	silent := listener(t, func(c net.Conn) { time.Sleep(2 * time.Second); c.Close() })
	o := Options{Target: "127.0.0.1," + strconv.Itoa(silent), User: "sa", NoLocal: true, Home: t.TempDir(), Timeout: 300 * time.Millisecond}
	r := Diagnose(context.Background(), o)
	if r.FailedLayer() != LayerPrelogin || r.Failure.Number != -2 || causeIDs(r)[0] != "prelogin-timeout" ||
		!strings.Contains(r.Failure.ClientError, "pre-login handshake") {
		t.Fatalf("silent: %q %+v", r.FailedLayer(), r.Failure)
	}
	http := listener(t, func(c net.Conn) {
		buf := make([]byte, 512)
		c.Read(buf)
		c.Write([]byte("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"))
		c.Close()
	})
	o.Target = "127.0.0.1," + strconv.Itoa(http)
	r = Diagnose(context.Background(), o)
	if r.FailedLayer() != LayerPrelogin || causeIDs(r)[0] != "not-sql" || r.Failure.Number != 10054 {
		t.Fatalf("http: %q %+v", r.FailedLayer(), r.Failure)
	}
	closer := listener(t, func(c net.Conn) { c.Close() })
	o.Target = "127.0.0.1," + strconv.Itoa(closer)
	r = Diagnose(context.Background(), o)
	if r.FailedLayer() != LayerPrelogin || causeIDs(r)[0] != "not-sql" ||
		!strings.Contains(r.Failure.ClientError, "error occurred during the pre-login handshake") {
		t.Fatalf("closer: %q %+v", r.FailedLayer(), r.Failure)
	}
}

func TestCLI(t *testing.T) {
	var out, errOut strings.Builder
	port := closedPort(t)
	env := Env{Getenv: func(k string) string {
		if k == "LANG" {
			return "fr_FR.UTF-8"
		}
		return ""
	}, Home: t.TempDir()}
	code := RunEnv(context.Background(), []string{"127.0.0.1," + strconv.Itoa(port), "-U", "sa", "-N", "m"}, &out, &errOut, env)
	if code != 1 || !strings.Contains(out.String(), "✗ tcp") || !strings.Contains(out.String(), "Causes les plus probables :") {
		t.Fatalf("exit %d out:\n%s\nerr: %s", code, out.String(), errOut.String())
	}
	out.Reset()
	code = RunEnv(context.Background(), []string{"--json", "--lang", "en", "-S", "127.0.0.1," + strconv.Itoa(port)}, &out, &errOut, env)
	if code != 1 || !strings.Contains(out.String(), `"cause": "Nothing listens on 127.0.0.1 port`) {
		t.Fatalf("json exit %d:\n%s", code, out.String())
	}
	out.Reset()
	if code := RunEnv(context.Background(), []string{"--explain", "0x274D"}, &out, &errOut, env); code != 0 || !strings.HasPrefix(out.String(), "10061 (WSAECONNREFUSED)") {
		t.Fatalf("explain %d %q", code, out.String())
	}
	if code := RunEnv(context.Background(), []string{"-N", "bogus", "x"}, &out, &errOut, env); code != 2 {
		t.Fatalf("bad -N: %d", code)
	}
}
