// Package slt runs sqllogictest files (the format of
// /work/shared/spec/slt-format.md) against a SQL Server–compatible database
// under the engine name "mssql": it parses records, runs them through the
// small DB interface, renders values with the reference drivers' rules
// (I truncates toward zero, R is %.3f, T maps empty to "(empty)" and
// non-printable bytes to '@'), sorts (nosort/rowsort/valuesort), hashes
// with MD5, checks labels, and counts passed/failed/skipped per file and in
// total. A reviewed known-divergence list turns listed failures into skips
// with a reason.
//
// Executors: SQLDB runs over database/sql with go-mssqldb (one connection,
// a fresh database per file); Collector is a result.Writer that gathers an
// in-process engine's rows, so an in-process DB is a few lines.
//
// It may import sql/result, sql/types and sql/msgs (to adapt the engine's
// values) but never the engine, server or tds packages.
package slt
