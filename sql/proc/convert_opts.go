package proc

import (
	"github.com/tsqld/tsqld/sql/exec"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/types"
)

// assignConvert is the implicit conversion of an assignment (INSERT and
// UPDATE values, SET @v, DECLARE … =): like exec.Convert, but a string
// read as a date follows SET DATEFORMAT.
func (s *Session) assignConvert(v types.Value, from, to types.Type) (types.Value, *msgs.Error) {
	if f := s.opts.DateFormat; f == "" || f == "mdy" || v.K != types.KindString {
		return exec.Convert(v, from, to)
	}
	return types.ConvertWith(v, from, to, &types.ConvertOptions{DateFormat: s.opts.DateFormat})
}
