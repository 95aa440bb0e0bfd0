package parser

import (
	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/lexer"
)

// staticMethodCall parses type::Method(args) (geometry::Point(1, 2, 0),
// hierarchyid::GetRoot()); the current token is the type name.
func (p *parser) staticMethodCall() ast.Expr {
	start := p.i
	typ := p.wordIdent()
	p.expect(lexer.DoubleColon)
	m := p.wordIdent()
	args := p.callArgs()
	return &ast.StaticMethodCall{Span: p.span(start), Type: typ, Method: m, Args: args}
}

// methodChain parses the CLR method calls and property reads that may
// follow x: .Method(args) and .Property, repeated
// (@h.GetAncestor(1).ToString(), geometry::Point(1, 2, 0).STX).
func (p *parser) methodChain(x ast.Expr, start int) ast.Expr {
	for p.is(lexer.Dot) {
		t := p.peek(1)
		if t.Kind != lexer.Ident && t.Kind != lexer.QuotedIdent {
			break
		}
		p.advance()
		name := p.wordIdent()
		if p.is(lexer.LParen) {
			x = &ast.MethodCall{X: x, Method: name, Args: p.callArgs(), Span: p.span(start)}
			continue
		}
		x = &ast.PropertyRef{X: x, Name: name, Span: p.span(start)}
	}
	return x
}
