package parser

import (
	"strconv"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/lexer"
)

// typeName parses [schema.]name[(n[, m])|(max)], including the two-word
// spellings DOUBLE PRECISION, CHAR VARYING and NATIONAL CHAR[ACTER] ….
func (p *parser) typeName() *ast.TypeName {
	start := p.i
	t := &ast.TypeName{}
	switch {
	case p.isKw(lexer.KwDouble) && p.peekKw(1, lexer.KwPrecision):
		a := p.advance()
		b := p.advance()
		t.Name = ast.Ident{Span: ast.Span{Pos: a.Pos, End: b.End, Line: a.Line}, Name: "float"}
	case p.isKw(lexer.KwNational):
		a := p.advance()
		w := p.anyIdent()
		name := "nchar"
		if p.isKw(lexer.KwVarying) {
			p.advance()
			name = "nvarchar"
		} else if equalFold(w.Name, "text") {
			name = "ntext"
		}
		t.Name = ast.Ident{Span: ast.Span{Pos: a.Pos, End: p.toks[p.i-1].End, Line: a.Line}, Name: name}
	default:
		first := p.ident()
		if p.is(lexer.Dot) {
			p.advance()
			t.Schema = first
			t.Name = p.anyIdent()
		} else {
			t.Name = first
			if p.isKw(lexer.KwVarying) && (equalFold(first.Name, "char") || equalFold(first.Name, "character")) {
				p.advance()
				t.Name.Name = "varchar"
			}
		}
	}
	if p.is(lexer.LParen) {
		p.advance()
		if p.isKw(lexer.KwMax) {
			p.advance()
			t.Max = true
		} else {
			for {
				neg := p.accept(lexer.Minus)
				tok := p.expect(lexer.Int)
				v, err := strconv.ParseInt(tok.Val, 10, 64)
				if err != nil {
					p.failAt(p.i - 1)
				}
				if neg {
					v = -v
				}
				t.Args = append(t.Args, v)
				if !p.accept(lexer.Comma) {
					break
				}
			}
		}
		p.expect(lexer.RParen)
	}
	t.Span = p.span(start)
	return t
}

func equalFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if x >= 'A' && x <= 'Z' {
			x += 'a' - 'A'
		}
		if y >= 'A' && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}
