package sem

import (
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/types"
)

var aggregates = map[string]bool{
	"COUNT": true, "COUNT_BIG": true, "SUM": true, "AVG": true, "MIN": true, "MAX": true,
	"STDEV": true, "STDEVP": true, "VAR": true, "VARP": true,
}

// IsAggregate reports whether name (any case) is an aggregate function.
func IsAggregate(name string) bool { return aggregates[strings.ToUpper(name)] }

// aggPlaceholder stands for aggregate number Idx until the select list is
// rewritten over the aggregate's output row.
type aggPlaceholder struct {
	T   types.Type
	Idx int
}

func (e *aggPlaceholder) Type() types.Type { return e.T }

type aggCollector struct {
	aggs []AggFunc
	// inAgg is set while binding an aggregate's argument.
	inAgg bool
}

// AggResultType is the result type of aggregate name over arg.
func AggResultType(name string, arg types.Type) types.Type {
	switch name {
	case "COUNT":
		return IntType
	case "COUNT_BIG":
		return BigIntType
	case "SUM", "AVG":
		switch arg.ID {
		case types.TinyInt, types.SmallInt, types.Int, types.Bit:
			return IntType
		case types.BigInt:
			return BigIntType
		case types.Decimal, types.Numeric:
			s := arg.Scale
			if name == "AVG" && s < 6 {
				s = 6
			}
			return types.Type{ID: types.Numeric, Precision: 38, Scale: s}
		case types.Money, types.SmallMoney:
			return MoneyType
		}
		return FloatType
	case "STDEV", "STDEVP", "VAR", "VARP":
		return FloatType
	}
	return arg
}

func (b *Binder) aggregate(s *scope, e *ast.FuncCall, name string) Expr {
	if s.agg == nil {
		b.fail(e, 147)
	}
	if s.agg.inAgg {
		b.fail(e, 130)
	}
	if f, ok := extAggregates[name]; ok {
		return f(b, s, e, name)
	}
	a := AggFunc{Name: name, Distinct: e.Distinct}
	if len(e.Args) == 1 {
		if _, star := e.Args[0].(*ast.Star); star {
			if name != "COUNT" && name != "COUNT_BIG" {
				b.fail(e, 102, "*")
			}
		} else {
			s.agg.inAgg = true
			a.Arg = b.expr(s, e.Args[0])
			s.agg.inAgg = false
		}
	} else {
		b.fail(e, 174, strings.ToLower(name), 1)
	}
	var at types.Type
	if a.Arg != nil {
		at = a.Arg.Type()
		if (name == "SUM" || name == "AVG") && !IsNumeric(at) {
			b.fail(e, 8117, typeName(at), strings.ToLower(name))
		}
		if at.ID == types.Bit && (name == "SUM" || name == "AVG") {
			b.fail(e, 8117, "bit", strings.ToLower(name))
		}
		b.checkUDTAggregate(e, name, at) // bind_udt.go
	}
	a.T = AggResultType(name, at)
	if a.Arg != nil && (name == "SUM" || name == "AVG") && kindOf(a.T.ID) != kindOf(at.ID) {
		a.Arg = &Cast{T: a.T, X: a.Arg}
	}
	s.agg.aggs = append(s.agg.aggs, a)
	return &aggPlaceholder{T: a.T, Idx: len(s.agg.aggs) - 1}
}

func (b *Binder) funcCall(s *scope, e *ast.FuncCall) Expr {
	name := strings.ToUpper(e.Name.Name.Name)
	if r, ok := b.udtColumnMethod(s, e); ok { // c.STAsText() on a CLR-typed column
		return r
	}
	if r, ok := b.userFunc(s, e); ok {
		return r
	}
	if e.Over != nil && e.Name.Schema.Name == "" && (aggregates[name] || windowOnly[name]) {
		return b.window(s, e, name)
	}
	if e.Name.Schema.Name == "" && aggregates[name] {
		return b.aggregate(s, e, name)
	}
	if windowOnly[name] {
		b.failNoOver(e, name) // window_ext.go
	}
	if r, ok := b.builtin(s, e, name); ok {
		return r
	}
	args := make([]Expr, len(e.Args))
	for i, a := range e.Args {
		if i == 0 && datePartFuncs[name] {
			// The datepart is a keyword-like name, not a column.
			if cr, ok := a.(*ast.ColumnRef); ok && cr.Table.IsZero() {
				if _, ok := types.ParseDatePart(cr.Name.Name); !ok {
					e := types.ErrUnknownDatePart(cr.Name.Name, name)
					e.Line = cr.Span.Line
					panic(bindErr{e})
				}
				args[i] = &Const{T: VarChar(30), V: types.Value{K: types.KindString, S: strings.ToLower(cr.Name.Name)}}
				continue
			}
		}
		args[i] = b.expr(s, a)
	}
	nargs := func(lo, hi int) {
		if len(args) < lo || len(args) > hi {
			b.fail(e, 174, strings.ToLower(name), lo)
		}
	}
	str := func(i int) Expr {
		if !IsString(args[i].Type()) {
			return &Cast{T: VarChar(8000), X: args[i]}
		}
		return args[i]
	}
	coll := b.env.DefaultCollation()
	switch name {
	case "ABS", "CEILING", "FLOOR", "SIGN":
		nargs(1, 1)
		t := args[0].Type()
		if IsString(t) {
			t = FloatType
		}
		if t.ID == types.Bit || t.ID == types.TinyInt && name == "ABS" {
			t = IntType
		}
		if (name == "CEILING" || name == "FLOOR") && IsDecimal(t) {
			t = DecimalType(t.Precision, 0)
		}
		return &Func{T: t, Name: name, Args: []Expr{convKind(args[0], t)}}
	case "ROUND":
		nargs(2, 3)
		t := args[0].Type()
		if IsString(t) {
			t = FloatType
		}
		if IsDecimal(t) && t.Precision < 38 {
			t = DecimalType(t.Precision+1, t.Scale)
		}
		if IsInteger(t) || t.ID == types.Bit {
			t = IntType
			if args[0].Type().ID == types.BigInt {
				t = BigIntType
			}
		}
		args[0] = convKind(args[0], t)
		args[1] = convKind(args[1], IntType)
		return &Func{T: t, Name: name, Args: args}
	case "POWER":
		nargs(2, 2)
		t := args[0].Type()
		if IsString(t) || t.ID == types.Bit {
			t = FloatType
		}
		if IsInteger(t) && t.ID != types.BigInt {
			t = IntType
		}
		if IsDecimal(t) {
			t = DecimalType(38, t.Scale)
		}
		return &Func{T: t, Name: name, Args: []Expr{convKind(args[0], t), convKind(args[1], FloatType)}}
	case "SQRT", "EXP", "LOG", "LOG10", "SIN", "COS", "TAN", "ASIN", "ACOS", "ATAN", "DEGREES", "RADIANS", "SQUARE":
		nargs(1, 2)
		for i := range args {
			args[i] = convKind(args[i], FloatType)
		}
		return &Func{T: FloatType, Name: name, Args: args}
	case "PI":
		nargs(0, 0)
		return &Func{T: FloatType, Name: name}
	case "RAND":
		nargs(0, 1)
		return &Func{T: FloatType, Name: name, Args: args}
	case "LEN", "DATALENGTH":
		nargs(1, 1)
		t := IntType
		if args[0].Type().Length == types.MaxLength {
			t = BigIntType
		}
		if name == "LEN" {
			args[0] = str(0)
		}
		return &Func{T: t, Name: name, Args: args}
	case "UPPER", "LOWER", "LTRIM", "RTRIM", "TRIM", "REVERSE":
		if name == "LTRIM" || name == "RTRIM" {
			nargs(1, 2) // LTRIM(s, characters) (SQL Server 2022)
		} else {
			nargs(1, 1) // TRIM's characters come with FROM (bind_forms.go)
		}
		args[0] = str(0)
		if len(args) == 2 {
			args[1] = str(1)
		}
		return &Func{T: args[0].Type(), Name: name, Args: args}
	case "SUBSTRING":
		nargs(3, 3)
		if IsBinary(args[0].Type()) {
			return binarySubstring(args)
		}
		args[0] = str(0)
		t := args[0].Type()
		if t.ID == types.Char {
			t.ID = types.VarChar
		}
		if t.ID == types.NChar {
			t.ID = types.NVarChar
		}
		return &Func{T: t, Name: name, Args: []Expr{args[0], convKind(args[1], BigIntType), convKind(args[2], BigIntType)}}
	case "LEFT", "RIGHT":
		nargs(2, 2)
		args[0] = str(0)
		t := args[0].Type()
		if t.ID == types.Char {
			t.ID = types.VarChar
		}
		if t.ID == types.NChar {
			t.ID = types.NVarChar
		}
		return &Func{T: t, Name: name, Args: []Expr{args[0], convKind(args[1], BigIntType)}}
	case "REPLACE":
		nargs(3, 3)
		t := VarChar(8000)
		if IsUnicode(args[0].Type()) || IsUnicode(args[1].Type()) || IsUnicode(args[2].Type()) {
			t = NVarChar(4000)
		}
		if args[0].Type().Length == types.MaxLength {
			t.Length = types.MaxLength
		}
		t.Collation = coll
		if c := args[0].Type().Collation; c.Name != "" {
			t.Collation = c // REPLACE matches under the input's collation
		}
		return &Func{T: t, Name: name, Args: []Expr{convKind(args[0], t), convKind(args[1], t), convKind(args[2], t)}}
	case "CHARINDEX":
		nargs(2, 3)
		args[0], args[1] = str(0), str(1)
		if len(args) == 3 {
			args[2] = convKind(args[2], BigIntType)
		}
		return &Func{T: IntType, Name: name, Args: args}
	case "REPLICATE":
		nargs(2, 2)
		args[0] = str(0)
		t := args[0].Type()
		t.ID = types.VarChar
		if IsUnicode(args[0].Type()) {
			t.ID = types.NVarChar
		}
		if !isMax(t) {
			t.Length = maxLen(t.ID) // non-max results stop at 8000 bytes
		}
		return &Func{T: t, Name: name, Args: []Expr{args[0], convKind(args[1], BigIntType)}}
	case "SPACE":
		nargs(1, 1)
		t := VarChar(8000)
		t.Collation = coll
		return &Func{T: t, Name: name, Args: []Expr{convKind(args[0], IntType)}}
	case "CONCAT":
		if len(args) < 2 {
			b.fail(e, 189, "concat", 2, 254)
		}
		t := VarChar(0)
		for i := range args {
			at := args[i].Type()
			if IsUnicode(at) {
				t.ID = types.NVarChar
			}
			l := charLen(at, t.ID)
			if l == types.MaxLength || t.Length == types.MaxLength {
				t.Length = types.MaxLength
			} else {
				t.Length += l
			}
		}
		if t.Length != types.MaxLength && t.Length > maxLen(t.ID) {
			t.Length = maxLen(t.ID)
		}
		t.Collation = coll
		for i := range args {
			args[i] = convKind(args[i], types.Type{ID: t.ID, Length: types.MaxLength, Collation: coll})
		}
		return &Func{T: t, Name: name, Args: args}
	case "ISNULL":
		nargs(2, 2)
		// The result has the first argument's type (ISNULL(CAST(NULL AS
		// varchar(3)), 'abcdef') is 'abc'); only an untyped NULL literal
		// takes the second's.
		t := args[0].Type()
		if len(e.Args) > 0 && isNullLiteral(e.Args[0]) {
			t = args[1].Type()
		}
		return &Coalesce{T: t, Args: []Expr{args[0], Conv(args[1], t)}}
	case "COALESCE":
		if len(args) < 2 {
			b.fail(e, 189, "coalesce", 2, 254)
		}
		var t types.Type
		for _, a := range args {
			t = UnionType(t, a.Type())
		}
		for i := range args {
			args[i] = Conv(args[i], t)
		}
		return &Coalesce{T: t, Args: args}
	case "NULLIF":
		nargs(2, 2)
		t := args[0].Type()
		return &Case{T: t, Whens: []CaseWhen{{Cond: b.compare(e, ast.OpEq, args[0], args[1]), Result: &Const{T: t}}}, Else: args[0]}
	case "IIF":
		nargs(3, 3)
		t := UnionType(args[1].Type(), args[2].Type())
		return &Case{T: t, Whens: []CaseWhen{{Cond: args[0], Result: Conv(args[1], t)}}, Else: Conv(args[2], t)}
	case "GETDATE", "CURRENT_TIMESTAMP", "GETUTCDATE":
		nargs(0, 0)
		return &Func{T: DateTimeType, Name: name}
	case "SYSDATETIME", "SYSUTCDATETIME":
		nargs(0, 0)
		return &Func{T: types.Type{ID: types.DateTime2, Scale: 7}, Name: name}
	case "SYSDATETIMEOFFSET":
		return &Func{T: types.Type{ID: types.DateTimeOffset, Scale: 7}, Name: name}
	case "NEWID":
		return &Func{T: types.Type{ID: types.UniqueIdentifier}, Name: name}
	case "SCOPE_IDENTITY", "IDENT_CURRENT":
		return &Func{T: DecimalType(38, 0), Name: name, Args: args}
	case "DB_NAME", "SUSER_SNAME", "SUSER_NAME", "USER_NAME", "SCHEMA_NAME", "HOST_NAME", "APP_NAME", "OBJECT_NAME", "ERROR_MESSAGE", "ERROR_PROCEDURE", "CURRENT_USER", "SESSION_USER", "SYSTEM_USER", "USER", "ORIGINAL_LOGIN":
		t := NVarChar(128)
		if name == "ERROR_MESSAGE" {
			t = NVarChar(4000)
		}
		t.Collation = coll
		return &Func{T: t, Name: name, Args: args}
	case "DB_ID", "OBJECT_ID", "SCHEMA_ID", "USER_ID", "SUSER_ID", "ERROR_NUMBER", "ERROR_SEVERITY", "ERROR_STATE", "ERROR_LINE", "XACT_STATE", "@@SPID":
		t := IntType
		if name == "XACT_STATE" {
			t = types.Type{ID: types.SmallInt}
		}
		return &Func{T: t, Name: name, Args: args}
	case "SERVERPROPERTY", "DATABASEPROPERTYEX":
		return &Func{T: types.Type{ID: types.SQLVariant}, Name: name, Args: args}
	case "DATEADD":
		nargs(3, 3)
		t := args[2].Type()
		if IsString(t) || IsNumeric(t) || isNullConst(args[2]) {
			t = DateTimeType
		}
		return &Func{T: t, Name: name, Args: []Expr{args[0], convKind(args[1], BigIntType), Conv(args[2], t)}}
	case "DATEDIFF", "DATEDIFF_BIG":
		nargs(3, 3)
		t := IntType
		if name == "DATEDIFF_BIG" {
			t = BigIntType
		}
		return &Func{T: t, Name: name, Args: []Expr{args[0], dateArg(args[1]), dateArg(args[2])}}
	case "DATEPART":
		nargs(2, 2)
		return &Func{T: IntType, Name: name, Args: []Expr{args[0], dateArg(args[1])}}
	case "DATENAME":
		nargs(2, 2)
		t := NVarChar(30)
		t.Collation = coll
		return &Func{T: t, Name: name, Args: []Expr{args[0], dateArg(args[1])}}
	case "YEAR", "MONTH", "DAY":
		nargs(1, 1)
		return &Func{T: IntType, Name: name, Args: []Expr{dateArg(args[0])}}
	case "EOMONTH":
		nargs(1, 2)
		a := []Expr{Conv(args[0], types.Type{ID: types.Date})}
		if len(args) == 2 {
			a = append(a, convKind(args[1], BigIntType))
		}
		return &Func{T: types.Type{ID: types.Date}, Name: name, Args: a}
	case "DATEFROMPARTS":
		nargs(3, 3)
		return &Func{T: types.Type{ID: types.Date}, Name: name, Args: []Expr{convKind(args[0], BigIntType), convKind(args[1], BigIntType), convKind(args[2], BigIntType)}}
	case "ASCII", "UNICODE":
		nargs(1, 1)
		return &Func{T: IntType, Name: name, Args: []Expr{str(0)}}
	case "CHAR", "NCHAR":
		nargs(1, 1)
		t := types.Type{ID: types.Char, Length: 1, Collation: coll}
		if name == "NCHAR" {
			t = types.Type{ID: types.NChar, Length: 1, Collation: coll}
		}
		return &Func{T: t, Name: name, Args: []Expr{convKind(args[0], IntType)}}
	}
	if x := b.metadataFunc(e, name, args); x != nil {
		return x
	}
	b.fail(e, 195, e.Name.Name.Name, "built-in function name")
	return nil
}

var datePartFuncs = map[string]bool{"DATEADD": true, "DATEDIFF": true, "DATEDIFF_BIG": true, "DATEPART": true, "DATENAME": true}

// dateArg converts a string argument of a date function to datetime (as
// SQL Server does for literals).
func dateArg(e Expr) Expr {
	if IsString(e.Type()) {
		// DATEDIFF/DATEPART/DATENAME cast string literals to datetime2.
		return &Cast{T: types.Type{ID: types.DateTime2, Scale: 7}, X: e}
	}
	if IsNumeric(e.Type()) || isNullConst(e) {
		return Conv(e, DateTimeType) // numbers are days since 1900-01-01
	}
	return e
}
