package ast

import "testing"

func TestPrinterQuoting(t *testing.T) {
	cases := []struct {
		n    Node
		want string
	}{
		{&ColumnRef{Name: Ident{Name: "order"}}, "[order]"},
		{&ColumnRef{Name: Ident{Name: "a b"}}, "[a b]"},
		{&ColumnRef{Name: Ident{Name: "x]y", Quoted: true}}, "[x]]y]"},
		{&ColumnRef{Table: ObjectName{Database: Ident{Name: "db"}, Name: Ident{Name: "t"}}, Name: Ident{Name: "c"}}, "db..t.c"},
		{&UnaryExpr{Op: OpNeg, X: &UnaryExpr{Op: OpNeg, X: &Literal{Kind: LitInt, Text: "1"}}}, "- -1"},
		{&BinaryExpr{Op: OpSub, L: &Literal{Kind: LitInt, Text: "1"}, R: &UnaryExpr{Op: OpNeg, X: &Literal{Kind: LitInt, Text: "1"}}}, "1 - -1"},
		{&Literal{Kind: LitNull}, "NULL"},
		{&TypeName{Name: Ident{Name: "varchar"}, Max: true}, "varchar(max)"},
		{&TypeName{Name: Ident{Name: "decimal"}, Args: []int64{10, 2}}, "decimal(10, 2)"},
		{&FuncCall{Name: ObjectName{Name: Ident{Name: "LEFT"}}, Args: []Expr{&ColumnRef{Name: Ident{Name: "a"}}, &Literal{Kind: LitInt, Text: "1"}}}, "LEFT(a, 1)"},
	}
	for _, c := range cases {
		if got := String(c.n); got != c.want {
			t.Errorf("got %q want %q", got, c.want)
		}
	}
}

func TestReserved(t *testing.T) {
	for _, w := range []string{"select", "FROM", "Order", "try_convert", "within"} {
		if !IsReserved(w) {
			t.Errorf("%s should be reserved", w)
		}
	}
	for _, w := range []string{"name", "output", "try_cast", "value", "ROWS"} {
		if IsReserved(w) {
			t.Errorf("%s should not be reserved", w)
		}
	}
	if QuoteString("it's") != "'it''s'" {
		t.Error("QuoteString")
	}
}

func TestWalkOrderAndPrune(t *testing.T) {
	a := &ColumnRef{Name: Ident{Name: "a"}}
	b := &ColumnRef{Name: Ident{Name: "b"}}
	sub := &SubqueryExpr{Query: &Query{Body: &Select{Items: []*SelectItem{{Expr: b}}}}}
	e := &BinaryExpr{Op: OpAdd, L: a, R: sub}
	var seen []Node
	Inspect(e, func(n Node) bool { seen = append(seen, n); return true })
	if len(seen) != 7 || seen[1] != a || seen[6] != b {
		t.Errorf("walk visited %d nodes: %v", len(seen), seen)
	}
	seen = nil
	Inspect(e, func(n Node) bool {
		seen = append(seen, n)
		_, isSub := n.(*SubqueryExpr)
		return !isSub
	})
	if len(seen) != 3 {
		t.Errorf("pruned walk visited %d nodes", len(seen))
	}
}
