package collation

import "strings"

// sqlColl is one SQL Server collation (SQL_*): a SQL Server 2000 sort
// order for non-Unicode data with a Windows locale for Unicode data.
type sqlColl struct {
	name   string
	sortID uint8
	// human names the Windows locale of Unicode data in the description
	// ("Latin1-General"); its LCID is the collation's.
	human string
}

// sqlTable lists SQL Server 2022's SQL collations with their sort order
// ids (the TDS record's SortId and COLLATIONPROPERTY 'SortId'; _BIN and
// _BIN2 share an id). The code page is the name's CPnnn token (CP1 =
// 1252); case and accent sensitivity are the CI/CS, AI/AS tokens ("Pref"
// orders upper case first but compares like CI_AS).
var sqlTable = []sqlColl{
	{"SQL_1xCompat_CP850_CI_AS", 49, "Latin1-General"},
	{"SQL_AltDiction_CP850_CI_AI", 57, "Latin1-General"},
	{"SQL_AltDiction_CP850_CI_AS", 61, "Latin1-General"},
	{"SQL_AltDiction_CP850_CS_AS", 55, "Latin1-General"},
	{"SQL_AltDiction_Pref_CP850_CI_AS", 56, "Latin1-General"},
	{"SQL_AltDiction2_CP1253_CS_AS", 122, "Latin1-General"},
	{"SQL_Croatian_CP1250_CI_AS", 92, "Croatian"},
	{"SQL_Croatian_CP1250_CS_AS", 91, "Croatian"},
	{"SQL_Czech_CP1250_CI_AS", 84, "Czech"},
	{"SQL_Czech_CP1250_CS_AS", 83, "Czech"},
	{"SQL_Danish_Pref_CP1_CI_AS", 183, "Danish-Norwegian"},
	{"SQL_EBCDIC037_CP1_CS_AS", 210, "Latin1-General"},
	{"SQL_EBCDIC1141_CP1_CS_AS", 219, "German-PhoneBook"},
	{"SQL_EBCDIC273_CP1_CS_AS", 211, "German-PhoneBook"},
	{"SQL_EBCDIC277_2_CP1_CS_AS", 218, "Danish-Norwegian"},
	{"SQL_EBCDIC277_CP1_CS_AS", 212, "Danish-Norwegian"},
	{"SQL_EBCDIC278_CP1_CS_AS", 213, "Finnish-Swedish"},
	{"SQL_EBCDIC280_CP1_CS_AS", 214, "Latin1-General"},
	{"SQL_EBCDIC284_CP1_CS_AS", 215, "Modern-Spanish"},
	{"SQL_EBCDIC285_CP1_CS_AS", 216, "Latin1-General"},
	{"SQL_EBCDIC297_CP1_CS_AS", 217, "French"},
	{"SQL_Estonian_CP1257_CI_AS", 156, "Estonian"},
	{"SQL_Estonian_CP1257_CS_AS", 155, "Estonian"},
	{"SQL_Hungarian_CP1250_CI_AS", 86, "Hungarian"},
	{"SQL_Hungarian_CP1250_CS_AS", 85, "Hungarian"},
	{"SQL_Icelandic_Pref_CP1_CI_AS", 186, "Icelandic"},
	{"SQL_Latin1_General_CP1_CI_AI", 54, "Latin1-General"},
	{"SQL_Latin1_General_CP1_CI_AS", 52, "Latin1-General"},
	{"SQL_Latin1_General_CP1_CS_AS", 51, "Latin1-General"},
	{"SQL_Latin1_General_CP1250_CI_AS", 82, "Latin1-General"},
	{"SQL_Latin1_General_CP1250_CS_AS", 81, "Latin1-General"},
	{"SQL_Latin1_General_CP1251_CI_AS", 106, "Latin1-General"},
	{"SQL_Latin1_General_CP1251_CS_AS", 105, "Latin1-General"},
	{"SQL_Latin1_General_CP1253_CI_AI", 124, "Latin1-General"},
	{"SQL_Latin1_General_CP1253_CI_AS", 114, "Latin1-General"},
	{"SQL_Latin1_General_CP1253_CS_AS", 113, "Latin1-General"},
	{"SQL_Latin1_General_CP1254_CI_AS", 130, "Turkish"},
	{"SQL_Latin1_General_CP1254_CS_AS", 129, "Turkish"},
	{"SQL_Latin1_General_CP1255_CI_AS", 138, "Latin1-General"},
	{"SQL_Latin1_General_CP1255_CS_AS", 137, "Latin1-General"},
	{"SQL_Latin1_General_CP1256_CI_AS", 146, "Latin1-General"},
	{"SQL_Latin1_General_CP1256_CS_AS", 145, "Latin1-General"},
	{"SQL_Latin1_General_CP1257_CI_AS", 154, "Latin1-General"},
	{"SQL_Latin1_General_CP1257_CS_AS", 153, "Latin1-General"},
	{"SQL_Latin1_General_CP437_BIN", 30, "Latin1-General"},
	{"SQL_Latin1_General_CP437_BIN2", 30, "Latin1-General"},
	{"SQL_Latin1_General_CP437_CI_AI", 34, "Latin1-General"},
	{"SQL_Latin1_General_CP437_CI_AS", 32, "Latin1-General"},
	{"SQL_Latin1_General_CP437_CS_AS", 31, "Latin1-General"},
	{"SQL_Latin1_General_CP850_BIN", 40, "Latin1-General"},
	{"SQL_Latin1_General_CP850_BIN2", 40, "Latin1-General"},
	{"SQL_Latin1_General_CP850_CI_AI", 44, "Latin1-General"},
	{"SQL_Latin1_General_CP850_CI_AS", 42, "Latin1-General"},
	{"SQL_Latin1_General_CP850_CS_AS", 41, "Latin1-General"},
	{"SQL_Latin1_General_Pref_CP1_CI_AS", 53, "Latin1-General"},
	{"SQL_Latin1_General_Pref_CP437_CI_AS", 33, "Latin1-General"},
	{"SQL_Latin1_General_Pref_CP850_CI_AS", 43, "Latin1-General"},
	{"SQL_Latvian_CP1257_CI_AS", 158, "Latvian"},
	{"SQL_Latvian_CP1257_CS_AS", 157, "Latvian"},
	{"SQL_Lithuanian_CP1257_CI_AS", 160, "Lithuanian"},
	{"SQL_Lithuanian_CP1257_CS_AS", 159, "Lithuanian"},
	{"SQL_MixDiction_CP1253_CS_AS", 120, "Latin1-General"},
	{"SQL_Polish_CP1250_CI_AS", 88, "Polish"},
	{"SQL_Polish_CP1250_CS_AS", 87, "Polish"},
	{"SQL_Romanian_CP1250_CI_AS", 90, "Romanian"},
	{"SQL_Romanian_CP1250_CS_AS", 89, "Romanian"},
	{"SQL_Scandinavian_CP850_CI_AS", 60, "Finnish-Swedish"},
	{"SQL_Scandinavian_CP850_CS_AS", 59, "Finnish-Swedish"},
	{"SQL_Scandinavian_Pref_CP850_CI_AS", 58, "Finnish-Swedish"},
	{"SQL_Slovak_CP1250_CI_AS", 94, "Slovak"},
	{"SQL_Slovak_CP1250_CS_AS", 93, "Slovak"},
	{"SQL_Slovenian_CP1250_CI_AS", 96, "Slovenian"},
	{"SQL_Slovenian_CP1250_CS_AS", 95, "Slovenian"},
	{"SQL_SwedishPhone_Pref_CP1_CI_AS", 184, "Finnish-Swedish"},
	{"SQL_SwedishStd_Pref_CP1_CI_AS", 185, "Finnish-Swedish"},
	{"SQL_Ukrainian_CP1251_CI_AS", 108, "Ukrainian"},
	{"SQL_Ukrainian_CP1251_CS_AS", 107, "Ukrainian"},
}

// sqlByKey indexes sqlTable by lower-case name.
var sqlByKey = func() map[string]*sqlColl {
	m := make(map[string]*sqlColl, len(sqlTable))
	for i := range sqlTable {
		m[strings.ToLower(sqlTable[i].name)] = &sqlTable[i]
	}
	return m
}()

// codePage is the name's CPnnn token (CP1 is code page 1252).
func (s *sqlColl) codePage() int {
	for _, p := range strings.Split(s.name, "_") {
		if len(p) > 2 && p[:2] == "CP" {
			n := 0
			for _, d := range p[2:] {
				n = n*10 + int(d-'0')
			}
			if n == 1 {
				return 1252
			}
			return n
		}
	}
	return 1252
}

// lcid is the LCID of the Windows locale the description names.
func (s *sqlColl) lcid() uint32 {
	if l := localeByKey[strings.ToLower(strings.ReplaceAll(s.human, "-", "_"))]; l != nil {
		return l.lcid
	}
	return 0x0409
}

// options reports the binary kind and case/accent sensitivity from the
// name's trailing tokens.
func (s *sqlColl) options() (bin, bin2, cs, as bool) {
	switch {
	case strings.HasSuffix(s.name, "_BIN2"):
		return false, true, true, true
	case strings.HasSuffix(s.name, "_BIN"):
		return true, false, true, true
	}
	return false, false, strings.Contains(s.name, "_CS_"), strings.HasSuffix(s.name, "_AS")
}

// description is fn_helpcollations' text: the Unicode (Windows) rules,
// then the sort order and code page of non-Unicode data.
func (s *sqlColl) description() string {
	bin, bin2, cs, as := s.options()
	var d string
	switch {
	case bin:
		d = s.human + ", binary sort"
	case bin2:
		d = s.human + ", binary code point comparison sort"
	default:
		d = s.human + ", " + sens(!cs, "case") + ", " + sens(!as, "accent") + ", kanatype-insensitive, width-insensitive"
	}
	return d + " for Unicode Data, SQL Server Sort Order " + itoa(int(s.sortID)) + " on Code Page " + itoa(s.codePage()) + " for non-Unicode Data"
}

// sens spells one comparison option of a description.
func sens(ignore bool, what string) string {
	if ignore {
		return what + "-insensitive"
	}
	return what + "-sensitive"
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}
