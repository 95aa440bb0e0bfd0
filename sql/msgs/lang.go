package msgs

import "strings"

// Lang is a message language. SQL Server keys sys.messages by msglangid;
// we carry the two languages the project supports.
type Lang uint8

const (
	English Lang = iota // us_english, langid 0, msglangid 1033
	French              // Français, langid 2, msglangid 1036
)

// Name is the sys.syslanguages name ("us_english", "Français"), which is
// what @@LANGUAGE returns and ENVCHANGE(language) carries.
func (l Lang) Name() string {
	if l == French {
		return "Français"
	}
	return "us_english"
}

// Alias is the sys.syslanguages alias ("English", "French").
func (l Lang) Alias() string {
	if l == French {
		return "French"
	}
	return "English"
}

// LangID is sys.syslanguages.langid (0 us_english, 2 Français).
func (l Lang) LangID() int16 {
	if l == French {
		return 2
	}
	return 0
}

// MsgLangID is sys.messages.language_id (1033, 1036).
func (l Lang) MsgLangID() int32 {
	if l == French {
		return 1036
	}
	return 1033
}

// ParseLang accepts what SET LANGUAGE, LOGIN7 and connection strings carry:
// the name or alias in any case ("us_english", "English", "Français",
// "French", also "Francais" without the cedilla and the culture tags "en",
// "en-US", "fr", "fr-FR").
func ParseLang(name string) (Lang, bool) {
	n := strings.ToLower(strings.TrimSpace(name))
	switch n {
	case "", "us_english", "english", "en", "en-us", "en_us", "1033", "0":
		return English, true
	case "français", "francais", "french", "fr", "fr-fr", "fr_fr", "1036", "2":
		return French, true
	}
	return English, false
}

// ParseLangDefault is ParseLang falling back to English for unknown names.
func ParseLangDefault(name string) Lang {
	l, _ := ParseLang(name)
	return l
}
