package proc

import "strings"

// otherLanguages are SQL Server's syslanguages entries beyond us_english and
// Français (which the message catalogue translates): SET LANGUAGE accepts
// them by official name or English alias, @@LANGUAGE reports the official
// name, and messages stay in English (the catalogue has no text for them).
var otherLanguages = func() map[string]string {
	m := map[string]string{}
	for _, e := range [][]string{
		{"Deutsch", "German"}, {"日本語", "Japanese"}, {"Dansk", "Danish"}, {"Español", "Spanish"},
		{"Italiano", "Italian"}, {"Nederlands", "Dutch"}, {"Norsk", "Norwegian"}, {"Português", "Portuguese"},
		{"Suomi", "Finnish"}, {"Svenska", "Swedish"}, {"čeština", "Czech"}, {"magyar", "Hungarian"},
		{"polski", "Polish"}, {"română", "Romanian"}, {"hrvatski", "Croatian"}, {"slovenčina", "Slovak"},
		{"slovenski", "Slovenian"}, {"ελληνικά", "Greek"}, {"български", "Bulgarian"}, {"русский", "Russian"},
		{"Türkçe", "Turkish"}, {"British", "British English"}, {"eesti", "Estonian"}, {"latviešu", "Latvian"},
		{"lietuvių", "Lithuanian"}, {"Português (Brasil)", "Brazilian"}, {"繁體中文", "Traditional Chinese"},
		{"한국어", "Korean"}, {"简体中文", "Simplified Chinese"}, {"Arabic", "Arabic"}, {"ไทย", "Thai"},
		{"norsk (bokmål)", "Bokmål"},
	} {
		m[strings.ToLower(e[0])] = e[0]
		m[strings.ToLower(e[1])] = e[0]
	}
	return m
}()

// otherLanguage returns the official syslanguages name for name.
func otherLanguage(name string) (string, bool) {
	n, ok := otherLanguages[strings.ToLower(strings.TrimSpace(name))]
	return n, ok
}
