package server

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
)

// Server accepts TDS connections and serves them from a Backend.
type Server struct {
	cfg  Config
	cert *Certificate // nil when Encryption == EncryptNone

	reg      *registry
	paused   atomic.Bool
	draining atomic.Bool // graceful shutdown: logins get 17188, idle sessions end

	ctx    context.Context // cancelled by Close: ends every session
	cancel context.CancelFunc

	mu        sync.Mutex
	listeners []net.Listener
	dacLns    []net.Listener // dedicated admin connection listeners
	dacOwner  *conn          // the one connection holding the DAC (guarded by mu)
	conns     map[*conn]struct{}
	serving   bool
	closed    bool

	wg sync.WaitGroup // accept loops and connections
	wd watchdog       // starts watchers for long-running requests
}

// New checks the configuration and loads (or generates) the certificate.
// It does not listen yet: call Listen, then Serve.
func New(cfg Config) (*Server, error) {
	if cfg.Backend == nil {
		return nil, errors.New("server: Config.Backend is nil")
	}
	cfg.withDefaults()
	s := &Server{cfg: cfg, reg: newRegistry(cfg.MaxConnections), conns: make(map[*conn]struct{})}
	s.ctx, s.cancel = context.WithCancel(context.Background())
	if cfg.Encryption != EncryptNone {
		cert, err := LoadCertificate(cfg.CertFile, cfg.KeyFile, cfg.DataDir, cfg.HostName)
		if err != nil {
			return nil, err
		}
		s.cert = cert
		if cert.SelfGenerated {
			cfg.ErrorLog.Info("Server", "A self-generated certificate was successfully loaded for encryption.")
		} else {
			cfg.ErrorLog.Info("Server", fmt.Sprintf("The certificate [Cert Hash(sha1) %q] was successfully loaded for encryption.", cert.Thumbprint))
		}
	}
	return s, nil
}

// Certificate returns the TLS certificate in use (nil without TLS).
func (s *Server) Certificate() *Certificate { return s.cert }

// Config returns the effective configuration (defaults applied).
func (s *Server) Config() Config { return s.cfg }

// Listen opens every configured listener. On failure nothing stays open.
func (s *Server) Listen() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return net.ErrClosed
	}
	if len(s.listeners) > 0 {
		return nil
	}
	var ls []net.Listener
	fail := func(err error) error {
		for _, l := range ls {
			l.Close()
		}
		return err
	}
	dynamicPort := 0
	for _, a := range s.cfg.Addrs {
		network, addr := tcpNetwork(a)
		if dynamicPort != 0 {
			// Port 0 means one kernel-chosen port for every address, as
			// SQL Server's TcpDynamicPorts: the first listener picks it.
			if h, p, err := net.SplitHostPort(addr); err == nil && p == "0" {
				addr = net.JoinHostPort(h, strconv.Itoa(dynamicPort))
			}
		}
		l, err := net.Listen(network, addr)
		if err != nil {
			if network == "tcp6" && len(ls) > 0 && ipv6Unavailable(err) {
				// A host without IPv6 still serves IPv4 (SQL Server logs
				// and goes on the same way).
				s.cfg.Logger.Warn("IPv6 listener not available", "addr", addr, "err", err)
				continue
			}
			return fail(err)
		}
		if t, ok := l.Addr().(*net.TCPAddr); ok && dynamicPort == 0 {
			if _, p, _ := net.SplitHostPort(a); p == "0" {
				dynamicPort = t.Port
			}
		}
		ls = append(ls, l)
	}
	if p := s.cfg.UnixSocket; p != "" {
		// A socket file left by a crashed server would make Listen fail;
		// remove it only if it is a socket nobody answers on.
		if fi, err := os.Lstat(p); err == nil && fi.Mode()&os.ModeSocket != 0 {
			if c, err := net.Dial("unix", p); err == nil {
				c.Close()
			} else {
				os.Remove(p)
			}
		}
		l, err := net.Listen("unix", p)
		if err != nil {
			return fail(err)
		}
		ls = append(ls, l)
	}
	s.listeners = ls
	s.dacLns = s.listenDAC()
	if !s.cfg.NoListenLog {
		for _, l := range ls {
			s.cfg.ErrorLog.Info("Server", listeningLine(l.Addr()))
		}
		s.logDACListening()
	}
	return nil
}

// listeningLine is the error-log line tools grep for to learn endpoints.
func listeningLine(a net.Addr) string {
	switch a := a.(type) {
	case *net.TCPAddr:
		fam := "ipv4"
		if a.IP.To4() == nil && len(a.IP) == net.IPv6len {
			fam = "ipv6"
		}
		host := a.IP.String()
		if a.IP.IsUnspecified() {
			host = "'any'"
		}
		return fmt.Sprintf("Server is listening on [ %s <%s> %d].", host, fam, a.Port)
	default:
		return fmt.Sprintf("Server local connection provider is ready to accept connection on [ %s ].", a.String())
	}
}

// Addrs returns the addresses actually listened on (with real ports).
func (s *Server) Addrs() []net.Addr {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]net.Addr, len(s.listeners))
	for i, l := range s.listeners {
		out[i] = l.Addr()
	}
	return out
}

// Port returns the first TCP port listened on (0 when none).
func (s *Server) Port() int {
	for _, a := range s.Addrs() {
		if t, ok := a.(*net.TCPAddr); ok {
			return t.Port
		}
	}
	return 0
}

// Serve accepts connections on every listener until Close. It calls Listen
// first if needed and returns nil after Close.
func (s *Server) Serve() error {
	if err := s.Listen(); err != nil {
		if s.ctx.Err() != nil || errors.Is(err, net.ErrClosed) {
			return nil // closed before serving
		}
		return err
	}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	if s.serving {
		s.mu.Unlock()
		return errors.New("server: Serve called twice")
	}
	s.serving = true
	ls := append(append([]net.Listener(nil), s.listeners...), s.dacLns...)
	errc := make(chan error, len(ls))
	for i, l := range ls {
		s.wg.Add(1)
		go func(l net.Listener, dac bool) {
			defer s.wg.Done()
			errc <- s.acceptLoop(l, dac)
		}(l, i >= len(s.listeners))
	}
	s.mu.Unlock()
	var first error
	for range ls {
		if err := <-errc; err != nil && first == nil {
			first = err
			// One listener failing for good stops the others too: a
			// half-listening server is worse than a clear failure.
			s.closeListeners()
		}
	}
	if s.ctx.Err() != nil {
		return nil
	}
	return first
}

func (s *Server) acceptLoop(l net.Listener, dac bool) error {
	for {
		nc, err := l.Accept()
		if err != nil {
			if s.ctx.Err() != nil || errors.Is(err, net.ErrClosed) {
				return nil
			}
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				continue
			}
			return err
		}
		s.startConn(nc, dac)
	}
}

func (s *Server) startConn(nc net.Conn, dac bool) {
	c := newConn(s, nc)
	c.dac = dac
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		nc.Close()
		return
	}
	s.conns[c] = struct{}{}
	s.startWatchdog()
	s.wg.Add(1)
	s.mu.Unlock()
	go func() {
		defer s.wg.Done()
		c.serve()
		s.mu.Lock()
		delete(s.conns, c)
		s.mu.Unlock()
	}()
}

func (s *Server) closeListeners() {
	s.mu.Lock()
	ls := append(append([]net.Listener(nil), s.listeners...), s.dacLns...)
	s.mu.Unlock()
	for _, l := range ls {
		l.Close()
	}
}

// Close stops the listeners, ends every session (running requests are
// cancelled, open transactions rolled back by Session.Close) and waits for
// all goroutines to finish.
func (s *Server) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		s.wg.Wait()
		return nil
	}
	s.closed = true
	ls := append(append([]net.Listener(nil), s.listeners...), s.dacLns...)
	conns := make([]*conn, 0, len(s.conns))
	for c := range s.conns {
		conns = append(conns, c)
	}
	s.mu.Unlock()
	for _, l := range ls {
		l.Close()
	}
	// Sockets before contexts: a cancelled request must not answer.
	for _, c := range conns {
		c.abort()
	}
	s.cancel()
	s.wg.Wait()
	if s.cfg.UnixSocket != "" {
		os.Remove(s.cfg.UnixSocket)
	}
	return nil
}

// Sessions returns the logged-in sessions (for sys.dm_exec_sessions).
func (s *Server) Sessions() []SessionInfo { return s.reg.list() }

// SessionCount is the number of open connections (logged in or not).
func (s *Server) SessionCount() int { return s.reg.count() }

func splitHostPort(a net.Addr) (host string, port int) {
	if t, ok := a.(*net.TCPAddr); ok {
		return t.IP.String(), t.Port
	}
	h, p, err := net.SplitHostPort(a.String())
	if err != nil {
		return "<local machine>", 0
	}
	n, _ := strconv.Atoi(p)
	return h, n
}
