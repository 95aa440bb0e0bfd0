package parser

import (
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/lexer"
)

// parseCreate dispatches CREATE [OR ALTER] … and ALTER ….
func (p *parser) parseCreate() ast.Stmt {
	start := p.i
	alter := p.advance().Kw == lexer.KwAlter
	orAlter := false
	if !alter && p.isKw(lexer.KwOr) && p.peekKw(1, lexer.KwAlter) {
		p.i += 2
		orAlter = true
	}
	t := p.tok()
	if t.Kind != lexer.Ident {
		p.fail()
	}
	switch t.Kw {
	case lexer.KwTable:
		if alter {
			return p.parseAlterTable(start)
		}
		if !orAlter {
			return p.parseCreateTable(start)
		}
	case lexer.KwIndex, lexer.KwUnique, lexer.KwClustered, lexer.KwNonclustered:
		if alter && t.Kw == lexer.KwIndex {
			return p.parseAlterIndex(start)
		}
		if !alter && !orAlter {
			return p.parseCreateIndex(start)
		}
	case lexer.KwView:
		return p.parseCreateView(start, alter, orAlter)
	case lexer.KwProc, lexer.KwProcedure:
		return p.parseCreateProc(start, alter, orAlter)
	case lexer.KwFunction:
		return p.parseCreateFunction(start, alter, orAlter)
	case lexer.KwTrigger:
		return p.parseCreateTrigger(start, alter, orAlter)
	case lexer.KwSchema:
		if !alter && !orAlter {
			return p.parseCreateSchema(start)
		}
	case lexer.KwDatabase:
		if alter {
			return p.parseAlterDatabase(start)
		}
		if !orAlter {
			return p.parseCreateDatabase(start)
		}
	case lexer.KwSequence:
		if !orAlter {
			return p.parseCreateSequence(start, alter)
		}
	case lexer.KwType:
		if !alter && !orAlter {
			return p.parseCreateType(start)
		}
	case lexer.KwLogin:
		if !orAlter {
			return p.parseCreateLogin(start, alter)
		}
	case lexer.KwUser:
		if !orAlter {
			return p.parseCreateUser(start, alter)
		}
	case lexer.KwRole, lexer.KwServer:
		if !orAlter {
			return p.parseCreateRole(start, alter)
		}
	case lexer.KwSynonym:
		if !alter && !orAlter {
			p.advance()
			s := &ast.CreateSynonymStmt{Name: p.objectName()}
			p.expectKw(lexer.KwFor)
			s.Target = p.objectName()
			s.Span = p.span(start)
			return s
		}
	case lexer.KwStatistics:
		if !alter && !orAlter {
			p.advance()
			s := &ast.CreateStatisticsStmt{Name: p.ident()}
			p.expectKw(lexer.KwOn)
			s.Table = p.objectName()
			s.Columns = p.parenIdentList()
			if p.isKw(lexer.KwWith) {
				p.advance()
				s.Options = p.bareOptions()
			}
			s.Span = p.span(start)
			return s
		}
	}
	p.fail()
	return nil
}

// definition returns the source text of a module definition for
// sys.sql_modules: from the start of the batch's text that precedes the
// statement (SQL Server keeps leading comments) to the statement's end.
func (p *parser) definition(start int) string {
	from := 0
	if start > 0 {
		from = int(p.toks[start-1].End)
	}
	to := int(p.toks[p.i-1].End)
	if p.is(lexer.EOF) {
		to = len(p.src)
	}
	s := p.src[from:to]
	s = strings.TrimLeft(s, " \t\r\n;")
	return strings.TrimRight(s, " \t\r\n")
}

// filegroup parses ON fg / ON [PRIMARY] / ON scheme(col).
func (p *parser) filegroup() string {
	st := p.i
	if p.is(lexer.String) {
		p.advance()
	} else {
		p.anyIdent()
	}
	if p.is(lexer.LParen) {
		p.parenIdentList()
	}
	return p.rawUpper(st)
}

// bareOptions parses option lists after WITH that may or may not be
// parenthesised.
func (p *parser) bareOptions() []*ast.Option {
	if p.is(lexer.LParen) {
		return p.optionList(false)
	}
	var out []*ast.Option
	for {
		start := p.i
		o := &ast.Option{Name: p.word()}
		if o.Name == "" {
			p.fail()
		}
		p.advance()
		if p.accept(lexer.Eq) {
			o.Value = p.optionValue()
		}
		o.Span = p.span(start)
		out = append(out, o)
		if !p.accept(lexer.Comma) {
			return out
		}
	}
}
