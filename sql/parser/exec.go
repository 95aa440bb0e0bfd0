package parser

import (
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/lexer"
)

// parseExec parses EXEC[UTE] proc args, EXEC @rc = proc args, EXEC @procvar,
// EXEC (string) [AS USER|LOGIN = …] [AT server], and EXECUTE AS.
func (p *parser) parseExec() ast.Stmt {
	start := p.i
	p.advance()
	s := &ast.ExecStmt{}
	if p.isKw(lexer.KwAs) {
		return p.parseExecuteAs(start)
	}
	if p.is(lexer.LParen) {
		p.advance()
		s.Dynamic = p.scalarExpr()
		p.expect(lexer.RParen)
		if p.isKw(lexer.KwAs) {
			p.advance()
			switch {
			case p.acceptKw(lexer.KwUser):
				p.expect(lexer.Eq)
				s.AsUser = p.scalarExpr()
			case p.acceptKw(lexer.KwLogin):
				p.expect(lexer.Eq)
				s.AsLogin = p.scalarExpr()
			default:
				p.fail()
			}
		}
		if p.acceptKw(lexer.KwAt) {
			s.At = p.ident()
		}
		s.Span = p.span(start)
		return s
	}
	if p.is(lexer.Variable) {
		v := p.advance().Val
		if p.accept(lexer.Eq) {
			s.ReturnVar = v
			if p.is(lexer.Variable) {
				s.ProcVar = p.advance().Val
			} else {
				s.Proc = p.objectName()
			}
		} else {
			s.ProcVar = v
		}
	} else {
		s.Proc = p.objectName()
	}
	p.execArgs(s)
	s.Span = p.span(start)
	return s
}

// parseImplicitExec parses a procedure call without EXEC (first statement
// of a batch).
func (p *parser) parseImplicitExec() ast.Stmt {
	start := p.i
	s := &ast.ExecStmt{Implicit: true, Proc: p.objectName()}
	p.execArgs(s)
	s.Span = p.span(start)
	return s
}

func (p *parser) execArgs(s *ast.ExecStmt) {
	if !p.stmtEnd() && !p.isKw(lexer.KwWith) && p.startsArg() {
		for {
			as := p.i
			a := &ast.ExecArg{}
			if p.is(lexer.Variable) && p.peek(1).Kind == lexer.Eq {
				a.Name = p.advance().Val
				p.advance()
			}
			a.Value = p.execArgValue()
			if p.acceptKw(lexer.KwOutput) || p.acceptWord("OUT") {
				a.Output = true
			}
			a.Span = p.span(as)
			s.Args = append(s.Args, a)
			if !p.accept(lexer.Comma) {
				break
			}
		}
	}
	if p.isKw(lexer.KwWith) && (p.peekKw(1, lexer.KwRecompile) || p.peekKw(1, lexer.KwResult)) {
		p.advance()
		for {
			if p.acceptKw(lexer.KwRecompile) {
				s.Options = append(s.Options, "RECOMPILE")
			} else {
				st := p.i
				p.expectKw(lexer.KwResult)
				p.expectWord("SETS")
				if p.is(lexer.LParen) {
					depth := 0
					for {
						if p.is(lexer.LParen) {
							depth++
						} else if p.is(lexer.RParen) {
							depth--
						} else if p.is(lexer.EOF) {
							p.fail()
						}
						p.advance()
						if depth == 0 {
							break
						}
					}
				} else {
					p.anyIdent() // NONE, UNDEFINED
				}
				s.Options = append(s.Options, p.rawUpper(st))
			}
			if !p.accept(lexer.Comma) {
				break
			}
		}
	}
}

// startsArg reports whether a procedure argument starts here (rather than
// the next statement).
func (p *parser) startsArg() bool {
	t := p.tok()
	switch t.Kind {
	case lexer.Ident:
		if t.Kw == lexer.KwDefault || t.Kw == lexer.KwNull {
			return true
		}
		return !t.Kw.Reserved() && !startsStatementWord(t.Kw)
	case lexer.RParen, lexer.Comma:
		return false
	}
	return true
}

// execArgValue parses a procedure argument: a constant, variable,
// DEFAULT, or a bare word (taken as a string, as SQL Server does).
func (p *parser) execArgValue() ast.Expr {
	t := p.tok()
	if t.Kind == lexer.Ident && t.Kw == lexer.KwDefault {
		p.advance()
		return &ast.DefaultExpr{Span: ast.Span{Pos: t.Pos, End: t.End, Line: t.Line}}
	}
	if (t.Kind == lexer.Ident && !t.Kw.Reserved() || t.Kind == lexer.QuotedIdent) && p.peek(1).Kind != lexer.Dot && p.peek(1).Kind != lexer.LParen {
		p.advance()
		return &ast.Literal{Span: ast.Span{Pos: t.Pos, End: t.End, Line: t.Line}, Kind: ast.LitString,
			Text: "'" + strings.ReplaceAll(t.Val, "'", "''") + "'", Val: t.Val}
	}
	return p.scalarExpr()
}

func (p *parser) parseExecuteAs(start int) ast.Stmt {
	p.expectKw(lexer.KwAs)
	s := &ast.ExecuteAsStmt{Kind: p.word()}
	switch s.Kind {
	case "USER", "LOGIN":
		p.advance()
		p.expect(lexer.Eq)
		s.Name = p.scalarExpr()
	case "CALLER", "SELF", "OWNER":
		p.advance()
	default:
		p.fail()
	}
	if p.isKw(lexer.KwWith) && p.peekKw(1, lexer.KwNo) {
		p.i += 2
		p.expectKw(lexer.KwRevert)
		s.NoRevert = true
	}
	s.Span = p.span(start)
	return s
}
