package service

import (
	"fmt"
	"net"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// Kind is a setting's value type.
type Kind int

const (
	KindInt Kind = iota
	KindBool
	KindString
	KindEnum // one of Allowed
	KindList // comma-separated subset of Allowed
	KindPath // absolute path
)

func (k Kind) String() string {
	return [...]string{"int", "bool", "string", "enum", "list", "path"}[k]
}

// Setting describes one mssql.conf key. Keys are "section.name" as
// mssql-conf spells them (network.tcpport → [network] tcpport = …).
type Setting struct {
	Key  string
	Kind Kind
	// Default is the value when the key is unset; "" means none (or a
	// value computed at run time, described by DefaultText).
	Default     string
	DefaultText string
	// Allowed lists the values of enum and list settings.
	Allowed  []string
	Min, Max int64
	// Restart is true when the engine reads the value only at start
	// (every mssql-conf key on Linux; HideInstance, remote admin
	// connections, remote login timeout and default language apply at once).
	Restart bool
	// SQLServerName is the Windows/sp_configure name of the same knob.
	SQLServerName string
	Help          string
	// check adds rules beyond the kind (IP literal, collation name …).
	check func(v string) error
	// namedDefault overrides Default for named instances (dynamic ports).
	namedDefault string
}

// Section and Name split the key for the INI file.
func (s *Setting) Section() string { sec, _, _ := strings.Cut(s.Key, "."); return sec }

// Name is the key's part after the section.
func (s *Setting) Name() string { _, n, _ := strings.Cut(s.Key, "."); return n }

// DefaultFor is the default of the setting for an instance.
func (s *Setting) DefaultFor(instance string) string {
	if s.namedDefault != "" && instance != "" && instance != DefaultInstance {
		return s.namedDefault
	}
	return s.Default
}

// AllowedText describes the accepted values, for errors and help.
func (s *Setting) AllowedText() string {
	switch s.Kind {
	case KindInt:
		t := fmt.Sprintf("an integer from %d to %d", s.Min, s.Max)
		if s.Key == "network.tcpport" || s.Key == "network.dacport" {
			t += " (0 = dynamic port)"
		}
		return t
	case KindBool:
		return "0 or 1 (also true/false)"
	case KindEnum:
		return "one of " + strings.Join(s.Allowed, ", ")
	case KindList:
		return "a comma-separated list of " + strings.Join(s.Allowed, ", ")
	case KindPath:
		return "an absolute path"
	}
	switch s.Key {
	case "network.ipaddress":
		return "an IPv4 or IPv6 address, or empty for all addresses"
	case "sqlserver.collation":
		return "a SQL Server collation name such as SQL_Latin1_General_CP1_CI_AS or Latin1_General_100_CI_AS_SC"
	}
	return "a string"
}

// ValidationError is a rejected value: it names the key and what is allowed.
type ValidationError struct {
	Key, Value, Allowed, Reason string
}

func (e *ValidationError) Error() string {
	msg := fmt.Sprintf("%q is not a valid value for %s", e.Value, e.Key)
	if e.Reason != "" {
		msg += " (" + e.Reason + ")"
	}
	return msg + "; allowed: " + e.Allowed
}

// UnknownSettingError is a key the registry does not know.
type UnknownSettingError struct {
	Key     string
	Suggest []string
}

func (e *UnknownSettingError) Error() string {
	msg := fmt.Sprintf("unknown setting %q", e.Key)
	if len(e.Suggest) > 0 {
		msg += "; did you mean " + strings.Join(e.Suggest, ", ") + "?"
	}
	return msg + " (tsqld config list shows all settings)"
}

// Normalize validates v for the setting and returns its canonical text
// (booleans become 0/1, enum values their registered spelling).
func (s *Setting) Normalize(v string) (string, error) {
	v = strings.TrimSpace(v)
	bad := func(reason string) error {
		return &ValidationError{Key: s.Key, Value: v, Allowed: s.AllowedText(), Reason: reason}
	}
	switch s.Kind {
	case KindInt:
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return "", bad("not an integer")
		}
		if n < s.Min || n > s.Max {
			return "", bad("out of range")
		}
		v = strconv.FormatInt(n, 10)
	case KindBool:
		switch strings.ToLower(v) {
		case "1", "true", "yes", "on", "y":
			v = "1"
		case "0", "false", "no", "off", "n":
			v = "0"
		default:
			return "", bad("")
		}
	case KindEnum:
		i := slices.IndexFunc(s.Allowed, func(a string) bool { return strings.EqualFold(a, v) })
		if i < 0 {
			if s.check == nil || s.check(v) != nil {
				return "", bad("")
			}
		} else {
			v = s.Allowed[i]
		}
	case KindList:
		parts := strings.Split(v, ",")
		var out []string
		for _, p := range parts {
			p = strings.TrimSpace(p)
			i := slices.IndexFunc(s.Allowed, func(a string) bool { return strings.EqualFold(a, p) })
			if i < 0 {
				return "", bad(fmt.Sprintf("%q is not allowed", p))
			}
			if !slices.Contains(out, s.Allowed[i]) {
				out = append(out, s.Allowed[i])
			}
		}
		v = strings.Join(out, ",")
	case KindPath:
		if v != "" && !filepath.IsAbs(v) {
			return "", bad("not absolute")
		}
	}
	if s.check != nil && s.Kind != KindEnum {
		if err := s.check(v); err != nil {
			return "", bad(err.Error())
		}
	}
	return v, nil
}

// Editions are the MSSQL_PID edition names.
var Editions = []string{"Developer", "Express", "Standard", "Enterprise", "EnterpriseCore", "Evaluation"}

// LCIDs are the server locales with a sys.messages language (msglangid).
var LCIDs = []string{"1033", "1031", "1036", "1040", "1041", "1042", "1046", "1049", "2052", "1028", "3082", "1045", "1029", "1038", "1053", "1055", "1043", "1030", "1044", "1035", "1032", "1026", "1050", "1051", "1058", "1061", "1062", "1063", "1054", "1057", "1081", "1060", "2070", "3076"}

// registry is every setting, in mssql-conf's order of sections.
var registry = []*Setting{
	{Key: "network.tcpport", Kind: KindInt, Default: "1433", namedDefault: "0", Min: 0, Max: 65535, Restart: true,
		SQLServerName: `Tcp\IPAll\TcpPort / TcpDynamicPorts`, Help: "TCP port to listen on; 0 = a dynamic port chosen at each start (named instances' default)"},
	{Key: "network.ipaddress", Kind: KindString, Restart: true, check: checkIP,
		SQLServerName: `Tcp\ListenOnAllIPs=No + IPn\IPAddress`, Help: "listen on this address only; empty = all addresses"},
	{Key: "network.tcpenabled", Kind: KindBool, Default: "1", Restart: true,
		SQLServerName: `Tcp\Enabled`, Help: "TCP/IP protocol enabled"},
	{Key: "network.localsocket", Kind: KindBool, Default: "1", Restart: true,
		SQLServerName: `Sm\Enabled`, Help: "local Unix-socket connections (SQL Server's shared memory)"},
	{Key: "network.remoteconnections", Kind: KindBool, Default: "0", Restart: true,
		SQLServerName: "Allow remote connections", Help: "0 = TCP listens on the loopback addresses only (tsqld's default; set 1 in containers and servers)"},
	{Key: "network.forceencryption", Kind: KindBool, Default: "0", Restart: true,
		SQLServerName: `SuperSocketNetLib\ForceEncryption`, Help: "refuse clients that cannot encrypt (17835)"},
	{Key: "network.forcestrictencryption", Kind: KindBool, Default: "0", Restart: true,
		SQLServerName: `SuperSocketNetLib\ForceStrict`, Help: "accept only TDS 8.0 (TLS before PRELOGIN)"},
	{Key: "network.tlscert", Kind: KindPath, Restart: true, DefaultText: "self-generated certificate",
		SQLServerName: `SuperSocketNetLib\Certificate`, Help: "PEM certificate; empty = self-generated (SSL_Self_Signed_Fallback)"},
	{Key: "network.tlskey", Kind: KindPath, Restart: true,
		Help: "PEM private key of network.tlscert"},
	{Key: "network.tlsprotocols", Kind: KindList, Default: "1.2", Allowed: []string{"1.0", "1.1", "1.2", "1.3"}, Restart: true,
		Help: "TLS versions accepted; a client with none of them is rejected"},
	{Key: "network.tlsciphers", Kind: KindString, Restart: true, DefaultText: "Go's secure default suites",
		Help: "OpenSSL-style cipher list"},
	{Key: "network.hideinstance", Kind: KindBool, Default: "0", Restart: false,
		SQLServerName: `SuperSocketNetLib\HideInstance`, Help: "the Browser does not advertise this instance (applies at once)"},
	{Key: "network.dacport", Kind: KindInt, Default: "1434", namedDefault: "0", Min: 0, Max: 65535, Restart: true,
		SQLServerName: `AdminConnection\Tcp`, Help: "dedicated admin connection TCP port; 0 = dynamic"},
	{Key: "network.keepalive", Kind: KindInt, Default: "30000", Min: 0, Max: 7200000, Restart: true,
		SQLServerName: `Tcp\KeepAlive`, Help: "TCP keep-alive interval in milliseconds; 0 = off"},
	{Key: "sqlserver.userconnections", Kind: KindInt, Default: "0", Min: 0, Max: 32767, Restart: true,
		SQLServerName: "user connections", Help: "maximum concurrent user connections; 0 = 32767 (17809 beyond)"},
	{Key: "sqlserver.remoteadmin", Kind: KindBool, Default: "0", Restart: false,
		SQLServerName: "remote admin connections", Help: "0 = DAC on loopback only; 1 = DAC reachable remotely"},
	{Key: "sqlserver.remoteaccess", Kind: KindBool, Default: "1", Restart: true,
		SQLServerName: "remote access", Help: "server-to-server remote procedure calls (not remote connections)"},
	{Key: "sqlserver.remotelogintimeout", Kind: KindInt, Default: "10", Min: 0, Max: 2147483647, Restart: false,
		SQLServerName: "remote login timeout (s)", Help: "seconds to wait on outgoing remote logins"},
	{Key: "sqlserver.defaultlanguage", Kind: KindInt, Default: "0", Min: 0, Max: 33, Restart: false,
		SQLServerName: "default language", Help: "langid given to new logins (0 us_english, 2 Français)"},
	{Key: "sqlserver.edition", Kind: KindEnum, Default: "Developer", Allowed: Editions, Restart: true, check: checkProductKey,
		SQLServerName: "MSSQL_PID", Help: "edition name or product key (xxxxx-xxxxx-xxxxx-xxxxx-xxxxx)"},
	{Key: "sqlserver.collation", Kind: KindString, Default: "SQL_Latin1_General_CP1_CI_AS", Restart: true, check: checkCollation,
		SQLServerName: "server collation (MSSQL_COLLATION)", Help: "server default collation; used when master is created"},
	{Key: "sqlserver.numerrorlogs", Kind: KindInt, Default: "6", Min: 6, Max: 99, Restart: false,
		SQLServerName: "NumErrorLogs", Help: "archived error logs kept (errorlog.1 … errorlog.N)"},
	{Key: "memory.memorylimitmb", Kind: KindInt, Min: 128, Max: 1 << 31, Restart: true, DefaultText: "80% of physical memory",
		SQLServerName: "max server memory (MB)", Help: "memory available to the engine"},
	{Key: "language.lcid", Kind: KindEnum, Default: "1033", Allowed: LCIDs, Restart: true,
		SQLServerName: "MSSQL_LCID", Help: "server locale (1033 English, 1036 French …)"},
	{Key: "filelocation.defaultdatadir", Kind: KindPath, Restart: true, DefaultText: "<instance>/data",
		Help: "directory of database files"},
	{Key: "filelocation.errorlogdir", Kind: KindPath, Restart: true, DefaultText: "<instance>/log",
		Help: "directory of errorlog and its archives"},
}

var registryByKey = func() map[string]*Setting {
	m := make(map[string]*Setting, len(registry))
	for _, s := range registry {
		m[s.Key] = s
	}
	return m
}()

// Settings returns the registry (read-only).
func Settings() []*Setting { return registry }

// Lookup finds a setting by key (case-insensitive).
func Lookup(key string) (*Setting, error) {
	k := strings.ToLower(strings.TrimSpace(key))
	if s, ok := registryByKey[k]; ok {
		return s, nil
	}
	e := &UnknownSettingError{Key: key}
	_, name, _ := strings.Cut(k, ".")
	if name == "" {
		name = k
	}
	for _, s := range registry {
		if s.Name() == name || strings.Contains(s.Key, name) && len(name) >= 4 {
			e.Suggest = append(e.Suggest, s.Key)
		}
	}
	return nil, e
}

func checkIP(v string) error {
	if v == "" {
		return nil
	}
	if net.ParseIP(v) == nil {
		return fmt.Errorf("not an IP address")
	}
	return nil
}

// checkProductKey accepts the 5×5 product-key form MSSQL_PID allows.
func checkProductKey(v string) error {
	parts := strings.Split(v, "-")
	if len(parts) != 5 {
		return fmt.Errorf("not an edition or product key")
	}
	for _, p := range parts {
		if len(p) != 5 {
			return fmt.Errorf("not an edition or product key")
		}
		for _, r := range p {
			if !(r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z') {
				return fmt.Errorf("not an edition or product key")
			}
		}
	}
	return nil
}

// checkCollation checks the shape of a collation name: SQL_* names and
// Windows names <Language>[_<version>]_<CI|CS>_<AI|AS>[_KS][_WS][_SC][_UTF8],
// or _BIN/_BIN2. The catalog decides whether the name exists.
func checkCollation(v string) error {
	if v == "" || len(v) > 128 {
		return fmt.Errorf("not a collation name")
	}
	for _, r := range v {
		if !(r == '_' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z') {
			return fmt.Errorf("not a collation name")
		}
	}
	u := strings.ToUpper(v)
	if strings.HasSuffix(u, "_BIN") || strings.HasSuffix(u, "_BIN2") {
		return nil
	}
	if !(strings.Contains(u, "_CI_") || strings.Contains(u, "_CS_")) ||
		!(strings.Contains(u, "_AI") || strings.Contains(u, "_AS")) {
		return fmt.Errorf("a collation name has case (_CI/_CS) and accent (_AI/_AS) sensitivity, or ends in _BIN/_BIN2")
	}
	return nil
}
