package engine

import (
	"context"
	"strings"
	"testing"

	"github.com/tsqld/tsqld/sql/result"
)

// TestInsertValuesPlanCache runs one parameterised INSERT through
// sp_executesql repeatedly: the bound VALUES come from the plan cache, yet
// parameters, non-deterministic functions and DEFAULT are evaluated per
// execution, and a schema change rebinds.
func TestInsertValuesPlanCache(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e *Engine) {
		s := newSession(t, e)
		run(t, s, "CREATE TABLE h (id int PRIMARY KEY, v int, g uniqueidentifier, d int DEFAULT 7)")
		rpc := &RPC{ProcID: ProcExecuteSQL, Params: []Param{
			nv("INSERT INTO h (id, v, g, d) VALUES (@p1, @p2 * 2, NEWID(), DEFAULT), (@p1 + 1000, @p2, NEWID(), @p2)"),
			nv("@p1 int, @p2 int"),
			intParam("@p1", 0, false),
			intParam("@p2", 0, false),
		}}
		exec := func() {
			c := &result.Collector{}
			if err := s.ExecRPC(context.Background(), rpc, c); err != nil {
				t.Fatal(err)
			}
			if strings.Contains(c.String(), "Msg ") {
				t.Fatalf("insert: %s", c.String())
			}
		}
		h0, _ := e.srv.PlanCacheStats()
		for i := 1; i <= 3; i++ {
			rpc.Params[2].Value.I, rpc.Params[3].Value.I = int64(i), int64(10*i)
			exec()
		}
		if h1, _ := e.srv.PlanCacheStats(); h1-h0 < 2 {
			t.Fatalf("plan cache hits %d, want >= 2", h1-h0)
		}
		got := run(t, s, "SELECT id, v, d FROM h ORDER BY id").String()
		for _, want := range []string{"1 | 20 | 7", "2 | 40 | 7", "3 | 60 | 7", "1001 | 10 | 10", "1002 | 20 | 20", "1003 | 30 | 30"} {
			if !strings.Contains(got, want) {
				t.Errorf("missing row %s in\n%s", want, got)
			}
		}
		if rs := run(t, s, "SELECT COUNT(DISTINCT g) FROM h").ResultSets(); len(rs) != 1 || rs[0].Rows[0][0].I != 6 {
			t.Errorf("NEWID() not evaluated per row and execution: %v", rs)
		}
		// A catalog change rebinds: the VALUES call a function that is
		// then altered.
		run(t, s, "CREATE TABLE k (id int PRIMARY KEY, v int)")
		run(t, s, "CREATE FUNCTION dbo.f(@x int) RETURNS int AS BEGIN RETURN @x + 1 END")
		ins := &RPC{ProcID: ProcExecuteSQL, Params: []Param{nv("INSERT INTO k VALUES (@p1, dbo.f(@p1))"), nv("@p1 int"), intParam("@p1", 1, false)}}
		for i := 1; i <= 2; i++ {
			ins.Params[2].Value.I = int64(i)
			if err := s.ExecRPC(context.Background(), ins, &result.Collector{}); err != nil {
				t.Fatal(err)
			}
		}
		run(t, s, "ALTER FUNCTION dbo.f(@x int) RETURNS int AS BEGIN RETURN @x + 100 END")
		ins.Params[2].Value.I = 3
		if err := s.ExecRPC(context.Background(), ins, &result.Collector{}); err != nil {
			t.Fatal(err)
		}
		if got := run(t, s, "SELECT id, v FROM k ORDER BY id").String(); !strings.Contains(got, "2 | 3") || !strings.Contains(got, "3 | 103") {
			t.Errorf("after ALTER FUNCTION:\n%s", got)
		}
	})
}
