package engine

import "testing"

// Warning 8153 comes once per statement, after the rows and right before
// the statement's DONE, with severity 10, state 1 and, inside a
// procedure, the procedure's name and the statement's line in it.
func TestNullEliminatedWarning(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e *Engine) {
		s := newSession(t, e)
		defer s.Close()
		run(t, s, "CREATE TABLE dbo.nw (g int, x int)\nINSERT dbo.nw VALUES (1, NULL), (1, 2), (2, NULL), (2, 4)")
		run(t, s, "CREATE PROCEDURE dbo.nwp AS\nSELECT g, SUM(x) AS s, MAX(x) AS m FROM dbo.nw GROUP BY g ORDER BY g")
		c := run(t, s, "EXEC dbo.nwp")
		rows, warns, warnAt, doneAt := 0, 0, -1, -1
		for i, ev := range c.Events {
			switch {
			case ev.Row != nil:
				rows++
				if warnAt >= 0 {
					t.Errorf("row after the warning (event %d)", i)
				}
			case ev.Message != nil && ev.Message.Number == 8153:
				warns++
				warnAt = i
				m := ev.Message
				if m.Severity != 10 || m.State != 1 || m.Proc != "nwp" || m.Line != 2 {
					t.Errorf("8153 = severity %d state %d proc %q line %d", m.Severity, m.State, m.Proc, m.Line)
				}
			case ev.Done != nil && doneAt < 0 && warnAt >= 0:
				doneAt = i
			}
		}
		if rows != 2 || warns != 1 || doneAt != warnAt+1 {
			t.Fatalf("rows %d, warnings %d at %d, next DONE at %d: %+v", rows, warns, warnAt, doneAt, c.Events)
		}
	})
}
