package types

import (
	"encoding/hex"
	"strconv"
	"strings"
)

// ToString returns what CONVERT(nvarchar(4000), v) gives for v of type t,
// and "" for NULL (check IsNull first). Binary values give their bytes as
// UTF-16 text, as SQL Server does; use Render for display.
func ToString(v Value, t Type) string {
	s, _ := FormatValue(v, t, 0, false)
	return s
}

// Render returns v as a client tool displays it: NULL as "NULL", binary as
// 0x-prefixed upper-case hex, datetime as "2000-01-01 00:00:00.000", float
// with its shortest exact digits, everything else as ToString.
func Render(v Value, t Type) string {
	switch v.K {
	case KindNull:
		return "NULL"
	case KindBytes:
		return "0x" + strings.ToUpper(hex.EncodeToString(v.B))
	case KindFloat:
		if t.ID == Real {
			return strconv.FormatFloat(v.F, 'g', -1, 32)
		}
		return strconv.FormatFloat(v.F, 'g', -1, 64)
	case KindMoney:
		return FormatMoney(v.I, 2)
	case KindDateTime:
		if t.ID == DateTime || t.ID == SmallDateTime {
			s, _ := FormatDateTime(v, t, 121)
			return s
		}
	case KindVariant:
		return Render(v.Var.Value, v.Var.Type)
	}
	return ToString(v, t)
}
