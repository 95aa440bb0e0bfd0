package rowcodec

import (
	"testing"

	"github.com/tsqld/tsqld/sql/types"
)

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
