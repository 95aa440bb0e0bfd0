package plan

import (
	"testing"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

func TestCacheLRU(t *testing.T) {
	c := NewCache(2)
	k := func(s string) Key { return Key{Text: s} }
	c.Put(k("a"), &Entry{})
	c.Put(k("b"), &Entry{})
	if c.Get(k("a")) == nil { // a is now most recent
		t.Fatal("a missing")
	}
	c.Put(k("c"), &Entry{})
	if c.Get(k("b")) != nil {
		t.Fatal("b should have been evicted")
	}
	if c.Get(k("a")) == nil || c.Get(k("c")) == nil {
		t.Fatal("a or c evicted")
	}
	if c.Get(Key{Text: "a", Opts: 1}) != nil {
		t.Fatal("options are part of the key")
	}
	e := &Entry{}
	var st ast.Stmt = &ast.SelectStmt{}
	e.SetBound(st, 7, "plan")
	if e.Bound(st, 7) != "plan" || e.Bound(st, 8) != nil {
		t.Fatal("bound plan must be tied to the catalog version")
	}
}

func scan(name string, n int) *sem.Scan {
	cols := make([]sem.Column, n)
	for i := range cols {
		cols[i] = sem.Column{Name: name + string(rune('a'+i)), Type: types.Type{ID: types.Int}, Table: name}
	}
	return &sem.Scan{Table: sem.TableRef{Obj: &catalog.Object{Name: name, Table: &catalog.Table{}}}, Out: cols}
}

func col(i int) sem.Expr { return &sem.ColRef{T: types.Type{ID: types.Int}, Idx: i} }

func eq(a, b sem.Expr) sem.Expr {
	return &sem.Compare{CmpT: types.Type{ID: types.Int}, Op: ast.OpEq, L: a, R: b}
}

func and(a, b sem.Expr) sem.Expr { return &sem.Logic{And: true, L: a, R: b} }

// TestOptimizeJoin: FROM t1, t2, t3 WHERE t1.a = t3.a AND t2.b = t3.b AND
// t1.b = 5 becomes hash joins (no cross product), the constant filter is
// pushed onto t1, and the output keeps the binder's column order.
func TestOptimizeJoin(t *testing.T) {
	t1, t2, t3 := scan("t1", 2), scan("t2", 2), scan("t3", 2)
	j12 := &sem.Join{Kind: ast.JoinCross, L: t1, R: t2, Out: append(append([]sem.Column(nil), t1.Out...), t2.Out...)}
	j := &sem.Join{Kind: ast.JoinCross, L: j12, R: t3, Out: append(append([]sem.Column(nil), j12.Out...), t3.Out...)}
	five := &sem.Const{T: types.Type{ID: types.Int}, V: types.Value{K: types.KindInt, I: 5}}
	where := and(and(eq(col(0), col(4)), eq(col(3), col(5))), eq(col(1), five))
	rel := Optimize(&sem.Filter{In: j, Cond: where})
	var hashJoins, crossJoins, pushed int
	var walk func(r sem.Rel)
	walk = func(r sem.Rel) {
		switch x := r.(type) {
		case *HashJoin:
			hashJoins++
			walk(x.L)
			walk(x.R)
		case *sem.Join:
			crossJoins++
			walk(x.L)
			walk(x.R)
		case *sem.Filter:
			if _, ok := x.In.(*sem.Scan); ok {
				pushed++
			}
			walk(x.In)
		case *sem.Project:
			walk(x.In)
		}
	}
	walk(rel)
	if hashJoins != 2 || crossJoins != 0 || pushed != 1 {
		t.Fatalf("hash joins %d, cross joins %d, pushed filters %d", hashJoins, crossJoins, pushed)
	}
	if got := len(rel.Cols()); got != 6 {
		t.Fatalf("columns %d", got)
	}
	for i, c := range rel.Cols() {
		if c.Name != j.Out[i].Name {
			t.Fatalf("column %d is %s, want %s (binder order)", i, c.Name, j.Out[i].Name)
		}
	}
}
