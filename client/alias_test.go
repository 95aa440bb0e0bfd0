package client

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAliasPath(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	for _, c := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{AliasesEnv: "/x/a.ini", "XDG_CONFIG_HOME": "/cfg", "HOME": "/h"}, "/x/a.ini"},
		{map[string]string{"XDG_CONFIG_HOME": "/cfg", "HOME": "/h"}, "/cfg/tsqld/aliases.ini"},
		{map[string]string{"HOME": "/h"}, "/h/.config/tsqld/aliases.ini"},
	} {
		if got := AliasPath(env(c.env)); got != c.want {
			t.Errorf("AliasPath(%v) = %q; want %q", c.env, got, c.want)
		}
	}
}

func TestAliasSetGetUnset(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "aliases.ini")
	if all, err := LoadAliases(path); err != nil || len(all) != 0 {
		t.Fatalf("missing file: %v %v", all, err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(SetAlias(path, "Prod", "tcp:db1,1500"))
	must(SetAlias(path, `SRV\SALES`, "tcp:127.0.0.1,41433"))
	must(SetAlias(path, "local", "lpc:."))
	must(SetAlias(path, "PROD", "tcp:db2,1501")) // replaces, keeps "Prod"
	all, err := LoadAliases(path)
	must(err)
	if len(all) != 3 || all[0].Name != "local" || all[1].Name != "Prod" || all[1].Target != "tcp:db2,1501" || all[2].Name != `SRV\SALES` {
		t.Fatalf("aliases = %+v", all)
	}
	for name, want := range map[string]string{"prod": "tcp:db2,1501", `srv\sales`: "tcp:127.0.0.1,41433", " LOCAL ": "lpc:."} {
		got, a, err := ResolveAlias(path, name)
		if err != nil || a == nil || got != want {
			t.Errorf("ResolveAlias(%q) = %q %v %v; want %q", name, got, a, err, want)
		}
	}
	// Names that are not aliases, prefixed names and connection strings
	// pass through unchanged.
	for _, s := range []string{"other", "tcp:prod", "Server=prod;User ID=sa", "sqlserver://prod"} {
		if got, a, err := ResolveAlias(path, s); err != nil || a != nil || got != s {
			t.Errorf("ResolveAlias(%q) = %q %v %v; want unchanged", s, got, a, err)
		}
	}
	ok, err := UnsetAlias(path, "prod")
	must(err)
	if !ok {
		t.Fatal("unset prod: not found")
	}
	if ok, _ := UnsetAlias(path, "prod"); ok {
		t.Fatal("unset prod twice succeeded")
	}
	if _, found, _ := LookupAlias(path, "Prod"); found {
		t.Fatal("Prod still there")
	}
}

func TestAliasRejects(t *testing.T) {
	path := filepath.Join(t.TempDir(), "aliases.ini")
	for _, c := range [][2]string{
		{"a", "db1,1500"},            // no protocol
		{"a", "admin:db1"},           // DAC is not an alias protocol
		{"a", "tcp:db1,notaport"},    // bad port
		{"", "tcp:db1"},              // empty name
		{"a=b", "tcp:db1"},           // unrepresentable name
		{"tcp:x", "tcp:db1"},         // prefixed names bypass aliases
		{"Server=x", "tcp:db1,1433"}, // looks like a connection string
	} {
		if err := SetAlias(path, c[0], c[1]); err == nil {
			t.Errorf("SetAlias(%q, %q) accepted", c[0], c[1])
		}
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("rejected aliases created the file")
	}
}

func TestAliasFileFormat(t *testing.T) {
	path := filepath.Join(t.TempDir(), "aliases.ini")
	text := "; hand-written\n[other]\nX = tcp:nope\n[Aliases]\n# comment\n  Dev = tcp:127.0.0.1,2000  \n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	all, err := LoadAliases(path)
	if err != nil || len(all) != 1 || all[0] != (Alias{"Dev", "tcp:127.0.0.1,2000"}) {
		t.Fatalf("LoadAliases = %+v, %v", all, err)
	}
	os.WriteFile(path, []byte("[aliases]\njunk line\n"), 0o644)
	if _, err := LoadAliases(path); err == nil || !strings.Contains(err.Error(), ":2:") {
		t.Fatalf("bad line error = %v; want the line number", err)
	}
}
