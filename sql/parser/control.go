package parser

import (
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/lexer"
)

func (p *parser) parseIf() ast.Stmt {
	start := p.i
	p.expectKw(lexer.KwIf)
	p.depth++
	defer func() { p.depth-- }()
	s := &ast.IfStmt{Cond: p.parseExpr()}
	s.Then = p.parseStatementNoSemi()
	p.accept(lexer.Semicolon)
	if p.acceptKw(lexer.KwElse) {
		s.Else = p.parseStatementNoSemi()
	}
	s.Span = p.span(start)
	return s
}

func (p *parser) parseWhile() ast.Stmt {
	start := p.i
	p.expectKw(lexer.KwWhile)
	p.depth++
	defer func() { p.depth-- }()
	s := &ast.WhileStmt{Cond: p.parseExpr()}
	s.Body = p.parseStatementNoSemi()
	s.Span = p.span(start)
	return s
}

// parseBegin handles BEGIN … END, BEGIN TRY/CATCH, BEGIN TRAN and BEGIN
// DISTRIBUTED TRAN.
func (p *parser) parseBegin() ast.Stmt {
	start := p.i
	p.expectKw(lexer.KwBegin)
	switch {
	case p.isKw(lexer.KwTran) || p.isKw(lexer.KwTransaction):
		return p.parseBeginTran(start, false)
	case p.isKw(lexer.KwDistributed):
		p.advance()
		if !p.acceptKw(lexer.KwTran) {
			p.expectKw(lexer.KwTransaction)
		}
		p.i--
		return p.parseBeginTran(start, true)
	case p.isKw(lexer.KwTry):
		p.advance()
		p.depth++
		defer func() { p.depth-- }()
		s := &ast.TryCatchStmt{}
		s.Try = p.parseBody(lexer.KwEnd)
		p.expectKw(lexer.KwEnd)
		p.expectKw(lexer.KwTry)
		p.accept(lexer.Semicolon)
		p.expectKw(lexer.KwBegin)
		p.expectKw(lexer.KwCatch)
		s.Catch = p.parseBody(lexer.KwEnd)
		p.expectKw(lexer.KwEnd)
		p.expectKw(lexer.KwCatch)
		s.Span = p.span(start)
		return s
	}
	p.depth++
	defer func() { p.depth-- }()
	b := &ast.BlockStmt{Stmts: p.parseBody(lexer.KwEnd)}
	p.expectKw(lexer.KwEnd)
	b.Span = p.span(start)
	return b
}

// tranName parses an optional transaction name or @variable.
func (p *parser) tranName() string {
	if p.is(lexer.Variable) {
		return p.advance().Val
	}
	if p.isIdent() && !p.isKw(lexer.KwWith) {
		return p.ident().Name
	}
	return ""
}

func (p *parser) parseBeginTran(start int, distributed bool) ast.Stmt {
	p.advance() // TRAN | TRANSACTION
	s := &ast.BeginTranStmt{Distributed: distributed, Name: p.tranName()}
	if p.isKw(lexer.KwWith) && p.peekKw(1, lexer.KwMark) {
		p.i += 2
		s.WithMark = true
		if p.is(lexer.String) || p.is(lexer.NString) {
			s.Mark = p.parsePrimary()
		}
	}
	s.Span = p.span(start)
	return s
}

func (p *parser) parseCommit() ast.Stmt {
	start := p.i
	p.advance()
	s := &ast.CommitStmt{}
	if p.acceptKw(lexer.KwWork) {
		s.Work = true
	} else if p.acceptKw(lexer.KwTran) || p.acceptKw(lexer.KwTransaction) {
		s.Name = p.tranName()
	}
	if p.isKw(lexer.KwWith) && p.peek(1).Kind == lexer.LParen {
		p.advance()
		p.optionList(false) // DELAYED_DURABILITY: accepted, no effect on semantics
	}
	s.Span = p.span(start)
	return s
}

func (p *parser) parseRollback() ast.Stmt {
	start := p.i
	p.advance()
	s := &ast.RollbackStmt{}
	if p.acceptKw(lexer.KwWork) {
		s.Work = true
	} else if p.acceptKw(lexer.KwTran) || p.acceptKw(lexer.KwTransaction) {
		s.Name = p.tranName()
	}
	s.Span = p.span(start)
	return s
}

func (p *parser) parseSave() ast.Stmt {
	start := p.i
	p.advance()
	if !p.acceptKw(lexer.KwTran) {
		p.expectKw(lexer.KwTransaction)
	}
	s := &ast.SaveTranStmt{Name: p.tranName()}
	if s.Name == "" {
		p.fail()
	}
	s.Span = p.span(start)
	return s
}

func (p *parser) parseWaitFor() ast.Stmt {
	start := p.i
	p.advance()
	s := &ast.WaitForStmt{}
	if p.acceptKw(lexer.KwTime) {
		s.Time = true
	} else {
		p.expectKw(lexer.KwDelay)
	}
	s.Value = p.scalarExpr()
	s.Span = p.span(start)
	return s
}

func (p *parser) parseRaiserror() ast.Stmt {
	start := p.i
	p.advance()
	s := &ast.RaiserrorStmt{}
	p.expect(lexer.LParen)
	s.Msg = p.scalarExpr()
	p.expect(lexer.Comma)
	s.Severity = p.scalarExpr()
	p.expect(lexer.Comma)
	s.State = p.scalarExpr()
	for p.accept(lexer.Comma) {
		s.Args = append(s.Args, p.scalarExpr())
	}
	p.expect(lexer.RParen)
	if p.acceptKw(lexer.KwWith) {
		for {
			w := p.word()
			if w != "LOG" && w != "NOWAIT" && w != "SETERROR" {
				p.fail()
			}
			p.advance()
			s.Options = append(s.Options, w)
			if !p.accept(lexer.Comma) {
				break
			}
		}
	}
	s.Span = p.span(start)
	return s
}

func (p *parser) parseThrow() ast.Stmt {
	start := p.i
	p.advance()
	s := &ast.ThrowStmt{}
	if !p.stmtEnd() && !(p.is(lexer.Ident) && p.tok().Kw.Reserved()) {
		s.Number = p.scalarExpr()
		p.expect(lexer.Comma)
		s.Message = p.scalarExpr()
		p.expect(lexer.Comma)
		s.State = p.scalarExpr()
	}
	s.Span = p.span(start)
	return s
}

func (p *parser) parseKill() ast.Stmt {
	start := p.i
	p.advance()
	s := &ast.KillStmt{Target: p.parsePrimary()}
	if p.acceptKw(lexer.KwWith) {
		p.expectKw(lexer.KwStatusonly)
		s.StatusOnly = true
	}
	s.Span = p.span(start)
	return s
}

func (p *parser) parseDbcc() ast.Stmt {
	start := p.i
	p.advance()
	s := &ast.DbccStmt{Command: strings.ToUpper(p.anyIdent().Name)}
	if p.is(lexer.LParen) {
		p.advance()
		if !p.is(lexer.RParen) {
			s.Args = p.exprList()
		}
		p.expect(lexer.RParen)
	}
	if p.acceptKw(lexer.KwWith) {
		for {
			s.Options = append(s.Options, strings.ToUpper(p.anyIdent().Name))
			if !p.accept(lexer.Comma) {
				break
			}
		}
	}
	s.Span = p.span(start)
	return s
}

func (p *parser) cursorRef() *ast.CursorRef {
	start := p.i
	c := &ast.CursorRef{}
	if p.is(lexer.Variable) {
		c.Var = p.advance().Val
	} else {
		if p.isKw(lexer.KwGlobal) && (p.isIdentAt(1)) {
			p.advance()
			c.Global = true
		}
		c.Name = p.ident()
	}
	c.Span = p.span(start)
	return c
}

func (p *parser) parseFetch() ast.Stmt {
	start := p.i
	p.advance()
	s := &ast.FetchStmt{}
	dir := func(d ast.FetchDir) { p.advance(); s.Dir = d; s.Explicit = true }
	switch {
	case p.isKw(lexer.KwNext):
		dir(ast.FetchNext)
	case p.isKw(lexer.KwPrior):
		dir(ast.FetchPrior)
	case p.isKw(lexer.KwFirst):
		dir(ast.FetchFirst)
	case p.isKw(lexer.KwLast):
		dir(ast.FetchLast)
	case p.isKw(lexer.KwAbsolute):
		dir(ast.FetchAbsolute)
		s.Offset = p.parseUnary()
	case p.isKw(lexer.KwRelative):
		dir(ast.FetchRelative)
		s.Offset = p.parseUnary()
	}
	if s.Explicit {
		p.expectKw(lexer.KwFrom)
	} else {
		p.acceptKw(lexer.KwFrom)
	}
	s.Cursor = p.cursorRef()
	if p.acceptKw(lexer.KwInto) {
		for {
			s.Into = append(s.Into, p.varName())
			if !p.accept(lexer.Comma) {
				break
			}
		}
	}
	s.Span = p.span(start)
	return s
}
