package parser

import (
	"reflect"
	"testing"

	"github.com/tsqld/tsqld/sql/ast"
)

var nodeType = reflect.TypeOf((*ast.Node)(nil)).Elem()

// countNodes counts, by reflection, every pointer-to-struct node reachable
// from v: the set the generated walker must visit.
func countNodes(v reflect.Value) int {
	switch v.Kind() {
	case reflect.Interface:
		if v.IsNil() {
			return 0
		}
		return countNodes(v.Elem())
	case reflect.Pointer:
		if v.IsNil() {
			return 0
		}
		n := 0
		if v.Type().Implements(nodeType) && v.Elem().Kind() == reflect.Struct {
			n = 1
		}
		return n + countNodes(v.Elem())
	case reflect.Struct:
		n := 0
		for i := 0; i < v.NumField(); i++ {
			n += countNodes(v.Field(i))
		}
		return n
	case reflect.Slice:
		n := 0
		for i := 0; i < v.Len(); i++ {
			n += countNodes(v.Index(i))
		}
		return n
	}
	return 0
}

func TestWalkVisitsEveryNode(t *testing.T) {
	check := func(name, text string) {
		stmts, err := ParseBatch(text, Options{})
		if err != nil {
			return
		}
		for _, s := range stmts {
			walked := 0
			ast.Inspect(s, func(ast.Node) bool { walked++; return true })
			if want := countNodes(reflect.ValueOf(s)); walked != want {
				t.Errorf("%s: walked %d nodes, tree has %d\n%s", name, walked, want, ast.String(s))
			}
		}
	}
	for name, batches := range sampleBatches(t) {
		for _, b := range batches {
			check(name, b)
		}
	}
	for _, c := range walkSamples {
		check("sample", c)
	}
}

var walkSamples = []string{
	"MERGE INTO t AS tgt USING s ON tgt.id = s.id WHEN MATCHED AND s.x = 1 THEN UPDATE SET a = s.a WHEN NOT MATCHED THEN INSERT (a) VALUES (s.a) OUTPUT $action INTO @l;",
	"WITH c(n) AS (SELECT 1) SELECT ROW_NUMBER() OVER (PARTITION BY a ORDER BY b ROWS BETWEEN 1 PRECEDING AND 2 FOLLOWING), CAST(1 AS int), CONVERT(int, 1, 1), (SELECT 1), CASE WHEN 1=1 THEN 2 ELSE 3 END FROM c CROSS APPLY f(1) AS g GROUP BY ROLLUP(a) OPTION (MAXRECURSION 0)",
	"CREATE TABLE t (a int IDENTITY(1,1) PRIMARY KEY, b AS a * 2, CONSTRAINT ck CHECK (a > 0), INDEX ix (b))",
	"DECLARE @t TABLE (a int DEFAULT 1) DECLARE c CURSOR FOR SELECT 1 FETCH NEXT FROM c INTO @a",
	"CREATE FUNCTION f() RETURNS @r TABLE (a int) AS BEGIN RETURN END",
	"BEGIN TRY EXEC p @a = 1 OUTPUT END TRY BEGIN CATCH THROW 1, 'x', 1 END CATCH",
}

func TestInspectFindsColumns(t *testing.T) {
	s := mustParse(t, "SELECT a, f(b) FROM t WHERE c IN (SELECT d FROM u) ORDER BY e")[0]
	var cols []string
	ast.Inspect(s, func(n ast.Node) bool {
		if c, ok := n.(*ast.ColumnRef); ok {
			cols = append(cols, c.Name.Name)
		}
		return true
	})
	if got := len(cols); got != 5 || cols[0] != "a" || cols[1] != "b" || cols[2] != "c" || cols[3] != "d" || cols[4] != "e" {
		t.Errorf("columns in walk order: %v", cols)
	}
	// Returning false prunes the subtree.
	n := 0
	ast.Inspect(s, func(n2 ast.Node) bool {
		n++
		_, isSub := n2.(*ast.InExpr)
		return !isSub
	})
	if n == 0 {
		t.Error("nothing visited")
	}
}
