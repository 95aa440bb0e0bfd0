package engine

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/tsqld/tsqld/sql/msgs"
)

// errWriter is discard that remembers the first error message, so a
// benchmark fails on a statement error instead of measuring it.
type errWriter struct {
	discard
	err *msgs.Error
}

func (w *errWriter) Message(m *msgs.Error) error {
	if m.Severity > 10 && w.err == nil {
		w.err = m
	}
	return nil
}

// BenchmarkInsertParams500 is the harness's load: 500-row INSERTs with
// 2000 parameters through sp_executesql. ns/op is per row.
func BenchmarkInsertParams500(b *testing.B) {
	s := benchSession(b, 0)
	const batch = 500
	var text, def strings.Builder
	text.WriteString("INSERT INTO bench (id, name, v) VALUES ")
	for j := 0; j < batch; j++ {
		if j > 0 {
			text.WriteByte(',')
			def.WriteByte(',')
		}
		fmt.Fprintf(&text, "(@p%d,@p%d,@p%d)", 3*j+1, 3*j+2, 3*j+3)
		fmt.Fprintf(&def, "@p%d int,@p%d varchar(30),@p%d float", 3*j+1, 3*j+2, 3*j+3)
	}
	rpc := &RPC{ProcID: ProcExecuteSQL, Params: []Param{nv(text.String()), nv(def.String())}}
	for j := 0; j < batch; j++ {
		rpc.Params = append(rpc.Params, intParam(fmt.Sprintf("@p%d", 3*j+1), 0, false),
			nv("x"), intParam(fmt.Sprintf("@p%d", 3*j+3), 1, false))
		rpc.Params[len(rpc.Params)-2].Name = fmt.Sprintf("@p%d", 3*j+2)
	}
	w := &errWriter{}
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for n := 0; n < b.N; n += batch {
		for j := 0; j < batch; j++ {
			rpc.Params[2+3*j].Value.I = int64(n + j)
		}
		if err := s.ExecRPC(ctx, rpc, w); err != nil {
			b.Fatal(err)
		}
		if w.err != nil {
			b.Fatal(w.err.Text)
		}
	}
}

// BenchmarkGroupByScan is a full scan with GROUP BY over 20000 rows; ns/op
// is per scanned row.
func BenchmarkGroupByScan(b *testing.B) {
	const rows = 20000
	s := benchSession(b, rows)
	w := &errWriter{}
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for n := 0; n < b.N; n += rows {
		if err := s.ExecBatch(ctx, "SELECT id % 10, SUM(CAST(v AS bigint)), COUNT(*) FROM bench GROUP BY id % 10", w); err != nil {
			b.Fatal(err)
		}
		if w.err != nil {
			b.Fatal(w.err.Text)
		}
	}
}
