package collation

import "strings"

// Index returns the byte offset of the first occurrence of sub in s at or
// after byte offset from, comparing characters under c (so CHARINDEX('b',
// 'ABC') finds 'B' under a CI collation), or -1. An empty sub matches at
// from. Matching is character by character (RuneEqual): expansions such as
// ß = ss and ignorable characters are not applied inside a match, which
// CHARINDEX and REPLACE rarely meet. Binary collations and case-sensitive
// ASCII use a plain byte search.
func (c *Collation) Index(s, sub string, from int) int {
	if from < 0 {
		from = 0
	}
	if from > len(s) {
		return -1
	}
	if sub == "" {
		return from
	}
	if c.Binary {
		if i := strings.Index(s[from:], sub); i >= 0 {
			return from + i
		}
		return -1
	}
	for i := from; i < len(s); {
		if c.hasPrefixAt(s, i, sub) {
			return i
		}
		_, n := decodeAt(s, i)
		i += n
	}
	return -1
}

// hasPrefixAt reports whether s[i:] starts with sub under c.
func (c *Collation) hasPrefixAt(s string, i int, sub string) bool {
	j := 0
	for j < len(sub) {
		if i >= len(s) {
			return false
		}
		a, na := decodeAt(s, i)
		b, nb := decodeAt(sub, j)
		if a != b && !c.RuneEqual(a, b) {
			return false
		}
		i += na
		j += nb
	}
	return true
}

// Replace returns s with every non-overlapping occurrence of old replaced
// by new, matching under c (REPLACE). An empty old returns s unchanged.
func (c *Collation) Replace(s, old, new string) string {
	if old == "" {
		return s
	}
	i := c.Index(s, old, 0)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	start := 0
	for i >= 0 {
		b.WriteString(s[start:i])
		b.WriteString(new)
		// Advance past the matched text in s (its byte length may differ
		// from old's under a case- or accent-insensitive match).
		j, k := i, 0
		for k < len(old) {
			_, na := decodeAt(s, j)
			_, nb := decodeAt(old, k)
			j += na
			k += nb
		}
		start = j
		i = c.Index(s, old, start)
	}
	b.WriteString(s[start:])
	return b.String()
}
