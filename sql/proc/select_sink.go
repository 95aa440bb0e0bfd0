package proc

import (
	"github.com/tsqld/tsqld/sql/exec"
	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/types"
)

// rowSink sends a SELECT's rows to the client, counting them and applying
// SET ROWCOUNT and SET TEXTSIZE. The session keeps one, with its callback
// made once, instead of a closure and a counter allocated per statement;
// a SELECT that runs while it is busy (none today: a row's evaluation does
// not send result sets) gets its own.
type rowSink struct {
	s     *Session
	w     result.Writer
	n     int64
	limit int64
	trunc []int
	busy  bool
	fn    exec.Yield
}

func (s *Session) rowSink(w result.Writer, limit int64, trunc []int) *rowSink {
	k := s.sink
	if k == nil || k.busy {
		k = &rowSink{s: s}
		k.fn = k.row
		if s.sink == nil {
			s.sink = k
		}
	}
	k.w, k.n, k.limit, k.trunc, k.busy = w, 0, limit, trunc, true
	return k
}

// release ends the statement's use of k.
func (k *rowSink) release() {
	k.w, k.trunc, k.busy = nil, nil, false
}

func (k *rowSink) row(row []types.Value) error {
	if k.limit > 0 && k.n >= k.limit {
		return errRowLimit // SET ROWCOUNT
	}
	k.n++
	if k.trunc != nil {
		row = k.s.applyTextSize(row, k.trunc)
	}
	return k.w.Row(row)
}
