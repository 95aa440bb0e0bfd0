package slt

import "context"

// Rows is a query result: the column count and the raw values.
type Rows struct {
	Columns int
	Values  [][]Value
}

// DB is what the runner needs from a database session. One DB serves one
// file, in order, on one session (USE and temp objects must persist).
type DB interface {
	// Exec runs one batch and reports whether it failed.
	Exec(ctx context.Context, sql string) error
	// Query runs one batch and returns its first result set.
	Query(ctx context.Context, sql string) (*Rows, error)
	// Close ends the session and drops what Open created.
	Close() error
}

// OpenFunc opens a fresh, empty database for one test file; seq numbers
// the files of a run (0, 1, …) so names can be unique.
type OpenFunc func(ctx context.Context, file string, seq int) (DB, error)
