package collation

// p1iter yields the level-1 weights of a string one at a time, with the
// same space rule as the key (spaces count only before a weighted
// character). Compare uses it to stop at the first primary difference
// without building keys, which decides most comparisons of unequal
// non-ASCII strings.
type p1iter struct {
	c       *Collation
	s       string
	i       int
	pending int       // spaces seen and not yet emitted
	flush   int       // spaces being emitted before held
	held    [2]uint32 // weights of the character after the spaces
	nheld   int
}

func (it *p1iter) next() (uint32, bool) {
	for {
		if it.flush > 0 {
			it.flush--
			return wSpace, true
		}
		if it.nheld > 0 {
			w := it.held[0]
			it.held[0] = it.held[1]
			it.nheld--
			return w, true
		}
		if it.i >= len(it.s) {
			return 0, false
		}
		w, n := it.c.next(it.s, it.i)
		it.i += n
		switch w.kind {
		case kSpace:
			it.pending++
		case kNormal:
			it.held[0], it.held[1], it.nheld = w.p[0], w.p[1], w.n()
			it.flush, it.pending = it.pending, 0
		}
	}
}

// comparePrimary compares the level-1 weight sequences of a and b.
func (c *Collation) comparePrimary(a, b string) int {
	ia, ib := p1iter{c: c, s: a}, p1iter{c: c, s: b}
	for {
		wa, oka := ia.next()
		wb, okb := ib.next()
		switch {
		case !oka && !okb:
			return 0
		case !oka:
			return -1
		case !okb:
			return 1
		case wa != wb:
			if wa < wb {
				return -1
			}
			return 1
		}
	}
}
