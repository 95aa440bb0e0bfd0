package exec

import (
	"github.com/tsqld/tsqld/sql/collation"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

func init() {
	registerEval(evalCollationProperty, "COLLATIONPROPERTY")
}

// evalCollationProperty answers COLLATIONPROPERTY from the collation
// catalogue: an int wrapped in sql_variant, NULL when the name or the
// property is unknown.
func evalCollationProperty(c *Ctx, x *sem.Func, args []types.Value) (types.Value, *msgs.Error) {
	if anyNull(args) {
		return types.Null, nil
	}
	v, ok := collation.Property(args[0].S, args[1].S)
	if !ok {
		return types.Null, nil
	}
	return types.VariantOf(types.TypeInt, types.Value{K: types.KindInt, I: int64(v)}), nil
}
