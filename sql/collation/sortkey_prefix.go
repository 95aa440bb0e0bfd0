package collation

import "unicode/utf8"

// PrefixKey appends to dst a byte string P such that every string whose
// leading characters compare equal, one by one, to those of prefix under c
// (so every match of LIKE prefix + '%') has a SortKey starting with P. The
// index seek of LIKE 'abc%' scans the keys starting with P and re-checks
// the predicate on each row, so P only has to cover the matches.
//
// P is the level-1 part of the key (the code-point tokens for binary
// collations) of the longest leading run of prefix made of characters with
// a primary weight other than the space: a space only enters the key when a
// weighted character follows it, and ignorable characters, combining marks
// and Windows word-sort characters (hyphen, apostrophe) have no level-1
// weight, so the run stops before any of them. n is the number of bytes of
// prefix P covers; n == 0 means no useful key (scan instead).
func (c *Collation) PrefixKey(dst []byte, prefix string) (out []byte, n int) {
	for i := 0; i < len(prefix); {
		if c.Binary {
			r, size := utf8.DecodeRuneInString(prefix[i:])
			if r <= ' ' {
				break
			}
			dst = append(dst, 0x06)
			dst = appendW(dst, uint32(r))
			i += size
			n = i
			continue
		}
		w, size := c.next(prefix, i)
		if w.kind != kNormal || w.p[0] <= 1 {
			break
		}
		dst = appendW(dst, w.p[0])
		if w.p[1] != 0 {
			dst = appendW(dst, w.p[1])
		}
		i += size
		n = i
	}
	return dst, n
}
