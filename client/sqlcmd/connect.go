package sqlcmd

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	mssql "github.com/microsoft/go-mssqldb"

	"github.com/tsqld/tsqld/browser"
	"github.com/tsqld/tsqld/client"
	"github.com/tsqld/tsqld/service"
	"github.com/tsqld/tsqld/sql/msgs"
)

// ODBCDriver is the driver name in sqlcmd's connection error lines.
const ODBCDriver = "ODBC Driver 18 for SQL Server"

// ConnectOptions describe one session.
type ConnectOptions struct {
	Server, User, Password, Database string
	Encrypt                          string // go-mssqldb encrypt value, "" = default
	TrustCert                        bool
	LoginTimeout                     time.Duration
	DAC                              bool
	PacketSize                       int
	Workstation                      string
	// Home is the tsqld home used to find a local instance's socket for
	// np:/lpc: names (default service.DefaultHome()).
	Home string
	// AliasFile is the client alias file consulted first (client.AliasPath);
	// "" disables aliases.
	AliasFile string
}

// session is one open connection.
type session struct {
	db     *sql.DB
	conn   *sql.Conn
	server string
}

func (s *session) Close() {
	if s == nil {
		return
	}
	if s.conn != nil {
		s.conn.Close()
	}
	if s.db != nil {
		s.db.Close()
	}
}

// ConnectError is a failed connection with the lines sqlcmd prints.
type ConnectError struct {
	Lines []string
	// Conn is the client-side failure (network, TLS, Browser), nil for a
	// server refusal (Server holds those messages: 18456, 4060 …).
	Conn   *client.ConnError
	Server []mssql.Error
	Err    error
}

func (e *ConnectError) Error() string { return strings.Join(e.Lines, "\n") }

// recordingDialer dials like go-mssqldb would and keeps the last failure,
// so the exact OS error (refused, timed out …) reaches the 10061 family
// mapping; for np:/lpc: it dials the instance's Unix socket instead.
type recordingDialer struct {
	socket string
	mu     sync.Mutex
	err    error
	ok     bool
}

func (d *recordingDialer) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	var nd net.Dialer
	var c net.Conn
	var err error
	if d.socket != "" {
		c, err = nd.DialContext(ctx, "unix", d.socket)
	} else {
		c, err = nd.DialContext(ctx, network, addr)
	}
	d.mu.Lock()
	if err != nil {
		d.err = err
	} else {
		d.ok = true
	}
	d.mu.Unlock()
	return c, err
}

// resolved is a server name turned into something to dial.
type resolved struct {
	target client.Target
	host   string
	port   int
	socket string
	proto  client.Protocol
}

func resolveTarget(ctx context.Context, o ConnectOptions) (*resolved, error) {
	server := o.Server
	if o.AliasFile != "" {
		// Like SqlClient and ODBC, an alias is looked up before the name
		// is parsed: it replaces the protocol, host and port.
		var err error
		if server, _, err = client.ResolveAlias(o.AliasFile, server); err != nil {
			return nil, err
		}
	}
	t, err := client.ParseServer(server)
	if err != nil {
		return nil, err
	}
	r := &resolved{target: t, host: t.Host, port: t.Port, proto: t.Protocol}
	if r.proto == client.ProtoAny || r.proto == client.ProtoTCP {
		r.proto = client.ProtoTCP
	}
	dac := o.DAC || t.Admin
	switch {
	case t.Protocol == client.ProtoNamedPipe || t.Protocol == client.ProtoSharedMemory:
		home := o.Home
		if home == "" {
			home = service.DefaultHome()
		}
		inst := t.Instance
		if inst == "" {
			inst = service.DefaultInstance
		}
		paths, _, err := service.ResolvePaths(home, inst)
		if err != nil || paths.LocalSocket == "" {
			e := client.NewSNIError(client.PhaseConnect, client.ProviderFor(t.Protocol), client.SNICannotOpen, client.NumFileNotFound, err)
			e.Native = client.NumFileNotFound
			return nil, e
		}
		r.socket = paths.LocalSocket
	case dac && r.port == 0:
		inst := t.Instance
		if inst == "" {
			inst = service.DefaultInstance
		}
		p, err := browser.ResolveDAC(ctx, t.Host, inst)
		if err != nil {
			if t.Instance == "" {
				// A default instance's DAC is on 1434 when the Browser is
				// silent (SqlClient tries it directly).
				p = 1434
			} else {
				return nil, client.InstanceNotFound(err)
			}
		}
		r.port = p
	case r.port == 0 && t.Instance != "":
		p, err := browser.Resolve(ctx, t.Host, t.Instance)
		if err != nil {
			var nt *browser.NoTCPError
			if errors.As(err, &nt) {
				return nil, client.ProtocolNotSupported(err)
			}
			return nil, client.InstanceNotFound(err)
		}
		r.port = p
	case r.port == 0:
		r.port = client.DefaultPort
	}
	return r, nil
}

// dsn builds the go-mssqldb URL for a resolved target.
func (r *resolved) dsn(o ConnectOptions) string {
	q := url.Values{}
	if o.Database != "" {
		q.Set("database", o.Database)
	}
	if o.Encrypt != "" {
		q.Set("encrypt", o.Encrypt)
	}
	if o.TrustCert {
		q.Set("trustservercertificate", "true")
	}
	secs := int(o.LoginTimeout / time.Second)
	q.Set("connection timeout", strconv.Itoa(secs))
	q.Set("dial timeout", strconv.Itoa(secs))
	q.Set("app name", "SQLCMD")
	if o.PacketSize > 0 {
		q.Set("packet size", strconv.Itoa(o.PacketSize))
	}
	if o.Workstation != "" {
		q.Set("workstation id", o.Workstation)
	}
	host := r.host
	if r.socket != "" {
		host = "localhost"
	}
	u := url.URL{Scheme: "sqlserver", Host: net.JoinHostPort(host, strconv.Itoa(r.port)), RawQuery: q.Encode()}
	if o.User != "" || o.Password != "" {
		u.User = url.UserPassword(o.User, o.Password)
	}
	return u.String()
}

// connect opens a session or returns a *ConnectError with sqlcmd's lines.
func connect(ctx context.Context, o ConnectOptions, lang msgs.Lang) (*session, error) {
	if o.LoginTimeout <= 0 {
		o.LoginTimeout = 8 * time.Second
	}
	lctx, cancel := context.WithTimeout(ctx, o.LoginTimeout)
	defer cancel()
	r, err := resolveTarget(lctx, o)
	if err != nil {
		var pe *client.ParseError
		if errors.As(err, &pe) {
			return nil, &ConnectError{Lines: []string{errorPrefix(lang) + pe.Error()}, Err: err}
		}
		return nil, connError(err, client.ProtoTCP, lang)
	}
	connector, err := mssql.NewConnector(r.dsn(o))
	if err != nil {
		return nil, &ConnectError{Lines: []string{errorPrefix(lang) + err.Error()}, Err: err}
	}
	d := &recordingDialer{socket: r.socket}
	connector.Dialer = d
	db := sql.OpenDB(connector)
	db.SetMaxOpenConns(1)
	conn, err := db.Conn(lctx)
	if err != nil {
		db.Close()
		return nil, classify(err, d, r.proto, lang)
	}
	return &session{db: db, conn: conn, server: o.Server}, nil
}

func errorPrefix(lang msgs.Lang) string {
	if e, ok := msgs.LookupKind(msgs.KindContext, 43); ok {
		return e.Text(lang)
	}
	return "Sqlcmd: Error: "
}

func connError(err error, proto client.Protocol, lang msgs.Lang) *ConnectError {
	ce := client.FromDialError(err, proto, client.PhaseConnect)
	return &ConnectError{Lines: ce.SqlcmdLines(lang, ODBCDriver), Conn: ce, Err: err}
}

// classify turns a failed go-mssqldb login into sqlcmd's lines.
func classify(err error, d *recordingDialer, proto client.Protocol, lang msgs.Lang) *ConnectError {
	var me mssql.Error
	if errors.As(err, &me) {
		all := me.All
		if len(all) == 0 {
			all = []mssql.Error{me}
		}
		ce := &ConnectError{Server: all, Err: err}
		for _, e := range all {
			text := strings.TrimPrefix(e.Message, "login error: ")
			ce.Lines = append(ce.Lines, errorPrefix(lang)+"Microsoft "+ODBCDriver+" : "+text+".")
		}
		return ce
	}
	d.mu.Lock()
	dialErr, dialed := d.err, d.ok
	d.mu.Unlock()
	if !dialed && dialErr != nil {
		return connError(dialErr, proto, lang)
	}
	msg := err.Error()
	var ce *client.ConnError
	switch {
	case strings.Contains(msg, "certificate signed by unknown authority"),
		strings.Contains(msg, "certificate is not trusted"):
		ce = client.NewOSError(client.PhaseLogin, client.ProviderSSL, client.NumUntrustedRoot, err)
	case strings.Contains(msg, "certificate is valid for"),
		strings.Contains(msg, "doesn't contain any IP SANs"):
		ce = client.NewOSError(client.PhaseLogin, client.ProviderSSL, client.NumCertNameInvalid, err)
	case strings.Contains(msg, "TLS Handshake failed"):
		ce = client.NewSNIError(client.PhaseLogin, client.ProviderSSL, client.SNITLSHandshake, client.NumSNI, err)
	case errors.Is(err, context.DeadlineExceeded) || strings.Contains(msg, "timeout"):
		ce = client.NewTimeout(client.PhaseLogin, err)
	default:
		phase := client.PhasePreLogin
		if strings.Contains(msg, "login") {
			phase = client.PhaseLogin
		}
		ce = client.FromDialError(err, proto, phase)
	}
	return &ConnectError{Lines: ce.SqlcmdLines(lang, ODBCDriver), Conn: ce, Err: err}
}

// doctorHint is the line after a connection failure.
func doctorHint(o ConnectOptions, lang msgs.Lang) string {
	cmd := "tsqld doctor"
	if o.Server != "" {
		cmd += " " + shellQuote(o.Server)
	}
	if o.User != "" {
		cmd += " -U " + shellQuote(o.User)
	}
	if o.Database != "" {
		cmd += " -d " + shellQuote(o.Database)
	}
	if lang == msgs.French {
		return fmt.Sprintf("Pour savoir pourquoi : %s", cmd)
	}
	return fmt.Sprintf("To find out why: %s", cmd)
}

func shellQuote(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t'\"\\$`!*?;&|<>()") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
