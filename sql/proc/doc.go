// Package proc is the batch and procedure interpreter: it parses batches,
// runs statements in order with SQL Server's abort rules (statement-,
// batch- and transaction-aborting errors), manages the session's
// transaction (@@TRANCOUNT nesting, savepoints, XACT_ABORT), variables,
// control flow, TRY/CATCH, RPC (sp_executesql, prepared handles,
// procedures) and the plan cache lookups, and streams results to a
// result.Writer.
//
// Server holds what sessions share (storage, catalog, plan cache); Session
// is one connection's state. The sql/engine package adapts them to the
// public contract.
//
// It must not import tds or server.
package proc
