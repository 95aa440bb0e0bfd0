package server

import (
	"testing"

	"github.com/tsqld/tsqld/sql/collation"
	"github.com/tsqld/tsqld/tds"
)

// The wire encodes char data by tds.CodePage of the column's TDS
// collation record; the engine converts and COLLATIONPROPERTY reports by
// the collation catalogue's code page. Both tables must agree for every
// collation SQL Server has (Unicode-only designators have code page 0:
// char data cannot be declared under them, and tds falls back to 1252).
func TestCodePageTablesAgree(t *testing.T) {
	for _, e := range collation.Catalog() {
		c := collation.MustLookup(e.Name)
		rec := c.TDS()
		tc, err := tds.CollationFromBytes(rec[:])
		if err != nil {
			t.Fatalf("%s: %v", e.Name, err)
		}
		want := c.CodePage
		if want == 0 {
			want = 1252
		}
		if got := tds.CodePage(tc); got != want {
			t.Errorf("%s (% X): tds code page %d, catalogue %d", e.Name, rec, got, c.CodePage)
		}
	}
}
