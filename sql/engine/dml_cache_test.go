package engine

import (
	"context"
	"strings"
	"testing"

	"github.com/tsqld/tsqld/sql/result"
)

// execRPC runs rpc and returns its output as text.
func execRPC(t *testing.T, s Session, rpc *RPC) string {
	t.Helper()
	c := &result.Collector{}
	if err := s.ExecRPC(context.Background(), rpc, c); err != nil {
		t.Fatal(err)
	}
	return c.String()
}

// TestUpdateDeletePlanCache runs parameterised UPDATE and DELETE through
// sp_executesql repeatedly: the bound source comes from the plan cache
// (hits counted), yet each execution uses its own parameters, and DDL on
// the target (a dropped column before the updated one, a dropped index the
// WHERE used) rebinds.
func TestUpdateDeletePlanCache(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e *Engine) {
		s := newSession(t, e)
		run(t, s, "CREATE TABLE u (id int PRIMARY KEY, a int, v int, k int); CREATE INDEX ix_k ON u (k)")
		run(t, s, "INSERT INTO u VALUES (1, 10, 100, 1), (2, 20, 200, 2), (3, 30, 300, 3), (4, 40, 400, 4)")
		upd := &RPC{ProcID: ProcExecuteSQL, Params: []Param{nv("UPDATE u SET v = v + @p2 WHERE id = @p1"), nv("@p1 int, @p2 int"), intParam("@p1", 0, false), intParam("@p2", 0, false)}}
		h0, _ := e.srv.PlanCacheStats()
		for i := 1; i <= 3; i++ {
			upd.Params[2].Value.I, upd.Params[3].Value.I = int64(i), int64(i)
			if out := execRPC(t, s, upd); strings.Contains(out, "Msg ") {
				t.Fatal(out)
			}
		}
		if h1, _ := e.srv.PlanCacheStats(); h1-h0 < 2 {
			t.Fatalf("plan cache hits %d, want >= 2", h1-h0)
		}
		if got := run(t, s, "SELECT id, v FROM u ORDER BY id").String(); !strings.Contains(got, "1 | 101") || !strings.Contains(got, "2 | 202") || !strings.Contains(got, "3 | 303") || !strings.Contains(got, "4 | 400") {
			t.Fatalf("after cached updates:\n%s", got)
		}
		// The column before v goes: a stale plan would read and write v at
		// its old position.
		run(t, s, "ALTER TABLE u DROP COLUMN a")
		upd.Params[2].Value.I, upd.Params[3].Value.I = 4, 5
		if out := execRPC(t, s, upd); strings.Contains(out, "Msg ") {
			t.Fatal(out)
		}
		if got := run(t, s, "SELECT * FROM u WHERE id = 4").String(); !strings.Contains(got, "4 | 405 | 4") {
			t.Fatalf("after DROP COLUMN:\n%s", got)
		}
		// A new column is seen by the cached statement's text.
		run(t, s, "ALTER TABLE u ADD w int")
		updW := &RPC{ProcID: ProcExecuteSQL, Params: []Param{nv("UPDATE u SET w = @p2 WHERE k = @p1"), nv("@p1 int, @p2 int"), intParam("@p1", 2, false), intParam("@p2", 7, false)}}
		execRPC(t, s, updW)
		execRPC(t, s, updW)
		// The index the WHERE seeks goes away: the cached plan must not use it.
		run(t, s, "DROP INDEX ix_k ON u")
		updW.Params[2].Value.I, updW.Params[3].Value.I = 3, 8
		if out := execRPC(t, s, updW); strings.Contains(out, "Msg ") {
			t.Fatal(out)
		}
		if got := run(t, s, "SELECT id, w FROM u ORDER BY id").String(); !strings.Contains(got, "2 | 7") || !strings.Contains(got, "3 | 8") || !strings.Contains(got, "1 | NULL") {
			t.Fatalf("after DROP INDEX:\n%s", got)
		}
		del := &RPC{ProcID: ProcExecuteSQL, Params: []Param{nv("DELETE FROM u WHERE id = @p1"), nv("@p1 int"), intParam("@p1", 1, false)}}
		for i := 1; i <= 3; i++ {
			del.Params[2].Value.I = int64(i)
			execRPC(t, s, del)
		}
		if rs := run(t, s, "SELECT id FROM u").ResultSets(); len(rs) != 1 || len(rs[0].Rows) != 1 || rs[0].Rows[0][0].I != 4 {
			t.Fatalf("after cached deletes: %v", rs)
		}
	})
}

// TestUpdatePlanCacheSetOptions: a cached UPDATE follows the session's SET
// options (ANSI_WARNINGS decides truncation: Msg 2628 or silent).
func TestUpdatePlanCacheSetOptions(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e *Engine) {
		s := newSession(t, e)
		run(t, s, "CREATE TABLE st (id int PRIMARY KEY, n varchar(3)); INSERT INTO st VALUES (1, 'a')")
		upd := &RPC{ProcID: ProcExecuteSQL, Params: []Param{nv("UPDATE st SET n = @p2 WHERE id = @p1"), nv("@p1 int, @p2 nvarchar(10)"), intParam("@p1", 1, false), nv("ab")}}
		upd.Params[3].Name = "@p2"
		execRPC(t, s, upd)
		execRPC(t, s, upd)
		upd.Params[3].Value.S = "abcdef"
		if out := execRPC(t, s, upd); !strings.Contains(out, "Msg 2628") && !strings.Contains(out, "Msg 8152") {
			t.Fatalf("ANSI_WARNINGS ON: want truncation error, got\n%s", out)
		}
		run(t, s, "SET ANSI_WARNINGS OFF")
		if out := execRPC(t, s, upd); strings.Contains(out, "Msg ") {
			t.Fatalf("ANSI_WARNINGS OFF: %s", out)
		}
		if got := run(t, s, "SELECT n FROM st").String(); !strings.Contains(got, "abc") {
			t.Fatalf("want truncated abc:\n%s", got)
		}
		run(t, s, "SET ANSI_WARNINGS ON")
		if out := execRPC(t, s, upd); !strings.Contains(out, "Msg 2628") && !strings.Contains(out, "Msg 8152") {
			t.Fatalf("ANSI_WARNINGS ON again: want truncation error, got\n%s", out)
		}
	})
}

// TestUpdatePlanCachePrivateObjects: an UPDATE of a #temp table or a table
// variable through the same text in two sessions updates each session's
// own object (such plans are not shared).
func TestUpdatePlanCachePrivateObjects(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e *Engine) {
		s1, s2 := newSession(t, e), newSession(t, e)
		for i, s := range []Session{s1, s2} {
			run(t, s, "CREATE TABLE #t (id int PRIMARY KEY, v int); INSERT INTO #t VALUES (1, "+string(rune('1'+i))+"0)")
		}
		upd := &RPC{ProcID: ProcExecuteSQL, Params: []Param{nv("UPDATE #t SET v = v + @p1 WHERE id = 1"), nv("@p1 int"), intParam("@p1", 1, false)}}
		for i := 0; i < 2; i++ {
			execRPC(t, s1, upd)
			execRPC(t, s2, upd)
		}
		if got := run(t, s1, "SELECT v FROM #t").String(); !strings.Contains(got, "12") {
			t.Fatalf("session 1:\n%s", got)
		}
		if got := run(t, s2, "SELECT v FROM #t").String(); !strings.Contains(got, "22") {
			t.Fatalf("session 2:\n%s", got)
		}
		tv := &RPC{ProcID: ProcExecuteSQL, Params: []Param{nv("DECLARE @t TABLE (id int, v int); INSERT INTO @t VALUES (1, @p1); UPDATE @t SET v = v * 2; SELECT v FROM @t"), nv("@p1 int"), intParam("@p1", 0, false)}}
		for i := 1; i <= 3; i++ {
			tv.Params[2].Value.I = int64(i)
			rs := func() []result.ResultSet {
				c := &result.Collector{}
				if err := s1.ExecRPC(context.Background(), tv, c); err != nil {
					t.Fatal(err)
				}
				return c.ResultSets()
			}()
			if len(rs) != 1 || len(rs[0].Rows) != 1 || rs[0].Rows[0][0].I != int64(2*i) {
				t.Fatalf("table variable run %d: %v", i, rs)
			}
		}
	})
}

// TestExecuteSQLFrameReuse: the sp_executesql parameter frame kept between
// calls with the same parameter definitions starts clean each time:
// variables an earlier batch declared are gone, parameters not passed are
// NULL, OUTPUT parameters and nested calls with the same definitions work.
func TestExecuteSQLFrameReuse(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e *Engine) {
		s := newSession(t, e)
		def := nv("@p1 int, @o int OUTPUT")
		a := &RPC{ProcID: ProcExecuteSQL, Params: []Param{nv("DECLARE @x int = @p1 + 1; SET @o = @x; SELECT @x"), def, intParam("@p1", 5, false), intParam("@o", 0, true)}}
		for i := 0; i < 2; i++ {
			c := &result.Collector{}
			if err := s.ExecRPC(context.Background(), a, c); err != nil {
				t.Fatal(err)
			}
			if out := c.String(); strings.Contains(out, "Msg ") || !strings.Contains(out, "6") {
				t.Fatalf("run %d:\n%s", i, out)
			}
			if rv := returnValues(c); len(rv) != 1 || rv[0].Value.I != 6 {
				t.Fatalf("run %d: OUTPUT %v", i, rv)
			}
		}
		b := &RPC{ProcID: ProcExecuteSQL, Params: []Param{nv("SELECT @x"), def, intParam("@p1", 1, false), intParam("@o", 0, true)}}
		if out := execRPC(t, s, b); !strings.Contains(out, "Msg 137") {
			t.Fatalf("a variable of an earlier call is visible:\n%s", out)
		}
		c := &RPC{ProcID: ProcExecuteSQL, Params: []Param{nv("SELECT ISNULL(@p1, -1) AS r"), def}}
		before := execRPC(t, s, c)
		execRPC(t, s, a) // @p1 = 5 in the kept frame
		if after := execRPC(t, s, c); after != before || strings.Contains(after, "| 5") {
			t.Fatalf("parameter not passed: first %q, after a call with 5 %q", before, after)
		}
		nested := &RPC{ProcID: ProcExecuteSQL, Params: []Param{
			nv("DECLARE @r int; EXEC sp_executesql N'SET @o = @p1 * 2', N'@p1 int, @o int OUTPUT', @p1 + 1, @r OUTPUT; SET @o = @r + @p1"),
			def, intParam("@p1", 10, false), intParam("@o", 0, true)}}
		for i := 0; i < 2; i++ {
			cc := &result.Collector{}
			if err := s.ExecRPC(context.Background(), nested, cc); err != nil {
				t.Fatal(err)
			}
			if rv := returnValues(cc); len(rv) != 1 || rv[0].Value.I != 32 {
				t.Fatalf("nested run %d: %v\n%s", i, rv, cc.String())
			}
		}
	})
}

func returnValues(c *result.Collector) []result.ReturnValue {
	var out []result.ReturnValue
	for _, ev := range c.Events {
		if ev.ReturnValue != nil {
			out = append(out, *ev.ReturnValue)
		}
	}
	return out
}
