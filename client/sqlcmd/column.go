package sqlcmd

import "strings"

// Column is the metadata the formatter needs for one result column: what
// ODBC's SQLDescribeCol and SQL_DESC_DISPLAY_SIZE give the classic sqlcmd.
type Column struct {
	Name string
	// Type is the upper-case type name as go-mssqldb reports it
	// (INT, NVARCHAR, DECIMAL, DATETIME2 …).
	Type string
	// Length is the declared length of character types (characters) and
	// binary types (bytes); MaxLength (or more than 8000) means (max) and
	// the LOB types.
	Length int64
	// Precision and Scale of decimal/numeric and the scale of time,
	// datetime2 and datetimeoffset.
	Precision, Scale int64
	// Nullable columns are at least 4 wide, so that NULL fits (ODBC
	// sqlcmd widens them).
	Nullable bool
}

// MaxLength marks a (max) or LOB column.
const MaxLength = 1<<31 - 1

// Widths are the -y / -Y limits (SQLCMDMAXVARTYPEWIDTH and
// SQLCMDMAXFIXEDTYPEWIDTH).
type Widths struct {
	// MaxVar limits varchar(max), nvarchar(max), varbinary(max), xml, text,
	// ntext, image; 0 means unlimited (no padding at all). sqlcmd's default
	// is 256.
	MaxVar int
	// MaxFixed limits char(n), nchar(n), varchar(n), nvarchar(n),
	// varbinary(n), binary(n) and sql_variant; 0 means unlimited (default).
	MaxFixed int
}

// DefaultWidths are sqlcmd's defaults.
var DefaultWidths = Widths{MaxVar: 256}

// isLarge reports the (max) and LOB types that -y limits.
func (c *Column) isLarge() bool {
	switch c.Type {
	case "XML", "TEXT", "NTEXT", "IMAGE":
		return true
	case "VARCHAR", "VARBINARY":
		return c.Length > 8000
	case "NVARCHAR":
		return c.Length > 4000
	}
	return false
}

// rightJustified reports the numeric types, which sqlcmd aligns right.
func (c *Column) rightJustified() bool {
	switch c.Type {
	case "BIT", "TINYINT", "SMALLINT", "INT", "BIGINT", "REAL", "FLOAT",
		"SMALLMONEY", "MONEY", "DECIMAL", "NUMERIC":
		return true
	}
	return false
}

// fractional returns the length of ".fffffff" for a time scale.
func fractional(scale int64) int64 {
	if scale <= 0 {
		return 0
	}
	return scale + 1
}

// DisplaySize is the ODBC display size of the column type (before the
// column name and the -y/-Y limits are applied): int 11, bigint 20,
// decimal(p,s) p+2, nvarchar(n) n, datetime 23, datetime2(7) 27 …; -1 for
// the large types, whose width -y decides.
func (c *Column) DisplaySize() int64 {
	switch c.Type {
	case "BIT":
		return 1
	case "TINYINT":
		return 3
	case "SMALLINT":
		return 6
	case "INT":
		return 11
	case "BIGINT":
		return 20
	case "REAL":
		return 14
	case "FLOAT":
		return 24
	case "SMALLMONEY":
		return 12
	case "MONEY":
		return 21
	case "DECIMAL", "NUMERIC":
		p := c.Precision
		if p <= 0 {
			p = 18
		}
		return p + 2
	case "DATE":
		return 10
	case "TIME":
		return 8 + fractional(c.Scale)
	case "SMALLDATETIME":
		return 19
	case "DATETIME":
		return 23
	case "DATETIME2":
		return 19 + fractional(c.Scale)
	case "DATETIMEOFFSET":
		return 26 + fractional(c.Scale)
	case "UNIQUEIDENTIFIER":
		return 36
	case "SQL_VARIANT":
		return 8000
	case "BINARY", "VARBINARY":
		if c.isLarge() {
			return -1
		}
		// Two hex digits per byte after "0x".
		return 2*c.Length + 2
	}
	if c.isLarge() {
		return -1
	}
	if c.Length > 0 {
		return c.Length
	}
	return int64(len(c.Name))
}

// fixedLimited reports the types -Y limits.
func (c *Column) fixedLimited() bool {
	switch c.Type {
	case "CHAR", "NCHAR", "VARCHAR", "NVARCHAR", "BINARY", "VARBINARY", "SQL_VARIANT":
		return true
	}
	return false
}

// Width is the column's printed width: the display size limited by -y/-Y,
// and never narrower than the column name. 0 means unlimited (-y 0 on a
// large type): values are neither padded nor cut.
func (c *Column) Width(w Widths) int {
	size := c.DisplaySize()
	if size < 0 {
		if w.MaxVar <= 0 {
			return 0
		}
		size = int64(w.MaxVar)
	} else if w.MaxFixed > 0 && c.fixedLimited() && size > int64(w.MaxFixed) {
		size = int64(w.MaxFixed)
	}
	if c.Nullable && size < 4 {
		size = 4
	}
	if n := int64(runeLen(c.Name)); n > size {
		size = n
	}
	return int(size)
}

func runeLen(s string) int { return len([]rune(s)) }

// upperType normalizes a type name ("nvarchar" → "NVARCHAR").
func upperType(s string) string { return strings.ToUpper(s) }
