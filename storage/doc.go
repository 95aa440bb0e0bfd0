// Package storage defines the narrow transactional ordered key-value
// interface the SQL layer stores rows and index entries in, plus the
// shared pieces every backend uses (transaction write buffers, savepoints,
// key locks with timeouts and deadlock detection). Backends live in
// storage/mem (B-tree, for tests/tempdb) and storage/pebble (durable).
//
// It must not import anything under sql/, tds/ or server/.
package storage
