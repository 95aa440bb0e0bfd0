package exec

import (
	"github.com/tsqld/tsqld/sql/collation"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

// KeyHasher evaluates hash-join key expressions over a row and encodes
// them as a map key, as the hash join does: strings under their type's
// collation (plan.EquiKeys aligns both sides with the comparison), so
// equal keys mean equal values; a NULL key matches nothing.
type KeyHasher struct {
	keys  []sem.Expr
	colls []*collation.Collation
	vals  []types.Value
	buf   []byte
}

// NewKeyHasher returns a hasher of keys.
func NewKeyHasher(keys []sem.Expr) *KeyHasher {
	return &KeyHasher{keys: keys, colls: exprColls(keys), vals: make([]types.Value, len(keys))}
}

// Key returns the encoded key of row; ok is false when a key is NULL. The
// returned bytes are valid until the next call.
func (h *KeyHasher) Key(c *Ctx, row []types.Value) (key []byte, ok bool, err *msgs.Error) {
	for i, k := range h.keys {
		v, merr := c.Eval(k, row)
		if merr != nil {
			return nil, false, merr
		}
		if v.K == types.KindNull {
			return nil, false, nil
		}
		h.vals[i] = v
	}
	h.buf = EncodeKeyColl(h.buf[:0], h.vals, nil, h.colls)
	return h.buf, true, nil
}
