package collation

import (
	"testing"
)

var sinkInt int
var sinkBytes []byte

func BenchmarkCompareASCII(b *testing.B) {
	c := Default
	x, y := "The quick brown fox jumps", "the quick brown fox jumps over"
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sinkInt += c.Compare(x, y)
	}
}

func BenchmarkCompareASCIIEarlyDiff(b *testing.B) {
	c := Default
	x, y := "alpha", "beta"
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sinkInt += c.Compare(x, y)
	}
}

func BenchmarkCompareASCIIWindowsCS(b *testing.B) {
	c := MustLookup("Latin1_General_CS_AS")
	x, y := "co-operative Society", "co-operative society"
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sinkInt += c.Compare(x, y)
	}
}

func BenchmarkCompareUnicode(b *testing.B) {
	c := Default
	x, y := "Crème brûlée à la française", "Creme brulee a la francaise"
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sinkInt += c.Compare(x, y)
	}
}

func BenchmarkCompareBIN2(b *testing.B) {
	c := MustLookup("Latin1_General_BIN2")
	x, y := "The quick brown fox jumps", "The quick brown fox jumps over"
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sinkInt += c.Compare(x, y)
	}
}

func BenchmarkSortKeyASCII(b *testing.B) {
	c := Default
	buf := make([]byte, 0, 256)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		buf = c.SortKey(buf[:0], "The quick brown fox jumps")
	}
	sinkBytes = buf
}

func BenchmarkSortKeyUnicode(b *testing.B) {
	c := Default
	buf := make([]byte, 0, 256)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		buf = c.SortKey(buf[:0], "Crème brûlée à la française")
	}
	sinkBytes = buf
}

func BenchmarkLikeASCII(b *testing.B) {
	c := Default
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if c.Like("The Quick Brown Fox", "%quick%fox", NoEscape, false) {
			sinkInt++
		}
	}
}
