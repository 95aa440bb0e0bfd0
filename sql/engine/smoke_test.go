package engine

import "testing"

func TestSmoke(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e *Engine) {
		s := newSession(t, e)
		c := run(t, s, "SELECT 1 AS a, 'ab', N'xy' b, 1.5 c")
		t.Log("\n" + c.String())
		c = run(t, s, "CREATE TABLE t1(a INTEGER PRIMARY KEY, b VARCHAR(10)); INSERT INTO t1 VALUES (1,'x'),(2,'y'); SELECT * FROM t1 WHERE a = 2; SELECT COUNT(*), SUM(a), AVG(a) FROM t1")
		t.Log("\n" + c.String())
	})
}
