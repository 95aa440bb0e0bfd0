package exec

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/catalog"
	"github.com/tsqld/tsqld/sql/plan"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
)

// Showplan (SET SHOWPLAN_TEXT / SHOWPLAN_ALL): the operators of a bound,
// optimized tree as this executor runs them, named as SQL Server names
// its operators. The seek-or-scan choice comes from the same functions the
// executor calls (seek_choice.go) and evaluates the same row-independent
// bound values, so a value that makes run() fall back to a scan prints a
// scan. What each operator means here:
//   - Scan: the rows in storage-key order — Clustered Index Scan, or
//     Table Scan for a heap; a Filter directly over it is its WHERE:();
//   - unique-index point lookups and key-range seeks: Clustered Index
//     Seek, or Index Seek plus a row lookup (Nested Loops) for a
//     nonclustered index; the whole filter is re-checked on each row
//     read, shown as WHERE:() minus the conjuncts the SEEK:() covers;
//   - sem.Join: Nested Loops (the right input is read once and kept);
//     plan.HashJoin: Hash Match (build on the right input, the first
//     child, probe with the left);
//   - Aggregate: Stream Aggregate without GROUP BY, else Hash Match
//     (Aggregate) — groups are kept in a hash table;
//   - Distinct and UNION: Hash Match (Flow Distinct / Union), streaming.

// PlanRow is one operator of a showplan, in the order SQL Server lists
// them (pre-order: parent before children).
type PlanRow struct {
	NodeID, Parent int
	// Text is the SHOWPLAN_TEXT line, tree prefix included.
	Text              string
	Physical, Logical string
	Argument          string
	Defined           string
	OutputList        string
	// Rel is the operator whose actual counts (Profile) this row shows;
	// nil when no single operator's counts are its own (an index seek
	// whose row lookups run in the same operator).
	Rel sem.Rel
}

type pnode struct {
	phys, logic string
	// showLogic prints the logical operator first inside the parentheses
	// ("Hash Match(Inner Join, …)").
	showLogic bool
	args      []string // Argument parts, joined by ", "
	tail      string   // appended after the args with a space (ORDERED FORWARD)
	defs      []string // DEFINE:(…) list
	out       []string
	kids      []*pnode
	rel       sem.Rel
	noRel     bool // rel stays nil (see PlanRow.Rel)
}

type explainer struct {
	c     *Ctx
	quals map[string]string // table alias (lower case) → column qualifier
	exprN int
	// subs are the plans of subqueries met in the expressions of the
	// operator being built: the executor evaluates them per row inside
	// that operator, so they are shown as its extra children.
	subs []*pnode
	// outer holds the column names of the enclosing rows, innermost last
	// (sem.OuterRef Depth 1).
	outer [][]string
}

// Explain lists rel's operators as the executor runs them.
func (c *Ctx) Explain(rel sem.Rel) []PlanRow {
	x := &explainer{c: c, quals: map[string]string{}, exprN: 1000}
	return flatten(x.build(rel))
}

// ExplainDML lists the operators of INSERT/UPDATE/DELETE (verb) into
// object o of database db: the row-modifying operator over its source
// (in, nil for none). setCols[i] is assigned setExprs[i], an expression
// over in's columns (the SET:() list).
func (c *Ctx) ExplainDML(verb string, db int32, o *catalog.Object, setCols []string, setExprs []sem.Expr, in sem.Rel) []PlanRow {
	x := &explainer{c: c, quals: map[string]string{}, exprN: 1000}
	var kids []*pnode
	var inNames []string
	if in != nil {
		k := x.build(in)
		kids, inNames = append(kids, k), k.out
	}
	n := &pnode{kids: kids}
	full := x.objectName(db, o)
	if ix := o.Table.Clustered(); ix != nil {
		n.phys = "Clustered Index " + verb
		n.args = append(n.args, "OBJECT:("+full+".["+ix.Name+"])")
	} else {
		n.phys = "Table " + verb
		n.args = append(n.args, "OBJECT:("+full+")")
	}
	// Every nonclustered index is maintained by the same operator (a
	// "narrow" plan), as our Table.Insert/Update/Delete do.
	for _, ix := range o.Table.Indexes {
		if !ix.Clustered {
			n.args[0] += ", OBJECT:(" + full + ".[" + ix.Name + "])"
		}
	}
	if len(setCols) > 0 {
		set := make([]string, len(setCols))
		for i, col := range setCols {
			set[i] = full + ".[" + col + "] = " + x.expr(setExprs[i], inNames)
		}
		n.args = append(n.args, "SET:("+strings.Join(set, ", ")+")")
		n.kids = append(n.kids, x.subs...) // subqueries of the SET values
	}
	n.logic = strings.TrimPrefix(strings.TrimPrefix(n.phys, "Clustered Index "), "Table ")
	return flatten(n)
}

func flatten(root *pnode) []PlanRow {
	var rows []PlanRow
	// A line is "  |--Op" for the root; below it, five columns per level,
	// with a bar in a level's column while that ancestor has later
	// siblings (SHOWPLAN_TEXT draws the tree that way).
	var walk func(n *pnode, parent int, prefix string, depth int, more bool)
	walk = func(n *pnode, parent int, prefix string, depth int, more bool) {
		id := len(rows) + 1
		args := n.args
		if len(n.defs) > 0 {
			args = append(append([]string(nil), args...), "DEFINE:("+strings.Join(n.defs, ", ")+")")
		}
		inner := strings.Join(args, ", ")
		if n.showLogic {
			inner = strings.TrimSuffix(n.logic+", "+inner, ", ")
		}
		if n.tail != "" {
			inner = strings.TrimSpace(inner + " " + n.tail)
		}
		text := n.phys
		if inner != "" {
			text += "(" + inner + ")"
		}
		line := "  "
		if depth > 0 {
			line += "     " + prefix
		}
		logic := n.logic
		if logic == "" {
			logic = n.phys
		}
		arg := strings.Join(n.args, ", ")
		if n.tail != "" {
			arg = strings.TrimSpace(arg + " " + n.tail)
		}
		rows = append(rows, PlanRow{NodeID: id, Parent: parent, Text: line + "|--" + text, Physical: n.phys, Logical: logic,
			Argument: arg, Defined: strings.Join(n.defs, ", "), OutputList: strings.Join(outputList(n.out), ", "), Rel: n.rel})
		kidPrefix := prefix
		if depth > 0 {
			if more {
				kidPrefix += "|    "
			} else {
				kidPrefix += "     "
			}
		}
		for i, k := range n.kids {
			walk(k, id, kidPrefix, depth+1, i < len(n.kids)-1)
		}
	}
	walk(root, 0, "", 0, false)
	return rows
}

func (x *explainer) newExpr() string {
	x.exprN++
	return "[Expr" + strconv.Itoa(x.exprN) + "]"
}

func (x *explainer) objectName(db int32, o *catalog.Object) string {
	if o.TableVar {
		return "[" + o.Name + "]"
	}
	dbName := ""
	if d := x.c.Cat.DatabaseByID(db); d != nil {
		dbName = d.Name
	}
	return "[" + dbName + "].[" + o.Schema + "].[" + o.Name + "]"
}

// register records how columns of a table reference are qualified: by
// the full object name, or by the alias when one is given.
func (x *explainer) register(t sem.TableRef) (full, as string) {
	full = x.objectName(t.DB, t.Obj)
	q := full
	if t.Alias != "" && !strings.EqualFold(t.Alias, t.Obj.Name) {
		q = "[" + t.Alias + "]"
		as = " AS [" + t.Alias + "]"
	}
	key := strings.ToLower(t.Obj.Name)
	if t.Alias != "" {
		key = strings.ToLower(t.Alias)
	}
	x.quals[key] = q
	return full, as
}

func (x *explainer) colName(c sem.Column) string {
	if c.Table == "" {
		return "[" + c.Name + "]"
	}
	if q, ok := x.quals[strings.ToLower(c.Table)]; ok {
		return q + ".[" + c.Name + "]"
	}
	return "[" + c.Table + "].[" + c.Name + "]"
}

// names are the showplan names of a table's (or rel's) columns.
func (x *explainer) names(cols []sem.Column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = x.colName(c)
	}
	return out
}

// outputList drops the row locator the executor carries for UPDATE and
// DELETE (not a column).
func outputList(names []string) []string {
	out := make([]string, 0, len(names))
	for _, n := range names {
		if !strings.Contains(n, sem.PhysLoc) {
			out = append(out, n)
		}
	}
	return out
}

func (x *explainer) build(rel sem.Rel) *pnode {
	saved := x.subs
	x.subs = nil
	n := x.build1(rel)
	n.kids = append(n.kids, x.subs...)
	x.subs = saved
	if n.rel == nil && !n.noRel {
		n.rel = rel
	}
	if len(n.out) != len(rel.Cols()) {
		n.out = x.names(rel.Cols())
	}
	return n
}

func concat(a, b []string) []string { return append(append([]string(nil), a...), b...) }

func (x *explainer) build1(rel sem.Rel) *pnode {
	switch r := rel.(type) {
	case *sem.Scan:
		return x.scan(r, nil)
	case *sem.Filter:
		if sc, ok := r.In.(*sem.Scan); ok {
			return x.scan(sc, r.Cond)
		}
		kid := x.build(r.In)
		return &pnode{phys: "Filter", args: []string{"WHERE:(" + x.expr(r.Cond, kid.out) + ")"}, kids: []*pnode{kid}, out: kid.out}
	case *sem.Project:
		kid := x.build(r.In)
		var defs, out []string
		for _, e := range r.Exprs {
			if cr, ok := e.(*sem.ColRef); ok && cr.Idx < len(kid.out) {
				out = append(out, kid.out[cr.Idx])
				continue
			}
			name := x.newExpr()
			defs = append(defs, name+"="+x.expr(e, kid.out))
			out = append(out, name)
		}
		if len(defs) == 0 {
			// A projection of columns is not an operator of its own.
			return &pnode{phys: kid.phys, logic: kid.logic, showLogic: kid.showLogic, args: kid.args, tail: kid.tail, defs: kid.defs, kids: kid.kids, out: out, rel: kid.rel, noRel: kid.noRel}
		}
		return &pnode{phys: "Compute Scalar", defs: defs, kids: []*pnode{kid}, out: out}
	case *sem.Join:
		l, rr := x.build(r.L), x.build(r.R)
		out := concat(l.out, rr.out)
		n := &pnode{phys: "Nested Loops", logic: joinLogic(r.Kind), showLogic: true, kids: []*pnode{l, rr}, out: out}
		if r.On != nil {
			n.args = append(n.args, "WHERE:("+x.expr(r.On, out)+")")
		}
		return n
	case *plan.HashJoin:
		// The executor builds the hash table on R, then probes with L.
		probe, build := x.build(r.L), x.build(r.R)
		out := concat(probe.out, build.out)
		n := &pnode{phys: "Hash Match", logic: "Inner Join", showLogic: true, kids: []*pnode{build, probe}, out: out}
		n.args = append(n.args, "HASH:("+x.exprs(r.RKeys, build.out)+")=("+x.exprs(r.LKeys, probe.out)+")")
		if r.Residual != nil {
			n.args = append(n.args, "RESIDUAL:("+x.expr(r.Residual, out)+")")
		}
		return n
	case *sem.Aggregate:
		kid := x.build(r.In)
		var defs, out []string
		for _, g := range r.Groups {
			out = append(out, x.expr(g, kid.out))
		}
		for _, a := range r.Aggs {
			name := x.newExpr()
			defs = append(defs, name+"="+x.agg(a, kid.out))
			out = append(out, name)
		}
		if len(r.Groups) == 0 {
			return &pnode{phys: "Stream Aggregate", logic: "Aggregate", defs: defs, kids: []*pnode{kid}, out: out}
		}
		return &pnode{phys: "Hash Match", logic: "Aggregate", showLogic: true, args: []string{"HASH:(" + x.exprs(r.Groups, kid.out) + ")"}, defs: defs, kids: []*pnode{kid}, out: out}
	case *sem.Sort:
		kid := x.build(r.In)
		return &pnode{phys: "Sort", args: []string{"ORDER BY:(" + x.sortKeys(r.Keys, kid.out) + ")"}, kids: []*pnode{kid}, out: kid.out}
	case *sem.Distinct:
		kid := x.build(r.In)
		return &pnode{phys: "Hash Match", logic: "Flow Distinct", showLogic: true, args: []string{"HASH:(" + strings.Join(outputList(kid.out), ", ") + ")"}, kids: []*pnode{kid}, out: kid.out}
	case *sem.Top:
		kid := x.build(r.In)
		var args []string
		if r.Offset != nil {
			args = append(args, "OFFSET EXPRESSION:("+x.expr(r.Offset, nil)+")")
		}
		if r.Count != nil {
			t := "TOP EXPRESSION:(" + x.expr(r.Count, nil) + ")"
			if r.Percent {
				t += " PERCENT"
			}
			if r.WithTies {
				t += " WITH TIES"
			}
			args = append(args, t)
		}
		return &pnode{phys: "Top", args: []string{strings.Join(args, ",")}, kids: []*pnode{kid}, out: kid.out}
	case *sem.SetOp:
		l, rr := x.build(r.L), x.build(r.R)
		switch {
		case r.Op == ast.Union && r.All:
			return &pnode{phys: "Concatenation", kids: []*pnode{l, rr}, out: l.out}
		case r.Op == ast.Union:
			return &pnode{phys: "Hash Match", logic: "Union", showLogic: true, kids: []*pnode{l, rr}, out: l.out}
		case r.Op == ast.Intersect:
			// a hash set of the right input, probed by the left
			return &pnode{phys: "Hash Match", logic: "Left Semi Join", showLogic: true, kids: []*pnode{rr, l}, out: l.out}
		default:
			return &pnode{phys: "Hash Match", logic: "Left Anti Semi Join", showLogic: true, kids: []*pnode{rr, l}, out: l.out}
		}
	case *sem.Values:
		out := make([]string, len(r.Out))
		for i := range out {
			out[i] = x.newExpr()
		}
		if len(r.Rows) == 1 && len(r.Rows[0]) == 0 {
			return &pnode{phys: "Constant Scan", out: out}
		}
		var rows []string
		for _, row := range r.Rows {
			rows = append(rows, "("+x.exprs(row, nil)+")")
		}
		return &pnode{phys: "Constant Scan", args: []string{"VALUES:(" + strings.Join(rows, ",") + ")"}, out: out}
	case *sem.SystemScan:
		return &pnode{phys: "Table-valued function", args: []string{"OBJECT:([" + r.View.Schema + "].[" + r.View.Name + "])"}}
	case *sem.TableFunc:
		return &pnode{phys: "Table-valued function", args: []string{"OBJECT:(" + strings.ToLower(r.Name) + "(" + x.exprs(r.Args, nil) + "))"}}
	case *sem.Window:
		kid := x.build(r.In)
		var defs []string
		out := append([]string(nil), kid.out...)
		for _, f := range r.Funcs {
			name := x.newExpr()
			var over []string
			if len(f.Partition) > 0 {
				over = append(over, "PARTITION BY "+x.exprs(f.Partition, kid.out))
			}
			if len(f.Order) > 0 {
				over = append(over, "ORDER BY "+x.sortKeys(f.Order, kid.out))
			}
			defs = append(defs, name+"="+f.Name+"("+x.exprs(f.Args, kid.out)+") OVER("+strings.Join(over, " ")+")")
			out = append(out, name)
		}
		return &pnode{phys: "Window Aggregate", defs: defs, kids: []*pnode{kid}, out: out}
	case *sem.RecursiveCTE:
		a := x.build(r.Anchor)
		return &pnode{phys: "Concatenation", logic: "Recursive Union", kids: []*pnode{a, x.build(r.Recursive)}, out: a.out}
	case *sem.CTERef:
		return &pnode{phys: "Table Spool", logic: "Lazy Spool", showLogic: true}
	case *sem.ForRel:
		kind := "FOR XML"
		if r.JSON {
			kind = "FOR JSON"
		}
		return &pnode{phys: "UDX", args: []string{kind + " " + r.Mode}, kids: []*pnode{x.build(r.In)}}
	case *sem.Apply:
		// The right input runs once per left row, which is its outer row.
		l := x.build(r.L)
		x.outer = append(x.outer, l.out)
		rr := x.build(r.R)
		x.outer = x.outer[:len(x.outer)-1]
		logic := "Inner Join"
		if r.Outer {
			logic = "Left Outer Join"
		}
		return &pnode{phys: "Nested Loops", logic: logic, showLogic: true, args: []string{"OUTER REFERENCES:(" + strings.Join(outputList(l.out), ", ") + ")"}, kids: []*pnode{l, rr}, out: concat(l.out, rr.out)}
	case *sem.GroupingSets:
		kid := x.build(r.In)
		var defs, out, sets []string
		for _, g := range r.Groups {
			out = append(out, x.expr(g, kid.out))
		}
		for _, set := range r.Sets {
			var cols []string
			for _, i := range set {
				if i < len(out) {
					cols = append(cols, out[i])
				}
			}
			sets = append(sets, "("+strings.Join(cols, ", ")+")")
		}
		for _, a := range r.Aggs {
			name := x.newExpr()
			defs = append(defs, name+"="+x.agg(a, kid.out))
			out = append(out, name)
		}
		return &pnode{phys: "Hash Match", logic: "Aggregate", showLogic: true, args: []string{"GROUPING SETS:(" + strings.Join(sets, ", ") + ")"}, defs: defs, kids: []*pnode{kid}, out: out}
	case sem.FeatureRel:
		var kids []*pnode
		for _, in := range r.Inputs() {
			kids = append(kids, x.build(in))
		}
		name := strings.TrimPrefix(fmt.Sprintf("%T", r), "*sem.")
		return &pnode{phys: name, kids: kids}
	}
	return &pnode{phys: strings.TrimPrefix(fmt.Sprintf("%T", rel), "*sem.")}
}

func joinLogic(k ast.JoinKind) string {
	switch k {
	case ast.JoinLeft:
		return "Left Outer Join"
	case ast.JoinRight:
		return "Right Outer Join"
	case ast.JoinFull:
		return "Full Outer Join"
	}
	return "Inner Join"
}

// scan renders a table read with the filter cond (nil for none) the
// executor applies to it, choosing seek or scan as run() does.
func (x *explainer) scan(sc *sem.Scan, cond sem.Expr) *pnode {
	def := sc.Table.Obj.Table
	full, as := x.register(sc.Table)
	cols := x.names(sc.Out)
	out := cols
	if cond != nil {
		if ix, seek, used := x.uniqueSeek(sc, cond); ix != nil {
			return x.seekNode(sc, ix, full, as, seek, x.residual(cond, used, cols), out)
		}
		if ix, seek, used := x.rangeSeek(sc, cond); ix != nil {
			return x.seekNode(sc, ix, full, as, seek, x.residual(cond, used, cols), out)
		}
	}
	n := &pnode{out: out}
	if ix := def.Clustered(); ix != nil {
		n.phys = "Clustered Index Scan"
		n.args = []string{"OBJECT:(" + full + ".[" + ix.Name + "]" + as + ")"}
	} else {
		n.phys = "Table Scan"
		n.args = []string{"OBJECT:(" + full + as + ")"}
	}
	if cond != nil {
		n.args = append(n.args, "WHERE:("+x.expr(cond, cols)+")")
	}
	return n
}

// seekNode is a seek of index ix; a nonclustered index reads the row
// through its locator afterwards (Nested Loops over the index seek and
// the lookup), which is where the filter is re-checked.
func (x *explainer) seekNode(sc *sem.Scan, ix *catalog.Index, full, as, seek, residual string, out []string) *pnode {
	def := sc.Table.Obj.Table
	if ix.Clustered {
		n := &pnode{phys: "Clustered Index Seek", args: []string{"OBJECT:(" + full + ".[" + ix.Name + "]" + as + ")", "SEEK:(" + seek + ")"}, tail: "ORDERED FORWARD", out: out}
		if residual != "" {
			n.args = append(n.args, "WHERE:("+residual+")")
		}
		return n
	}
	q := x.quals[strings.ToLower(tableKey(sc.Table))]
	idxSeek := &pnode{noRel: true, phys: "Index Seek", args: []string{"OBJECT:(" + full + ".[" + ix.Name + "]" + as + ")", "SEEK:(" + seek + ")"}, tail: "ORDERED FORWARD"}
	var lookup *pnode
	var refs string
	if cl := def.Clustered(); cl != nil {
		var keys, eqs []string
		for _, c := range cl.Columns {
			k := q + ".[" + def.Columns[c.Column].Name + "]"
			keys = append(keys, k)
			eqs = append(eqs, k+"="+k)
		}
		refs = strings.Join(keys, ", ")
		lookup = &pnode{phys: "Clustered Index Seek", args: []string{"OBJECT:(" + full + ".[" + cl.Name + "]" + as + ")", "SEEK:(" + strings.Join(eqs, " AND ") + ")"}, tail: "LOOKUP ORDERED FORWARD", out: out}
	} else {
		bmk := x.newBmk()
		refs = bmk
		lookup = &pnode{phys: "RID Lookup", args: []string{"OBJECT:(" + full + as + ")", "SEEK:(" + bmk + "=" + bmk + ")"}, tail: "LOOKUP ORDERED FORWARD", out: out}
	}
	if residual != "" {
		lookup.args = append(lookup.args, "WHERE:("+residual+")")
	}
	lookup.noRel = true
	idxSeek.out = []string{refs}
	return &pnode{phys: "Nested Loops", logic: "Inner Join", showLogic: true, args: []string{"OUTER REFERENCES:(" + refs + ")"}, kids: []*pnode{idxSeek, lookup}, out: out}
}

func (x *explainer) newBmk() string {
	x.exprN++
	return "[Bmk" + strconv.Itoa(x.exprN) + "]"
}

func tableKey(t sem.TableRef) string {
	if t.Alias != "" {
		return t.Alias
	}
	return t.Obj.Name
}

// uniqueSeek mirrors trySeekKey: the unique index it looks up and whether
// the bound values convert (a value that does not convert makes the
// executor go on to the range seek or the scan).
func (x *explainer) uniqueSeek(sc *sem.Scan, cond sem.Expr) (*catalog.Index, string, map[sem.Expr]bool) {
	def := sc.Table.Obj.Table
	eqs := uniqueSeekEqs(cond)
	ix := uniqueSeekIndex(def, eqs)
	if ix == nil {
		return nil, "", nil
	}
	var parts []string
	for _, col := range ix.Columns {
		e := eqs[col.Column]
		v, err := x.c.Eval(e, nil)
		if err == nil && v.K != types.KindNull {
			if _, cerr := Convert(v, e.Type(), def.Columns[col.Column].Type); cerr != nil {
				return nil, "", nil
			}
		}
		parts = append(parts, x.colName(sc.Out[col.Column])+"="+x.expr(e, nil))
	}
	return ix, strings.Join(parts, " AND "), usedEqs(cond, eqs, ix)
}

// usedEqs finds the conjuncts of cond that the equalities on ix's key
// columns came from (the SEEK:() shows them; WHERE:() shows the rest).
func usedEqs(cond sem.Expr, eqs map[int]sem.Expr, ix *catalog.Index) map[sem.Expr]bool {
	keyCol := map[int]bool{}
	for _, c := range ix.Columns {
		keyCol[c.Column] = true
	}
	used := map[sem.Expr]bool{}
	for _, cj := range conjuncts(cond, nil) {
		cmp, ok := cj.(*sem.Compare)
		if !ok || cmp.Op != ast.OpEq {
			continue
		}
		if col, ok := cmp.L.(*sem.ColRef); ok && keyCol[col.Idx] && eqs[col.Idx] == cmp.R {
			used[cj] = true
		} else if col, ok := cmp.R.(*sem.ColRef); ok && keyCol[col.Idx] && eqs[col.Idx] == cmp.L {
			used[cj] = true
		}
	}
	return used
}

func conjuncts(e sem.Expr, out []sem.Expr) []sem.Expr {
	if l, ok := e.(*sem.Logic); ok && l.And {
		return conjuncts(l.R, conjuncts(l.L, out))
	}
	return append(out, e)
}

// rangeSeek mirrors trySeekRange: the index it scans a key range of and
// the bounds, or nil when the executor would scan the table.
func (x *explainer) rangeSeek(sc *sem.Scan, cond sem.Expr) (*catalog.Index, string, map[sem.Expr]bool) {
	bounds := map[int]*colBound{}
	collectBounds(cond, bounds)
	if len(bounds) == 0 {
		return nil, "", nil
	}
	def := sc.Table.Obj.Table
	best := rangeSeekIndex(def, bounds)
	if best < 0 {
		return nil, "", nil
	}
	ix := &def.Indexes[best]
	var parts []string
	used := map[int]bool{}
	for _, ic := range ix.Columns {
		b := bounds[ic.Column]
		if b == nil {
			break
		}
		colT := def.Columns[ic.Column].Type
		name := x.colName(sc.Out[ic.Column])
		if b.eq != nil {
			if _, st, _ := x.c.boundValue(b.eq, colT); st == boundInexact {
				return nil, "", nil
			}
			parts = append(parts, name+"="+x.expr(b.eq, nil))
			used[ic.Column] = true
			continue
		}
		if !b.ranged() || !rangeKind(sem.KindOf(colT.ID)) {
			break
		}
		switch {
		case b.lo != nil || b.hi != nil:
			if b.lo != nil {
				if _, st, _ := x.c.boundValue(b.lo, colT); st == boundInexact {
					return nil, "", nil
				}
				op := " > "
				if b.loIncl {
					op = " >= "
				}
				parts = append(parts, name+op+x.expr(b.lo, nil))
			}
			if b.hi != nil {
				if _, st, _ := x.c.boundValue(b.hi, colT); st == boundInexact {
					return nil, "", nil
				}
				op := " < "
				if b.hiIncl {
					op = " <= "
				}
				parts = append(parts, name+op+x.expr(b.hi, nil))
			}
		default:
			if _, st, _ := x.c.likeRange(nil, b, colT); st == boundInexact {
				return nil, "", nil // no literal prefix: the executor scans
			}
			p := x.expr(b.like, nil)
			parts = append(parts, name+" >= LikeRangeStart("+p+")", name+" <= LikeRangeEnd("+p+")")
		}
		used[ic.Column] = true
		break
	}
	// The SEEK:() covers the equality and comparison conjuncts on the
	// key columns it uses; LIKE stays in WHERE:() (the range is only its
	// prefix).
	u := map[sem.Expr]bool{}
	for _, cj := range conjuncts(cond, nil) {
		if cmp, ok := cj.(*sem.Compare); ok {
			if col, ok := cmp.L.(*sem.ColRef); ok && used[col.Idx] && rowFree(cmp.R) {
				u[cj] = true
			} else if col, ok := cmp.R.(*sem.ColRef); ok && used[col.Idx] && rowFree(cmp.L) {
				u[cj] = true
			}
		}
	}
	return ix, strings.Join(parts, " AND "), u
}

func (x *explainer) residual(cond sem.Expr, used map[sem.Expr]bool, cols []string) string {
	var rest []string
	for _, cj := range conjuncts(cond, nil) {
		if !used[cj] {
			rest = append(rest, x.expr(cj, cols))
		}
	}
	return strings.Join(rest, " AND ")
}

func (x *explainer) exprs(es []sem.Expr, cols []string) string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = x.expr(e, cols)
	}
	return strings.Join(parts, ", ")
}

func (x *explainer) sortKeys(keys []sem.SortKey, cols []string) string {
	parts := make([]string, len(keys))
	for i, k := range keys {
		d := " ASC"
		if k.Desc {
			d = " DESC"
		}
		parts[i] = x.expr(k.X, cols) + d
	}
	return strings.Join(parts, ", ")
}

func (x *explainer) agg(a sem.AggFunc, cols []string) string {
	if a.Arg == nil {
		return "Count(*)"
	}
	d := ""
	if a.Distinct {
		d = "DISTINCT "
	}
	return a.Name + "(" + d + x.expr(a.Arg, cols) + ")"
}

// expr renders e as showplan arguments do: qualified column names,
// constants in parentheses, strings quoted.
func (x *explainer) expr(e sem.Expr, cols []string) string {
	switch v := e.(type) {
	case nil:
		return ""
	case *sem.Const:
		return constText(v.V, v.T)
	case *sem.ColRef:
		if v.Idx >= 0 && v.Idx < len(cols) {
			return cols[v.Idx]
		}
		return "[" + v.Name + "]"
	case *sem.OuterRef:
		if d := len(x.outer) - v.Depth; d >= 0 && d < len(x.outer) && v.Idx < len(x.outer[d]) {
			return x.outer[d][v.Idx]
		}
		return "[outer" + strconv.Itoa(v.Idx) + "]"
	case *sem.VarRef:
		return "[" + v.Name + "]"
	case *sem.GlobalVar:
		return v.Name
	case *sem.Unary:
		switch v.Op {
		case ast.OpNeg:
			return "-" + x.expr(v.X, cols)
		case ast.OpBitNot:
			return "~" + x.expr(v.X, cols)
		}
		return x.expr(v.X, cols)
	case *sem.Arith:
		return x.expr(v.L, cols) + v.Op.String() + x.expr(v.R, cols)
	case *sem.Compare:
		return x.expr(v.L, cols) + v.Op.String() + x.expr(v.R, cols)
	case *sem.Logic:
		op := " OR "
		if v.And {
			op = " AND "
		}
		l, r := x.expr(v.L, cols), x.expr(v.R, cols)
		if !v.And {
			return "(" + l + op + r + ")"
		}
		return l + op + r
	case *sem.Not:
		return "NOT (" + x.expr(v.X, cols) + ")"
	case *sem.IsNull:
		if v.Not {
			return x.expr(v.X, cols) + " IS NOT NULL"
		}
		return x.expr(v.X, cols) + " IS NULL"
	case *sem.Like:
		op := " like "
		if v.Not {
			op = " not like "
		}
		s := x.expr(v.X, cols) + op + x.expr(v.Pattern, cols)
		if v.Escape != nil {
			s += " ESCAPE " + x.expr(v.Escape, cols)
		}
		return s
	case *sem.InList:
		// SQL Server expands IN into equalities joined by OR.
		op, join := "=", " OR "
		if v.Not {
			op, join = "<>", " AND "
		}
		parts := make([]string, len(v.List))
		l := x.expr(v.X, cols)
		for i, it := range v.List {
			parts[i] = l + op + x.expr(it, cols)
		}
		return strings.Join(parts, join)
	case *sem.Case:
		var b strings.Builder
		b.WriteString("CASE")
		for _, w := range v.Whens {
			b.WriteString(" WHEN " + x.expr(w.Cond, cols) + " THEN " + x.expr(w.Result, cols))
		}
		if v.Else != nil {
			b.WriteString(" ELSE " + x.expr(v.Else, cols))
		} else {
			b.WriteString(" ELSE NULL")
		}
		return b.String() + " END"
	case *sem.Cast:
		return "CONVERT(" + sem.TypeName(v.T) + "," + x.expr(v.X, cols) + "," + strconv.Itoa(v.Style) + ")"
	case *sem.Func:
		return strings.ToLower(v.Name) + "(" + x.exprs(v.Args, cols) + ")"
	case *sem.Coalesce:
		return "COALESCE(" + x.exprs(v.Args, cols) + ")"
	case *sem.Subquery:
		return x.subquery(v, cols)
	}
	return "[" + strings.TrimPrefix(fmt.Sprintf("%T", e), "*sem.") + "]"
}

func constText(v types.Value, t types.Type) string {
	switch v.K {
	case types.KindNull:
		return "NULL"
	case types.KindString:
		s := "'" + strings.ReplaceAll(v.S, "'", "''") + "'"
		if t.ID == types.NVarChar || t.ID == types.NChar || t.ID == types.NText {
			s = "N" + s
		}
		return s
	case types.KindInt, types.KindBool, types.KindFloat, types.KindDecimal, types.KindMoney:
		return "(" + ToString(v, t) + ")"
	}
	return "'" + strings.ReplaceAll(ToString(v, t), "'", "''") + "'"
}

// subquery names a subquery [SubqueryN] in its operator's arguments and
// adds its plan (built with the current row as its outer row) to the
// operator's children.
func (x *explainer) subquery(v *sem.Subquery, cols []string) string {
	x.exprN++
	name := "[Subquery" + strconv.Itoa(x.exprN) + "]"
	x.outer = append(x.outer, cols)
	saved := x.subs
	x.subs = nil
	sub := x.build(v.Query)
	x.subs = saved
	x.outer = x.outer[:len(x.outer)-1]
	x.subs = append(x.subs, sub)
	var s string
	switch v.Kind {
	case sem.SubExists:
		s = "EXISTS(" + name + ")"
	case sem.SubIn:
		s = x.expr(v.X, cols) + " IN (" + name + ")"
	case sem.SubAll:
		s = x.expr(v.X, cols) + v.Op.String() + " ALL (" + name + ")"
	case sem.SubAny:
		s = x.expr(v.X, cols) + v.Op.String() + " ANY (" + name + ")"
	default:
		return name
	}
	if v.Not {
		s = "NOT " + s
	}
	return s
}
