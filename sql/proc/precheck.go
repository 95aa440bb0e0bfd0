package proc

import (
	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/types"
)

// compileErrors are binding errors SQL Server reports while compiling a
// batch, before any statement runs. A missing table (208) is not among
// them: name resolution of missing objects is deferred to execution.
var compileErrors = map[int32]bool{207: true, 209: true, 4104: true, 137: true, 8120: true, 147: true, 144: true, 145: true, 116: true, 205: true, 130: true}

// precheck binds the queries of a batch against the current catalog the
// way SQL Server compiles a batch: a statement whose tables exist but
// whose columns, variables or grouping are wrong fails the whole batch
// before anything runs. Statements naming missing objects are skipped
// (deferred name resolution). Variables are declared in text order in a
// scratch frame; USE switches the database for the statements after it.
func (s *Session) precheck(stmts []ast.Stmt) *msgs.Error {
	if m := gotoCheck(stmts); m != nil {
		return m
	}
	savedFrame, savedDB := s.frame, s.db
	s.frame = newFrame(nil)
	defer func() { s.frame, s.db = savedFrame, savedDB }()
	var walk func(list []ast.Stmt) (*msgs.Error, bool)
	check := func(st ast.Stmt, q *ast.Query) *msgs.Error {
		b, _ := s.binder(st.NodeSpan().Line)
		if _, err := b.BindQuery(q); err != nil && compileErrors[err.Number] {
			return err
		}
		return nil
	}
	walk = func(list []ast.Stmt) (*msgs.Error, bool) {
		for _, st := range list {
			switch x := st.(type) {
			case *ast.UseStmt:
				d := s.cat().Database(x.Database.Name)
				if d == nil {
					return nil, false // the USE fails at run time; stop here
				}
				s.db = d
			case *ast.DeclareStmt:
				for _, v := range x.Vars {
					if v.Type == nil {
						continue
					}
					var t types.Type
					func() {
						defer func() { recover() }()
						b, _ := s.binder(0)
						t = b.ResolveType(v.Type, false)
					}()
					s.frame.declare(v.Name, t, v)
				}
			case *ast.SelectStmt:
				if sel, ok := x.Query.Body.(*ast.Select); ok && (sel.Into != nil || (len(sel.Items) > 0 && sel.Items[0].Var != "")) {
					continue
				}
				if e := check(x, x.Query); e != nil {
					return e, false
				}
			case *ast.InsertStmt:
				if x.Query != nil {
					if e := check(x, x.Query); e != nil {
						return e, false
					}
				}
			case *ast.UpdateStmt, *ast.DeleteStmt:
				if q := dmlCheckQuery(x); q != nil {
					if e := check(x, q); e != nil {
						return e, false
					}
				}
			case *ast.BlockStmt:
				if e, stop := walk(x.Stmts); e != nil || stop {
					return e, stop
				}
			case *ast.IfStmt:
				if e, stop := walk([]ast.Stmt{x.Then}); e != nil || stop {
					return e, stop
				}
				if x.Else != nil {
					if e, stop := walk([]ast.Stmt{x.Else}); e != nil || stop {
						return e, stop
					}
				}
			case *ast.WhileStmt:
				if e, stop := walk([]ast.Stmt{x.Body}); e != nil || stop {
					return e, stop
				}
			case *ast.TryCatchStmt:
				if e, stop := walk(x.Try); e != nil || stop {
					return e, stop
				}
				if e, stop := walk(x.Catch); e != nil || stop {
					return e, stop
				}
			case *ast.AlterTableStmt, *ast.DropStmt, *ast.CreateTableStmt, *ast.CreateViewStmt, *ast.ExecStmt:
				// Later statements may see a different schema (or a
				// procedure may change it): SQL Server recompiles them
				// at execution, so stop checking.
				return nil, true
			}
		}
		return nil, false
	}
	e, _ := walk(stmts)
	return e
}

// dmlCheckQuery is a SELECT that binds what an UPDATE or DELETE on one
// named table binds — its SET targets, values, @variables and WHERE — so
// that precheck finds their compile errors (207, 4104, 137 …) before the
// batch runs. Forms with FROM, a CTE or WHERE CURRENT OF are left to run
// time (nil).
func dmlCheckQuery(st ast.Stmt) *ast.Query {
	var (
		target ast.TableExpr
		where  ast.Expr
		items  []*ast.SelectItem
	)
	switch x := st.(type) {
	case *ast.UpdateStmt:
		if x.With != nil || len(x.From) > 0 || x.CurrentOf != nil {
			return nil
		}
		target, where = x.Target, x.Where
		for _, sc := range x.Set {
			if sc.Column != nil {
				items = append(items, &ast.SelectItem{Expr: sc.Column})
			}
			if sc.Var != "" {
				items = append(items, &ast.SelectItem{Expr: &ast.VarRef{Span: sc.Span, Name: sc.Var}})
			}
			if sc.Value != nil {
				if _, isDefault := sc.Value.(*ast.DefaultExpr); !isDefault {
					items = append(items, &ast.SelectItem{Expr: sc.Value})
				}
			}
		}
	case *ast.DeleteStmt:
		if x.With != nil || len(x.From) > 0 || x.CurrentOf != nil {
			return nil
		}
		target, where = x.Target, x.Where
		items = []*ast.SelectItem{{Expr: &ast.Star{}}}
	default:
		return nil
	}
	if _, ok := target.(*ast.NamedTable); !ok || len(items) == 0 {
		return nil
	}
	return &ast.Query{Body: &ast.Select{Items: items, From: []ast.TableExpr{target}, Where: where}}
}
