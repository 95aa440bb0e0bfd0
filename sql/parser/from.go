package parser

import (
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/lexer"
)

// tableList parses comma-separated table sources of a FROM clause.
func (p *parser) tableList() []ast.TableExpr {
	var out []ast.TableExpr
	for {
		out = append(out, p.tableSource())
		if !p.accept(lexer.Comma) {
			return out
		}
	}
}

func (p *parser) tableSource() ast.TableExpr {
	return p.joinChain(p.tablePrimary())
}

// joinKind reports whether a join starts at the current token and, if so,
// its kind, optional hint and how many tokens it spans.
func (p *parser) joinKind() (ast.JoinKind, string, int) {
	t := p.tok()
	if t.Kind != lexer.Ident {
		return 0, "", 0
	}
	n := 0
	var kind ast.JoinKind
	switch t.Kw {
	case lexer.KwJoin:
		return ast.JoinInner, "", 1
	case lexer.KwInner:
		kind, n = ast.JoinInner, 1
	case lexer.KwLeft, lexer.KwRight, lexer.KwFull:
		kind = map[lexer.Keyword]ast.JoinKind{lexer.KwLeft: ast.JoinLeft, lexer.KwRight: ast.JoinRight, lexer.KwFull: ast.JoinFull}[t.Kw]
		n = 1
		if p.peekKw(1, lexer.KwOuter) {
			n = 2
		}
	case lexer.KwCross:
		if p.peekKw(1, lexer.KwJoin) {
			return ast.JoinCross, "", 2
		}
		if p.peekKw(1, lexer.KwApply) {
			return ast.JoinCrossApply, "", 2
		}
		return 0, "", 0
	case lexer.KwOuter:
		if p.peekKw(1, lexer.KwApply) {
			return ast.JoinOuterApply, "", 2
		}
		return 0, "", 0
	default:
		return 0, "", 0
	}
	hint := ""
	if h := p.peek(n); h.Kind == lexer.Ident && (h.Kw == lexer.KwLoop || h.Kw == lexer.KwHash || h.Kw == lexer.KwMerge || h.Kw == lexer.KwRemote) && p.peekKw(n+1, lexer.KwJoin) {
		hint = strings.ToUpper(h.Val)
		n++
	}
	if !p.peekKw(n, lexer.KwJoin) {
		return 0, "", 0
	}
	return kind, hint, n + 1
}

func (p *parser) joinChain(left ast.TableExpr) ast.TableExpr {
	for {
		kind, hint, n := p.joinKind()
		if n == 0 {
			return left
		}
		p.i += n
		right := p.tablePrimary()
		j := &ast.Join{Kind: kind, Hint: hint, Left: left}
		if kind != ast.JoinCross && kind != ast.JoinCrossApply && kind != ast.JoinOuterApply {
			// a JOIN b JOIN c ON … ON …: the inner join nests on the right.
			if _, _, m := p.joinKind(); m > 0 {
				right = p.joinChain(right)
			}
			p.expectKw(lexer.KwOn)
			j.On = p.parseExpr()
		}
		j.Right = right
		sp := left.NodeSpan()
		sp.End = p.toks[p.i-1].End
		j.Span = sp
		left = j
	}
}

func (p *parser) tablePrimary() ast.TableExpr {
	start := p.i
	var te ast.TableExpr
	t := p.tok()
	switch {
	case t.Kind == lexer.LParen:
		switch {
		case p.peekKw(1, lexer.KwValues):
			p.advance()
			p.advance()
			v := &ast.ValuesTable{Rows: p.valuesRows()}
			p.expect(lexer.RParen)
			p.optAlias(&v.Alias, false)
			if v.Alias.IsZero() {
				p.fail()
			}
			if p.is(lexer.LParen) {
				v.Columns = p.parenIdentList()
			}
			v.Span = p.span(start)
			te = v
		case p.queryStarts():
			p.advance()
			d := &ast.DerivedTable{Query: p.parseQuery()}
			p.expect(lexer.RParen)
			p.optAlias(&d.Alias, false)
			if d.Alias.IsZero() {
				p.fail() // a derived table needs a correlation name
			}
			if p.is(lexer.LParen) {
				d.Columns = p.parenIdentList()
			}
			d.Span = p.span(start)
			te = d
		default:
			p.advance()
			x := p.tableSource()
			p.expect(lexer.RParen)
			te = &ast.ParenTable{Span: p.span(start), X: x}
		}
	case t.Kind == lexer.Variable:
		p.advance()
		if p.is(lexer.Dot) {
			// @x.nodes('…') AS t(c)
			p.advance()
			m := &ast.MethodCall{X: &ast.VarRef{Span: p.span(start), Name: t.Val}, Method: p.anyIdent()}
			m.Args = p.callArgs()
			m.Span = p.span(start)
			f := &ast.FuncTable{Method: m}
			p.optAlias(&f.Alias, false)
			if p.is(lexer.LParen) {
				f.Columns = p.parenIdentList()
			}
			f.Span = p.span(start)
			te = f
			break
		}
		v := &ast.VarTable{Name: t.Val}
		p.optAlias(&v.Alias, false)
		v.Span = p.span(start)
		te = v
	case p.isIdent() || t.Kind == lexer.Dot || t.Kind == lexer.Ident && (t.Kw == lexer.KwOpenquery || t.Kw == lexer.KwOpenrowset || t.Kw == lexer.KwOpenxml || t.Kw == lexer.KwContainstable || t.Kw == lexer.KwFreetexttable):
		var name ast.ObjectName
		if t.Kind == lexer.Ident && t.Kw.Reserved() {
			id := p.wordIdent()
			name = ast.ObjectName{Span: id.Span, Name: id}
		} else {
			name = p.objectName()
		}
		if p.is(lexer.LParen) && !p.oldStyleHints() {
			call := &ast.FuncCall{Name: name, Args: p.callArgs()}
			call.Span = p.span(start)
			f := &ast.FuncTable{Call: call}
			if p.isKw(lexer.KwWith) && p.peek(1).Kind == lexer.LParen && name.Schema.IsZero() && equalFold(name.Name.Name, "OPENJSON") {
				p.advance()
				f.With = p.jsonColumns()
			}
			p.optAlias(&f.Alias, false)
			if p.is(lexer.LParen) {
				f.Columns = p.parenIdentList()
			}
			f.Span = p.span(start)
			te = f
			break
		}
		nt := &ast.NamedTable{Name: name}
		if p.is(lexer.LParen) {
			nt.Hints = p.tableHints()
		}
		p.optAlias(&nt.Alias, false)
		if p.isKw(lexer.KwTablesample) {
			nt.Sample = p.tableSample()
		}
		if p.isKw(lexer.KwWith) && p.peek(1).Kind == lexer.LParen {
			p.advance()
			nt.Hints = append(nt.Hints, p.tableHints()...)
		}
		nt.Span = p.span(start)
		te = nt
	default:
		p.fail()
	}
	for p.isKw(lexer.KwPivot) || p.isKw(lexer.KwUnpivot) {
		te = p.parsePivot(start, te)
	}
	return te
}

// oldStyleHints reports whether "(" after a table name opens a hint list
// such as (NOLOCK) rather than function arguments.
func (p *parser) oldStyleHints() bool {
	t := p.peek(1)
	if t.Kind != lexer.Ident {
		return false
	}
	if !isTableHint(strings.ToUpper(t.Val)) {
		return false
	}
	n := p.peek(2)
	return n.Kind == lexer.RParen || n.Kind == lexer.Comma
}

func isTableHint(w string) bool {
	switch w {
	case "NOLOCK", "HOLDLOCK", "UPDLOCK", "XLOCK", "TABLOCK", "TABLOCKX", "ROWLOCK", "PAGLOCK",
		"READPAST", "READCOMMITTED", "READUNCOMMITTED", "REPEATABLEREAD", "SERIALIZABLE",
		"NOWAIT", "READCOMMITTEDLOCK", "NOEXPAND", "FORCESEEK", "FORCESCAN", "KEEPIDENTITY",
		"KEEPDEFAULTS", "IGNORE_CONSTRAINTS", "IGNORE_TRIGGERS", "SNAPSHOT":
		return true
	}
	return false
}

// tableHints parses (hint, hint, INDEX(ix), INDEX = ix).
func (p *parser) tableHints() []string {
	p.expect(lexer.LParen)
	var out []string
	for {
		start := p.i
		p.anyIdent()
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
		} else if p.accept(lexer.Eq) {
			if p.is(lexer.LParen) {
				p.advance()
				for !p.is(lexer.RParen) && !p.is(lexer.EOF) {
					p.advance()
				}
				p.expect(lexer.RParen)
			} else {
				p.advance()
			}
		}
		out = append(out, p.rawUpper(start))
		if !p.accept(lexer.Comma) {
			break
		}
	}
	p.expect(lexer.RParen)
	return out
}

// rawUpper renders tokens start..current as normalised text: upper-cased
// words, single spaces only where needed.
func (p *parser) rawUpper(start int) string {
	var sb strings.Builder
	for i := start; i < p.i; i++ {
		t := &p.toks[i]
		if i > start && t.Kind != lexer.LParen && t.Kind != lexer.RParen && t.Kind != lexer.Comma &&
			p.toks[i-1].Kind != lexer.LParen {
			sb.WriteByte(' ')
		}
		switch t.Kind {
		case lexer.Ident:
			sb.WriteString(strings.ToUpper(t.Val))
		case lexer.QuotedIdent:
			sb.WriteString("[" + strings.ReplaceAll(t.Val, "]", "]]") + "]")
		default:
			sb.WriteString(p.src[t.Pos:t.End])
		}
	}
	return sb.String()
}

func (p *parser) valuesRows() [][]ast.Expr {
	var rows [][]ast.Expr
	for {
		p.expect(lexer.LParen)
		rows = append(rows, p.exprList())
		p.expect(lexer.RParen)
		if !p.accept(lexer.Comma) {
			return rows
		}
	}
}

func (p *parser) parsePivot(start int, src ast.TableExpr) ast.TableExpr {
	pv := &ast.PivotTable{Source: src}
	if p.advance().Kw == lexer.KwUnpivot {
		pv.Unpivot = true
	}
	p.expect(lexer.LParen)
	if pv.Unpivot {
		pv.Value = p.ident()
	} else {
		fs := p.i
		name := p.objectName()
		f, ok := p.parseCall(fs, name).(*ast.FuncCall)
		if !ok {
			p.fail()
		}
		pv.Agg = f
	}
	p.expectKw(lexer.KwFor)
	pv.For = p.ident()
	p.expectKw(lexer.KwIn)
	pv.In = p.parenIdentList()
	p.expect(lexer.RParen)
	p.optAlias(&pv.Alias, false)
	pv.Span = p.span(start)
	return pv
}

func (p *parser) tableSample() *ast.TableSample {
	start := p.i
	p.expectKw(lexer.KwTablesample)
	p.acceptWord("SYSTEM")
	p.expect(lexer.LParen)
	s := &ast.TableSample{Size: p.scalarExpr()}
	if p.acceptKw(lexer.KwRows) {
		s.Rows = true
	} else {
		p.expectKw(lexer.KwPercent)
	}
	p.expect(lexer.RParen)
	if p.acceptWord("REPEATABLE") {
		p.expect(lexer.LParen)
		s.Seed = p.scalarExpr()
		p.expect(lexer.RParen)
	}
	s.Span = p.span(start)
	return s
}

// jsonColumns parses the OPENJSON WITH (…) schema.
func (p *parser) jsonColumns() []*ast.JSONColumn {
	p.expect(lexer.LParen)
	var out []*ast.JSONColumn
	for {
		start := p.i
		c := &ast.JSONColumn{Name: p.ident(), Type: p.typeName()}
		if p.is(lexer.String) || p.is(lexer.NString) {
			c.Path = p.stringLit()
		}
		if p.isKw(lexer.KwAs) && p.peekKw(1, lexer.KwJson) {
			p.i += 2
			c.AsJSON = true
		}
		c.Span = p.span(start)
		out = append(out, c)
		if !p.accept(lexer.Comma) {
			break
		}
	}
	p.expect(lexer.RParen)
	return out
}
