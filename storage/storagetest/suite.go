package storagetest

import (
	"testing"

	"github.com/tsqld/tsqld/storage"
)

// Run runs the conformance suite against engines opened by open.
func Run(t *testing.T, open OpenFunc) {
	tests := []struct {
		name string
		fn   func(t *testing.T, e storage.Engine)
	}{
		{"BasicGetSetDelete", testBasic},
		{"EngineGet", testEngineGet},
		{"ScanBounds", testScanBounds},
		{"ReadYourWrites", testReadYourWrites},
		{"ScanMergesWrites", testScanMergesWrites},
		{"ScanStableUnderWrites", testScanStableUnderWrites},
		{"Rollback", testRollback},
		{"TxnDone", testTxnDone},
		{"ReadOnly", testReadOnly},
		{"SnapshotIsolation", testSnapshotIsolation},
		{"RefreshSnapshot", testRefreshSnapshot},
		{"SnapshotIgnoresRefresh", testSnapshotIgnoresRefresh},
		{"UpdateConflict", testUpdateConflict},
		{"GetForUpdate", testGetForUpdate},
		{"Savepoints", testSavepoints},
		{"LockTimeoutZero", testLockTimeoutZero},
		{"LockTimeoutPositive", testLockTimeoutPositive},
		{"LockWaitThenGrant", testLockWaitThenGrant},
		{"LockWaitForeverCancel", testLockWaitForeverCancel},
		{"LockFIFO", testLockFIFO},
		{"Deadlock", testDeadlock},
		{"DeadlockThreeWay", testDeadlockThreeWay},
		{"ConcurrentCommitters", testConcurrentCommitters},
		{"RandomModel", testRandomModel},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := open(t)
			defer func() {
				if err := e.Close(); err != nil {
					t.Errorf("Close: %v", err)
				}
			}()
			tc.fn(t, e)
		})
	}
}
