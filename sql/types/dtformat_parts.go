package types

// formatDateOrTimeOnly renders date and time values with the ISO styles whose
// datetime form has both a date and a clock: SQL Server shows only the part
// the type has (CONVERT(varchar, CAST(x AS date), 121) is "2006-01-02",
// of a time "22:04:05.1230000"). ok is false for the styles the general
// formatter already renders right for these types.
func formatDateOrTimeOnly(v Value, t Type, style int) (s string, ok bool) {
	var full string
	switch t.ID {
	case Date:
		switch style {
		case 20, 120, 21, 121, 25, 126, 127:
			full, _ = FormatDateTime(v, Type{ID: DateTime2}, style)
			return full[:10], len(full) >= 10
		}
	case Time:
		switch style {
		case 20, 120, 21, 121, 25, 126, 127:
			full, _ = FormatDateTime(v, Type{ID: DateTime2, Scale: t.Scale}, style)
			return full[11:], len(full) > 11
		}
	}
	return "", false
}
