package embed

import (
	"context"
	"crypto/rand"
	"encoding/pem"
	"log/slog"
	"math/big"
	"net"
	"net/url"
	"os"
	"strconv"
	"sync"

	"github.com/tsqld/tsqld/server"
	"github.com/tsqld/tsqld/sql/engine"
	"github.com/tsqld/tsqld/storage"
)

// Config configures an embedded server. The zero value is an in-memory
// server on an ephemeral loopback port, TLS available but not forced.
type Config struct {
	// Addrs are TCP listen addresses; empty means 127.0.0.1:0 (an
	// ephemeral port). `serve` passes 127.0.0.1:1433 or what the config
	// file says.
	Addrs []string
	// UnixSocket is an optional Unix-domain socket path.
	UnixSocket string
	// DataDir holds the databases and the generated certificate; empty
	// means everything lives in memory and disappears with Close.
	DataDir string
	// SAPassword is the sa password set when master is created (or reset
	// when ResetSA is set); empty generates one (see Server.Password).
	SAPassword string
	ResetSA    bool
	// ServerName is @@SERVERNAME (default: the host name); InstanceName is
	// the instance (default MSSQLSERVER).
	ServerName   string
	InstanceName string
	// Edition (MSSQL_PID) and server Collation; empty takes the engine's
	// defaults (Developer, SQL_Latin1_General_CP1_CI_AS).
	Edition   string
	Collation string
	// Encryption is the TLS policy; CertFile/KeyFile a PEM certificate and
	// key (empty: a self-signed one is generated, kept in DataDir).
	Encryption        server.Encryption
	CertFile, KeyFile string
	// DSNEncrypt is the encrypt parameter DSN puts in the URL: "disable"
	// (default), "false", "true" or "strict". With TLS modes DSN trusts
	// the server certificate (strict: by pinning the certificate file).
	DSNEncrypt string
	// MaxConnections is "user connections" (0 = 32767).
	MaxConnections int
	// DACAddrs are the dedicated admin connection's listen addresses
	// (empty: no DAC); see server.Config.DACAddrs.
	DACAddrs []string
	// NoListenLog leaves the "Server is listening" error-log lines to the
	// service layer (tsqld serve).
	NoListenLog bool
	// Storage, when set, is the engine's main store (tests wrap a backend
	// to observe what queries read); DataDir still holds the certificate.
	Storage storage.Engine
	// Configurations are sp_configure values from the instance's settings.
	Configurations map[string]int64
	// OnShutdown handles T-SQL SHUTDOWN (the service routes it through its
	// stop so the state and the error log follow); nil: the embedded
	// server shuts itself down.
	OnShutdown func(nowait bool)
	// ReadErrorLog and CycleErrorLog serve sp_readerrorlog/xp_readerrorlog
	// and sp_cycle_errorlog (the service passes its error log).
	ReadErrorLog  func(archive int, search1, search2 string) ([]engine.ErrorLogRow, error)
	CycleErrorLog func() error
	// Logger receives diagnostics; ErrorLog the SQL Server error-log lines
	// (nil: written through Logger).
	Logger   *slog.Logger
	ErrorLog server.ErrorLog
}

// Server is a running embedded server.
type Server struct {
	cfg      Config
	password string
	eng      *engine.Engine
	srv      *server.Server
	done     chan struct{}
	serveErr error

	mu      sync.Mutex
	tmpCert string // PEM copy of an in-memory certificate (strict DSNs)
}

// Start opens the engine and starts listening. ctx bounds the start-up
// (opening storage, recovery); the server runs until Close.
func Start(ctx context.Context, cfg Config) (*Server, error) {
	if len(cfg.Addrs) == 0 && cfg.UnixSocket == "" {
		cfg.Addrs = []string{"127.0.0.1:0"}
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.ServerName == "" {
		cfg.ServerName, _ = os.Hostname()
		if cfg.ServerName == "" {
			cfg.ServerName = "tsqld"
		}
	}
	if cfg.InstanceName == "" {
		cfg.InstanceName = "MSSQLSERVER"
	}
	if cfg.DSNEncrypt == "" {
		cfg.DSNEncrypt = "disable"
	}
	password := cfg.SAPassword
	if password == "" {
		var err error
		if password, err = GeneratePassword(); err != nil {
			return nil, err
		}
	}
	ecfg := engine.Config{
		DataDir:      cfg.DataDir,
		InMemory:     cfg.DataDir == "",
		ServerName:   cfg.ServerName,
		InstanceName: cfg.InstanceName,
		SAPassword:   password,
		ResetSA:      cfg.ResetSA,
		Edition:      cfg.Edition,
		Collation:    cfg.Collation,

		ReadErrorLog:   cfg.ReadErrorLog,
		CycleErrorLog:  cfg.CycleErrorLog,
		Configurations: cfg.Configurations,
	}
	if cfg.ErrorLog != nil {
		// RAISERROR … WITH LOG writes to the server's error log.
		el := cfg.ErrorLog
		ecfg.WriteErrorLog = func(source string, number, severity, state int, text string) {
			el.Error(source, int32(number), uint8(severity), uint8(state), text)
		}
	}
	// The engine asks its host to stop or to end a session; the server
	// that will carry them is created below.
	var self *Server
	ecfg.Kill = func(spid int16) bool { return self != nil && self.srv.Kill(spid) }
	ecfg.Shutdown = func(nowait bool) {
		if cfg.OnShutdown != nil {
			cfg.OnShutdown(nowait)
			return
		}
		if self == nil {
			return
		}
		if nowait {
			self.Close()
		} else {
			self.Shutdown(context.Background())
		}
	}
	// nil Storage: the engine opens its registered backends (mem, or
	// pebble in DataDir). From here the engine owns the stores (it closes
	// them, also when Open fails).
	ecfg.Storage = cfg.Storage
	eng, err := engine.Open(ctx, ecfg)
	if err != nil {
		return nil, err
	}
	srv, err := server.New(server.Config{
		Backend:        eng,
		Addrs:          cfg.Addrs,
		UnixSocket:     cfg.UnixSocket,
		ServerName:     cfg.ServerName,
		InstanceName:   cfg.InstanceName,
		Encryption:     cfg.Encryption,
		CertFile:       cfg.CertFile,
		KeyFile:        cfg.KeyFile,
		DataDir:        cfg.DataDir,
		HostName:       cfg.ServerName,
		ErrorLog:       cfg.ErrorLog,
		Logger:         cfg.Logger,
		MaxConnections: cfg.MaxConnections,
		DACAddrs:       cfg.DACAddrs,
		NoListenLog:    cfg.NoListenLog,
	})
	if err == nil {
		err = srv.Listen()
	}
	if err != nil {
		eng.Close()
		return nil, err
	}
	s := &Server{cfg: cfg, password: password, eng: eng, srv: srv, done: make(chan struct{})}
	self = s
	go func() {
		defer close(s.done)
		s.serveErr = srv.Serve()
	}()
	return s, nil
}

// certFile returns a PEM file holding the server certificate: the one in
// the data directory, or (in-memory servers) a temporary copy removed by
// Close.
func (s *Server) certFile() string {
	c := s.Certificate()
	if c == nil || len(c.TLS.Certificate) == 0 {
		return ""
	}
	if c.CertFile != "" {
		return c.CertFile
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.tmpCert == "" {
		f, err := os.CreateTemp("", "tsqld-cert-*.pem")
		if err != nil {
			return ""
		}
		pem.Encode(f, &pem.Block{Type: "CERTIFICATE", Bytes: c.TLS.Certificate[0]})
		f.Close()
		s.tmpCert = f.Name()
	}
	return s.tmpCert
}

// Close stops listening, ends every session and closes the engine.
func (s *Server) Close() error { return s.stop(nil) }

// Shutdown is SHUTDOWN without NOWAIT: running requests may finish (until
// ctx ends), then everything closes as in Close.
func (s *Server) Shutdown(ctx context.Context) error { return s.stop(ctx) }

func (s *Server) stop(graceful context.Context) error {
	s.mu.Lock()
	if s.tmpCert != "" {
		os.Remove(s.tmpCert)
		s.tmpCert = ""
	}
	s.mu.Unlock()
	var err error
	if graceful != nil {
		err = s.srv.Shutdown(graceful)
	} else {
		err = s.srv.Close()
	}
	<-s.done
	if e := s.eng.Close(); err == nil {
		err = e
	}
	if err == nil {
		err = s.serveErr
	}
	return err
}

// Done is closed when the server stops serving (Close, or a listener
// failing for good; Err then tells why).
func (s *Server) Done() <-chan struct{} { return s.done }

// Err is the error that stopped serving (nil after Close).
func (s *Server) Err() error {
	select {
	case <-s.done:
		return s.serveErr
	default:
		return nil
	}
}

// Addr returns the first TCP listen address as host:port (the Unix
// socket path when there is no TCP listener).
func (s *Server) Addr() string {
	addrs := s.srv.Addrs()
	for _, a := range addrs {
		if _, ok := a.(*net.TCPAddr); ok {
			return a.String()
		}
	}
	if len(addrs) > 0 {
		return addrs[0].String()
	}
	return ""
}

// Addrs returns every listen address.
func (s *Server) Addrs() []net.Addr { return s.srv.Addrs() }

// DACAddrs returns the dedicated admin connection's listen addresses.
func (s *Server) DACAddrs() []net.Addr { return s.srv.DACAddrs() }

// Port returns the first TCP port.
func (s *Server) Port() int { return s.srv.Port() }

// Password returns the sa password (generated when Config had none).
func (s *Server) Password() string { return s.password }

// ServerName and InstanceName are @@SERVERNAME and the instance.
func (s *Server) ServerName() string   { return s.cfg.ServerName }
func (s *Server) InstanceName() string { return s.cfg.InstanceName }

// DataDir is the data directory ("" when in memory).
func (s *Server) DataDir() string { return s.cfg.DataDir }

// Certificate is the TLS certificate (nil when TLS is off); its
// Thumbprint goes to the error log.
func (s *Server) Certificate() *server.Certificate { return s.srv.Certificate() }

// TDS returns the underlying TDS server (sessions for
// sys.dm_exec_sessions, effective configuration).
func (s *Server) TDS() *server.Server { return s.srv }

// Engine returns the SQL engine.
func (s *Server) Engine() *engine.Engine { return s.eng }

// DSN returns a go-mssqldb URL that logs in as sa:
// sqlserver://sa:<password>@host:port?encrypt=...
func (s *Server) DSN() string { return s.DSNWith(s.cfg.DSNEncrypt) }

// DSNWith is DSN with another encrypt mode ("disable", "false", "true",
// "strict"). TLS modes trust this server's certificate.
func (s *Server) DSNWith(encrypt string) string {
	q := url.Values{}
	q.Set("encrypt", encrypt)
	switch encrypt {
	case "disable":
	case "strict":
		// Strict clients always verify the chain: pin our certificate.
		if f := s.certFile(); f != "" {
			q.Set("certificate", f)
		}
	default:
		q.Set("trustservercertificate", "true")
	}
	host := "127.0.0.1"
	port := s.Port()
	if a := s.Addr(); a != "" {
		if h, p, err := net.SplitHostPort(a); err == nil {
			host = h
			port, _ = strconv.Atoi(p)
		}
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "127.0.0.1"
		if ip.To4() == nil {
			host = "::1"
		}
	}
	u := url.URL{Scheme: "sqlserver", User: url.UserPassword("sa", s.password),
		Host: net.JoinHostPort(host, strconv.Itoa(port)), RawQuery: q.Encode()}
	return u.String()
}

// GeneratePassword returns a random password meeting SQL Server's policy
// (at least 8 characters from 3 of the 4 classes): 16 characters with
// every class present.
func GeneratePassword() (string, error) {
	classes := []string{"ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnopqrstuvwxyz", "23456789", "#%+-.=_"}
	pick := func(set string) (byte, error) {
		n, err := rand.Int(rand.Reader, big.NewInt(int64(len(set))))
		if err != nil {
			return 0, err
		}
		return set[n.Int64()], nil
	}
	all := classes[0] + classes[1] + classes[2] + classes[3]
	b := make([]byte, 16)
	for i := range b {
		set := all
		if i < len(classes) {
			set = classes[i]
		}
		c, err := pick(set)
		if err != nil {
			return "", err
		}
		b[i] = c
	}
	// Shuffle so the class-guaranteed characters are not always first.
	for i := len(b) - 1; i > 0; i-- {
		n, err := rand.Int(rand.Reader, big.NewInt(int64(i+1)))
		if err != nil {
			return "", err
		}
		j := n.Int64()
		b[i], b[j] = b[j], b[i]
	}
	return string(b), nil
}

func (c *Config) logger() *slog.Logger {
	if c.Logger != nil {
		return c.Logger
	}
	return slog.Default()
}
