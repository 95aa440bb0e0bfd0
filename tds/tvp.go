package tds

// Table-valued parameter [MS-TDS 2.2.5.5.5]: TVP_TYPE_INFO (0xF3, type
// name, column metadata, optional ordering hints, end token) followed by
// rows (0x01 + one value per non-default column, parameter framing) and an
// end token.
const (
	tvpNullToken      = 0xFFFF
	tvpEndToken       = 0x00
	tvpRowToken       = 0x01
	tvpOrderUnique    = 0x10
	tvpColumnOrdering = 0x11
	// TVPColDefault marks a TVP column whose value is not sent in rows
	// (the server uses the column default).
	TVPColDefault uint16 = 0x0200
)

// TVPOrder is one TVP_ORDER_UNIQUE entry: a 1-based column and flags
// (0x01 ascending, 0x02 descending, 0x04 unique).
type TVPOrder struct {
	Column uint16
	Flags  uint8
}

// TVP is a decoded table-valued parameter.
type TVP struct {
	DBName   string
	Schema   string
	TypeName string
	// Null is set when the column metadata is TVP_NULL_TOKEN.
	Null           bool
	Columns        []Column
	OrderUnique    []TVPOrder
	ColumnOrdering []uint16
	// Rows hold one value per column; default columns are NULL.
	Rows [][]RowValue
}

func decodeTVP(c *cursor, tvp *TVP, scratch []byte) []byte {
	tvp.DBName = c.bVarChar()
	tvp.Schema = c.bVarChar()
	tvp.TypeName = c.bVarChar()
	n := int(c.u16())
	if c.err != nil {
		return scratch
	}
	if n == tvpNullToken {
		tvp.Null = true
	} else {
		for i := 0; i < n && c.err == nil; i++ {
			var col Column
			col.UserType = c.u32()
			col.Flags = c.u16()
			col.TypeInfo.decode(c)
			if c.err == nil && (col.TypeInfo.Type == TypeTVP || col.TypeInfo.Type == TypeNull) {
				c.fail(protoErr("TVP column of type 0x%02x", col.TypeInfo.Type))
			}
			col.Name = c.bVarChar()
			tvp.Columns = append(tvp.Columns, col)
		}
	}
	for c.err == nil {
		switch tok := c.u8(); tok {
		case tvpOrderUnique:
			k := int(c.u16())
			for i := 0; i < k && c.err == nil; i++ {
				tvp.OrderUnique = append(tvp.OrderUnique, TVPOrder{Column: c.u16(), Flags: c.u8()})
			}
			continue
		case tvpColumnOrdering:
			k := int(c.u16())
			for i := 0; i < k && c.err == nil; i++ {
				tvp.ColumnOrdering = append(tvp.ColumnOrdering, c.u16())
			}
			continue
		case tvpEndToken:
		default:
			c.fail(protoErr("TVP metadata token 0x%02x", tok))
		}
		break
	}
	// Default columns take no bytes in a row, so bound the cells decoded by
	// the input size: a tiny message must not allocate a huge table.
	budget := 2*c.remaining() + 4096
	for c.err == nil {
		tok := c.u8()
		if tok == tvpEndToken {
			break
		}
		if tok != tvpRowToken {
			c.fail(protoErr("TVP row token 0x%02x", tok))
			break
		}
		if tvp.Null || len(tvp.Columns) == 0 {
			c.fail(protoErr("TVP row without columns"))
			break
		}
		budget -= len(tvp.Columns)
		if budget < 0 {
			c.fail(protoErr("TVP larger than its message"))
			break
		}
		row := make([]RowValue, len(tvp.Columns))
		for i := range tvp.Columns {
			if tvp.Columns[i].Flags&TVPColDefault != 0 {
				row[i].Null = true
				continue
			}
			row[i].Data, row[i].Null, scratch = readValue(c, &tvp.Columns[i].TypeInfo, false, scratch)
		}
		tvp.Rows = append(tvp.Rows, row)
	}
	return scratch
}

// AppendTVP appends a TVP's TYPE_INFO and value (as an RPC parameter after
// its name and status). Used by tests and probes.
func AppendTVP(dst []byte, tvp *TVP) []byte {
	dst = append(dst, TypeTVP)
	dst = AppendBVarChar(dst, tvp.DBName)
	dst = AppendBVarChar(dst, tvp.Schema)
	dst = AppendBVarChar(dst, tvp.TypeName)
	if tvp.Null {
		dst = appendU16(dst, tvpNullToken)
	} else {
		dst = appendU16(dst, uint16(len(tvp.Columns)))
		for i := range tvp.Columns {
			col := &tvp.Columns[i]
			dst = appendU32(dst, col.UserType)
			dst = appendU16(dst, col.Flags)
			dst = col.TypeInfo.Encode(dst)
			dst = AppendBVarChar(dst, col.Name)
		}
	}
	if len(tvp.OrderUnique) > 0 {
		dst = appendU16(append(dst, tvpOrderUnique), uint16(len(tvp.OrderUnique)))
		for _, o := range tvp.OrderUnique {
			dst = append(appendU16(dst, o.Column), o.Flags)
		}
	}
	if len(tvp.ColumnOrdering) > 0 {
		dst = appendU16(append(dst, tvpColumnOrdering), uint16(len(tvp.ColumnOrdering)))
		for _, o := range tvp.ColumnOrdering {
			dst = appendU16(dst, o)
		}
	}
	dst = append(dst, tvpEndToken)
	for _, row := range tvp.Rows {
		dst = append(dst, tvpRowToken)
		for i := range tvp.Columns {
			if tvp.Columns[i].Flags&TVPColDefault != 0 {
				continue
			}
			dst = AppendRawValue(dst, &tvp.Columns[i].TypeInfo, row[i].Data, row[i].Null, false)
		}
	}
	return append(dst, tvpEndToken)
}
