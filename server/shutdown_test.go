package server

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	mssql "github.com/microsoft/go-mssqldb"
)

// While a graceful shutdown waits for running requests, new logins get
// 17188 (not a refused connection) and are logged; when the wait's
// context ends the running request is cancelled.
func TestShutdownRefusesLoginsWith17188(t *testing.T) {
	ts := startServer(t, nil)
	done := make(chan error, 1)
	db := openDB(t, ts.dsn("encrypt=disable"))
	go func() {
		_, err := db.Exec("waitfor delay '00:00:10'")
		done <- err
	}()
	waitRunning := time.Now().Add(5 * time.Second)
	for ts.running() == 0 {
		if time.Now().After(waitRunning) {
			t.Fatal("the batch never started")
		}
		time.Sleep(10 * time.Millisecond)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 1500*time.Millisecond)
	defer cancel()
	shut := make(chan error, 1)
	began := time.Now()
	go func() { shut <- ts.Shutdown(ctx) }()
	time.Sleep(100 * time.Millisecond)
	var me mssql.Error
	if _, err := dacLogin(t, ts.Port()); !errors.As(err, &me) || me.Number != 17188 {
		t.Fatalf("login during shutdown: %v; want 17188", err)
	}
	if log := ts.log.text(); !strings.Contains(log, "SQL Server cannot accept new connections, because it is shutting down.") {
		t.Fatalf("log lacks 17188:\n%s", log)
	}
	if err := <-shut; err != nil {
		t.Fatal(err)
	}
	if took := time.Since(began); took < 1400*time.Millisecond || took > 5*time.Second {
		t.Fatalf("Shutdown took %v; want the context's 1.5 s", took)
	}
	if err := <-done; err == nil {
		t.Fatal("the 10 s batch completed although the shutdown's context ended")
	}
}
