package exec

import "github.com/tsqld/tsqld/sql/session"

// nullEliminated is called when an aggregate (COUNT(x), SUM, AVG, MIN,
// MAX, STDEV, VAR, STRING_AGG, CHECKSUM_AGG …, also as a window
// aggregate; never COUNT(*)) skips a NULL input. With ANSI_WARNINGS ON
// SQL Server then sends, once per statement, "Warning: Null value is
// eliminated by an aggregate or other SET operation." (8153, severity 10;
// the "SET operation" is SQL-92's set function, i.e. the aggregate).
// Callers test c.nullElim first, so the per-row cost after the first
// NULL is one load.
func (c *Ctx) nullEliminated() {
	c.nullElim = true
	if c.Warn == nil || c.Opts == nil || !c.Opts.Has(session.AnsiWarnings) {
		return
	}
	c.Warn(8153)
}
