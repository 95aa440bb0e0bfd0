package engine

import (
	"strings"
	"testing"

	"github.com/tsqld/tsqld/sql/msgs"
)

// loginSession authenticates a login and opens a session (db "" = the
// login's default database).
func loginSession(t *testing.T, e *Engine, spid int16, login, pw, db string) (Session, *msgs.Error) {
	t.Helper()
	li, merr := e.Authenticate(login, pw)
	if merr != nil {
		return nil, merr
	}
	return e.NewSession(SessionConfig{SPID: spid, Login: li, Database: db, ODBCDefaults: true})
}

// errNumbers lists the error numbers a batch raised.
func errNumbers(t *testing.T, s Session, sql string) []int32 {
	t.Helper()
	var out []int32
	for _, m := range run(t, s, sql).Messages() {
		if m.Severity > 10 {
			out = append(out, m.Number)
		}
	}
	return out
}

func wantErrs(t *testing.T, s Session, sql string, want ...int32) {
	t.Helper()
	got := errNumbers(t, s, sql)
	if len(got) != len(want) {
		t.Fatalf("%s: errors %v, want %v", sql, got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("%s: errors %v, want %v", sql, got, want)
		}
	}
}

func TestSecurityTwoSessions(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e *Engine) {
		sa := newSession(t, e)
		defer sa.Close()
		wantErrs(t, sa, `CREATE DATABASE appdb
CREATE DATABASE otherdb
CREATE LOGIN lo WITH PASSWORD = 'Lo9!pass_x', DEFAULT_DATABASE = appdb
CREATE LOGIN nouser WITH PASSWORD = 'No9!pass_x', DEFAULT_DATABASE = otherdb`)
		wantErrs(t, sa, `USE appdb
CREATE TABLE dbo.t (id int, name varchar(10))
INSERT dbo.t VALUES (1, 'a')
CREATE USER lo FOR LOGIN lo`)
		wantErrs(t, sa, `CREATE LOGIN lo WITH PASSWORD = 'Lo9!pass_x'`, 15025)
		wantErrs(t, sa, `CREATE USER lo FOR LOGIN lo`, 15023)
		wantErrs(t, sa, `DROP USER nobody`, 15151)

		lo, merr := loginSession(t, e, 60, "lo", "Lo9!pass_x", "")
		if merr != nil {
			t.Fatal(merr)
		}
		defer lo.Close()
		c := run(t, lo, `SELECT SUSER_SNAME() AS l, USER_NAME() AS u, DB_NAME() AS d, IS_SRVROLEMEMBER('sysadmin') AS sa`)
		if got := c.String(); !strings.Contains(got, "lo | lo | appdb | 0") {
			t.Fatalf("context: %s", got)
		}
		wantErrs(t, lo, `SELECT * FROM dbo.t`, 229)
		wantErrs(t, lo, `INSERT dbo.t VALUES (2, 'b')`, 229)
		wantErrs(t, lo, `CREATE TABLE dbo.x (id int)`, 262)
		wantErrs(t, lo, `USE otherdb`, 916)
		wantErrs(t, lo, `CREATE LOGIN z WITH PASSWORD = 'Zz9!pass_x'`, 15247)
		wantErrs(t, lo, `GRANT SELECT ON dbo.t TO lo`, 15247)

		// A GRANT by another session applies to the next statement.
		wantErrs(t, sa, `GRANT SELECT ON dbo.t TO lo
DENY SELECT (name) ON dbo.t TO lo`)
		wantErrs(t, lo, `SELECT id FROM dbo.t`)
		wantErrs(t, lo, `SELECT name FROM dbo.t`, 230)
		wantErrs(t, sa, `EXEC sp_addrolemember 'db_datawriter', 'lo'`)
		wantErrs(t, lo, `INSERT dbo.t VALUES (2, 'b')`)

		// Default database without a user: 4064; asked for explicitly: 4060.
		if _, merr := loginSession(t, e, 61, "nouser", "No9!pass_x", ""); merr == nil || merr.Number != 4064 {
			t.Fatalf("default database without user: %v", merr)
		}
		if _, merr := loginSession(t, e, 61, "nouser", "No9!pass_x", "otherdb"); merr == nil || merr.Number != 4060 {
			t.Fatalf("explicit database without user: %v", merr)
		}
		if s, merr := loginSession(t, e, 61, "nouser", "No9!pass_x", "master"); merr != nil {
			t.Fatalf("master through guest: %v", merr)
		} else {
			if got := run(t, s, `SELECT USER_NAME() AS u`).String(); !strings.Contains(got, "guest") {
				t.Fatalf("guest: %s", got)
			}
			s.Close()
		}

		// DISABLE: 18456 state 7 even with the right (cached) password.
		wantErrs(t, sa, `ALTER LOGIN lo DISABLE`)
		if _, merr := e.Authenticate("lo", "Lo9!pass_x"); merr == nil || merr.Number != 18456 || merr.State != 7 {
			t.Fatalf("disabled login: %v", merr)
		}
		wantErrs(t, sa, `ALTER LOGIN lo ENABLE`)
		if _, merr := e.Authenticate("lo", "Lo9!pass_x"); merr != nil {
			t.Fatalf("enabled login: %v", merr)
		}
		// A password change invalidates the cached verification.
		wantErrs(t, sa, `ALTER LOGIN lo WITH PASSWORD = 'New9!pass_y'`)
		if _, merr := e.Authenticate("lo", "Lo9!pass_x"); merr == nil || merr.State != 8 {
			t.Fatalf("old password after change: %v", merr)
		}
		if _, merr := e.Authenticate("lo", "New9!pass_y"); merr != nil {
			t.Fatalf("new password: %v", merr)
		}
		wantErrs(t, sa, `ALTER LOGIN lo WITH PASSWORD = 'short'`, 15116)

		// Server roles: dbcreator may create databases.
		wantErrs(t, lo, `CREATE DATABASE lodb`, 262)
		wantErrs(t, sa, `ALTER SERVER ROLE dbcreator ADD MEMBER lo`)
		wantErrs(t, lo, `CREATE DATABASE lodb`)

		// DROP LOGIN, then logins fail with state 5.
		wantErrs(t, sa, `DROP LOGIN nouser`)
		if _, merr := e.Authenticate("nouser", "No9!pass_x"); merr == nil || merr.State != 5 {
			t.Fatalf("dropped login: %v", merr)
		}
	})
}

// TestSecuritySysadminFast checks that a sysadmin session's context is
// taken once (the permission check is a bool test afterwards).
func TestSecuritySysadminFast(t *testing.T) {
	forEachBackend(t, func(t *testing.T, e *Engine) {
		sa := newSession(t, e)
		defer sa.Close()
		run(t, sa, `SELECT 1`)
		ps := sa.(*session).ps
		if !ps.SecurityFast() {
			t.Fatal("sysadmin session is not on the fast path")
		}
	})
}

// BenchmarkSecurityPointSelect compares a point select by sysadmin (no
// permission check) with the same select by a user holding a GRANT (the
// check runs per statement).
func BenchmarkSecurityPointSelect(b *testing.B) {
	e := openEngine(b, backends[0].open(b, b.TempDir()))
	defer e.Close()
	sa := newSession(b, e)
	defer sa.Close()
	run(b, sa, `CREATE TABLE dbo.t (id int PRIMARY KEY, v int)
INSERT dbo.t VALUES (1, 10)
CREATE LOGIN bu WITH PASSWORD = 'Bu9!pass_x'
CREATE USER bu FOR LOGIN bu
GRANT SELECT ON dbo.t TO bu`)
	li, merr := e.Authenticate("bu", "Bu9!pass_x")
	if merr != nil {
		b.Fatal(merr)
	}
	bu, merr := e.NewSession(SessionConfig{SPID: 70, Login: li, Database: "master", ODBCDefaults: true})
	if merr != nil {
		b.Fatal(merr)
	}
	defer bu.Close()
	for _, c := range []struct {
		name string
		s    Session
	}{{"sysadmin", sa}, {"granted", bu}} {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				run(b, c.s, `SELECT v FROM dbo.t WHERE id = 1`)
			}
		})
	}
}
