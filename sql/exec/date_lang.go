package exec

import (
	"strings"
	"unicode/utf8"

	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/types"
)

// CONVERT's month-name styles take the month abbreviations of the session
// language (sys.syslanguages.shortmonths), as SQL Server does.
var (
	enShortMonths = [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
	frShortMonths = [12]string{"janv", "févr", "mars", "avr", "mai", "juin", "juil", "août", "sept", "oct", "nov", "déc"}
)

// localizeMonth rewrites the English month abbreviation of a date/time
// converted to a string with a month-name style (0/100, 7/107, 9/109,
// 13/113, 6/106) into the session language's.
func localizeMonth(r types.Value, from, to types.Type, style int, lang string) types.Value {
	if msgs.ParseLangDefault(lang) != msgs.French {
		return r
	}
	switch from.ID {
	case types.DateTime, types.SmallDateTime, types.Date, types.DateTime2, types.DateTimeOffset:
	default:
		return r
	}
	switch style % 100 {
	case 0, 6, 7, 9, 13:
	default:
		return r
	}
	for i, en := range enShortMonths {
		if k := strings.Index(r.S, en); k >= 0 {
			r.S = r.S[:k] + frShortMonths[i] + r.S[k+len(en):]
			break
		}
	}
	if to.Length > 0 && to.Length != types.MaxLength && utf8.RuneCountInString(r.S) > int(to.Length) {
		r.S = string([]rune(r.S)[:to.Length])
	}
	return r
}
