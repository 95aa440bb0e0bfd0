package embed

import (
	"context"
	"errors"
	"net"
	"sync"

	"github.com/tsqld/tsqld/service"
)

// Instance adapts an embedded server to service.Instance, so the service
// layer (state machine, control channel, error log) can start, pause,
// continue and stop it. `tsqld serve` uses it.
type Instance struct {
	cfg Config

	mu          sync.Mutex
	srv         *Server
	remoteAdmin bool // the DAC listens on every address
}

// NewInstance prepares an instance; nothing runs until Start.
func NewInstance(cfg Config) *Instance {
	i := &Instance{cfg: cfg}
	for _, a := range cfg.DACAddrs {
		if h, _, err := net.SplitHostPort(a); err == nil {
			if ip := net.ParseIP(h); ip != nil && ip.IsUnspecified() {
				i.remoteAdmin = true
			}
		}
	}
	return i
}

// Server returns the running server (nil before Start).
func (i *Instance) Server() *Server {
	i.mu.Lock()
	defer i.mu.Unlock()
	return i.srv
}

// Start opens the engine and the listeners.
func (i *Instance) Start(ctx context.Context) error {
	s, err := Start(ctx, i.cfg)
	if err != nil {
		var op *net.OpError
		if errors.As(err, &op) {
			return op // the service logs SQL Server's TDSSNIClient lines for it
		}
		return err
	}
	i.mu.Lock()
	i.srv = s
	i.mu.Unlock()
	return nil
}

// Pause refuses new logins (17142); existing sessions keep working.
func (i *Instance) Pause() {
	if s := i.Server(); s != nil {
		s.TDS().Pause()
	}
}

// Continue admits logins again.
func (i *Instance) Continue() {
	if s := i.Server(); s != nil {
		s.TDS().Resume()
	}
}

// Stop ends the server: nowait cancels running requests at once; otherwise
// they are allowed to finish first. Open transactions roll back either way
// and committed data is durable already.
func (i *Instance) Stop(nowait bool) error {
	s := i.Server()
	if s == nil {
		return nil
	}
	if nowait {
		return s.Close()
	}
	return s.Shutdown(context.Background())
}

// Reconfigure applies the settings that take effect at once; of those the
// engine's listeners care about sqlserver.remoteadmin: the DAC moves
// between loopback and every address without a restart, as with
// sp_configure 'remote admin connections'.
func (i *Instance) Reconfigure(effective map[string]string) {
	s := i.Server()
	if s == nil || len(i.cfg.DACAddrs) == 0 {
		return
	}
	remote := effective["sqlserver.remoteadmin"] == "1"
	i.mu.Lock()
	same := remote == i.remoteAdmin
	i.remoteAdmin = remote
	i.mu.Unlock()
	if same {
		return
	}
	_, port, err := net.SplitHostPort(i.cfg.DACAddrs[0])
	if err != nil {
		return
	}
	hosts := []string{"127.0.0.1", "::1"}
	if remote {
		hosts = []string{"0.0.0.0", "::"}
	}
	addrs := []string{net.JoinHostPort(hosts[0], port), net.JoinHostPort(hosts[1], port)}
	if err := s.TDS().SetDACAddrs(addrs); err != nil {
		i.cfg.logger().Warn("moving the dedicated admin connection", "addrs", addrs, "err", err)
	}
}

// Endpoints lists the listeners actually open.
func (i *Instance) Endpoints() []service.Endpoint {
	s := i.Server()
	if s == nil {
		return nil
	}
	var eps []service.Endpoint
	for _, a := range s.Addrs() {
		switch a.Network() {
		case "unix":
			eps = append(eps, service.Endpoint{Protocol: service.ProtoLocal, Address: a.String()})
		default:
			eps = append(eps, service.TCPEndpoint(service.ProtoTCP, a))
		}
	}
	for _, a := range s.DACAddrs() {
		eps = append(eps, service.TCPEndpoint(service.ProtoDAC, a))
	}
	return eps
}

// Sessions is the number of connected sessions.
func (i *Instance) Sessions() int {
	if s := i.Server(); s != nil {
		return s.TDS().SessionCount()
	}
	return 0
}

var _ service.Instance = (*Instance)(nil)
