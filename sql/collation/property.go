package collation

import "strings"

// COLLATIONPROPERTY's ComparisonStyle bits (Windows NORM_IGNORE* values).
const (
	styleIgnoreCase   = 1
	styleIgnoreAccent = 2
	styleIgnoreKana   = 65536
	styleIgnoreWidth  = 131072
)

// ComparisonStyle is COLLATIONPROPERTY(name, 'ComparisonStyle'): the
// ignore-case/accent/kana/width bits, 0 for binary collations.
func (c *Collation) ComparisonStyle() int {
	if c.Binary {
		return 0
	}
	s := 0
	if !c.CaseSensitive {
		s |= styleIgnoreCase
	}
	if !c.AccentSensitive {
		s |= styleIgnoreAccent
	}
	if !c.KanaSensitive {
		s |= styleIgnoreKana
	}
	if !c.WidthSensitive {
		s |= styleIgnoreWidth
	}
	return s
}

// Property is COLLATIONPROPERTY(name, property) (both case-insensitive):
// CodePage, LCID, ComparisonStyle, Version (0 for 80 and SQL collations,
// 1 for 90, 2 for 100, 3 for 140) or SortId (the SQL sort order, 0 for
// Windows collations). ok is false (SQL NULL) for an unknown collation or
// property.
func Property(name, property string) (v int, ok bool) {
	c, err := Lookup(name)
	if err != nil {
		return 0, false
	}
	switch strings.ToLower(property) {
	case "codepage":
		return c.CodePage, true
	case "lcid":
		return int(c.LCID), true
	case "comparisonstyle":
		return c.ComparisonStyle(), true
	case "version":
		return int(c.Version), true
	case "sortid":
		return int(c.SortID), true
	}
	return 0, false
}
