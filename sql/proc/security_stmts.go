package proc

import (
	"context"
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/storage"
)

// execSecurity dispatches the security statements (roles, GRANT/DENY/
// REVOKE, EXECUTE AS, REVERT); ok=false for statements it does not own.
func (s *Session) execSecurity(ctx context.Context, st ast.Node, w result.Writer, rc *runCtx) (*stmtError, error, bool) {
	switch x := st.(type) {
	case *ast.CreateRoleStmt:
		if serr := s.roleStmt(ctx, x); serr != nil {
			return serr, nil, true
		}
	case *ast.GrantStmt:
		if serr := s.grantStmt(ctx, x); serr != nil {
			return serr, nil, true
		}
	case *ast.ExecuteAsStmt:
		return s.executeAs(ctx, x), nil, true
	case *ast.RevertStmt:
		s.revert()
		return nil, nil, true
	default:
		return nil, nil, false
	}
	return nil, w.Done(result.Done{Cmd: result.CmdDDL, InProc: rc.inProc}), true
}

// fixedServerRoles are SQL Server's fixed server roles.
var fixedServerRoles = []string{"sysadmin", "securityadmin", "serveradmin", "setupadmin", "processadmin", "diskadmin", "dbcreator", "bulkadmin"}

func isFixedServerRole(name string) bool {
	for _, r := range fixedServerRoles {
		if strings.EqualFold(r, name) {
			return true
		}
	}
	return false
}

// roleStmt runs CREATE ROLE, ALTER ROLE … ADD|DROP MEMBER and ALTER
// SERVER ROLE … ADD|DROP MEMBER.
func (s *Session) roleStmt(ctx context.Context, x *ast.CreateRoleStmt) *stmtError {
	name := x.Name.Name
	if x.Server {
		if !x.Alter {
			return msgErr(40517, "CREATE SERVER ROLE")
		}
		member, add := x.AddMember.Name, true
		if member == "" {
			member, add = x.DropMember.Name, false
		}
		if member == "" {
			return msgErr(40517, "ALTER SERVER ROLE WITH NAME")
		}
		return s.setServerRole(ctx, name, member, add)
	}
	snap := s.cat().Security(s.db)
	if !x.Alter {
		if _, exists := principalID(&snap, name); exists {
			return msgErr(15023, name)
		}
		owner := x.Authorization.Name
		return goErr(s.sysWrite(ctx, func(txn storage.Txn) error {
			_, err := s.cat().AddRole(txn, s.db, catalog.Role{Name: name, Owner: owner})
			return err
		}))
	}
	if !isRoleName(&snap, name) || strings.EqualFold(name, "public") {
		return msgErr(15151, "alter", "role", name)
	}
	member, add := x.AddMember.Name, true
	if member == "" {
		member, add = x.DropMember.Name, false
	}
	if member == "" {
		return msgErr(40517, "ALTER ROLE WITH NAME")
	}
	return s.setDBRole(ctx, &snap, name, member, add)
}

// setDBRole adds or removes a database role member (15151 when the
// member is unknown; dbo cannot be a member).
func (s *Session) setDBRole(ctx context.Context, snap *catalog.SecSnapshot, role, member string, add bool) *stmtError {
	if _, ok := principalID(snap, member); !ok || strings.EqualFold(member, "public") {
		return msgErr(15151, "alter", "role", member)
	}
	if strings.EqualFold(member, "dbo") {
		return msgErr(15405, member)
	}
	// Store the names as the catalog spells them.
	if u := snap.User(member); u != nil {
		member = u.Name
	} else if r := snap.Role(member); r != nil {
		member = r.Name
	}
	if r := snap.Role(role); r != nil {
		role = r.Name
	} else {
		role = strings.ToLower(role)
	}
	return goErr(s.sysWrite(ctx, func(txn storage.Txn) error {
		_, err := s.cat().SetRoleMember(txn, s.db, role, member, add)
		return err
	}))
}

// setServerRole adds or removes a login to or from a fixed server role.
func (s *Session) setServerRole(ctx context.Context, role, member string, add bool) *stmtError {
	if !isFixedServerRole(role) {
		return msgErr(15151, "alter", "server role", role)
	}
	old := s.cat().Login(member)
	if old == nil {
		return msgErr(15151, "alter", "login", member)
	}
	if strings.EqualFold(role, "sysadmin") && !s.serverRole("sysadmin") {
		return msgErr(15247)
	}
	if strings.EqualFold(old.Name, "sa") && !add {
		return msgErr(15405, "sa")
	}
	l := *old
	l.ServerRoles = nil
	for _, r := range old.ServerRoles {
		if !strings.EqualFold(r, role) {
			l.ServerRoles = append(l.ServerRoles, r)
		}
	}
	if strings.EqualFold(role, "sysadmin") {
		l.SysAdmin = add
	} else if add {
		l.ServerRoles = append(l.ServerRoles, strings.ToLower(role))
	}
	return goErr(s.sysWrite(ctx, func(txn storage.Txn) error { return s.cat().PutLogin(txn, &l) }))
}

// objectPermNames are what ALL stands for on a table or view.
var allTablePerms = []string{"DELETE", "INSERT", "REFERENCES", "SELECT", "UPDATE"}

// grantStmt runs GRANT, DENY and REVOKE on an object, a schema or the
// database.
func (s *Session) grantStmt(ctx context.Context, x *ast.GrantStmt) *stmtError {
	var class int8
	var major int32
	var obj *catalog.Object
	cls := strings.ToUpper(x.Class)
	switch {
	case x.On == nil || cls == "DATABASE":
		class = catalog.PermDatabase
	case cls == "SCHEMA":
		id, ok := s.db.SchemaID(x.On.Name.Name)
		if !ok {
			return msgErr(15151, "find", "schema", x.On.Name.Name)
		}
		class, major = catalog.PermSchema, id
	case cls == "" || cls == "OBJECT":
		b, _ := s.binder(x.Span.Line)
		d, o := b.LookupObject(x.On)
		if o == nil || d != s.db {
			return msgErr(15151, "find", "object", x.On.Name.Name)
		}
		class, major, obj = catalog.PermObject, o.ID, o
	default:
		return msgErr(40517, "GRANT ON "+cls+"::")
	}
	snap := s.cat().Security(s.db)
	var grantees []string
	for _, p := range x.Principals {
		id, ok := principalID(&snap, p.Name)
		if !ok {
			return msgErr(15151, "find", "user", p.Name)
		}
		if id >= 1 && id <= 4 && id != 2 {
			return msgErr(15150, "grant, deny, or revoke permissions to", "principal", p.Name)
		}
		name := p.Name
		if u := snap.User(name); u != nil {
			name = u.Name
		} else if r := snap.Role(name); r != nil {
			name = r.Name
		} else {
			name = strings.ToLower(name)
		}
		grantees = append(grantees, name)
	}
	var state byte
	switch x.Kind {
	case ast.Grant:
		state = catalog.PermGrant
		if x.WithGrant {
			state = catalog.PermGrantWithGrant
		}
	case ast.Deny:
		state = catalog.PermDeny
	}
	type permCol struct {
		perm  string
		minor int32
	}
	var perms []permCol
	for _, p := range x.Permissions {
		names := []string{p.Name}
		if p.Name == "ALL" {
			names = allTablePerms
			if obj != nil && obj.Kind != catalog.KindTable && obj.Kind != catalog.KindView {
				names = []string{"EXECUTE"}
			}
		}
		for _, n := range names {
			if len(p.Columns) == 0 {
				perms = append(perms, permCol{n, 0})
				continue
			}
			if obj == nil || obj.Table == nil {
				return msgErr(15151, "find", "object", x.On.Name.Name)
			}
			for _, c := range p.Columns {
				ord := -1
				for i, tc := range obj.Table.Columns {
					if strings.EqualFold(tc.Name, c.Name) {
						ord = i
					}
				}
				if ord < 0 {
					return msgErr(207, c.Name)
				}
				perms = append(perms, permCol{n, int32(ord + 1)})
			}
		}
	}
	grantor := s.currentUser()
	return goErr(s.sysWrite(ctx, func(txn storage.Txn) error {
		for _, g := range grantees {
			for _, p := range perms {
				if err := s.cat().SetPerm(txn, s.db, catalog.Perm{Class: class, Major: major, Minor: p.minor,
					Grantee: g, Perm: p.perm, State: state, Grantor: grantor}, x.GrantOptionFor); err != nil {
					return err
				}
			}
		}
		return nil
	}))
}

// executeAs switches the security context (EXECUTE AS LOGIN|USER).
func (s *Session) executeAs(ctx context.Context, x *ast.ExecuteAsStmt) *stmtError {
	if x.Name == nil {
		// CALLER/SELF/OWNER outside a module: the context stays.
		s.sec.stack = append(s.sec.stack, secFrame{login: s.sec.login, user: s.sec.user, userDB: s.sec.userDB, noRevert: x.NoRevert})
		return nil
	}
	name, serr, err := s.evalString(ctx, x.Name, x.Span.Line)
	if serr != nil {
		return serr
	}
	if err != nil {
		return goErr(err)
	}
	frame := secFrame{login: s.sec.login, user: s.sec.user, userDB: s.sec.userDB, noRevert: x.NoRevert}
	if x.Kind == "LOGIN" {
		l := s.cat().Login(name)
		if l == nil || !s.serverRole("sysadmin") && !strings.EqualFold(l.Name, s.secLogin()) {
			return msgErr(15406, name)
		}
		s.sec.stack = append(s.sec.stack, frame)
		s.sec.login, s.sec.user, s.sec.userDB = l.Name, "", nil
		// The new context must be able to use the current database.
		snap := s.cat().Security(s.db)
		if _, ok := s.dbUser(s.db, &snap); !ok {
			s.sec.stack = s.sec.stack[:len(s.sec.stack)-1]
			s.sec.login, s.sec.user, s.sec.userDB = frame.login, frame.user, frame.userDB
			return msgErr(916, l.Name, s.db.Name)
		}
	} else {
		snap := s.cat().Security(s.db)
		u := snap.User(name)
		if u == nil {
			return msgErr(15517, name)
		}
		if x, ok := s.subject(s.db); !ok || !x.owner() && !strings.EqualFold(x.user, u.Name) {
			return msgErr(15517, name)
		}
		s.sec.stack = append(s.sec.stack, frame)
		login := u.Login
		if login == "" {
			login = u.Name
		}
		s.sec.login, s.sec.user, s.sec.userDB = login, u.Name, s.db
	}
	s.sec.init = true
	s.sec.fast = s.secSysAdmin()
	return nil
}

// revert undoes the last EXECUTE AS.
func (s *Session) revert() {
	n := len(s.sec.stack)
	if n == 0 {
		return
	}
	f := s.sec.stack[n-1]
	s.sec.stack = s.sec.stack[:n-1]
	s.sec.login, s.sec.user, s.sec.userDB = f.login, f.user, f.userDB
	s.sec.init = true
	s.sec.fast = s.secSysAdmin()
}

// alterUser runs ALTER USER name WITH DEFAULT_SCHEMA = s | NAME = n |
// LOGIN = l.
func (s *Session) alterUser(ctx context.Context, x *ast.CreateUserStmt) *stmtError {
	old := s.cat().DBUser(s.db, x.Name.Name)
	if old == nil {
		return msgErr(15151, "alter", "user", x.Name.Name)
	}
	u := *old
	for _, o := range x.Options {
		v := ""
		if cr, ok := o.Value.(*ast.ColumnRef); ok {
			v = cr.Name.Name
		} else if o.Value != nil {
			sv, serr, err := s.evalString(ctx, o.Value, x.Span.Line)
			if serr != nil {
				return serr
			}
			if err != nil {
				return goErr(err)
			}
			v = sv
		}
		switch strings.ToUpper(o.Name) {
		case "DEFAULT_SCHEMA":
			u.DefaultSchema = v
		case "NAME":
			if s.cat().DBUser(s.db, v) != nil {
				return msgErr(15023, v)
			}
			u.Name = v
		case "LOGIN":
			if s.cat().Login(v) == nil {
				return msgErr(15007, v)
			}
			u.Login = v
		}
	}
	return goErr(s.sysWrite(ctx, func(txn storage.Txn) error { return s.cat().AlterUser(txn, s.db, old.Name, u) }))
}

// checkPasswordPolicy applies CHECK_POLICY = ON: at least 8 characters
// (15116) and three of upper case, lower case, digits and symbols, not
// containing the login name (15118).
func checkPasswordPolicy(login, pw string) *stmtError {
	if len([]rune(pw)) < 8 {
		return msgErr(15116)
	}
	var up, lo, dg, sy int
	for _, r := range pw {
		switch {
		case r >= 'A' && r <= 'Z':
			up = 1
		case r >= 'a' && r <= 'z':
			lo = 1
		case r >= '0' && r <= '9':
			dg = 1
		default:
			sy = 1
		}
	}
	if up+lo+dg+sy < 3 || (len(login) >= 3 && strings.Contains(strings.ToLower(pw), strings.ToLower(login))) {
		return msgErr(15118)
	}
	return nil
}

// useAllowed checks USE d: 916 when the context has no user there.
func (s *Session) useAllowed(d *catalog.Database) *stmtError {
	if s.secFast() {
		return nil
	}
	snap := s.cat().Security(d)
	if _, ok := s.dbUser(d, &snap); !ok {
		return msgErr(916, s.secLogin(), d.Name)
	}
	return nil
}

// loginPolicy applies CHECK_POLICY (ON unless the statement or, for
// ALTER LOGIN, the login says OFF) to a new password.
func (s *Session) loginPolicy(x *ast.CreateLoginStmt, l *catalog.Login, pw string) *stmtError {
	for _, o := range x.Options {
		if strings.EqualFold(o.Name, "CHECK_POLICY") {
			v := ""
			switch x := o.Value.(type) {
			case *ast.ColumnRef:
				v = x.Name.Name
			case *ast.Literal:
				v = x.Text
			}
			l.NoPolicy = strings.EqualFold(v, "OFF")
		}
	}
	if l.NoPolicy {
		return nil
	}
	return checkPasswordPolicy(l.Name, pw)
}

// dropDBPrincipal runs DROP USER and DROP ROLE, removing the principal's
// memberships and permissions with it; done=false leaves DROP USER of an
// unknown user to the caller.
func (s *Session) dropDBPrincipal(ctx context.Context, kind ast.ObjectKind, name string, ifExists bool) (*stmtError, bool) {
	snap := s.cat().Security(s.db)
	if id, fixed := fixedPrincipalIDs[strings.ToLower(name)]; fixed {
		if kind == ast.ObjRole && id != 0 && id < 16384 || kind == ast.ObjUser && (id == 0 || id >= 16384) {
			return msgErr(15151, "drop", map[bool]string{true: "role", false: "user"}[kind == ast.ObjRole], name), true
		}
		return msgErr(15150, "drop", map[bool]string{true: "role", false: "user"}[kind == ast.ObjRole], name), true
	}
	if kind == ast.ObjRole {
		r := snap.Role(name)
		if r == nil {
			if ifExists {
				return nil, true
			}
			return msgErr(15151, "drop", "role", name), true
		}
		for _, m := range snap.Members {
			if strings.EqualFold(m.Role, r.Name) {
				return msgErr(15144), true
			}
		}
		name = r.Name
	} else {
		u := snap.User(name)
		if u == nil {
			return nil, false
		}
		name = u.Name
	}
	return goErr(s.sysWrite(ctx, func(txn storage.Txn) error { return s.cat().DropPrincipal(txn, s.db, name) })), true
}
