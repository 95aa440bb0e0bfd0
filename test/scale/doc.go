// Package scale checks what must hold at size: a large table loads through
// go-mssqldb's bulk copy, a primary-key point select reads a handful of
// keys (an index seek, not a scan) — observed by counting what the engine
// reads from storage — and the data survives a restart on pebble.
//
// The default row count keeps `go test ./...` quick; TSQLD_SCALE_ROWS=1000000
// runs the 1 M-row check.
package scale
