package clrtypes

// A hierarchyid label is written as a prefix selecting a value range, the
// offset of the value in the range spread over the x positions (fixed
// anti-ambiguity bits in between keep the encoding prefix-free and
// order-preserving), and a final bit T: 1 when the label ends its level
// ('/'), 0 when a '.' follows — then the value written is label+1, so
// /1/ < /1.x/ < /2/ in plain byte order ([MS-SSCLRT] 2.1.1).
type bitPattern struct {
	min, max int64
	bits     string // '0'/'1' literal, 'x' value bit, 'T' terminator
	prefix   string // the literal bits before the first x
}

func pattern(min, max int64, bits string) bitPattern {
	p := bitPattern{min: min, max: max, bits: bits}
	for i := 0; i < len(bits); i++ {
		if bits[i] == 'x' {
			p.prefix = bits[:i]
			break
		}
	}
	return p
}

// hierPatterns in value order; the range ends are [MS-SSCLRT]'s table.
var hierPatterns = []bitPattern{
	pattern(-281479271682120, -4294971465, "000100xxxxxxxxxxxxxx0xxxxxxxxxxxxxxxxxxxxx0xxxxxx0xxx0x1xxxT"),
	pattern(-4294971464, -4169, "000101xxxxxxxxxxxxxxxxxxx0xxxxxx0xxx0x1xxxT"),
	pattern(-4168, -73, "000110xxxxx0xxx0x1xxxT"),
	pattern(-72, -9, "0010xx0x1xxxT"),
	pattern(-8, -1, "00111xxxT"),
	pattern(0, 3, "01xxT"),
	pattern(4, 7, "100xxT"),
	pattern(8, 15, "101xxxT"),
	pattern(16, 79, "110xx0x1xxxT"),
	pattern(80, 1103, "1110xxx0xxx0x1xxxT"),
	pattern(1104, 5199, "11110xxxxx0xxx0x1xxxT"),
	pattern(5200, 4294972495, "111110xxxxxxxxxxxxxxxxxxx0xxxxxx0xxx0x1xxxT"),
	pattern(4294972496, 281479271683151, "111111xxxxxxxxxxxxxx0xxxxxxxxxxxxxxxxxxxxx0xxxxxx0xxx0x1xxxT"),
}

// Label range: the smallest and largest label a hierarchyid may hold.
const (
	MinLabel = -281479271682120
	MaxLabel = 281479271683151
)

func patternFor(v int64) *bitPattern {
	for i := range hierPatterns {
		if v >= hierPatterns[i].min && v <= hierPatterns[i].max {
			return &hierPatterns[i]
		}
	}
	return nil
}

// bitWriter appends bits MSB first.
type bitWriter struct {
	buf []byte
	n   int // bits written
}

func (w *bitWriter) bit(b bool) {
	if w.n%8 == 0 {
		w.buf = append(w.buf, 0)
	}
	if b {
		w.buf[len(w.buf)-1] |= 0x80 >> (w.n % 8)
	}
	w.n++
}

// writeLabel appends one label; ok is false when it has no encoding.
func (w *bitWriter) writeLabel(v int64, last bool) bool {
	if !last {
		if v == MaxLabel {
			return false
		}
		v++
	}
	p := patternFor(v)
	if p == nil {
		return false
	}
	off := uint64(v - p.min)
	nx := 0
	for i := 0; i < len(p.bits); i++ {
		if p.bits[i] == 'x' {
			nx++
		}
	}
	for i := 0; i < len(p.bits); i++ {
		switch p.bits[i] {
		case '0':
			w.bit(false)
		case '1':
			w.bit(true)
		case 'x':
			nx--
			w.bit(off>>uint(nx)&1 == 1)
		case 'T':
			w.bit(last)
		}
	}
	return true
}

// bitReader reads bits MSB first.
type bitReader struct {
	buf []byte
	pos int
}

func (r *bitReader) remaining() int { return len(r.buf)*8 - r.pos }

func (r *bitReader) peek(i int) bool {
	p := r.pos + i
	return r.buf[p/8]&(0x80>>(p%8)) != 0
}

// restZero reports whether every remaining bit is 0 (the padding).
func (r *bitReader) restZero() bool {
	for i := 0; i < r.remaining(); i++ {
		if r.peek(i) {
			return false
		}
	}
	return true
}

// readLabel reads one label: its value and whether it ends its level.
func (r *bitReader) readLabel() (v int64, last bool, ok bool) {
	rem := r.remaining()
	var p *bitPattern
	for i := range hierPatterns {
		q := &hierPatterns[i]
		if len(q.bits) > rem {
			continue
		}
		match := true
		for j := 0; j < len(q.prefix); j++ {
			if r.peek(j) != (q.prefix[j] == '1') {
				match = false
				break
			}
		}
		if match {
			p = q
			break
		}
	}
	if p == nil {
		return 0, false, false
	}
	var off uint64
	for j := 0; j < len(p.bits); j++ {
		b := r.peek(j)
		switch p.bits[j] {
		case '0':
			if b {
				return 0, false, false
			}
		case '1':
			if !b {
				return 0, false, false
			}
		case 'x':
			off <<= 1
			if b {
				off |= 1
			}
		case 'T':
			last = b
		}
	}
	r.pos += len(p.bits)
	v = p.min + int64(off)
	if v > p.max {
		return 0, false, false
	}
	if !last {
		v--
	}
	return v, last, true
}
