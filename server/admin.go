package server

import "fmt"

// Pause stops admitting new logins (SQL Server's paused service state):
// each refused login gets 17142 and is logged as 18456 state 13. Existing
// sessions keep working.
func (s *Server) Pause() {
	if !s.paused.Swap(true) {
		s.cfg.ErrorLog.Info("Server", "SQL Server is not allowing new connections because the Service Control Manager requested a pause. To resume the service, use SQL Computer Manager or the Services application in Control Panel.")
	}
}

// Resume admits logins again after Pause.
func (s *Server) Resume() {
	if s.paused.Swap(false) {
		s.cfg.ErrorLog.Info("Server", "SQL Server is allowing new connections in response to 'continue' request from Service Control Manager. This is an informational message only. No user action is required.")
	}
}

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

const pausedText = "SQL Server service has been paused. No new connections will be allowed. To resume the service, use SQL Computer Manager or the Services application in Control Panel."

// logPausedLogin writes the two error-log entries of a login refused
// while paused.
func (c *conn) logPausedLogin(user string) {
	c.srv.cfg.ErrorLog.Error("Logon", 17142, 14, 0, pausedText)
	c.srv.cfg.ErrorLog.Error("Logon", 18456, 14, 13,
		fmt.Sprintf("Login failed for user '%s'. %s [CLIENT: %s]", user, loginFailureReason(13, nil), c.clientIP))
}
