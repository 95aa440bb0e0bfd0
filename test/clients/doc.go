// Package clients runs the client matrix: real SQL Server client libraries
// other than go-mssqldb (FreeTDS tsql, pymssql, tedious, jTDS) against an
// in-process tsqld, each driving the same scenario (select of typed values,
// parameters, transactions, an error). scripts/test.sh installs the clients
// and sets TSQLD_CLIENT_TESTS=1, which turns a missing client into a failure
// instead of a skip.
package clients
