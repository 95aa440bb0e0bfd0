package scenario

import (
	"testing"

	"github.com/tsqld/tsqld/service"
)

// Row 1: a stopped instance refuses TCP (the client's 10061), and the
// error log ends with the stop request.
func TestStoppedRefused(t *testing.T) {
	t.Parallel()
	in := newInstance(t, "")
	in.start()
	c := mustLogin(t, dsn("127.0.0.1", in.port), nil)
	if got := scalar(t, c, "SELECT CAST(1 AS varchar(10))"); got != "1" {
		t.Fatalf("SELECT 1 = %q", got)
	}
	c.Close()
	in.stop()
	if st := in.status(); st.State != service.Stopped {
		t.Fatalf("state after stop = %s", st.State)
	}
	wantRefused(t, loginErr(t, dsn("127.0.0.1", in.port), nil))
	in.wantLog(service.MsgReady, service.MsgStopping)
}
