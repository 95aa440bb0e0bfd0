package engine

import (
	"context"

	"github.com/tsqld/tsqld/sql/proc"
	"github.com/tsqld/tsqld/sql/result"
)

// session adapts a proc.Session to the Session contract.
type session struct {
	eng  *Engine
	ps   *proc.Session
	spid int16
	// params is ExecRPC's argument buffer, reused per request (a session
	// runs one request at a time; proc keeps no reference to it).
	params []proc.Param
}

func (s *session) ExecBatch(ctx context.Context, sql string, w result.Writer) error {
	return s.ps.ExecBatch(ctx, sql, w)
}

func (s *session) ExecRPC(ctx context.Context, rpc *RPC, w result.Writer) error {
	if cap(s.params) < len(rpc.Params) {
		s.params = make([]proc.Param, len(rpc.Params))
	}
	params := s.params[:len(rpc.Params)]
	for i, p := range rpc.Params {
		params[i] = proc.Param{Name: p.Name, Type: p.Type, Value: p.Value, Output: p.Output, TVP: p.TVP}
	}
	err := s.ps.ExecRPC(ctx, rpc.ProcID, rpc.ProcName, params, w)
	clear(params) // do not keep the request's values alive
	return err
}

func (s *session) ExecTM(ctx context.Context, req *TMRequest, w result.Writer) error {
	return s.ps.ExecTM(ctx, proc.TMRequest{
		Kind: uint8(req.Kind), Name: req.Name, Isolation: req.Isolation,
		BeginNew: req.BeginNew, BeginNewIsolation: req.BeginNewIsolation,
	}, w)
}

func (s *session) Reset(w result.Writer) error { return s.ps.Reset(w) }
func (s *session) Database() string            { return s.ps.Database() }
func (s *session) Language() string            { return s.ps.Language() }
func (s *session) TranDescriptor() uint64      { return s.ps.TranDescriptor() }

func (s *session) Close() error {
	s.eng.forget(s.spid)
	return s.ps.Close()
}
