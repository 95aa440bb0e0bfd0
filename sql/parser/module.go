package parser

import (
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/lexer"
)

// moduleOptions parses WITH opt, opt for views, procedures, functions and
// triggers: SCHEMABINDING, ENCRYPTION, RECOMPILE, VIEW_METADATA,
// NATIVE_COMPILATION, EXECUTE AS …, RETURNS NULL ON NULL INPUT, ….
func (p *parser) moduleOptions() []string {
	var out []string
	for {
		st := p.i
		switch {
		case p.isKw(lexer.KwExecute) || p.isKw(lexer.KwExec):
			p.advance()
			p.expectKw(lexer.KwAs)
			if p.is(lexer.String) || p.is(lexer.NString) {
				p.advance()
			} else {
				p.anyIdent()
			}
		case p.isWord("RETURNS") || p.isWord("CALLED"):
			for !p.isWord("INPUT") && !p.is(lexer.EOF) {
				p.advance()
			}
			p.expectWord("INPUT")
		default:
			if p.word() == "" {
				p.fail()
			}
			p.advance()
		}
		out = append(out, p.rawUpper(st))
		if !p.accept(lexer.Comma) {
			return out
		}
	}
}

func (p *parser) parseCreateView(start int, alter, orAlter bool) ast.Stmt {
	p.expectKw(lexer.KwView)
	s := &ast.CreateViewStmt{Alter: alter, OrAlter: orAlter, Name: p.objectName()}
	if p.is(lexer.LParen) {
		s.Columns = p.parenIdentList()
	}
	if p.acceptKw(lexer.KwWith) {
		s.Options = p.moduleOptions()
	}
	p.expectKw(lexer.KwAs)
	s.Query = p.parseQuery()
	if p.isKw(lexer.KwWith) && p.peekKw(1, lexer.KwCheck) {
		p.i += 2
		p.expectKw(lexer.KwOption)
		s.CheckOption = true
	}
	s.Span = p.span(start)
	s.Definition = p.definition(start)
	return s
}

// params parses procedure/function parameters, with or without
// parentheses (procedures allow both).
func (p *parser) params(paren bool) []*ast.ParamDef {
	var out []*ast.ParamDef
	if paren {
		p.expect(lexer.LParen)
		if p.accept(lexer.RParen) {
			return nil
		}
	}
	if !p.is(lexer.Variable) {
		if paren {
			p.fail()
		}
		return nil
	}
	for {
		start := p.i
		d := &ast.ParamDef{Name: p.varName()}
		p.acceptKw(lexer.KwAs)
		d.Type = p.typeName()
		if p.acceptKw(lexer.KwVarying) {
			d.Varying = true
		}
		if p.acceptKw(lexer.KwNull) {
			d.Null = ast.Nullable
		} else if p.isKw(lexer.KwNot) && p.peekKw(1, lexer.KwNull) {
			p.i += 2
			d.Null = ast.NotNull
		}
		if p.accept(lexer.Eq) {
			d.Default = p.parseUnary()
		}
		for {
			if p.acceptKw(lexer.KwOutput) || p.acceptWord("OUT") {
				d.Output = true
				continue
			}
			if p.acceptKw(lexer.KwReadonly) {
				d.ReadOnly = true
				continue
			}
			break
		}
		d.Span = p.span(start)
		out = append(out, d)
		if !p.accept(lexer.Comma) {
			break
		}
	}
	if paren {
		p.expect(lexer.RParen)
	}
	return out
}

func (p *parser) parseCreateProc(start int, alter, orAlter bool) ast.Stmt {
	p.advance()
	s := &ast.CreateProcStmt{Alter: alter, OrAlter: orAlter, Name: p.objectName()}
	if p.accept(lexer.Semicolon) {
		p.expect(lexer.Int) // numbered procedure ;1
	}
	if p.is(lexer.LParen) {
		s.Params = p.params(true)
	} else {
		s.Params = p.params(false)
	}
	if p.acceptKw(lexer.KwWith) {
		s.Options = p.moduleOptions()
	}
	if p.isKw(lexer.KwFor) {
		p.advance()
		p.expectKw(lexer.KwReplication)
		s.ForRepl = true
	}
	p.expectKw(lexer.KwAs)
	s.Body = p.parseBody()
	if len(s.Body) == 0 {
		p.fail()
	}
	s.Span = p.span(start)
	s.Definition = p.definition(start)
	return s
}

func (p *parser) parseCreateFunction(start int, alter, orAlter bool) ast.Stmt {
	p.advance()
	s := &ast.CreateFunctionStmt{Alter: alter, OrAlter: orAlter, Name: p.objectName()}
	s.Params = p.params(true)
	p.expectKw(lexer.KwReturns)
	switch {
	case p.isKw(lexer.KwTable):
		p.advance()
		s.ReturnsTable = true
	case p.is(lexer.Variable):
		s.ReturnVar = p.advance().Val
		p.expectKw(lexer.KwTable)
		s.ReturnTable = p.tableDef()
	default:
		s.Returns = p.typeName()
	}
	if p.acceptKw(lexer.KwWith) {
		s.Options = p.moduleOptions()
	}
	p.acceptKw(lexer.KwAs)
	if s.ReturnsTable {
		p.expectKw(lexer.KwReturn)
		s.Query = p.parseQuery()
	} else {
		bs := p.i
		if !p.isKw(lexer.KwBegin) {
			p.fail()
		}
		b := p.parseBegin()
		blk, ok := b.(*ast.BlockStmt)
		if !ok {
			p.failAt(bs)
		}
		s.Body = blk.Stmts
	}
	p.accept(lexer.Semicolon)
	s.Span = p.span(start)
	s.Definition = p.definition(start)
	return s
}

func (p *parser) parseCreateTrigger(start int, alter, orAlter bool) ast.Stmt {
	p.expectKw(lexer.KwTrigger)
	s := &ast.CreateTriggerStmt{Alter: alter, OrAlter: orAlter, Name: p.objectName()}
	p.expectKw(lexer.KwOn)
	switch {
	case p.isKw(lexer.KwDatabase):
		p.advance()
		s.OnDatabase = true
	case p.isKw(lexer.KwAll) && p.peekKw(1, lexer.KwServer):
		p.i += 2
		s.OnServer = true
	default:
		s.Table = p.objectName()
	}
	if p.acceptKw(lexer.KwWith) {
		s.Options = p.moduleOptions()
	}
	switch {
	case p.acceptKw(lexer.KwAfter):
		s.Timing = ast.TriggerAfter
	case p.acceptKw(lexer.KwFor):
		s.Timing = ast.TriggerFor
	case p.acceptKw(lexer.KwInstead):
		p.expectKw(lexer.KwOf)
		s.Timing = ast.TriggerInsteadOf
	default:
		p.fail()
	}
	for {
		w := p.word()
		if w == "" {
			p.fail()
		}
		p.advance()
		s.Events = append(s.Events, strings.ToUpper(w))
		if !p.accept(lexer.Comma) {
			break
		}
	}
	if p.isKw(lexer.KwWith) && p.peekKw(1, lexer.KwAppend) {
		p.i += 2
		s.WithAppend = true
	}
	s.NotForReplication = p.notForReplication()
	p.expectKw(lexer.KwAs)
	s.Body = p.parseBody()
	if len(s.Body) == 0 {
		p.fail()
	}
	s.Span = p.span(start)
	s.Definition = p.definition(start)
	return s
}
