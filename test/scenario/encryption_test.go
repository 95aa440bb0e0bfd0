package scenario

import (
	"strings"
	"testing"

	"github.com/tsqld/tsqld/service"
)

// Row 10: network.forceencryption 1 → a client that will not encrypt is
// refused and the log has 17835; an encrypting client gets in.
func TestForceEncryption(t *testing.T) {
	t.Parallel()
	in := newInstance(t, "")
	in.set("network.forceencryption", "1")
	in.start()
	err := loginErr(t, dsn("127.0.0.1", in.port), nil)
	// The server answers PRELOGIN with ENCRYPT_REQ and closes: the client
	// finds the connection gone where it expected the TLS handshake
	// (SQL Server clients report 10054 / 233 here).
	// EOF, or a reset when the client's hello was still unread (10054).
	if !strings.Contains(err.Error(), "TLS Handshake failed") ||
		!strings.Contains(err.Error(), "EOF") && !strings.Contains(err.Error(), "connection reset by peer") {
		t.Errorf("unencrypted login error = %v; want the connection closed before TLS", err)
	}
	in.wantLog("Error: 17835, Severity: 20, State: 1.", service.MsgEncryptionRequired+" [CLIENT: 127.0.0.1]")
	c := mustLogin(t, dsn("127.0.0.1", in.port, "encrypt", "true", "trustservercertificate", "true"), nil)
	if got := scalar(t, c, "SELECT CAST(1 AS varchar(10))"); got != "1" {
		t.Errorf("SELECT 1 over TLS = %q", got)
	}
	in.wantLog(service.MsgSelfSignedCert)
}
