package collation

import "testing"

func TestIndexReplace(t *testing.T) {
	ci, cs, ai, bin := Default, MustLookup("Latin1_General_CS_AS"), MustLookup("Latin1_General_CI_AI"), MustLookup("Latin1_General_BIN2")
	for _, c := range []struct {
		c          *Collation
		s, sub     string
		from, want int
	}{
		{ci, "ABC", "b", 0, 1},
		{cs, "ABC", "b", 0, -1},
		{cs, "ABCb", "b", 0, 3},
		{ci, "abcabc", "BC", 2, 4},
		{ci, "abc", "", 1, 1},
		{ci, "abc", "d", 0, -1},
		{ai, "résumé", "RESUME", 0, 0},
		{ci, "résume", "e", 0, 6},
		{ci, "résumé", "e", 0, -1},
		{bin, "aAa", "A", 0, 1},
		{ci, "日本語", "語", 0, 6},
	} {
		if got := c.c.Index(c.s, c.sub, c.from); got != c.want {
			t.Errorf("%s: Index(%q, %q, %d) = %d, want %d", c.c.Name, c.s, c.sub, c.from, got, c.want)
		}
	}
	if got := ci.Replace("ABCabc", "b", "x"); got != "AxCaxc" {
		t.Errorf("REPLACE CI = %q", got)
	}
	if got := cs.Replace("ABCabc", "b", "x"); got != "ABCaxc" {
		t.Errorf("REPLACE CS = %q", got)
	}
	if got := ai.Replace("Ééé", "e", "-"); got != "---" {
		t.Errorf("REPLACE AI = %q", got)
	}
	if got := ci.Replace("aaa", "aa", "b"); got != "ba" {
		t.Errorf("REPLACE non-overlapping = %q", got)
	}
}
