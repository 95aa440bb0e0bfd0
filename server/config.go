package server

import (
	"log/slog"
	"time"
)

// Encryption is the server's encryption policy (SQL Server's
// ForceEncryption setting plus whether a certificate exists).
type Encryption uint8

const (
	// EncryptAvailable: TLS is offered but not forced (SQL Server's default,
	// network.forceencryption = 0). Clients that ask for nothing get
	// login-only encryption.
	EncryptAvailable Encryption = iota
	// EncryptForced: every connection must be encrypted
	// (network.forceencryption = 1).
	EncryptForced
	// EncryptNone: no certificate, TLS is not supported (PRELOGIN answers
	// ENCRYPT_NOT_SUP; TDS 8 strict clients cannot connect).
	EncryptNone
)

// Config configures a Server.
type Config struct {
	// Backend authenticates logins and opens sessions (*engine.Engine).
	Backend Backend
	// Addrs are TCP listen addresses ("127.0.0.1:1433", "[::1]:1433",
	// ":1433" for all). Empty means 127.0.0.1:1433.
	Addrs []string
	// UnixSocket, when set, is the path of an additional Unix-domain socket
	// speaking the same protocol.
	UnixSocket string
	// ServerName is @@SERVERNAME, put in ERROR/INFO tokens.
	ServerName string
	// InstanceName is the instance (MSSQLSERVER for the default one).
	InstanceName string
	// Encryption is the TLS policy.
	Encryption Encryption
	// CertFile and KeyFile are PEM files; when empty a self-signed
	// certificate is generated (and kept in DataDir when that is set).
	CertFile, KeyFile string
	// DataDir is where the generated certificate is stored ("" = memory).
	DataDir string
	// HostName is the CN of a generated certificate (default os.Hostname).
	HostName string
	// ErrorLog receives error-log lines; nil logs through Logger.
	ErrorLog ErrorLog
	// Logger is used for diagnostics (and ErrorLog when that is nil);
	// nil means slog.Default().
	Logger *slog.Logger
	// MaxConnections is "user connections" (0 = 32767).
	MaxConnections int
	// DACAddrs are the dedicated admin connection's TCP listen addresses
	// (empty: no DAC). They share one port: the configured one if free,
	// else a dynamic one, as SQL Server does with 1434. The DAC admits
	// sysadmin logins only, one connection at a time (17810), and does
	// not count against MaxConnections.
	DACAddrs []string
	// NoListenLog leaves the "Server is listening on …" lines to the
	// service layer, which writes them with the rest of the start-up.
	NoListenLog bool
	// LoginTimeout bounds the time from accept to a completed login
	// (default 60 s) so that idle half-open connections cannot pile up.
	LoginTimeout time.Duration
}

func (c *Config) withDefaults() {
	if len(c.Addrs) == 0 && c.UnixSocket == "" {
		c.Addrs = []string{"127.0.0.1:1433"}
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	if c.ErrorLog == nil {
		c.ErrorLog = SlogErrorLog{L: c.Logger}
	}
	if c.MaxConnections <= 0 || c.MaxConnections > 32767 {
		c.MaxConnections = 32767
	}
	if c.LoginTimeout <= 0 {
		c.LoginTimeout = 60 * time.Second
	}
	if c.InstanceName == "" {
		c.InstanceName = "MSSQLSERVER"
	}
}
