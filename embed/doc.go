// Package embed runs a complete tsqld server inside a Go process: it opens
// the SQL engine (in memory or on disk) and the TDS server on top of it,
// in the style of etcd's embed package. Go tests and applications use it
// directly; `tsqld serve` calls it too.
//
//	srv, err := embed.Start(ctx, embed.Config{})
//	db, err := sql.Open("sqlserver", srv.DSN())
//	defer srv.Close()
//
// It wires sql/engine, the storage backends and server; it must not be
// imported by any of them, nor by cmd/ beyond the serve command.
package embed
