package ast

func (p *printer) query(q *Query) {
	if q.With != nil {
		p.with(q.With)
		p.w(" ")
	}
	p.queryExpr(q.Body)
	if len(q.OrderBy) > 0 {
		p.w(" ORDER BY ")
		p.orderItems(q.OrderBy)
	}
	if q.Offset != nil {
		p.w(" OFFSET ")
		p.expr(q.Offset)
		p.w(" ROWS")
		if q.Fetch != nil {
			p.w(" FETCH NEXT ")
			p.expr(q.Fetch)
			p.w(" ROWS ONLY")
		}
	}
	if f := q.For; f != nil {
		switch f.Kind {
		case ForXML:
			p.w(" FOR XML ")
		case ForJSON:
			p.w(" FOR JSON ")
		default:
			p.w(" FOR BROWSE")
		}
		if f.Kind != ForBrowse {
			p.w(f.Mode)
			if f.ModeArg != nil {
				p.w("(")
				p.expr(f.ModeArg)
				p.w(")")
			}
			for _, d := range f.Directives {
				p.w(", ")
				p.w(d.Name)
				if d.Arg != nil {
					p.w("(")
					p.expr(d.Arg)
					p.w(")")
				}
			}
		}
	}
	if len(q.Options) > 0 {
		p.w(" OPTION ")
		p.options(q.Options, false)
	}
}

func (p *printer) with(w *WithClause) {
	p.w("WITH ")
	for i, c := range w.CTEs {
		if i > 0 {
			p.w(", ")
		}
		p.ident(c.Name)
		if len(c.Columns) > 0 {
			p.w(" ")
			p.parenIdents(c.Columns)
		}
		p.w(" AS (")
		p.query(c.Query)
		p.w(")")
	}
}

// options prints (NAME [=] value, …); eq selects NAME = value (index and
// table options) over NAME value (query hints).
func (p *printer) options(opts []*Option, eq bool) {
	p.w("(")
	for i, o := range opts {
		if i > 0 {
			p.w(", ")
		}
		p.w(o.Name)
		if o.Value != nil {
			if eq {
				p.w(" = ")
			} else {
				p.w(" ")
			}
			p.optionValue(o.Value)
		}
	}
	p.w(")")
}

// optionValue prints ON/OFF (kept as upper-case string literals by the
// parser) bare.
func (p *printer) optionValue(e Expr) {
	if l, ok := e.(*Literal); ok && l.Kind == LitString && (l.Text == "'ON'" || l.Text == "'OFF'") {
		p.w(l.Val)
		return
	}
	if r, ok := e.(*RowExpr); ok {
		p.w("(")
		for i, x := range r.Exprs {
			if i > 0 {
				p.w(", ")
			}
			if b, ok := x.(*BinaryExpr); ok && b.Op == OpEq {
				p.expr(b.L)
				p.w(" = ")
				p.optionValue(b.R)
				continue
			}
			p.optionValue(x)
		}
		p.w(")")
		return
	}
	p.expr(e)
}

func (p *printer) queryExpr(q QueryExpr) {
	switch q := q.(type) {
	case *Select:
		p.selectSpec(q)
	case *SetOp:
		p.queryExpr(q.Left)
		switch q.Op {
		case Union:
			p.w(" UNION ")
		case Except:
			p.w(" EXCEPT ")
		default:
			p.w(" INTERSECT ")
		}
		if q.All {
			p.w("ALL ")
		}
		p.queryExpr(q.Right)
	case *ParenQuery:
		p.w("(")
		p.query(q.Query)
		p.w(")")
	}
}

func (p *printer) top(t *Top) {
	p.w("TOP (")
	p.expr(t.Count)
	p.w(")")
	if t.Percent {
		p.w(" PERCENT")
	}
	if t.WithTies {
		p.w(" WITH TIES")
	}
}

func (p *printer) selectSpec(s *Select) {
	p.w("SELECT ")
	if s.Distinct {
		p.w("DISTINCT ")
	} else if s.All {
		p.w("ALL ")
	}
	if s.Top != nil {
		p.top(s.Top)
		p.w(" ")
	}
	p.selectItems(s.Items)
	if s.Into != nil {
		p.w(" INTO ")
		p.objectName(s.Into)
	}
	if len(s.From) > 0 {
		p.w(" FROM ")
		p.tables(s.From)
	}
	if s.Where != nil {
		p.w(" WHERE ")
		p.expr(s.Where)
	}
	if g := s.GroupBy; g != nil {
		p.w(" GROUP BY ")
		if g.All {
			p.w("ALL ")
		}
		p.exprs(g.Items)
		if g.WithRollup {
			p.w(" WITH ROLLUP")
		}
		if g.WithCube {
			p.w(" WITH CUBE")
		}
	}
	if s.Having != nil {
		p.w(" HAVING ")
		p.expr(s.Having)
	}
}

func (p *printer) selectItems(items []*SelectItem) {
	for i, it := range items {
		if i > 0 {
			p.w(", ")
		}
		p.selectItem(it)
	}
}

func (p *printer) selectItem(it *SelectItem) {
	if it.Var != "" {
		p.w(it.Var)
		p.w(" ")
		p.w(it.Op.String())
		p.w(" ")
		p.expr(it.Expr)
		return
	}
	p.expr(it.Expr)
	if !it.Alias.IsZero() {
		p.w(" AS ")
		p.ident(it.Alias)
	}
}

func (p *printer) tables(list []TableExpr) {
	for i, t := range list {
		if i > 0 {
			p.w(", ")
		}
		p.table(t)
	}
}

func (p *printer) alias(a Ident, cols []Ident) {
	if !a.IsZero() {
		p.w(" AS ")
		p.ident(a)
	}
	if len(cols) > 0 {
		p.w(" ")
		p.parenIdents(cols)
	}
}

func (p *printer) hints(h []string) {
	if len(h) == 0 {
		return
	}
	p.w(" WITH (")
	for i, s := range h {
		if i > 0 {
			p.w(", ")
		}
		p.w(s)
	}
	p.w(")")
}

var joinText = [...]string{
	JoinInner: "INNER", JoinLeft: "LEFT OUTER", JoinRight: "RIGHT OUTER", JoinFull: "FULL OUTER",
	JoinCross: "CROSS JOIN", JoinCrossApply: "CROSS APPLY", JoinOuterApply: "OUTER APPLY",
}

func (p *printer) table(t TableExpr) {
	switch t := t.(type) {
	case *NamedTable:
		p.objectName(&t.Name)
		p.alias(t.Alias, nil)
		if s := t.Sample; s != nil {
			p.w(" TABLESAMPLE (")
			p.expr(s.Size)
			if s.Rows {
				p.w(" ROWS)")
			} else {
				p.w(" PERCENT)")
			}
			if s.Seed != nil {
				p.w(" REPEATABLE (")
				p.expr(s.Seed)
				p.w(")")
			}
		}
		p.hints(t.Hints)
	case *VarTable:
		p.w(t.Name)
		p.alias(t.Alias, nil)
	case *DerivedTable:
		p.w("(")
		p.query(t.Query)
		p.w(")")
		p.alias(t.Alias, t.Columns)
	case *ValuesTable:
		p.w("(VALUES ")
		p.valuesRows(t.Rows)
		p.w(")")
		p.alias(t.Alias, t.Columns)
	case *FuncTable:
		if t.Method != nil {
			p.expr(t.Method)
		} else {
			p.funcCall(t.Call)
		}
		if len(t.With) > 0 {
			p.w(" WITH (")
			for i, c := range t.With {
				if i > 0 {
					p.w(", ")
				}
				p.ident(c.Name)
				p.w(" ")
				p.typeName(c.Type)
				if c.Path != nil {
					p.w(" ")
					p.expr(c.Path)
				}
				if c.AsJSON {
					p.w(" AS JSON")
				}
			}
			p.w(")")
		}
		p.alias(t.Alias, t.Columns)
	case *Join:
		p.table(t.Left)
		p.w(" ")
		p.w(joinText[t.Kind])
		if t.Kind < JoinCross {
			if t.Hint != "" {
				p.w(" ")
				p.w(t.Hint)
			}
			p.w(" JOIN ")
		} else {
			p.w(" ")
		}
		p.table(t.Right)
		if t.On != nil {
			p.w(" ON ")
			p.expr(t.On)
		}
	case *ParenTable:
		p.w("(")
		p.table(t.X)
		p.w(")")
	case *PivotTable:
		p.table(t.Source)
		if t.Unpivot {
			p.w(" UNPIVOT (")
			p.ident(t.Value)
		} else {
			p.w(" PIVOT (")
			p.funcCall(t.Agg)
		}
		p.w(" FOR ")
		p.ident(t.For)
		p.w(" IN ")
		p.parenIdents(t.In)
		p.w(")")
		p.alias(t.Alias, nil)
	}
}

func (p *printer) valuesRows(rows [][]Expr) {
	for i, r := range rows {
		if i > 0 {
			p.w(", ")
		}
		p.w("(")
		p.exprs(r)
		p.w(")")
	}
}
