package service

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/ini.v1"
)

// Config is an instance's mssql.conf: the INI file mssql-conf edits, with
// keys validated against the settings registry. Unknown sections and keys
// (traceflags, hand edits) are kept as they are.
type Config struct {
	path     string
	instance string
	file     *ini.File
}

func iniOptions() ini.LoadOptions {
	// mssql.conf is hand-edited too: be lenient about case, keep comments.
	return ini.LoadOptions{Insensitive: true, Loose: true, SpaceBeforeInlineComment: true}
}

// LoadConfig reads path (a missing file is an empty configuration).
func LoadConfig(path, instance string) (*Config, error) {
	f, err := ini.LoadSources(iniOptions(), path)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	inst, _ := NormalizeInstance(instance)
	return &Config{path: path, instance: inst, file: f}, nil
}

// ParseConfig reads configuration text (tests, stdin).
func ParseConfig(text []byte, instance string) (*Config, error) {
	f, err := ini.LoadSources(iniOptions(), text)
	if err != nil {
		return nil, err
	}
	inst, _ := NormalizeInstance(instance)
	return &Config{instance: inst, file: f}, nil
}

// clone copies the configuration (ApplyEnvironment on a scratch copy).
func (c *Config) clone() *Config {
	var b strings.Builder
	c.file.WriteTo(&b)
	f, err := ini.LoadSources(iniOptions(), []byte(b.String()))
	if err != nil {
		f = ini.Empty(iniOptions())
	}
	return &Config{path: c.path, instance: c.instance, file: f}
}

// Path is the file the configuration was read from.
func (c *Config) Path() string { return c.path }

// raw returns the value stored in the file and whether it is there.
func (c *Config) raw(s *Setting) (string, bool) {
	sec, err := c.file.GetSection(s.Section())
	if err != nil || !sec.HasKey(s.Name()) {
		return "", false
	}
	return sec.Key(s.Name()).String(), true
}

// Get returns the effective value of a key: the file's value when set
// (normalized when valid), else the default. Unknown keys return "".
func (c *Config) Get(key string) string {
	s, err := Lookup(key)
	if err != nil {
		return ""
	}
	return c.get(s)
}

func (c *Config) get(s *Setting) string {
	if v, ok := c.raw(s); ok {
		if n, err := s.Normalize(v); err == nil {
			return n
		}
		return v
	}
	return s.DefaultFor(c.instance)
}

// Int returns an int setting (the default when the file's value is bad).
func (c *Config) Int(key string) int {
	s, err := Lookup(key)
	if err != nil {
		return 0
	}
	n, err := strconv.Atoi(c.get(s))
	if err != nil {
		n, _ = strconv.Atoi(s.DefaultFor(c.instance))
	}
	return n
}

// Bool returns a bool setting.
func (c *Config) Bool(key string) bool { return c.Get(key) == "1" }

// IsSet reports whether the file sets key.
func (c *Config) IsSet(key string) bool {
	s, err := Lookup(key)
	if err != nil {
		return false
	}
	_, ok := c.raw(s)
	return ok
}

// Set validates and stores a value in memory; Save writes the file. The
// returned setting tells the caller whether a restart is needed.
func (c *Config) Set(key, value string) (*Setting, error) {
	s, err := Lookup(key)
	if err != nil {
		return nil, err
	}
	v, err := s.Normalize(value)
	if err != nil {
		return s, err
	}
	c.file.Section(s.Section()).Key(s.Name()).SetValue(v)
	return s, nil
}

// Unset removes a key so its default applies again.
func (c *Config) Unset(key string) (*Setting, error) {
	s, err := Lookup(key)
	if err != nil {
		return nil, err
	}
	if sec, err := c.file.GetSection(s.Section()); err == nil {
		sec.DeleteKey(s.Name())
		if len(sec.Keys()) == 0 && len(sec.ChildSections()) == 0 {
			c.file.DeleteSection(s.Section())
		}
	}
	return s, nil
}

// Entry is one row of List.
type Entry struct {
	Key     string `json:"key"`
	Value   string `json:"value"`
	Default string `json:"default"`
	// Set is true when mssql.conf sets the key.
	Set     bool   `json:"set"`
	Kind    string `json:"type"`
	Allowed string `json:"allowed"`
	Restart bool   `json:"restart_required"`
	Help    string `json:"help"`
	// Invalid holds the validation error of a bad value in the file.
	Invalid string `json:"invalid,omitempty"`
}

// List returns every registered setting with its effective value.
func (c *Config) List() []Entry {
	out := make([]Entry, 0, len(registry))
	for _, s := range registry {
		e := Entry{Key: s.Key, Kind: s.Kind.String(), Allowed: s.AllowedText(), Restart: s.Restart, Help: s.Help}
		e.Default = s.DefaultFor(c.instance)
		if e.Default == "" {
			e.Default = s.DefaultText
		}
		e.Value = c.get(s)
		if v, ok := c.raw(s); ok {
			e.Set = true
			if _, err := s.Normalize(v); err != nil {
				e.Invalid = err.Error()
			}
		}
		out = append(out, e)
	}
	return out
}

// Unknown lists keys in the file that the registry does not know
// (section.key), excluding [traceflag] and [EULA] which are legitimate.
func (c *Config) Unknown() []string {
	var out []string
	for _, sec := range c.file.Sections() {
		name := sec.Name()
		if name == ini.DefaultSection || name == "traceflag" || name == "eula" {
			continue
		}
		for _, k := range sec.Keys() {
			if _, err := Lookup(name + "." + k.Name()); err != nil {
				out = append(out, name+"."+k.Name())
			}
		}
	}
	sort.Strings(out)
	return out
}

// Validate checks every value in the file; the service refuses to start
// with an invalid configuration, as sqlservr does.
func (c *Config) Validate() error {
	var errs []error
	for _, s := range registry {
		if v, ok := c.raw(s); ok {
			if _, err := s.Normalize(v); err != nil {
				errs = append(errs, err)
			}
		}
	}
	if c.Get("network.tlskey") != "" && c.Get("network.tlscert") == "" {
		errs = append(errs, errors.New("network.tlskey is set but network.tlscert is not"))
	}
	return errors.Join(errs...)
}

// Effective returns every registered key's effective value; the service
// records it at start to compute pending changes.
func (c *Config) Effective() map[string]string {
	m := make(map[string]string, len(registry))
	for _, s := range registry {
		m[s.Key] = c.get(s)
	}
	return m
}

// Save writes the file atomically (temp file + rename) so a crash never
// leaves a half-written mssql.conf.
func (c *Config) Save() error {
	if c.path == "" {
		return errors.New("configuration has no file")
	}
	return c.SaveTo(c.path)
}

// SaveTo writes the configuration to path atomically.
func (c *Config) SaveTo(path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".mssql.conf.*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := c.file.WriteTo(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	c.path = path
	return nil
}

// SetConfig is `tsqld config set`: validate, write mssql.conf, and report
// whether the change waits for a restart (pending while the instance runs).
func SetConfig(home, instance, key, value string) (*Setting, error) {
	p, err := PathsFor(home, instance)
	if err != nil {
		return nil, err
	}
	cfg, err := LoadConfig(p.Conf, p.Instance)
	if err != nil {
		return nil, err
	}
	s, err := cfg.Set(key, value)
	if err != nil {
		return s, err
	}
	if err := cfg.Save(); err != nil {
		return s, err
	}
	notifyRunning(home, p.Instance, s)
	return s, nil
}

// notifyRunning tells a running instance about an immediate setting;
// best effort: the file is the truth and is read again at start.
func notifyRunning(home, instance string, s *Setting) {
	if s.Restart {
		return
	}
	p, err := PathsFor(home, instance)
	if err != nil {
		return
	}
	if held, _ := lockHeld(p.PIDFile); held {
		Reload(home, instance)
	}
}

// UnsetConfig is `tsqld config unset`.
func UnsetConfig(home, instance, key string) (*Setting, error) {
	p, err := PathsFor(home, instance)
	if err != nil {
		return nil, err
	}
	cfg, err := LoadConfig(p.Conf, p.Instance)
	if err != nil {
		return nil, err
	}
	s, err := cfg.Unset(key)
	if err != nil {
		return nil, err
	}
	if !fileExists(p.Conf) {
		return s, nil
	}
	if err := cfg.Save(); err != nil {
		return s, err
	}
	notifyRunning(home, p.Instance, s)
	return s, nil
}

// RestartMessage is mssql-conf's reminder after changing a restart setting.
func RestartMessage(instance string) string {
	inst, _ := NormalizeInstance(instance)
	cmd := "tsqld stop && tsqld start"
	if inst != DefaultInstance {
		cmd = fmt.Sprintf("tsqld stop --instance %s && tsqld start --instance %s", inst, inst)
	}
	return fmt.Sprintf("SQL Server needs to be restarted in order to apply this setting. Please run '%s'.", cmd)
}

// ListConfig is `tsqld config list`: every setting with its effective
// value for an instance.
func ListConfig(home, instance string) ([]Entry, error) {
	_, cfg, err := ResolvePaths(home, instance)
	if err != nil {
		return nil, err
	}
	return cfg.List(), nil
}

// GetConfig is `tsqld config get <key>`.
func GetConfig(home, instance, key string) (Entry, error) {
	s, err := Lookup(key)
	if err != nil {
		return Entry{}, err
	}
	entries, err := ListConfig(home, instance)
	if err != nil {
		return Entry{}, err
	}
	for _, e := range entries {
		if e.Key == s.Key {
			return e, nil
		}
	}
	return Entry{}, &UnknownSettingError{Key: key}
}
