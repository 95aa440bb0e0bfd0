// Package engine is the façade of the SQL engine: it opens databases on a
// storage backend, authenticates logins from the catalog, and creates
// sessions that execute batches, RPCs and transaction-manager requests,
// streaming results to a result.Writer.
//
// Backends: Config.Storage/TempStorage when the caller supplies them,
// otherwise storage/mem (no DataDir, InMemory) or storage/pebble (DataDir);
// tempdb always lives on its own in-memory store. The work itself is done
// by sql/proc (batches, sessions), sql/sem (binding), sql/plan (plan cache,
// optimizer) and sql/exec (execution); this package only adapts them to
// the contract in api.go.
//
// Tests here drive Session.ExecBatch/ExecRPC/ExecTM with a
// result.Collector on both backends, run the golden T-SQL files in
// testdata/tsql (see golden_test.go for the format) and the statements of
// the sqllogictest corpus; benchmarks cover the plan cache, the point
// select by primary key through sp_executesql, and inserts.
//
// The server (wire adapter), the embed package, the sqllogictest runner and
// tests use only this package and sql/result. It must not import tds or
// server.
package engine
