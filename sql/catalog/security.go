package catalog

import (
	"strings"

	"github.com/tsqld/tsqld/storage"
)

// Role is a user-defined database role (CREATE ROLE). Fixed roles
// (db_owner, db_datareader, …) are not stored: they exist in every
// database; only their memberships are.
type Role struct {
	ID    int32
	Name  string
	Owner string `json:",omitempty"` // owning principal name ("" = dbo)
}

// RoleMember is one database role membership (sp_addrolemember, ALTER
// ROLE … ADD MEMBER), by principal names.
type RoleMember struct {
	Role   string
	Member string
}

// Permission classes (sys.database_permissions.class).
const (
	PermDatabase int8 = 0
	PermObject   int8 = 1 // Minor = column id (0 = the object itself)
	PermSchema   int8 = 3
)

// Permission states (sys.database_permissions.state).
const (
	PermGrant          byte = 'G'
	PermDeny           byte = 'D'
	PermGrantWithGrant byte = 'W'
)

// Perm is one GRANT or DENY row: permission Perm (upper case, e.g.
// "SELECT", "CREATE TABLE") on the securable (Class, Major, Minor) for the
// database principal Grantee.
type Perm struct {
	Class   int8
	Major   int32
	Minor   int32 `json:",omitempty"`
	Grantee string
	Perm    string
	State   byte
	Grantor string `json:",omitempty"`
}

// SecSnapshot is a consistent read of a database's security model. Its
// slices are shared with the catalog, which only ever replaces them
// (copy-on-write), so a snapshot needs no copying and stays valid.
type SecSnapshot struct {
	Users   []User
	Roles   []Role
	Members []RoleMember
	Perms   []Perm
}

// Security returns the database's users, roles, memberships and
// permissions.
func (c *Catalog) Security(d *Database) SecSnapshot {
	c.mu.RLock()
	defer c.mu.RUnlock()
	if d.Sys == nil {
		return SecSnapshot{}
	}
	return SecSnapshot{Users: d.Sys.Users, Roles: d.Sys.Roles, Members: d.Sys.Members, Perms: d.Sys.Perms}
}

// User finds a user by name in the snapshot.
func (s *SecSnapshot) User(name string) *User {
	for i := range s.Users {
		if strings.EqualFold(s.Users[i].Name, name) {
			return &s.Users[i]
		}
	}
	return nil
}

// UserForLogin finds the user mapped to a login.
func (s *SecSnapshot) UserForLogin(login string) *User {
	for i := range s.Users {
		if s.Users[i].Login != "" && strings.EqualFold(s.Users[i].Login, login) {
			return &s.Users[i]
		}
	}
	return nil
}

// Role finds a user-defined role by name.
func (s *SecSnapshot) Role(name string) *Role {
	for i := range s.Roles {
		if strings.EqualFold(s.Roles[i].Name, name) {
			return &s.Roles[i]
		}
	}
	return nil
}

// AddRole creates a database role; the caller checks for duplicates.
func (c *Catalog) AddRole(txn storage.Txn, d *Database, r Role) (Role, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	sys := d.sys()
	r.ID = firstUserPrincipalID
	for _, o := range sys.Users {
		if o.ID >= r.ID {
			r.ID = o.ID + 1
		}
	}
	for _, o := range sys.Roles {
		if o.ID >= r.ID {
			r.ID = o.ID + 1
		}
	}
	sys.Roles = append(sys.Roles[:len(sys.Roles):len(sys.Roles)], r)
	c.bump()
	return r, c.putDatabase(txn, d)
}

// DropPrincipal removes a user or role together with its memberships
// (either side) and its permissions.
func (c *Catalog) DropPrincipal(txn storage.Txn, d *Database, name string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	sys := d.sys()
	var users []User
	for _, u := range sys.Users {
		if !strings.EqualFold(u.Name, name) {
			users = append(users, u)
		}
	}
	var roles []Role
	for _, r := range sys.Roles {
		if !strings.EqualFold(r.Name, name) {
			roles = append(roles, r)
		}
	}
	var mem []RoleMember
	for _, m := range sys.Members {
		if !strings.EqualFold(m.Role, name) && !strings.EqualFold(m.Member, name) {
			mem = append(mem, m)
		}
	}
	var perms []Perm
	for _, p := range sys.Perms {
		if !strings.EqualFold(p.Grantee, name) {
			perms = append(perms, p)
		}
	}
	sys.Users, sys.Roles, sys.Members, sys.Perms = users, roles, mem, perms
	c.bump()
	return c.putDatabase(txn, d)
}

// AlterUser replaces a user's record (ALTER USER).
func (c *Catalog) AlterUser(txn storage.Txn, d *Database, name string, u User) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	sys := d.sys()
	users := append([]User(nil), sys.Users...)
	for i := range users {
		if strings.EqualFold(users[i].Name, name) {
			u.ID = users[i].ID
			users[i] = u
		}
	}
	sys.Users = users
	c.bump()
	return c.putDatabase(txn, d)
}

// SetRoleMember adds (add) or removes a database role membership; it
// reports whether anything changed.
func (c *Catalog) SetRoleMember(txn storage.Txn, d *Database, role, member string, add bool) (bool, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	sys := d.sys()
	var mem []RoleMember
	found := false
	for _, m := range sys.Members {
		if strings.EqualFold(m.Role, role) && strings.EqualFold(m.Member, member) {
			found = true
			if !add {
				continue
			}
		}
		mem = append(mem, m)
	}
	if found == add {
		return false, nil
	}
	if add {
		mem = append(mem, RoleMember{Role: role, Member: member})
	}
	sys.Members = mem
	c.bump()
	return true, c.putDatabase(txn, d)
}

// SetPerm applies one GRANT (state G or W), DENY (D) or REVOKE (state 0)
// of p.Perm on p's securable to p.Grantee, replacing whatever state that
// permission had. grantOptionOnly (REVOKE GRANT OPTION FOR) turns W into
// G instead of removing the row.
func (c *Catalog) SetPerm(txn storage.Txn, d *Database, p Perm, grantOptionOnly bool) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	sys := d.sys()
	var perms []Perm
	for _, o := range sys.Perms {
		if o.Class == p.Class && o.Major == p.Major && o.Minor == p.Minor && o.Perm == p.Perm && strings.EqualFold(o.Grantee, p.Grantee) {
			if grantOptionOnly && o.State == PermGrantWithGrant {
				o.State = PermGrant
				perms = append(perms, o)
			}
			continue
		}
		perms = append(perms, o)
	}
	if p.State != 0 && !grantOptionOnly {
		perms = append(perms, p)
	}
	sys.Perms = perms
	c.bump()
	return c.putDatabase(txn, d)
}

// DropObjectPerms removes the permissions on a dropped object.
func (c *Catalog) DropObjectPerms(txn storage.Txn, d *Database, objectID int32) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if d.Sys == nil || len(d.Sys.Perms) == 0 {
		return nil
	}
	var perms []Perm
	for _, p := range d.Sys.Perms {
		if p.Class != PermObject || p.Major != objectID {
			perms = append(perms, p)
		}
	}
	if len(perms) == len(d.Sys.Perms) {
		return nil
	}
	d.Sys.Perms = perms
	c.bump()
	return c.putDatabase(txn, d)
}

// InServerRole reports whether the login is a member of the fixed server
// role (public: everyone; sysadmin: the SysAdmin flag).
func (l *Login) InServerRole(role string) bool {
	switch strings.ToLower(role) {
	case "public":
		return true
	case "sysadmin":
		return l.SysAdmin
	}
	for _, r := range l.ServerRoles {
		if strings.EqualFold(r, role) {
			return true
		}
	}
	return false
}
