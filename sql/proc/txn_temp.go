package proc

import "github.com/tsqld/tsqld/storage"

// tempTxn returns the open transaction's tempdb storage transaction,
// beginning it on first use with the options the transaction began with
// (nil outside a transaction). It starts with undo logging on (a
// savepoint at 0), so statement rollback and ROLLBACK TRAN to a savepoint
// taken before it began undo its writes.
func (s *Session) tempTxn() storage.Txn {
	tx := s.tx
	if tx == nil {
		return nil
	}
	if tx.temp == nil {
		t, err := s.srv.temp.Begin(tx.ctx, tx.opts)
		if err != nil {
			return nil // closed store: the caller's write fails on Main instead
		}
		t.Savepoint()
		tx.temp = t
		s.lockIDs[1].Store(storage.TxnID(t))
	}
	return tx.temp
}
