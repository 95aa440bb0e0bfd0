package proc

import (
	"strings"

	"github.com/tsqld/tsqld/sql/exec"
	"github.com/tsqld/tsqld/sql/sysobj"
	"github.com/tsqld/tsqld/sql/types"
)

// principalName is USER_NAME(id) in the current database.
func (s *Session) principalName(id int32) string {
	if n := sysobj.PrincipalName(id); n != "" {
		return n
	}
	snap := s.cat().Security(s.db)
	for _, u := range snap.Users {
		if u.ID == id {
			return u.Name
		}
	}
	for _, r := range snap.Roles {
		if r.ID == id {
			return r.Name
		}
	}
	return ""
}

// securityFunc answers IS_SRVROLEMEMBER, IS_MEMBER and HAS_PERMS_BY_NAME
// from the security model: 1/0, NULL for an unknown role, login or
// securable.
func (s *Session) securityFunc(name string, args []types.Value) types.Value {
	str := func(i int) (string, bool) {
		if i >= len(args) || args[i].K == types.KindNull {
			return "", false
		}
		return exec.ToString(args[i], types.Type{ID: types.NVarChar, Length: 8000}), true
	}
	switch name {
	case "IS_SRVROLEMEMBER":
		role, _ := str(0)
		if !isFixedServerRole(role) && !strings.EqualFold(role, "public") {
			return types.Null
		}
		if login, ok := str(1); ok {
			l := s.cat().Login(login)
			if l == nil {
				return types.Null
			}
			return intVal(b2i(l.SysAdmin || l.InServerRole(role)))
		}
		return intVal(b2i(s.serverRole(role)))
	case "IS_MEMBER":
		role, _ := str(0)
		x, ok := s.subject(s.db)
		if !ok {
			return types.Null
		}
		if !isRoleName(&x.snap, role) {
			return types.Null
		}
		if x.owner() {
			if _, fixed := fixedPrincipalIDs[strings.ToLower(role)]; fixed && !strings.HasPrefix(strings.ToLower(role), "db_deny") {
				return intVal(1)
			}
		}
		return intVal(b2i(x.set[strings.ToLower(role)]))
	case "HAS_PERMS_BY_NAME":
		return s.hasPermsByName(str)
	}
	return types.Null
}

// hasPermsByName is HAS_PERMS_BY_NAME(securable, class, permission).
func (s *Session) hasPermsByName(str func(int) (string, bool)) types.Value {
	sec, _ := str(0)
	class, _ := str(1)
	perm, _ := str(2)
	perm = strings.ToUpper(strings.Join(strings.Fields(perm), " "))
	switch strings.ToUpper(class) {
	case "SERVER":
		if s.secSysAdmin() {
			return intVal(1)
		}
		switch perm {
		case "CREATE ANY DATABASE":
			return intVal(b2i(s.serverRole("dbcreator")))
		case "ALTER ANY LOGIN":
			return intVal(b2i(s.serverRole("securityadmin")))
		case "VIEW ANY DATABASE", "CONNECT SQL":
			return intVal(1)
		}
		return intVal(0)
	case "DATABASE":
		d := s.db
		if sec != "" {
			d = s.cat().Database(sec)
		}
		if d == nil {
			return types.Null
		}
		if s.secFast() {
			return intVal(1)
		}
		x, ok := s.subject(d)
		if !ok {
			return intVal(0)
		}
		if perm == "CONNECT" || perm == "ANY" {
			return intVal(1)
		}
		return intVal(b2i(x.dbPerm(perm)))
	case "SCHEMA":
		if _, ok := s.db.SchemaID(sec); !ok {
			return types.Null
		}
		if s.secFast() {
			return intVal(1)
		}
		x, ok := s.subject(s.db)
		if !ok {
			return intVal(0)
		}
		return intVal(b2i(x.schemaPerm(sec, perm)))
	case "OBJECT":
		n := parseObjectName(sec)
		d, o := s.lookupForPerm(n, 0)
		if o == nil {
			if _, _, found := sysobj.FindObject(s.cat(), s.db, n.Database.Name, n.Schema.Name, n.Name.Name); !found {
				return types.Null
			}
			return intVal(b2i(perm == "SELECT" || perm == "ANY" || s.secFast()))
		}
		if s.secFast() {
			return intVal(1)
		}
		x, ok := s.subject(d)
		if !ok {
			return intVal(0)
		}
		if perm == "ANY" {
			for _, p := range []string{"SELECT", "INSERT", "UPDATE", "DELETE", "EXECUTE", "REFERENCES", "ALTER", "CONTROL"} {
				if x.objectPerm(o, p, 0) {
					return intVal(1)
				}
			}
			return intVal(0)
		}
		return intVal(b2i(x.objectPerm(o, perm, 0)))
	}
	return types.Null
}
