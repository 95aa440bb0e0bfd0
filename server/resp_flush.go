package server

import "github.com/tsqld/tsqld/sql/result"

var _ result.Flusher = (*resp)(nil)

// Flush sends every token buffered so far (RAISERROR … WITH NOWAIT). The
// held-back DONE stays pending: whether MORE follows it is not known yet.
func (r *resp) Flush() error {
	if err := r.ctx.Err(); err != nil {
		return err
	}
	return r.mw.FlushPartial()
}
