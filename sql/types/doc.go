// Package types owns T-SQL data types and values: the type descriptors the
// binder derives (which are exactly what COLMETADATA sends), the runtime
// value representation, conversions (CAST/CONVERT, implicit), data-type
// precedence, and arithmetic with SQL Server's overflow and rounding rules.
//
// Map of the package:
//
//	type.go, value.go    Type, TypeID, Collation descriptor, Kind, Value
//	typeinfo.go          ready-made types, constructors (NewDecimal(p,s),
//	                     NewVarChar(n) …), predicates, names, MaxBytes
//	typename.go          ParseTypeName / ParseCastTypeName (aliases, defaults)
//	precedence.go        Precedence, Higher
//	resulttype.go        ArithResultType, DecimalResultType, ConcatType,
//	                     ComparisonType, CommonType (CASE/UNION/COALESCE)
//	convmatrix.go        ConversionOf (implicit/explicit/not allowed),
//	                     CheckImplicit (257/206), CheckExplicit (529)
//	convert.go           Convert / ConvertWith (CAST, CONVERT styles, TRY_)
//	conv_*.go            per-target conversions and string parsing
//	dtparse.go           string → date/time (ISO, yyyymmdd, DATEFORMAT, names)
//	dtformat.go          date/time → string (CONVERT styles)
//	datetime.go          tick representation, calendar, time.Time and TDS parts
//	arith.go             Arith (+ - * / % & | ^) for every numeric kind
//	compare.go           Compare (collation-aware), CollationOf
//	render.go            ToString (CONVERT(nvarchar(4000), v)), Render (display)
//	parse.go             PARSE / TRY_PARSE with en-US / fr-FR cultures
//	round.go             ROUND, unary minus, NEWID()
//	literal.go           literal types, DATALENGTH
//	isfuncs.go           ISNUMERIC, ISDATE
//	datefuncs.go         DATEADD, DATEDIFF(_BIG), DATEPART, DATENAME, EOMONTH,
//	                     DATEFROMPARTS and friends
//	errors.go            SQL Server error constructors (8115, 245, 8134 …)
//	udt.go               the CLR types hierarchyid/geometry/geography: ids,
//	                     wire names, conversions (Parse/ToString, bytes)
//
// Values: a Value's Kind says which field holds it (see value.go). Decimal
// values keep Exponent = -scale; money is Value.I in 1/10000 units;
// date/time values are 100 ns ticks since 0001-01-01 of the local clock
// (datetime.go documents each type). Strings are UTF-8 whatever the SQL
// type; varchar content is restricted to code page 1252 on conversion.
//
// It must not import tds, server, storage or any other sql/ package except
// sql/collation, sql/msgs and sql/clrtypes (a leaf codec package).
package types
