package exec

import (
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/types"
)

// TableFuncSession is implemented by sessions that run table-valued user
// functions: args are the database id, the function's object id and the
// arguments; the rows come back materialised.
type TableFuncSession interface {
	UserTableFunc(args []types.Value) ([][]types.Value, *msgs.Error)
}

func (c *Ctx) userTableFunc(args []types.Value, y Yield) error {
	ts, ok := c.Sess.(TableFuncSession)
	if !ok {
		return merr(msgs.New(8180))
	}
	rows, err := ts.UserTableFunc(args)
	if err != nil {
		return merr(err)
	}
	for _, r := range rows {
		if err := y(r); err != nil {
			return err
		}
	}
	return nil
}
