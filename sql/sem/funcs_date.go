package sem

import (
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/types"
)

// Date/time built-ins. A datepart argument is bound to an int constant
// holding its types.DatePart so the executor never re-parses it.

func init() {
	// DATEADD, DATEDIFF(_BIG), DATEPART, DATENAME, YEAR/MONTH/DAY,
	// EOMONTH and DATEFROMPARTS are bound in funcs.go's switch.
	register(bindDateTrunc, "DATETRUNC")
	register(bindFromParts, "DATETIMEFROMPARTS", "DATETIME2FROMPARTS",
		"SMALLDATETIMEFROMPARTS", "TIMEFROMPARTS", "DATETIMEOFFSETFROMPARTS")
	register(bindOffsetFuncs, "SWITCHOFFSET", "TODATETIMEOFFSET")
	register(bindIsDate, "ISDATE")
}

// datePartArg resolves DATEADD's first argument, written as a bare word.
func (b *Binder) datePartArg(e *ast.FuncCall, name string) types.DatePart {
	fn := strings.ToLower(name)
	if fn == "datediff_big" {
		fn = "datediff"
	}
	c, ok := e.Args[0].(*ast.ColumnRef)
	if !ok || c.Table.Name.Name != "" || c.Name.Quoted {
		b.failText(e, 1023, "Invalid parameter %d specified for %.*ls.", 1, fn)
	}
	p, ok := types.ParseDatePart(c.Name.Name)
	if !ok {
		b.failText(e, 155, "'%.*ls' is not a recognized %ls option.", c.Name.Name, fn)
	}
	return p
}

// dateArg converts argument i of name to a date/time type: character
// strings become strT, numbers datetime (day 0 = 1900-01-01) as SQL
// Server's implicit conversion does; other types are Msg 8116.
func (b *Binder) dateArg(e *ast.FuncCall, name string, i int, x Expr, strT types.Type) Expr {
	t := x.Type()
	switch {
	case isNullConst(x):
		return &Const{T: strT}
	case IsDateTime(t):
		return x
	case IsString(t):
		return &Cast{T: strT, X: x}
	case IsNumeric(t) && t.ID != types.Bit:
		return Conv(x, DateTimeType)
	}
	b.badArgType(e, name, i, t)
	return nil
}

var dateTime2Type = types.Type{ID: types.DateTime2, Scale: 7}

func bindDateTrunc(b *Binder, s *scope, e *ast.FuncCall, name string) Expr {
	b.argCount(e, name, 2, 2)
	part := b.datePartArg(e, name)
	x := b.expr(s, e.Args[1])
	if IsNumeric(x.Type()) {
		b.badArgType(e, name, 1, x.Type())
	}
	x = b.dateArg(e, name, 1, x, dateTime2Type)
	return &Func{T: x.Type(), Name: name, Args: []Expr{intConst(int64(part)), x}}
}

// fromPartsArity is the argument count of each *FROMPARTS function.
var fromPartsArity = map[string]int{
	"DATETIMEFROMPARTS": 7, "DATETIME2FROMPARTS": 8,
	"SMALLDATETIMEFROMPARTS": 5, "TIMEFROMPARTS": 5, "DATETIMEOFFSETFROMPARTS": 10,
}

func bindFromParts(b *Binder, s *scope, e *ast.FuncCall, name string) Expr {
	n := fromPartsArity[name]
	b.argCount(e, name, n, n)
	args := b.bindArgs(s, e)
	for i, a := range args {
		if !IsInteger(a.Type()) && !isNullConst(a) && a.Type().ID != types.Bit {
			b.badArgType(e, name, i, a.Type())
		}
		args[i] = Conv(a, IntType)
	}
	var t types.Type
	switch name {
	case "DATETIMEFROMPARTS":
		t = DateTimeType
	case "SMALLDATETIMEFROMPARTS":
		t = types.Type{ID: types.SmallDateTime}
	default:
		// The precision is the last argument and must be a constant
		// because it fixes the result type.
		p, ok := constInt(args[n-1])
		if !ok || p < 0 || p > 7 {
			tn := map[string]string{"DATETIME2FROMPARTS": "datetime2", "TIMEFROMPARTS": "time", "DATETIMEOFFSETFROMPARTS": "datetimeoffset"}[name]
			if ok {
				b.failText(e, 1002, "Line %d: Specified scale %d is invalid.", b.Line, p)
			}
			b.failText(e, 10760, "Scale argument is not valid. Valid expressions for data type %ls scale argument are integer constants and integer constant expressions.", tn)
		}
		id := map[string]types.TypeID{"DATETIME2FROMPARTS": types.DateTime2, "TIMEFROMPARTS": types.Time, "DATETIMEOFFSETFROMPARTS": types.DateTimeOffset}[name]
		t = types.Type{ID: id, Scale: uint8(p)}
	}
	return &Func{T: t, Name: name, Args: args}
}

func bindOffsetFuncs(b *Binder, s *scope, e *ast.FuncCall, name string) Expr {
	b.argCount(e, name, 2, 2)
	args := b.bindArgs(s, e)
	t := args[0].Type()
	if name == "SWITCHOFFSET" {
		args[0] = b.dateArg(e, name, 0, args[0], types.Type{ID: types.DateTimeOffset, Scale: 7})
		if IsDateTime(t) && t.ID != types.DateTimeOffset {
			args[0] = Conv(args[0], types.Type{ID: types.DateTimeOffset, Scale: scaleOf(t)})
		}
	} else {
		args[0] = b.dateArg(e, name, 0, args[0], dateTime2Type)
	}
	at := args[1].Type()
	if !IsString(at) && !IsInteger(at) && !isNullConst(args[1]) {
		b.badArgType(e, name, 1, at)
	}
	return &Func{T: types.Type{ID: types.DateTimeOffset, Scale: scaleOf(args[0].Type())}, Name: name, Args: args}
}

// scaleOf is the fractional-seconds precision a date/time type carries.
func scaleOf(t types.Type) uint8 {
	switch t.ID {
	case types.DateTime:
		return 3
	case types.SmallDateTime, types.Date:
		return 0
	case types.DateTime2, types.Time, types.DateTimeOffset:
		return t.Scale
	}
	return 7
}

func bindIsDate(b *Binder, s *scope, e *ast.FuncCall, name string) Expr {
	b.argCount(e, name, 1, 1)
	x := b.expr(s, e.Args[0])
	t := x.Type()
	if !IsString(t) && !IsDateTime(t) && !isNullConst(x) {
		b.badArgType(e, name, 0, t)
	}
	if t.ID == types.DateTime2 || t.ID == types.Date || t.ID == types.Time || t.ID == types.DateTimeOffset {
		b.badArgType(e, name, 0, t)
	}
	return &Func{T: IntType, Name: name, Args: []Expr{x}}
}
