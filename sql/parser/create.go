package parser

import (
	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/lexer"
	"github.com/tsqld/tsqld/sql/msgs"
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
	p.checkBatchFirst(start, alter, orAlter)
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
		if alter {
			return p.parseAlterSchema(start)
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
// sys.sql_modules. Module statements start their batch, and SQL Server
// keeps the batch text as written: leading comments and blank lines, and,
// when the statement runs to the end of the batch, everything after it.
func (p *parser) definition(start int) string {
	from := 0
	if start > 0 {
		from = int(p.toks[start-1].End) // only after leading ';' tokens
	}
	to := int(p.toks[p.i-1].End)
	j := p.i
	for p.toks[j].Kind == lexer.Semicolon {
		j++
	}
	if p.toks[j].Kind == lexer.EOF {
		to = len(p.src)
	}
	return p.src[from:to]
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

// checkBatchFirst enforces SQL Server's batch rule: CREATE DEFAULT,
// FUNCTION, PROCEDURE, RULE, SCHEMA, TRIGGER and VIEW must start the
// batch. Inside IF/WHILE/BEGIN the keyword itself is a syntax error (Msg
// 156); after another statement it is Msg 111.
func (p *parser) checkBatchFirst(start int, alter, orAlter bool) {
	var what string
	switch p.tok().Kw {
	case lexer.KwView:
		what = "VIEW"
	case lexer.KwProc, lexer.KwProcedure:
		what = "PROCEDURE"
	case lexer.KwFunction:
		what = "FUNCTION"
	case lexer.KwTrigger:
		what = "TRIGGER"
	case lexer.KwSchema:
		if alter {
			return
		}
		what = "SCHEMA"
	case lexer.KwDefault:
		what = "DEFAULT"
	case lexer.KwRule:
		what = "RULE"
	default:
		return
	}
	if p.schemaElems && what == "VIEW" && !alter && !orAlter {
		return
	}
	if p.depth > 0 {
		p.fail()
	}
	if p.batchFirst {
		return
	}
	verb := "CREATE"
	if alter {
		verb = "ALTER"
	}
	if what == "PROCEDURE" {
		verb = "CREATE/ALTER"
	}
	panic(bailout{&msgs.Error{Number: 111, Severity: 15, State: 1, Line: p.toks[start].Line,
		Text: "'" + verb + " " + what + "' must be the first statement in a query batch."}})
}
