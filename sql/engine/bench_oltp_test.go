package engine

import (
	"context"
	"testing"
)

// BenchmarkUpdateRPC is the write transaction's statement: an autocommit
// UPDATE by primary key through sp_executesql (plan cache hit, PK seek,
// one row changed).
func BenchmarkUpdateRPC(b *testing.B) {
	s := benchSession(b, 10000)
	rpc := &RPC{ProcID: ProcExecuteSQL, Params: []Param{nv("UPDATE bench SET v = v + @p2 WHERE id = @p1"), nv("@p1 int, @p2 int"), intParam("@p1", 0, false), intParam("@p2", 1, false)}}
	w := &discard{}
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rpc.Params[2].Value.I = int64(i % 10000)
		if err := s.ExecRPC(ctx, rpc, w); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTxnUpdateSelect is the write transaction's shape in one batch
// per round trip: BEGIN TRAN, UPDATE, SELECT, COMMIT as separate RPCs.
func BenchmarkTxnUpdateSelect(b *testing.B) {
	s := benchSession(b, 10000)
	begin := &RPC{ProcID: ProcExecuteSQL, Params: []Param{nv("BEGIN TRAN")}}
	upd := &RPC{ProcID: ProcExecuteSQL, Params: []Param{nv("UPDATE bench SET v = v + @p2 WHERE id = @p1"), nv("@p1 int, @p2 int"), intParam("@p1", 0, false), intParam("@p2", 1, false)}}
	sel := &RPC{ProcID: ProcExecuteSQL, Params: []Param{nv("SELECT v FROM bench WHERE id = @p1"), nv("@p1 int"), intParam("@p1", 0, false)}}
	commit := &RPC{ProcID: ProcExecuteSQL, Params: []Param{nv("COMMIT")}}
	w := &discard{}
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		upd.Params[2].Value.I = int64(i % 10000)
		sel.Params[2].Value.I = int64(i % 10000)
		for _, r := range []*RPC{begin, upd, sel, commit} {
			if err := s.ExecRPC(ctx, r, w); err != nil {
				b.Fatal(err)
			}
		}
	}
}
