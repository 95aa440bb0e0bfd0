package sem

import (
	"strconv"
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/types"
)

// ViewParser parses a stored view query; the session provides it so sem
// does not depend on the parser package.
type ViewParser interface {
	ParseQuery(text string) (*ast.Query, error)
}

type boundQuery struct {
	rel        Rel
	correlated bool
}

// BindQuery binds a top-level query.
func (b *Binder) BindQuery(q *ast.Query) (rel Rel, err *msgs.Error) {
	defer b.recoverErr(&err)
	b.queryHints(q) // cte_check.go: OPTION (MAXRECURSION n)
	return b.query(nil, q), nil
}

// BindExpr binds a scalar expression with no FROM scope (SET @v = …,
// IF conditions, defaults).
func (b *Binder) BindExpr(e ast.Expr) (x Expr, err *msgs.Error) {
	defer b.recoverErr(&err)
	if isNewSequentialID(e) {
		return newSequentialID, nil // allowed only as a whole (DEFAULT) expression
	}
	return b.expr(&scope{}, e), nil
}

// BindExprOver binds e over the columns of one table (CHECK constraints,
// computed columns) named alias.
func (b *Binder) BindExprOver(alias string, cols []Column, e ast.Expr) (x Expr, err *msgs.Error) {
	defer b.recoverErr(&err)
	s := &scope{}
	s.add(alias, "", "", cols)
	return b.expr(s, e), nil
}

func (b *Binder) subquery(s *scope, q *ast.Query) boundQuery {
	child := &scope{parent: s}
	rel := b.queryIn(child, q)
	return boundQuery{rel: rel, correlated: child.outerUsed}
}

func (b *Binder) query(parent *scope, q *ast.Query) Rel {
	return b.queryIn(&scope{parent: parent}, q)
}

// queryIn binds q using s (an empty scope whose parent is the outer
// query) for its FROM clause.
func (b *Binder) queryIn(s *scope, q *ast.Query) Rel {
	if q.For != nil && q.For.Kind != ast.ForBrowse {
		return b.forQuery(s, q)
	}
	if q.With != nil {
		m := map[string]*ast.CTE{}
		for _, c := range q.With.CTEs {
			m[strings.ToLower(c.Name.Name)] = c
		}
		b.ctes = append(b.ctes, m)
		defer func() { b.ctes = b.ctes[:len(b.ctes)-1] }()
	}
	switch body := q.Body.(type) {
	case *ast.Select:
		return b.selectSpec(s, body, q)
	default:
		rel := b.queryExpr(s, q.Body)
		return b.orderOutput(q, rel)
	}
}

func (b *Binder) queryExpr(s *scope, qe ast.QueryExpr) Rel {
	switch qe := qe.(type) {
	case *ast.Select:
		return b.selectSpec(s, qe, nil)
	case *ast.ParenQuery:
		return b.queryIn(&scope{parent: s.parent}, qe.Query)
	case *ast.SetOp:
		l := b.queryExpr(&scope{parent: s.parent}, qe.Left)
		r := b.queryExpr(&scope{parent: s.parent}, qe.Right)
		lc, rc := l.Cols(), r.Cols()
		if len(lc) != len(rc) {
			b.fail(qe, 205)
		}
		out := make([]Column, len(lc))
		for i := range lc {
			out[i] = Column{Name: lc[i].Name, Type: setOpType(l, r, i), Nullable: lc[i].Nullable || rc[i].Nullable}
			if !qe.All {
				b.checkUDTSetOp(qe, out[i].Type) // bind_udt.go
			}
		}
		return &SetOp{Op: qe.Op, All: qe.All, L: castRel(l, out), R: castRel(r, out), Out: out}
	}
	b.fail(qe, 102, "query")
	return nil
}

// castRel projects rel to the given column types when they differ.
func castRel(rel Rel, out []Column) Rel {
	cols := rel.Cols()
	same := true
	exprs := make([]Expr, len(cols))
	for i, c := range cols {
		exprs[i] = Conv(&ColRef{T: c.Type, Idx: i, Name: c.Name}, out[i].Type)
		if _, ok := exprs[i].(*ColRef); !ok {
			same = false
		}
	}
	if same {
		return rel
	}
	pc := make([]Column, len(cols))
	for i := range cols {
		pc[i] = cols[i]
		pc[i].Type = out[i].Type
	}
	return &Project{In: rel, Exprs: exprs, Out: pc}
}

// orderOutput applies ORDER BY / OFFSET-FETCH to a set operation result
// (names and ordinals of the result columns only).
func (b *Binder) orderOutput(q *ast.Query, rel Rel) Rel {
	if len(q.OrderBy) > 0 {
		cols := rel.Cols()
		s := &scope{}
		s.add("", "", "", cols)
		var keys []SortKey
		for _, oi := range q.OrderBy {
			if lit, ok := oi.X.(*ast.Literal); ok && lit.Kind == ast.LitInt {
				n, _ := strconv.Atoi(lit.Val)
				if n < 1 || n > len(cols) {
					b.fail(oi, 108, n)
				}
				keys = append(keys, SortKey{X: &ColRef{T: cols[n-1].Type, Idx: n - 1}, Desc: oi.Desc})
				continue
			}
			x := b.expr(s, oi.X)
			b.checkUDTClause(oi, x.Type(), "ORDER BY") // bind_udt.go
			keys = append(keys, SortKey{X: x, Desc: oi.Desc})
		}
		rel = &Sort{In: rel, Keys: keys}
	}
	if q.Offset != nil {
		t := &Top{In: rel, Offset: b.expr(&scope{}, q.Offset)}
		if q.Fetch != nil {
			t.Count = b.expr(&scope{}, q.Fetch)
		}
		rel = t
	}
	return rel
}

func (b *Binder) lookupCTE(name string) *ast.CTE {
	ln := strings.ToLower(name)
	for i := len(b.ctes) - 1; i >= 0; i-- {
		if c := b.ctes[i][ln]; c != nil {
			return c
		}
	}
	return nil
}

// from binds one FROM item, adding its tables to s.
func (b *Binder) from(s *scope, te ast.TableExpr) Rel {
	switch te := te.(type) {
	case *ast.NamedTable:
		return b.namedTable(s, te)
	case *ast.VarTable:
		o := b.env.TableVar(te.Name)
		if o == nil {
			b.fail(te, 1087, te.Name)
		}
		alias := te.Alias.Name
		if alias == "" {
			alias = te.Name
		}
		cols := tableCols(o, alias)
		sc := &Scan{Table: TableRef{DB: catalog.TempDBID, Obj: o, Alias: alias}}
		if b.keyTarget != "" && b.keyScan == nil && (strings.EqualFold(b.keyTarget, alias) || strings.EqualFold(b.keyTarget, te.Name)) {
			sc.WithKey = true
			cols = append(cols, Column{Name: PhysLoc, Type: types.Type{ID: types.VarBinary, Length: 64}, Table: alias})
			b.keyScan, b.keyOffset = sc, s.width
		}
		sc.Out = cols
		s.add(alias, "", "", cols)
		return sc
	case *ast.DerivedTable:
		q := b.subquery(s.parent, te.Query)
		return b.aliasRel(s, te, q.rel, te.Alias.Name, te.Columns)
	case *ast.ParenTable:
		return b.from(s, te.X)
	case *ast.PivotTable:
		return b.pivotTable(s, te) // bind_pivot.go
	case *ast.FuncTable:
		return b.funcTable(s, te)
	case *ast.ValuesTable:
		rows := make([][]Expr, len(te.Rows))
		var ts []types.Type
		for i, r := range te.Rows {
			rows[i] = make([]Expr, len(r))
			for j, x := range r {
				rows[i][j] = b.expr(&scope{parent: s.parent}, x)
				if i == 0 {
					ts = append(ts, rows[i][j].Type())
				} else if j < len(ts) {
					ts[j] = UnionType(ts[j], rows[i][j].Type())
				}
			}
		}
		out := make([]Column, len(ts))
		for j := range ts {
			out[j] = Column{Type: ts[j], Nullable: true}
			for i := range rows {
				rows[i][j] = Conv(rows[i][j], ts[j])
			}
		}
		return b.aliasRel(s, te, &Values{Rows: rows, Out: out}, te.Alias.Name, te.Columns)
	case *ast.Join:
		if te.Kind == ast.JoinCrossApply || te.Kind == ast.JoinOuterApply {
			return b.applyJoin(s, te) // bind_apply.go
		}
		l := b.from(s, te.Left)
		r := b.from(s, te.Right)
		lc, rc := l.Cols(), r.Cols()
		out := make([]Column, 0, len(lc)+len(rc))
		for _, c := range lc {
			if te.Kind == ast.JoinRight || te.Kind == ast.JoinFull {
				c.Nullable = true
			}
			out = append(out, c)
		}
		for _, c := range rc {
			if te.Kind == ast.JoinLeft || te.Kind == ast.JoinFull {
				c.Nullable = true
			}
			out = append(out, c)
		}
		j := &Join{Kind: te.Kind, L: l, R: r, Out: out}
		if te.On != nil {
			j.On = b.expr(s, te.On)
		}
		return j
	}
	b.fail(te, 102, "FROM")
	return nil
}

func (b *Binder) aliasRel(s *scope, n ast.Node, rel Rel, alias string, names []ast.Ident) Rel {
	cols := append([]Column(nil), rel.Cols()...)
	if len(names) > 0 {
		if len(names) != len(cols) {
			b.fail(n, 8158, alias)
		}
		for i := range cols {
			cols[i].Name = names[i].Name
		}
	}
	for i := range cols {
		if cols[i].Name == "" {
			b.fail(n, 8155, i+1, alias)
		}
		cols[i].Table = alias
	}
	s.add(alias, "", "", cols)
	if len(names) > 0 {
		exprs := make([]Expr, len(cols))
		for i, c := range cols {
			exprs[i] = &ColRef{T: c.Type, Idx: i}
		}
		return &Project{In: rel, Exprs: exprs, Out: cols}
	}
	return rel
}

func tableCols(o *catalog.Object, alias string) []Column {
	cols := make([]Column, len(o.Table.Columns))
	for i, c := range o.Table.Columns {
		cols[i] = Column{Name: c.Name, Type: c.Type, Nullable: c.Nullable, Identity: c.Identity != nil, Table: alias, Schema: o.Schema}
	}
	return cols
}

func (b *Binder) namedTable(s *scope, te *ast.NamedTable) Rel {
	n := &te.Name
	if n.Schema.Name == "" && n.Database.Name == "" {
		if c := b.lookupCTE(n.Name.Name); c != nil {
			alias := te.Alias.Name
			if alias == "" {
				alias = c.Name.Name
			}
			return b.bindCTE(s, te, c, alias)
		}
	}
	db, o := b.LookupObject(n)
	if o == nil {
		if r := b.systemView(s, te); r != nil {
			return r
		}
		b.fail(te, 208, fullName(n))
	}
	alias := te.Alias.Name
	if alias == "" {
		alias = o.Name
	}
	switch o.Kind {
	case catalog.KindTable:
		cols := tableCols(o, alias)
		withKey := false
		if b.keyTarget != "" && b.keyScan == nil && (strings.EqualFold(b.keyTarget, alias) || (te.Alias.Name == "" && strings.EqualFold(b.keyTarget, o.Name))) {
			withKey = true
			cols = append(cols, Column{Name: PhysLoc, Type: types.Type{ID: types.VarBinary, Length: 64}, Table: alias})
		}
		s.tables = append(s.tables, scopeTable{name: strings.ToLower(alias), schema: strings.ToLower(o.Schema), cols: cols, offset: s.width})
		if te.Alias.Name != "" {
			s.tables[len(s.tables)-1].schema = ""
		}
		sc := &Scan{Table: TableRef{DB: db.ID, Obj: o, Alias: alias}, Out: cols, WithKey: withKey}
		if withKey {
			b.keyScan, b.keyOffset = sc, s.width
		}
		s.width += len(cols)
		return sc
	case catalog.KindView:
		vp, ok := b.env.(ViewParser)
		if !ok {
			b.fail(te, 208, fullName(n))
		}
		q, err := vp.ParseQuery(o.View.Query)
		if err != nil {
			b.fail(te, 4413, o.Name)
		}
		b.depth++
		if b.depth > 32 {
			b.fail(te, 217, 32)
		}
		rel := b.subquery(s.parent, q).rel
		b.depth--
		var names []ast.Ident
		for _, c := range o.View.Columns {
			names = append(names, ast.Ident{Name: c})
		}
		r := b.aliasRel(s, te, rel, alias, names)
		if te.Alias.Name == "" {
			s.tables[len(s.tables)-1].schema = strings.ToLower(o.Schema)
		}
		return r
	}
	b.fail(te, 208, fullName(n))
	return nil
}

// BindExprOver2 binds e over a row made of cols where each column's Table
// field is its qualifier (OUTPUT inserted.x / deleted.x).
func (b *Binder) BindExprOver2(cols []Column, e ast.Expr) (x Expr, err *msgs.Error) {
	defer b.recoverErr(&err)
	s := &scope{}
	start := 0
	for i := 1; i <= len(cols); i++ {
		if i == len(cols) || cols[i].Table != cols[start].Table {
			s.add(cols[start].Table, "", "", cols[start:i])
			start = i
		}
	}
	return b.expr(s, e), nil
}

// DMLSource is the bound row source of an UPDATE/DELETE: the FROM clause
// (or the target alone) filtered by WHERE, with the target table's row
// locator at KeyIdx and its columns starting at Offset.
type DMLSource struct {
	Rel    Rel
	Target *catalog.Object
	DB     int32
	Offset int
	KeyIdx int
	// Exprs are the caller's expressions bound over Rel's row.
	Exprs []Expr
}

// BindDMLSource binds the rows an UPDATE/DELETE acts on. target names the
// table (or alias in from) to modify; from nil means the target alone.
func (b *Binder) BindDMLSource(target ast.TableExpr, from []ast.TableExpr, where ast.Expr, exprs []ast.Expr) (src *DMLSource, err *msgs.Error) {
	defer b.recoverErr(&err)
	var name string
	switch t := target.(type) {
	case *ast.NamedTable:
		name = t.Name.Name.Name
		if t.Alias.Name != "" {
			name = t.Alias.Name
		}
	case *ast.VarTable:
		name = t.Name
		if t.Alias.Name != "" {
			name = t.Alias.Name
		}
	default:
		b.fail(target, 102, "target")
	}
	if len(from) == 0 {
		from = []ast.TableExpr{target}
	}
	b.keyTarget, b.keyScan = name, nil
	defer func() { b.keyTarget, b.keyScan = "", nil }()
	s := &scope{}
	var rel Rel
	for i, te := range from {
		r := b.from(s, te)
		if i == 0 {
			rel = r
		} else {
			rel = &Join{Kind: ast.JoinCross, L: rel, R: r, Out: append(append([]Column(nil), rel.Cols()...), r.Cols()...)}
		}
	}
	if b.keyScan == nil {
		// UPDATE t … FROM a JOIN b: the target is not in FROM by that name.
		b.fail(target, 208, name)
	}
	if where != nil {
		rel = &Filter{In: rel, Cond: b.expr(s, where)}
	}
	src = &DMLSource{Rel: rel, Target: b.keyScan.Table.Obj, DB: b.keyScan.Table.DB, Offset: b.keyOffset, KeyIdx: b.keyOffset + len(b.keyScan.Out) - 1}
	for _, e := range exprs {
		if _, isDef := e.(*ast.DefaultExpr); isDef || e == nil {
			src.Exprs = append(src.Exprs, nil)
			continue
		}
		src.Exprs = append(src.Exprs, b.expr(s, e))
	}
	return src, nil
}
