package engine

import (
	"fmt"
	"github.com/tsqld/tsqld/storage/mem"
	"strings"
	"testing"
	"time"
)

// out runs a batch and renders its output as the golden tests do.
func out(t *testing.T, s Session, sql string) string {
	t.Helper()
	return goldenString(run(t, s, sql))
}

func wantContains(t *testing.T, what, got string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(got, p) {
			t.Fatalf("%s: want %q in:\n%s", what, p, got)
		}
	}
}

// DDL inside an explicit transaction is invisible to other sessions until
// COMMIT (name resolution and catalog views), visible to its own session,
// and never existed after ROLLBACK.
func TestDDLIsolation(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e *Engine) {
		a := sessionAs(t, e, 61)
		b := sessionAs(t, e, 62)

		got := out(t, a, "BEGIN TRAN CREATE TABLE x (id int PRIMARY KEY) INSERT x VALUES (1) SELECT id FROM x SELECT COUNT(*) AS n FROM sys.tables WHERE name = 'x'")
		wantContains(t, "creator sees its table", got, "id int not null\n1\n", "n int not null\n1\n")
		got = out(t, b, "SELECT COUNT(*) AS n FROM sys.tables WHERE name = 'x' SELECT COUNT(*) AS o FROM sys.objects WHERE name = 'x' SELECT OBJECT_ID('x') AS oid")
		wantContains(t, "other session's catalog views", got, "n int not null\n0\n", "o int not null\n0\n", "oid int\nNULL\n")
		got = out(t, b, "SET LOCK_TIMEOUT 100 SELECT id FROM x")
		wantContains(t, "other session resolving the name waits", got, "Msg 1222")
		out(t, b, "SET LOCK_TIMEOUT -1")
		out(t, a, "ROLLBACK")
		for _, s := range []Session{a, b} {
			got = out(t, s, "SELECT COUNT(*) AS n FROM sys.tables WHERE name = 'x' SELECT id FROM x")
			wantContains(t, "after ROLLBACK", got, "n int not null\n0\n", "Invalid object name 'x'")
		}

		// COMMIT publishes; DROP in a transaction hides nothing from others
		// until it commits.
		out(t, a, "BEGIN TRAN CREATE TABLE y (id int PRIMARY KEY, v varchar(10)) INSERT y VALUES (1, 'one') COMMIT")
		got = out(t, b, "SELECT v FROM y")
		wantContains(t, "after COMMIT", got, "one")
		out(t, a, "BEGIN TRAN DROP TABLE y")
		got = out(t, a, "SELECT v FROM y")
		wantContains(t, "dropper", got, "Invalid object name 'y'")
		got = out(t, b, "SELECT COUNT(*) AS n FROM sys.tables WHERE name = 'y'")
		wantContains(t, "drop not yet committed", got, "n int not null\n1\n")
		out(t, a, "ROLLBACK")
		got = out(t, b, "SELECT v FROM y")
		wantContains(t, "drop rolled back", got, "one")

		// ALTER in a transaction: the new column is the creator's only.
		out(t, a, "BEGIN TRAN ALTER TABLE y ADD w int NULL")
		got = out(t, b, "SELECT COUNT(*) AS n FROM sys.columns WHERE object_id = OBJECT_ID('y')")
		wantContains(t, "alter not yet committed", got, "n int not null\n2\n")
		out(t, a, "COMMIT")
		got = out(t, b, "SELECT COUNT(*) AS n FROM sys.columns WHERE object_id = OBJECT_ID('y')")
		wantContains(t, "alter committed", got, "n int not null\n3\n")

		// Object ids stay distinct across a transaction's DDL and another
		// session's DDL committed meanwhile.
		out(t, a, "BEGIN TRAN CREATE TABLE z1 (id int)")
		out(t, a, "COMMIT")
		out(t, b, "CREATE TABLE z2 (id int)")
		got = out(t, b, "SELECT COUNT(DISTINCT object_id) AS n FROM sys.tables WHERE name IN ('y', 'z1', 'z2')")
		wantContains(t, "distinct ids", got, "n int not null\n3\n")

		// A failed statement inside the transaction leaves earlier DDL of
		// the transaction in place.
		got = out(t, a, "BEGIN TRAN CREATE TABLE w1 (id int PRIMARY KEY) INSERT w1 VALUES (1), (1)")
		wantContains(t, "dup", got, "Msg 2627")
		got = out(t, a, "SELECT COUNT(*) AS n FROM w1 COMMIT")
		wantContains(t, "table survives a statement error", got, "n int not null\n0\n")
		got = out(t, b, "SELECT COUNT(*) AS n FROM w1")
		wantContains(t, "then committed", got, "n int not null\n0\n")

		// A trigger created in the transaction fires for its own DML only;
		// after ROLLBACK it never existed.
		out(t, a, "CREATE TABLE tg (id int) CREATE TABLE tg_log (who varchar(10), n int)")
		out(t, a, "BEGIN TRAN")
		out(t, a, "CREATE TRIGGER tr_tg ON tg AFTER INSERT AS INSERT tg_log SELECT 'trigger', COUNT(*) FROM inserted")
		out(t, a, "INSERT tg VALUES (1), (2)")
		got = out(t, a, "SELECT who, n FROM tg_log")
		wantContains(t, "own trigger fires", got, "trigger | 2\n(1 rows")
		out(t, b, "INSERT tg VALUES (3)")
		out(t, a, "ROLLBACK")
		out(t, b, "INSERT tg VALUES (4)")
		got = out(t, b, "SELECT COUNT(*) AS n FROM tg_log SELECT COUNT(*) AS m FROM tg")
		wantContains(t, "rolled-back trigger", got, "n int not null\n0\n", "m int not null\n2\n")

		// ROLLBACK to a savepoint undoes the DDL after it only.
		out(t, a, "BEGIN TRAN CREATE TABLE s1 (id int) SAVE TRAN sp CREATE TABLE s2 (id int) ROLLBACK TRAN sp")
		got = out(t, a, "SELECT COUNT(*) AS n FROM sys.tables WHERE name IN ('s1', 's2') SELECT id FROM s2")
		wantContains(t, "savepoint rollback", got, "n int not null\n1\n", "Invalid object name 's2'")
		out(t, a, "COMMIT")
		got = out(t, b, "SELECT name FROM sys.tables WHERE name IN ('s1', 's2')")
		wantContains(t, "savepoint then commit", got, "s1\n(1 rows affected)")
	})
}

// Another session's DDL in the same database waits for the transaction's
// catalog writes (the database record holds the object-id counter): with
// LOCK_TIMEOUT it fails with 1222 and leaves nothing behind.
func TestDDLIsolationLockTimeout(t *testing.T) {
	e := openEngine(t, mem.Open())
	t.Cleanup(func() { e.Close() }) // after the sessions' cleanups
	a := sessionAs(t, e, 61)
	b := sessionAs(t, e, 62)
	out(t, a, "BEGIN TRAN CREATE TABLE p1 (id int)")
	got := out(t, b, "SET LOCK_TIMEOUT 100 CREATE TABLE p2 (id int)")
	wantContains(t, "blocked DDL", got, "Msg 1222")
	out(t, a, "COMMIT")
	got = out(t, b, "CREATE TABLE p2 (id int) SELECT COUNT(*) AS n FROM sys.tables WHERE name IN ('p1', 'p2')")
	wantContains(t, "after commit", got, "n int not null\n2\n")
}

// DDL transactions committing and rolling back while other sessions query
// and run autocommit DDL (run with -race): every committed table is
// visible afterwards, no rolled-back one is, and object ids stay unique.
func TestDDLIsolationConcurrent(t *testing.T) {
	e := openEngine(t, mem.Open())
	t.Cleanup(func() { e.Close() }) // after the sessions' cleanups
	setup := sessionAs(t, e, 60)
	out(t, setup, "CREATE TABLE stable (id int PRIMARY KEY) INSERT stable VALUES (1), (2)")
	done := make(chan struct{})
	errs := make(chan string, 8)
	for w := 0; w < 2; w++ {
		go func(w int) {
			defer func() { done <- struct{}{} }()
			s := sessionAs(t, e, int16(63+w))
			for i := 0; i < 20; i++ {
				end := "COMMIT"
				if i%2 == 1 {
					end = "ROLLBACK"
				}
				got := out(t, s, fmt.Sprintf("BEGIN TRAN CREATE TABLE w%d_%d (id int PRIMARY KEY) INSERT w%d_%d VALUES (%d) %s", w, i, w, i, i, end))
				if strings.Contains(got, "Msg ") {
					errs <- got
					return
				}
				got = out(t, s, "SELECT COUNT(*) AS n FROM stable")
				if !strings.Contains(got, "\n2\n") {
					errs <- got
					return
				}
			}
		}(w)
	}
	go func() {
		defer func() { done <- struct{}{} }()
		s := sessionAs(t, e, 66)
		for i := 0; i < 20; i++ {
			out(t, s, "SELECT COUNT(*) FROM sys.tables SELECT COUNT(*) FROM stable")
			if got := out(t, s, fmt.Sprintf("CREATE TABLE a_%d (id int)", i)); strings.Contains(got, "Msg ") {
				errs <- got
				return
			}
		}
	}()
	for i := 0; i < 3; i++ {
		<-done
	}
	close(errs)
	for e := range errs {
		t.Fatal(e)
	}
	got := out(t, setup, "SELECT COUNT(*) AS n, COUNT(DISTINCT object_id) AS d FROM sys.tables WHERE name LIKE 'w%' OR name LIKE 'a[_]%'")
	wantContains(t, "committed tables", got, "40 | 40")
}

// A session resolving a name another transaction is creating waits for
// that transaction (SQL Server's schema lock): after COMMIT it reads the
// new table, after ROLLBACK it gets Msg 208.
func TestDDLIsolationReaderWaits(t *testing.T) {
	e := openEngine(t, mem.Open())
	t.Cleanup(func() { e.Close() }) // after the sessions' cleanups
	a := sessionAs(t, e, 61)
	b := sessionAs(t, e, 62)
	for _, end := range []string{"COMMIT", "ROLLBACK"} {
		out(t, a, "BEGIN TRAN CREATE TABLE nx (id int) INSERT nx VALUES (42)")
		res := make(chan string)
		go func() { res <- out(t, b, "SELECT id FROM nx") }()
		select {
		case got := <-res:
			t.Fatalf("%s: reader did not wait: %s", end, got)
		case <-time.After(100 * time.Millisecond):
		}
		out(t, a, end)
		got := <-res
		if end == "COMMIT" {
			wantContains(t, "after COMMIT", got, "id int\n42\n")
			out(t, a, "DROP TABLE nx")
		} else {
			wantContains(t, "after ROLLBACK", got, "Invalid object name 'nx'")
		}
	}
}
