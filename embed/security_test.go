package embed

import (
	"context"
	"errors"
	"net/url"
	"testing"

	mssql "github.com/microsoft/go-mssqldb"
)

// loginDSN is the server's DSN with another login (and database).
func loginDSN(t *testing.T, s *Server, login, password, db string) string {
	t.Helper()
	u, err := url.Parse(s.DSNWith("disable"))
	if err != nil {
		t.Fatal(err)
	}
	u.User = url.UserPassword(login, password)
	q := u.Query()
	if db != "" {
		q.Set("database", db)
	}
	u.RawQuery = q.Encode()
	return u.String()
}

// mssqlNumber is the SQL Server error number carried by err (0 if none).
func mssqlNumber(err error) int32 {
	var me mssql.Error
	if errors.As(err, &me) {
		return me.Number
	}
	return 0
}

// hasNumber reports whether any error of the response carried number n
// (a login failure sends the reason, then 18456).
func hasNumber(err error, n int32) bool {
	var me mssql.Error
	if !errors.As(err, &me) {
		return false
	}
	for _, e := range me.All {
		if e.Number == n {
			return true
		}
	}
	return me.Number == n
}

// TestSecurityLogin logs in through go-mssqldb as a login created with
// CREATE LOGIN, checks its context and permissions, and that DISABLE
// refuses the next login.
func TestSecurityLogin(t *testing.T) {
	s := start(t, Config{})
	admin := open(t, s.DSNWith("disable"))
	ctx := context.Background()
	for _, q := range []string{
		`CREATE DATABASE shop`,
		`CREATE LOGIN clerk WITH PASSWORD = 'Cl3rk!pass', DEFAULT_DATABASE = shop`,
		`USE shop; CREATE TABLE dbo.items (id int, price money); INSERT dbo.items VALUES (1, 9.5);
		 CREATE USER clerk FOR LOGIN clerk; GRANT SELECT ON dbo.items TO clerk`,
	} {
		if _, err := admin.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}

	clerk := open(t, loginDSN(t, s, "clerk", "Cl3rk!pass", ""))
	clerk.SetMaxOpenConns(1)
	var login, user, db string
	if err := clerk.QueryRowContext(ctx, `SELECT SUSER_SNAME(), USER_NAME(), DB_NAME()`).Scan(&login, &user, &db); err != nil {
		t.Fatal(err)
	}
	if login != "clerk" || user != "clerk" || db != "shop" {
		t.Fatalf("context %s/%s/%s", login, user, db)
	}
	var n int
	if err := clerk.QueryRowContext(ctx, `SELECT COUNT(*) FROM dbo.items`).Scan(&n); err != nil || n != 1 {
		t.Fatalf("granted SELECT: %d %v", n, err)
	}
	if _, err := clerk.ExecContext(ctx, `INSERT dbo.items VALUES (2, 1)`); mssqlNumber(err) != 229 {
		t.Fatalf("INSERT without permission: %v", err)
	}

	// A default database the login has no user in: 4064.
	if _, err := admin.ExecContext(ctx, `CREATE LOGIN drifter WITH PASSWORD = 'Dr1fter!pw', DEFAULT_DATABASE = shop`); err != nil {
		t.Fatal(err)
	}
	if err := open(t, loginDSN(t, s, "drifter", "Dr1fter!pw", "")).PingContext(ctx); !hasNumber(err, 4064) || mssqlNumber(err) != 18456 {
		t.Fatalf("default database without a user: %v", err)
	}

	// Wrong password, then a disabled login: 18456 either way.
	if err := open(t, loginDSN(t, s, "clerk", "wrong", "")).PingContext(ctx); mssqlNumber(err) != 18456 {
		t.Fatalf("wrong password: %v", err)
	}
	if _, err := admin.ExecContext(ctx, `ALTER LOGIN clerk DISABLE`); err != nil {
		t.Fatal(err)
	}
	if err := open(t, loginDSN(t, s, "clerk", "Cl3rk!pass", "")).PingContext(ctx); mssqlNumber(err) != 18456 {
		t.Fatalf("disabled login: %v", err)
	}
}
