package proc

import (
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/msgs"
)

// permCheck checks a statement's permissions for a non-sysadmin context
// (sysadmin returns at the first test). Statements inside modules are not
// checked: every module is owned by dbo, so SQL Server's ownership chain
// covers the objects they use.
func (s *Session) permCheck(st ast.Node, rc *runCtx) *stmtError {
	if s.secFast() || rc.inProc {
		return nil
	}
	line := st.NodeSpan().Line
	switch x := st.(type) {
	case *ast.SelectStmt:
		return s.checkRefs(x, nil, "", line)
	case *ast.InsertStmt:
		return s.checkRefs(x, x.Target, "INSERT", line)
	case *ast.UpdateStmt:
		return s.checkRefs(x, x.Target, "UPDATE", line)
	case *ast.DeleteStmt:
		return s.checkRefs(x, x.Target, "DELETE", line)
	case *exprStmt: // IF/WHILE conditions, RETURN values
		return s.checkRefs(x.x, nil, "", line)
	case *ast.SetVarStmt, *ast.DeclareStmt, *ast.DeclareCursorStmt, *ast.PrintStmt:
		return s.checkRefs(x, nil, "", line)
	case *ast.MergeStmt:
		// MERGE needs the permission of every action it may take.
		for _, p := range mergePerms(x) {
			if serr := s.checkRefs(x, x.Target, p, line); serr != nil {
				return serr
			}
		}
		return nil
	case *ast.TruncateStmt:
		return s.checkRefs(x, &ast.NamedTable{Name: x.Table}, "ALTER", line)
	case *ast.ExecStmt:
		if x.Dynamic != nil || x.ProcVar != "" || lookupSysProc(&x.Proc) != nil {
			return nil
		}
		return s.checkObject(&x.Proc, "EXECUTE", line)
	case *ast.CreateTableStmt:
		return s.checkCreate("CREATE TABLE", x.Name.Schema.Name, x.Name.Name.Name)
	case *ast.CreateViewStmt:
		return s.checkCreate("CREATE VIEW", x.Name.Schema.Name, "")
	case *ast.CreateProcStmt:
		return s.checkCreate("CREATE PROCEDURE", x.Name.Schema.Name, "")
	case *ast.CreateFunctionStmt:
		return s.checkCreate("CREATE FUNCTION", x.Name.Schema.Name, "")
	case *ast.CreateTypeStmt:
		return s.checkCreate("CREATE TYPE", x.Name.Schema.Name, "")
	case *ast.CreateSchemaStmt:
		return s.checkCreate("CREATE SCHEMA", "", "")
	case *ast.DropStmt:
		return s.checkDrop(x, line)
	case *ast.AlterTableStmt:
		return s.checkAlter(&x.Table, line)
	case *ast.CreateDatabaseStmt:
		if !s.serverRole("dbcreator") {
			return msgErr(262, "CREATE DATABASE", "master")
		}
	case *ast.CreateLoginStmt:
		if !s.serverRole("securityadmin") {
			return msgErr(15247)
		}
	case *ast.CreateUserStmt, *ast.CreateRoleStmt, *ast.GrantStmt:
		return s.checkSecurityAdmin(x)
	}
	return nil
}

// checkSecurityAdmin allows the database security statements to dbo,
// db_owner, db_securityadmin (roles, permissions) and db_accessadmin
// (users); ALTER SERVER ROLE needs securityadmin.
func (s *Session) checkSecurityAdmin(st ast.Node) *stmtError {
	if r, ok := st.(*ast.CreateRoleStmt); ok && r.Server {
		if !s.serverRole("securityadmin") {
			return msgErr(15247)
		}
		return nil
	}
	x, ok := s.subject(s.db)
	if !ok {
		return msgErr(916, s.secLogin(), s.db.Name)
	}
	if x.owner() || x.set["db_securityadmin"] {
		return nil
	}
	if _, isUser := st.(*ast.CreateUserStmt); isUser && x.set["db_accessadmin"] {
		return nil
	}
	if g, ok := st.(*ast.GrantStmt); ok {
		// A grantee may pass on what it holds WITH GRANT OPTION.
		if s.hasGrantOption(x, g) {
			return nil
		}
	}
	return msgErr(15247)
}

// hasGrantOption reports whether the subject holds every permission of
// g on its securable WITH GRANT OPTION.
func (s *Session) hasGrantOption(x *secSubject, g *ast.GrantStmt) bool {
	if g.On == nil {
		return false
	}
	_, o := s.lookupForPerm(g.On, 0)
	if o == nil {
		return false
	}
	for _, p := range g.Permissions {
		found := false
		for _, q := range x.snap.Perms {
			if q.Class == catalog.PermObject && q.Major == o.ID && q.Perm == p.Name && q.State == catalog.PermGrantWithGrant && x.set[strings.ToLower(q.Grantee)] {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// checkCreate checks CREATE <kind> in the database and ALTER on the
// target schema (262 when the database permission is missing).
func (s *Session) checkCreate(perm, schema, _ string) *stmtError {
	x, ok := s.subject(s.db)
	if !ok {
		return msgErr(916, s.secLogin(), s.db.Name)
	}
	if !x.dbPerm(perm) {
		return msgErr(262, perm, s.db.Name)
	}
	if schema == "" {
		schema = s.defaultSchema(s.db) // default_schema.go
	}
	if perm != "CREATE SCHEMA" && !x.schemaPerm(schema, "ALTER") {
		return stmtErr(msgs.New(2760, schema))
	}
	return nil
}

// lookupForPerm resolves a securable name; temp tables and objects of the
// sys and INFORMATION_SCHEMA schemas are nil (not checked: public reads
// the catalog views, and a session owns its temp tables).
func (s *Session) lookupForPerm(n *ast.ObjectName, line int32) (*catalog.Database, *catalog.Object) {
	if strings.HasPrefix(n.Name.Name, "#") || strings.EqualFold(n.Schema.Name, "sys") || strings.EqualFold(n.Schema.Name, "INFORMATION_SCHEMA") {
		return nil, nil
	}
	b, _ := s.binder(line)
	d, o := b.LookupObject(n)
	if d == nil || o == nil || d.ID == catalog.TempDBID {
		return nil, nil
	}
	return d, o
}

// checkObject checks one permission on a named object.
func (s *Session) checkObject(n *ast.ObjectName, perm string, line int32) *stmtError {
	d, o := s.lookupForPerm(n, line)
	if o == nil {
		return nil
	}
	x, ok := s.subject(d)
	if !ok {
		return msgErr(916, s.secLogin(), d.Name)
	}
	if !x.objectPerm(o, perm, 0) {
		return msgErr(229, perm, o.Name, d.Name, o.Schema)
	}
	return nil
}

// refCollector gathers the tables a statement reads, the column names it
// mentions and its CTE names.
type refCollector struct {
	tables []*ast.NamedTable
	cols   map[string]bool
	star   bool
	ctes   map[string]bool
}

func (r *refCollector) Visit(n ast.Node) ast.Visitor {
	switch x := n.(type) {
	case *ast.NamedTable:
		r.tables = append(r.tables, x)
	case *ast.ColumnRef:
		r.cols[strings.ToLower(x.Name.Name)] = true
	case *ast.Star:
		r.star = true
	case *ast.CTE:
		r.ctes[strings.ToLower(x.Name.Name)] = true
	}
	return r
}

// checkRefs checks SELECT on every table a statement reads and perm on
// its DML target (a target named by its FROM alias is resolved).
func (s *Session) checkRefs(st ast.Node, target ast.TableExpr, perm string, line int32) *stmtError {
	if st == nil {
		return nil
	}
	r := &refCollector{cols: map[string]bool{}, ctes: map[string]bool{}}
	ast.Walk(r, st)
	var tgt *ast.NamedTable
	if nt, ok := target.(*ast.NamedTable); ok {
		tgt = nt
		if nt.Name.Schema.Name == "" && nt.Name.Database.Name == "" {
			for _, t := range r.tables {
				if t != nt && strings.EqualFold(t.Alias.Name, nt.Name.Name.Name) {
					tgt = t
				}
			}
		}
	}
	seen := map[*catalog.Object]bool{}
	for _, t := range r.tables {
		if t.Name.Schema.Name == "" && t.Name.Database.Name == "" && r.ctes[strings.ToLower(t.Name.Name.Name)] {
			continue
		}
		if t == target && tgt != t {
			continue // the alias: checked through the FROM item
		}
		d, o := s.lookupForPerm(&t.Name, line)
		if o == nil {
			continue
		}
		x, ok := s.subject(d)
		if !ok {
			return msgErr(916, s.secLogin(), d.Name)
		}
		if t == tgt {
			if u, ok := st.(*ast.UpdateStmt); ok && o.Table != nil && x.hasColumnGrants(o, "UPDATE") {
				// Column permissions: each SET column decides (230).
				for _, sc := range u.Set {
					if sc.Column == nil {
						continue
					}
					for i, c := range o.Table.Columns {
						if strings.EqualFold(c.Name, sc.Column.Name.Name) && !x.objectPerm(o, "UPDATE", int32(i+1)) {
							return msgErr(230, "UPDATE", c.Name, o.Name, d.Name, o.Schema)
						}
					}
				}
			} else if !x.objectPerm(o, perm, 0) {
				return msgErr(229, perm, o.Name, d.Name, o.Schema)
			}
			if _, isInsert := st.(*ast.InsertStmt); isInsert {
				continue
			}
		}
		if seen[o] {
			continue
		}
		seen[o] = true
		if serr := s.checkSelect(x, d, o, r); serr != nil {
			return serr
		}
	}
	return nil
}

// checkSelect checks SELECT on o: table level, then (when columns carry
// their own permissions or denials) per referenced column (230).
func (s *Session) checkSelect(x *secSubject, d *catalog.Database, o *catalog.Object, r *refCollector) *stmtError {
	tableOK := x.objectPerm(o, "SELECT", 0)
	if o.Table == nil {
		if !tableOK {
			return msgErr(229, "SELECT", o.Name, d.Name, o.Schema)
		}
		return nil
	}
	colGrants := x.hasColumnGrants(o, "SELECT")
	if !tableOK && !colGrants {
		return msgErr(229, "SELECT", o.Name, d.Name, o.Schema)
	}
	if !colGrants && tableOK {
		return nil
	}
	g, dn := x.fixedRole("SELECT")
	for i, c := range o.Table.Columns {
		if !r.star && !r.cols[strings.ToLower(c.Name)] {
			continue
		}
		if x.owner() || (g && !dn && tableOK && !x.colDenied(o, int32(i+1))) {
			continue
		}
		if !x.objectPerm(o, "SELECT", int32(i+1)) && !(tableOK && !x.colDenied(o, int32(i+1))) {
			return msgErr(230, "SELECT", c.Name, o.Name, d.Name, o.Schema)
		}
	}
	return nil
}

// colDenied reports a column-level DENY.
func (x *secSubject) colDenied(o *catalog.Object, col int32) bool {
	_, d := x.permState(catalog.PermObject, o.ID, col, "SELECT")
	return d
}

// dropKindNames are the %S_MSG words of 3701 by object kind.
var dropKindNames = map[ast.ObjectKind]string{ast.ObjTable: "table", ast.ObjView: "view", ast.ObjProcedure: "procedure", ast.ObjFunction: "function"}

// checkDrop needs CONTROL or ALTER on the object (ALTER on its schema
// included); without it the object is reported as missing (3701).
func (s *Session) checkDrop(x *ast.DropStmt, line int32) *stmtError {
	kind, ok := dropKindNames[x.Kind]
	if !ok {
		return nil
	}
	for i := range x.Names {
		d, o := s.lookupForPerm(&x.Names[i], line)
		if o == nil {
			continue
		}
		sub, ok := s.subject(d)
		if !ok || !sub.objectPerm(o, "ALTER", 0) {
			return msgErr(3701, "drop", kind, objText(&x.Names[i]))
		}
	}
	return nil
}

// checkAlter needs ALTER on a table (4902 says it cannot be found).
func (s *Session) checkAlter(n *ast.ObjectName, line int32) *stmtError {
	d, o := s.lookupForPerm(n, line)
	if o == nil {
		return nil
	}
	if sub, ok := s.subject(d); !ok || !sub.objectPerm(o, "ALTER", 0) {
		return msgErr(4902, objText(n))
	}
	return nil
}

// mergePerms lists the DML permissions a MERGE's WHEN clauses need.
func mergePerms(x *ast.MergeStmt) []string {
	var out []string
	seen := map[string]bool{}
	for _, w := range x.Whens {
		p := "UPDATE"
		switch w.Action {
		case ast.MergeInsert:
			p = "INSERT"
		case ast.MergeDelete:
			p = "DELETE"
		}
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}
