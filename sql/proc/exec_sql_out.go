package proc

import (
	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/exec"
	"github.com/tsqld/tsqld/sql/result"
)

// captureReturns is discardReturns that keeps the output parameters of a
// T-SQL `EXEC sp_executesql …, @v OUTPUT` so they can be assigned to the
// caller's variables (nothing goes to the client: the batch is no RPC).
type captureReturns struct {
	result.Writer
	outs []result.ReturnValue
}

func (*captureReturns) ReturnStatus(int32) error { return nil }
func (c *captureReturns) ReturnValue(rv result.ReturnValue) error {
	c.outs = append(c.outs, rv)
	return nil
}

// assignOutputs stores captured output values into the caller's variables;
// ordinal k is args[skip+k-1] (skip: the statement and definition).
func (s *Session) assignOutputs(args []*ast.ExecArg, skip int, outs []result.ReturnValue) {
	for _, rv := range outs {
		i := skip + rv.Ordinal - 1
		if i < 0 || i >= len(args) || !args[i].Output {
			continue
		}
		vr, ok := args[i].Value.(*ast.VarRef)
		if !ok {
			continue
		}
		slot, ok := s.frame.lookup(vr.Name)
		if !ok {
			continue
		}
		if cv, err := exec.Convert(rv.Value, rv.Type, s.frame.types[slot]); err == nil {
			s.frame.vals[slot] = cloneVal(cv)
		}
	}
}
