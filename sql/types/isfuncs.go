package types

import "strings"

// IsNumeric implements ISNUMERIC(s): 1 when s converts to some numeric
// type — int, float (also with a Fortran 'd' exponent), or money, which is
// why SQL Server answers 1 for '$', '-', '.', ',' and '1,000'. Blank
// strings are not numeric.
func IsNumeric(s string) bool {
	t := trimBlanks(s)
	if t == "" {
		return false
	}
	if floatSyntax(strings.Map(func(r rune) rune {
		if r == 'd' || r == 'D' {
			return 'e'
		}
		return r
	}, t)) {
		return true
	}
	if _, ok := parseMoneyString(t); ok {
		return true
	}
	// Money's grammar also takes a lone separator or currency symbol.
	rest := strings.Trim(t, "+-$£€¥,. ")
	return rest == "" || rest == "\\"
}

// IsDate implements ISDATE(s) for the session DATEFORMAT: 1 when s
// converts to datetime.
func IsDate(s string, dateFormat string) bool {
	if strings.TrimSpace(s) == "" {
		return false // ISDATE('') is 0 although CAST('' AS datetime) works
	}
	_, err := ConvertWith(StringValue(s), NewVarChar(MaxLength), TypeDateTime, &ConvertOptions{DateFormat: dateFormat})
	return err == nil
}
