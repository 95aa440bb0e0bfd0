package parser

import (
	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/lexer"
)

func (p *parser) parseBatch() []ast.Stmt {
	var out []ast.Stmt
	p.first = true
	for {
		for p.accept(lexer.Semicolon) {
		}
		if p.is(lexer.EOF) {
			return out
		}
		out = append(out, p.parseStatement())
		p.first = false
	}
}

// parseStatement parses one statement and an optional ';'.
func (p *parser) parseStatement() ast.Stmt {
	s := p.parseStatementNoSemi()
	p.accept(lexer.Semicolon)
	return s
}

// parseBody parses statements until one of the stop keywords (not
// consumed) or the end of the batch.
func (p *parser) parseBody(stops ...lexer.Keyword) []ast.Stmt {
	var out []ast.Stmt
	for {
		for p.accept(lexer.Semicolon) {
		}
		if p.is(lexer.EOF) {
			return out
		}
		for _, k := range stops {
			if p.isKw(k) {
				return out
			}
		}
		out = append(out, p.parseStatement())
	}
}

func (p *parser) parseStatementNoSemi() ast.Stmt {
	t := p.tok()
	first := p.first
	p.first = false
	p.batchFirst = first
	switch t.Kind {
	case lexer.LParen:
		if p.queryStarts() {
			return p.parseSelectStmt()
		}
	case lexer.QuotedIdent:
		if p.peek(1).Kind == lexer.Colon {
			return p.parseLabel()
		}
		if first {
			return p.parseImplicitExec()
		}
	case lexer.Ident:
		switch t.Kw {
		case lexer.KwSelect:
			return p.parseSelectStmt()
		case lexer.KwWith:
			p.checkWithTerminated()
			return p.parseWithStmt()
		case lexer.KwInsert:
			return p.parseInsert(nil)
		case lexer.KwUpdate:
			if p.peekKw(1, lexer.KwStatistics) {
				return p.parseUpdateStatistics()
			}
			return p.parseUpdate(nil)
		case lexer.KwDelete:
			return p.parseDelete(nil)
		case lexer.KwMerge:
			return p.parseMerge(nil)
		case lexer.KwTruncate:
			return p.parseTruncate()
		case lexer.KwCreate, lexer.KwAlter:
			return p.parseCreate()
		case lexer.KwDrop:
			return p.parseDrop()
		case lexer.KwDeclare:
			return p.parseDeclare()
		case lexer.KwSet:
			return p.parseSet()
		case lexer.KwIf:
			return p.parseIf()
		case lexer.KwWhile:
			return p.parseWhile()
		case lexer.KwBegin:
			return p.parseBegin()
		case lexer.KwBreak:
			p.advance()
			return &ast.BreakStmt{Span: p.span(p.i - 1)}
		case lexer.KwContinue:
			p.advance()
			return &ast.ContinueStmt{Span: p.span(p.i - 1)}
		case lexer.KwGoto:
			start := p.i
			p.advance()
			return &ast.GotoStmt{Label: p.ident(), Span: p.span(start)}
		case lexer.KwReturn:
			return p.parseReturn()
		case lexer.KwWaitfor:
			return p.parseWaitFor()
		case lexer.KwPrint:
			start := p.i
			p.advance()
			return &ast.PrintStmt{Value: p.scalarExpr(), Span: p.span(start)}
		case lexer.KwRaiserror:
			return p.parseRaiserror()
		case lexer.KwThrow:
			if k := p.peek(1).Kind; k == lexer.EOF || k == lexer.Semicolon || k == lexer.Int || k == lexer.Variable || (p.peek(1).Kind == lexer.Ident && p.peek(1).Kw.Reserved()) {
				return p.parseThrow()
			}
		case lexer.KwExec, lexer.KwExecute:
			return p.parseExec()
		case lexer.KwOpen:
			start := p.i
			p.advance()
			return &ast.OpenStmt{Cursor: p.cursorRef(), Span: p.span(start)}
		case lexer.KwClose:
			start := p.i
			p.advance()
			return &ast.CloseStmt{Cursor: p.cursorRef(), Span: p.span(start)}
		case lexer.KwDeallocate:
			start := p.i
			p.advance()
			return &ast.DeallocateStmt{Cursor: p.cursorRef(), Span: p.span(start)}
		case lexer.KwFetch:
			return p.parseFetch()
		case lexer.KwCommit:
			return p.parseCommit()
		case lexer.KwRollback:
			return p.parseRollback()
		case lexer.KwSave:
			return p.parseSave()
		case lexer.KwUse:
			start := p.i
			p.advance()
			return &ast.UseStmt{Database: p.ident(), Span: p.span(start)}
		case lexer.KwShutdown:
			start := p.i
			p.advance()
			s := &ast.ShutdownStmt{}
			if p.acceptKw(lexer.KwWith) {
				p.expectKw(lexer.KwNowait)
				s.NoWait = true
			}
			s.Span = p.span(start)
			return s
		case lexer.KwKill:
			return p.parseKill()
		case lexer.KwDbcc:
			return p.parseDbcc()
		case lexer.KwCheckpoint:
			start := p.i
			p.advance()
			s := &ast.CheckpointStmt{}
			if p.is(lexer.Int) {
				s.Duration = p.parsePrimary()
			}
			s.Span = p.span(start)
			return s
		case lexer.KwReconfigure:
			start := p.i
			p.advance()
			s := &ast.ReconfigureStmt{}
			if p.acceptKw(lexer.KwWith) {
				p.expectKw(lexer.KwOverride)
				s.Override = true
			}
			s.Span = p.span(start)
			return s
		case lexer.KwGrant, lexer.KwDeny, lexer.KwRevoke:
			return p.parseGrant()
		case lexer.KwEnable, lexer.KwDisable:
			if p.peekKw(1, lexer.KwTrigger) {
				return p.parseEnableTrigger()
			}
		case lexer.KwRevert:
			start := p.i
			p.advance()
			return &ast.RevertStmt{Span: p.span(start)}
		}
		if !t.Kw.Reserved() {
			if p.peek(1).Kind == lexer.Colon {
				return p.parseLabel()
			}
			if first {
				return p.parseImplicitExec()
			}
		}
	}
	p.fail()
	return nil
}

func (p *parser) parseLabel() ast.Stmt {
	start := p.i
	id := p.ident()
	p.expect(lexer.Colon)
	return &ast.LabelStmt{Span: p.span(start), Label: id}
}

func (p *parser) parseSelectStmt() ast.Stmt {
	start := p.i
	q := p.parseQuery()
	return &ast.SelectStmt{Span: p.span(start), Query: q}
}

// parseWithStmt parses WITH ctes followed by SELECT, INSERT, UPDATE,
// DELETE or MERGE.
func (p *parser) parseWithStmt() ast.Stmt {
	start := p.i
	w := p.parseWith()
	var s ast.Stmt
	switch {
	case p.isKw(lexer.KwSelect) || p.is(lexer.LParen):
		q := &ast.Query{With: w, Body: p.parseQueryBody()}
		p.parseQueryTail(q)
		q.Span = p.span(start)
		return &ast.SelectStmt{Span: p.span(start), Query: q}
	case p.isKw(lexer.KwInsert):
		s = p.parseInsert(w)
	case p.isKw(lexer.KwUpdate):
		s = p.parseUpdate(w)
	case p.isKw(lexer.KwDelete):
		s = p.parseDelete(w)
	case p.isKw(lexer.KwMerge):
		s = p.parseMerge(w)
	default:
		p.fail()
	}
	return s
}

func (p *parser) parseReturn() ast.Stmt {
	start := p.i
	p.advance()
	r := &ast.ReturnStmt{}
	if p.startsExpr() {
		r.Value = p.scalarExpr()
	}
	r.Span = p.span(start)
	return r
}

// startsExpr reports whether an expression can begin at the current token
// (used after RETURN, where a new statement may follow instead).
func (p *parser) startsExpr() bool {
	t := p.tok()
	switch t.Kind {
	case lexer.Int, lexer.Decimal, lexer.Float, lexer.Money, lexer.String, lexer.NString, lexer.Binary,
		lexer.Variable, lexer.GlobalVar, lexer.LParen, lexer.Minus, lexer.Plus, lexer.Tilde, lexer.QuotedIdent:
		return true
	case lexer.Ident:
		switch t.Kw {
		case lexer.KwNull, lexer.KwCase, lexer.KwConvert, lexer.KwTryConvert, lexer.KwCoalesce, lexer.KwNullif,
			lexer.KwCurrentTimestamp, lexer.KwCurrentUser, lexer.KwSessionUser, lexer.KwSystemUser, lexer.KwExists, lexer.KwNot:
			return true
		case lexer.KwLeft, lexer.KwRight, lexer.KwUser:
			return p.peek(1).Kind == lexer.LParen
		}
		if t.Kw.Reserved() {
			return false
		}
		// A non-reserved word followed by '(' or '.' is a call or column;
		// a bare word could be the next statement (e.g. THROW), so only
		// treat it as an expression when it cannot start one.
		n := p.peek(1).Kind
		return n == lexer.LParen || n == lexer.Dot || !startsStatementWord(t.Kw)
	}
	return false
}

func startsStatementWord(k lexer.Keyword) bool {
	switch k {
	case lexer.KwThrow, lexer.KwMerge:
		return true
	}
	return false
}

// checkWithTerminated applies SQL Server's rule that a statement starting
// with WITH (a CTE) must follow a ';' when another statement precedes it
// (Msg 319), since WITH could otherwise continue that statement.
func (p *parser) checkWithTerminated() {
	if p.i == 0 {
		return
	}
	prev := &p.toks[p.i-1]
	if prev.Kind == lexer.Semicolon {
		return
	}
	if prev.Kind == lexer.Ident {
		switch prev.Kw {
		case lexer.KwBegin, lexer.KwTry, lexer.KwCatch, lexer.KwAs, lexer.KwElse:
			return
		}
	}
	t := p.tok()
	p.failMsg(319, "Incorrect syntax near the keyword '"+p.src[t.Pos:t.End]+"'. If this statement is a common table expression, "+
		"an xmlnamespaces clause or a change tracking context clause, the previous statement must be terminated with a semicolon.")
}
