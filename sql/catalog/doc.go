// Package catalog owns the server's metadata: logins, databases, schemas and
// the objects inside them (tables with columns, indexes and constraints,
// views, procedures), their persistence as keys in the storage engine, the
// key layout of table data, and the server identity (@@VERSION).
//
// The in-memory Catalog is the authority while the server runs; every
// change is also written through the caller's storage transaction so that it
// survives restart and rolls back with the transaction (the engine reloads
// the in-memory copy after a rollback that touched DDL).
//
// It must not import tds, server, or any sql/ package other than sql/types,
// sql/msgs and storage.
package catalog
