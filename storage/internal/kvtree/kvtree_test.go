package kvtree

import (
	"fmt"
	"testing"
)

func TestIterBounds(t *testing.T) {
	tr := New()
	for _, k := range []string{"b", "d", "f", "h"} {
		tr.Set(Item{Key: []byte(k)})
	}
	cases := []struct {
		lo, hi string
		rev    bool
		want   string
	}{
		{"", "", false, "[b d f h]"},
		{"", "", true, "[h f d b]"},
		{"c", "g", false, "[d f]"},
		{"c", "g", true, "[f d]"},
		{"d", "f", false, "[d]"},
		{"d", "f", true, "[d]"},
		{"a", "b", true, "[]"},
		{"i", "", false, "[]"},
		{"", "a", true, "[]"},
		{"", "z", true, "[h f d b]"},
		{"h", "", true, "[h]"},
	}
	for _, c := range cases {
		var lo, hi []byte
		if c.lo != "" {
			lo = []byte(c.lo)
		}
		if c.hi != "" {
			hi = []byte(c.hi)
		}
		var it Iter
		it.Init(tr, lo, hi, c.rev)
		var got []string
		for it.Next() {
			got = append(got, string(it.Item().Key))
		}
		it.Close()
		if it.Next() {
			t.Fatal("Next after Close")
		}
		if s := fmt.Sprint(got); s != c.want && !(c.want == "[]" && got == nil) {
			t.Errorf("[%q,%q) rev=%v: %v; want %v", c.lo, c.hi, c.rev, s, c.want)
		}
	}
}
