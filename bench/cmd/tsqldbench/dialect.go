package main

import (
	"database/sql/driver"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	mssql "github.com/microsoft/go-mssqldb"
)

// dialect is what differs between the two servers: the driver, the DSN,
// the parameter marker and a few DDL types. Everything else (statements,
// loops, timing) is one code path.
type dialect struct {
	name   string // "tsqld" or "postgresql"
	driver string // "sqlserver" or "pgx"
	// marker is the parameter marker prefix: "@p" (go-mssqldb) or "$".
	marker string
	// timestamp is the type of history.mtime.
	timestamp string
}

var (
	tsqldDialect = dialect{name: "tsqld", driver: "sqlserver", marker: "@p", timestamp: "datetime2"}
	pgDialect    = dialect{name: "postgresql", driver: "pgx", marker: "$", timestamp: "timestamp"}
)

// q rewrites the $N parameter markers of a statement into the dialect's.
func (d dialect) q(stmt string) string {
	if d.marker == "$" {
		return stmt
	}
	var b strings.Builder
	for i := 0; i < len(stmt); i++ {
		c := stmt[i]
		if c == '$' && i+1 < len(stmt) && stmt[i+1] >= '0' && stmt[i+1] <= '9' {
			b.WriteString(d.marker)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// dsn builds the connection string for sa / postgres with password
// authentication over loopback TCP, without TLS on either side.
func (d dialect) dsn(addr, password string) (string, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "", fmt.Errorf("%s address %q: %w", d.name, addr, err)
	}
	if _, err := strconv.Atoi(port); err != nil {
		return "", fmt.Errorf("%s address %q: bad port", d.name, addr)
	}
	switch d.driver {
	case "sqlserver":
		u := url.URL{Scheme: "sqlserver", User: url.UserPassword("sa", password),
			Host: net.JoinHostPort(host, port), RawQuery: "encrypt=disable&app+name=tsqldbench"}
		return u.String(), nil
	default:
		u := url.URL{Scheme: "postgres", User: url.UserPassword("postgres", password),
			Host: net.JoinHostPort(host, port), Path: "/postgres",
			RawQuery: "sslmode=disable&application_name=tsqldbench"}
		return u.String(), nil
	}
}

// connector returns a driver.Connector for dsn: what the connect workload
// opens a fresh connection through each time, and what the pools use.
func (d dialect) connector(dsn string) (driver.Connector, error) {
	switch d.driver {
	case "sqlserver":
		return mssql.NewConnector(dsn)
	default:
		cfg, err := pgx.ParseConfig(dsn)
		if err != nil {
			return nil, err
		}
		return stdlib.GetConnector(*cfg), nil
	}
}

// schema is the pgbench schema (pgbench_* without the prefix). The primary
// keys are declared up front (pgbench adds them after loading) so that
// the bulk load measures loading into an indexed table on both sides.
func (d dialect) schema() []string {
	return []string{
		"CREATE TABLE branches (bid int NOT NULL PRIMARY KEY, bbalance int, filler char(88))",
		"CREATE TABLE tellers (tid int NOT NULL PRIMARY KEY, bid int, tbalance int, filler char(84))",
		"CREATE TABLE accounts (aid int NOT NULL PRIMARY KEY, bid int, abalance int, filler char(84))",
		"CREATE TABLE history (tid int, bid int, aid int, delta int, mtime " + d.timestamp + ", filler char(22))",
	}
}

// insertTable is the table the multi-row INSERT comparison loads into
// (same shape as accounts).
func (d dialect) insertTable() string {
	return "CREATE TABLE accounts_ins (aid int NOT NULL PRIMARY KEY, bid int, abalance int, filler char(84))"
}

var benchTables = []string{"history", "accounts", "accounts_ins", "accounts_probe", "tellers", "branches"}
