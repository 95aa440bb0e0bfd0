// Package pebble is the durable storage backend, over
// github.com/cockroachdb/pebble/v2. Committed state is the pebble DB;
// snapshots are pebble snapshots; a commit is one pebble batch committed
// with Sync, so it is durable when Commit returns, and pebble's commit
// pipeline shares one WAL fsync among concurrent committers (group commit).
// Transactions that start reading between two commits share one pebble
// snapshot (snapcache.go), because taking and closing pebble snapshots
// per statement is costly.
//
// The transaction machinery (locks, write buffers, savepoints) comes from
// package storage; this package only provides storage.Base. It must not
// import anything under sql/.
package pebble
