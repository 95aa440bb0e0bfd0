package exec

import (
	"sync"

	"github.com/tsqld/tsqld/sql/collation"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

func init() {
	registerEval(evalCollationProperty, "COLLATIONPROPERTY")
}

// propValues caches COLLATIONPROPERTY results by (name, property): the
// function is pure and queries call it per row (go-mssqldb's collation
// test does so over the 5,508 collations, inside correlated subqueries).
// The sql_variant values share their immutable VariantValue.
var (
	propMu     sync.RWMutex
	propValues = map[[2]string]types.Value{}
)

// evalCollationProperty answers COLLATIONPROPERTY from the collation
// catalogue: an int wrapped in sql_variant, NULL when the name or the
// property is unknown.
func evalCollationProperty(c *Ctx, x *sem.Func, args []types.Value) (types.Value, *msgs.Error) {
	if anyNull(args) {
		return types.Null, nil
	}
	k := [2]string{args[0].S, args[1].S}
	propMu.RLock()
	v, ok := propValues[k]
	propMu.RUnlock()
	if ok {
		return v, nil
	}
	n, ok := collation.Property(k[0], k[1])
	v = types.Null
	if ok {
		v = types.VariantOf(types.TypeInt, types.Value{K: types.KindInt, I: int64(n)})
	}
	propMu.Lock()
	if len(propValues) < 1<<16 {
		propValues[k] = v
	}
	propMu.Unlock()
	return v, nil
}
