package scenario

import (
	"strings"
	"testing"
)

// Row 9: sqlserver.userconnections 2 → the third client gets 17809 and the
// log records it with the client's address.
func TestUserConnectionsLimit(t *testing.T) {
	t.Parallel()
	in := newInstance(t, "")
	in.set("sqlserver.userconnections", "2")
	in.start()
	d := dsn("127.0.0.1", in.port)
	mustLogin(t, d, nil)
	mustLogin(t, d, nil)
	e := sqlError(t, loginErr(t, d, nil))
	const text = "Could not connect because the maximum number of '2' user connections has already been reached. The system administrator can use sp_configure to increase the maximum value. The connection has been closed."
	if e.Number != 17809 || !strings.Contains(e.Message, text) {
		t.Fatalf("third login: %d %q; want 17809 %q", e.Number, e.Message, text)
	}
	in.wantLog("Error: 17809, Severity: 20,", text+" [CLIENT: 127.0.0.1]")
}
