package collation

import (
	"bytes"
	"math/rand"
	"strings"
	"testing"
)

func must(t testing.TB, name string) *Collation {
	t.Helper()
	c, err := Lookup(name)
	if err != nil {
		t.Fatalf("Lookup(%s): %v", name, err)
	}
	return c
}

func sign(x int) int {
	switch {
	case x < 0:
		return -1
	case x > 0:
		return 1
	}
	return 0
}

func TestCompareRules(t *testing.T) {
	cases := []struct {
		coll string
		a, b string
		want int
	}{
		{"SQL_Latin1_General_CP1_CI_AS", "a", "A ", 0},
		{"SQL_Latin1_General_CP1_CI_AS", "abc", "ABC", 0},
		{"SQL_Latin1_General_CP1_CI_AS", "a", "a  ", 0},
		{"SQL_Latin1_General_CP1_CI_AS", "a", "á", -1},
		{"SQL_Latin1_General_CP1_CI_AS", "á", "b", -1},
		{"SQL_Latin1_General_CP1_CI_AS", "abc", "abd", -1},
		{"SQL_Latin1_General_CP1_CI_AS", "ab", "abc", -1},
		{"SQL_Latin1_General_CP1_CI_AS", "", " ", 0},
		{"SQL_Latin1_General_CP1_CI_AS", "", "a", -1},
		{"SQL_Latin1_General_CP1_CI_AS", "a b", "ab", -1},
		{"SQL_Latin1_General_CP1_CI_AS", "10", "9", -1},
		{"SQL_Latin1_General_CP1_CI_AS", "9", "a", -1},
		{"SQL_Latin1_General_CP1_CI_AS", "!", "0", -1},
		{"SQL_Latin1_General_CP1_CI_AS", "Z", "a", 1},
		{"SQL_Latin1_General_CP1_CI_AS", "co-op", "coop", -1}, // SQL sort: hyphen is punctuation
		{"SQL_Latin1_General_CP1_CI_AS", "straße", "strasse", 0},
		{"SQL_Latin1_General_CP1_CI_AS", "æ", "ae", 0},
		{"SQL_Latin1_General_CP1_CI_AS", "Æ", "ae", 0},
		{"SQL_Latin1_General_CP1_CI_AI", "a", "á", 0},
		{"SQL_Latin1_General_CP1_CI_AI", "résumé", "RESUME", 0},
		{"Latin1_General_CI_AS", "a", "A", 0},
		{"Latin1_General_CI_AS", "a", "á", -1},
		{"Latin1_General_CI_AS", "coop", "co-op", -1}, // word sort: hyphen only breaks ties
		{"Latin1_General_CI_AS", "co-op", "coopa", -1},
		{"Latin1_General_CI_AS", "cant", "can't", -1},
		{"Latin1_General_CI_AS", "áb", "ab́", 1},
		{"Latin1_General_CI_AS", "á", "a\u0301", 0}, // precomposed = decomposed
		{"Latin1_General_CI_AS", "Ａ", "a", 0},       // width-insensitive
		{"Latin1_General_CI_AS", "a\x00", "a", 0},   // control characters are ignorable
		{"Latin1_General_CS_AS", "a", "A", -1},
		{"Latin1_General_CS_AS", "A", "b", -1},
		{"Latin1_General_CS_AS", "Ab", "aB", 1},
		{"Latin1_General_CS_AS", "a", "a ", 0},
		{"Latin1_General_CI_AI", "Á", "a", 0},
		{"Latin1_General_CI_AI", "ø", "o", 0},
		{"Latin1_General_CS_AI", "Á", "a", 1},
		{"Latin1_General_BIN2", "a", "A", 1},
		{"Latin1_General_BIN2", "a", "a  ", 0},
		{"Latin1_General_BIN2", "a", "a\t", 1}, // padding: space > tab
		{"Latin1_General_BIN2", "a b", "a", 1},
		{"Latin1_General_BIN2", "a \x01", "a", -1},
		{"Latin1_General_BIN2", "B", "a", -1},
		{"Latin1_General_BIN", "é", "z", 1},
		{"Greek_CI_AS", "α", "Α", 0},
		{"Cyrillic_General_CS_AS", "я", "Я", -1},
		{"SQL_Latin1_General_CP1_CI_AS", "ж", "Ж", 0},
		{"SQL_Latin1_General_CP1_CI_AS", "z", "ж", -1},
		{"SQL_Latin1_General_CP1_CI_AS", "日本", "日本 ", 0},
	}
	for _, c := range cases {
		coll := must(t, c.coll)
		got := coll.Compare(c.a, c.b)
		if got != c.want {
			t.Errorf("%s: Compare(%q, %q) = %d, want %d", c.coll, c.a, c.b, got, c.want)
		}
		if rev := coll.Compare(c.b, c.a); rev != -c.want {
			t.Errorf("%s: Compare(%q, %q) = %d, not antisymmetric", c.coll, c.b, c.a, rev)
		}
		ka, kb := coll.SortKey(nil, c.a), coll.SortKey(nil, c.b)
		if k := sign(bytes.Compare(ka, kb)); k != c.want {
			t.Errorf("%s: key order of %q, %q = %d, want %d", c.coll, c.a, c.b, k, c.want)
		}
		if coll.Equal(c.a, c.b) != (c.want == 0) {
			t.Errorf("%s: Equal(%q, %q)", c.coll, c.a, c.b)
		}
	}
}

// alphabet mixes ASCII letters of both cases, digits, punctuation (with
// the word-sort characters), spaces, tabs, control characters, accented
// and non-Latin letters, combining marks and expansions.
var alphabet = []rune("aAbBzZ09 -'!.,_\t\x00\x01éÉèaáÀæÆßøðþ\u0301ŁłжЖαΩ日Ａｚ\u00a0\u00ad")

func randString(r *rand.Rand, asciiOnly bool) string {
	n := r.Intn(7)
	var b strings.Builder
	for i := 0; i < n; i++ {
		c := alphabet[r.Intn(len(alphabet))]
		if asciiOnly && c >= 0x80 {
			c = rune('a' + r.Intn(3))
		}
		b.WriteRune(c)
	}
	return b.String()
}

// TestSortKeyProperty checks, for every collation family, that sort keys
// order strings exactly as Compare does (including the ASCII fast path and
// the binary comparator), that Compare is antisymmetric and transitive on
// a sorted sample.
func TestSortKeyProperty(t *testing.T) {
	names := []string{"SQL_Latin1_General_CP1_CI_AS", "SQL_Latin1_General_CP1_CS_AS", "SQL_Latin1_General_CP1_CI_AI",
		"Latin1_General_CI_AS", "Latin1_General_CS_AS", "Latin1_General_CI_AI", "Latin1_General_CS_AI",
		"Latin1_General_BIN", "Latin1_General_BIN2", "Latin1_General_100_CI_AS_SC_UTF8"}
	r := rand.New(rand.NewSource(1))
	colls := []*Collation{Default.Unicode(), must(t, "SQL_Latin1_General_CP1_CS_AS").Unicode()}
	for _, name := range names {
		colls = append(colls, must(t, name))
	}
	for _, c := range colls {
		name := c.Name
		for i := 0; i < 20000; i++ {
			ascii := i%2 == 0
			a, b := randString(r, ascii), randString(r, ascii)
			if i%5 == 0 {
				b = a + strings.Repeat(" ", r.Intn(3))
			}
			got := c.Compare(a, b)
			key := sign(bytes.Compare(c.SortKey(nil, a), c.SortKey(nil, b)))
			if got != key {
				t.Fatalf("%s: Compare(%q, %q) = %d but keys say %d", name, a, b, got, key)
			}
			if rev := c.Compare(b, a); rev != -got {
				t.Fatalf("%s: Compare(%q, %q) = %d, reverse %d", name, a, b, got, rev)
			}
		}
	}
}

func TestUnicodeRules(t *testing.T) {
	c := Default
	u := c.Unicode()
	if u == c || u.Name != c.Name || u.TDS() != c.TDS() || u.Unicode() != u {
		t.Fatal("SQL collation must have a distinct Unicode comparer with the same identity")
	}
	// varchar: SQL sort order; nvarchar: Windows word sort.
	if c.Compare("co-op", "coop") != -1 || u.Compare("co-op", "coop") != 1 {
		t.Errorf("co-op vs coop: varchar %d, nvarchar %d", c.Compare("co-op", "coop"), u.Compare("co-op", "coop"))
	}
	// The documented nvarchar order under SQL_Latin1_General_CP1_CI_AS.
	want := []string{"_'_", "_-_", "_+_", "_0_", "A+A", "A0A", "A'A", "A-A"}
	for i := 1; i < len(want); i++ {
		if u.Compare(want[i-1], want[i]) >= 0 {
			t.Errorf("nvarchar order: %q should sort before %q", want[i-1], want[i])
		}
	}
	// Windows word sort example from the SQL Server knowledge base.
	w := must(t, "Latin1_General_CI_AI")
	kb := []string{"carps", "cars", "car's", "car-s"}
	for i := 1; i < len(kb); i++ {
		if w.Compare(kb[i-1], kb[i]) >= 0 {
			t.Errorf("word sort: %q should sort before %q", kb[i-1], kb[i])
		}
	}
	if w.Unicode() != w {
		t.Error("Windows collations are their own Unicode comparer")
	}
}

func TestLookup(t *testing.T) {
	c := must(t, "sql_latin1_general_cp1_ci_as")
	if c != Default || c.Name != "SQL_Latin1_General_CP1_CI_AS" {
		t.Errorf("case-insensitive lookup gave %s", c.Name)
	}
	if c := must(t, "latin1_general_100_ci_as_sc_utf8"); c.Name != "Latin1_General_100_CI_AS_SC_UTF8" || c.CodePage != 65001 {
		t.Errorf("display name %s / cp %d", c.Name, c.CodePage)
	}
	for _, bad := range []string{"foo", "Latin1_General", "Latin1_General_CI", "Latin1_General_CI_XX", "Latin1_General_BIN_CI", "Latin1_General_CI_AS_SC"} {
		_, err := Lookup(bad)
		if err == nil || err.Number != 448 || err.Text != "Invalid collation '"+bad+"'." || err.Severity != 16 {
			t.Errorf("Lookup(%q) = %v", bad, err)
		}
	}
	if len(Names()) < 50 {
		t.Errorf("Names() has %d entries", len(Names()))
	}
	for _, n := range Names() {
		if c := must(t, n); c.Name != n {
			t.Errorf("%s round-trips as %s", n, c.Name)
		}
	}
}

func TestTDSRecord(t *testing.T) {
	cases := []struct {
		name string
		want [5]byte
	}{
		{"SQL_Latin1_General_CP1_CI_AS", [5]byte{0x09, 0x04, 0xD0, 0x00, 0x34}},
		{"SQL_Latin1_General_CP1_CS_AS", [5]byte{0x09, 0x04, 0xC0, 0x00, 0x33}},
		{"SQL_Latin1_General_CP1_CI_AI", [5]byte{0x09, 0x04, 0xF0, 0x00, 0x36}},
		{"Latin1_General_CI_AS", [5]byte{0x09, 0x04, 0xD0, 0x00, 0x00}},
		{"Latin1_General_CS_AS", [5]byte{0x09, 0x04, 0xC0, 0x00, 0x00}},
		{"Latin1_General_CI_AI", [5]byte{0x09, 0x04, 0xF0, 0x00, 0x00}},
		{"Latin1_General_BIN", [5]byte{0x09, 0x04, 0x00, 0x01, 0x00}},
		{"Latin1_General_BIN2", [5]byte{0x09, 0x04, 0x00, 0x02, 0x00}},
		{"French_CI_AS", [5]byte{0x0C, 0x04, 0xD0, 0x00, 0x00}},
		{"Latin1_General_100_CI_AS", [5]byte{0x09, 0x04, 0xD0, 0x20, 0x00}},
	}
	for _, c := range cases {
		coll := must(t, c.name)
		if got := coll.TDS(); got != c.want {
			t.Errorf("%s: TDS % X, want % X", c.name, got, c.want)
		}
		if back := FromTDS(c.want); back != coll {
			t.Errorf("FromTDS(% X) = %v, want %s", c.want, back, c.name)
		}
	}
}

func TestLike(t *testing.T) {
	ci := Default
	cs := must(t, "Latin1_General_CS_AS")
	ai := must(t, "Latin1_General_CI_AI")
	bin := must(t, "Latin1_General_BIN2")
	cases := []struct {
		c       *Collation
		s, p    string
		esc     rune
		unicode bool
		want    bool
	}{
		{ci, "abc", "abc", NoEscape, false, true},
		{ci, "ABC", "abc", NoEscape, false, true},
		{cs, "ABC", "abc", NoEscape, false, false},
		{ci, "abc", "a%", NoEscape, false, true},
		{ci, "abc", "%c", NoEscape, false, true},
		{ci, "abc", "%b%", NoEscape, false, true},
		{ci, "abc", "%d%", NoEscape, false, false},
		{ci, "abc", "a_c", NoEscape, false, true},
		{ci, "abc", "a__c", NoEscape, false, false},
		{ci, "", "%", NoEscape, false, true},
		{ci, "", "_", NoEscape, false, false},
		{ci, "abc", "[abc]bc", NoEscape, false, true},
		{ci, "dbc", "[abc]bc", NoEscape, false, false},
		{ci, "dbc", "[^abc]bc", NoEscape, false, true},
		{ci, "Bbc", "[a-c]bc", NoEscape, false, true},
		{cs, "Zbc", "[a-z]bc", NoEscape, false, false}, // Z sorts after z in a CS collation
		{cs, "Bbc", "[a-z]bc", NoEscape, false, true},
		{bin, "Bbc", "[a-z]bc", NoEscape, false, false},
		{ci, "a-c", "a[-]c", NoEscape, false, true},
		{ci, "a-c", "a[x-]c", NoEscape, false, true},
		{ci, "a]c", "a]c", NoEscape, false, true},
		{ci, "a[c", "a[c", NoEscape, false, false}, // unterminated [
		{ci, "50%", "50!%", '!', false, true},
		{ci, "50x", "50!%", '!', false, false},
		{ci, "a_b", "a!_b", '!', false, true},
		{ci, "axb", "a!_b", '!', false, false},
		{ci, "a[b", "a![b", '!', false, true},
		{ci, "abc", "abc!", '!', false, false},
		{ci, "abc ", "abc", NoEscape, false, true},  // trailing blanks of varchar ignored
		{ci, "abc ", "abc", NoEscape, true, false},  // but significant for nvarchar
		{ci, "abc", "abc ", NoEscape, false, false}, // pattern blanks always count
		{ci, "abc ", "abc ", NoEscape, false, true},
		{ci, "résumé", "r_sum_", NoEscape, false, true},
		{ci, "résumé", "resume", NoEscape, false, false},
		{ai, "résumé", "resume", NoEscape, false, true},
		{ci, "aaaaaaaaaaaaaaaaaaaaaaab", "%a%a%a%a%b", NoEscape, false, true},
		{ci, "aaaaaaaaaaaaaaaaaaaaaaaa", "%a%a%a%a%b", NoEscape, false, false},
		{ci, "日本語", "日%", NoEscape, true, true},
		{ci, "日本語", "_本_", NoEscape, true, true},
	}
	for _, c := range cases {
		if got := c.c.Like(c.s, c.p, c.esc, c.unicode); got != c.want {
			t.Errorf("%s: %q LIKE %q (esc %q, unicode %v) = %v, want %v", c.c.Name, c.s, c.p, c.esc, c.unicode, got, c.want)
		}
	}
}

func TestCP1252(t *testing.T) {
	s := "Grüße €‚ƒ"
	b := EncodeCP1252(nil, s)
	if !bytes.Equal(b, []byte{'G', 'r', 0xFC, 0xDF, 'e', ' ', 0x80, 0x82, 0x83}) {
		t.Errorf("EncodeCP1252 = % X", b)
	}
	if DecodeCP1252(b) != s {
		t.Errorf("DecodeCP1252 round trip: %q", DecodeCP1252(b))
	}
	if got := ToCP1252String("ā日ł"); got != "a?l" {
		t.Errorf("best fit: %q", got)
	}
	if !InCP1252("abc€") || InCP1252("日") {
		t.Error("InCP1252")
	}
}
