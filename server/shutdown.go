package server

import (
	"context"
	"time"
)

// Shutdown is SQL Server's SHUTDOWN without NOWAIT: it refuses new logins
// with 17188 (the listeners stay open meanwhile, so clients learn why
// rather than getting a refused connection), lets the requests that are
// running finish (new requests on idle sessions are not started: their
// sessions end), then closes every session (open transactions roll back)
// and waits for the goroutines. When ctx ends first, the remaining
// requests are cancelled as with Close (the NOWAIT behaviour).
func (s *Server) Shutdown(ctx context.Context) error {
	s.draining.Store(true)
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for s.running() > 0 {
		select {
		case <-ctx.Done():
			return s.Close()
		case <-tick.C:
		}
	}
	return s.Close()
}

// running counts sessions with a request in progress.
func (s *Server) running() int {
	n := 0
	for _, si := range s.reg.list() {
		if si.Status == "running" {
			n++
		}
	}
	return n
}
