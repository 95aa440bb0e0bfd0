package server

import (
	"github.com/tsqld/tsqld/sql/engine"
	"github.com/tsqld/tsqld/sql/msgs"
)

// Backend is what the server needs from the engine: *engine.Engine
// satisfies it. Tests use a small fake.
type Backend interface {
	// Authenticate checks a SQL login. On failure the error is 18456 with
	// the real state (for the error log; the client always sees state 1).
	Authenticate(login, password string) (engine.LoginInfo, *msgs.Error)
	// NewSession opens a session for an authenticated login; it fails with
	// 4060 and friends when the database cannot be opened.
	NewSession(cfg engine.SessionConfig) (engine.Session, *msgs.Error)
}

// PasswordChanger is the optional Backend part for LOGIN7's password
// change (a client sends the old and the new password; the new one is
// set once the old one is verified). *engine.Engine implements it.
type PasswordChanger interface {
	ChangePassword(login, newPassword string) *msgs.Error
}
