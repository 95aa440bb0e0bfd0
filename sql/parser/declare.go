package parser

import (
	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/lexer"
)

func (p *parser) parseDeclare() ast.Stmt {
	start := p.i
	p.expectKw(lexer.KwDeclare)
	if p.isIdent() {
		return p.parseDeclareCursor(start)
	}
	s := &ast.DeclareStmt{}
	for {
		vs := p.i
		v := &ast.VarDecl{Name: p.varName()}
		p.acceptKw(lexer.KwAs)
		switch {
		case p.isKw(lexer.KwTable):
			p.advance()
			v.Table = p.tableDef()
		case p.isKw(lexer.KwCursor):
			p.advance()
			v.Cursor = true
		default:
			v.Type = p.typeName()
			if p.accept(lexer.Eq) {
				v.Init = p.scalarExpr()
			}
		}
		v.Span = p.span(vs)
		s.Vars = append(s.Vars, v)
		if !p.accept(lexer.Comma) {
			break
		}
	}
	s.Span = p.span(start)
	return s
}

// cursorOptions are the T-SQL extended DECLARE CURSOR options.
var cursorOptions = map[lexer.Keyword]bool{
	lexer.KwLocal: true, lexer.KwGlobal: true, lexer.KwForwardOnly: true, lexer.KwScroll: true,
	lexer.KwStatic: true, lexer.KwKeyset: true, lexer.KwDynamic: true, lexer.KwFastForward: true,
	lexer.KwReadOnly: true, lexer.KwScrollLocks: true, lexer.KwOptimistic: true, lexer.KwTypeWarning: true,
}

func (p *parser) parseDeclareCursor(start int) ast.Stmt {
	c := &ast.DeclareCursorStmt{Name: p.ident()}
	p.cursorBody(c)
	c.Span = p.span(start)
	return c
}

// cursorBody parses [INSENSITIVE] [SCROLL] CURSOR [options] FOR query
// [FOR READ ONLY | FOR UPDATE [OF cols]].
func (p *parser) cursorBody(c *ast.DeclareCursorStmt) {
	if p.acceptKw(lexer.KwInsensitive) {
		c.Insensitive = true
	}
	if p.acceptKw(lexer.KwScroll) {
		c.Scroll = true
	}
	p.expectKw(lexer.KwCursor)
	for p.is(lexer.Ident) && cursorOptions[p.tok().Kw] {
		c.Options = append(c.Options, p.word())
		p.advance()
	}
	p.expectKw(lexer.KwFor)
	c.Query = p.parseQuery()
	if p.acceptKw(lexer.KwFor) {
		if p.acceptKw(lexer.KwRead) {
			p.expectKw(lexer.KwOnly)
			c.ReadOnly = true
		} else {
			p.expectKw(lexer.KwUpdate)
			c.ForUpdate = true
			if p.acceptKw(lexer.KwOf) {
				for {
					c.UpdateColumns = append(c.UpdateColumns, p.ident())
					if !p.accept(lexer.Comma) {
						break
					}
				}
			}
		}
	}
}
