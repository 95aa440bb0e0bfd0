package doctor

import (
	"context"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tsqld/tsqld/client"
	"github.com/tsqld/tsqld/embed"
	"github.com/tsqld/tsqld/service"
)

func TestEndToEndEmbed(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a server")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	srv, err := embed.Start(ctx, embed.Config{ServerName: "DOCSRV", Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	host, port, _ := net.SplitHostPort(srv.Addr())
	target := host + "," + port

	r := diagnose(t, Options{Target: target, User: "sa", Password: srv.Password(), NoLocal: true})
	if !r.Success || r.ExitCode() != 0 || r.Failure != nil {
		var sb strings.Builder
		r.WriteText(&sb)
		t.Fatalf("login did not succeed:\n%s", sb.String())
	}
	if testing.Verbose() {
		var sb strings.Builder
		r.WriteText(&sb)
		t.Log("\n" + sb.String())
	}
	if l := r.Layer(LayerTLS); l.Status == Skipped || l.Status == Failed {
		t.Errorf("tls layer %+v (the server offers TLS)", l)
	}
	if r.Facts["spid"] == "" || r.Facts["prelogin_version"] == "" || r.Facts["tls_version"] == "" {
		t.Errorf("facts %v", r.Facts)
	}

	// Mandatory encryption against the self-signed certificate fails at
	// TLS, as ODBC 18 does; -C (trust) passes.
	r = diagnose(t, Options{Target: target, User: "sa", Password: srv.Password(), NoLocal: true, Encrypt: client.EncryptMandatory})
	if r.FailedLayer() != LayerTLS || r.Failure.Number != -2146893019 {
		t.Fatalf("mandatory: failed %q %+v", r.FailedLayer(), r.Failure)
	}
	r = diagnose(t, Options{Target: target, User: "sa", Password: srv.Password(), NoLocal: true, Encrypt: client.EncryptMandatory, TrustCert: true})
	if !r.Success {
		t.Fatalf("mandatory + trust: %+v", r.Failure)
	}

	// Strict (TDS 8): TLS before PRELOGIN; the self-signed certificate is
	// measured, then refused since strict always validates.
	r = diagnose(t, Options{Target: target, User: "sa", Password: srv.Password(), NoLocal: true, Encrypt: client.EncryptStrict, TrustCert: true})
	if r.Layer(LayerPrelogin).Status != OK || r.FailedLayer() != LayerTLS || r.Facts["tls_version"] == "" {
		var sb strings.Builder
		r.WriteText(&sb)
		t.Fatalf("strict:\n%s", sb.String())
	}

	r = diagnose(t, Options{Target: target, User: "sa", Password: "wrong", NoLocal: true})
	if r.FailedLayer() != LayerLogin || r.Failure.Number != 18456 ||
		!strings.Contains(r.Failure.ClientError, "Login failed for user 'sa'.") {
		t.Fatalf("wrong password: %q %+v", r.FailedLayer(), r.Failure)
	}
}

// lpc: (shared memory) reaches the instance's Unix socket.
func TestEndToEndLocalSocket(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a server")
	}
	home := t.TempDir()
	paths, _, err := service.ResolvePaths(home, service.DefaultInstance)
	if err != nil {
		t.Fatal(err)
	}
	if len(paths.LocalSocket) > 100 {
		t.Skip("socket path too long for this temp dir")
	}
	os.MkdirAll(filepath.Dir(paths.LocalSocket), 0o700)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	srv, err := embed.Start(ctx, embed.Config{ServerName: "SOCKSRV", UnixSocket: paths.LocalSocket, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	r := diagnose(t, Options{Target: "lpc:.", User: "sa", Password: srv.Password(), Home: home})
	if !r.Success {
		var sb strings.Builder
		r.WriteText(&sb)
		t.Fatalf("lpc: login failed:\n%s", sb.String())
	}
	srv.Close()
	r = diagnose(t, Options{Target: "lpc:.", User: "sa", Password: srv.Password(), Home: home})
	if r.FailedLayer() != LayerTCP || r.Failure.Number != 2 ||
		!strings.Contains(r.Failure.ClientError, "(provider: Shared Memory Provider, error: 40 - Could not open a connection to SQL Server)") {
		t.Fatalf("stopped socket: %q %+v", r.FailedLayer(), r.Failure)
	}
}
