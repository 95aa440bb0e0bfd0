package ast

import (
	"strconv"
	"strings"
)

// Canonical renders a DEFAULT, CHECK or computed-column expression the way
// SQL Server stores and shows it (sys.default_constraints.definition,
// sys.check_constraints.definition, sys.computed_columns.definition,
// INFORMATION_SCHEMA.COLUMNS.COLUMN_DEFAULT): the whole wrapped in
// parentheses, numeric constants parenthesised ((0)), column names
// bracketed, operators without spaces ([a]*(2)), AND/OR spaced, built-in
// function names in lower case (getdate()), CAST as CONVERT([int],[x]), IN
// expanded to ORs (last value first) and BETWEEN to two comparisons. Tools
// and ORMs (SSMS scripting, EF Core scaffolding) parse these forms.
func Canonical(e Expr) string {
	var b strings.Builder
	b.WriteByte('(')
	canon(&b, e, ctxTop)
	b.WriteByte(')')
	return b.String()
}

// canonCtx is where an expression appears, which decides its parentheses.
type canonCtx uint8

const (
	ctxTop     canonCtx = iota // the whole definition
	ctxOperand                 // operand of an arithmetic or comparison operator
	ctxAnd                     // operand of AND
	ctxOr                      // operand of OR
	ctxArg                     // function argument, CASE branch
)

// canonFuncs maps niladic forms to the function SQL Server stores.
var canonFuncs = map[string]string{
	"current_timestamp": "getdate()",
	"user":              "user_name()",
	"session_user":      "user_name()",
	"current_user":      "user_name()",
	"system_user":       "suser_sname()",
}

func canonBinaryOp(op BinaryOp) string {
	switch op {
	case OpAdd:
		return "+"
	case OpSub:
		return "-"
	case OpMul:
		return "*"
	case OpDiv:
		return "/"
	case OpMod:
		return "%"
	case OpBitAnd:
		return "&"
	case OpBitOr:
		return "|"
	case OpBitXor:
		return "^"
	case OpEq:
		return "="
	case OpNe:
		return "<>"
	case OpLt:
		return "<"
	case OpGt:
		return ">"
	case OpLe:
		return "<="
	case OpGe:
		return ">="
	case OpNotLt:
		return ">="
	case OpNotGt:
		return "<="
	case OpAnd:
		return " AND "
	case OpOr:
		return " OR "
	}
	return "?"
}

// logical writes an AND/OR chain; a chain of the other connective inside
// it keeps parentheses.
func canonLogical(b *strings.Builder, op BinaryOp, parts []Expr, ctx canonCtx) {
	own := ctxAnd
	if op == OpOr {
		own = ctxOr
	}
	wrap := ctx == ctxOperand || (ctx == ctxAnd && own == ctxOr) || (ctx == ctxOr && own == ctxAnd)
	if wrap {
		b.WriteByte('(')
	}
	for i, p := range parts {
		if i > 0 {
			b.WriteString(canonBinaryOp(op))
		}
		canon(b, p, own)
	}
	if wrap {
		b.WriteByte(')')
	}
}

func canon(b *strings.Builder, e Expr, ctx canonCtx) {
	switch x := e.(type) {
	case *ParenExpr:
		canon(b, x.X, ctx)
	case *Literal:
		canonLiteral(b, x, "")
	case *UnaryExpr:
		switch x.Op {
		case OpNeg, OpPlus:
			if l, ok := x.X.(*Literal); ok && (l.Kind == LitInt || l.Kind == LitDecimal || l.Kind == LitFloat || l.Kind == LitMoney) {
				sign := "-"
				if x.Op == OpPlus {
					sign = ""
				}
				canonLiteral(b, l, sign)
				return
			}
			b.WriteByte('(')
			if x.Op == OpNeg {
				b.WriteByte('-')
			}
			canon(b, x.X, ctxOperand)
			b.WriteByte(')')
		case OpBitNot:
			b.WriteString("(~")
			canon(b, x.X, ctxOperand)
			b.WriteByte(')')
		case OpNot:
			b.WriteString("NOT ")
			canon(b, x.X, ctxOperand)
		}
	case *BinaryExpr:
		if x.Op == OpAnd || x.Op == OpOr {
			canonLogical(b, x.Op, flattenLogical(x.Op, x, nil), ctx)
			return
		}
		// A binary operation that is itself an operand keeps parentheses:
		// SQL Server stores a*2+c as ([a]*(2))+[c].
		wrap := ctx == ctxOperand
		if wrap {
			b.WriteByte('(')
		}
		canon(b, x.L, ctxOperand)
		b.WriteString(canonBinaryOp(x.Op))
		canon(b, x.R, ctxOperand)
		if wrap {
			b.WriteByte(')')
		}
	case *ColumnRef:
		if !x.Table.Name.IsZero() {
			b.WriteString(QuoteIdent(x.Table.Name.Name))
			b.WriteByte('.')
		}
		b.WriteString(QuoteIdent(x.Name.Name))
	case *IsNullExpr:
		canon(b, x.X, ctxOperand)
		if x.Not {
			b.WriteString(" IS NOT NULL")
		} else {
			b.WriteString(" IS NULL")
		}
	case *LikeExpr:
		if x.Not {
			b.WriteString("NOT ")
		}
		canon(b, x.X, ctxOperand)
		b.WriteString(" like ")
		canon(b, x.Pattern, ctxOperand)
		if x.Escape != nil {
			b.WriteString(" escape ")
			canon(b, x.Escape, ctxOperand)
		}
	case *InExpr:
		if x.Query != nil {
			b.WriteString(String(x))
			return
		}
		// x IN (a, b, c) is stored as x=c OR x=b OR x=a; NOT IN as
		// x<>c AND x<>b AND x<>a.
		op, cmp := OpOr, OpEq
		if x.Not {
			op, cmp = OpAnd, OpNe
		}
		parts := make([]Expr, 0, len(x.List))
		for i := len(x.List) - 1; i >= 0; i-- {
			parts = append(parts, &BinaryExpr{Op: cmp, L: x.X, R: x.List[i]})
		}
		if len(parts) == 1 {
			canon(b, parts[0], ctx)
			return
		}
		canonLogical(b, op, parts, ctx)
	case *BetweenExpr:
		lo, hi, op := OpGe, OpLe, OpAnd
		if x.Not {
			lo, hi, op = OpLt, OpGt, OpOr
		}
		canonLogical(b, op, []Expr{&BinaryExpr{Op: lo, L: x.X, R: x.Low}, &BinaryExpr{Op: hi, L: x.X, R: x.High}}, ctx)
	case *FuncCall:
		canonFunc(b, x)
	case *CastExpr:
		canonConvert(b, x.Try, x.Type, x.X, nil)
	case *ConvertExpr:
		canonConvert(b, x.Try, x.Type, x.X, x.Style)
	case *CaseExpr:
		b.WriteString("case")
		if x.Operand != nil {
			b.WriteByte(' ')
			canon(b, x.Operand, ctxArg)
		}
		for _, w := range x.Whens {
			b.WriteString(" when ")
			canon(b, w.Cond, ctxArg)
			b.WriteString(" then ")
			canon(b, w.Result, ctxArg)
		}
		if x.Else != nil {
			b.WriteString(" else ")
			canon(b, x.Else, ctxArg)
		}
		b.WriteString(" end")
	case *NextValueExpr:
		b.WriteString(String(x))
	default:
		b.WriteString(String(e))
	}
}

// flattenLogical lists the operands of a chain of one connective.
func flattenLogical(op BinaryOp, e Expr, out []Expr) []Expr {
	for {
		p, ok := e.(*ParenExpr)
		if !ok {
			break
		}
		e = p.X
	}
	if be, ok := e.(*BinaryExpr); ok && be.Op == op {
		out = flattenLogical(op, be.L, out)
		return flattenLogical(op, be.R, out)
	}
	return append(out, e)
}

func canonLiteral(b *strings.Builder, l *Literal, sign string) {
	switch l.Kind {
	case LitNull:
		b.WriteString("NULL")
	case LitString:
		b.WriteString(QuoteString(l.Val))
	case LitNString:
		b.WriteByte('N')
		b.WriteString(QuoteString(l.Val))
	case LitBinary:
		b.WriteByte('(')
		b.WriteString(l.Text)
		b.WriteByte(')')
	case LitMoney:
		b.WriteByte('(')
		b.WriteString(sign)
		b.WriteString(strings.TrimPrefix(l.Text, "$"))
		b.WriteByte(')')
	default:
		b.WriteByte('(')
		b.WriteString(sign)
		b.WriteString(l.Text)
		b.WriteByte(')')
	}
}

func canonFunc(b *strings.Builder, f *FuncCall) {
	if f.Over != nil || len(f.WithinGroup) > 0 {
		// Not valid in definitions; keep the plain form.
		b.WriteString(String(f))
		return
	}
	if f.Name.Schema.IsZero() && f.Name.Database.IsZero() {
		lower := strings.ToLower(f.Name.Name.Name)
		if f.NoParens {
			if s, ok := canonFuncs[lower]; ok {
				b.WriteString(s)
				return
			}
		}
		b.WriteString(lower)
	} else {
		// A user-defined function keeps its schema, bracketed.
		if !f.Name.Database.IsZero() {
			b.WriteString(QuoteIdent(f.Name.Database.Name))
			b.WriteByte('.')
		}
		b.WriteString(QuoteIdent(f.Name.Schema.Name))
		b.WriteByte('.')
		b.WriteString(QuoteIdent(f.Name.Name.Name))
	}
	b.WriteByte('(')
	if f.Distinct {
		b.WriteString("distinct ")
	}
	for i, a := range f.Args {
		if i > 0 {
			b.WriteByte(',')
		}
		if _, ok := a.(*Star); ok {
			b.WriteByte('*')
			continue
		}
		canon(b, a, ctxArg)
	}
	b.WriteByte(')')
}

// canonType writes a type as CONVERT's first argument: [varchar](10).
func canonType(b *strings.Builder, t *TypeName) {
	if !t.Schema.IsZero() {
		b.WriteString(QuoteIdent(t.Schema.Name))
		b.WriteByte('.')
	}
	b.WriteString(QuoteIdent(strings.ToLower(t.Name.Name)))
	switch {
	case t.Max:
		b.WriteString("(max)")
	case len(t.Args) > 0:
		b.WriteByte('(')
		for i, a := range t.Args {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.FormatInt(a, 10))
		}
		b.WriteByte(')')
	}
}

// canonConvert writes CAST and CONVERT alike, as SQL Server stores both:
// CONVERT([type],x[,style]).
func canonConvert(b *strings.Builder, try bool, t *TypeName, x, style Expr) {
	if try {
		b.WriteString("TRY_CONVERT(")
	} else {
		b.WriteString("CONVERT(")
	}
	canonType(b, t)
	b.WriteByte(',')
	canon(b, x, ctxArg)
	if style != nil {
		b.WriteByte(',')
		canon(b, style, ctxArg)
	}
	b.WriteByte(')')
}
