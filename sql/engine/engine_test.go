package engine

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
	"github.com/tsqld/tsqld/storage/mem"
)

func TestAuthenticate(t *testing.T) {
	e := openEngine(t, mem.Open())
	defer e.Close()
	if _, m := e.Authenticate("SA", "Secret123!"); m != nil {
		t.Fatalf("sa (any case) should log in: %v", m)
	}
	cases := []struct {
		login, pw string
		state     uint8
	}{{"nobody", "x", 5}, {"sa", "wrong", 8}}
	for _, c := range cases {
		_, m := e.Authenticate(c.login, c.pw)
		if m == nil || m.Number != 18456 || m.State != c.state || m.Severity != 14 {
			t.Fatalf("%s/%s: got %+v, want 18456 state %d", c.login, c.pw, m, c.state)
		}
		if m.Text != "Login failed for user '"+c.login+"'." {
			t.Fatalf("text %q", m.Text)
		}
	}
	// A cached success must not let a different password in.
	if _, m := e.Authenticate("sa", "Secret123!x"); m == nil {
		t.Fatal("wrong password accepted after cached success")
	}
}

func TestAuthCacheIsFast(t *testing.T) {
	e := openEngine(t, mem.Open())
	defer e.Close()
	e.Authenticate("sa", "Secret123!")
	start := time.Now()
	for i := 0; i < 100; i++ {
		if _, m := e.Authenticate("sa", "Secret123!"); m != nil {
			t.Fatal(m)
		}
	}
	hit := time.Since(start) / 100
	start = time.Now()
	for i := 0; i < 5; i++ {
		e.Authenticate("sa", "nope")
	}
	miss := time.Since(start) / 5
	t.Logf("verified login %v, wrong password %v", hit, miss)
	if miss < 10*hit {
		t.Fatalf("wrong passwords should pay the full derivation cost (hit %v, miss %v)", hit, miss)
	}
}

func TestNewSessionUnknownDatabase(t *testing.T) {
	e := openEngine(t, mem.Open())
	defer e.Close()
	li, _ := e.Authenticate("sa", "Secret123!")
	_, m := e.NewSession(SessionConfig{SPID: 52, Login: li, Database: "nope"})
	if m == nil || m.Number != 4060 {
		t.Fatalf("want 4060, got %v", m)
	}
	if !strings.Contains(m.Text, `"nope"`) {
		t.Fatalf("text %q", m.Text)
	}
}

func nv(s string) Param {
	return Param{Type: sem.NVarChar(4000), Value: types.Value{K: types.KindString, S: s}}
}

func intParam(name string, n int64, out bool) Param {
	return Param{Name: name, Type: sem.IntType, Value: types.Value{K: types.KindInt, I: n}, Output: out}
}

func TestExecuteSQLAndPlanCache(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e *Engine) {
		s := newSession(t, e)
		run(t, s, "CREATE TABLE p (id int PRIMARY KEY, v nvarchar(20)); INSERT INTO p VALUES (1, N'one'), (2, N'two')")
		rpc := &RPC{ProcID: ProcExecuteSQL, Params: []Param{
			nv("SELECT v FROM p WHERE id = @p1; SET @o = @p1 * 10"),
			nv("@p1 int, @o int OUTPUT"),
			intParam("@p1", 2, false),
			intParam("@o", 0, true),
		}}
		h0, _ := e.srv.PlanCacheStats()
		for i := 0; i < 3; i++ {
			c := &result.Collector{}
			if err := s.ExecRPC(context.Background(), rpc, c); err != nil {
				t.Fatal(err)
			}
			rs := c.ResultSets()
			if len(rs) != 1 || len(rs[0].Rows) != 1 || rs[0].Rows[0][0].S != "two" {
				t.Fatalf("result: %s", c.String())
			}
			if !rs[0].Done.InProc {
				t.Fatal("statement Done inside sp_executesql must be InProc")
			}
			var rv *result.ReturnValue
			for _, ev := range c.Events {
				if ev.ReturnValue != nil {
					rv = ev.ReturnValue
				}
			}
			if rv == nil || rv.Name != "@o" || rv.Value.I != 20 {
				t.Fatalf("output param: %s", c.String())
			}
		}
		h1, _ := e.srv.PlanCacheStats()
		if h1-h0 < 2 {
			t.Fatalf("plan cache hits %d, want >= 2", h1-h0)
		}
	})
}

func TestPrepareExecute(t *testing.T) {
	e := openEngine(t, mem.Open())
	defer e.Close()
	s := newSession(t, e)
	run(t, s, "CREATE TABLE q (id int PRIMARY KEY)")
	c := &result.Collector{}
	err := s.ExecRPC(context.Background(), &RPC{ProcID: ProcPrepare, Params: []Param{
		intParam("@handle", 0, true), nv("@a int"), nv("INSERT INTO q VALUES (@a)"),
	}}, c)
	if err != nil {
		t.Fatal(err)
	}
	var h int64
	for _, ev := range c.Events {
		if ev.ReturnValue != nil {
			h = ev.ReturnValue.Value.I
		}
	}
	if h == 0 {
		t.Fatalf("no handle: %s", c.String())
	}
	for i := int64(1); i <= 3; i++ {
		c := &result.Collector{}
		if err := s.ExecRPC(context.Background(), &RPC{ProcID: ProcExecute, Params: []Param{intParam("", h, false), intParam("", i, false)}}, c); err != nil {
			t.Fatal(err)
		}
		if len(c.Errors()) > 0 {
			t.Fatal(c.String())
		}
	}
	out := run(t, s, "SELECT COUNT(*) FROM q")
	if n := out.ResultSets()[0].Rows[0][0].I; n != 3 {
		t.Fatalf("rows %d", n)
	}
	c = &result.Collector{}
	s.ExecRPC(context.Background(), &RPC{ProcID: ProcUnprepare, Params: []Param{intParam("", h, false)}}, c)
	c = &result.Collector{}
	s.ExecRPC(context.Background(), &RPC{ProcID: ProcExecute, Params: []Param{intParam("", h, false), intParam("", 9, false)}}, c)
	if errs := c.Errors(); len(errs) != 1 || errs[0].Number != 8179 {
		t.Fatalf("execute after unprepare: %s", c.String())
	}
}

func TestProcedureRPC(t *testing.T) {
	e := openEngine(t, mem.Open())
	defer e.Close()
	s := newSession(t, e)
	run(t, s, "CREATE PROCEDURE addone @x int, @y int OUTPUT AS BEGIN SET @y = @x + 1; SELECT @x AS x; RETURN 3 END")
	c := &result.Collector{}
	if err := s.ExecRPC(context.Background(), &RPC{ProcName: "addone", Params: []Param{intParam("@x", 41, false), intParam("@y", 0, true)}}, c); err != nil {
		t.Fatal(err)
	}
	var status *int32
	var y int64
	for _, ev := range c.Events {
		if ev.ReturnStatus != nil {
			status = ev.ReturnStatus
		}
		if ev.ReturnValue != nil {
			y = ev.ReturnValue.Value.I
		}
	}
	if status == nil || *status != 3 || y != 42 {
		t.Fatalf("status/out: %s", c.String())
	}
	c = &result.Collector{}
	s.ExecRPC(context.Background(), &RPC{ProcName: "nosuchproc"}, c)
	if errs := c.Errors(); len(errs) != 1 || errs[0].Number != 2812 {
		t.Fatalf("unknown proc: %s", c.String())
	}
}

func TestTransactionManagerAndReset(t *testing.T) {
	e := openEngine(t, mem.Open())
	defer e.Close()
	s := newSession(t, e)
	run(t, s, "CREATE TABLE r (id int)")
	c := &result.Collector{}
	if err := s.ExecTM(context.Background(), &TMRequest{Kind: TMBegin}, c); err != nil {
		t.Fatal(err)
	}
	desc := s.TranDescriptor()
	if desc == 0 || c.Events[0].EnvChange == nil || c.Events[0].EnvChange.Type != result.EnvBeginTran || c.Events[0].EnvChange.Descriptor != desc {
		t.Fatalf("begin: %+v desc %d", c.Events, desc)
	}
	run(t, s, "INSERT INTO r VALUES (1)")
	c = &result.Collector{}
	s.ExecTM(context.Background(), &TMRequest{Kind: TMRollback}, c)
	if s.TranDescriptor() != 0 {
		t.Fatal("descriptor after rollback")
	}
	if n := run(t, s, "SELECT COUNT(*) FROM r").ResultSets()[0].Rows[0][0].I; n != 0 {
		t.Fatalf("rolled back insert visible: %d", n)
	}
	// Reset: open transaction rolled back, temp table gone, options and
	// database restored.
	run(t, s, "CREATE DATABASE other")
	run(t, s, "USE other; SET NOCOUNT ON; CREATE TABLE #t (a int); BEGIN TRAN")
	c = &result.Collector{}
	if err := s.Reset(c); err != nil {
		t.Fatal(err)
	}
	if s.Database() != "master" || s.TranDescriptor() != 0 {
		t.Fatalf("after reset db=%s desc=%d", s.Database(), s.TranDescriptor())
	}
	out := run(t, s, "SELECT @@TRANCOUNT; SELECT * FROM #t")
	if errs := out.Errors(); len(errs) != 1 || errs[0].Number != 208 {
		t.Fatalf("after reset: %s", out.String())
	}
}

func TestCancelWaitFor(t *testing.T) {
	e := openEngine(t, mem.Open())
	defer e.Close()
	s := newSession(t, e)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	err := s.ExecBatch(ctx, "WAITFOR DELAY '00:00:10'; SELECT 1", &result.Collector{})
	if err == nil || time.Since(start) > 2*time.Second {
		t.Fatalf("cancel: err=%v after %v", err, time.Since(start))
	}
	// The session survives.
	if out := run(t, s, "SELECT 1"); len(out.ResultSets()) != 1 {
		t.Fatal(out.String())
	}
}

func TestTwoSessionsIsolation(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e *Engine) {
		a := newSession(t, e)
		li, _ := e.Authenticate("sa", "Secret123!")
		b, _ := e.NewSession(SessionConfig{SPID: 60, Login: li})
		run(t, a, "CREATE TABLE iso (id int PRIMARY KEY, v int); INSERT INTO iso VALUES (1, 1)")
		run(t, a, "BEGIN TRAN; UPDATE iso SET v = 2 WHERE id = 1")
		// Readers do not block on writers and see committed data.
		out := run(t, b, "SELECT v FROM iso WHERE id = 1")
		if v := out.ResultSets()[0].Rows[0][0].I; v != 1 {
			t.Fatalf("reader saw uncommitted %d", v)
		}
		run(t, a, "COMMIT")
		out = run(t, b, "SELECT v FROM iso WHERE id = 1")
		if v := out.ResultSets()[0].Rows[0][0].I; v != 2 {
			t.Fatalf("reader missed commit: %d", v)
		}
		// A writer waiting on a lock honours LOCK_TIMEOUT (1222).
		run(t, a, "BEGIN TRAN; UPDATE iso SET v = 3 WHERE id = 1")
		out = run(t, b, "SET LOCK_TIMEOUT 100; UPDATE iso SET v = 4 WHERE id = 1")
		if errs := out.Errors(); len(errs) != 1 || errs[0].Number != 1222 {
			t.Fatalf("lock timeout: %s", out.String())
		}
		run(t, a, "ROLLBACK")
	})
}

// TestLockWaitAcrossBatches: a transaction begun in one batch waits for a
// lock in a later batch under that later request's context, so
// cancelling the request (attention) ends the wait.
func TestLockWaitAcrossBatches(t *testing.T) {
	e := openEngine(t, mem.Open())
	defer e.Close()
	a := newSession(t, e)
	li, _ := e.Authenticate("sa", "Secret123!")
	b, _ := e.NewSession(SessionConfig{SPID: 61, Login: li})
	run(t, a, "CREATE TABLE lw (id int PRIMARY KEY, v int); INSERT INTO lw VALUES (1, 1)")
	ctx1, cancel1 := context.WithCancel(context.Background())
	if err := b.ExecBatch(ctx1, "BEGIN TRAN", &result.Collector{}); err != nil {
		t.Fatal(err)
	}
	cancel1() // the first request is over
	run(t, a, "BEGIN TRAN; UPDATE lw SET v = 2 WHERE id = 1")
	ctx2, cancel2 := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel2()
	start := time.Now()
	err := b.ExecBatch(ctx2, "UPDATE lw SET v = 3 WHERE id = 1", &result.Collector{})
	if err == nil || time.Since(start) > 2*time.Second {
		t.Fatalf("blocked update: err=%v after %v", err, time.Since(start))
	}
	run(t, a, "COMMIT")
	// A later request of b waits for a's lock (not failing on the first
	// request's cancelled context) and goes on when a commits.
	run(t, a, "BEGIN TRAN; UPDATE lw SET v = 5 WHERE id = 1")
	done := make(chan *result.Collector)
	go func() {
		c := &result.Collector{}
		b.ExecBatch(context.Background(), "UPDATE lw SET v = 6 WHERE id = 1; COMMIT", c)
		done <- c
	}()
	time.Sleep(50 * time.Millisecond)
	run(t, a, "COMMIT")
	out := <-done
	if errs := out.Errors(); len(errs) > 0 {
		t.Fatal(out.String())
	}
	if v := run(t, a, "SELECT v FROM lw").ResultSets()[0].Rows[0][0].I; v != 6 {
		t.Fatalf("v = %d", v)
	}
}
