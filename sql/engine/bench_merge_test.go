package engine

import (
	"context"
	"fmt"
	"testing"
)

// BenchmarkMerge upserts a 2000-row source into a 2000-row target (half
// the source rows match) with MERGE … ON t.id = s.id: matching by hash on
// the ON equality instead of nested loops (4M ON evaluations). ns/op is
// one MERGE; the target is reset to the same rows between iterations.
func BenchmarkMerge(b *testing.B) {
	const n = 2000
	s := benchSession(b, n)
	run(b, s, "CREATE TABLE src (id int PRIMARY KEY, name varchar(30), v float)")
	for i := 0; i < n; i += 100 {
		q := "INSERT INTO src VALUES "
		for j := i; j < i+100; j++ {
			if j > i {
				q += ","
			}
			q += fmt.Sprintf("(%d, 'src%d', %d.25)", j+n/2, j, j)
		}
		run(b, s, q)
	}
	merge := `MERGE bench AS t USING src AS s ON t.id = s.id
WHEN MATCHED THEN UPDATE SET name = s.name, v = s.v
WHEN NOT MATCHED THEN INSERT (id, name, v) VALUES (s.id, s.name, s.v);`
	reset := fmt.Sprintf("DELETE FROM bench WHERE id >= %d; UPDATE bench SET name = 'x', v = 0", n)
	w := &errWriter{}
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := s.ExecBatch(ctx, merge, w); err != nil || w.err != nil {
			b.Fatal(err, w.err)
		}
		b.StopTimer()
		if err := s.ExecBatch(ctx, reset, w); err != nil || w.err != nil {
			b.Fatal(err, w.err)
		}
		b.StartTimer()
	}
}

// BenchmarkGroupByString groups 20,000 rows by a varchar column (2,000
// groups): the cost of the string hash key. ns/op is per row.
func BenchmarkGroupByString(b *testing.B) {
	const rows = 20000
	s := benchSession(b, rows)
	run(b, s, "UPDATE bench SET name = 'Customer Name ' + CAST(id % 2000 AS varchar(10))")
	w := &errWriter{}
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for n := 0; n < b.N; n += rows {
		if err := s.ExecBatch(ctx, "SELECT name, COUNT(*) FROM bench GROUP BY name", w); err != nil || w.err != nil {
			b.Fatal(err, w.err)
		}
	}
}
