package types

// Precedence returns the data-type precedence of id: when an operator
// combines two types, the one with the higher value wins and the other is
// converted to it. The order is SQL Server's documented list, highest
// first: user-defined, sql_variant, xml, datetimeoffset, datetime2,
// datetime, smalldatetime, date, time, float, real, decimal, money,
// smallmoney, bigint, int, smallint, tinyint, bit, ntext, text, image,
// timestamp, uniqueidentifier, nvarchar (incl. nvarchar(max)), nchar,
// varchar (incl. varchar(max)), char, varbinary (incl. varbinary(max)),
// binary (lowest).
func Precedence(id TypeID) int {
	switch id {
	case HierarchyID, Geometry, Geography:
		return 30 // user-defined types rank above everything
	case SQLVariant:
		return 29
	case XML:
		return 28
	case DateTimeOffset:
		return 27
	case DateTime2:
		return 26
	case DateTime:
		return 25
	case SmallDateTime:
		return 24
	case Date:
		return 23
	case Time:
		return 22
	case Float:
		return 21
	case Real:
		return 20
	case Decimal, Numeric:
		return 19
	case Money:
		return 18
	case SmallMoney:
		return 17
	case BigInt:
		return 16
	case Int:
		return 15
	case SmallInt:
		return 14
	case TinyInt:
		return 13
	case Bit:
		return 12
	case NText:
		return 11
	case Text:
		return 10
	case Image:
		return 9
	case Timestamp:
		return 8
	case UniqueIdentifier:
		return 7
	case NVarChar:
		return 6
	case NChar:
		return 5
	case VarChar:
		return 4
	case Char:
		return 3
	case VarBinary:
		return 2
	case Binary:
		return 1
	}
	return 0
}

// Higher returns whichever of a and b has the higher data-type precedence
// (a on a tie).
func Higher(a, b Type) Type {
	if Precedence(b.ID) > Precedence(a.ID) {
		return b
	}
	return a
}
