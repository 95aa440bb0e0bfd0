// Package exec runs bound plans: expression evaluation, pull iterators
// (scan, filter, project, joins, aggregate, sort, distinct, top, set
// operations), table storage (row and index-entry encoding over the
// storage transaction) and DML with constraint checks.
//
// It must not import tds, server, sql/parser or sql/proc.
package exec
