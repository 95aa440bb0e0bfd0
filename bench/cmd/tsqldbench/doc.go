// Command tsqldbench measures tsqld side by side with PostgreSQL on the same
// machine in the same run and reports ratios (tsqld / PostgreSQL), never
// absolute claims. scripts/bench.sh sets both servers up and calls it.
//
// Subcommands:
//
//	run       drive both servers through database/sql (go-mssqldb and pgx
//	          stdlib) with the same code path and print the comparison
//	drive     run workloads against one server only, one line per window
//	          (before/after comparisons of one change; load for profiles)
//	launch    start a server process, time start → first successful login,
//	          write its pid, leave it running (used by bench.sh)
//	serve     a stand-in for `tsqld serve --port N --data DIR` built on
//	          package embed, for trees whose tsqld binary has no serve yet
//	password  print a random password meeting SQL Server's policy
//	freeport  print a free loopback TCP port
//
// Server CPU is read from /proc: tsqld's own process, and for PostgreSQL
// the postmaster with all its children (including exited backends through
// the postmaster's cumulative children time), so the client's work never
// counts.
//
// It is a main package with no tests of its own, so `go test ./...` pays
// only its compilation. It imports embed (for the serve stand-in) and the
// client drivers; nothing in the module may import it.
package main
