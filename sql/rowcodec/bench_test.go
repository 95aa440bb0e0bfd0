package rowcodec

import (
	"testing"

	"github.com/tsqld/tsqld/sql/types"
)

var intRowTypes = []types.Type{{ID: types.Int}, {ID: types.Int}, {ID: types.BigInt}, {ID: types.SmallInt}, {ID: types.Int}}

func intRow() []types.Value {
	return []types.Value{
		{K: types.KindInt, I: 12345}, {K: types.KindInt, I: -7}, {K: types.KindInt, I: 1 << 40},
		{}, {K: types.KindInt, I: 99},
	}
}

var mixedRowTypes = []types.Type{{ID: types.Int}, {ID: types.NVarChar, Length: 50},
	{ID: types.Decimal, Precision: 10, Scale: 2}, {ID: types.DateTime2, Scale: 7}, {ID: types.Bit}}

func mixedRow() []types.Value {
	d := types.Value{K: types.KindDecimal}
	d.Dec.SetFinite(123456, -2)
	return []types.Value{{K: types.KindInt, I: 42}, {K: types.KindString, S: "customer name"}, d,
		{K: types.KindDateTime, I: 638000000000000000}, {K: types.KindBool, I: 1}}
}

func BenchmarkEncodeRowInts(b *testing.B) {
	row := intRow()
	var buf []byte
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		buf, _ = EncodeRow(buf[:0], intRowTypes, row)
	}
}

func BenchmarkDecodeRowInts(b *testing.B) {
	enc, _ := EncodeRow(nil, intRowTypes, intRow())
	dst := make([]types.Value, len(intRowTypes))
	d := Decoder{Types: intRowTypes}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		dst, _ = d.Decode(enc, dst)
	}
}

func BenchmarkEncodeRowMixed(b *testing.B) {
	row := mixedRow()
	var buf []byte
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		buf, _ = EncodeRow(buf[:0], mixedRowTypes, row)
	}
}

func BenchmarkDecodeRowMixed(b *testing.B) {
	enc, _ := EncodeRow(nil, mixedRowTypes, mixedRow())
	dst := make([]types.Value, len(mixedRowTypes))
	d := Decoder{Types: mixedRowTypes}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		dst, _ = d.Decode(enc, dst)
	}
}

func BenchmarkEncodeKeyInt(b *testing.B) {
	prefix := AppendIndexPrefix(nil, 1234, 1)
	vals := []types.Value{{K: types.KindInt, I: 123456}}
	var buf []byte
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		buf, _ = EncodeKey(buf[:0], prefix, vals, nil, nil)
	}
}

func BenchmarkEncodeKeyStringInt(b *testing.B) {
	prefix := AppendIndexPrefix(nil, 1234, 2)
	vals := []types.Value{{K: types.KindString, S: "Smith"}, {K: types.KindInt, I: 123456}}
	colls := []SortKeyer{foldUTF16{}, nil}
	dirs := []Dir{Asc, Desc}
	var buf []byte
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		buf, _ = EncodeKey(buf[:0], prefix, vals, dirs, colls)
	}
}
