package proc

import (
	"github.com/tsqld/tsqld/sql/collation"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/types"
)

// collationDesc validates a COLLATE name of a DDL statement (column,
// database) and returns its descriptor under the canonical spelling, or
// Msg 448 "Invalid collation '%.*ls'." for an unknown name.
func collationDesc(name string) (types.Collation, *stmtError) {
	c, err := collation.Lookup(name)
	if err != nil {
		return types.Collation{}, stmtErr(err)
	}
	return types.CollationInfo(c), nil
}

// unicodeOnly is Msg 459 for a Unicode-only collation (code page 0:
// Hindi/Indic_General, Bengali, Divehi, …) where non-Unicode data would
// need a code page: a database's default collation, or a char, varchar
// or text column. nil when the collation has a code page or t is a
// Unicode type (database: pass the zero Type).
func unicodeOnly(name string, t types.Type, database bool) *stmtError {
	c, err := collation.Lookup(name)
	if err != nil || c.CodePage != 0 {
		return nil
	}
	switch t.ID {
	case types.Char, types.VarChar, types.Text:
	default:
		if !database {
			return nil
		}
	}
	const text = "Collation '%.*ls' is supported on Unicode data types only and cannot be set at the database or server level."
	if msgs.Text("us_english", 459) != "" {
		return stmtErr(msgs.New(459, c.Name))
	}
	return stmtErr(&msgs.Error{Number: 459, Severity: 16, State: 1, Text: msgs.Format(text, c.Name)})
}
