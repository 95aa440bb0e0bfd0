package server

import (
	"errors"
	"fmt"
	"net"
	"strconv"
	"syscall"

	"github.com/tsqld/tsqld/sql/msgs"
)

// The dedicated admin connection (DAC): a separate TCP endpoint for
// sysadmin members, one connection at a time, reachable when user
// connections are exhausted (connectivity.md §3.7).

// maxDAC is SQL Server's fixed number of dedicated admin connections.
const maxDAC = 1

// listenDAC opens the DAC listeners: on the configured port if it is free,
// otherwise on a dynamic one (SQL Server takes 1434 when free, else a
// dynamic port, and logs which). A DAC that cannot listen at all is
// logged and skipped: the instance still serves its users.
func (s *Server) listenDAC() []net.Listener {
	if len(s.cfg.DACAddrs) == 0 {
		return nil
	}
	ls, err := listenOnePort(s.cfg.DACAddrs, false)
	if errors.Is(err, syscall.EADDRINUSE) || errors.Is(err, syscall.EACCES) {
		ls, err = listenOnePort(s.cfg.DACAddrs, true)
	}
	if err != nil {
		s.cfg.ErrorLog.Info("Server", fmt.Sprintf("Dedicated administrator connection support could not be started: %v", err))
		return nil
	}
	return ls
}

// listenOnePort listens on every address with one port: the addresses'
// own (0 = the first listener's kernel-chosen port), or a dynamic one
// when dynamic is set. An unavailable IPv6 is skipped after an IPv4.
func listenOnePort(addrs []string, dynamic bool) ([]net.Listener, error) {
	var ls []net.Listener
	port := 0
	for _, a := range addrs {
		network, addr := tcpNetwork(a)
		h, p, err := net.SplitHostPort(addr)
		if err != nil {
			return closeAll(ls), err
		}
		if dynamic || p == "0" {
			addr = net.JoinHostPort(h, strconv.Itoa(port))
		}
		l, err := net.Listen(network, addr)
		if err != nil {
			if network == "tcp6" && len(ls) > 0 && ipv6Unavailable(err) {
				continue
			}
			return closeAll(ls), err
		}
		if port == 0 {
			port = l.Addr().(*net.TCPAddr).Port
		}
		ls = append(ls, l)
	}
	return ls, nil
}

func closeAll(ls []net.Listener) []net.Listener {
	for _, l := range ls {
		l.Close()
	}
	return nil
}

// logDACListening writes the DAC's start-up lines when the server logs
// its own listeners (the service layer writes them otherwise).
func (s *Server) logDACListening() {
	for i, l := range s.dacLns {
		s.cfg.ErrorLog.Info("Server", listeningLine(l.Addr()))
		if i == 0 {
			t := l.Addr().(*net.TCPAddr)
			where := "locally"
			if !t.IP.IsLoopback() {
				where = "remotely"
			}
			s.cfg.ErrorLog.Info("Server", fmt.Sprintf("Dedicated admin connection support was established for listening %s on port %d.", where, t.Port))
		}
	}
	if len(s.dacLns) > 0 {
		s.cfg.ErrorLog.Info("Server", fmt.Sprintf("The maximum number of dedicated administrator connections for this instance is '%d'", maxDAC))
	}
}

// DACAddrs returns the DAC listen addresses (empty when there is no DAC).
func (s *Server) DACAddrs() []net.Addr {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]net.Addr, len(s.dacLns))
	for i, l := range s.dacLns {
		out[i] = l.Addr()
	}
	return out
}

// claimDAC takes the one DAC slot for c, or refuses the login with 17810
// (sent in the client's language, logged in English with its address).
func (c *conn) claimDAC(lang msgs.Lang) bool {
	s := c.srv
	s.mu.Lock()
	free := s.dacOwner == nil || s.dacOwner == c
	if free {
		s.dacOwner = c
	}
	s.mu.Unlock()
	if free {
		return true
	}
	s.cfg.ErrorLog.Error("Logon", 17810, 20, 1,
		msgs.NewIn(msgs.English, 17810, 1, maxDAC, fmt.Sprintf(" [CLIENT: %s]", c.clientIP)).Text)
	c.sendLoginFailure(msgs.NewIn(lang, 17810, 1, maxDAC, ""))
	return false
}

// releaseDAC frees the DAC slot when its connection ends.
func (s *Server) releaseDAC(c *conn) {
	s.mu.Lock()
	if s.dacOwner == c {
		s.dacOwner = nil
	}
	s.mu.Unlock()
}

// SetDACAddrs moves the DAC to other addresses while the server runs
// (sp_configure 'remote admin connections' applies at once): the old
// listeners close, then the new ones open on the same port if it can be
// had again, else on the addresses' own port or a dynamic one. A DAC
// session already connected is kept.
func (s *Server) SetDACAddrs(addrs []string) error {
	s.mu.Lock()
	if s.closed || !s.serving {
		s.mu.Unlock()
		return net.ErrClosed
	}
	old := s.dacLns
	s.dacLns = nil
	s.mu.Unlock()
	port := 0
	for _, l := range old {
		port = l.Addr().(*net.TCPAddr).Port
		l.Close()
	}
	var ls []net.Listener
	var err error
	if port != 0 {
		same := make([]string, len(addrs))
		for i, a := range addrs {
			h, _, serr := net.SplitHostPort(a)
			if serr != nil {
				return serr
			}
			same[i] = net.JoinHostPort(h, strconv.Itoa(port))
		}
		ls, err = listenOnePort(same, false)
	}
	if ls == nil {
		s.cfg.DACAddrs = addrs
		ls = s.listenDAC()
		if ls == nil && err == nil {
			err = errors.New("the DAC could not listen")
		}
	}
	if ls == nil {
		return err
	}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		closeAll(ls)
		return net.ErrClosed
	}
	s.dacLns = ls
	for _, l := range ls {
		s.wg.Add(1)
		go func(l net.Listener) {
			defer s.wg.Done()
			if err := s.acceptLoop(l, true); err != nil {
				s.cfg.Logger.Warn("DAC listener failed", "addr", l.Addr(), "err", err)
			}
		}(l)
	}
	s.mu.Unlock()
	return nil
}
