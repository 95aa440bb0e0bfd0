package sysobj

import (
	"strings"

	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/types"
)

// dbPrincipalID resolves a database principal name (fixed principals and
// roles, users, user-defined roles) to its principal_id; -1 if unknown.
func dbPrincipalID(snap *catalog.SecSnapshot, name string) int64 {
	for _, p := range dbPrincipals {
		if strings.EqualFold(p.name, name) {
			return int64(p.id)
		}
	}
	if u := snap.User(name); u != nil {
		return int64(u.ID)
	}
	if r := snap.Role(name); r != nil {
		return int64(r.ID)
	}
	return -1
}

// userPrincipalRows are the database_principals rows of CREATE USER and
// CREATE ROLE.
func userPrincipalRows(c *Ctx) [][]types.Value {
	snap := c.Cat.Security(c.DB)
	var rows [][]types.Value
	for _, u := range snap.Users {
		sid, auth, authDesc := vN, int64(0), "NONE"
		if u.Login != "" {
			sid, auth, authDesc = vBin(sidOf(LoginPrincipal(c.Cat, u.Login))), 1, "INSTANCE"
		}
		schema := u.DefaultSchema
		if schema == "" {
			schema = "dbo"
		}
		rows = append(rows, []types.Value{vS(u.Name), vI(int64(u.ID)), vS("S"), vS("SQL_USER"), vS(schema), vT(c.DB.Created),
			vT(c.DB.Created), vN, sid, vB(false), vI(auth), vS(authDesc), vN, vN, vB(false)})
	}
	for _, r := range snap.Roles {
		owner := int64(1)
		if r.Owner != "" {
			owner = dbPrincipalID(&snap, r.Owner)
		}
		rows = append(rows, []types.Value{vS(r.Name), vI(int64(r.ID)), vS("R"), vS("DATABASE_ROLE"), vN, vT(c.DB.Created),
			vT(c.DB.Created), vI(owner), vN, vB(false), vI(0), vS("NONE"), vN, vN, vB(false)})
	}
	return rows
}

// permTypes are sys.database_permissions.type codes.
var permTypes = map[string]string{
	"SELECT": "SL", "INSERT": "IN", "UPDATE": "UP", "DELETE": "DL", "EXECUTE": "EX", "REFERENCES": "RF",
	"ALTER": "AL", "CONTROL": "CL", "CONNECT": "CO", "VIEW DEFINITION": "VW", "TAKE OWNERSHIP": "TO",
	"CREATE TABLE": "CRTB", "CREATE VIEW": "CRVW", "CREATE PROCEDURE": "CRPR", "CREATE FUNCTION": "CRFN",
	"CREATE SCHEMA": "CRSM", "CREATE TYPE": "CRTY", "CREATE SYNONYM": "CRSN", "CREATE SEQUENCE": "CRSO",
	"ALTER ANY USER": "ALUS", "ALTER ANY ROLE": "ALRL", "ALTER ANY SCHEMA": "ALSM", "SHOWPLAN": "SPLN",
	"VIEW DATABASE STATE": "VWDS", "EXECUTE ANY EXTERNAL SCRIPT": "EAES",
}

var permStateDesc = map[byte]string{catalog.PermGrant: "GRANT", catalog.PermDeny: "DENY", catalog.PermGrantWithGrant: "GRANT_WITH_GRANT_OPTION"}

var permClassDesc = map[int8]string{catalog.PermDatabase: "DATABASE", catalog.PermObject: "OBJECT_OR_COLUMN", catalog.PermSchema: "SCHEMA"}

func init() {
	define("sys", "database_permissions", `
class tinyint
class_desc nvarchar(60) null
major_id int
minor_id int
grantee_principal_id int
grantor_principal_id int
type char(4)
permission_name nvarchar(128) null
state char(1)
state_desc nvarchar(60) null`, func(c *Ctx) [][]types.Value {
		snap := c.Cat.Security(c.DB)
		// CONNECT of dbo and of every user mapped to a login, as CREATE
		// USER grants it.
		rows := [][]types.Value{{vI(0), vS("DATABASE"), vI(0), vI(0), vI(1), vI(1), vS("CO"), vS("CONNECT"), vS("G"), vS("GRANT")}}
		for _, u := range snap.Users {
			if u.Login != "" {
				rows = append(rows, []types.Value{vI(0), vS("DATABASE"), vI(0), vI(0), vI(int64(u.ID)), vI(1), vS("CO"), vS("CONNECT"), vS("G"), vS("GRANT")})
			}
		}
		for _, p := range snap.Perms {
			if p.Class == catalog.PermObject && c.Cat.ObjectByID(c.DB, p.Major) == nil {
				continue // the object was dropped (ids are never reused)
			}
			grantor := int64(1)
			if p.Grantor != "" {
				if id := dbPrincipalID(&snap, p.Grantor); id >= 0 {
					grantor = id
				}
			}
			typ := permTypes[p.Perm]
			if typ == "" {
				typ = p.Perm
				if len(typ) > 4 {
					typ = typ[:4]
				}
			}
			rows = append(rows, []types.Value{vI(int64(p.Class)), vS(permClassDesc[p.Class]), vI(int64(p.Major)), vI(int64(p.Minor)),
				vI(dbPrincipalID(&snap, p.Grantee)), vI(grantor), vS(typ), vS(p.Perm), vS(string([]byte{p.State})), vS(permStateDesc[p.State])})
		}
		return rows
	})
	define("sys", "database_role_members", `
role_principal_id int
member_principal_id int`, func(c *Ctx) [][]types.Value {
		snap := c.Cat.Security(c.DB)
		rows := [][]types.Value{{vI(16384), vI(1)}} // dbo is in db_owner
		for _, m := range snap.Members {
			r, u := dbPrincipalID(&snap, m.Role), dbPrincipalID(&snap, m.Member)
			if r >= 0 && u >= 0 {
				rows = append(rows, []types.Value{vI(r), vI(u)})
			}
		}
		return rows
	})
	defineServer("sys", "server_role_members", `
role_principal_id int
member_principal_id int`, func(c *Ctx) [][]types.Value {
		var rows [][]types.Value
		for _, l := range c.Cat.Logins() {
			id := int64(LoginPrincipal(c.Cat, l.Name))
			for _, r := range serverRoles {
				if r.id != 2 && l.InServerRole(r.name) {
					rows = append(rows, []types.Value{vI(int64(r.id)), vI(id)})
				}
			}
		}
		return rows
	})
}
