package collation

import (
	"bytes"
	"unicode/utf8"
)

// Compare returns -1, 0 or +1 as a sorts before, equal to or after b under
// c. It is exactly bytes.Compare of the two sort keys; pure-ASCII inputs
// take a level-by-level path that builds no keys and does not allocate.
func (c *Collation) Compare(a, b string) int {
	if c.Binary {
		return compareBinary(a, b)
	}
	if isASCII(a) && isASCII(b) {
		return c.compareASCII(a, b)
	}
	if r := c.comparePrimary(a, b); r != 0 {
		return r
	}
	var ba, bb [256]byte
	return bytes.Compare(c.SortKey(ba[:0], a), c.SortKey(bb[:0], b))
}

// Equal reports whether a and b compare equal under c (so 'a' = 'A ' under
// a CI collation).
func (c *Collation) Equal(a, b string) bool {
	if a == b {
		return true
	}
	return c.Compare(a, b) == 0
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// end returns the length of s up to and including its last weighted
// non-space character: the part levels 1-3 see (spaces after it never get
// flushed into the key).
func (c *Collation) end(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if w := c.p1[s[i]]; w > 1 && s[i] != ' ' {
			return i + 1
		}
	}
	return 0
}

// compareASCII mirrors SortKey for ASCII strings: level 2 is always equal
// for ASCII once level 1 is (one 0x02 per weighted character), so only
// levels 1, 3 and 4 are walked.
func (c *Collation) compareASCII(a, b string) int {
	if a == b {
		return 0
	}
	ea, eb := c.end(a), c.end(b)
	// Identical leading bytes have identical weights: skip them, but not
	// past either string's weighted end (spaces before it still count).
	k := 0
	for k < len(a) && k < len(b) && a[k] == b[k] {
		k++
	}
	k = min(k, ea, eb)
	i, j := k, k
	for {
		for i < ea && c.p1[a[i]] <= 1 {
			i++
		}
		for j < eb && c.p1[b[j]] <= 1 {
			j++
		}
		if i == ea || j == eb {
			if i < ea {
				return 1
			}
			if j < eb {
				return -1
			}
			break
		}
		if wa, wb := c.p1[a[i]], c.p1[b[j]]; wa != wb {
			if wa < wb {
				return -1
			}
			return 1
		}
		i++
		j++
	}
	if c.CaseSensitive {
		i, j = 0, 0
		for {
			for i < ea && c.p1[a[i]] <= 1 {
				i++
			}
			for j < eb && c.p1[b[j]] <= 1 {
				j++
			}
			if i == ea {
				break // same length as b at level 1
			}
			ua, ub := isUpper(a[i]), isUpper(b[j])
			if ua != ub {
				if ub {
					return -1
				}
				return 1
			}
			i++
			j++
		}
	}
	if !c.SQL {
		return c.compareWordASCII(a, b)
	}
	return 0
}

func isUpper(b byte) bool { return b >= 'A' && b <= 'Z' }

// compareWordASCII compares level 4: the sequence of (position, code) of
// hyphens and apostrophes.
func (c *Collation) compareWordASCII(a, b string) int {
	i, j, pa, pb := 0, 0, 0, 0
	for {
		var ca, cb byte
		for ; i < len(a); i++ {
			if w := c.p1[a[i]]; w == 1 {
				ca = wordCode(a[i])
				i++
				break
			} else if w > 1 && a[i] != ' ' {
				pa++
			}
		}
		for ; j < len(b); j++ {
			if w := c.p1[b[j]]; w == 1 {
				cb = wordCode(b[j])
				j++
				break
			} else if w > 1 && b[j] != ' ' {
				pb++
			}
		}
		switch {
		case ca == 0 && cb == 0:
			return 0
		case ca == 0:
			return -1
		case cb == 0:
			return 1
		}
		qa, qb := min(pa, 0xFFFF), min(pb, 0xFFFF)
		if qa != qb {
			if qa < qb {
				return -1
			}
			return 1
		}
		if ca != cb {
			if ca < cb {
				return -1
			}
			return 1
		}
	}
}

func wordCode(b byte) byte {
	if b == '\'' {
		return 1
	}
	return 2
}

// compareBinary mirrors binaryKey without building keys: code point order
// with the shorter string padded by spaces.
func compareBinary(a, b string) int {
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		ra, rb := rune(' '), rune(' ')
		na, nb := 0, 0
		if i < len(a) {
			ra, na = utf8.DecodeRuneInString(a[i:])
		}
		if j < len(b) {
			rb, nb = utf8.DecodeRuneInString(b[j:])
		}
		if ra != rb {
			if ra < rb {
				return -1
			}
			return 1
		}
		i += na
		j += nb
	}
	return 0
}
