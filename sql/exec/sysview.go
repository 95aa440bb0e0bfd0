package exec

import (
	"errors"
	"fmt"

	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/sysobj"
	"github.com/tsqld/tsqld/sql/types"
)

// systemScan computes a system view's rows and pushes them to y. The
// session implements sysobj.Env; without it (tests that build a Ctx by
// hand) the view reads the catalog only.
func (c *Ctx) systemScan(r *sem.SystemScan, y Yield) error {
	env, _ := c.Sess.(sysobj.Env)
	sc := &sysobj.Ctx{Env: env, Cat: c.Cat}
	if r.DB != 0 {
		sc.DB = c.Cat.DatabaseByID(r.DB)
	}
	if env == nil {
		return errNoSysEnv
	}
	for _, a := range r.Args {
		v, err := c.Eval(a, nil)
		if err != nil {
			return merr(err)
		}
		sc.Args = append(sc.Args, v)
	}
	rows := r.View.Rows(sc)
	out := make([]types.Value, len(r.Out))
	for _, row := range rows {
		if err := c.Go.Err(); err != nil {
			return err
		}
		if len(row) != len(out) {
			return fmt.Errorf("exec: system view %s.%s computed %d values for %d columns", r.View.Schema, r.View.Name, len(row), len(out))
		}
		copy(out, row)
		if err := y(out); err != nil {
			return err
		}
	}
	return nil
}

var errNoSysEnv = errors.New("exec: system views need a session that implements sysobj.Env")
