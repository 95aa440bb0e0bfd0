package client

import "testing"

// FuzzParse: parsers never panic, and a parsed server name's canonical
// form parses back to the same target.
func FuzzParse(f *testing.F) {
	for _, s := range []string{`Server=tcp:h\i,1;Password='a''b';X={y}}}`, "sqlserver://u:p@h:1/i?database=d", `np:\\h\pipe\sql\query`, "admin:lpc:."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, _ = Parse(s)
		_, _ = SplitConnString(s)
		if tg, err := ParseServer(s); err == nil {
			again, err := ParseServer(tg.String())
			if err != nil || again != tg {
				t.Fatalf("%q → %q → %+v %v", s, tg.String(), again, err)
			}
		}
	})
}
