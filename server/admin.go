package server

import (
	"fmt"

	"github.com/tsqld/tsqld/sql/msgs"
)

// Pause stops admitting new logins (SQL Server's paused service state):
// each refused login gets 17142 and is logged as 18456 state 13. Existing
// sessions keep working.
// The service layer writes the 17144/17146 error-log lines.
func (s *Server) Pause() { s.paused.Store(true) }

// Resume admits logins again after Pause.
func (s *Server) Resume() { s.paused.Store(false) }

// Paused reports whether logins are refused.
func (s *Server) Paused() bool { return s.paused.Load() }

// Kill ends the session with the given SPID (T-SQL KILL): its running
// request is cancelled, its transaction rolled back by Session.Close, and
// the connection closed. It reports whether the session existed.
func (s *Server) Kill(spid int16) bool {
	s.mu.Lock()
	var target *conn
	for c := range s.conns {
		if c.spid == spid {
			target = c
			break
		}
	}
	s.mu.Unlock()
	if target == nil {
		return false
	}
	target.abort()
	return true
}

// logPausedLogin writes the two error-log entries of a login refused
// while paused.
func (c *conn) logPausedLogin(user string) {
	c.srv.cfg.ErrorLog.Error("Logon", 17142, 14, 0, msgs.New(17142).Text)
	c.srv.cfg.ErrorLog.Error("Logon", 18456, 14, 13,
		fmt.Sprintf("Login failed for user '%s'. %s [CLIENT: %s]", user, loginFailureReason(13, nil), c.clientIP))
}
