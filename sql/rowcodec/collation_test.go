package rowcodec

import (
	"bytes"
	"testing"

	"github.com/tsqld/tsqld/sql/collation"
	"github.com/tsqld/tsqld/sql/types"
)

// TestKeyWithCollation checks keys built with the real default collation:
// case-insensitive equality, trailing spaces ignored, order preserved.
func TestKeyWithCollation(t *testing.T) {
	var coll SortKeyer = collation.MustLookup("SQL_Latin1_General_CP1_CI_AS")
	enc := func(s string) []byte {
		v := types.Value{K: types.KindString, S: s}
		k, err := AppendKeyValue(nil, &v, Asc, coll)
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	if !bytes.Equal(enc("abc"), enc("ABC")) || !bytes.Equal(enc("a"), enc("a  ")) {
		t.Fatal("equal strings under CI_AS encode differently")
	}
	order := []string{"", "a", "ab", "b", "B c", "é", "z"}
	for i := 1; i < len(order); i++ {
		if bytes.Compare(enc(order[i-1]), enc(order[i])) >= 0 {
			t.Fatalf("%q should sort before %q", order[i-1], order[i])
		}
	}
}
