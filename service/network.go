package service

import (
	"net"
	"strconv"
	"strings"
	"time"
)

// Network is the listener configuration the engine needs, read from the
// effective mssql.conf (what the server/embed wiring turns into sockets).
type Network struct {
	TCPEnabled bool
	// IPAddress restricts TCP to one address ("" = all).
	IPAddress string
	// TCPPort 0 means dynamic: the first listener gets a port from the
	// kernel and the others reuse it.
	TCPPort int
	// RemoteConnections false keeps TCP on the loopback addresses.
	RemoteConnections bool
	// LocalSocket is the Unix socket path ("" = disabled).
	LocalSocket string
	// DACPort (0 = dynamic) and RemoteAdmin (DAC on all addresses).
	DACPort     int
	RemoteAdmin bool
	// DACEnabled is false on Express, which needs trace flag 7806.
	DACEnabled            bool
	ForceEncryption       bool
	ForceStrict           bool
	TLSCert, TLSKey       string
	TLSProtocols          []string
	TLSCiphers            string
	KeepAlive             time.Duration
	UserConnections       int
	RemoteLoginTimeout    time.Duration
	DefaultLanguageLangID int
}

// NetworkFrom extracts the network settings of a configuration; paths
// gives the local socket's location.
func NetworkFrom(cfg *Config, paths Paths) Network {
	n := Network{
		TCPEnabled:            cfg.Bool("network.tcpenabled"),
		IPAddress:             cfg.Get("network.ipaddress"),
		TCPPort:               cfg.Int("network.tcpport"),
		RemoteConnections:     cfg.Bool("network.remoteconnections"),
		DACPort:               cfg.Int("network.dacport"),
		RemoteAdmin:           cfg.Bool("sqlserver.remoteadmin"),
		DACEnabled:            !strings.EqualFold(cfg.Get("sqlserver.edition"), "Express"),
		ForceEncryption:       cfg.Bool("network.forceencryption"),
		ForceStrict:           cfg.Bool("network.forcestrictencryption"),
		TLSCert:               cfg.Get("network.tlscert"),
		TLSKey:                cfg.Get("network.tlskey"),
		TLSCiphers:            cfg.Get("network.tlsciphers"),
		KeepAlive:             time.Duration(cfg.Int("network.keepalive")) * time.Millisecond,
		UserConnections:       cfg.Int("sqlserver.userconnections"),
		RemoteLoginTimeout:    time.Duration(cfg.Int("sqlserver.remotelogintimeout")) * time.Second,
		DefaultLanguageLangID: cfg.Int("sqlserver.defaultlanguage"),
	}
	if p := cfg.Get("network.tlsprotocols"); p != "" {
		n.TLSProtocols = strings.Split(p, ",")
	}
	if cfg.Bool("network.localsocket") {
		n.LocalSocket = paths.LocalSocket
	}
	if n.UserConnections == 0 {
		n.UserConnections = 32767
	}
	return n
}

// Network returns the settings the service was opened with.
func (s *Service) Network() Network { return NetworkFrom(s.cfg, s.paths) }

// TCPAddrs are the TDS listen addresses, IPv4 first as SQL Server logs
// them, one socket per family (so the log shows both "'any' <ipv4>" and
// "'any' <ipv6>"; listen with "tcp4"/"tcp6"). nil when TCP is disabled.
func (n Network) TCPAddrs() []string {
	if !n.TCPEnabled {
		return nil
	}
	port := strconv.Itoa(n.TCPPort)
	switch {
	case n.IPAddress != "":
		return []string{net.JoinHostPort(n.IPAddress, port)}
	case !n.RemoteConnections:
		return []string{net.JoinHostPort("127.0.0.1", port), net.JoinHostPort("::1", port)}
	}
	return []string{net.JoinHostPort("0.0.0.0", port), net.JoinHostPort("::", port)}
}

// DACAddrs are the DAC listen addresses: loopback unless remote admin
// connections is on. nil when the DAC is not available (Express).
func (n Network) DACAddrs() []string {
	if !n.DACEnabled {
		return nil
	}
	port := strconv.Itoa(n.DACPort)
	if n.RemoteAdmin {
		return []string{net.JoinHostPort("0.0.0.0", port), net.JoinHostPort("::", port)}
	}
	return []string{net.JoinHostPort("127.0.0.1", port), net.JoinHostPort("::1", port)}
}
