package engine

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/storage/mem"
)

// WAITFOR must end as soon as the request is cancelled (attention).
func TestWaitForCancellable(t *testing.T) {
	e := openEngine(t, mem.Open())
	defer e.Close()
	s := newSession(t, e)
	defer s.Close()
	for _, q := range []string{"WAITFOR DELAY '00:00:30'", "WAITFOR TIME '23:59:59.990'"} {
		ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
		start := time.Now()
		err := s.ExecBatch(ctx, q, &result.Collector{})
		cancel()
		if took := time.Since(start); took > 5*time.Second {
			t.Fatalf("%s: not cancelled (took %v)", q, took)
		}
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("%s: err = %v, want deadline exceeded", q, err)
		}
	}
}

// RAISERROR severity 20 WITH LOG by sysadmin reaches the writer as a
// severity-20 message (the server closes the connection on it).
func TestRaiserrorFatal(t *testing.T) {
	e := openEngine(t, mem.Open())
	defer e.Close()
	s := newSession(t, e)
	defer s.Close()
	c := &result.Collector{}
	if err := s.ExecBatch(context.Background(), "RAISERROR('fatal %d', 20, 1, 7) WITH LOG\nSELECT 1", c); err != nil {
		t.Fatal(err)
	}
	var sev uint8
	rows := 0
	for _, ev := range c.Events {
		if ev.Message != nil && ev.Message.Number == 50000 {
			sev = ev.Message.Severity
			if ev.Message.Text != "fatal 7" {
				t.Fatalf("text %q", ev.Message.Text)
			}
		}
		if ev.Row != nil {
			rows++
		}
	}
	if sev != 20 || rows != 0 {
		t.Fatalf("severity %d, rows after it %d; want 20 and 0", sev, rows)
	}
}

// RAISERROR … WITH LOG writes to the host's error log.
func TestRaiserrorWithLog(t *testing.T) {
	type entry struct {
		source          string
		num, sev, state int
		text            string
	}
	var got []entry
	e, err := Open(context.Background(), Config{Storage: mem.Open(), SAPassword: "Secret123!", ServerName: "testsrv",
		WriteErrorLog: func(source string, number, severity, state int, text string) {
			got = append(got, entry{source, number, severity, state, text})
		}})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	s := newSession(t, e)
	defer s.Close()
	if err := s.ExecBatch(context.Background(), "RAISERROR('logged %d', 16, 3, 5) WITH LOG\nRAISERROR('not logged', 16, 1)", &result.Collector{}); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0] != (entry{"spid51", 50000, 16, 3, "logged 5"}) {
		t.Fatalf("error log entries %+v", got)
	}
}
