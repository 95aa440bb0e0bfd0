package proc

import "github.com/tsqld/tsqld/sql/ast"

// This file sorts after sys_procs.go so that its init runs after the
// sysProcs map exists.

// Security-related system procedures.
func init() {
	sysProcs["sp_addrolemember"] = &sysProc{[]string{"@rolename", "@membername"}, spRoleMember(true)}
	sysProcs["sp_droprolemember"] = &sysProc{[]string{"@rolename", "@membername"}, spRoleMember(false)}
	sysProcs["sp_addsrvrolemember"] = &sysProc{[]string{"@loginame", "@rolename"}, spSrvRoleMember(true)}
	sysProcs["sp_dropsrvrolemember"] = &sysProc{[]string{"@loginame", "@rolename"}, spSrvRoleMember(false)}
}

func spRoleMember(add bool) func(c *sysCall) *stmtError {
	return func(c *sysCall) *stmtError {
		s := c.s
		if serr := s.checkSecurityAdmin(&ast.CreateRoleStmt{}); !s.secFast() && serr != nil {
			return serr
		}
		role, member := c.str(0), c.str(1)
		snap := s.cat().Security(s.db)
		if !isRoleName(&snap, role) {
			return msgErr(15410, role)
		}
		if _, ok := principalID(&snap, member); !ok {
			return msgErr(15410, member)
		}
		return s.setDBRole(c.ctx, &snap, role, member, add)
	}
}

func spSrvRoleMember(add bool) func(c *sysCall) *stmtError {
	return func(c *sysCall) *stmtError {
		if !c.s.serverRole("securityadmin") && !c.s.serverRole("sysadmin") {
			return msgErr(15247)
		}
		return c.s.setServerRole(c.ctx, c.str(1), c.str(0), add)
	}
}
