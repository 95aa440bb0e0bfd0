package collation

import "unicode/utf8"

// Key layout (non-binary collations):
//
//	level 1: 3-byte primary weights, then 0x01
//	level 2: (accent-sensitive only) 0x02 per primary, followed by one byte
//	         (>= 0x03) per accent on that character; then 0x01
//	level 3: (case-sensitive only) one case byte (>= 0x02) per primary; 0x01
//	level 4: (Windows collations only) for each hyphen/apostrophe: 2-byte
//	         count of non-space characters before it, 1-byte code
//
// U+0020 spaces contribute only when a weighted character follows them, so
// trailing spaces are ignored; other control characters are ignorable.

// SortKey appends to dst an order-preserving key for s:
// bytes.Compare(c.SortKey(nil, a), c.SortKey(nil, b)) == c.Compare(a, b),
// and equal keys mean Equal strings (so keys serve for hashing).
func (c *Collation) SortKey(dst []byte, s string) []byte {
	if c.Binary {
		return binaryKey(dst, s)
	}
	if isASCII(s) {
		return c.sortKeyASCII(dst, s)
	}
	dst = c.level1(dst, s)
	dst = append(dst, 0x01)
	if c.AccentSensitive {
		dst = c.level2(dst, s)
		dst = append(dst, 0x01)
	}
	if c.CaseSensitive {
		dst = c.level3(dst, s)
		dst = append(dst, 0x01)
	}
	if !c.SQL {
		dst = c.level4(dst, s)
	}
	return dst
}

func appendW(dst []byte, w uint32) []byte {
	return append(dst, byte(w>>16), byte(w>>8), byte(w))
}

// next decodes the rune at s[i:] and returns its weight and size; ASCII
// goes through the per-collation table without decoding.
func (c *Collation) next(s string, i int) (weight, int) {
	if b := s[i]; b < utf8.RuneSelf {
		if b < 0x80 && c.p1[b] > 1 {
			// Plain weighted ASCII: only the case byte differs between letters.
			w := weight{t: tLower}
			w.p[0] = c.p1[b]
			if b >= 'A' && b <= 'Z' {
				w.t = tUpper
			}
			if b == ' ' {
				w.kind = kSpace
			}
			return w, 1
		}
		return c.lookup(rune(b)), 1
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	return c.lookup(r), n
}

func (c *Collation) level1(dst []byte, s string) []byte {
	pending := 0
	for i := 0; i < len(s); {
		w, n := c.next(s, i)
		i += n
		switch w.kind {
		case kSpace:
			pending++
		case kNormal:
			for ; pending > 0; pending-- {
				dst = appendW(dst, wSpace)
			}
			dst = appendW(dst, w.p[0])
			if w.p[1] != 0 {
				dst = appendW(dst, w.p[1])
			}
		}
	}
	return dst
}

func (c *Collation) level2(dst []byte, s string) []byte {
	pending := 0
	for i := 0; i < len(s); {
		w, n := c.next(s, i)
		i += n
		switch w.kind {
		case kSpace:
			pending++
		case kMark:
			// A mark attaches to the previous character; a mark after spaces
			// makes those spaces significant.
			for ; pending > 0; pending-- {
				dst = append(dst, 0x02)
			}
			dst = append(dst, w.s)
		case kNormal:
			for ; pending > 0; pending-- {
				dst = append(dst, 0x02)
			}
			dst = append(dst, 0x02)
			if w.s != 0 {
				dst = append(dst, w.s)
			}
			if w.p[1] != 0 {
				dst = append(dst, 0x02)
			}
		}
	}
	return dst
}

func (c *Collation) level3(dst []byte, s string) []byte {
	pending := 0
	for i := 0; i < len(s); {
		w, n := c.next(s, i)
		i += n
		switch w.kind {
		case kSpace:
			pending++
		case kNormal:
			for ; pending > 0; pending-- {
				dst = append(dst, tLower)
			}
			dst = append(dst, w.t)
			if w.p[1] != 0 {
				dst = append(dst, w.t)
			}
		}
	}
	return dst
}

func (c *Collation) level4(dst []byte, s string) []byte {
	pos := 0
	for i := 0; i < len(s); {
		w, n := c.next(s, i)
		i += n
		switch w.kind {
		case kNormal:
			pos++
		case kWord:
			p := pos
			if p > 0xFFFF {
				p = 0xFFFF
			}
			dst = append(dst, byte(p>>8), byte(p), w.word)
		}
	}
	return dst
}

// Binary collations compare code points, but SQL Server still pads the
// shorter string with spaces, so "a" > "a\t" (space > tab). The key encodes
// that exactly with tagged tokens:
//
//	0x02 c        a character below U+0020
//	0x03 k        a run of k spaces followed by a character below U+0020
//	0x04          end of string (an endless run of spaces)
//	0x05 ^k       a run of k spaces followed by a character above U+0020
//	              (k inverted: a longer run meets the other string's
//	              character later, and that character is greater)
//	0x06 c        a character above U+0020
//
// c is the 3-byte code point, k a 4-byte count.
func binaryKey(dst []byte, s string) []byte {
	run := 0
	for _, r := range s {
		if r == ' ' {
			run++
			continue
		}
		if run > 0 {
			k := uint32(run)
			tag := byte(0x03)
			if r > ' ' {
				tag, k = 0x05, ^k
			}
			dst = append(dst, tag, byte(k>>24), byte(k>>16), byte(k>>8), byte(k))
			run = 0
		}
		if r < ' ' {
			dst = append(dst, 0x02)
		} else {
			dst = append(dst, 0x06)
		}
		dst = appendW(dst, uint32(r))
	}
	return append(dst, 0x04)
}

// sortKeyASCII builds the same key as the general path for ASCII input,
// straight from the per-collation table.
func (c *Collation) sortKeyASCII(dst []byte, s string) []byte {
	e := c.end(s)
	n := 0
	for i := 0; i < e; i++ {
		if w := c.p1[s[i]]; w > 1 {
			dst = append(dst, byte(w>>16), byte(w>>8), byte(w))
			n++
		}
	}
	dst = append(dst, 0x01)
	if c.AccentSensitive {
		for ; n > 0; n-- {
			dst = append(dst, 0x02)
		}
		dst = append(dst, 0x01)
	}
	if c.CaseSensitive {
		for i := 0; i < e; i++ {
			if c.p1[s[i]] > 1 {
				if isUpper(s[i]) {
					dst = append(dst, tUpper)
				} else {
					dst = append(dst, tLower)
				}
			}
		}
		dst = append(dst, 0x01)
	}
	if !c.SQL {
		pos := 0
		for i := 0; i < len(s); i++ {
			switch w := c.p1[s[i]]; {
			case w == 1:
				p := min(pos, 0xFFFF)
				dst = append(dst, byte(p>>8), byte(p), wordCode(s[i]))
			case w > 1 && s[i] != ' ':
				pos++
			}
		}
	}
	return dst
}
