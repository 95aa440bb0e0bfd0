package ast

import (
	"strconv"
	"strings"
)

// String renders a node back to T-SQL. The output parses to an equal tree
// (spans and module definition texts aside); it is normalised (keywords
// upper case, single spaces, TOP always parenthesised, statements ended
// with ';').
func String(n Node) string {
	var p printer
	p.node(n)
	return p.sb.String()
}

// StringStmts renders a statement list, one statement per line.
func StringStmts(stmts []Stmt) string {
	var p printer
	p.stmts(stmts)
	return p.sb.String()
}

type printer struct {
	sb     strings.Builder
	indent int
}

// w appends s, inserting a space where two tokens would otherwise fuse
// into a comment ("- -1" must not become "--1").
func (p *printer) w(s string) {
	if s == "" {
		return
	}
	if n := p.sb.Len(); n > 0 {
		last := p.sb.String()[n-1]
		if (last == '-' && s[0] == '-') || (last == '/' && s[0] == '*') || (last == '+' && s[0] == '=') {
			p.sb.WriteByte(' ')
		}
	}
	p.sb.WriteString(s)
}

func (p *printer) nl() {
	p.sb.WriteByte('\n')
	for i := 0; i < p.indent; i++ {
		p.sb.WriteString("    ")
	}
}

func (p *printer) node(n Node) {
	switch n := n.(type) {
	case nil:
	case Expr:
		p.expr(n)
	case Stmt:
		p.stmt(n)
	case TableExpr:
		p.table(n)
	case QueryExpr:
		p.queryExpr(n)
	case *Query:
		p.query(n)
	case *TypeName:
		p.typeName(n)
	case *OrderItem:
		p.orderItem(n)
	case *SelectItem:
		p.selectItem(n)
	case *ColumnDef:
		p.columnDef(n)
	case *Constraint:
		p.constraint(n)
	default:
		p.w("/* unprintable */")
	}
}

// identNeedsQuote reports whether a name cannot be written bare.
func identNeedsQuote(s string) bool {
	if s == "" {
		return true
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '#' || c >= 0x80 || c == '$' ||
			i > 0 && (c >= '0' && c <= '9' || c == '@' || c == '$')
		if !ok {
			return true
		}
	}
	return IsReserved(s)
}

// QuoteIdent brackets a name, doubling ']'.
func QuoteIdent(s string) string {
	return "[" + strings.ReplaceAll(s, "]", "]]") + "]"
}

func (p *printer) ident(i Ident) {
	if i.Quoted || identNeedsQuote(i.Name) {
		p.w(QuoteIdent(i.Name))
		return
	}
	p.w(i.Name)
}

func (p *printer) idents(list []Ident) {
	for i, id := range list {
		if i > 0 {
			p.w(", ")
		}
		p.ident(id)
	}
}

func (p *printer) parenIdents(list []Ident) {
	p.w("(")
	p.idents(list)
	p.w(")")
}

func (p *printer) objectName(n *ObjectName) {
	parts := [4]*Ident{&n.Server, &n.Database, &n.Schema, &n.Name}
	first := 3
	for i := 0; i < 4; i++ {
		if !parts[i].IsZero() {
			first = i
			break
		}
	}
	for i := first; i < 4; i++ {
		if i > first {
			p.w(".")
		}
		if !parts[i].IsZero() {
			p.ident(*parts[i])
		}
	}
}

// QuoteString renders s as a T-SQL string literal.
func QuoteString(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

func (p *printer) typeName(t *TypeName) {
	if !t.Schema.IsZero() {
		p.ident(t.Schema)
		p.w(".")
	}
	if t.Schema.IsZero() && strings.EqualFold(t.Name.Name, "double precision") {
		p.w("float")
	} else {
		p.ident(t.Name)
	}
	if t.Max {
		p.w("(max)")
	} else if len(t.Args) > 0 {
		p.w("(")
		for i, a := range t.Args {
			if i > 0 {
				p.w(", ")
			}
			p.w(strconv.FormatInt(a, 10))
		}
		p.w(")")
	}
}

func (p *printer) exprs(list []Expr) {
	for i, e := range list {
		if i > 0 {
			p.w(", ")
		}
		p.expr(e)
	}
}

var binaryOpText = [...]string{
	OpAdd: "+", OpSub: "-", OpMul: "*", OpDiv: "/", OpMod: "%", OpBitAnd: "&", OpBitOr: "|", OpBitXor: "^",
	OpEq: "=", OpNe: "<>", OpLt: "<", OpGt: ">", OpLe: "<=", OpGe: ">=", OpNotLt: "!<", OpNotGt: "!>",
	OpAnd: "AND", OpOr: "OR",
}

// String returns the operator's T-SQL spelling.
func (op BinaryOp) String() string {
	if int(op) < len(binaryOpText) {
		return binaryOpText[op]
	}
	return "?"
}

var assignOpText = [...]string{
	AssignSet: "=", AssignAdd: "+=", AssignSub: "-=", AssignMul: "*=", AssignDiv: "/=", AssignMod: "%=",
	AssignAnd: "&=", AssignOr: "|=", AssignXor: "^=",
}

// String returns the assignment operator's T-SQL spelling.
func (op AssignOp) String() string {
	if int(op) < len(assignOpText) {
		return assignOpText[op]
	}
	return "?"
}

func (p *printer) expr(e Expr) {
	switch e := e.(type) {
	case nil:
	case *Literal:
		if e.Kind == LitNull {
			p.w("NULL")
			return
		}
		p.w(e.Text)
	case *ColumnRef:
		if !e.Table.IsZero() {
			p.objectName(&e.Table)
			p.w(".")
		}
		p.ident(e.Name)
	case *Star:
		if !e.Table.IsZero() {
			p.objectName(&e.Table)
			p.w(".")
		}
		p.w("*")
	case *VarRef:
		p.w(e.Name)
	case *GlobalVarRef:
		p.w(e.Name)
	case *UnaryExpr:
		switch e.Op {
		case OpNeg:
			p.w("-")
		case OpPlus:
			p.w("+")
		case OpBitNot:
			p.w("~")
		case OpNot:
			p.w("NOT ")
		}
		p.expr(e.X)
	case *BinaryExpr:
		p.expr(e.L)
		p.w(" ")
		p.w(e.Op.String())
		p.w(" ")
		p.expr(e.R)
	case *ParenExpr:
		p.w("(")
		p.expr(e.X)
		p.w(")")
	case *BetweenExpr:
		p.expr(e.X)
		p.not(e.Not)
		p.w(" BETWEEN ")
		p.expr(e.Low)
		p.w(" AND ")
		p.expr(e.High)
	case *InExpr:
		p.expr(e.X)
		p.not(e.Not)
		p.w(" IN (")
		if e.Query != nil {
			p.query(e.Query)
		} else {
			p.exprs(e.List)
		}
		p.w(")")
	case *LikeExpr:
		p.expr(e.X)
		p.not(e.Not)
		p.w(" LIKE ")
		p.expr(e.Pattern)
		if e.Escape != nil {
			p.w(" ESCAPE ")
			p.expr(e.Escape)
		}
	case *IsNullExpr:
		p.expr(e.X)
		if e.Not {
			p.w(" IS NOT NULL")
		} else {
			p.w(" IS NULL")
		}
	case *IsDistinctExpr:
		p.expr(e.L)
		if e.Not {
			p.w(" IS NOT DISTINCT FROM ")
		} else {
			p.w(" IS DISTINCT FROM ")
		}
		p.expr(e.R)
	case *ExistsExpr:
		p.w("EXISTS (")
		p.query(e.Query)
		p.w(")")
	case *SubqueryExpr:
		p.w("(")
		p.query(e.Query)
		p.w(")")
	case *QuantifiedExpr:
		p.expr(e.X)
		p.w(" ")
		p.w(e.Op.String())
		switch e.Quant {
		case QuantAll:
			p.w(" ALL (")
		case QuantAny:
			p.w(" ANY (")
		default:
			p.w(" SOME (")
		}
		p.query(e.Query)
		p.w(")")
	case *CaseExpr:
		p.w("CASE")
		if e.Operand != nil {
			p.w(" ")
			p.expr(e.Operand)
		}
		for _, wh := range e.Whens {
			p.w(" WHEN ")
			p.expr(wh.Cond)
			p.w(" THEN ")
			p.expr(wh.Result)
		}
		if e.Else != nil {
			p.w(" ELSE ")
			p.expr(e.Else)
		}
		p.w(" END")
	case *CastExpr:
		if e.Try {
			p.w("TRY_CAST(")
		} else {
			p.w("CAST(")
		}
		p.expr(e.X)
		p.w(" AS ")
		p.typeName(e.Type)
		p.w(")")
	case *ConvertExpr:
		if e.Try {
			p.w("TRY_CONVERT(")
		} else {
			p.w("CONVERT(")
		}
		p.typeName(e.Type)
		p.w(", ")
		p.expr(e.X)
		if e.Style != nil {
			p.w(", ")
			p.expr(e.Style)
		}
		p.w(")")
	case *ParseExpr:
		if e.Try {
			p.w("TRY_PARSE(")
		} else {
			p.w("PARSE(")
		}
		p.expr(e.X)
		p.w(" AS ")
		p.typeName(e.Type)
		if e.Culture != nil {
			p.w(" USING ")
			p.expr(e.Culture)
		}
		p.w(")")
	case *FuncCall:
		p.funcCall(e)
	case *StaticMethodCall:
		p.staticMethodCall(e)
	case *PropertyRef:
		p.propertyRef(e)
	case *MethodCall:
		p.expr(e.X)
		p.w(".")
		p.ident(e.Method)
		p.w("(")
		p.exprs(e.Args)
		p.w(")")
	case *CollateExpr:
		p.expr(e.X)
		p.w(" COLLATE ")
		p.w(e.Collation)
	case *AtTimeZoneExpr:
		p.atTimeZone(e)
	case *TrimExpr:
		p.trim(e)
	case *NextValueExpr:
		p.w("NEXT VALUE FOR ")
		p.objectName(&e.Seq)
		if e.Over != nil {
			p.w(" ")
			p.over(e.Over)
		}
	case *DefaultExpr:
		p.w("DEFAULT")
	case *RowExpr:
		p.w("(")
		p.exprs(e.Exprs)
		p.w(")")
	case *GroupingExpr:
		switch e.Kind {
		case GroupRollup:
			p.w("ROLLUP (")
		case GroupCube:
			p.w("CUBE (")
		default:
			p.w("GROUPING SETS (")
		}
		p.exprs(e.Items)
		p.w(")")
	default:
		p.w("/* unknown expression */")
	}
}

func (p *printer) not(not bool) {
	if not {
		p.w(" NOT")
	}
}

func (p *printer) funcName(n *ObjectName) {
	// Built-in function names may be reserved words (LEFT, COALESCE);
	// they are written bare unless they were quoted.
	if n.Schema.IsZero() && n.Database.IsZero() && n.Server.IsZero() && !n.Name.Quoted {
		p.w(n.Name.Name)
		return
	}
	p.objectName(n)
}

func (p *printer) funcCall(f *FuncCall) {
	p.funcName(&f.Name)
	if f.NoParens {
		return
	}
	p.w("(")
	if f.Distinct {
		p.w("DISTINCT ")
	}
	p.exprs(f.Args)
	p.w(")")
	if len(f.WithinGroup) > 0 {
		p.w(" WITHIN GROUP (ORDER BY ")
		p.orderItems(f.WithinGroup)
		p.w(")")
	}
	if f.Over != nil {
		p.w(" ")
		p.over(f.Over)
	}
}

func (p *printer) over(o *OverClause) {
	p.w("OVER (")
	sep := ""
	if len(o.PartitionBy) > 0 {
		p.w("PARTITION BY ")
		p.exprs(o.PartitionBy)
		sep = " "
	}
	if len(o.OrderBy) > 0 {
		p.w(sep)
		p.w("ORDER BY ")
		p.orderItems(o.OrderBy)
		sep = " "
	}
	if f := o.Frame; f != nil {
		p.w(sep)
		if f.Unit == FrameRange {
			p.w("RANGE ")
		} else {
			p.w("ROWS ")
		}
		if f.End != nil {
			p.w("BETWEEN ")
			p.bound(f.Start)
			p.w(" AND ")
			p.bound(f.End)
		} else {
			p.bound(f.Start)
		}
	}
	p.w(")")
}

func (p *printer) bound(b *FrameBound) {
	switch b.Kind {
	case BoundUnboundedPreceding:
		p.w("UNBOUNDED PRECEDING")
	case BoundUnboundedFollowing:
		p.w("UNBOUNDED FOLLOWING")
	case BoundCurrentRow:
		p.w("CURRENT ROW")
	case BoundPreceding:
		p.expr(b.Offset)
		p.w(" PRECEDING")
	case BoundFollowing:
		p.expr(b.Offset)
		p.w(" FOLLOWING")
	}
}

func (p *printer) orderItem(o *OrderItem) {
	p.expr(o.X)
	if o.Desc {
		p.w(" DESC")
	}
}

func (p *printer) orderItems(list []*OrderItem) {
	for i, o := range list {
		if i > 0 {
			p.w(", ")
		}
		p.orderItem(o)
	}
}

// IsReserved reports whether s is one of SQL Server's reserved keywords.
func IsReserved(s string) bool {
	if len(s) > 32 {
		return false
	}
	var buf [32]byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		buf[i] = c
	}
	_, ok := reserved[string(buf[:len(s)])]
	return ok
}
