package engine

import (
	"context"
	"fmt"
	"testing"

	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/types"
	"github.com/tsqld/tsqld/storage/mem"
)

// discard is a Writer that keeps nothing (benchmarks measure the engine).
type discard struct{ rows int }

func (d *discard) Columns([]result.Column) error        { return nil }
func (d *discard) Row([]types.Value) error              { d.rows++; return nil }
func (d *discard) Done(result.Done) error               { return nil }
func (d *discard) Message(*msgs.Error) error            { return nil }
func (d *discard) EnvChange(result.EnvChange) error     { return nil }
func (d *discard) ReturnStatus(int32) error             { return nil }
func (d *discard) ReturnValue(result.ReturnValue) error { return nil }

func benchSession(b *testing.B, rows int) Session {
	e := openEngine(b, mem.Open())
	b.Cleanup(func() { e.Close() })
	s := newSession(b, e)
	run(b, s, "CREATE TABLE bench (id int PRIMARY KEY, name varchar(30), v float)")
	for i := 0; i < rows; i += 100 {
		q := "INSERT INTO bench VALUES "
		for j := i; j < i+100 && j < rows; j++ {
			if j > i {
				q += ","
			}
			q += fmt.Sprintf("(%d, 'name%d', %d.5)", j, j, j)
		}
		run(b, s, q)
	}
	return s
}

// BenchmarkPointSelectRPC is the benchmark's point select: sp_executesql
// with a parameter, which hits the plan cache and a PK seek.
func BenchmarkPointSelectRPC(b *testing.B) {
	s := benchSession(b, 10000)
	rpc := &RPC{ProcID: ProcExecuteSQL, Params: []Param{nv("SELECT id, name, v FROM bench WHERE id = @p1"), nv("@p1 int"), intParam("@p1", 0, false)}}
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
	if w.rows != b.N {
		b.Fatalf("rows %d, want %d", w.rows, b.N)
	}
}

// BenchmarkPlanCacheHit measures parse+bind+plan work skipped by the cache
// (the same batch text each time) with a constant-only query.
func BenchmarkPlanCacheHit(b *testing.B) {
	s := benchSession(b, 0)
	w := &discard{}
	ctx := context.Background()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if err := s.ExecBatch(ctx, "SELECT b.id, b.name FROM bench AS b WHERE b.id = 1 AND b.name LIKE 'x%'", w); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPlanCacheMiss changes the text each time: parse, bind and plan
// run for every batch.
func BenchmarkPlanCacheMiss(b *testing.B) {
	s := benchSession(b, 0)
	w := &discard{}
	ctx := context.Background()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if err := s.ExecBatch(ctx, fmt.Sprintf("SELECT b.id, b.name FROM bench AS b WHERE b.id = %d AND b.name LIKE 'x%%'", i), w); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkInsert inserts one row per batch (autocommit).
func BenchmarkInsert(b *testing.B) {
	s := benchSession(b, 0)
	rpc := &RPC{ProcID: ProcExecuteSQL, Params: []Param{nv("INSERT INTO bench VALUES (@p1, 'x', 1.5)"), nv("@p1 int"), intParam("@p1", 0, false)}}
	w := &discard{}
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rpc.Params[2].Value.I = int64(i)
		if err := s.ExecRPC(ctx, rpc, w); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkInsertPebble is BenchmarkInsert on the durable backend (each
// autocommit statement syncs).
func BenchmarkInsertPebble(b *testing.B) {
	e := openEngine(b, backends[1].open(b, b.TempDir()))
	b.Cleanup(func() { e.Close() })
	s := newSession(b, e)
	run(b, s, "CREATE TABLE bench (id int PRIMARY KEY, name varchar(30), v float)")
	rpc := &RPC{ProcID: ProcExecuteSQL, Params: []Param{nv("INSERT INTO bench VALUES (@p1, 'x', 1.5)"), nv("@p1 int"), intParam("@p1", 0, false)}}
	w := &discard{}
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rpc.Params[2].Value.I = int64(i)
		if err := s.ExecRPC(ctx, rpc, w); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPointSelectPebble is the point select on the durable backend.
func BenchmarkPointSelectPebble(b *testing.B) {
	e := openEngine(b, backends[1].open(b, b.TempDir()))
	b.Cleanup(func() { e.Close() })
	s := newSession(b, e)
	run(b, s, "CREATE TABLE bench (id int PRIMARY KEY, name varchar(30), v float)")
	q := "INSERT INTO bench VALUES "
	for j := 0; j < 1000; j++ {
		if j > 0 {
			q += ","
		}
		q += fmt.Sprintf("(%d, 'name%d', %d.5)", j, j, j)
	}
	run(b, s, q)
	rpc := &RPC{ProcID: ProcExecuteSQL, Params: []Param{nv("SELECT id, name, v FROM bench WHERE id = @p1"), nv("@p1 int"), intParam("@p1", 0, false)}}
	w := &discard{}
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rpc.Params[2].Value.I = int64(i % 1000)
		if err := s.ExecRPC(ctx, rpc, w); err != nil {
			b.Fatal(err)
		}
	}
}
