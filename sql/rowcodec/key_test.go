package rowcodec

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/tsqld/tsqld/sql/types"
)

var keyKinds = []types.Kind{types.KindBool, types.KindInt, types.KindFloat, types.KindDecimal,
	types.KindMoney, types.KindString, types.KindBytes, types.KindGUID, types.KindDateTime,
	types.KindVariant}

// TestKeyOrder checks, per kind and direction, that comparing encodings
// agrees with the reference comparison on random pairs.
func TestKeyOrder(t *testing.T) {
	for _, k := range keyKinds {
		for _, dir := range []Dir{Asc, Desc} {
			for _, coll := range []SortKeyer{nil, foldUTF16{}} {
				if coll != nil && k != types.KindString && k != types.KindVariant {
					continue
				}
				t.Run(fmt.Sprintf("kind%d/dir%d/coll%v", k, dir, coll != nil), func(t *testing.T) {
					g := newGen(uint64(k)*10 + uint64(dir))
					for i := 0; i < 3000; i++ {
						a, b := g.value(k), g.value(k)
						if g.r.IntN(10) == 0 {
							b = a // equal values must encode equally
						}
						ka, err := AppendKeyValue(nil, &a, dir, coll)
						if err != nil {
							t.Fatalf("encode %+v: %v", a, err)
						}
						kb, err := AppendKeyValue(nil, &b, dir, coll)
						if err != nil {
							t.Fatalf("encode %+v: %v", b, err)
						}
						want := refCompare(&a, &b, coll)
						if dir == Desc {
							want = -want
						}
						if got := bytes.Compare(ka, kb); sign(got) != want {
							t.Fatalf("order of %s vs %s: bytes %d, reference %d\n%x\n%x",
								show(a), show(b), got, want, ka, kb)
						}
					}
				})
			}
		}
	}
}

// TestKeyTupleOrder checks multi-column keys with mixed directions: the
// prefix-free column encodings must make byte order the tuple order.
func TestKeyTupleOrder(t *testing.T) {
	kinds := []types.Kind{types.KindString, types.KindInt, types.KindBytes, types.KindDecimal}
	dirs := []Dir{Asc, Desc, Asc, Desc}
	colls := []SortKeyer{foldUTF16{}, nil, nil, nil}
	g := newGen(99)
	row := func() []types.Value {
		vals := make([]types.Value, len(kinds))
		for i, k := range kinds {
			vals[i] = g.value(k)
		}
		return vals
	}
	prefix := AppendIndexPrefix(nil, 7, 1)
	for i := 0; i < 5000; i++ {
		a, b := row(), row()
		// Often share leading columns so later columns decide.
		for j := 0; j < g.r.IntN(len(a)); j++ {
			b[j] = a[j]
		}
		ka, err := EncodeKey(nil, prefix, a, dirs, colls)
		if err != nil {
			t.Fatal(err)
		}
		kb, err := EncodeKey(nil, prefix, b, dirs, colls)
		if err != nil {
			t.Fatal(err)
		}
		want := 0
		for j := range a {
			c := refCompare(&a[j], &b[j], colls[j])
			if dirs[j] == Desc {
				c = -c
			}
			if c != 0 {
				want = c
				break
			}
		}
		if got := sign(bytes.Compare(ka, kb)); got != want {
			t.Fatalf("tuple order %v vs %v: bytes %d, reference %d", a, b, got, want)
		}
		// Equal leading column => shares the byte prefix, so PrefixEnd
		// bounds work.
		k1, _ := EncodeKey(nil, prefix, a[:1], dirs, colls)
		if !bytes.HasPrefix(ka, k1) || bytes.Compare(ka, PrefixEnd(k1)) >= 0 {
			t.Fatalf("key %x outside [%x, %x)", ka, k1, PrefixEnd(k1))
		}
	}
}

// TestKeyRoundTrip decodes every decodable kind in both directions and
// steps over all kinds with SkipKeyValue.
func TestKeyRoundTrip(t *testing.T) {
	g := newGen(5)
	for _, k := range keyKinds {
		for _, dir := range []Dir{Asc, Desc} {
			for i := 0; i < 500; i++ {
				v := g.value(k)
				key, err := AppendKeyValue(nil, &v, dir, nil)
				if err != nil {
					t.Fatal(err)
				}
				key = append(key, 0xAB, 0xCD) // a following column
				rest, err := SkipKeyValue(key, k, dir)
				if err != nil || !bytes.Equal(rest, []byte{0xAB, 0xCD}) {
					t.Fatalf("skip kind %d %s: rest %x, %v (key %x)", k, show(v), rest, err, key)
				}
				var got types.Value
				rest, err = DecodeKeyValue(key, k, dir, &got)
				if k == types.KindString || k == types.KindVariant {
					if err != ErrNoDecoder && v.K != types.KindNull {
						t.Fatalf("decode of kind %d: %v; want ErrNoDecoder", k, err)
					}
					continue
				}
				if err != nil || !bytes.Equal(rest, []byte{0xAB, 0xCD}) {
					t.Fatalf("decode kind %d %s: %v", k, show(v), err)
				}
				if refCompare(&v, &got, nil) != 0 || got.K != v.K {
					t.Fatalf("round trip kind %d: %s -> %s", k, show(v), show(got))
				}
			}
		}
	}
}

func TestKeyIntEncoding(t *testing.T) {
	for _, v := range edgeInts {
		k := AppendKeyInt(nil, v)
		got, rest, err := DecodeKeyInt(k)
		if err != nil || got != v || len(rest) != 0 {
			t.Fatalf("%d: %x -> %d, %v", v, k, got, err)
		}
	}
	if n := len(AppendKeyInt(nil, 5)); n != 2 {
		t.Fatalf("small ints should take 2 bytes, got %d", n)
	}
	if k := AppendKeyInt(nil, 0); k[0] == keyNull {
		t.Fatal("int encoding starts with the NULL marker")
	}
}

func TestPrefixEnd(t *testing.T) {
	cases := []struct{ in, want []byte }{
		{[]byte{1, 2, 3}, []byte{1, 2, 4}},
		{[]byte{1, 0xFF}, []byte{2}},
		{[]byte{0xFF, 0xFF}, nil},
		{nil, nil},
	}
	for _, c := range cases {
		if got := PrefixEnd(c.in); !bytes.Equal(got, c.want) {
			t.Errorf("PrefixEnd(%x) = %x; want %x", c.in, got, c.want)
		}
		got, ok := AppendPrefixEnd([]byte{9}, c.in)
		if ok != (c.want != nil) || (ok && !bytes.Equal(got[1:], c.want)) {
			t.Errorf("AppendPrefixEnd(%x) = %x, %v", c.in, got, ok)
		}
	}
	// Index prefixes of one table are contiguous and ordered by index id.
	p1, p2 := AppendIndexPrefix(nil, 300, 1), AppendIndexPrefix(nil, 300, 2)
	t1 := AppendTablePrefix(nil, 300)
	if !bytes.HasPrefix(p1, t1) || bytes.Compare(p1, p2) >= 0 || bytes.Compare(p2, PrefixEnd(t1)) >= 0 {
		t.Fatalf("prefixes %x %x table %x", p1, p2, t1)
	}
}

func TestKeyRejectsBadValues(t *testing.T) {
	bad := []types.Value{
		{K: types.KindGUID, B: []byte{1, 2}},
		{K: types.Kind(200)},
	}
	for _, v := range bad {
		if _, err := AppendKeyValue(nil, &v, Asc, nil); err == nil {
			t.Errorf("%+v encoded", v)
		}
	}
}

func show(v types.Value) string {
	switch v.K {
	case types.KindDecimal:
		return "dec(" + v.Dec.String() + ")"
	case types.KindVariant:
		return fmt.Sprintf("variant(%s)", show(v.Var.Value))
	case types.KindString:
		return fmt.Sprintf("%q", v.S)
	}
	return fmt.Sprintf("{K:%d I:%d F:%g B:%x Off:%d}", v.K, v.I, v.F, v.B, v.Off)
}
