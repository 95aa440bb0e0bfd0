package collation

import (
	"sort"
	"strings"
)

// locales maps the locale part of Windows collation names to the LCID SQL
// Server sends. Only the comparison rules of Latin1_General are modelled;
// other locales get the same generic weights (their tailorings, e.g. Swedish
// å/ä/ö after z, are not implemented), but keep their own LCID.
var locales = map[string]uint32{
	"latin1_general":           0x0409,
	"french":                   0x040C,
	"german_phonebook":         0x10407,
	"modern_spanish":           0x0C0A,
	"traditional_spanish":      0x040A,
	"danish_norwegian":         0x0406,
	"finnish_swedish":          0x040B,
	"icelandic":                0x040F,
	"polish":                   0x0415,
	"czech":                    0x0405,
	"hungarian":                0x040E,
	"romanian":                 0x0418,
	"croatian":                 0x041A,
	"slovak":                   0x041B,
	"slovenian":                0x0424,
	"estonian":                 0x0425,
	"latvian":                  0x0426,
	"lithuanian":               0x0427,
	"turkish":                  0x041F,
	"greek":                    0x0408,
	"cyrillic_general":         0x0419,
	"ukrainian":                0x0422,
	"hebrew":                   0x040D,
	"arabic":                   0x0401,
	"japanese":                 0x0411,
	"chinese_prc":              0x0804,
	"chinese_taiwan_stroke":    0x0404,
	"korean_wansung":           0x0412,
	"korean":                   0x0412,
	"chinese_hong_kong_stroke": 0x0C04,
	"thai":                     0x041E,
	"vietnamese":               0x042A,
}

// sqlCollations are the SQL_* collations we know: name → sort id. They all
// use code page 1252 and the Latin1 dictionary order.
var sqlCollations = map[string]struct {
	sortID uint8
	cs, as bool
}{
	"sql_latin1_general_cp1_cs_as": {51, true, true},
	"sql_latin1_general_cp1_ci_as": {52, false, true},
	"sql_latin1_general_cp1_ci_ai": {54, false, false},
}

var sqlDisplay = map[string]string{
	"sql_latin1_general_cp1_cs_as": "SQL_Latin1_General_CP1_CS_AS",
	"sql_latin1_general_cp1_ci_as": "SQL_Latin1_General_CP1_CI_AS",
	"sql_latin1_general_cp1_ci_ai": "SQL_Latin1_General_CP1_CI_AI",
}

// localeDisplay maps the lower-case locale to its display spelling.
var localeDisplay = buildLocaleDisplay()

func buildLocaleDisplay() map[string]string {
	m := map[string]string{}
	for k := range locales {
		parts := strings.Split(k, "_")
		for i, p := range parts {
			if p == "prc" {
				parts[i] = "PRC"
				continue
			}
			parts[i] = strings.ToUpper(p[:1]) + p[1:]
		}
		m[k] = strings.Join(parts, "_")
	}
	return m
}

// parseName builds a collation from its name: SQL_* names from the table,
// Windows names as Locale[_Version](_BIN|_BIN2|_CI|_CS)(_AI|_AS)[_KS][_WS][_SC][_UTF8].
func parseName(name string) (*Collation, bool) {
	lower := strings.ToLower(name)
	if s, ok := sqlCollations[lower]; ok {
		c := &Collation{Name: sqlDisplay[lower], LCID: 0x0409, SortID: s.sortID,
			CaseSensitive: s.cs, AccentSensitive: s.as, SQL: true, CodePage: 1252}
		c.Flags = FlagIgnoreWidth | FlagIgnoreKana
		if !s.cs {
			c.Flags |= FlagIgnoreCase
		}
		if !s.as {
			c.Flags |= FlagIgnoreAccent
		}
		c.init()
		u := *c
		u.SQL = false
		u.init()
		c.unicode = &u
		return c, true
	}
	parts := strings.Split(lower, "_")
	// Find the longest locale prefix.
	loc, n := "", 0
	for i := len(parts); i >= 1; i-- {
		cand := strings.Join(parts[:i], "_")
		if _, ok := locales[cand]; ok {
			loc, n = cand, i
			break
		}
	}
	if loc == "" {
		return nil, false
	}
	rest := parts[n:]
	c := &Collation{LCID: locales[loc], CodePage: windowsCodePage(locales[loc])}
	display := []string{localeDisplay[loc]}
	if len(rest) > 0 {
		switch rest[0] {
		case "90":
			c.Version = 1
		case "100":
			c.Version = 2
		case "140":
			c.Version = 3
		}
		if c.Version != 0 {
			display = append(display, rest[0])
			rest = rest[1:]
		}
	}
	if len(rest) == 0 {
		return nil, false
	}
	switch rest[0] {
	case "bin", "bin2":
		if len(rest) != 1 {
			return nil, false
		}
		c.Binary, c.CaseSensitive, c.AccentSensitive, c.KanaSensitive, c.WidthSensitive = true, true, true, true, true
		if rest[0] == "bin" {
			c.Flags = FlagBinary
		} else {
			c.Flags = FlagBinary2
		}
		display = append(display, strings.ToUpper(rest[0]))
		c.Name = strings.Join(display, "_")
		c.init()
		return c, true
	case "ci", "cs":
		c.CaseSensitive = rest[0] == "cs"
	default:
		return nil, false
	}
	if len(rest) < 2 || (rest[1] != "ai" && rest[1] != "as") {
		return nil, false
	}
	c.AccentSensitive = rest[1] == "as"
	display = append(display, strings.ToUpper(rest[0]), strings.ToUpper(rest[1]))
	for _, opt := range rest[2:] {
		switch opt {
		case "ks":
			if c.KanaSensitive {
				return nil, false
			}
			c.KanaSensitive = true
		case "ws":
			if c.WidthSensitive {
				return nil, false
			}
			c.WidthSensitive = true
		case "sc":
			if c.Version < 2 {
				return nil, false
			}
		case "utf8":
			if c.Version < 2 {
				return nil, false
			}
			c.Flags |= FlagUTF8
			c.CodePage = 65001
		default:
			return nil, false
		}
		display = append(display, strings.ToUpper(opt))
	}
	if !c.CaseSensitive {
		c.Flags |= FlagIgnoreCase
	}
	if !c.AccentSensitive {
		c.Flags |= FlagIgnoreAccent
	}
	if !c.WidthSensitive {
		c.Flags |= FlagIgnoreWidth
	}
	if !c.KanaSensitive {
		c.Flags |= FlagIgnoreKana
	}
	c.Name = strings.Join(display, "_")
	c.init()
	return c, true
}

// Names lists the canonical collations this package knows (used by
// sys.fn_helpcollations and FromTDS): every SQL_* collation and, for each
// locale, the CI/CS × AI/AS and BIN/BIN2 variants.
func Names() []string {
	namesOnce.Do(func() {
		for _, v := range sqlDisplay {
			allNames = append(allNames, v)
		}
		for _, d := range localeDisplay {
			for _, suf := range []string{"CI_AS", "CS_AS", "CI_AI", "CS_AI", "BIN", "BIN2"} {
				allNames = append(allNames, d+"_"+suf)
			}
		}
		sort.Strings(allNames)
	})
	return allNames
}
