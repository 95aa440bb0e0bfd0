package collation

import (
	"strings"
	"sync"
)

// Entry is one row of sys.fn_helpcollations().
type Entry struct {
	Name        string
	Description string
}

var (
	catalogOnce sync.Once
	catalog     []Entry
)

// Catalog lists every collation of SQL Server 2022 in fn_helpcollations
// order: the Windows collations by designator and version, then the SQL
// collations. It is generated from localeTable and sqlTable (designator ×
// versions × the suffixes each version has) and built once.
func Catalog() []Entry {
	catalogOnce.Do(func() {
		out := make([]Entry, 0, 5600)
		for i := range localeTable {
			l := &localeTable[i]
			for _, v := range l.fam.versions() {
				base := l.name
				human := l.human()
				if v > 0 {
					base += "_" + versionNames[v]
					human += "-" + versionNames[v]
				}
				for _, s := range suffixes(l, v) {
					out = append(out, Entry{Name: base + "_" + s.name(), Description: s.describe(human, v)})
				}
			}
		}
		for i := range sqlTable {
			out = append(out, Entry{Name: sqlTable[i].name, Description: sqlTable[i].description()})
		}
		catalog = out
	})
	return catalog
}

// Names lists the names of Catalog (sys.fn_helpcollations order).
func Names() []string {
	namesOnce.Do(func() {
		c := Catalog()
		allNames = make([]string, len(c))
		for i, e := range c {
			allNames[i] = e.Name
		}
	})
	return allNames
}

// suffix is the comparison-style part of a Windows collation name.
type suffix struct {
	bin, bin2      bool
	cs, as, ks, ws bool
	sc, vss, utf8  bool
}

// name spells the suffix in SQL Server's token order:
// (BIN|BIN2|CI/CS_AI/AS[_KS][_WS][_SC|_VSS])[_UTF8].
func (s suffix) name() string {
	var b strings.Builder
	switch {
	case s.bin:
		b.WriteString("BIN")
	case s.bin2:
		b.WriteString("BIN2")
	default:
		b.WriteString(map[bool]string{false: "CI", true: "CS"}[s.cs])
		b.WriteString(map[bool]string{false: "_AI", true: "_AS"}[s.as])
		if s.ks {
			b.WriteString("_KS")
		}
		if s.ws {
			b.WriteString("_WS")
		}
		if s.sc {
			b.WriteString("_SC")
		}
		if s.vss {
			b.WriteString("_VSS")
		}
	}
	if s.utf8 {
		b.WriteString("_UTF8")
	}
	return b.String()
}

// describe builds fn_helpcollations' description from the parts.
func (s suffix) describe(human string, version uint8) string {
	var d string
	switch {
	case s.bin:
		d = human + ", binary sort"
	case s.bin2:
		d = human + ", binary code point comparison sort"
	default:
		d = human + ", " + sens(!s.cs, "case") + ", " + sens(!s.as, "accent") + ", " + sens(!s.ks, "kanatype") + ", " + sens(!s.ws, "width")
		if s.sc || version == 3 {
			d += ", supplementary characters"
		}
		if version == 3 {
			if s.vss {
				d += ", variation selector sensitive"
			} else {
				d += ", variation selector insensitive"
			}
		}
	}
	if s.utf8 {
		d += ", UTF8"
	}
	return d
}

// styles are the 16 case/accent/kana/width combinations in
// fn_helpcollations order (CI before CS, AI before AS, then _WS, _KS,
// _KS_WS).
func styles() []suffix {
	out := make([]suffix, 0, 16)
	for _, cs := range []bool{false, true} {
		for _, as := range []bool{false, true} {
			for _, ks := range []bool{false, true} {
				for _, ws := range []bool{false, true} {
					out = append(out, suffix{cs: cs, as: as, ks: ks, ws: ws})
				}
			}
		}
	}
	return out
}

// suffixes lists the suffixes version v of designator l has: _BIN and
// _BIN2; the 16 styles; for versions 90 and 100 the 16 styles with _SC
// and with _SC_UTF8; for version 140 (supplementary-aware by default) the
// 16 styles with _VSS, _UTF8 and _VSS_UTF8. Latin1_General_100 alone has
// _BIN2_UTF8.
func suffixes(l *locale, v uint8) []suffix {
	out := []suffix{{bin: true}, {bin2: true}}
	if l.fam == famLatin1 && v == 2 {
		out = append(out, suffix{bin2: true, utf8: true})
	}
	st := styles()
	out = append(out, st...)
	switch v {
	case 1, 2:
		for _, s := range st {
			s.sc = true
			out = append(out, s)
		}
		for _, s := range st {
			s.sc, s.utf8 = true, true
			out = append(out, s)
		}
	case 3:
		for _, s := range st {
			s.vss = true
			out = append(out, s)
		}
		for _, s := range st {
			s.utf8 = true
			out = append(out, s)
		}
		for _, s := range st {
			s.vss, s.utf8 = true, true
			out = append(out, s)
		}
	}
	return out
}

// validSuffix reports whether version v of l has suffix s (the same rules
// suffixes enumerates).
func validSuffix(l *locale, v uint8, s suffix) bool {
	if s.bin || s.bin2 {
		return !s.utf8 || (s.bin2 && l.fam == famLatin1 && v == 2)
	}
	switch v {
	case 0:
		return !s.sc && !s.vss && !s.utf8
	case 1, 2:
		return !s.vss && (!s.utf8 || s.sc)
	case 3:
		return !s.sc
	}
	return false
}
