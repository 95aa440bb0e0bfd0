package types

import (
	"strings"

	"github.com/tsqld/tsqld/sql/msgs"
)

// culture holds what PARSE needs from a .NET culture.
type culture struct {
	name     string
	decimal  string
	group    []string
	currency string
	order    string // numeric date order
	days     []string
}

var cultures = map[string]*culture{
	"en-us": {name: "en-US", decimal: ".", group: []string{","}, currency: "$", order: "mdy",
		days: []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
			"mon", "tue", "wed", "thu", "fri", "sat", "sun"}},
	"en-gb": {name: "en-GB", decimal: ".", group: []string{","}, currency: "£", order: "dmy",
		days: []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}},
	"fr-fr": {name: "fr-FR", decimal: ",", group: []string{" ", "\u00a0", "\u202f", "."}, currency: "€", order: "dmy",
		days: []string{"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"}},
	"de-de": {name: "de-DE", decimal: ",", group: []string{"."}, currency: "€", order: "dmy",
		days: []string{"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"}},
}

// Parse implements PARSE(s AS t USING cultureName) ("" = the session
// language's culture, en-US). Only numeric and date/time targets are
// allowed. Errors: 9819 for a string the culture cannot read, 9818 for an
// unsupported culture; TryParse returns NULL instead of 9819.
func Parse(s string, t Type, cultureName string) (Value, *msgs.Error) {
	return parse(s, t, cultureName, false)
}

// TryParse is TRY_PARSE: NULL when the string does not parse.
func TryParse(s string, t Type, cultureName string) (Value, *msgs.Error) {
	return parse(s, t, cultureName, true)
}

func parse(s string, t Type, cultureName string, try bool) (Value, *msgs.Error) {
	if cultureName == "" {
		cultureName = "en-US"
	}
	cu, ok := cultures[strings.ToLower(cultureName)]
	if !ok {
		return Null, newErr(9818, "The culture parameter '%.*ls' provided in the function call is not supported.", cultureName)
	}
	fail := func() (Value, *msgs.Error) {
		if try {
			return Null, nil
		}
		return Null, newErr(9819, txt9819, s, t.MsgName(), cu.name)
	}
	if !t.IsNumeric() && !t.IsDateTime() {
		return Null, newErr(10761, "Invalid data type %.*ls in function %.*ls.", t.MsgName(), "PARSE")
	}
	str := strings.TrimSpace(s)
	if t.IsDateTime() {
		// Drop a leading day name ("Monday, 13 December 2010").
		low := strings.ToLower(str)
		for _, d := range cu.days {
			if strings.HasPrefix(low, d) {
				str = strings.TrimLeft(str[len(d):], " ,")
				break
			}
		}
		v, err := ConvertWith(StringValue(str), NewNVarChar(MaxLength), t, &ConvertOptions{DateFormat: cu.order})
		if err != nil {
			return fail()
		}
		return v, nil
	}
	// Numbers: remove the currency symbol and group separators, then map
	// the culture's decimal separator to '.'.
	neg := false
	if strings.HasPrefix(str, "(") && strings.HasSuffix(str, ")") {
		neg, str = true, str[1:len(str)-1]
	}
	str = strings.ReplaceAll(str, cu.currency, "")
	if cu.decimal != "." && strings.Contains(str, ".") && !contains(cu.group, ".") {
		return fail()
	}
	for _, g := range cu.group {
		str = strings.ReplaceAll(str, g, "")
	}
	if cu.decimal != "." {
		str = strings.Replace(str, cu.decimal, ".", 1)
	}
	str = strings.TrimSpace(str)
	if str == "" {
		return fail()
	}
	if neg {
		str = "-" + str
	}
	if t.IsInteger() || t.ID == Bit {
		// .NET integer parsing accepts no fraction.
		if strings.ContainsAny(str, ".eE") {
			return fail()
		}
	}
	if !t.IsInteger() && t.ID != Bit && !floatSyntax(str) {
		return fail()
	}
	if t.IsDecimal() || t.ID.Kind() == KindMoney {
		if strings.ContainsAny(str, "eE") {
			// .NET decimal parsing takes exponents: go through float.
			f, err := Convert(StringValue(str), NewVarChar(MaxLength), TypeFloat)
			if err != nil {
				return fail()
			}
			v, err := Convert(f, TypeFloat, t)
			if err != nil {
				return fail()
			}
			return v, nil
		}
	}
	v, err := Convert(StringValue(str), NewVarChar(MaxLength), t)
	if err != nil {
		return fail()
	}
	return v, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
