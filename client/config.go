package client

import (
	"fmt"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
)

// EncryptMode is the client's Encrypt setting.
type EncryptMode uint8

const (
	// EncryptUnset: the keyword was not given (drivers differ on the
	// default: SqlClient 4+/ODBC 18 mean Mandatory, go-mssqldb encrypts the
	// login only).
	EncryptUnset EncryptMode = iota
	EncryptOptional
	EncryptMandatory
	EncryptStrict
	// EncryptDisable is go-mssqldb's "disable": no TLS at all.
	EncryptDisable
)

func (m EncryptMode) String() string {
	return [...]string{"", "optional", "mandatory", "strict", "disable"}[m]
}

// ParseEncrypt accepts the values SqlClient, ODBC 18 and go-mssqldb accept.
func ParseEncrypt(v string) (EncryptMode, bool) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "true", "yes", "mandatory", "1":
		return EncryptMandatory, true
	case "false", "no", "optional", "0":
		return EncryptOptional, true
	case "strict":
		return EncryptStrict, true
	case "disable":
		return EncryptDisable, true
	}
	return EncryptUnset, false
}

// Default timeouts (SqlClient).
const (
	DefaultConnectTimeout = 15 * time.Second
	DefaultCommandTimeout = 30 * time.Second
)

// Config is a parsed connection string.
type Config struct {
	// Server is the server name as written; Target is its parse.
	Server   string
	Target   Target
	Database string
	User     string
	Password string
	// Integrated is Integrated Security / Trusted_Connection.
	Integrated             bool
	Encrypt                EncryptMode
	TrustServerCertificate bool
	HostNameInCertificate  string
	Certificate            string
	// ConnectTimeout: 0 means wait forever (SqlClient's meaning).
	ConnectTimeout time.Duration
	DialTimeout    time.Duration
	CommandTimeout time.Duration
	AppName        string
	Language       string
	PacketSize     int
	Workstation    string
	// MultiSubnetFailover and ApplicationIntent=ReadOnly are parsed for
	// completeness; this server has one endpoint per protocol.
	MultiSubnetFailover bool
	ReadOnlyIntent      bool
	// Extra holds every other keyword (canonical name → value).
	Extra map[string]string
}

// Parse reads a connection string in any of the supported forms:
// "sqlserver://…" URLs (go-mssqldb), "odbc:…" (go-mssqldb's ODBC prefix),
// and ADO keyword=value lists.
func Parse(s string) (*Config, error) {
	t := strings.TrimSpace(s)
	if len(t) >= 12 && strings.EqualFold(t[:12], "sqlserver://") {
		return ParseURL(t)
	}
	if len(t) >= 5 && strings.EqualFold(t[:5], "odbc:") {
		t = t[5:]
	}
	return ParseADO(t)
}

func newConfig() *Config {
	return &Config{ConnectTimeout: DefaultConnectTimeout, CommandTimeout: DefaultCommandTimeout,
		Target: Target{Host: "localhost", Local: true}}
}

// ParseADO parses a keyword=value connection string (see SplitConnString).
func ParseADO(s string) (*Config, error) {
	pairs, err := SplitConnString(s)
	if err != nil {
		return nil, err
	}
	c := newConfig()
	var port string
	serverSeen := false
	for _, p := range pairs {
		k := CanonicalKeyword(p.Key)
		if k == kPort {
			port = p.Value
			continue
		}
		if k == kServer {
			serverSeen = true
		}
		if err := c.set(s, k, p.Value); err != nil {
			return nil, err
		}
	}
	if !serverSeen {
		c.Target = Target{Host: "localhost", Local: true}
	}
	if port != "" {
		if err := c.setPort(s, port); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// setPort applies go-mssqldb's separate port keyword; a port written in the
// server name wins.
func (c *Config) setPort(in, v string) error {
	p, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || p < 0 || p > 65535 {
		return &ParseError{in, "invalid port " + strconv.Quote(v)}
	}
	if c.Target.Port == 0 {
		c.Target.Port = p
	}
	return nil
}

func parseBool(in, k, v string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "true", "yes", "1":
		return true, nil
	case "false", "no", "0":
		return false, nil
	case "sspi":
		if k == kIntegrated {
			return true, nil
		}
	}
	return false, &ParseError{in, fmt.Sprintf("invalid value %q for %s", v, k)}
}

func parseSeconds(in, k, v string) (time.Duration, error) {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 0 || n > 2147483647 {
		return 0, &ParseError{in, fmt.Sprintf("invalid value %q for %s: want whole seconds >= 0", v, k)}
	}
	return time.Duration(n) * time.Second, nil
}

func (c *Config) set(in, k, v string) error {
	var err error
	switch k {
	case kServer:
		c.Server = v
		c.Target, err = ParseServer(v)
		if err != nil {
			return err
		}
	case kDatabase:
		c.Database = v
	case kUser:
		c.User = v
	case kPassword:
		c.Password = v
	case kIntegrated:
		c.Integrated, err = parseBool(in, k, v)
	case kEncrypt:
		m, ok := ParseEncrypt(v)
		if !ok {
			return &ParseError{in, fmt.Sprintf("invalid value %q for Encrypt", v)}
		}
		c.Encrypt = m
	case kTrustCert:
		c.TrustServerCertificate, err = parseBool(in, k, v)
	case kHostInCert:
		c.HostNameInCertificate = v
	case kCertificate:
		c.Certificate = v
	case kConnTimeout:
		c.ConnectTimeout, err = parseSeconds(in, "Connect Timeout", v)
	case kDialTimeout:
		c.DialTimeout, err = parseSeconds(in, "dial timeout", v)
	case kCmdTimeout:
		c.CommandTimeout, err = parseSeconds(in, "Command Timeout", v)
	case kApp:
		c.AppName = v
	case kLanguage:
		c.Language = v
	case kPacketSize:
		n, e := strconv.Atoi(v)
		if e != nil || n < 512 || n > 32767 {
			return &ParseError{in, fmt.Sprintf("invalid Packet Size %q: want 512 to 32767", v)}
		}
		c.PacketSize = n
	case kWorkstation:
		c.Workstation = v
	case kMSF:
		c.MultiSubnetFailover, err = parseBool(in, k, v)
	case kIntent:
		switch strings.ToLower(v) {
		case "readonly":
			c.ReadOnlyIntent = true
		case "readwrite":
			c.ReadOnlyIntent = false
		default:
			return &ParseError{in, fmt.Sprintf("invalid ApplicationIntent %q", v)}
		}
	default:
		if c.Extra == nil {
			c.Extra = map[string]string{}
		}
		c.Extra[k] = v
	}
	return err
}

// ParseURL parses go-mssqldb's URL form:
//
//	sqlserver://[user[:password]@]host[:port][/instance][?param=value&…]
//
// Parameters use the same keywords as the ADO form (database, encrypt,
// "connection timeout", "app name", …).
func ParseURL(s string) (*Config, error) {
	u, err := url.Parse(s)
	if err != nil {
		return nil, &ParseError{s, err.Error()}
	}
	if !strings.EqualFold(u.Scheme, "sqlserver") {
		return nil, &ParseError{s, "scheme must be sqlserver"}
	}
	c := newConfig()
	if u.User != nil {
		c.User = u.User.Username()
		c.Password, _ = u.User.Password()
	}
	host := u.Hostname()
	t := Target{}
	if err := setHost(&t, host); err != nil {
		return nil, &ParseError{s, err.Error()}
	}
	if p := u.Port(); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || n > 65535 {
			return nil, &ParseError{s, "invalid port " + strconv.Quote(p)}
		}
		t.Port = n
	}
	if inst := strings.Trim(u.Path, "/"); inst != "" {
		if strings.Contains(inst, "/") {
			return nil, &ParseError{s, "the URL path is the instance name and cannot contain '/'"}
		}
		t.Instance = inst
	}
	c.Target = t
	c.Server = t.String()
	q := u.Query()
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys) // deterministic errors
	for _, k0 := range keys {
		vals := q[k0]
		v := vals[len(vals)-1]
		k := CanonicalKeyword(strings.ToLower(strings.Join(strings.Fields(k0), " ")))
		switch k {
		case kServer:
			return nil, &ParseError{s, "the server is the URL host, not a parameter"}
		case kPort:
			if err := c.setPort(s, v); err != nil {
				return nil, err
			}
			continue
		}
		if err := c.set(s, k, v); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// URL renders the configuration as a go-mssqldb sqlserver:// URL (the DSN
// the slt runner and tests hand to database/sql). Only TCP targets can be
// expressed; socket targets keep their host and go-mssqldb dials TCP.
func (c *Config) URL() string {
	u := url.URL{Scheme: "sqlserver"}
	if c.User != "" || c.Password != "" {
		u.User = url.UserPassword(c.User, c.Password)
	}
	host := c.Target.Host
	if host == "" {
		host = "localhost"
	}
	if strings.IndexByte(host, ':') >= 0 {
		host = "[" + host + "]"
	}
	if c.Target.Port != 0 {
		host += ":" + strconv.Itoa(c.Target.Port)
	}
	u.Host = host
	if c.Target.Instance != "" {
		u.Path = "/" + c.Target.Instance
	}
	q := url.Values{}
	if c.Database != "" {
		q.Set("database", c.Database)
	}
	if c.Encrypt != EncryptUnset {
		q.Set("encrypt", c.Encrypt.String())
	}
	if c.TrustServerCertificate {
		q.Set("TrustServerCertificate", "true")
	}
	if c.HostNameInCertificate != "" {
		q.Set("hostNameInCertificate", c.HostNameInCertificate)
	}
	if c.Certificate != "" {
		q.Set("certificate", c.Certificate)
	}
	if c.ConnectTimeout != DefaultConnectTimeout {
		q.Set("connection timeout", strconv.Itoa(int(c.ConnectTimeout/time.Second)))
	}
	if c.DialTimeout != 0 {
		q.Set("dial timeout", strconv.Itoa(int(c.DialTimeout/time.Second)))
	}
	if c.AppName != "" {
		q.Set("app name", c.AppName)
	}
	if c.Language != "" {
		q.Set("language", c.Language)
	}
	if c.PacketSize != 0 {
		q.Set("packet size", strconv.Itoa(c.PacketSize))
	}
	if c.Workstation != "" {
		q.Set("workstation id", c.Workstation)
	}
	u.RawQuery = q.Encode()
	return u.String()
}

// ADO renders the configuration as a keyword=value string. The password is
// included only when withPassword is set (logs and doctor output omit it).
func (c *Config) ADO(withPassword bool) string {
	var b strings.Builder
	add := func(k, v string) {
		if b.Len() > 0 {
			b.WriteByte(';')
		}
		b.WriteString(k)
		b.WriteByte('=')
		b.WriteString(QuoteValue(v))
	}
	add("Server", c.Target.String())
	if c.Database != "" {
		add("Database", c.Database)
	}
	if c.Integrated {
		add("Integrated Security", "true")
	}
	if c.User != "" {
		add("User ID", c.User)
	}
	if withPassword && c.Password != "" {
		add("Password", c.Password)
	}
	if c.Encrypt != EncryptUnset {
		add("Encrypt", c.Encrypt.String())
	}
	if c.TrustServerCertificate {
		add("TrustServerCertificate", "true")
	}
	if c.ConnectTimeout != DefaultConnectTimeout {
		add("Connect Timeout", strconv.Itoa(int(c.ConnectTimeout/time.Second)))
	}
	if c.AppName != "" {
		add("Application Name", c.AppName)
	}
	if c.Language != "" {
		add("Current Language", c.Language)
	}
	return b.String()
}
