// Package exec runs bound plans: expression evaluation, pull iterators
// (scan, filter, project, joins, aggregate, sort, distinct, top, set
// operations), table storage (row and index-entry encoding over the
// storage transaction) and DML with constraint checks. It also describes
// what it runs: the showplan operators of a tree (explain.go, sharing the
// seek choice with the executor), per-table read counts (iostats.go, SET
// STATISTICS IO) and per-operator row counts (profile.go).
//
// It must not import tds, server, sql/parser or sql/proc.
package exec
