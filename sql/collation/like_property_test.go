package collation

import (
	"math/rand"
	"regexp"
	"strings"
	"testing"
)

// likeToRegexp translates a LIKE pattern (no escape) into an anchored Go
// regexp with exact character matching, the reference for BIN2.
func likeToRegexp(p string) (*regexp.Regexp, bool) {
	var b strings.Builder
	b.WriteString("^(?s:")
	for i := 0; i < len(p); i++ {
		switch c := p[i]; c {
		case '%':
			b.WriteString(".*")
		case '_':
			b.WriteString(".")
		case '[':
			j := i + 1
			neg := false
			if j < len(p) && p[j] == '^' {
				neg = true
				j++
			}
			start := j
			if j < len(p) && p[j] == ']' {
				j++ // a leading ] is literal
			}
			for j < len(p) && p[j] != ']' {
				j++
			}
			if j >= len(p) {
				return nil, false // unterminated: matches nothing
			}
			set := p[start:j]
			b.WriteString("[")
			if neg {
				b.WriteString("^")
			}
			for k := 0; k < len(set); k++ {
				if k+2 < len(set) && set[k+1] == '-' {
					b.WriteString(regexp.QuoteMeta(string(set[k])) + "-" + regexp.QuoteMeta(string(set[k+2])))
					k += 2
					continue
				}
				b.WriteString(regexp.QuoteMeta(string(set[k])))
			}
			b.WriteString("]")
			i = j
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	b.WriteString(")$")
	re, err := regexp.Compile(b.String())
	return re, err == nil
}

func TestLikeMatchesReference(t *testing.T) {
	bin := MustLookup("Latin1_General_BIN2")
	r := rand.New(rand.NewSource(3))
	const sAlpha = "abc"
	const pAlpha = "abc%_[]^-"
	checked := 0
	for i := 0; i < 50000; i++ {
		var s, p strings.Builder
		for n := r.Intn(6); n > 0; n-- {
			s.WriteByte(sAlpha[r.Intn(len(sAlpha))])
		}
		for n := r.Intn(6); n > 0; n-- {
			p.WriteByte(pAlpha[r.Intn(len(pAlpha))])
		}
		pat := p.String()
		re, ok := likeToRegexp(pat)
		if !ok {
			continue
		}
		// Skip inverted ranges like [c-a], which regexp rejects anyway.
		want := re.MatchString(s.String())
		if got := bin.Like(s.String(), pat, NoEscape, true); got != want {
			t.Fatalf("%q LIKE %q = %v, reference %v (%s)", s.String(), pat, got, want, re)
		}
		checked++
	}
	if checked < 10000 {
		t.Fatalf("only %d patterns checked", checked)
	}
}
