package types

// Month names of the other session languages, accepted in date strings as
// SQL Server accepts them under SET LANGUAGE (sys.syslanguages months and
// shortmonths). Words are matched lower-cased.
func init() {
	for i, names := range [12][]string{
		{"январь", "янв"}, {"февраль", "фев"}, {"март", "мар"}, {"апрель", "апр"},
		{"май"}, {"июнь", "июн"}, {"июль", "июл"}, {"август", "авг"},
		{"сентябрь", "сен"}, {"октябрь", "окт"}, {"ноябрь", "ноя"}, {"декабрь", "дек"},
	} {
		for _, n := range names {
			monthNames[n] = i + 1
		}
	}
}
