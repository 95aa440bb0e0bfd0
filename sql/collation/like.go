package collation

import (
	"strings"
	"unicode/utf8"
)

// NoEscape is the escape argument of Like when the predicate has no ESCAPE
// clause.
const NoEscape rune = -1

// Like reports whether s matches the LIKE pattern under c: % matches any
// run of characters, _ one character, [abc] / [a-z] / [^x] a character in
// (or not in) a set, ranges ordered by the collation (so [a-z] takes 'B'
// under a CI collation); escape (NoEscape for none) makes the next pattern
// character literal. Characters compare under c (case- and accent-
// insensitive as the collation says). For non-Unicode operands (unicode
// false) trailing blanks of s are not significant, as in SQL Server; an
// unterminated [ matches nothing. It interprets the pattern in place and
// does not allocate.
func (c *Collation) Like(s, pattern string, escape rune, unicode bool) bool {
	if c.likeMatch(s, pattern, escape) {
		return true
	}
	if !unicode {
		if t := strings.TrimRight(s, " "); len(t) != len(s) {
			return c.likeMatch(t, pattern, escape)
		}
	}
	return false
}

func decodeAt(s string, i int) (rune, int) {
	if b := s[i]; b < utf8.RuneSelf {
		return rune(b), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

func (c *Collation) likeMatch(s, p string, escape rune) bool {
	si, pi := 0, 0
	starP, starS := -1, -1
	for si < len(s) {
		if pi < len(p) {
			r, n := decodeAt(p, pi)
			sr, sn := decodeAt(s, si)
			switch {
			case r == escape:
				if pi+n >= len(p) {
					return false // dangling escape matches nothing
				}
				lr, ln := decodeAt(p, pi+n)
				if c.RuneEqual(lr, sr) {
					si += sn
					pi += n + ln
					continue
				}
			case r == '%':
				pi += n
				starP, starS = pi, si
				continue
			case r == '_':
				si += sn
				pi += n
				continue
			case r == '[':
				in, size, ok := c.matchSet(p[pi:], sr, escape)
				if !ok {
					return false
				}
				if in {
					si += sn
					pi += size
					continue
				}
			default:
				if c.RuneEqual(r, sr) {
					si += sn
					pi += n
					continue
				}
			}
		}
		if starP < 0 {
			return false
		}
		_, sn := decodeAt(s, starS)
		starS += sn
		si, pi = starS, starP
	}
	for pi < len(p) {
		if p[pi] != '%' {
			return false
		}
		pi++
	}
	return true
}

// matchSet matches sr against the bracket expression at the start of p
// and returns the expression's length. ok is false for an unterminated set.
func (c *Collation) matchSet(p string, sr rune, escape rune) (in bool, size int, ok bool) {
	i := 1
	neg := false
	if i < len(p) && p[i] == '^' {
		neg = true
		i++
	}
	first := true
	for i < len(p) {
		r, n := decodeAt(p, i)
		if r == ']' && !first {
			return in != neg, i + n, true
		}
		first = false
		if r == escape && i+n < len(p) {
			i += n
			r, n = decodeAt(p, i)
		}
		i += n
		// Range a-z (a '-' before ']' is literal).
		if i+1 < len(p) && p[i] == '-' && p[i+1] != ']' {
			hi, hn := decodeAt(p, i+1)
			i += 1 + hn
			if c.RuneCompare(r, sr) <= 0 && c.RuneCompare(sr, hi) <= 0 {
				in = true
			}
			continue
		}
		if c.RuneEqual(r, sr) {
			in = true
		}
	}
	return false, 0, false
}

// RuneEqual reports whether two single characters are equal under c.
func (c *Collation) RuneEqual(a, b rune) bool {
	if a == b {
		return true
	}
	if c.Binary {
		return false
	}
	if a < utf8.RuneSelf && b < utf8.RuneSelf {
		wa, wb := c.p1[a], c.p1[b]
		if wa <= 1 || wa != wb {
			return false
		}
		return !c.CaseSensitive
	}
	return c.RuneCompare(a, b) == 0
}

// RuneCompare orders two single characters under c.
func (c *Collation) RuneCompare(a, b rune) int {
	if c.Binary {
		switch {
		case a < b:
			return -1
		case a > b:
			return 1
		}
		return 0
	}
	var ba, bb [utf8.UTFMax]byte
	na := utf8.EncodeRune(ba[:], a)
	nb := utf8.EncodeRune(bb[:], b)
	return c.Compare(string(ba[:na]), string(bb[:nb]))
}
