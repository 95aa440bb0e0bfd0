package types

import "github.com/tsqld/tsqld/sql/msgs"

// ConvKind says whether a conversion between two types is allowed, and how.
type ConvKind uint8

const (
	ConvNotAllowed ConvKind = iota // Msg 529 for CAST, 206 in expressions
	ConvExplicit                   // CAST/CONVERT only; implicit use is Msg 257
	ConvImplicit                   // happens silently where needed
)

// convGroup partitions the types by row/column of SQL Server's conversion
// chart.
type convGroup uint8

const (
	gNone convGroup = iota
	gString
	gBinary
	gTimestamp
	gExact
	gApprox
	gDateTime // datetime, smalldatetime
	gDate
	gTime
	gDateTime2 // datetime2, datetimeoffset
	gGUID
	gText // text, ntext
	gImage
	gXML
	gVariant
	gUDT // hierarchyid, geometry, geography
)

func groupOf(id TypeID) convGroup {
	switch id {
	case Char, VarChar, NChar, NVarChar:
		return gString
	case Binary, VarBinary:
		return gBinary
	case Timestamp:
		return gTimestamp
	case TinyInt, SmallInt, Int, BigInt, Bit, Decimal, Numeric, Money, SmallMoney:
		return gExact
	case Real, Float:
		return gApprox
	case DateTime, SmallDateTime:
		return gDateTime
	case Date:
		return gDate
	case Time:
		return gTime
	case DateTime2, DateTimeOffset:
		return gDateTime2
	case UniqueIdentifier:
		return gGUID
	case Text, NText:
		return gText
	case Image:
		return gImage
	case XML:
		return gXML
	case SQLVariant:
		return gVariant
	case HierarchyID, Geometry, Geography:
		return gUDT
	}
	return gNone
}

const (
	ci = ConvImplicit
	ce = ConvExplicit
	cn = ConvNotAllowed
)

// convChart[from][to], rows and columns in convGroup order (gNone first).
// Hand-transcribed from SQL Server's "data type conversion" chart.
// The CLR UDT row and column: to and from strings (Parse/ToString) and
// binary/varbinary (the serialization), implicitly; nothing else.
var convChart = [16][16]ConvKind{
	//           none str bin ts ex ap dt da tm d2 gu tx im xm va udt
	gNone:      {cn, cn, cn, cn, cn, cn, cn, cn, cn, cn, cn, cn, cn, cn, cn, cn},
	gString:    {cn, ci, ce, ce, ci, ci, ci, ci, ci, ci, ci, ci, ce, ci, ci, ci},
	gBinary:    {cn, ci, ci, ci, ci, cn, ci, ce, ce, ce, ci, cn, ci, ci, ci, ci},
	gTimestamp: {cn, ci, ci, ci, ci, cn, ci, ce, ce, ce, cn, cn, cn, cn, cn, cn},
	gExact:     {cn, ci, ci, ci, ci, ci, ci, cn, cn, cn, cn, cn, cn, cn, ci, cn},
	gApprox:    {cn, ci, ci, ci, ci, ci, ci, cn, cn, cn, cn, cn, cn, cn, ci, cn},
	gDateTime:  {cn, ci, ce, ce, ce, ce, ci, ci, ci, ci, cn, cn, cn, cn, ci, cn},
	gDate:      {cn, ci, ce, cn, cn, cn, ci, ci, cn, ci, cn, cn, cn, cn, ci, cn},
	gTime:      {cn, ci, ce, cn, cn, cn, ci, cn, ci, ci, cn, cn, cn, cn, ci, cn},
	gDateTime2: {cn, ci, ce, cn, cn, cn, ci, ci, ci, ci, cn, cn, cn, cn, ci, cn},
	gGUID:      {cn, ci, ci, cn, cn, cn, cn, cn, cn, cn, ci, cn, cn, cn, ci, cn},
	gText:      {cn, ci, cn, cn, cn, cn, cn, cn, cn, cn, cn, ci, cn, ci, cn, cn},
	gImage:     {cn, cn, ci, cn, cn, cn, cn, cn, cn, cn, cn, cn, ci, cn, cn, cn},
	gXML:       {cn, ce, ce, cn, cn, cn, cn, cn, cn, cn, cn, cn, cn, ci, cn, cn},
	gVariant:   {cn, ce, ce, cn, ce, ce, ce, ce, ce, ce, ce, cn, cn, cn, ci, cn},
	gUDT:       {cn, ci, ci, cn, cn, cn, cn, cn, cn, cn, cn, cn, cn, cn, cn, cn},
}

// ConversionOf returns how from may be converted to to.
func ConversionOf(from, to TypeID) ConvKind {
	if from == to && from != Unknown {
		return ConvImplicit
	}
	if from.IsUDT() && to.IsUDT() {
		return ConvNotAllowed // geometry and geography do not convert
	}
	return convChart[groupOf(from)][groupOf(to)]
}

// CheckExplicit returns Msg 529 when CAST/CONVERT from → to is not allowed.
func CheckExplicit(from, to Type) *msgs.Error {
	if ConversionOf(from.ID, to.ID) == ConvNotAllowed {
		return ErrExplicitNotAllowed(from, to)
	}
	return nil
}

// CheckImplicit returns the error for an implicit conversion (assignment,
// INSERT, parameter passing): Msg 257 when only CAST/CONVERT may do it,
// Msg 206 when it is not allowed at all.
func CheckImplicit(from, to Type) *msgs.Error {
	switch ConversionOf(from.ID, to.ID) {
	case ConvExplicit:
		return ErrImplicitNotAllowed(from, to)
	case ConvNotAllowed:
		return ErrTypeClash(from, to)
	}
	return nil
}
