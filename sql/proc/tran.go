package proc

import (
	"context"
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/session"
)

func isTranStmt(st ast.Node) bool {
	switch st.(type) {
	case *ast.BeginTranStmt, *ast.CommitStmt, *ast.RollbackStmt, *ast.SaveTranStmt:
		return true
	}
	return false
}

func (s *Session) tranStmt(ctx context.Context, st ast.Node, w result.Writer, rc *runCtx) (*stmtError, error) {
	switch x := st.(type) {
	case *ast.BeginTranStmt:
		outer := s.tx == nil || !s.tx.explicit
		if serr, err := s.beginTran(ctx, w); serr != nil || err != nil {
			return serr, err
		}
		if outer && s.tx != nil && x.Name != "" && !strings.HasPrefix(x.Name, "@") {
			s.tx.name = x.Name
		}
		return nil, w.Done(result.Done{Cmd: result.CmdBeginTx, InProc: rc.inProc})
	case *ast.CommitStmt:
		if serr, err := s.commitTran(w); serr != nil || err != nil {
			return serr, err
		}
		return nil, w.Done(result.Done{Cmd: result.CmdEndTx, InProc: rc.inProc})
	case *ast.RollbackStmt:
		if serr, err := s.rollbackTran(x.Name, w); serr != nil || err != nil {
			return serr, err
		}
		return nil, w.Done(result.Done{Cmd: result.CmdEndTx, InProc: rc.inProc})
	case *ast.SaveTranStmt:
		if s.tx == nil || !s.tx.explicit {
			return msgErr(628), nil
		}
		sp := s.stmtSavepoint()
		sp.name = strings.ToLower(x.Name)
		s.tx.saves = append(s.tx.saves, sp)
		return nil, w.Done(result.Done{Cmd: result.CmdEndTx, InProc: rc.inProc})
	}
	return nil, nil
}

func (s *Session) beginTran(ctx context.Context, w result.Writer) (*stmtError, error) {
	if s.tx != nil && s.tx.explicit {
		s.tx.count++
		return nil, nil
	}
	if err := s.begin(ctx, true); err != nil {
		if m := storageError(err); m != nil {
			return stmtErr(m), nil
		}
		return nil, err
	}
	return nil, envTran(w, result.EnvBeginTran, s.tx.desc)
}

func (s *Session) commitTran(w result.Writer) (*stmtError, error) {
	if s.tx == nil || !s.tx.explicit {
		return msgErr(3902), nil
	}
	if s.tx.doomed {
		return msgErr(3930), nil
	}
	if s.tx.count > 1 {
		s.tx.count--
		return nil, nil
	}
	desc := s.tx.desc
	if err := s.commitAll(); err != nil {
		if m := storageError(err); m != nil {
			w.EnvChange(result.EnvChange{Type: result.EnvRollbackTran, Descriptor: desc})
			return stmtErr(m), nil
		}
		return nil, err
	}
	return nil, w.EnvChange(result.EnvChange{Type: result.EnvCommitTran, Descriptor: desc})
}

func (s *Session) rollbackTran(name string, w result.Writer) (*stmtError, error) {
	if s.tx == nil || !s.tx.explicit {
		return msgErr(3903), nil
	}
	if name != "" && !strings.HasPrefix(name, "@") {
		ln := strings.ToLower(name)
		for i := len(s.tx.saves) - 1; i >= 0; i-- {
			if s.tx.saves[i].name == ln {
				s.rollbackTo(s.tx.saves[i])
				s.tx.saves = s.tx.saves[:i+1]
				return nil, nil
			}
		}
		if !strings.EqualFold(name, s.tx.name) {
			// A name that is neither a savepoint nor the outermost
			// transaction's name: Msg 6401, the transaction stays open.
			return msgErr(6401, name), nil
		}
	}
	desc := s.tx.desc
	s.rollbackAll()
	return nil, w.EnvChange(result.EnvChange{Type: result.EnvRollbackTran, Descriptor: desc})
}

// ExecTM runs a transaction-manager request.
func (s *Session) ExecTM(ctx context.Context, req TMRequest, w result.Writer) error {
	s.ctx = ctx
	defer s.beginRequest()() // other sessions see the transaction state it leaves
	var serr *stmtError
	var err error
	switch req.Kind {
	case 5: // begin
		if req.Isolation != 0 {
			s.opts.Isolation = session.Isolation(req.Isolation)
		}
		serr, err = s.beginTran(ctx, w)
	case 7: // commit
		serr, err = s.commitTran(w)
		if serr == nil && err == nil && req.BeginNew {
			if req.BeginNewIsolation != 0 {
				s.opts.Isolation = session.Isolation(req.BeginNewIsolation)
			}
			serr, err = s.beginTran(ctx, w)
		}
	case 8: // rollback
		serr, err = s.rollbackTran(req.Name, w)
		if serr == nil && err == nil && req.BeginNew {
			serr, err = s.beginTran(ctx, w)
		}
	case 9: // save
		if s.tx == nil || !s.tx.explicit {
			serr = msgErr(628)
		} else {
			sp := s.stmtSavepoint()
			sp.name = strings.ToLower(req.Name)
			s.tx.saves = append(s.tx.saves, sp)
		}
	default:
		serr = stmtErr(msgs.New(8180))
	}
	if err != nil {
		return err
	}
	if serr != nil {
		serr.e.Server = s.srv.cfg.ServerName
		if err := w.Message(serr.e); err != nil {
			return err
		}
		return w.Done(result.Done{Error: true})
	}
	return w.Done(result.Done{})
}
