package exec

import (
	"github.com/tsqld/tsqld/sql/rowcodec"
	"github.com/tsqld/tsqld/sql/types"
)

// appendVariantHashKey encodes a sql_variant for EncodeKey (GROUP BY,
// DISTINCT, hash joins): rowcodec's key of the variant, which orders by
// base type family then value (string bases under their collation), so
// equal variants encode equally and unequal ones differently. Without it
// every sql_variant grouped as one value (GROUP BY COLLATIONPROPERTY(…)).
func appendVariantHashKey(dst []byte, v *types.Value) []byte {
	var coll rowcodec.SortKeyer
	if v.Var != nil && v.Var.Value.K == types.KindString {
		coll = types.CollationOf(v.Var.Type)
	}
	k, err := rowcodec.AppendKeyValue(nil, v, rowcodec.Asc, coll)
	if err != nil {
		return appendEscaped(dst, types.Render(*v, types.Type{ID: types.SQLVariant}))
	}
	return appendEscaped(dst, string(k))
}
