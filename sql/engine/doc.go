// Package engine is the façade of the SQL engine: it opens databases on a
// storage backend, authenticates logins from the catalog, and creates
// sessions that execute batches, RPCs and transaction-manager requests,
// streaming results to a result.Writer.
//
// The server (wire adapter), the embed package, the sqllogictest runner and
// tests use only this package and sql/result. It must not import tds or
// server.
package engine
