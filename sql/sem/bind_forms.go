package sem

import (
	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/types"
)

// FuncAtTimeZone is the sem.Func name of x AT TIME ZONE zone. Its
// arguments are x converted to datetimeoffset (offset +00:00 when x had
// none), the zone name as nvarchar, and an int constant: 1 when x carried
// no offset (its wall time is read in the zone), 0 when it is an instant
// to present in the zone.
const FuncAtTimeZone = "AT TIME ZONE"

// atTimeZone binds x AT TIME ZONE zone (SQL Server 2016).
func (b *Binder) atTimeZone(s *scope, e *ast.AtTimeZoneExpr) Expr {
	x := b.expr(s, e.X)
	t := x.Type()
	local := int64(1)
	switch {
	case isNullConst(x):
		t = types.Type{ID: types.DateTime2, Scale: 7}
		x = &Const{T: t, V: types.Null}
	case t.ID == types.DateTimeOffset:
		local = 0
	case t.ID == types.DateTime, t.ID == types.SmallDateTime, t.ID == types.DateTime2:
	default:
		// Strings are not read as dates here: SQL Server wants a date/time type.
		b.fail(e, 8116, typeName(t), 1, "AT TIME ZONE")
	}
	rt := types.Type{ID: types.DateTimeOffset, Scale: scaleOf(t)}
	if t.ID != types.DateTimeOffset {
		x = Conv(x, rt)
	}
	zone := b.expr(s, e.Zone)
	zt := zone.Type()
	if !IsString(zt) && !isNullConst(zone) {
		b.fail(e, 8116, typeName(zt), 2, "AT TIME ZONE")
	}
	zone = Conv(zone, NVarChar(128))
	return &Func{T: rt, Name: FuncAtTimeZone, Args: []Expr{x, zone, &Const{T: IntType, V: types.IntValue(local)}}}
}

// trimForm binds TRIM([LEADING | TRAILING | BOTH] [chars] FROM s): BOTH
// (the default) is TRIM(s, chars), LEADING LTRIM, TRAILING RTRIM; without
// chars the characters trimmed are spaces.
func (b *Binder) trimForm(s *scope, e *ast.TrimExpr) Expr {
	x := b.expr(s, e.X)
	if !IsString(x.Type()) {
		x = &Cast{T: VarChar(8000), X: x}
	}
	var chars Expr = &Const{T: VarChar(1), V: types.StringValue(" ")}
	if e.Chars != nil {
		chars = b.expr(s, e.Chars)
		if !IsString(chars.Type()) {
			chars = &Cast{T: VarChar(8000), X: chars}
		}
	}
	name := "TRIM"
	switch e.Where {
	case ast.TrimLeading:
		name = "LTRIM"
	case ast.TrimTrailing:
		name = "RTRIM"
	}
	return &Func{T: x.Type(), Name: name, Args: []Expr{x, chars}}
}
