package parser

import (
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/lexer"
)

// valueOptions are SET options that take a value rather than ON/OFF.
var valueOptions = map[string]bool{
	"DATEFORMAT": true, "DATEFIRST": true, "LANGUAGE": true, "LOCK_TIMEOUT": true, "ROWCOUNT": true,
	"TEXTSIZE": true, "DEADLOCK_PRIORITY": true, "QUERY_GOVERNOR_COST_LIMIT": true, "CONTEXT_INFO": true,
}

func (p *parser) parseSet() ast.Stmt {
	start := p.i
	p.expectKw(lexer.KwSet)
	t := p.tok()
	if t.Kind == lexer.Variable {
		p.advance()
		s := &ast.SetVarStmt{Name: t.Val}
		op, ok := assignOp(p.tok().Kind)
		if !ok {
			p.fail()
		}
		p.advance()
		s.Op = op
		if op == ast.AssignSet && (p.isKw(lexer.KwCursor) || p.isKw(lexer.KwInsensitive) || p.isKw(lexer.KwScroll)) {
			c := &ast.DeclareCursorStmt{}
			cs := p.i
			p.cursorBody(c)
			c.Span = p.span(cs)
			s.Cursor = c
		} else {
			s.Value = p.scalarExpr()
		}
		s.Span = p.span(start)
		return s
	}
	if t.Kind != lexer.Ident {
		p.fail()
	}
	switch {
	case t.Kw == lexer.KwTransaction:
		p.advance()
		p.expectKw(lexer.KwIsolation)
		p.expectKw(lexer.KwLevel)
		var words []string
		for i := 0; i < 2 && p.is(lexer.Ident); i++ {
			w := p.word()
			words = append(words, w)
			p.advance()
			if w == "SERIALIZABLE" || w == "SNAPSHOT" || w == "COMMITTED" || w == "UNCOMMITTED" {
				break
			}
			if w == "REPEATABLE" || w == "READ" {
				continue
			}
			break
		}
		lvl := strings.Join(words, " ")
		switch lvl {
		case "READ COMMITTED", "READ UNCOMMITTED", "REPEATABLE READ", "SERIALIZABLE", "SNAPSHOT":
		default:
			p.failAt(p.i - 1)
		}
		return &ast.SetIsolationStmt{Span: p.span(start), Level: lvl}
	case t.Kw == lexer.KwIdentityInsert:
		p.advance()
		s := &ast.SetIdentityInsertStmt{Table: p.objectName()}
		s.On = p.onOff()
		s.Span = p.span(start)
		return s
	}
	s := &ast.SetOptionStmt{}
	name := p.setOptionName()
	s.Options = append(s.Options, name)
	if valueOptions[name] {
		v := p.tok()
		if v.Kind == lexer.Ident && !v.Kw.Reserved() && p.peek(1).Kind != lexer.LParen {
			// bare word value: SET DATEFORMAT dmy, SET LANGUAGE us_english
			p.advance()
			s.Value = &ast.Literal{Span: ast.Span{Pos: v.Pos, End: v.End, Line: v.Line}, Kind: ast.LitString,
				Text: "'" + strings.ReplaceAll(v.Val, "'", "''") + "'", Val: v.Val}
		} else if v.Kind == lexer.QuotedIdent {
			p.advance()
			s.Value = &ast.Literal{Span: ast.Span{Pos: v.Pos, End: v.End, Line: v.Line}, Kind: ast.LitString,
				Text: "'" + strings.ReplaceAll(v.Val, "'", "''") + "'", Val: v.Val}
		} else {
			s.Value = p.scalarExpr()
		}
		s.Span = p.span(start)
		return s
	}
	for p.accept(lexer.Comma) {
		s.Options = append(s.Options, p.setOptionName())
	}
	s.On = p.onOff()
	s.Span = p.span(start)
	return s
}

// setOptionName reads an option name; STATISTICS takes a second word.
func (p *parser) setOptionName() string {
	t := p.tok()
	if t.Kind != lexer.Ident {
		p.fail()
	}
	name := p.word()
	p.advance()
	if name == "STATISTICS" || name == "OFFSETS" {
		name += " " + p.word()
		p.anyIdent()
	}
	return name
}

func (p *parser) onOff() bool {
	if p.acceptKw(lexer.KwOn) {
		return true
	}
	p.expectKw(lexer.KwOff)
	return false
}
