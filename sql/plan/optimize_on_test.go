package plan

import (
	"testing"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

// TestOptimizeWhereOverJoinOn: FROM t1 JOIN t2 ON t2.a = t1.b WHERE
// t1.a = 5 pushes the WHERE conjunct onto t1's scan (where the executor
// seeks) instead of leaving it above the hash join.
func TestOptimizeWhereOverJoinOn(t *testing.T) {
	t1, t2 := scan("t1", 2), scan("t2", 2)
	j := &sem.Join{Kind: ast.JoinInner, L: t1, R: t2, On: eq(col(2), col(1)), Out: append(append([]sem.Column(nil), t1.Out...), t2.Out...)}
	five := &sem.Const{T: types.Type{ID: types.Int}, V: types.Value{K: types.KindInt, I: 5}}
	rel := Optimize(&sem.Filter{In: j, Cond: eq(col(0), five)})
	if f, ok := rel.(*sem.Filter); ok {
		t.Fatalf("WHERE left above the join: %T over %T", f, f.In)
	}
	var hashJoins, pushed int
	var walk func(r sem.Rel)
	walk = func(r sem.Rel) {
		switch x := r.(type) {
		case *HashJoin:
			hashJoins++
			walk(x.L)
			walk(x.R)
		case *sem.Filter:
			if s, ok := x.In.(*sem.Scan); ok && s == t1 {
				pushed++
			}
			walk(x.In)
		case *sem.Project:
			walk(x.In)
		}
	}
	walk(rel)
	if hashJoins != 1 || pushed != 1 {
		t.Fatalf("hash joins %d, filters pushed onto t1 %d", hashJoins, pushed)
	}
}
