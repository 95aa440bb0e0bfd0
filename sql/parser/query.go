package parser

import (
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/lexer"
)

// parseQuery parses [WITH …] body [ORDER BY …] [OFFSET … FETCH …] [FOR …]
// [OPTION (…)].
func (p *parser) parseQuery() *ast.Query {
	start := p.i
	q := &ast.Query{}
	if p.isKw(lexer.KwWith) {
		q.With = p.parseWith()
	}
	q.Body = p.parseQueryBody()
	p.parseQueryTail(q)
	q.Span = p.span(start)
	return q
}

// parseQueryTail parses the clauses that follow a query body.
func (p *parser) parseQueryTail(q *ast.Query) {
	if p.isKw(lexer.KwOrder) {
		p.advance()
		p.expectKw(lexer.KwBy)
		q.OrderBy = p.orderItems()
	}
	if p.isKw(lexer.KwOffset) {
		p.advance()
		q.Offset = p.scalarExpr()
		if !p.acceptKw(lexer.KwRows) {
			p.expectKw(lexer.KwRow)
		}
		if p.acceptKw(lexer.KwFetch) {
			if !p.acceptKw(lexer.KwNext) {
				p.expectKw(lexer.KwFirst)
			}
			q.Fetch = p.scalarExpr()
			if !p.acceptKw(lexer.KwRows) {
				p.expectKw(lexer.KwRow)
			}
			p.expectKw(lexer.KwOnly)
		}
	}
	if p.isKw(lexer.KwFor) && (p.peekKw(1, lexer.KwXml) || p.peekKw(1, lexer.KwJson) || p.peekKw(1, lexer.KwBrowse)) {
		q.For = p.parseFor()
	}
	if p.isKw(lexer.KwOption) {
		q.Options = p.parseQueryOptions()
	}
}

func (p *parser) parseWith() *ast.WithClause {
	start := p.i
	p.expectKw(lexer.KwWith)
	w := &ast.WithClause{}
	for {
		cs := p.i
		c := &ast.CTE{Name: p.ident()}
		if p.is(lexer.LParen) {
			c.Columns = p.parenIdentList()
		}
		p.expectKw(lexer.KwAs)
		p.expect(lexer.LParen)
		c.Query = p.parseQuery()
		p.expect(lexer.RParen)
		c.Span = p.span(cs)
		w.CTEs = append(w.CTEs, c)
		if !p.accept(lexer.Comma) {
			break
		}
	}
	w.Span = p.span(start)
	return w
}

// parseQueryBody parses UNION/EXCEPT (left-associative) over INTERSECT
// terms, which bind tighter.
func (p *parser) parseQueryBody() ast.QueryExpr {
	start := p.i
	left := p.parseQueryTerm()
	for {
		var op ast.SetOpKind
		switch {
		case p.isKw(lexer.KwUnion):
			op = ast.Union
		case p.isKw(lexer.KwExcept):
			op = ast.Except
		default:
			return left
		}
		p.advance()
		all := p.acceptKw(lexer.KwAll)
		right := p.parseQueryTerm()
		left = &ast.SetOp{Span: p.span(start), Op: op, All: all, Left: left, Right: right}
	}
}

func (p *parser) parseQueryTerm() ast.QueryExpr {
	start := p.i
	left := p.parseQueryPrimary()
	for p.isKw(lexer.KwIntersect) {
		p.advance()
		right := p.parseQueryPrimary()
		left = &ast.SetOp{Span: p.span(start), Op: ast.Intersect, Left: left, Right: right}
	}
	return left
}

func (p *parser) parseQueryPrimary() ast.QueryExpr {
	if p.is(lexer.LParen) {
		start := p.i
		p.advance()
		q := p.parseQuery()
		p.expect(lexer.RParen)
		return &ast.ParenQuery{Span: p.span(start), Query: q}
	}
	return p.parseSelect()
}

func (p *parser) parseTop() *ast.Top {
	start := p.i
	p.expectKw(lexer.KwTop)
	t := &ast.Top{}
	if p.is(lexer.LParen) {
		p.advance()
		t.Count = p.scalarExpr()
		p.expect(lexer.RParen)
	} else {
		t.Count = p.parsePrimary()
	}
	t.Percent = p.acceptKw(lexer.KwPercent)
	if p.isKw(lexer.KwWith) && p.peekKw(1, lexer.KwTies) {
		p.i += 2
		t.WithTies = true
	}
	t.Span = p.span(start)
	return t
}

func (p *parser) parseSelect() *ast.Select {
	start := p.i
	p.expectKw(lexer.KwSelect)
	s := &ast.Select{}
	if p.acceptKw(lexer.KwDistinct) {
		s.Distinct = true
	} else if p.acceptKw(lexer.KwAll) {
		s.All = true
	}
	if p.isKw(lexer.KwTop) {
		s.Top = p.parseTop()
	}
	s.Items = p.selectItems()
	if p.acceptKw(lexer.KwInto) {
		n := p.objectName()
		s.Into = &n
	}
	if p.acceptKw(lexer.KwFrom) {
		s.From = p.tableList()
	}
	if p.acceptKw(lexer.KwWhere) {
		s.Where = p.parseExpr()
	}
	if p.isKw(lexer.KwGroup) {
		s.GroupBy = p.parseGroupBy()
	}
	if p.acceptKw(lexer.KwHaving) {
		s.Having = p.parseExpr()
	}
	s.Span = p.span(start)
	return s
}

func assignOp(k lexer.Kind) (ast.AssignOp, bool) {
	switch k {
	case lexer.Eq:
		return ast.AssignSet, true
	case lexer.PlusEq:
		return ast.AssignAdd, true
	case lexer.MinusEq:
		return ast.AssignSub, true
	case lexer.StarEq:
		return ast.AssignMul, true
	case lexer.SlashEq:
		return ast.AssignDiv, true
	case lexer.PercentEq:
		return ast.AssignMod, true
	case lexer.AmpEq:
		return ast.AssignAnd, true
	case lexer.PipeEq:
		return ast.AssignOr, true
	case lexer.CaretEq:
		return ast.AssignXor, true
	}
	return 0, false
}

func (p *parser) selectItems() []*ast.SelectItem {
	var out []*ast.SelectItem
	for {
		out = append(out, p.selectItem())
		if !p.accept(lexer.Comma) {
			return out
		}
	}
}

func (p *parser) selectItem() *ast.SelectItem {
	start := p.i
	it := &ast.SelectItem{}
	t := p.tok()
	// @v = expr (and compound forms)
	if t.Kind == lexer.Variable {
		if op, ok := assignOp(p.peek(1).Kind); ok {
			p.i += 2
			it.Var, it.Op = t.Val, op
			it.Expr = p.scalarExpr()
			it.Span = p.span(start)
			return it
		}
	}
	// alias = expr
	if (p.isIdent() || t.Kind == lexer.String) && p.peek(1).Kind == lexer.Eq {
		p.advance()
		it.Alias = ast.Ident{Span: ast.Span{Pos: t.Pos, End: t.End, Line: t.Line}, Name: t.Val, Quoted: t.Kind != lexer.Ident}
		p.advance()
		it.Expr = p.scalarExpr()
		it.Span = p.span(start)
		return it
	}
	it.Expr = p.scalarExpr()
	p.optAlias(&it.Alias, true)
	it.Span = p.span(start)
	return it
}

// optAlias parses [AS] alias. Select-list aliases may be string literals.
func (p *parser) optAlias(a *ast.Ident, allowString bool) {
	t := p.tok()
	if p.acceptKw(lexer.KwAs) {
		t = p.tok()
		if allowString && t.Kind == lexer.String {
			p.advance()
			*a = ast.Ident{Span: ast.Span{Pos: t.Pos, End: t.End, Line: t.Line}, Name: t.Val, Quoted: true}
			return
		}
		*a = p.ident()
		return
	}
	if allowString && t.Kind == lexer.String {
		p.advance()
		*a = ast.Ident{Span: ast.Span{Pos: t.Pos, End: t.End, Line: t.Line}, Name: t.Val, Quoted: true}
		return
	}
	if p.isIdent() && (allowString || !p.notTableAlias()) {
		*a = p.ident()
	}
}

// notTableAlias lists non-reserved words that can follow a table source
// without being its alias (MERGE … USING, DML … OUTPUT).
func (p *parser) notTableAlias() bool {
	t := p.tok()
	if t.Kind != lexer.Ident {
		return false
	}
	switch t.Kw {
	case lexer.KwOutput, lexer.KwUsing:
		return true
	}
	return false
}

func (p *parser) parseGroupBy() *ast.GroupBy {
	start := p.i
	p.expectKw(lexer.KwGroup)
	p.expectKw(lexer.KwBy)
	g := &ast.GroupBy{All: p.acceptKw(lexer.KwAll)}
	for {
		g.Items = append(g.Items, p.groupingItem())
		if !p.accept(lexer.Comma) {
			break
		}
	}
	if p.isKw(lexer.KwWith) && p.peekKw(1, lexer.KwRollup) {
		p.i += 2
		g.WithRollup = true
	} else if p.isKw(lexer.KwWith) && p.peekKw(1, lexer.KwCube) {
		p.i += 2
		g.WithCube = true
	}
	g.Span = p.span(start)
	return g
}

func (p *parser) groupingItem() ast.Expr {
	start := p.i
	var kind ast.GroupingKind
	switch {
	case p.isKw(lexer.KwRollup) && p.peek(1).Kind == lexer.LParen:
		kind = ast.GroupRollup
		p.advance()
	case p.isKw(lexer.KwCube) && p.peek(1).Kind == lexer.LParen:
		kind = ast.GroupCube
		p.advance()
	case p.isKw(lexer.KwGrouping) && p.peekKw(1, lexer.KwSets):
		kind = ast.GroupSets
		p.i += 2
	case p.is(lexer.LParen) && p.peek(1).Kind == lexer.RParen:
		p.i += 2
		return &ast.RowExpr{Span: p.span(start)}
	default:
		return p.scalarExpr()
	}
	p.expect(lexer.LParen)
	g := &ast.GroupingExpr{Kind: kind}
	for {
		g.Items = append(g.Items, p.groupingItem())
		if !p.accept(lexer.Comma) {
			break
		}
	}
	p.expect(lexer.RParen)
	g.Span = p.span(start)
	return g
}

func (p *parser) parseFor() *ast.ForClause {
	start := p.i
	p.expectKw(lexer.KwFor)
	f := &ast.ForClause{}
	switch p.advance().Kw {
	case lexer.KwXml:
		f.Kind = ast.ForXML
	case lexer.KwJson:
		f.Kind = ast.ForJSON
	default:
		f.Kind = ast.ForBrowse
		f.Span = p.span(start)
		return f
	}
	f.Mode = p.word()
	if f.Mode == "" {
		p.fail()
	}
	p.advance()
	if p.is(lexer.LParen) {
		p.advance()
		f.ModeArg = p.stringLit()
		p.expect(lexer.RParen)
	}
	for p.accept(lexer.Comma) {
		ds := p.i
		d := &ast.ForDirective{}
		var words []string
		if p.is(lexer.Ident) && !p.isKw(lexer.KwOption) {
			words = append(words, p.word())
			p.advance()
			// Only ELEMENTS XSINIL|ABSENT and BINARY BASE64 take a second
			// word: a directive must not swallow the next statement's
			// first words (FOR JSON PATH, INCLUDE_NULL_VALUES ⏎ SELECT …).
			if w := words[0]; (w == "ELEMENTS" || w == "BINARY") && p.is(lexer.Ident) {
				if nw := p.word(); nw == "XSINIL" || nw == "ABSENT" || nw == "BASE64" {
					words = append(words, nw)
					p.advance()
				}
			}
		}
		if len(words) == 0 {
			p.fail()
		}
		d.Name = strings.Join(words, " ")
		if p.is(lexer.LParen) {
			p.advance()
			d.Arg = p.stringLit()
			p.expect(lexer.RParen)
		}
		d.Span = p.span(ds)
		f.Directives = append(f.Directives, d)
	}
	f.Span = p.span(start)
	return f
}

func (p *parser) stringLit() *ast.Literal {
	t := p.tok()
	switch t.Kind {
	case lexer.String:
		return p.literal(ast.LitString).(*ast.Literal)
	case lexer.NString:
		return p.literal(ast.LitNString).(*ast.Literal)
	}
	p.fail()
	return nil
}

// parseQueryOptions parses OPTION (hint, …). Hints are kept as an upper
// case name and an optional value.
func (p *parser) parseQueryOptions() []*ast.Option {
	p.expectKw(lexer.KwOption)
	return p.optionList(true)
}

// optionList parses (name [=] [value], …): index options, query hints,
// table options. Multi-word names are joined with one space.
func (p *parser) optionList(hints bool) []*ast.Option {
	p.expect(lexer.LParen)
	var out []*ast.Option
	for {
		start := p.i
		o := &ast.Option{}
		var words []string
		for p.is(lexer.Ident) || p.is(lexer.QuotedIdent) {
			words = append(words, strings.ToUpper(p.tok().Val))
			p.advance()
			if p.is(lexer.Eq) || p.is(lexer.Comma) || p.is(lexer.RParen) || p.is(lexer.LParen) {
				break
			}
			if !hints {
				break
			}
			if k := p.tok().Kind; k != lexer.Ident && k != lexer.QuotedIdent {
				break
			}
		}
		if len(words) == 0 {
			p.fail()
		}
		o.Name = strings.Join(words, " ")
		if p.accept(lexer.Eq) {
			o.Value = p.optionValue()
		} else if !p.is(lexer.Comma) && !p.is(lexer.RParen) {
			o.Value = p.optionValue()
		}
		o.Span = p.span(start)
		out = append(out, o)
		if !p.accept(lexer.Comma) {
			break
		}
	}
	p.expect(lexer.RParen)
	return out
}

// optionValue parses an option value: an expression, a bare word (ON,
// OFF, PAGE, [master]: a LitString literal whose Text is the word as
// written, so it prints back bare), or a parenthesised list (a RowExpr).
func (p *parser) optionValue() ast.Expr {
	t := p.tok()
	if (t.Kind == lexer.Ident && t.Kw != lexer.KwNull || t.Kind == lexer.QuotedIdent) &&
		p.peek(1).Kind != lexer.LParen && p.peek(1).Kind != lexer.Dot {
		// A bare word (ON, OFF, FULL, PAGE, [master]) is kept as a word
		// literal: Text is the word as written, Val its decoded form.
		p.advance()
		return &ast.Literal{Span: ast.Span{Pos: t.Pos, End: t.End, Line: t.Line}, Kind: ast.LitString, Text: p.src[t.Pos:t.End], Val: t.Val}
	}
	if t.Kind == lexer.LParen {
		start := p.i
		p.advance()
		var list []ast.Expr
		for !p.is(lexer.RParen) {
			if p.isIdent() && p.peek(1).Kind == lexer.Eq {
				// NAME = value inside a nested option list
				is := p.i
				name := p.ident()
				p.advance()
				col := &ast.ColumnRef{Span: name.Span, Name: name}
				list = append(list, &ast.BinaryExpr{Op: ast.OpEq, L: col, R: p.optionValue(), Span: p.span(is)})
			} else {
				list = append(list, p.optionValue())
			}
			if !p.accept(lexer.Comma) {
				break
			}
		}
		p.expect(lexer.RParen)
		return &ast.RowExpr{Span: p.span(start), Exprs: list}
	}
	return p.parseExpr()
}
