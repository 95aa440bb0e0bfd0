package engine

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/tsqld/tsqld/sql/result"
)

// Temporary scratch runner (collation helper); skipped unless SCRATCH_SQL is set.
func TestZZCollScratch(t *testing.T) {
	q := os.Getenv("SCRATCH_SQL")
	if q == "" {
		t.Skip()
	}
	b := backends[0]
	e := openEngine(t, b.open(t, t.TempDir()))
	defer e.Close()
	s := newSession(t, e)
	c := &result.Collector{}
	t0 := time.Now()
	defer func() { fmt.Println("elapsed", time.Since(t0)) }()
	if err := s.ExecBatch(context.Background(), q, c); err != nil {
		t.Fatal(err)
	}
	fmt.Println(goldenString(c))
}
