package client

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Client aliases are SQL Server's client network configuration
// (cliconfg / Configuration Manager > SQL Native Client > Aliases): a
// name that clients look up before anything else and replace by a
// protocol, a host and a port or pipe. tsqld keeps them in one
// client-side INI file:
//
//	[aliases]
//	PROD = tcp:db1.example.com,1500
//	DB1\SALES = tcp:127.0.0.1,41433
//
// Names compare case-insensitively, like SqlClient and ODBC aliases.

// AliasesEnv names the environment variable that overrides the file.
const AliasesEnv = "TSQLD_ALIASES"

const aliasSection = "aliases"

// Alias is one entry of the alias file.
type Alias struct {
	Name   string `json:"name"`
	Target string `json:"target"`
}

// AliasPath is the alias file: $TSQLD_ALIASES, else
// $XDG_CONFIG_HOME/tsqld/aliases.ini, else ~/.config/tsqld/aliases.ini.
// getenv nil means os.Getenv.
func AliasPath(getenv func(string) string) string {
	if getenv == nil {
		getenv = os.Getenv
	}
	if p := getenv(AliasesEnv); p != "" {
		return p
	}
	if x := getenv("XDG_CONFIG_HOME"); x != "" {
		return filepath.Join(x, "tsqld", "aliases.ini")
	}
	home := getenv("HOME")
	if home == "" {
		home, _ = os.UserHomeDir()
	}
	return filepath.Join(home, ".config", "tsqld", "aliases.ini")
}

// ValidateAliasTarget checks that a target names its protocol (tcp:,
// np: or lpc:, as the alias dialogue does) and parses as a server name.
func ValidateAliasTarget(target string) (Target, error) {
	low := strings.ToLower(strings.TrimSpace(target))
	if !strings.HasPrefix(low, "tcp:") && !strings.HasPrefix(low, "np:") && !strings.HasPrefix(low, "lpc:") {
		return Target{}, fmt.Errorf("alias target %q must start with tcp:, np: or lpc: (e.g. tcp:host,1433)", target)
	}
	t, err := ParseServer(strings.TrimSpace(target))
	if err != nil {
		return Target{}, err
	}
	return t, nil
}

// validAliasName rejects names the file format cannot hold.
func validAliasName(name string) error {
	n := strings.TrimSpace(name)
	switch {
	case n == "":
		return errors.New("alias name is empty")
	case strings.ContainsAny(n, "=\r\n[]#;"):
		return fmt.Errorf("alias name %q may not contain = [ ] # ; or line breaks", name)
	case strings.Contains(n, "://") || strings.HasPrefix(strings.ToLower(n), "tcp:") ||
		strings.HasPrefix(strings.ToLower(n), "np:") || strings.HasPrefix(strings.ToLower(n), "lpc:") ||
		strings.HasPrefix(strings.ToLower(n), "admin:"):
		return fmt.Errorf("alias name %q may not start with a protocol prefix: clients only look up bare names", name)
	}
	return nil
}

// LoadAliases reads the alias file; a missing file is an empty list.
func LoadAliases(path string) ([]Alias, error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []Alias
	section := aliasSection // entries before any header count too
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' || line[0] == ';' {
			continue
		}
		if line[0] == '[' && line[len(line)-1] == ']' {
			section = strings.ToLower(strings.TrimSpace(line[1 : len(line)-1]))
			continue
		}
		if section != aliasSection {
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			return nil, fmt.Errorf("%s:%d: expected NAME = protocol:target", path, n)
		}
		out = append(out, Alias{Name: strings.TrimSpace(k), Target: strings.TrimSpace(v)})
	}
	return out, sc.Err()
}

// LookupAlias finds name (case-insensitive) in the alias file.
func LookupAlias(path, name string) (Alias, bool, error) {
	all, err := LoadAliases(path)
	if err != nil {
		return Alias{}, false, err
	}
	name = strings.TrimSpace(name)
	for _, a := range all {
		if strings.EqualFold(a.Name, name) {
			return a, true, nil
		}
	}
	return Alias{}, false, nil
}

// ResolveAlias is what a client does with -S / Server=: a bare name
// found in the alias file is replaced by the alias's target. It returns
// the server name unchanged (and a nil alias) otherwise, and also when
// the name already carries a protocol prefix, which bypasses aliases.
func ResolveAlias(path, server string) (string, *Alias, error) {
	s := strings.TrimSpace(server)
	if s == "" || validAliasName(s) != nil {
		return server, nil, nil
	}
	a, ok, err := LookupAlias(path, s)
	if err != nil || !ok {
		return server, nil, err
	}
	return a.Target, &a, nil
}

// SetAlias adds or replaces an alias (keeping the name's first spelling
// when it existed) after checking the target.
func SetAlias(path, name, target string) error {
	if err := validAliasName(name); err != nil {
		return err
	}
	if _, err := ValidateAliasTarget(target); err != nil {
		return err
	}
	all, err := LoadAliases(path)
	if err != nil {
		return err
	}
	name, target = strings.TrimSpace(name), strings.TrimSpace(target)
	found := false
	for i := range all {
		if strings.EqualFold(all[i].Name, name) {
			all[i].Target, found = target, true
		}
	}
	if !found {
		all = append(all, Alias{Name: name, Target: target})
	}
	return writeAliases(path, all)
}

// UnsetAlias removes an alias; it reports whether one was there.
func UnsetAlias(path, name string) (bool, error) {
	all, err := LoadAliases(path)
	if err != nil {
		return false, err
	}
	kept := all[:0]
	for _, a := range all {
		if !strings.EqualFold(a.Name, strings.TrimSpace(name)) {
			kept = append(kept, a)
		}
	}
	if len(kept) == len(all) {
		return false, nil
	}
	return true, writeAliases(path, kept)
}

// writeAliases rewrites the file atomically (rename), sorted by name so
// that diffs of the file stay readable.
func writeAliases(path string, all []Alias) error {
	sort.SliceStable(all, func(i, j int) bool { return strings.ToLower(all[i].Name) < strings.ToLower(all[j].Name) })
	var b bytes.Buffer
	b.WriteString("# tsqld client aliases (tsqld config alias set NAME tcp:host,port)\n[" + aliasSection + "]\n")
	for _, a := range all {
		fmt.Fprintf(&b, "%s = %s\n", a.Name, a.Target)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b.Bytes(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
