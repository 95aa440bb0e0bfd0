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

// LCIDs (sort-variant bits included) and code pages clients decode by;
// Unicode-only designators report code page 0.
func TestCatalogLCIDs(t *testing.T) {
	cases := []struct {
		name string
		lcid uint32
		cp   int
	}{
		{"Japanese_Unicode_CI_AS", 0x00010411, 932},
		{"Japanese_Bushu_Kakusu_100_BIN2", 0x00040411, 932},
		{"Japanese_XJIS_140_CI_AS_VSS", 0x00000411, 932},
		{"Chinese_Simplified_Stroke_Order_100_CI_AS", 0x00020804, 936},
		{"Chinese_Traditional_Pinyin_100_BIN2", 0x00001404, 950},
		{"Chinese_Traditional_Bopomofo_100_CS_AS", 0x00030404, 950},
		{"Chinese_Traditional_Stroke_Order_100_CI_AI", 0x00021404, 950},
		{"Chinese_Hong_Kong_Stroke_90_BIN2", 0x00000C04, 950},
		{"Hungarian_Technical_CI_AS", 0x0001040E, 1250},
		{"Serbian_Latin_100_CI_AS", 0x081A, 1250},
		{"Bosnian_Latin_100_CI_AS", 0x141A, 1250},
		{"Turkmen_100_CI_AS", 0x0442, 1250},
		{"Azeri_Cyrillic_100_CI_AS", 0x082C, 1251},
		{"Bashkir_100_CI_AS", 0x046D, 1251},
		{"Yakut_100_CI_AS", 0x0485, 1251},
		{"Macedonian_FYROM_100_BIN2", 0x042F, 1251},
		{"Uighur_100_CI_AS", 0x0480, 1256},
		{"Dari_100_CI_AS", 0x048C, 1256},
		{"Thai_100_BIN2", 0x041E, 874},
		{"Korean_100_BIN2", 0x0412, 949},
		{"Vietnamese_CI_AS", 0x042A, 1258},
		{"Georgian_Modern_Sort_100_CI_AS", 0x00010437, 1252},
		{"German_PhoneBook_CI_AS", 0x00010407, 1252},
		{"Indic_General_90_CI_AS", 0x0439, 0},
		{"Divehi_100_CI_AS", 0x0465, 0},
		{"Latin1_General_100_CI_AS_SC_UTF8", 0x0409, 65001},
		{"SQL_Latin1_General_CP1250_CI_AS", 0x0409, 1250},
		{"SQL_Czech_CP1250_CS_AS", 0x0405, 1250},
		{"SQL_Latin1_General_CP437_BIN2", 0x0409, 437},
	}
	for _, c := range cases {
		coll, err := Lookup(c.name)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if coll.LCID != c.lcid || coll.CodePage != c.cp {
			t.Errorf("%s: LCID %#x cp %d, want %#x %d", c.name, coll.LCID, coll.CodePage, c.lcid, c.cp)
		}
	}
}

func TestProperty(t *testing.T) {
	cases := []struct {
		name, prop string
		want       int
		ok         bool
	}{
		{"SQL_Latin1_General_CP1_CI_AS", "CodePage", 1252, true},
		{"SQL_Latin1_General_CP1_CI_AS", "sortid", 52, true},
		{"SQL_Latin1_General_CP1_CI_AS", "ComparisonStyle", 196609, true},
		{"Latin1_General_100_CI_AS", "Version", 2, true},
		{"Japanese_XJIS_140_CS_AS_KS_WS", "version", 3, true},
		{"Japanese_Bushu_Kakusu_100_BIN2", "LCID", 0x40411, true},
		{"Latin1_General_BIN2", "ComparisonStyle", 0, true},
		{"Latin1_General_CI_AI", "ComparisonStyle", 196611, true},
		{"Latin1_General_CS_AS_KS_WS", "ComparisonStyle", 0, true},
		{"Latin1_General_CI_AS", "SortId", 0, true},
		{"Latin1_General_140_CI_AS", "CodePage", 0, false},
		{"Latin1_General_CI_AS", "Colour", 0, false},
	}
	for _, c := range cases {
		got, ok := Property(c.name, c.prop)
		if got != c.want || ok != c.ok {
			t.Errorf("Property(%s, %s) = %d, %v; want %d, %v", c.name, c.prop, got, ok, c.want, c.ok)
		}
	}
}

// Names SQL Server rejects with Msg 448: versions a designator lacks,
// suffixes a version lacks, tokens out of order or repeated.
func TestCatalogRejects(t *testing.T) {
	for _, bad := range []string{
		"Latin1_General_90_CI_AS", "Latin1_General_140_CI_AS", "French_90_CI_AS", "Albanian_140_BIN",
		"Japanese_100_CI_AS", "Korean_CI_AS", "Chinese_Simplified_Pinyin_CI_AS", "Danish_Norwegian_100_CI_AS",
		"Latin1_General_CI_AS_SC", "Latin1_General_100_CI_AS_UTF8", "Latin1_General_100_CI_AS_VSS",
		"Japanese_XJIS_140_CI_AS_SC", "Japanese_XJIS_140_BIN2_UTF8", "French_100_BIN2_UTF8", "Latin1_General_BIN2_UTF8",
		"Latin1_General_CI_AS_WS_KS", "Latin1_General_CI_AS_KS_KS", "Latin1_General_AS_CI", "SQL_Latin1_General_CP1_CS_AI",
		"Hindi_CI_AS", "Lithuanian_Classic_CI_AS", "Latin1_General_100", "Latin1_General_100_UTF8",
	} {
		if _, err := Lookup(bad); err == nil || err.Number != 448 {
			t.Errorf("Lookup(%q) = %v, want Msg 448", bad, err)
		}
	}
}
