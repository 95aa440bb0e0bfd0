package catalog

import (
	"testing"

	"github.com/tsqld/tsqld/storage/mem"
)

func TestSecurityModel(t *testing.T) {
	e := mem.Open()
	txn := begin(t, e)
	defer txn.Rollback()
	c := New()
	if err := c.Bootstrap(txn, "SQL_Latin1_General_CP1_CI_AS", "pw"); err != nil {
		t.Fatal(err)
	}
	d, err := c.CreateDatabase(txn, "app", "SQL_Latin1_General_CP1_CI_AS")
	if err != nil {
		t.Fatal(err)
	}
	u, err := c.AddDBUser(txn, d, User{Name: "u1", Login: "l1"})
	if err != nil || u.ID != firstUserPrincipalID {
		t.Fatalf("user: %+v %v", u, err)
	}
	r, err := c.AddRole(txn, d, Role{Name: "r1"})
	if err != nil || r.ID != u.ID+1 {
		t.Fatalf("role id %d after user %d: %v", r.ID, u.ID, err)
	}
	if u2, _ := c.AddDBUser(txn, d, User{Name: "u2"}); u2.ID != r.ID+1 {
		t.Fatalf("user after role got id %d", u2.ID)
	}
	// A snapshot taken before a change keeps its view (copy-on-write).
	before := c.Security(d)
	if changed, _ := c.SetRoleMember(txn, d, "r1", "u1", true); !changed {
		t.Fatal("membership not added")
	}
	if changed, _ := c.SetRoleMember(txn, d, "R1", "U1", true); changed {
		t.Fatal("duplicate membership added")
	}
	if len(before.Members) != 0 || len(c.Security(d).Members) != 1 {
		t.Fatalf("members before %v after %v", before.Members, c.Security(d).Members)
	}
	// GRANT then DENY of the same permission leaves one DENY row; REVOKE
	// GRANT OPTION FOR turns W into G; REVOKE removes.
	p := Perm{Class: PermObject, Major: 100, Grantee: "u1", Perm: "SELECT", State: PermGrant}
	c.SetPerm(txn, d, p, false)
	p.State = PermDeny
	c.SetPerm(txn, d, p, false)
	if ps := c.Security(d).Perms; len(ps) != 1 || ps[0].State != PermDeny {
		t.Fatalf("grant then deny: %+v", ps)
	}
	p.State = PermGrantWithGrant
	c.SetPerm(txn, d, p, false)
	p.State = 0
	c.SetPerm(txn, d, p, true)
	if ps := c.Security(d).Perms; len(ps) != 1 || ps[0].State != PermGrant {
		t.Fatalf("revoke grant option: %+v", ps)
	}
	c.SetPerm(txn, d, p, false)
	if ps := c.Security(d).Perms; len(ps) != 0 {
		t.Fatalf("revoke: %+v", ps)
	}
	// Dropping a principal removes its memberships and permissions.
	p.State = PermGrant
	c.SetPerm(txn, d, p, false)
	if err := c.DropPrincipal(txn, d, "U1"); err != nil {
		t.Fatal(err)
	}
	s := c.Security(d)
	if s.User("u1") != nil || len(s.Members) != 0 || len(s.Perms) != 0 {
		t.Fatalf("after drop: %+v", s)
	}
	l := &Login{Name: "x", ServerRoles: []string{"dbcreator"}}
	if !l.InServerRole("DBCREATOR") || !l.InServerRole("public") || l.InServerRole("sysadmin") {
		t.Fatal("InServerRole")
	}
}
