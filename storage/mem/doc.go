// Package mem is the in-memory storage backend: committed data is an
// immutable copy-on-write B-tree; each commit publishes a new version
// (O(log n) node copies per written key) and a snapshot is just the
// current version pointer, so snapshots cost nothing and readers never
// block writers. It is used for tests, tempdb and table variables; it is
// not durable (commits just apply, nothing is synced).
//
// The transaction machinery (locks, write buffers, savepoints) comes from
// package storage; mem only provides storage.Base. It must not import
// anything under sql/.
package mem
