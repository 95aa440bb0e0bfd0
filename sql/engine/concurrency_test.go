package engine

import (
	"fmt"
	"sync"
	"testing"

	"github.com/tsqld/tsqld/storage/mem"
)

// TestConcurrentSessions runs DML and queries from several sessions at
// once (run with -race): shared catalog, plan cache and counters.
func TestConcurrentSessions(t *testing.T) {
	e := openEngine(t, mem.Open())
	defer e.Close()
	setup := newSession(t, e)
	run(t, setup, "CREATE TABLE c (id int IDENTITY PRIMARY KEY, w int, v varchar(20))")
	li, _ := e.Authenticate("sa", "Secret123!")
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			s, m := e.NewSession(SessionConfig{SPID: int16(70 + w), Login: li})
			if m != nil {
				t.Error(m)
				return
			}
			defer s.Close()
			for i := 0; i < 50; i++ {
				out := run(t, s, fmt.Sprintf("INSERT INTO c (w, v) VALUES (%d, 'x%d'); SELECT COUNT(*) FROM c WHERE w = %d", w, i, w))
				if errs := out.Errors(); len(errs) > 0 {
					t.Error(errs[0])
					return
				}
				if n := out.ResultSets()[0].Rows[0][0].I; n != int64(i+1) {
					t.Errorf("worker %d sees %d rows, want %d", w, n, i+1)
					return
				}
			}
			run(t, s, "CREATE TABLE #mine (a int); INSERT INTO #mine VALUES (1)")
		}(w)
	}
	wg.Wait()
	out := run(t, setup, "SELECT COUNT(*), COUNT(DISTINCT id) FROM c")
	r := out.ResultSets()[0].Rows[0]
	if r[0].I != 200 || r[1].I != 200 {
		t.Fatalf("rows %d distinct ids %d", r[0].I, r[1].I)
	}
}
