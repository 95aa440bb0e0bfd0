package sem

import (
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/sysobj"
	"github.com/tsqld/tsqld/sql/types"
)

// systemFunc binds a call of a system table-valued function in FROM
// (fn_helpcollations() or sys.fn_helpcollations(), optionally
// database-qualified) as a SystemScan of its sysobj definition; nil when
// the call names none.
func (b *Binder) systemFunc(s *scope, te *ast.FuncTable) Rel {
	if te.Call == nil || te.Call.Name.Server.Name != "" {
		return nil
	}
	n := &te.Call.Name
	v := sysobj.Function(n.Schema.Name, n.Name.Name)
	if v == nil || (n.Database.Name != "" && n.Schema.Name == "") {
		return nil
	}
	if n.Database.Name != "" {
		b.resolveDB(n)
	}
	if len(te.Call.Args) > v.Params {
		b.fail(te.Call, 8144, v.Name)
	}
	if len(te.Call.Args) < v.Params {
		b.fail(te.Call, 313, v.Name)
	}
	alias := te.Alias.Name
	if alias == "" {
		alias = v.Name
	}
	coll := b.env.DefaultCollation()
	cols := make([]Column, len(v.Cols))
	for i, c := range v.Cols {
		t := c.Type
		if sysobj.IsStringType(t) {
			t.Collation = coll
		}
		cols[i] = Column{Name: c.Name, Type: t, Nullable: c.Nullable, Schema: v.Schema}
	}
	var src Rel = &SystemScan{View: v, Out: cols}
	if v.ArgValues {
		// The rows depend on the arguments (fn_listextendedproperty):
		// they are passed to the view as values, NULL or DEFAULT alike.
		ss := src.(*SystemScan)
		for _, a := range te.Call.Args {
			if _, isDefault := a.(*ast.DefaultExpr); isDefault {
				ss.Args = append(ss.Args, &Const{T: NVarChar(128), V: types.Null})
				continue
			}
			ss.Args = append(ss.Args, b.expr(&scope{parent: s.parent}, a))
		}
	} else if v.Params == 1 {
		// sys.dm_exec_cursors(session_id | 0): rows of that session, or
		// of every session for 0.
		arg := Conv(b.expr(&scope{parent: s.parent}, te.Call.Args[0]), IntType)
		zero := &Const{T: IntType, V: types.Value{K: types.KindInt}}
		sid := &ColRef{T: cols[0].Type, Idx: 0, Name: cols[0].Name}
		src = &Filter{In: src, Cond: &Logic{
			L: &Compare{CmpT: IntType, Op: ast.OpEq, L: arg, R: zero},
			R: &Compare{CmpT: IntType, Op: ast.OpEq, L: sid, R: arg}}}
	}
	r := b.aliasRel(s, te, src, alias, te.Columns)
	if te.Alias.Name == "" && n.Schema.Name != "" {
		s.tables[len(s.tables)-1].schema = strings.ToLower(n.Schema.Name)
	}
	return r
}
