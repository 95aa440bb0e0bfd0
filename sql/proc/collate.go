package proc

import (
	"github.com/tsqld/tsqld/sql/collation"
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
