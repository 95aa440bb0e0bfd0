package collation

import (
	"strings"
)

// parseName builds a collation from its name: SQL_* names from sqlTable,
// Windows names as Designator[_Version](_BIN|_BIN2[_UTF8]|_CI/_CS_AI/_AS
// [_KS][_WS][_SC|_VSS][_UTF8]) where the designator, the version and the
// suffix must be one SQL Server has (the names of Catalog). Only the
// comparison rules of Latin1_General are modelled: other designators
// compare with the same generic weights (their tailorings, e.g. Swedish
// å/ä/ö after z, are not implemented) but keep their own LCID and code
// page, which clients need to decode varchar.
func parseName(name string) (*Collation, bool) {
	lower := strings.ToLower(name)
	if s := sqlByKey[lower]; s != nil {
		return sqlCollation(s), true
	}
	parts := strings.Split(lower, "_")
	// Find the longest designator prefix.
	var l *locale
	n := 0
	for i := len(parts) - 1; i >= 1; i-- {
		if loc := localeByKey[strings.Join(parts[:i], "_")]; loc != nil {
			l, n = loc, i
			break
		}
	}
	if l == nil {
		return nil, false
	}
	rest := parts[n:]
	var v uint8
	switch rest[0] {
	case "90":
		v = 1
	case "100":
		v = 2
	case "140":
		v = 3
	}
	if v != 0 {
		rest = rest[1:]
	}
	if !l.fam.has(v) || len(rest) == 0 {
		return nil, false
	}
	s, ok := parseSuffix(rest)
	if !ok || !validSuffix(l, v, s) {
		return nil, false
	}
	display := l.name
	if v > 0 {
		display += "_" + versionNames[v]
	}
	c := &Collation{Name: display + "_" + s.name(), LCID: l.lcid, Version: v, CodePage: l.cp,
		Supplementary: s.sc || v == 3, VariationSelector: s.vss}
	if s.bin || s.bin2 {
		c.Binary, c.CaseSensitive, c.AccentSensitive, c.KanaSensitive, c.WidthSensitive = true, true, true, true, true
		c.Flags = FlagBinary
		if s.bin2 {
			c.Flags = FlagBinary2
		}
	} else {
		c.CaseSensitive, c.AccentSensitive, c.KanaSensitive, c.WidthSensitive = s.cs, s.as, s.ks, s.ws
		c.Flags = ignoreFlags(s.cs, s.as, s.ks, s.ws)
	}
	if s.utf8 {
		c.Flags |= FlagUTF8
		c.CodePage = 65001
	}
	c.init()
	return c, true
}

// parseSuffix reads the comparison-style tokens in SQL Server's order;
// any other order or a repeated token is not a collation name.
func parseSuffix(tok []string) (suffix, bool) {
	var s suffix
	i := 0
	next := func(want string) bool {
		if i < len(tok) && tok[i] == want {
			i++
			return true
		}
		return false
	}
	switch {
	case next("bin"):
		s.bin = true
	case next("bin2"):
		s.bin2 = true
	default:
		switch {
		case next("ci"):
		case next("cs"):
			s.cs = true
		default:
			return s, false
		}
		switch {
		case next("ai"):
		case next("as"):
			s.as = true
		default:
			return s, false
		}
		s.ks = next("ks")
		s.ws = next("ws")
		s.sc = next("sc")
		if !s.sc {
			s.vss = next("vss")
		}
	}
	s.utf8 = next("utf8")
	return s, i == len(tok)
}

// ignoreFlags is the TDS flag byte of a non-binary collation.
func ignoreFlags(cs, as, ks, ws bool) uint8 {
	var f uint8
	if !cs {
		f |= FlagIgnoreCase
	}
	if !as {
		f |= FlagIgnoreAccent
	}
	if !ws {
		f |= FlagIgnoreWidth
	}
	if !ks {
		f |= FlagIgnoreKana
	}
	return f
}

// sqlCollation builds a SQL_* collation: its sort order compares
// non-Unicode data (hyphen and apostrophe are ordinary punctuation, with
// the Latin1 weights for every sort order: other sort orders' tailorings
// are not modelled), Unicode() the Windows rules of its locale.
func sqlCollation(s *sqlColl) *Collation {
	bin, bin2, cs, as := s.options()
	c := &Collation{Name: s.name, LCID: s.lcid(), SortID: s.sortID, CodePage: s.codePage(),
		CaseSensitive: cs, AccentSensitive: as}
	if bin || bin2 {
		c.Binary, c.KanaSensitive, c.WidthSensitive = true, true, true
		c.Flags = FlagBinary
		if bin2 {
			c.Flags = FlagBinary2
		}
		c.init()
		return c
	}
	c.SQL = true
	c.Flags = ignoreFlags(cs, as, false, false)
	c.init()
	u := *c
	u.SQL = false
	u.init()
	c.unicode = &u
	return c
}
