package proc

import (
	"context"

	"github.com/tsqld/tsqld/storage"
)

// SetLoginPassword replaces a SQL login's password outside any session:
// the password change a client asks for in LOGIN7 (after the old password
// was verified). It reports false when the login does not exist.
func (s *Server) SetLoginPassword(ctx context.Context, login, password string) (bool, error) {
	s.ddlMu.Lock()
	defer s.ddlMu.Unlock()
	old := s.cat.Login(login)
	if old == nil {
		return false, nil
	}
	l := *old
	if err := l.SetPassword(password); err != nil {
		return true, err
	}
	txn, err := s.main.Begin(ctx, storage.TxnOptions{LockTimeout: -1})
	if err != nil {
		return true, err
	}
	if err := s.cat.PutLogin(txn, &l); err != nil {
		txn.Rollback()
		return true, err
	}
	return true, txn.Commit()
}
