package parser

import (
	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/lexer"
)

// atTimeZoneAhead reports AT TIME ZONE at the current token. AT, TIME and
// ZONE are not reserved, so all three words are required ("SELECT d at"
// aliases d as "at").
func (p *parser) atTimeZoneAhead() bool {
	return p.isKw(lexer.KwAt) && p.peekKw(1, lexer.KwTime) && p.peek(2).Kind == lexer.Ident && equalFold(p.peek(2).Val, "ZONE")
}

// parseAtTimeZone parses "AT TIME ZONE zone" after x. The zone is a
// primary (literal, variable, column, parenthesised expression), so a
// following AT TIME ZONE applies to the whole result.
func (p *parser) parseAtTimeZone(x ast.Expr) ast.Expr {
	p.i += 3
	zone := p.parsePrimary()
	sp := x.NodeSpan()
	sp.End = zone.NodeSpan().End
	return &ast.AtTimeZoneExpr{Span: sp, X: x, Zone: zone}
}

func trimWhere(t *lexer.Token) ast.TrimWhere {
	if t.Kind != lexer.Ident {
		return ast.TrimNone
	}
	switch {
	case equalFold(t.Val, "LEADING"):
		return ast.TrimLeading
	case equalFold(t.Val, "TRAILING"):
		return ast.TrimTrailing
	case equalFold(t.Val, "BOTH"):
		return ast.TrimBoth
	}
	return ast.TrimNone
}

// parseTrim parses the arguments of TRIM: the forms
// TRIM([LEADING | TRAILING | BOTH] [chars FROM] s) (SQL Server 2022) and
// the standard TRIM(LEADING FROM s) give a TrimExpr, the
// plain TRIM(s) a FuncCall. The current token is the opening parenthesis.
func (p *parser) parseTrim(start int, name ast.ObjectName) ast.Expr {
	p.expect(lexer.LParen)
	e := &ast.TrimExpr{}
	if w := trimWhere(p.tok()); w != ast.TrimNone {
		// A column named BOTH/LEADING/TRAILING is an argument, not the keyword.
		if n := p.peek(1).Kind; n != lexer.RParen && n != lexer.Comma && n != lexer.Dot {
			e.Where = w
			p.advance()
		}
	}
	if e.Where == ast.TrimNone || !p.isKw(lexer.KwFrom) {
		first := p.scalarExpr()
		if !p.isKw(lexer.KwFrom) {
			if e.Where != ast.TrimNone {
				// TRIM(LEADING s): the keyword without characters.
				e.X = first
				p.expect(lexer.RParen)
				e.Span = p.span(start)
				return e
			}
			f := &ast.FuncCall{Name: name, Args: []ast.Expr{first}}
			for p.accept(lexer.Comma) {
				f.Args = append(f.Args, p.scalarExpr())
			}
			p.expect(lexer.RParen)
			f.Span = p.span(start)
			return f
		}
		e.Chars = first
	}
	p.expectKw(lexer.KwFrom)
	e.X = p.scalarExpr()
	p.expect(lexer.RParen)
	e.Span = p.span(start)
	return e
}
