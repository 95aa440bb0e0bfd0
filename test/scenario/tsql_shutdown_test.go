package scenario

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/tsqld/tsqld/service"
)

// The T-SQL SHUTDOWN statement stops the instance through the service
// (state STOPPED, the stop logged, clients refused), and
// sp_readerrorlog reads that instance's error log.
func TestTSQLShutdownAndReadErrorLog(t *testing.T) {
	t.Parallel()
	in := newInstance(t, "")
	in.start()
	c := mustLogin(t, dsn("127.0.0.1", in.port), nil)
	ctx := context.Background()
	rows, err := c.QueryContext(ctx, "EXEC sp_readerrorlog 0, 1, 'ready for client'")
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for rows.Next() {
		var when time.Time
		var proc, text string
		if err := rows.Scan(&when, &proc, &text); err != nil {
			t.Fatal(err)
		}
		found = found || strings.Contains(text, "SQL Server is now ready for client connections")
	}
	rows.Close()
	if !found {
		t.Error("sp_readerrorlog did not return the ready line")
	}
	c.ExecContext(ctx, "SHUTDOWN WITH NOWAIT") // the connection ends with the server
	deadline := time.Now().Add(10 * time.Second)
	for in.status().State != service.Stopped {
		if time.Now().After(deadline) {
			t.Fatalf("state after SHUTDOWN = %s", in.status().State)
		}
		time.Sleep(50 * time.Millisecond)
	}
	wantRefused(t, loginErr(t, dsn("127.0.0.1", in.port), nil))
	in.wantLog(service.MsgReady)
}
