package ast

// StaticMethodCall is a CLR type's static method: geometry::Point(1, 2,
// 0), hierarchyid::GetRoot(). Type and Method keep their spelling (CLR
// method names are case-sensitive; the type name is not).
type StaticMethodCall struct {
	Span
	Type   Ident
	Method Ident
	Args   []Expr
}

// PropertyRef is a CLR property read on an expression that is not a
// column reference: @g.STX, geometry::Point(1, 2, 0).STY. (On a column,
// c.STX parses as a ColumnRef; the binder tells them apart by type.)
type PropertyRef struct {
	Span
	X    Expr
	Name Ident
}

func (*StaticMethodCall) exprNode() {}
func (*PropertyRef) exprNode()      {}

func (p *printer) staticMethodCall(e *StaticMethodCall) {
	p.ident(e.Type)
	p.w("::")
	p.ident(e.Method)
	p.w("(")
	p.exprs(e.Args)
	p.w(")")
}

func (p *printer) propertyRef(e *PropertyRef) {
	p.expr(e.X)
	p.w(".")
	p.ident(e.Name)
}
