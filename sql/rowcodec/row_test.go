package rowcodec

import (
	"bytes"
	"testing"

	"github.com/tsqld/tsqld/sql/types"
)

// allTypes has a column of every storable type.
var allTypes = []types.Type{
	{ID: types.Bit}, {ID: types.TinyInt}, {ID: types.SmallInt}, {ID: types.Int}, {ID: types.BigInt},
	{ID: types.Real}, {ID: types.Float}, {ID: types.Decimal, Precision: 38, Scale: 10},
	{ID: types.Numeric, Precision: 10, Scale: 2}, {ID: types.Money}, {ID: types.SmallMoney},
	{ID: types.Char, Length: 10}, {ID: types.VarChar, Length: 50}, {ID: types.NChar, Length: 10},
	{ID: types.NVarChar, Length: types.MaxLength}, {ID: types.Text}, {ID: types.NText}, {ID: types.XML},
	{ID: types.Binary, Length: 8}, {ID: types.VarBinary, Length: types.MaxLength}, {ID: types.Image},
	{ID: types.Timestamp}, {ID: types.UniqueIdentifier}, {ID: types.Date}, {ID: types.Time, Scale: 7},
	{ID: types.DateTime2, Scale: 7}, {ID: types.DateTimeOffset, Scale: 7}, {ID: types.SmallDateTime},
	{ID: types.DateTime}, {ID: types.SQLVariant},
}

func randomRow(g gen, typs []types.Type) []types.Value {
	vals := make([]types.Value, len(typs))
	for i, t := range typs {
		k := t.ID.Kind()
		v := g.value(k)
		switch {
		case t.ID == types.Real && v.K != types.KindNull:
			v.F = float64(float32(v.F)) // real holds float32 values
		case t.ID == types.Date && v.K != types.KindNull:
			v.I -= v.I % ticksPerDay
			v.Off = 0
		case k == types.KindDateTime && t.ID != types.DateTimeOffset:
			v.Off = 0
		case k == types.KindVariant && v.K != types.KindNull && v.Var.Value.K == types.KindString:
			v.Var.Type.Collation = types.Collation{Name: "SQL_Latin1_General_CP1_CI_AS", LCID: 1033, Flags: 0xD0, SortID: 52}
		}
		vals[i] = v
	}
	return vals
}

// same reports whether two decoded values are identical (not just equal
// in order: decimals keep their exponent, datetimeoffset its offset).
func same(a, b *types.Value) bool {
	if a.K != b.K || a.I != b.I || a.Off != b.Off || a.S != b.S || !bytes.Equal(a.B, b.B) {
		return false
	}
	if a.F != b.F && !(a.F != a.F && b.F != b.F) {
		return false
	}
	if a.K == types.KindDecimal && (a.Dec.CmpTotal(&b.Dec) != 0 || a.Dec.Exponent != b.Dec.Exponent) {
		return false
	}
	if a.K == types.KindVariant {
		return a.Var.Type == b.Var.Type && same(&a.Var.Value, &b.Var.Value)
	}
	return true
}

func TestRowRoundTrip(t *testing.T) {
	g := newGen(42)
	var dst []types.Value
	for i := 0; i < 2000; i++ {
		row := randomRow(g, allTypes)
		enc, err := EncodeRow(nil, allTypes, row)
		if err != nil {
			t.Fatal(err)
		}
		dst, err = DecodeRow(enc, allTypes, dst)
		if err != nil {
			t.Fatalf("decode: %v", err)
		}
		for j := range row {
			if !same(&row[j], &dst[j]) {
				t.Fatalf("column %d (type %d): %s -> %s", j, allTypes[j].ID, show(row[j]), show(dst[j]))
			}
		}
	}
}

// TestRowAddColumns decodes rows written before ALTER TABLE ADD: the new
// trailing columns read as NULL or their default; rows with more stored
// columns than the schema (dropped trailing columns) ignore the extras.
func TestRowAddColumns(t *testing.T) {
	old := []types.Type{{ID: types.Int}, {ID: types.NVarChar, Length: 20}}
	enc, err := EncodeRow(nil, old, []types.Value{types.Value{K: types.KindInt, I: 7}, {K: types.KindString, S: "x"}})
	if err != nil {
		t.Fatal(err)
	}
	cur := append(append([]types.Type{}, old...), types.Type{ID: types.Bit}, types.Type{ID: types.BigInt})
	d := Decoder{Types: cur, Defaults: []types.Value{{}, {}, {}, types.Value{K: types.KindInt, I: 99}}}
	got, err := d.Decode(enc, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got[0].I != 7 || got[1].S != "x" || got[2].K != types.KindNull || got[3].I != 99 {
		t.Fatalf("decoded %v", got)
	}
	fewer, err := DecodeRow(enc, old[:1], nil)
	if err != nil || len(fewer) != 1 || fewer[0].I != 7 {
		t.Fatalf("decode with fewer columns: %v, %v", fewer, err)
	}
}

func TestRowAliasBytes(t *testing.T) {
	typs := []types.Type{{ID: types.VarBinary}}
	enc, _ := EncodeRow(nil, typs, []types.Value{{K: types.KindBytes, B: []byte("abc")}})
	alias := Decoder{Types: typs, AliasBytes: true}
	a, _ := alias.Decode(enc, nil)
	c, _ := DecodeRow(enc, typs, nil)
	enc[len(enc)-1] = 'Z'
	if string(a[0].B) != "abZ" || string(c[0].B) != "abc" {
		t.Fatalf("alias %q copy %q", a[0].B, c[0].B)
	}
	// An aliased slice must not let appends overwrite what follows it.
	if cap(a[0].B) != len(a[0].B) {
		t.Fatal("aliased slice has spare capacity")
	}
}

func TestRowRejects(t *testing.T) {
	typs := []types.Type{{ID: types.Int}}
	if _, err := EncodeRow(nil, typs, []types.Value{{K: types.KindString, S: "1"}}); err != ErrKind {
		t.Fatalf("kind mismatch: %v", err)
	}
	if _, err := EncodeRow(nil, typs, nil); err != ErrKind {
		t.Fatalf("arity mismatch: %v", err)
	}
	if _, err := EncodeRow(nil, []types.Type{{ID: types.Date}}, []types.Value{types.Value{K: types.KindDateTime, I: 5}}); err != ErrBadValue {
		t.Fatalf("date with a time part: %v", err)
	}
}

// TestRowTruncated decodes every prefix of valid rows: errors, never panics.
func TestRowTruncated(t *testing.T) {
	g := newGen(3)
	for i := 0; i < 50; i++ {
		enc, err := EncodeRow(nil, allTypes, randomRow(g, allTypes))
		if err != nil {
			t.Fatal(err)
		}
		for n := 0; n < len(enc); n++ {
			if _, err := DecodeRow(enc[:n], allTypes, nil); err == nil {
				// A prefix can only decode if everything cut was NULL;
				// then the row is shorter than its bitmap says.
				t.Fatalf("prefix %d/%d of %x decoded", n, len(enc), enc)
			}
		}
	}
}

func FuzzDecodeRow(f *testing.F) {
	g := newGen(1)
	for i := 0; i < 10; i++ {
		enc, _ := EncodeRow(nil, allTypes, randomRow(g, allTypes))
		f.Add(enc)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		DecodeRow(b, allTypes, nil)
		for _, k := range keyKinds {
			var v types.Value
			DecodeKeyValue(b, k, Asc, &v)
			DecodeKeyValue(b, k, Desc, &v)
		}
	})
}

// TestRowProjection decodes only selected columns; skipped ones read NULL
// and the selected ones match a full decode.
func TestRowProjection(t *testing.T) {
	g := newGen(11)
	need := make([]bool, len(allTypes))
	for i := 0; i < 500; i++ {
		row := randomRow(g, allTypes)
		enc, err := EncodeRow(nil, allTypes, row)
		if err != nil {
			t.Fatal(err)
		}
		for j := range need {
			need[j] = g.r.IntN(2) == 0
		}
		d := Decoder{Types: allTypes, Need: need}
		got, err := d.Decode(enc, nil)
		if err != nil {
			t.Fatal(err)
		}
		for j := range row {
			want := row[j]
			if !need[j] {
				want = types.Value{}
			}
			if !same(&want, &got[j]) {
				t.Fatalf("column %d need=%v: %s -> %s", j, need[j], show(row[j]), show(got[j]))
			}
		}
	}
}
