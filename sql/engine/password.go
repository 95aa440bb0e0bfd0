package engine

import (
	"context"
	"fmt"

	"github.com/tsqld/tsqld/sql/msgs"
)

// ChangePassword sets a login's new password: LOGIN7's change-password
// request, made after Authenticate accepted the old one. A failure is
// 18456 (the client sees only that the login failed).
func (e *Engine) ChangePassword(login, newPassword string) *msgs.Error {
	ok, err := e.srv.SetLoginPassword(context.Background(), login, newPassword)
	if !ok || err != nil {
		return &msgs.Error{Number: 18456, Severity: 14, State: 1,
			Text: fmt.Sprintf("Login failed for user '%s'.", login)}
	}
	return nil
}
