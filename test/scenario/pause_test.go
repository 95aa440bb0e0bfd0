package scenario

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/tsqld/tsqld/service"
)

// Row 4: paused → a new login gets 17142, the existing session keeps
// running queries, the log has 17144 then 17142 + 18456 state 13;
// continue → logins are accepted again (17146).
func TestPauseContinue(t *testing.T) {
	t.Parallel()
	in := newInstance(t, "")
	in.start()
	d := dsn("127.0.0.1", in.port)
	old := mustLogin(t, d, nil)

	out := in.mustTsqld("pause")
	if !strings.Contains(out, "PAUSED") {
		t.Fatalf("pause printed %q", out)
	}
	e := sqlError(t, loginErr(t, d, nil))
	if e.Number != 17142 || !strings.Contains(e.Message, "SQL Server service has been paused. No new connections will be allowed.") {
		t.Fatalf("login while paused: %d %q; want 17142", e.Number, e.Message)
	}
	// The session opened before the pause goes on working, writes included.
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := old.ExecContext(ctx, "CREATE TABLE dbo.p (i int); INSERT dbo.p VALUES (1), (2)"); err != nil {
		t.Fatalf("existing session while paused: %v", err)
	}
	if got := scalar(t, old, "SELECT CAST(COUNT(*) AS varchar(10)) FROM dbo.p"); got != "2" {
		t.Fatalf("count = %s", got)
	}
	in.wantLog(service.MsgPaused,
		"Error: 17142, Severity: 14, State: 0.",
		"Error: 18456, Severity: 14, State: 13.",
		"Login failed for user 'sa'. Reason: SQL Server service is paused. No new connections can be accepted at this time. [CLIENT: 127.0.0.1]")

	in.mustTsqld("continue")
	mustLogin(t, d, nil).Close()
	in.wantLog(service.MsgContinued)
	if st := in.status(); st.State != service.Running {
		t.Fatalf("state after continue = %s", st.State)
	}
}
