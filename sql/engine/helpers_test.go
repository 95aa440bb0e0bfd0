package engine

import (
	"context"
	"testing"

	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/storage"
	"github.com/tsqld/tsqld/storage/mem"
	"github.com/tsqld/tsqld/storage/pebble"
)

// backend opens a named storage backend for tests.
type backend struct {
	name string
	open func(t testing.TB, dir string) storage.Engine
}

var backends = []backend{
	{"mem", func(t testing.TB, dir string) storage.Engine { return mem.Open() }},
	{"pebble", func(t testing.TB, dir string) storage.Engine {
		db, err := pebble.Open(dir, nil)
		if err != nil {
			t.Fatal(err)
		}
		return db
	}},
}

func openEngine(t testing.TB, st storage.Engine) *Engine {
	t.Helper()
	e, err := Open(context.Background(), Config{Storage: st, SAPassword: "Secret123!", ServerName: "testsrv"})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func newSession(t testing.TB, e *Engine) Session {
	t.Helper()
	li, merr := e.Authenticate("sa", "Secret123!")
	if merr != nil {
		t.Fatal(merr)
	}
	s, merr := e.NewSession(SessionConfig{SPID: 51, Login: li, ODBCDefaults: true})
	if merr != nil {
		t.Fatal(merr)
	}
	return s
}

// run executes a batch and returns the collected output.
func run(t testing.TB, s Session, sql string) *result.Collector {
	t.Helper()
	c := &result.Collector{}
	if err := s.ExecBatch(context.Background(), sql, c); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	return c
}

// forEachBackend runs f against a fresh engine on every backend.
func forEachBackend(t *testing.T, f func(t *testing.T, e *Engine)) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			e := openEngine(t, b.open(t, t.TempDir()))
			t.Cleanup(func() { e.Close() }) // after the sessions' cleanups
			f(t, e)
		})
	}
}

// sessionAs opens an sa session with the given SPID (tests that need
// several sessions); it is closed when the test ends.
func sessionAs(t testing.TB, e *Engine, spid int16) Session {
	t.Helper()
	li, merr := e.Authenticate("sa", "Secret123!")
	if merr != nil {
		t.Fatal(merr)
	}
	s, merr := e.NewSession(SessionConfig{SPID: spid, Login: li, ODBCDefaults: true})
	if merr != nil {
		t.Fatal(merr)
	}
	t.Cleanup(func() { s.Close() })
	return s
}
