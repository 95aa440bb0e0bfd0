// Package storage defines the narrow transactional ordered key-value
// interface the SQL layer stores rows and index entries in (Engine, Txn,
// Iterator) and implements the transaction machinery once, generically,
// over a small Base each backend provides (committed state with consistent
// snapshots + atomic batch apply):
//
//   - Txn: a lazily taken snapshot of committed data plus an ordered write
//     buffer (read your writes; scans merge buffer and snapshot in either
//     direction and hide deleted keys); savepoints are an undo log of
//     buffer changes, so they cost nothing until used.
//   - Readers never block writers: reads go to snapshots (MVCC at the
//     granularity of committed states). RefreshSnapshot gives
//     read-committed-snapshot semantics per statement.
//   - Writers take exclusive key locks (a sharded lock table) held until
//     commit or rollback. Waits honour TxnOptions.LockTimeout and the
//     transaction's context. A waits-for graph detects deadlocks; the
//     requester whose wait would close the cycle is the victim and gets
//     ErrDeadlock (SQL Server picks the cheapest victim; we pick the
//     requester, which is deterministic and needs no cross-transaction
//     abort).
//   - Under Snapshot isolation a write to a key whose committed value
//     changed after the snapshot fails with ErrConflict (SQL Server 3960).
//   - Commit applies the buffer atomically through Base.Apply; commits of
//     transactions without writes only release locks.
//
// Backends: storage/mem (copy-on-write B-tree) and storage/pebble
// (durable, synced group commit). storage/storagetest is the conformance
// suite both run.
//
// It must not import anything under sql/, tds/ or server/.
package storage
