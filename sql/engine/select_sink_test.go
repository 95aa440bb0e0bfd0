package engine

import (
	"context"
	"testing"

	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/storage/mem"
)

// TestSelectRowSinkReuse: the session's reused SELECT row sender starts
// each statement with its own count and limits: SET ROWCOUNT on, off and
// on again across statements of a batch and across RPCs, and the DONE
// counts match the rows sent.
func TestSelectRowSinkReuse(t *testing.T) {
	e := openEngine(t, mem.Open())
	defer e.Close()
	s := newSession(t, e)
	run(t, s, "CREATE TABLE bench (id int PRIMARY KEY); INSERT INTO bench VALUES (0), (1), (2), (3), (4)")
	rs := run(t, s, "SET ROWCOUNT 2; SELECT id FROM bench; SET ROWCOUNT 0; SELECT id FROM bench; SET ROWCOUNT 3; SELECT id FROM bench ORDER BY id DESC; SET ROWCOUNT 0").ResultSets()
	want := []int{2, 5, 3}
	if len(rs) != len(want) {
		t.Fatalf("%d result sets, want %d", len(rs), len(want))
	}
	for i, r := range rs {
		if len(r.Rows) != want[i] || r.Done == nil || r.Done.Count != int64(want[i]) {
			t.Errorf("result set %d: %d rows, done %+v; want %d", i, len(r.Rows), r.Done, want[i])
		}
	}
	rpc := &RPC{ProcID: ProcExecuteSQL, Params: []Param{nv("SELECT id FROM bench WHERE id >= @p1"), nv("@p1 int"), intParam("@p1", 0, false)}}
	for i := 0; i < 5; i++ {
		rpc.Params[2].Value.I = int64(i)
		c := &result.Collector{}
		if err := s.ExecRPC(context.Background(), rpc, c); err != nil {
			t.Fatal(err)
		}
		if r := c.ResultSets(); len(r) != 1 || len(r[0].Rows) != 5-i || r[0].Done.Count != int64(5-i) {
			t.Fatalf("rpc %d: %v", i, r)
		}
	}
}
