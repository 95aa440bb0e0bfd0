package collation

import (
	"strings"
	"sync"

	"github.com/tsqld/tsqld/sql/msgs"
)

// Collation is one SQL Server collation: its name, TDS record and the
// comparison options derived from the name. Values are immutable and shared;
// use Lookup or Default rather than building them.
type Collation struct {
	Name string
	// LCID, Flags (TDS bits: 0x01 ignore case, 0x02 ignore accent, 0x04
	// ignore width, 0x08 ignore kana, 0x10 binary, 0x20 binary2), Version
	// and SortID form the TDS COLLATION record; see TDS.
	LCID    uint32
	Flags   uint8
	Version uint8
	SortID  uint8

	CaseSensitive   bool
	AccentSensitive bool
	KanaSensitive   bool
	WidthSensitive  bool
	// Binary is _BIN or _BIN2: comparison by code point (see sortkey.go).
	Binary bool
	// SQL is a SQL_* collation: hyphen and apostrophe sort as ordinary
	// punctuation (SQL Server sort orders) instead of Windows word sort.
	SQL bool
	// CodePage of non-Unicode (char/varchar) data; 1252 for Latin1,
	// 65001 for _UTF8, 0 for the Unicode-only designators (Hindi, …).
	CodePage int
	// Supplementary is _SC or version 140: supplementary characters are
	// one character (not two surrogates) to the string functions.
	Supplementary bool
	// VariationSelector is _VSS (version 140 Japanese).
	VariationSelector bool

	// unicode is the comparer for Unicode data (see Unicode).
	unicode *Collation

	// p1 is the level-1 weight of each ASCII byte (0 = ignorable at every
	// level, wordSort = only at level 4); it drives the allocation-free path.
	p1 [256]uint32
}

// TDS flag bits within the fourth-byte/upper-nibble area of the record.
const (
	FlagIgnoreCase   = 0x01
	FlagIgnoreAccent = 0x02
	FlagIgnoreWidth  = 0x04
	FlagIgnoreKana   = 0x08
	FlagBinary       = 0x10
	FlagBinary2      = 0x20
	FlagUTF8         = 0x40
)

// DefaultName is the server default collation.
const DefaultName = "SQL_Latin1_General_CP1_CI_AS"

// Default is SQL_Latin1_General_CP1_CI_AS.
var Default = mustLookup(DefaultName)

// TDS returns the 5-byte TDS COLLATION record: the LCID in the low 20 bits
// of a little-endian uint32 with the flag bits at 20..27 and the version at
// 28..31, followed by the SQL sort id (0 for Windows collations).
func (c *Collation) TDS() [5]byte {
	v := c.LCID&0xFFFFF | uint32(c.Flags)<<20 | uint32(c.Version&0x0F)<<28
	return [5]byte{byte(v), byte(v >> 8), byte(v >> 16), byte(v >> 24), c.SortID}
}

// Unicode returns the rules for Unicode data (nchar, nvarchar, ntext)
// under c. A SQL_* collation compares non-Unicode data with its SQL Server
// sort order (hyphen and apostrophe are ordinary punctuation) but Unicode
// data with the Windows rules (word sort), so 'co-op' sorts after 'coop'
// only in nvarchar. Windows and binary collations return themselves. The
// result has the same name and TDS record.
func (c *Collation) Unicode() *Collation {
	if c.unicode != nil {
		return c.unicode
	}
	return c
}

// String returns the collation name.
func (c *Collation) String() string { return c.Name }

var (
	cacheMu sync.RWMutex
	cache   = map[string]*Collation{}
)

// Lookup returns the collation with the given name (case-insensitive), or
// Msg 448 "Invalid collation '%.*ls'." for an unknown name.
func Lookup(name string) (*Collation, *msgs.Error) {
	// Names usually arrive spelled the same way each time (a column's
	// collation, a catalogue name): try the spelling as given before
	// paying for ToLower. The cache holds both spellings.
	cacheMu.RLock()
	c := cache[name]
	cacheMu.RUnlock()
	if c != nil {
		return c, nil
	}
	key := strings.ToLower(name)
	cacheMu.RLock()
	c = cache[key]
	cacheMu.RUnlock()
	if c != nil {
		cacheMu.Lock()
		if len(cache) < maxCache {
			cache[name] = c
		}
		cacheMu.Unlock()
		return c, nil
	}
	c, ok := parseName(name)
	if !ok {
		if msgs.Text("us_english", 448) != "" {
			return nil, msgs.New(448, name)
		}
		return nil, &msgs.Error{Number: 448, Severity: 16, State: 1,
			Text: "Invalid collation '" + name + "'."}
	}
	cacheMu.Lock()
	if old := cache[key]; old != nil {
		c = old
	} else {
		cache[key] = c
	}
	if len(cache) < maxCache {
		cache[name] = c
	}
	cacheMu.Unlock()
	return c, nil
}

// maxCache bounds the cache: every spelling of every collation is about
// 11,000 entries; odd mixed-case spellings beyond that are not kept.
const maxCache = 16384

// MustLookup is Lookup for names known to be valid; it panics otherwise.
func MustLookup(name string) *Collation { return mustLookup(name) }

func mustLookup(name string) *Collation {
	c, err := Lookup(name)
	if err != nil {
		panic(err)
	}
	return c
}

// FromTDS finds the collation named by a TDS record (for collations sent by
// clients, e.g. in bulk load metadata). Unknown records give nil. The
// record has no bit for _SC or _VSS, so those variants map to the plain
// collation (a UTF8 flag implies _SC below version 140).
func FromTDS(rec [5]byte) *Collation {
	v := uint32(rec[0]) | uint32(rec[1])<<8 | uint32(rec[2])<<16 | uint32(rec[3])<<24
	lcid, flags, version, sortID := v&0xFFFFF, uint8(v>>20), uint8(v>>28), rec[4]
	if sortID != 0 {
		for i := range sqlTable {
			s := &sqlTable[i]
			if s.sortID != sortID {
				continue
			}
			// _BIN and _BIN2 share their sort order id.
			if bin, bin2, _, _ := s.options(); bin == (flags&FlagBinary != 0) && bin2 == (flags&FlagBinary2 != 0) {
				return mustLookup(s.name)
			}
		}
		return nil
	}
	if version > 3 {
		return nil
	}
	var l *locale
	for i := range localeTable {
		if localeTable[i].lcid == lcid && localeTable[i].fam.has(version) {
			l = &localeTable[i]
			break
		}
	}
	if l == nil {
		return nil
	}
	s := suffix{
		bin: flags&FlagBinary != 0, bin2: flags&FlagBinary2 != 0, utf8: flags&FlagUTF8 != 0,
		cs: flags&FlagIgnoreCase == 0, as: flags&FlagIgnoreAccent == 0,
		ks: flags&FlagIgnoreKana == 0, ws: flags&FlagIgnoreWidth == 0,
	}
	if s.utf8 && !s.bin && !s.bin2 && version < 3 {
		s.sc = true
	}
	name := l.name
	if version > 0 {
		name += "_" + versionNames[version]
	}
	c, err := Lookup(name + "_" + s.name())
	if err != nil {
		return nil
	}
	return c
}

var (
	namesOnce sync.Once
	allNames  []string
)
