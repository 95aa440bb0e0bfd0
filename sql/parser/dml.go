package parser

import (
	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/lexer"
)

// dmlTarget parses the target of INSERT/UPDATE/DELETE/MERGE: a table name
// (with optional hints) or a table variable.
func (p *parser) dmlTarget(alias bool) ast.TableExpr {
	start := p.i
	if p.is(lexer.Variable) {
		v := &ast.VarTable{Name: p.advance().Val}
		if alias {
			p.optAlias(&v.Alias, false)
		}
		v.Span = p.span(start)
		return v
	}
	nt := &ast.NamedTable{Name: p.objectName()}
	if alias {
		p.optAlias(&nt.Alias, false)
	}
	if p.isKw(lexer.KwWith) && p.peek(1).Kind == lexer.LParen {
		p.advance()
		nt.Hints = p.tableHints()
	} else if p.is(lexer.LParen) && p.oldStyleHints() {
		nt.Hints = p.tableHints()
	}
	nt.Span = p.span(start)
	return nt
}

func (p *parser) parseOutput() (into, plain *ast.OutputClause) {
	for p.isKw(lexer.KwOutput) {
		start := p.i
		p.advance()
		o := &ast.OutputClause{Items: p.selectItems()}
		if p.acceptKw(lexer.KwInto) {
			o.Into = p.dmlTarget(false)
			if p.is(lexer.LParen) {
				o.IntoColumns = p.parenIdentList()
			}
			o.Span = p.span(start)
			if into != nil {
				p.failAt(start)
			}
			into = o
			continue
		}
		o.Span = p.span(start)
		if plain != nil {
			p.failAt(start)
		}
		plain = o
	}
	return into, plain
}

func (p *parser) parseInsert(with *ast.WithClause) ast.Stmt {
	start := p.withStart(with)
	p.expectKw(lexer.KwInsert)
	s := &ast.InsertStmt{With: with}
	if p.isKw(lexer.KwTop) {
		s.Top = p.parseTop()
	}
	p.acceptKw(lexer.KwInto)
	s.Target = p.dmlTarget(false)
	if p.is(lexer.LParen) && !p.queryStarts() {
		s.Columns = p.parenIdentList()
	}
	s.OutputInto, s.Output = p.parseOutput()
	switch {
	case p.isKw(lexer.KwValues):
		p.advance()
		s.Values = p.valuesRows()
	case p.isKw(lexer.KwDefault):
		p.advance()
		p.expectKw(lexer.KwValues)
		s.DefaultValues = true
	case p.isKw(lexer.KwExec) || p.isKw(lexer.KwExecute):
		s.Exec = p.parseExec().(*ast.ExecStmt)
	case p.queryStarts():
		s.Query = p.parseQuery()
	default:
		p.fail()
	}
	if p.isKw(lexer.KwOption) {
		s.Options = p.parseQueryOptions()
	}
	s.Span = p.span(start)
	return s
}

// withStart finds the token index where a WITH clause began, so spans of
// WITH-prefixed DML cover the CTEs.
func (p *parser) withStart(with *ast.WithClause) int {
	if with == nil {
		return p.i
	}
	for i := p.i - 1; i >= 0; i-- {
		if p.toks[i].Pos == with.Pos {
			return i
		}
	}
	return p.i
}

func (p *parser) setClauses() []*ast.SetClause {
	var out []*ast.SetClause
	for {
		start := p.i
		c := &ast.SetClause{}
		if p.is(lexer.Variable) {
			c.Var = p.advance().Val
			op, ok := assignOp(p.tok().Kind)
			if !ok {
				p.fail()
			}
			p.advance()
			c.Op = op
			// @v = col = expr
			if op == ast.AssignSet && p.isIdent() {
				save := p.i
				if cr, ok := p.parseNameExpr().(*ast.ColumnRef); ok && p.is(lexer.Eq) {
					p.advance()
					c.Column = cr
				} else {
					p.i = save
				}
			}
		} else {
			cr, ok := p.parseNameExpr().(*ast.ColumnRef)
			if !ok {
				p.failAt(start)
			}
			c.Column = cr
			op, ok := assignOp(p.tok().Kind)
			if !ok {
				p.fail()
			}
			p.advance()
			c.Op = op
		}
		c.Value = p.scalarExpr()
		c.Span = p.span(start)
		out = append(out, c)
		if !p.accept(lexer.Comma) {
			return out
		}
	}
}

func (p *parser) whereClause(where *ast.Expr, cur **ast.CursorRef) {
	if !p.acceptKw(lexer.KwWhere) {
		return
	}
	if p.isKw(lexer.KwCurrent) && p.peekKw(1, lexer.KwOf) {
		p.i += 2
		*cur = p.cursorRef()
		return
	}
	*where = p.parseExpr()
}

func (p *parser) parseUpdate(with *ast.WithClause) ast.Stmt {
	start := p.withStart(with)
	p.expectKw(lexer.KwUpdate)
	s := &ast.UpdateStmt{With: with}
	if p.isKw(lexer.KwTop) {
		s.Top = p.parseTop()
	}
	s.Target = p.dmlTarget(false)
	p.expectKw(lexer.KwSet)
	s.Set = p.setClauses()
	s.OutputInto, s.Output = p.parseOutput()
	if p.acceptKw(lexer.KwFrom) {
		s.From = p.tableList()
	}
	p.whereClause(&s.Where, &s.CurrentOf)
	if p.isKw(lexer.KwOption) {
		s.Options = p.parseQueryOptions()
	}
	s.Span = p.span(start)
	return s
}

func (p *parser) parseDelete(with *ast.WithClause) ast.Stmt {
	start := p.withStart(with)
	p.expectKw(lexer.KwDelete)
	s := &ast.DeleteStmt{With: with}
	if p.isKw(lexer.KwTop) {
		s.Top = p.parseTop()
	}
	p.acceptKw(lexer.KwFrom)
	s.Target = p.dmlTarget(false)
	s.OutputInto, s.Output = p.parseOutput()
	if p.acceptKw(lexer.KwFrom) {
		s.From = p.tableList()
	}
	p.whereClause(&s.Where, &s.CurrentOf)
	if p.isKw(lexer.KwOption) {
		s.Options = p.parseQueryOptions()
	}
	s.Span = p.span(start)
	return s
}

func (p *parser) parseMerge(with *ast.WithClause) ast.Stmt {
	start := p.withStart(with)
	p.expectKw(lexer.KwMerge)
	s := &ast.MergeStmt{With: with}
	if p.isKw(lexer.KwTop) {
		s.Top = p.parseTop()
	}
	p.acceptKw(lexer.KwInto)
	s.Target = p.dmlTarget(true)
	p.expectKw(lexer.KwUsing)
	s.Source = p.tableSource()
	p.expectKw(lexer.KwOn)
	s.On = p.parseExpr()
	for p.isKw(lexer.KwWhen) {
		ws := p.i
		p.advance()
		w := &ast.MergeWhen{Match: ast.MergeMatched}
		if p.acceptKw(lexer.KwNot) {
			p.expectKw(lexer.KwMatched)
			w.Match = ast.MergeNotMatched
			if p.acceptKw(lexer.KwBy) {
				if p.acceptKw(lexer.KwSource) {
					w.Match = ast.MergeNotMatchedBySource
				} else {
					p.expectKw(lexer.KwTarget)
				}
			}
		} else {
			p.expectKw(lexer.KwMatched)
		}
		if p.acceptKw(lexer.KwAnd) {
			w.Cond = p.parseExpr()
		}
		p.expectKw(lexer.KwThen)
		switch {
		case p.acceptKw(lexer.KwUpdate):
			p.expectKw(lexer.KwSet)
			w.Action = ast.MergeUpdate
			w.Set = p.setClauses()
		case p.acceptKw(lexer.KwDelete):
			w.Action = ast.MergeDelete
		case p.acceptKw(lexer.KwInsert):
			w.Action = ast.MergeInsert
			if p.is(lexer.LParen) {
				w.Columns = p.parenIdentList()
			}
			if p.acceptKw(lexer.KwDefault) {
				p.expectKw(lexer.KwValues)
				w.DefaultValues = true
			} else {
				p.expectKw(lexer.KwValues)
				p.expect(lexer.LParen)
				w.Values = p.exprList()
				p.expect(lexer.RParen)
			}
		default:
			p.fail()
		}
		w.Span = p.span(ws)
		s.Whens = append(s.Whens, w)
	}
	if len(s.Whens) == 0 {
		p.fail()
	}
	s.OutputInto, s.Output = p.parseOutput()
	if p.isKw(lexer.KwOption) {
		s.Options = p.parseQueryOptions()
	}
	s.Span = p.span(start)
	if !p.is(lexer.Semicolon) {
		if !p.is(lexer.EOF) {
			p.fail()
		}
		p.failMsg(10713, "A MERGE statement must be terminated by a semi-colon (;).")
	}
	return s
}

func (p *parser) parseTruncate() ast.Stmt {
	start := p.i
	p.advance()
	p.expectKw(lexer.KwTable)
	return &ast.TruncateStmt{Table: p.objectName(), Span: p.span(start)}
}
