package proc

import (
	"strings"

	"github.com/tsqld/tsqld/sql/catalog"
)

// secState is a session's security context. The login token (sysadmin or
// not) is taken once, when the session first runs a statement and again
// after EXECUTE AS / REVERT, as SQL Server takes it at login: sysadmin
// sessions then skip every permission check with one bool test.
type secState struct {
	init  bool
	fast  bool // sysadmin: no permission checks
	login string
	// user is the database user of EXECUTE AS USER, valid in userDB only.
	user   string
	userDB *catalog.Database
	stack  []secFrame
}

// secFrame is one EXECUTE AS level, restored by REVERT.
type secFrame struct {
	login, user string
	userDB      *catalog.Database
	noRevert    bool
}

// secLogin is the effective login name (EXECUTE AS LOGIN changes it).
func (s *Session) secLogin() string {
	if s.sec.login != "" {
		return s.sec.login
	}
	return s.cfg.Login
}

// secSysAdmin reports whether the effective context is sysadmin.
// EXECUTE AS USER confines the context to the database: no server roles.
func (s *Session) secSysAdmin() bool {
	if s.sec.userDB != nil {
		return false
	}
	l := s.cat().Login(s.secLogin())
	return l != nil && l.SysAdmin
}

// secInit takes the login token.
func (s *Session) secInit() {
	s.sec.init = true
	s.sec.fast = s.secSysAdmin()
}

// secFast reports whether permission checks can be skipped.
func (s *Session) secFast() bool {
	if !s.sec.init {
		s.secInit()
	}
	return s.sec.fast
}

// guestDBs are the databases whose guest user is enabled by default.
func guestEnabled(d *catalog.Database, snap *catalog.SecSnapshot) bool {
	switch d.ID {
	case catalog.MasterID, catalog.TempDBID, catalog.MSDBID:
		return true
	}
	for _, p := range snap.Perms {
		if p.Class == catalog.PermDatabase && p.Perm == "CONNECT" && strings.EqualFold(p.Grantee, "guest") && p.State != catalog.PermDeny {
			return true
		}
	}
	return false
}

// dbUser is the effective user name in d: dbo for sysadmin (and the
// owner, sa), the mapped user, guest where enabled; ok=false when the
// context has no access to d (916).
func (s *Session) dbUser(d *catalog.Database, snap *catalog.SecSnapshot) (string, bool) {
	if s.sec.userDB != nil {
		if d == s.sec.userDB {
			return s.sec.user, true
		}
		// EXECUTE AS USER is confined to its database (guest elsewhere).
		if guestEnabled(d, snap) {
			return "guest", true
		}
		return "", false
	}
	if s.secSysAdmin() {
		return "dbo", true
	}
	login := s.secLogin()
	if u := snap.UserForLogin(login); u != nil {
		return u.Name, true
	}
	if guestEnabled(d, snap) {
		return "guest", true
	}
	return "", false
}

// HasDBAccess reports whether the session's login can use its current
// database (the engine turns false into 4064/4060 at login).
func (s *Session) HasDBAccess() bool {
	if s.secFast() {
		return true
	}
	snap := s.cat().Security(s.db)
	_, ok := s.dbUser(s.db, &snap)
	return ok
}

// currentUser is USER_NAME() in the current database.
func (s *Session) currentUser() string {
	if s.secFast() {
		return "dbo"
	}
	snap := s.cat().Security(s.db)
	u, _ := s.dbUser(s.db, &snap)
	return u
}

// principalID is a database principal's id by name (fixed principals
// and roles, users, roles); 0 with ok=false when unknown.
func principalID(snap *catalog.SecSnapshot, name string) (int32, bool) {
	if id, ok := fixedPrincipalIDs[strings.ToLower(name)]; ok {
		return id, true
	}
	if u := snap.User(name); u != nil {
		return u.ID, true
	}
	if r := snap.Role(name); r != nil {
		return r.ID, true
	}
	return 0, false
}

// fixedPrincipalIDs are the principals every database has.
var fixedPrincipalIDs = map[string]int32{
	"public": 0, "dbo": 1, "guest": 2, "information_schema": 3, "sys": 4,
	"db_owner": 16384, "db_accessadmin": 16385, "db_securityadmin": 16386, "db_ddladmin": 16387,
	"db_backupoperator": 16389, "db_datareader": 16390, "db_datawriter": 16391,
	"db_denydatareader": 16392, "db_denydatawriter": 16393,
}

// isRoleName reports whether name is a fixed or user-defined role.
func isRoleName(snap *catalog.SecSnapshot, name string) bool {
	if id, ok := fixedPrincipalIDs[strings.ToLower(name)]; ok {
		return id == 0 || id >= 16384
	}
	return snap.Role(name) != nil
}

// principalSet is the user, public and every role the user belongs to
// (transitively), lower case.
func principalSet(snap *catalog.SecSnapshot, user string) map[string]bool {
	set := map[string]bool{strings.ToLower(user): true, "public": true}
	if strings.EqualFold(user, "dbo") {
		set["db_owner"] = true
	}
	for changed := true; changed; {
		changed = false
		for _, m := range snap.Members {
			if set[strings.ToLower(m.Member)] && !set[strings.ToLower(m.Role)] {
				set[strings.ToLower(m.Role)] = true
				changed = true
			}
		}
	}
	return set
}

// secSubject is the evaluated context of one permission check.
type secSubject struct {
	d    *catalog.Database
	snap catalog.SecSnapshot
	user string
	set  map[string]bool
}

// subject builds the permission subject for database d; ok=false when
// the context has no user there.
func (s *Session) subject(d *catalog.Database) (*secSubject, bool) {
	snap := s.cat().Security(d)
	u, ok := s.dbUser(d, &snap)
	if !ok {
		return nil, false
	}
	return &secSubject{d: d, snap: snap, user: u, set: principalSet(&snap, u)}, true
}

// owner reports whether the subject is dbo or in db_owner.
func (x *secSubject) owner() bool { return x.set["dbo"] || x.set["db_owner"] }

// implied reports whether a fixed role grants (or, for the deny roles,
// denies) perm on an object or the database.
func (x *secSubject) fixedRole(perm string) (grant, deny bool) {
	switch perm {
	case "SELECT":
		grant, deny = x.set["db_datareader"], x.set["db_denydatareader"]
	case "INSERT", "UPDATE", "DELETE":
		grant, deny = x.set["db_datawriter"], x.set["db_denydatawriter"]
	case "ALTER", "REFERENCES", "CREATE TABLE", "CREATE VIEW", "CREATE PROCEDURE", "CREATE FUNCTION",
		"CREATE SCHEMA", "CREATE TYPE", "CREATE SYNONYM", "CREATE SEQUENCE", "ALTER ANY SCHEMA":
		grant = x.set["db_ddladmin"]
	case "ALTER ANY USER":
		grant = x.set["db_accessadmin"]
	case "ALTER ANY ROLE":
		grant = x.set["db_securityadmin"]
	}
	return
}

// permState looks up perm on one securable: granted or denied to any of
// the subject's principals (CONTROL implies every permission).
func (x *secSubject) permState(class int8, major, minor int32, perm string) (grant, deny bool) {
	for _, p := range x.snap.Perms {
		if p.Class != class || p.Major != major || p.Minor != minor || (p.Perm != perm && p.Perm != "CONTROL") {
			continue
		}
		if !x.set[strings.ToLower(p.Grantee)] {
			continue
		}
		if p.State == catalog.PermDeny {
			deny = true
		} else {
			grant = true
		}
	}
	return
}

// objectPerm decides perm on object o (col: column id, 0 = the object):
// a DENY at any level wins, then a GRANT at any level (object, schema,
// database) or a fixed role allows.
func (x *secSubject) objectPerm(o *catalog.Object, perm string, col int32) bool {
	if x.owner() {
		return true
	}
	g, dn := x.fixedRole(perm)
	if dn {
		return false
	}
	grant := g
	check := func(class int8, major, minor int32) bool {
		gg, dd := x.permState(class, major, minor, perm)
		grant = grant || gg
		return dd
	}
	sid, _ := x.d.SchemaID(o.Schema)
	if check(catalog.PermDatabase, 0, 0) || check(catalog.PermSchema, sid, 0) || check(catalog.PermObject, o.ID, 0) {
		return false
	}
	if col != 0 && check(catalog.PermObject, o.ID, col) {
		return false
	}
	return grant
}

// hasColumnGrants reports whether any column of o carries a permission
// for the subject (then a missing table-level grant is decided per
// column: 230 rather than 229).
func (x *secSubject) hasColumnGrants(o *catalog.Object, perm string) bool {
	for _, p := range x.snap.Perms {
		if p.Class == catalog.PermObject && p.Major == o.ID && p.Minor != 0 && p.Perm == perm && x.set[strings.ToLower(p.Grantee)] {
			return true
		}
	}
	return false
}

// dbPerm decides a database-level permission (CREATE TABLE, …).
func (x *secSubject) dbPerm(perm string) bool {
	if x.owner() {
		return true
	}
	g, dn := x.fixedRole(perm)
	gg, dd := x.permState(catalog.PermDatabase, 0, 0, perm)
	return !dn && !dd && (g || gg)
}

// schemaPerm decides a schema-level permission (ALTER on a schema, needed
// with CREATE TABLE in it).
func (x *secSubject) schemaPerm(schema, perm string) bool {
	if x.owner() {
		return true
	}
	g, dn := x.fixedRole(perm)
	sid, _ := x.d.SchemaID(schema)
	gg, dd := x.permState(catalog.PermSchema, sid, 0, perm)
	g2, d2 := x.permState(catalog.PermDatabase, 0, 0, perm)
	return !dn && !dd && !d2 && (g || gg || g2)
}

// serverRole reports whether the effective login is in a fixed server role.
func (s *Session) serverRole(role string) bool {
	if s.sec.userDB != nil {
		return strings.EqualFold(role, "public")
	}
	l := s.cat().Login(s.secLogin())
	return l != nil && (l.SysAdmin || l.InServerRole(role))
}

// SecurityFast reports whether the session skips permission checks
// (sysadmin context; tests and diagnostics).
func (s *Session) SecurityFast() bool { return s.secFast() }
