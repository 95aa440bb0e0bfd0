package engine

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/tsqld/tsqld/sql/result"
)

// TestQFScratch runs the blocks of $QF_SCRATCH on mem and prints the output
// (developer aid; skipped unless the variable is set).
func TestQFScratch(t *testing.T) {
	f := os.Getenv("QF_SCRATCH")
	if f == "" {
		t.Skip("QF_SCRATCH not set")
	}
	data, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	e := openEngine(t, backends[0].open(t, t.TempDir()))
	defer e.Close()
	s := newSession(t, e)
	for _, q := range strings.Split(string(data), "\n-- q\n") {
		c := &result.Collector{}
		if err := s.ExecBatch(context.Background(), q, c); err != nil {
			fmt.Println("ERR", err)
		}
		fmt.Printf(">>> %s\n%s\n", strings.TrimSpace(q), goldenString(c))
	}
}
