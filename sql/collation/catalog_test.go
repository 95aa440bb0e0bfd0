package collation

import (
	"strings"
	"testing"
)

// SQL Server 2022 (and 2019): 5508 collations, 5431 Windows (88 designators) and 77 SQL
// collations; 1553 of them UTF8.
func TestCatalogCounts(t *testing.T) {
	c := Catalog()
	var win, sql, utf8 int
	seen := map[string]bool{}
	for _, e := range c {
		k := strings.ToLower(e.Name)
		if seen[k] {
			t.Errorf("%s listed twice", e.Name)
		}
		seen[k] = true
		if strings.HasPrefix(e.Name, "SQL_") {
			sql++
		} else {
			win++
		}
		if strings.HasSuffix(e.Name, "_UTF8") {
			utf8++
		}
	}
	if len(localeTable) != 88 || win != 5431 || sql != 77 || utf8 != 1553 {
		t.Errorf("designators %d, windows %d, sql %d, utf8 %d", len(localeTable), win, sql, utf8)
	}
}

// Every listed name resolves, under its own spelling, in any case, and
// its TDS record resolves back to a collation with the same record.
func TestCatalogRoundTrip(t *testing.T) {
	for _, e := range Catalog() {
		c, err := Lookup(strings.ToUpper(e.Name))
		if err != nil {
			t.Fatalf("%s: %v", e.Name, err)
		}
		if c.Name != e.Name {
			t.Errorf("%s resolves as %s", e.Name, c.Name)
		}
		back := FromTDS(c.TDS())
		if back == nil || back.TDS() != c.TDS() || back.CodePage != c.CodePage {
			t.Errorf("%s: FromTDS(% X) = %v", e.Name, c.TDS(), back)
		}
	}
}
