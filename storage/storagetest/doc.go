// Package storagetest is the conformance suite every storage backend runs:
// Run(t, open) checks the storage.Engine contract (reads, scans, read your
// writes, snapshots, savepoints, locks, lock timeouts, deadlocks, update
// conflicts, concurrent commits) and Bench measures the hot paths. A
// backend's own tests call them with a function that opens a fresh engine.
//
// It imports only storage (and testing); never anything under sql/.
package storagetest
