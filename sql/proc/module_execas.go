package proc

import (
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/catalog"
)

// executeAsOption returns the principal of a module's WITH EXECUTE AS
// clause: "" for none or CALLER, "OWNER", "SELF", or a user name. The
// parser keeps module options as their upper-cased source text.
func executeAsOption(opts []string) string {
	for _, o := range opts {
		f := strings.Fields(o)
		if len(f) < 3 || f[0] != "EXECUTE" && f[0] != "EXEC" || f[1] != "AS" {
			continue
		}
		who := strings.Join(f[2:], " ")
		switch who {
		case "CALLER":
			return ""
		case "OWNER", "SELF":
			return who
		}
		who = strings.TrimPrefix(who, "N")
		return strings.ReplaceAll(strings.Trim(who, "'"), "''", "'")
	}
	return ""
}

// moduleExecuteAs switches to the security context a module runs under
// (CREATE PROCEDURE/FUNCTION/TRIGGER … WITH EXECUTE AS): OWNER and SELF
// are dbo (modules here are owned by dbo; SELF should be the creator), a
// name is that database user. The returned func restores the caller's
// context and drops any EXECUTE AS the body left without REVERT, as SQL
// Server does when the module ends.
func (s *Session) moduleExecuteAs(opts []string, d *catalog.Database) (func(), *stmtError) {
	who := executeAsOption(opts)
	if who == "" {
		return func() {}, nil
	}
	user, login := "dbo", "sa"
	if who != "OWNER" && who != "SELF" {
		snap := s.cat().Security(d)
		u := snap.User(who)
		if u == nil {
			return nil, msgErr(15517, who)
		}
		user, login = u.Name, u.Login
		if login == "" {
			login = u.Name
		}
	}
	saved := s.sec
	depth := len(s.sec.stack)
	s.sec.login, s.sec.user, s.sec.userDB = login, user, d
	s.sec.init, s.sec.fast = true, false
	return func() {
		stack := s.sec.stack
		if len(stack) > depth {
			stack = stack[:depth]
		}
		s.sec = saved
		s.sec.stack = stack
	}, nil
}

// moduleExecuteAsCheck fails CREATE/ALTER of a module whose EXECUTE AS
// names a user that does not exist: the principal must exist when the
// module is created (Msg 15517, as the EXECUTE AS statement reports it).
func (s *Session) moduleExecuteAsCheck(st ast.Node) *stmtError {
	var opts []string
	switch x := st.(type) {
	case *ast.CreateProcStmt:
		opts = x.Options
	case *ast.CreateFunctionStmt:
		opts = x.Options
	case *ast.CreateTriggerStmt:
		opts = x.Options
	default:
		return nil
	}
	who := executeAsOption(opts)
	if who == "" || who == "OWNER" || who == "SELF" {
		return nil
	}
	snap := s.cat().Security(s.db)
	if snap.User(who) == nil {
		return msgErr(15517, who)
	}
	return nil
}
