package service

import (
	"context"
	"errors"
	"net"
)

// Instance is the running engine as the service controls it; embed's
// server implements it (cmd/tsqld wires the two). The service calls the
// methods from one goroutine at a time, except Sessions and Endpoints,
// which status requests call concurrently.
type Instance interface {
	// Start opens storage, runs recovery and opens the listeners; it
	// returns once connections can be accepted, or an error (wrap a
	// *ListenError, or return the *net.OpError of a failed listen, to get
	// SQL Server's 26024/17182/17826 lines). ctx is cancelled when a stop
	// arrives during start, and otherwise only after Stop returned.
	Start(ctx context.Context) error
	// Pause refuses new logins (17142 / 18456 state 13) and keeps the
	// existing sessions; Continue admits them again.
	Pause()
	Continue()
	// Stop refuses new logins (17188), waits for running requests,
	// checkpoints and closes; with nowait it skips the checkpoint and
	// kills sessions (SHUTDOWN WITH NOWAIT, Ctrl+C on the console).
	Stop(nowait bool) error
	// Endpoints lists the listeners actually open.
	Endpoints() []Endpoint
	// Sessions is the number of user sessions.
	Sessions() int
}

// Reconfigurer is implemented by instances that apply immediate settings
// (sqlserver.remoteadmin, remotelogintimeout, defaultlanguage) while
// running; the service calls it when mssql.conf changes through SetConfig.
type Reconfigurer interface {
	Reconfigure(effective map[string]string)
}

// ListenError reports a listener that could not open.
type ListenError struct {
	Endpoint Endpoint
	Err      error
}

func (e *ListenError) Error() string {
	return "listen " + e.Endpoint.String() + ": " + e.Err.Error()
}

func (e *ListenError) Unwrap() error { return e.Err }

// listenFailure extracts the endpoint of a failed listen from err.
func listenFailure(err error) (Endpoint, bool) {
	var le *ListenError
	if errors.As(err, &le) {
		return le.Endpoint, true
	}
	var oe *net.OpError
	if errors.As(err, &oe) && oe.Op == "listen" {
		switch a := oe.Addr.(type) {
		case *net.TCPAddr:
			return TCPEndpoint(ProtoTCP, a), true
		case *net.UnixAddr:
			return Endpoint{Protocol: ProtoLocal, Address: a.Name}, true
		}
		if oe.Source != nil {
			return TCPEndpoint(ProtoTCP, oe.Source), true
		}
	}
	return Endpoint{}, false
}
