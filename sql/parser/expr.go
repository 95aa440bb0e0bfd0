package parser

import (
	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/lexer"
)

// Binding powers, lowest first: OR, AND, NOT, comparisons and predicates
// (BETWEEN, IN, LIKE, IS), additive and bitwise (+ - & ^ |), multiplicative
// (* / %); unary ~ + - bind tightest.
const (
	precOr = iota + 1
	precAnd
	precNot
	precCmp
	precAdd
	precMul
)

// parseExpr parses a search condition or expression: predicates (=, AND,
// LIKE, …) are allowed at the top.
func (p *parser) parseExpr() ast.Expr {
	save := p.inScalar
	p.inScalar = false
	e := p.parseBinary(precOr)
	p.inScalar = save
	return e
}

// scalarExpr parses a value expression, where SQL Server's grammar has no
// predicates: "SELECT a = b = 1" is an error, not an alias for a
// comparison. Predicates return inside CASE WHEN, IIF and subqueries.
func (p *parser) scalarExpr() ast.Expr {
	save := p.inScalar
	p.inScalar = true
	e := p.parseBinary(precAdd)
	p.inScalar = save
	return e
}

func binaryOp(t *lexer.Token) (ast.BinaryOp, int) {
	switch t.Kind {
	case lexer.Star:
		return ast.OpMul, precMul
	case lexer.Slash:
		return ast.OpDiv, precMul
	case lexer.Percent:
		return ast.OpMod, precMul
	case lexer.Plus:
		return ast.OpAdd, precAdd
	case lexer.Minus:
		return ast.OpSub, precAdd
	case lexer.Amp:
		return ast.OpBitAnd, precAdd
	case lexer.Pipe:
		return ast.OpBitOr, precAdd
	case lexer.Caret:
		return ast.OpBitXor, precAdd
	case lexer.Eq:
		return ast.OpEq, precCmp
	case lexer.Ne, lexer.NeBang:
		return ast.OpNe, precCmp
	case lexer.Lt:
		return ast.OpLt, precCmp
	case lexer.Gt:
		return ast.OpGt, precCmp
	case lexer.Le:
		return ast.OpLe, precCmp
	case lexer.Ge:
		return ast.OpGe, precCmp
	case lexer.NotLt:
		return ast.OpNotLt, precCmp
	case lexer.NotGt:
		return ast.OpNotGt, precCmp
	case lexer.Ident:
		switch t.Kw {
		case lexer.KwAnd:
			return ast.OpAnd, precAnd
		case lexer.KwOr:
			return ast.OpOr, precOr
		}
	}
	return 0, 0
}

// parseBinary is precedence climbing over binary operators and the
// postfix predicates (which sit at comparison level).
func (p *parser) parseBinary(minPrec int) ast.Expr {
	start := p.i
	var left ast.Expr
	if minPrec <= precNot && p.isKw(lexer.KwNot) {
		p.advance()
		x := p.parseBinary(precNot)
		left = &ast.UnaryExpr{Span: p.span(start), Op: ast.OpNot, X: x}
	} else {
		left = p.parseUnary()
	}
	for {
		if minPrec <= precCmp {
			if e := p.parsePredicate(start, left); e != nil {
				left = e
				continue
			}
		}
		op, prec := binaryOp(p.tok())
		if prec == 0 || prec < minPrec {
			return left
		}
		p.advance()
		if prec == precCmp && (p.isKw(lexer.KwAll) || p.isKw(lexer.KwAny) || p.isKw(lexer.KwSome)) && p.peek(1).Kind == lexer.LParen {
			q := ast.QuantAll
			if p.isKw(lexer.KwAny) {
				q = ast.QuantAny
			} else if p.isKw(lexer.KwSome) {
				q = ast.QuantSome
			}
			p.advance()
			p.expect(lexer.LParen)
			query := p.parseQuery()
			p.expect(lexer.RParen)
			left = &ast.QuantifiedExpr{Span: p.span(start), Op: op, Quant: q, X: left, Query: query}
			continue
		}
		right := p.parseBinary(prec + 1)
		left = &ast.BinaryExpr{Span: p.span(start), Op: op, L: left, R: right}
	}
}

// parsePredicate parses [NOT] BETWEEN/IN/LIKE and IS [NOT] NULL after
// left, or returns nil.
func (p *parser) parsePredicate(start int, left ast.Expr) ast.Expr {
	not := false
	save := p.i
	if p.isKw(lexer.KwNot) {
		nt := p.peek(1)
		if nt.Kind != lexer.Ident || (nt.Kw != lexer.KwBetween && nt.Kw != lexer.KwIn && nt.Kw != lexer.KwLike) {
			return nil
		}
		p.advance()
		not = true
	}
	t := p.tok()
	if t.Kind != lexer.Ident {
		return nil
	}
	switch t.Kw {
	case lexer.KwBetween:
		p.advance()
		lo := p.parseBinary(precAdd)
		p.expectKw(lexer.KwAnd)
		hi := p.parseBinary(precAdd)
		return &ast.BetweenExpr{Span: p.span(start), Not: not, X: left, Low: lo, High: hi}
	case lexer.KwIn:
		p.advance()
		p.expect(lexer.LParen)
		e := &ast.InExpr{Not: not, X: left}
		if p.queryStarts() {
			e.Query = p.parseQuery()
		} else {
			e.List = p.exprList()
		}
		p.expect(lexer.RParen)
		e.Span = p.span(start)
		return e
	case lexer.KwLike:
		p.advance()
		e := &ast.LikeExpr{Not: not, X: left, Pattern: p.parseBinary(precAdd)}
		if p.acceptKw(lexer.KwEscape) {
			e.Escape = p.parseBinary(precAdd)
		}
		e.Span = p.span(start)
		return e
	case lexer.KwIs:
		p.advance()
		n := p.acceptKw(lexer.KwNot)
		if p.acceptKw(lexer.KwDistinct) {
			p.expectKw(lexer.KwFrom)
			r := p.parseBinary(precAdd)
			return &ast.IsDistinctExpr{Span: p.span(start), Not: n, L: left, R: r}
		}
		p.expectKw(lexer.KwNull)
		return &ast.IsNullExpr{Span: p.span(start), Not: n, X: left}
	}
	p.i = save
	return nil
}

func (p *parser) exprList() []ast.Expr {
	var out []ast.Expr
	for {
		out = append(out, p.scalarExpr())
		if !p.accept(lexer.Comma) {
			return out
		}
	}
}

func (p *parser) parseUnary() ast.Expr {
	start := p.i
	var op ast.UnaryOp
	switch p.tok().Kind {
	case lexer.Minus:
		op = ast.OpNeg
	case lexer.Plus:
		op = ast.OpPlus
	case lexer.Tilde:
		op = ast.OpBitNot
	default:
		return p.parsePostfix(p.parsePrimary())
	}
	p.advance()
	x := p.parseUnary()
	return &ast.UnaryExpr{Span: p.span(start), Op: op, X: x}
}

// parsePostfix handles COLLATE and AT TIME ZONE after a primary.
func (p *parser) parsePostfix(x ast.Expr) ast.Expr {
	for p.isKw(lexer.KwCollate) || p.atTimeZoneAhead() {
		if !p.isKw(lexer.KwCollate) {
			x = p.parseAtTimeZone(x)
			continue
		}
		start := p.i
		if s, ok := x.(interface{ NodeSpan() ast.Span }); ok {
			_ = s
		}
		p.advance()
		c := p.anyIdent()
		sp := x.NodeSpan()
		sp.End = p.span(start).End
		x = &ast.CollateExpr{Span: sp, X: x, Collation: c.Name}
	}
	return x
}

// queryStarts reports whether a query begins at the current token
// (SELECT, WITH, or parentheses around one).
func (p *parser) queryStarts() bool {
	for i := 0; ; i++ {
		t := p.peek(i)
		if t.Kind == lexer.LParen {
			continue
		}
		return t.Kind == lexer.Ident && (t.Kw == lexer.KwSelect || t.Kw == lexer.KwWith && i == 0)
	}
}

func (p *parser) literal(kind ast.LitKind) ast.Expr {
	t := p.advance()
	return &ast.Literal{Span: ast.Span{Pos: t.Pos, End: t.End, Line: t.Line}, Kind: kind, Text: p.src[t.Pos:t.End], Val: t.Val}
}

// intKind classifies an integer constant: SQL Server types one that does
// not fit int as numeric(p, 0).
func intKind(digits string) ast.LitKind {
	i := 0
	for i < len(digits)-1 && digits[i] == '0' {
		i++
	}
	d := digits[i:]
	if len(d) < 10 || len(d) == 10 && d <= "2147483647" {
		return ast.LitInt
	}
	return ast.LitDecimal
}

func (p *parser) parsePrimary() ast.Expr {
	t := p.tok()
	start := p.i
	switch t.Kind {
	case lexer.Int:
		return p.literal(intKind(t.Val))
	case lexer.Decimal:
		return p.literal(ast.LitDecimal)
	case lexer.Float:
		return p.literal(ast.LitFloat)
	case lexer.Money:
		return p.literal(ast.LitMoney)
	case lexer.String:
		return p.literal(ast.LitString)
	case lexer.NString:
		return p.literal(ast.LitNString)
	case lexer.Binary:
		return p.literal(ast.LitBinary)
	case lexer.Variable:
		p.advance()
		v := &ast.VarRef{Span: p.span(start), Name: t.Val}
		if p.is(lexer.Dot) && p.isIdentAt(1) && p.peek(2).Kind == lexer.LParen {
			p.advance()
			m := p.anyIdent()
			args := p.callArgs()
			return p.methodChain(&ast.MethodCall{Span: p.span(start), X: v, Method: m, Args: args}, start)
		}
		return p.methodChain(v, start)
	case lexer.GlobalVar:
		p.advance()
		return &ast.GlobalVarRef{Span: p.span(start), Name: t.Val}
	case lexer.LParen:
		p.advance()
		if p.queryStarts() {
			q := p.parseQuery()
			p.expect(lexer.RParen)
			var x ast.Expr = &ast.SubqueryExpr{Span: p.span(start), Query: q}
			// (SELECT … FOR XML PATH(''), TYPE).value('.', 'nvarchar(max)')
			for p.is(lexer.Dot) && p.isIdentAt(1) && p.peek(2).Kind == lexer.LParen {
				p.advance()
				m := p.anyIdent()
				x = &ast.MethodCall{X: x, Method: m, Args: p.callArgs(), Span: p.span(start)}
			}
			return x
		}
		sub := p.parseExpr
		if p.inScalar {
			sub = p.scalarExpr
		}
		x := sub()
		if p.is(lexer.Comma) {
			// (a, b) row: only meaningful in GROUPING SETS/ROLLUP/CUBE.
			list := []ast.Expr{x}
			for p.accept(lexer.Comma) {
				list = append(list, sub())
			}
			p.expect(lexer.RParen)
			return &ast.RowExpr{Span: p.span(start), Exprs: list}
		}
		p.expect(lexer.RParen)
		return &ast.ParenExpr{Span: p.span(start), X: x}
	case lexer.Star:
		p.advance()
		return &ast.Star{Span: p.span(start)}
	case lexer.QuotedIdent:
		return p.parseNameExpr()
	case lexer.Ident:
		if p.peek(1).Kind == lexer.DoubleColon && !t.Kw.Reserved() {
			return p.methodChain(p.staticMethodCall(), start)
		}
		switch t.Kw {
		case lexer.KwNull:
			p.advance()
			return &ast.Literal{Span: p.span(start), Kind: ast.LitNull, Text: p.src[t.Pos:t.End]}
		case lexer.KwCase:
			return p.parseCase()
		case lexer.KwCast, lexer.KwTryCast:
			if p.peek(1).Kind == lexer.LParen {
				return p.methodChain(p.parseCast(), start)
			}
		case lexer.KwConvert, lexer.KwTryConvert:
			return p.methodChain(p.parseConvert(), start)
		case lexer.KwParse, lexer.KwTryParse:
			if p.peek(1).Kind == lexer.LParen {
				return p.parseParseFn()
			}
		case lexer.KwExists:
			p.advance()
			p.expect(lexer.LParen)
			q := p.parseQuery()
			p.expect(lexer.RParen)
			return &ast.ExistsExpr{Span: p.span(start), Query: q}
		case lexer.KwNext:
			if p.peekKw(1, lexer.KwValue) && p.peekKw(2, lexer.KwFor) {
				p.i += 3
				e := &ast.NextValueExpr{Seq: p.objectName()}
				if p.isKw(lexer.KwOver) {
					e.Over = p.parseOver()
				}
				e.Span = p.span(start)
				return e
			}
		case lexer.KwDefault:
			p.advance()
			return &ast.DefaultExpr{Span: p.span(start)}
		case lexer.KwCurrentTimestamp, lexer.KwCurrentUser, lexer.KwSessionUser, lexer.KwSystemUser, lexer.KwUser, lexer.KwCurrentDate:
			if p.peek(1).Kind != lexer.LParen {
				p.advance()
				return &ast.FuncCall{Span: p.span(start), Name: ast.ObjectName{Span: p.span(start), Name: ast.Ident{Span: p.span(start), Name: t.Val}}, NoParens: true}
			}
			return p.parseNameExpr()
		case lexer.KwCoalesce, lexer.KwNullif, lexer.KwLeft, lexer.KwRight, lexer.KwUpdate, lexer.KwIdentity,
			lexer.KwContains, lexer.KwFreetext:
			if p.peek(1).Kind == lexer.LParen {
				return p.parseNameExpr()
			}
		}
		if !t.Kw.Reserved() {
			return p.parseNameExpr()
		}
	}
	p.fail()
	return nil
}

// parseNameExpr parses a column reference, qualified star, or function
// call starting with a name.
func (p *parser) parseNameExpr() ast.Expr {
	start := p.i
	var parts [5]ast.Ident
	n := 0
	parts[0] = p.wordIdent()
	n = 1
	if t := &p.toks[start]; t.Kind == lexer.Ident && t.Kw.Reserved() && p.tok().Kind != lexer.LParen {
		parts[0].Quoted = true // USER.x: a reserved word used as a name
	}
	for p.is(lexer.Dot) {
		p.advance()
		if p.is(lexer.Star) {
			p.advance()
			return &ast.Star{Span: p.span(start), Table: p.makeName(start, parts[:n])}
		}
		if n == 5 {
			p.fail()
		}
		if p.is(lexer.Dot) {
			n++
			continue
		}
		parts[n] = p.anyIdent()
		n++
	}
	if p.is(lexer.LParen) {
		if n > 4 {
			p.fail()
		}
		if n == 1 && !parts[0].Quoted && equalFold(parts[0].Name, "TRIM") {
			return p.parseTrim(start, p.makeName(start, parts[:n]))
		}
		return p.methodChain(p.parseCall(start, p.makeName(start, parts[:n])), start)
	}
	c := &ast.ColumnRef{Name: parts[n-1]}
	if n > 1 {
		if n > 5 {
			p.fail()
		}
		c.Table = p.makeName(start, parts[:n-1])
		c.Table.Span.End = parts[n-2].End
	}
	c.Span = p.span(start)
	return c
}

func (p *parser) callArgs() []ast.Expr {
	p.expect(lexer.LParen)
	if p.accept(lexer.RParen) {
		return nil
	}
	args := p.exprList()
	p.expect(lexer.RParen)
	return args
}

func (p *parser) parseCall(start int, name ast.ObjectName) ast.Expr {
	f := &ast.FuncCall{Name: name}
	p.expect(lexer.LParen)
	if !p.is(lexer.RParen) {
		if p.acceptKw(lexer.KwDistinct) {
			f.Distinct = true
		} else {
			p.acceptKw(lexer.KwAll)
		}
		if name.Schema.IsZero() && equalFold(name.Name.Name, "IIF") && !name.Name.Quoted {
			// IIF(condition, a, b): the first argument is a predicate.
			f.Args = append(f.Args, p.parseExpr())
			if p.accept(lexer.Comma) {
				f.Args = append(f.Args, p.exprList()...)
			}
		} else {
			f.Args = p.exprList()
		}
	}
	p.expect(lexer.RParen)
	if p.isKw(lexer.KwWithin) && p.peekKw(1, lexer.KwGroup) {
		p.i += 2
		p.expect(lexer.LParen)
		p.expectKw(lexer.KwOrder)
		p.expectKw(lexer.KwBy)
		f.WithinGroup = p.orderItems()
		p.expect(lexer.RParen)
	}
	if p.isKw(lexer.KwOver) {
		f.Over = p.parseOver()
	}
	f.Span = p.span(start)
	return f
}

func (p *parser) parseOver() *ast.OverClause {
	start := p.i
	p.expectKw(lexer.KwOver)
	p.expect(lexer.LParen)
	o := &ast.OverClause{}
	if p.acceptKw(lexer.KwPartition) {
		p.expectKw(lexer.KwBy)
		o.PartitionBy = p.exprList()
	}
	if p.acceptKw(lexer.KwOrder) {
		p.expectKw(lexer.KwBy)
		o.OrderBy = p.orderItems()
	}
	if p.isKw(lexer.KwRows) || p.isKw(lexer.KwRange) {
		fs := p.i
		f := &ast.WindowFrame{Unit: ast.FrameRows}
		if p.advance().Kw == lexer.KwRange {
			f.Unit = ast.FrameRange
		}
		if p.acceptKw(lexer.KwBetween) {
			f.Start = p.frameBound()
			p.expectKw(lexer.KwAnd)
			f.End = p.frameBound()
		} else {
			f.Start = p.frameBound()
		}
		f.Span = p.span(fs)
		o.Frame = f
	}
	p.expect(lexer.RParen)
	o.Span = p.span(start)
	return o
}

func (p *parser) frameBound() *ast.FrameBound {
	start := p.i
	b := &ast.FrameBound{}
	switch {
	case p.acceptKw(lexer.KwUnbounded):
		if p.acceptKw(lexer.KwPreceding) {
			b.Kind = ast.BoundUnboundedPreceding
		} else {
			p.expectKw(lexer.KwFollowing)
			b.Kind = ast.BoundUnboundedFollowing
		}
	case p.acceptKw(lexer.KwCurrent):
		p.expectKw(lexer.KwRow)
		b.Kind = ast.BoundCurrentRow
	default:
		b.Offset = p.parseUnary()
		if p.acceptKw(lexer.KwPreceding) {
			b.Kind = ast.BoundPreceding
		} else {
			p.expectKw(lexer.KwFollowing)
			b.Kind = ast.BoundFollowing
		}
	}
	b.Span = p.span(start)
	return b
}

func (p *parser) orderItems() []*ast.OrderItem {
	var out []*ast.OrderItem
	for {
		start := p.i
		o := &ast.OrderItem{X: p.scalarExpr()}
		if p.acceptKw(lexer.KwDesc) {
			o.Desc = true
		} else {
			p.acceptKw(lexer.KwAsc)
		}
		o.Span = p.span(start)
		out = append(out, o)
		if !p.accept(lexer.Comma) {
			return out
		}
	}
}

func (p *parser) parseCase() ast.Expr {
	start := p.i
	p.expectKw(lexer.KwCase)
	c := &ast.CaseExpr{}
	if !p.isKw(lexer.KwWhen) {
		c.Operand = p.scalarExpr()
	}
	for p.isKw(lexer.KwWhen) {
		ws := p.i
		p.advance()
		var w *ast.When
		if c.Operand != nil {
			w = &ast.When{Cond: p.scalarExpr()}
		} else {
			w = &ast.When{Cond: p.parseExpr()}
		}
		p.expectKw(lexer.KwThen)
		w.Result = p.scalarExpr()
		w.Span = p.span(ws)
		c.Whens = append(c.Whens, w)
	}
	if len(c.Whens) == 0 {
		p.fail()
	}
	if p.acceptKw(lexer.KwElse) {
		c.Else = p.scalarExpr()
	}
	p.expectKw(lexer.KwEnd)
	c.Span = p.span(start)
	return c
}

func (p *parser) parseCast() ast.Expr {
	start := p.i
	try := p.advance().Kw == lexer.KwTryCast
	p.expect(lexer.LParen)
	x := p.scalarExpr()
	p.expectKw(lexer.KwAs)
	typ := p.typeName()
	p.expect(lexer.RParen)
	return &ast.CastExpr{Span: p.span(start), Try: try, X: x, Type: typ}
}

func (p *parser) parseConvert() ast.Expr {
	start := p.i
	try := p.advance().Kw == lexer.KwTryConvert
	p.expect(lexer.LParen)
	c := &ast.ConvertExpr{Try: try, Type: p.typeName()}
	p.expect(lexer.Comma)
	c.X = p.scalarExpr()
	if p.accept(lexer.Comma) {
		c.Style = p.scalarExpr()
	}
	p.expect(lexer.RParen)
	c.Span = p.span(start)
	return c
}

func (p *parser) parseParseFn() ast.Expr {
	start := p.i
	try := p.advance().Kw == lexer.KwTryParse
	p.expect(lexer.LParen)
	e := &ast.ParseExpr{Try: try, X: p.scalarExpr()}
	p.expectKw(lexer.KwAs)
	e.Type = p.typeName()
	if p.acceptKw(lexer.KwUsing) {
		e.Culture = p.scalarExpr()
	}
	p.expect(lexer.RParen)
	e.Span = p.span(start)
	return e
}
