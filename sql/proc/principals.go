package proc

import (
	"context"
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/exec"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
	"github.com/tsqld/tsqld/storage"
)

// createLogin runs CREATE LOGIN name WITH PASSWORD = '…' [, DEFAULT_DATABASE
// = db, DEFAULT_LANGUAGE = l, CHECK_POLICY/CHECK_EXPIRATION = …] and ALTER
// LOGIN name WITH PASSWORD = … | ENABLE | DISABLE. SQL logins only.
func (s *Session) createLogin(ctx context.Context, x *ast.CreateLoginStmt, w result.Writer, rc *runCtx) (*stmtError, error) {
	name := x.Name.Name
	if x.FromWindows {
		return msgErr(40517, "FROM WINDOWS"), nil
	}
	if x.Hashed {
		return msgErr(40517, "HASHED"), nil
	}
	old := s.cat().Login(name)
	var l catalog.Login
	switch {
	case x.Alter && old == nil:
		return msgErr(15151, "alter", "login", name), nil
	case !x.Alter && old != nil:
		return msgErr(15025, name), nil
	case x.Alter:
		l = *old
	default:
		l = catalog.Login{Name: name, DefaultDatabase: "master"}
	}
	if x.Password != nil {
		pw, serr, err := s.evalString(ctx, x.Password, x.Span.Line)
		if serr != nil || err != nil {
			return serr, err
		}
		if serr := s.loginPolicy(x, &l, pw); serr != nil { // CHECK_POLICY (security_stmts.go)
			return serr, nil
		}
		if err := l.SetPassword(pw); err != nil {
			return asStmtErr(err)
		}
	} else if !x.Alter {
		return msgErr(102, name), nil
	}
	for _, o := range x.Options {
		v := ""
		if cr, ok := o.Value.(*ast.ColumnRef); ok {
			v = cr.Name.Name
		} else if o.Value != nil {
			sv, serr, err := s.evalString(ctx, o.Value, x.Span.Line)
			if serr != nil || err != nil {
				return serr, err
			}
			v = sv
		}
		switch strings.ToUpper(o.Name) {
		case "DEFAULT_DATABASE":
			l.DefaultDatabase = v
		case "DEFAULT_LANGUAGE":
			l.DefaultLanguage = v
		}
	}
	if x.Enable {
		l.Disabled = false
	}
	if x.Disable {
		l.Disabled = true
	}
	err := s.sysWrite(ctx, func(txn storage.Txn) error { return s.cat().PutLogin(txn, &l) })
	if serr := goErr(err); serr != nil {
		return serr, nil
	}
	return nil, w.Done(result.Done{Cmd: result.CmdDDL, InProc: rc.inProc})
}

// createUser runs CREATE USER name [FOR|FROM LOGIN l | WITHOUT LOGIN]
// [WITH DEFAULT_SCHEMA = s].
func (s *Session) createUser(ctx context.Context, x *ast.CreateUserStmt, w result.Writer, rc *runCtx) (*stmtError, error) {
	if x.Alter { // ALTER USER (security_stmts.go)
		if serr := s.alterUser(ctx, x); serr != nil {
			return serr, nil
		}
		return nil, w.Done(result.Done{Cmd: result.CmdDDL, InProc: rc.inProc})
	}
	name := x.Name.Name
	u := catalog.User{Name: name}
	if !x.WithoutLogin {
		u.Login = x.Login.Name
		if u.Login == "" {
			u.Login = name
		}
		if s.cat().Login(u.Login) == nil {
			return msgErr(15007, u.Login), nil
		}
	}
	if s.cat().DBUser(s.db, name) != nil || strings.EqualFold(name, "dbo") || strings.EqualFold(name, "guest") {
		return msgErr(15023, name), nil
	}
	if snap := s.cat().Security(s.db); snap.Role(name) != nil { // security_stmts.go
		return msgErr(15023, name), nil
	} else if u.Login != "" && snap.UserForLogin(u.Login) != nil {
		return msgErr(15063), nil
	}
	for _, o := range x.Options {
		if strings.EqualFold(o.Name, "DEFAULT_SCHEMA") {
			u.DefaultSchema = optionWord(o.Value) // default_schema.go
		}
	}
	err := s.sysWrite(ctx, func(txn storage.Txn) error {
		_, err := s.cat().AddDBUser(txn, s.db, u)
		return err
	})
	if serr := goErr(err); serr != nil {
		return serr, nil
	}
	return nil, w.Done(result.Done{Cmd: result.CmdDDL, InProc: rc.inProc})
}

// dropPrincipal runs DROP LOGIN and DROP USER [IF EXISTS].
func (s *Session) dropPrincipal(ctx context.Context, kind ast.ObjectKind, n *ast.ObjectName, ifExists bool) *stmtError {
	name := n.Name.Name
	if kind == ast.ObjLogin {
		l := s.cat().Login(name)
		if l == nil {
			if ifExists {
				return nil
			}
			return msgErr(15151, "drop", "login", name)
		}
		if strings.EqualFold(l.Name, "sa") {
			return stmtErr(&msgs.Error{Number: 15405, Severity: 11, State: 1,
				Text: "Cannot use the special principal 'sa'."})
		}
		return goErr(s.sysWrite(ctx, func(txn storage.Txn) error { return s.cat().DropLogin(txn, l.Name) }))
	}
	if serr, done := s.dropDBPrincipal(ctx, kind, name, ifExists); done { // security_stmts.go
		return serr
	}
	if s.cat().DBUser(s.db, name) == nil {
		if ifExists {
			return nil
		}
		return msgErr(15151, "drop", "user", name)
	}
	return goErr(s.sysWrite(ctx, func(txn storage.Txn) error { return s.cat().DropDBUser(txn, s.db, name) }))
}

// evalString evaluates a constant string expression (a password, an
// option value).
func (s *Session) evalString(ctx context.Context, e ast.Expr, line int32) (string, *stmtError, error) {
	v, xt, serr, err := s.evalScalar(ctx, e, line)
	if serr != nil || err != nil {
		return "", serr, err
	}
	if v.K == types.KindNull {
		return "", nil, nil
	}
	sv, cerr := exec.Convert(v, xt.Type(), sem.NVarChar(4000))
	if cerr != nil {
		return "", stmtErr(cerr), nil
	}
	return sv.S, nil, nil
}
