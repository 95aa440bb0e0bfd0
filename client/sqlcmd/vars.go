package sqlcmd

import (
	"fmt"
	"sort"
	"strings"
)

// Vars are sqlcmd's scripting variables. Names are case-insensitive, as
// in sqlcmd; the spelling of the first definition is kept for :listvar.
type Vars struct {
	m     map[string]string
	names map[string]string
	// Env, when set, supplies variables not defined otherwise (sqlcmd
	// reads environment variables as scripting variables).
	Env func(string) string
}

// NewVars returns an empty variable set.
func NewVars() *Vars {
	return &Vars{m: map[string]string{}, names: map[string]string{}}
}

// Set defines or replaces a variable.
func (v *Vars) Set(name, value string) {
	k := strings.ToUpper(name)
	if _, ok := v.names[k]; !ok {
		v.names[k] = name
	}
	v.m[k] = value
}

// Unset removes a variable (:setvar name without a value).
func (v *Vars) Unset(name string) {
	k := strings.ToUpper(name)
	delete(v.m, k)
	delete(v.names, k)
}

// Get returns a variable's value.
func (v *Vars) Get(name string) (string, bool) {
	s, ok := v.m[strings.ToUpper(name)]
	if !ok && v.Env != nil {
		if s = v.Env(name); s == "" {
			s = v.Env(strings.ToUpper(name))
		}
		ok = s != ""
	}
	return s, ok
}

// List returns "NAME = "value"" lines sorted by name, as :listvar prints.
func (v *Vars) List() []string {
	keys := make([]string, 0, len(v.m))
	for k := range v.m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = fmt.Sprintf("%s = \"%s\"", v.names[k], v.m[k])
	}
	return out
}

// UndefinedError is a $(name) with no definition.
type UndefinedError struct{ Name string }

func (e *UndefinedError) Error() string {
	return fmt.Sprintf("'%s' scripting variable not defined.", e.Name)
}

// validVarName reports sqlcmd's variable-name characters.
func validVarName(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r == '_' || r == '-' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return true
}

// Expand substitutes $(name) everywhere in s (sqlcmd substitutes inside
// string literals and comments too). A "$(" that does not form a valid
// reference is left as is.
func (v *Vars) Expand(s string) (string, error) {
	if !strings.Contains(s, "$(") {
		return s, nil
	}
	var b strings.Builder
	for {
		i := strings.Index(s, "$(")
		if i < 0 {
			b.WriteString(s)
			return b.String(), nil
		}
		j := strings.IndexByte(s[i+2:], ')')
		if j < 0 || !validVarName(s[i+2:i+2+j]) {
			b.WriteString(s[:i+2])
			s = s[i+2:]
			continue
		}
		name := s[i+2 : i+2+j]
		val, ok := v.Get(name)
		if !ok {
			return "", &UndefinedError{Name: name}
		}
		b.WriteString(s[:i])
		b.WriteString(val)
		s = s[i+3+j:]
	}
}
