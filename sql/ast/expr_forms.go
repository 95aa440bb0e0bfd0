package ast

// AtTimeZoneExpr is X AT TIME ZONE Zone: a postfix operator binding like
// COLLATE (tighter than the arithmetic operators), so that
// "d AT TIME ZONE 'a' AT TIME ZONE 'b'" chains left to right.
type AtTimeZoneExpr struct {
	Span
	X    Expr
	Zone Expr
}

// TrimWhere is TRIM's LEADING / TRAILING / BOTH keyword.
type TrimWhere uint8

const (
	TrimNone     TrimWhere = iota // no keyword written
	TrimBoth                      // BOTH
	TrimLeading                   // LEADING
	TrimTrailing                  // TRAILING
)

var trimWhereText = [...]string{"", "BOTH", "LEADING", "TRAILING"}

// TrimExpr is TRIM([LEADING | TRAILING | BOTH] [Chars] FROM X), the
// SQL-standard form of TRIM (SQL Server 2017/2022). The plain TRIM(s) stays
// a FuncCall.
type TrimExpr struct {
	Span
	Where TrimWhere
	Chars Expr // nil when only the keyword precedes FROM
	X     Expr
}

func (*AtTimeZoneExpr) exprNode() {}
func (*TrimExpr) exprNode()       {}

func (p *printer) atTimeZone(e *AtTimeZoneExpr) {
	p.expr(e.X)
	p.w(" AT TIME ZONE ")
	p.expr(e.Zone)
}

func (p *printer) trim(e *TrimExpr) {
	p.w("TRIM(")
	if e.Where != TrimNone {
		p.w(trimWhereText[e.Where])
		p.w(" ")
	}
	if e.Chars != nil {
		p.expr(e.Chars)
		p.w(" ")
	}
	p.w("FROM ")
	p.expr(e.X)
	p.w(")")
}
