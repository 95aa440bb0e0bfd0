package storage

import "github.com/tsqld/tsqld/storage/internal/kvtree"

// Write is one change in a commit: Key=Value, or a deletion of Key when
// Delete is set.
type Write = kvtree.Item

// Reader is a consistent read-only view of committed data: a snapshot, or
// the latest state.
type Reader interface {
	// Get returns the value of key. The value must not be modified by the
	// caller and must stay valid after the Reader is closed.
	Get(key []byte) (value []byte, ok bool, err error)
	// Scan iterates keys in [lower, upper) (nil bound = unbounded),
	// descending when reverse is set.
	Scan(lower, upper []byte, reverse bool) Iterator
	// Close releases the view (iterators already open stay usable until
	// they are closed). It is called exactly once per Reader: a backend
	// may hand the same shared view to several callers, each holding one
	// reference.
	Close() error
}

// Base is what a backend provides: committed state with consistent
// snapshots and atomic batch application. The transaction machinery (write
// buffers, savepoints, locks, deadlock detection, conflict checks) is built
// once over it by NewDB.
type Base interface {
	// Get reads the latest committed value of key (same value contract as
	// Reader.Get).
	Get(key []byte) (value []byte, ok bool, err error)
	// Snapshot returns a view of the latest committed state that later
	// commits do not change.
	Snapshot() (Reader, error)
	// Apply commits writes (sorted by key, no duplicates) atomically: a
	// snapshot sees all of them or none. It is durable when it returns if
	// the backend is durable. Concurrent calls are allowed (that is what
	// lets a durable backend group their syncs). Apply may retain the
	// slices: the caller never modifies them afterwards.
	Apply(writes []Write) error
	// Close releases the store.
	Close() error
}
