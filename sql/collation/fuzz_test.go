package collation

import (
	"bytes"
	"testing"
)

// FuzzCompareSortKey checks on arbitrary byte strings (invalid UTF-8
// included) that Compare agrees with the sort keys for every collation
// family, and that LIKE never panics.
func FuzzCompareSortKey(f *testing.F) {
	for _, s := range [][2]string{{"a", "A "}, {"co-op", "coop"}, {"é", "e\u0301"}, {"\xff", "a"}, {"a\t", "a"}} {
		f.Add(s[0], s[1])
	}
	colls := []*Collation{Default, Default.Unicode(), MustLookup("Latin1_General_CS_AS"),
		MustLookup("Latin1_General_CI_AI"), MustLookup("Latin1_General_BIN2")}
	f.Fuzz(func(t *testing.T, a, b string) {
		for _, c := range colls {
			got := c.Compare(a, b)
			key := bytes.Compare(c.SortKey(nil, a), c.SortKey(nil, b))
			if got != key {
				t.Fatalf("%s: Compare(%q, %q) = %d, keys %d", c.Name, a, b, got, key)
			}
			c.Like(a, b, '\\', false)
			c.Index(a, b, 0)
		}
	})
}
