package exec

import (
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/session"
)

// arithSoft reports whether the arithmetic error e is not an error under
// the session options: with ARITHABORT and ANSI_WARNINGS both OFF a
// divide by zero or an overflow makes the value NULL and sends the warning
// "Division by zero occurred." (3607) or "Arithmetic overflow occurred."
// (3606), unless ARITHIGNORE is ON.
func (c *Ctx) arithSoft(e *msgs.Error) bool {
	if c.Opts == nil || c.Opts.Has(session.ArithAbort) || c.Opts.Has(session.AnsiWarnings) {
		return false
	}
	var warn int32
	switch e.Number {
	case 8134: // Divide by zero error encountered.
		warn = 3607
	case 8115, 220, 232: // arithmetic overflow (expressions, conversions)
		warn = 3606
	default:
		return false
	}
	if c.Warn != nil && !c.Opts.Has(session.ArithIgnore) {
		c.Warn(warn)
	}
	return true
}
