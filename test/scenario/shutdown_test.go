package scenario

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	mssql "github.com/microsoft/go-mssqldb"
	"github.com/tsqld/tsqld/service"
)

type batchResult struct {
	val string
	err error
	at  time.Time
}

// runBatch runs q on its own session and reports when it finished.
func runBatch(t *testing.T, in *instance, q string) <-chan batchResult {
	c := mustLogin(t, dsn("127.0.0.1", in.port), nil)
	ch := make(chan batchResult, 1)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		defer cancel()
		var r batchResult
		r.err = func() error {
			rows, err := c.QueryContext(ctx, q)
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
				if err := rows.Scan(&r.val); err != nil {
					return err
				}
			}
			return rows.Err()
		}()
		r.at = time.Now()
		ch <- r
	}()
	return ch
}

// Row 12: `tsqld stop` lets a running WAITFOR finish (the client gets its
// result and the stop takes at least the remaining time); `tsqld stop
// --nowait` cancels it at once (the client sees its connection end);
// committed rows survive both (durable storage in the data directory).
func TestStopWaitsAndNowait(t *testing.T) {
	t.Parallel()
	in := newInstance(t, "")
	in.start()
	c := mustLogin(t, dsn("127.0.0.1", in.port), nil)
	ctx := context.Background()
	if _, err := c.ExecContext(ctx, "CREATE TABLE dbo.kept (id int PRIMARY KEY, v varchar(20)); INSERT dbo.kept VALUES (1, 'one'), (2, 'two'), (3, 'three')"); err != nil {
		t.Fatal(err)
	}
	c.Close()
	count := func() string {
		t.Helper()
		c := mustLogin(t, dsn("127.0.0.1", in.port), nil)
		defer c.Close()
		return scalar(t, c, "SELECT CAST(COUNT(*) AS varchar(10)) + ':' + MAX(v) FROM dbo.kept")
	}

	// Graceful stop: the 3-second batch completes first; meanwhile new
	// logins get 17188 and an idle session's next request ends it.
	const delay = 3 * time.Second
	idle := mustLogin(t, dsn("127.0.0.1", in.port), nil)
	began := time.Now()
	res := runBatch(t, in, "WAITFOR DELAY '00:00:03'; SELECT CAST(42 AS varchar(10))")
	time.Sleep(500 * time.Millisecond)
	stopAt := time.Now()
	stopped := make(chan error, 1)
	go func() {
		out, err := in.tsqld("stop")
		if err != nil {
			err = fmt.Errorf("%v: %s", err, out)
		}
		stopped <- err
	}()
	var refused mssql.Error
	waitFor(t, "logins to be refused with 17188 while stopping", func() bool {
		_, err := login(t, dsn("127.0.0.1", in.port), nil)
		return errors.As(err, &refused) && refused.Number == 17188
	})
	if !strings.Contains(refused.Message, "SQL Server cannot accept new connections, because it is shutting down. The connection has been closed.") {
		t.Errorf("17188 text = %q", refused.Message)
	}
	if _, err := idle.ExecContext(ctx, "SELECT 1"); err == nil {
		t.Error("an idle session started a new request during the graceful stop")
	}
	if err := <-stopped; err != nil {
		t.Fatalf("tsqld stop: %v", err)
	}
	stopTook := time.Since(stopAt)
	r := <-res
	if r.err != nil || r.val != "42" {
		t.Fatalf("batch during graceful stop: %q, %v; want its result", r.val, r.err)
	}
	if remaining := delay - stopAt.Sub(began); stopTook < remaining-200*time.Millisecond {
		t.Fatalf("stop took %v; the batch still had %v to run", stopTook, remaining)
	}
	if r.at.After(stopAt.Add(stopTook)) {
		t.Fatalf("the batch finished after stop returned")
	}
	wantRefused(t, loginErr(t, dsn("127.0.0.1", in.port), nil))
	in.wantLog("Error: 17188, Severity: 16, State: 1.",
		"SQL Server cannot accept new connections, because it is shutting down. The connection has been closed. [CLIENT: 127.0.0.1]")

	in.start()
	if got := count(); got != "3:two" {
		t.Fatalf("rows after graceful stop and start = %s; want 3:two", got)
	}
	if log := in.archivedLog(1); !contains(log, service.MsgStopping) {
		t.Fatalf("previous log lacks the stop line:\n%s", log)
	}

	// NOWAIT: the 30-second batch is cancelled, the client sees the end.
	res = runBatch(t, in, "WAITFOR DELAY '00:00:30'; SELECT CAST(42 AS varchar(10))")
	time.Sleep(300 * time.Millisecond)
	stopAt = time.Now()
	in.mustTsqld("stop", "--nowait")
	if took := time.Since(stopAt); took > 5*time.Second {
		t.Fatalf("stop --nowait took %v", took)
	}
	select {
	case r := <-res:
		if r.err == nil || !strings.Contains(r.err.Error(), "EOF") && !strings.Contains(r.err.Error(), "reset") {
			t.Fatalf("batch during stop --nowait: %q, %v; want the connection to end (EOF/reset)", r.val, r.err)
		}
		t.Logf("client error after stop --nowait: %v", r.err)
	case <-time.After(5 * time.Second):
		t.Fatal("client still waiting 5 s after stop --nowait")
	}

	in.start()
	if got := count(); got != "3:two" {
		t.Fatalf("rows after stop --nowait and start = %s; want 3:two", got)
	}
}
