package collation

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The weight model (hand-rolled rather than golang.org/x/text/collate:
// x/text implements CLDR root order, which differs from Windows/SQL Server
// order in punctuation, ligatures (æ = ae, ß = ss) and word sort, and its
// keys cannot share an allocation-free ASCII path with Compare).
//
// Level-1 (primary) weights are 3-byte values, always >= 0x020000 so that
// the level separator 0x01 sorts below any weight:
//
//	0x020000..  spaces and other white space (space is the lowest weight,
//	            which makes "ignore trailing spaces" equal to SQL Server's
//	            "pad the shorter string with spaces")
//	0x030000..  the punctuation and symbols of Latin-1, in Windows order
//	0x100000..  any other punctuation/symbol: 0x100000 + code point
//	0x300000..  digits
//	0x400000..  Latin letters a..z (accents and case are levels 2 and 3)
//	0x500000..  any other letter: 0x500000 + lower-case code point
const (
	wSpace      = 0x020000
	wSymbol     = 0x030000
	wOtherSym   = 0x100000
	wDigit      = 0x300000
	wLatin      = 0x400000
	wOtherAlpha = 0x500000
)

// Rune kinds.
const (
	kNormal = iota
	kIgnore // no weight at any level (control characters, format characters)
	kWord   // Windows word sort: level 4 only (hyphen, apostrophe)
	kSpace  // U+0020: level 1 weight, but dropped when trailing
	kMark   // combining mark: level 2 only, attached to the previous character
)

// Tertiary (case) weights.
const (
	tLower   = 0x02
	tUpper   = 0x03
	tVariant = 0x04 // superscripts, ordinal indicators, long s
)

// weight is the collation element(s) of one rune. Expansions (æ → a e)
// carry two primaries.
type weight struct {
	p    [2]uint32
	s    uint8 // accent weight (0 = none); >= 0x03 when set
	t    uint8
	kind uint8
	word uint8 // level-4 code for kWord runes
}

func (w *weight) n() int {
	if w.p[1] != 0 {
		return 2
	}
	return 1
}

// winSymbols is the order of Latin-1 punctuation and symbols in Windows
// collations; sqlSymbols the SQL sort order 52/51/54 variant, where hyphen
// and apostrophe are ordinary punctuation.
const (
	winSymbols = "!\"#$%&()*,./:;?@[\\]^_`{|}~¡¦¨¯´¸¿§¶©®°¢£¤¥·+±«»×÷<=>¬"
	sqlSymbols = "!\"#$%&'()*,-./:;?@[\\]^_`{|}~¡¦¨¯´¸¿§¶©®°¢£¤¥·+±«»×÷<=>¬"
)

// latinTable caches the weights of U+0000..U+024F for Windows (index 0) and
// SQL (index 1) collations. It is a variable initializer (not init) because
// Default is built during package variable initialization.
var latinTable = buildLatinTable()

func buildLatinTable() *[2][0x250]weight {
	var t [2][0x250]weight
	for v := 0; v < 2; v++ {
		for r := rune(0); r < 0x250; r++ {
			t[v][r] = computeWeight(r, v == 1)
		}
	}
	return &t
}

// symOrders gives the level-1 weight of the table punctuation for Windows
// (index 0) and SQL (index 1) collations.
var symOrders = [2]map[rune]uint32{buildSymOrder(winSymbols), buildSymOrder(sqlSymbols)}

func buildSymOrder(syms string) map[rune]uint32 {
	m := map[rune]uint32{}
	i := uint32(0)
	for _, r := range syms {
		m[r] = wSymbol + i*16
		i++
	}
	return m
}

// markWeight is the accent weight of a combining mark.
func markWeight(r rune) uint8 {
	if r >= 0x300 && r <= 0x36F {
		return uint8(0x03 + (r - 0x300))
	}
	return 0xF0
}

// Accent weights for letters that carry a stroke or are variants rather
// than decomposing into base + combining mark.
const (
	accStroke = 0x80 + iota
	accEth
	accDotless
	accBar
	accEng
)

func computeWeight(r rune, sql bool) weight {
	w := weight{t: tLower}
	switch {
	case r == ' ':
		w.kind, w.p[0] = kSpace, wSpace
		return w
	case r >= '\t' && r <= '\r':
		w.p[0] = wSpace + 1 + uint32(r-'\t')
		return w
	case r == 0xA0:
		w.p[0] = wSpace + 8
		return w
	case r < 0x20 || (r >= 0x7F && r <= 0x9F):
		w.kind = kIgnore
		return w
	case !sql && (r == '\'' || r == '-' || r == 0xAD):
		w.kind = kWord
		switch r {
		case '\'':
			w.word = 1
		case '-':
			w.word = 2
		default:
			w.word = 3
		}
		return w
	case r == 0xAD:
		w.kind = kIgnore
		return w
	case r >= '0' && r <= '9':
		w.p[0] = wDigit + uint32(r-'0')*16
		return w
	case r == '¹' || r == '²' || r == '³':
		d := map[rune]uint32{'¹': 1, '²': 2, '³': 3}[r]
		w.p[0], w.t = wDigit+d*16, tVariant
		return w
	case r >= 'a' && r <= 'z':
		w.p[0] = latin(r)
		return w
	case r >= 'A' && r <= 'Z':
		w.p[0], w.t = latin(r+'a'-'A'), tUpper
		return w
	}
	symOrder := symOrders[0]
	if sql {
		symOrder = symOrders[1]
	}
	if p, ok := symOrder[r]; ok {
		w.p[0] = p
		return w
	}
	upper := unicode.IsUpper(r)
	if upper {
		w.t = tUpper
	}
	// Letters SQL Server treats as expansions or as a base letter with a
	// special accent.
	switch unicode.ToLower(r) {
	case 'æ':
		w.p = [2]uint32{latin('a'), latin('e')}
		return w
	case 'œ':
		w.p = [2]uint32{latin('o'), latin('e')}
		return w
	case 'ĳ':
		w.p = [2]uint32{latin('i'), latin('j')}
		return w
	case 'þ':
		w.p = [2]uint32{latin('t'), latin('h')}
		return w
	case 'ß':
		w.p = [2]uint32{latin('s'), latin('s')}
		return w
	case 'ø':
		w.p[0], w.s = latin('o'), accStroke
		return w
	case 'đ':
		w.p[0], w.s = latin('d'), accStroke
		return w
	case 'ð':
		w.p[0], w.s = latin('d'), accEth
		return w
	case 'ł':
		w.p[0], w.s = latin('l'), accStroke
		return w
	case 'ı':
		w.p[0], w.s = latin('i'), accDotless
		return w
	case 'ħ':
		w.p[0], w.s = latin('h'), accBar
		return w
	case 'ŧ':
		w.p[0], w.s = latin('t'), accBar
		return w
	case 'ŋ':
		w.p[0], w.s = latin('n'), accEng
		return w
	case 'ſ':
		w.p[0], w.t = latin('s'), tVariant
		return w
	}
	switch r {
	case 'ª':
		w.p[0], w.t = latin('a'), tVariant
		return w
	case 'º':
		w.p[0], w.t = latin('o'), tVariant
		return w
	}
	if unicode.Is(unicode.Mn, r) {
		w.kind, w.s = kMark, markWeight(r)
		return w
	}
	if unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Cc, r) {
		w.kind = kIgnore
		return w
	}
	// Precomposed letters: base letter weight plus the first mark as accent.
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	if dec := norm.NFD.Properties(buf[:n]).Decomposition(); len(dec) > 0 {
		base, sz := utf8.DecodeRune(dec)
		if base != r {
			bw := computeWeight(base, sql)
			if bw.kind == kNormal {
				bw.t = w.t
				if bw.s == 0 && sz < len(dec) {
					m, _ := utf8.DecodeRune(dec[sz:])
					bw.s = markWeight(m)
				}
				return bw
			}
		}
	}
	switch {
	case unicode.IsSpace(r):
		w.p[0] = wSpace + 16
	case unicode.IsPunct(r) || unicode.IsSymbol(r):
		w.p[0] = wOtherSym + uint32(r)
	case unicode.IsDigit(r):
		w.p[0], w.t = wDigit+digitValue(r)*16, tVariant
	default:
		w.p[0] = wOtherAlpha + uint32(unicode.ToLower(r))
	}
	return w
}

// digitValue gives the numeric value of a Unicode decimal digit (they are
// laid out in runs of ten starting at a code point ending in 0 or 6).
func digitValue(r rune) uint32 {
	for d := rune(0); d < 10; d++ {
		if !unicode.IsDigit(r - d) {
			return uint32(d - 1)
		}
	}
	return uint32(r % 10)
}

func latin(r rune) uint32 { return wLatin + uint32(r-'a')*256 }

// lookup returns the weight of r under c, folding full-width forms to ASCII
// unless the collation is width-sensitive.
func (c *Collation) lookup(r rune) weight {
	if r < 0x250 {
		v := 0
		if c.SQL {
			v = 1
		}
		return latinTable[v][r]
	}
	if !c.WidthSensitive && r >= 0xFF01 && r <= 0xFF5E {
		return c.lookup(r - 0xFEE0)
	}
	return computeWeight(r, c.SQL)
}

// init fills the per-collation ASCII level-1 table used by the fast path:
// 0 = ignorable, 1 = word sort (level 4 only), else the primary weight.
func (c *Collation) init() {
	for b := 0; b < 128; b++ {
		w := c.lookup(rune(b))
		switch w.kind {
		case kIgnore:
			c.p1[b] = 0
		case kWord:
			c.p1[b] = 1
		default:
			c.p1[b] = w.p[0]
		}
	}
}
