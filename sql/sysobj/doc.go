// Package sysobj owns SQL Server's system catalog as clients see it: the
// sys.* catalog views and dynamic management views, the SQL Server 2000
// compatibility views (sysobjects, syscolumns, sysdatabases …) and the
// INFORMATION_SCHEMA views. Each view is a virtual table whose rows are
// computed from the engine's catalog (and the running server's sessions)
// when a query reads it, so it always reflects the current metadata.
//
// Column names, order, types and nullability are SQL Server's, because
// ORMs, drivers and tools introspect these views by position and type.
//
// The binder (sql/sem) resolves names to a *View through Lookup; the
// executor (sql/exec) computes rows through View.Rows with an Env that the
// session (sql/proc) implements.
//
// It must not import tds, server, storage, service, sql/sem, sql/exec,
// sql/plan, sql/proc or sql/parser.
package sysobj
