package exec

import (
	"bytes"
	"math/rand"
	"strings"
	"testing"

	"github.com/cockroachdb/apd/v3"

	"github.com/tsqld/tsqld/sql/rowcodec"
	"github.com/tsqld/tsqld/sql/types"
)

// The storage-key order must be the comparison order (types.Compare under
// the column's collation), value by value: that is what makes a key range
// a value range for the seeks.
func TestStoreKeyOrderStrings(t *testing.T) {
	names := []string{"", "SQL_Latin1_General_CP1_CS_AS", "Latin1_General_CS_AS", "Latin1_General_CI_AI", "Latin1_General_BIN2", "Latin1_General_BIN"}
	alpha := []string{"a", "b", "A", "B", "é", "É", "e", "E", " ", "-", "'", "z", "Z", "0", "\t", "æ", "ß", "ı", "i", "I"}
	r := rand.New(rand.NewSource(1))
	gen := func() string {
		var b strings.Builder
		for k := r.Intn(5); k >= 0; k-- {
			b.WriteString(alpha[r.Intn(len(alpha))])
		}
		return b.String()
	}
	for _, name := range names {
		for _, unicode := range []bool{false, true} {
			typ := types.Type{ID: types.VarChar, Length: 20}
			if unicode {
				typ.ID = types.NVarChar
			}
			typ.Collation.Name = name
			coll := types.CollationOf(typ)
			colls := []rowcodec.SortKeyer{coll}
			for i := 0; i < 3000; i++ {
				a, b := gen(), gen()
				va := []types.Value{{K: types.KindString, S: a}}
				vb := []types.Value{{K: types.KindString, S: b}}
				ka, err := appendStoreKey(nil, va, nil, colls)
				if err != nil {
					t.Fatal(err)
				}
				kb, _ := appendStoreKey(nil, vb, nil, colls)
				want := Compare(va[0], vb[0], typ)
				if got := bytes.Compare(ka, kb); got != want {
					t.Fatalf("%s unicode=%v: key order of %q vs %q is %d, comparison %d", coll.Name, unicode, a, b, got, want)
				}
				// The LIKE prefix range of a's leading characters holds b
				// whenever b starts with them (character for character).
				if ar := []rune(a); len(ar) > 0 && strings.HasPrefix(b, string(ar[:min(len(ar), 2)])) {
					pre := string(ar[:min(len(ar), 2)])
					pk, used := coll.PrefixKey(nil, pre)
					if used > 0 && !bytes.HasPrefix(kb[1:], escapeKey(pk)) {
						t.Fatalf("%s: key of %q lacks the prefix key of %q", coll.Name, b, pre[:used])
					}
				}
			}
		}
	}
}

func escapeKey(b []byte) []byte {
	var out []byte
	for _, c := range b {
		if c == 0 {
			out = append(out, 0, 0xff)
		} else {
			out = append(out, c)
		}
	}
	return out
}

func TestStoreKeyOrderDecimals(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	dec := func() types.Value {
		var d apd.Decimal
		coeff := r.Int63n(1_000_000_000) - 500_000_000
		if r.Intn(10) == 0 {
			coeff = 0
		}
		d.SetFinite(coeff, int32(-r.Intn(8)))
		return types.Value{K: types.KindDecimal, Dec: d}
	}
	typ := types.Type{ID: types.Decimal, Precision: 38, Scale: 10}
	for i := 0; i < 20000; i++ {
		a, b := dec(), dec()
		ka, _ := appendStoreKey(nil, []types.Value{a}, nil, nil)
		kb, _ := appendStoreKey(nil, []types.Value{b}, nil, nil)
		want := Compare(a, b, typ)
		if got := bytes.Compare(ka, kb); got != want {
			t.Fatalf("key order of %s vs %s is %d, comparison %d", a.Dec.String(), b.Dec.String(), got, want)
		}
	}
	// Values a float64 cannot tell apart still order exactly.
	var x, y apd.Decimal
	x.SetString("1234567890123456789012345.0000000001")
	y.SetString("1234567890123456789012345.0000000002")
	kx, _ := appendStoreKey(nil, []types.Value{{K: types.KindDecimal, Dec: x}}, nil, nil)
	ky, _ := appendStoreKey(nil, []types.Value{{K: types.KindDecimal, Dec: y}}, nil, nil)
	if bytes.Compare(kx, ky) >= 0 {
		t.Fatal("decimals beyond float64 precision do not order")
	}
}
