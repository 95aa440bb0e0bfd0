package collation

import (
	"sort"
	"strings"
)

// locale is one Windows collation designator of SQL Server 2022
// (sys.fn_helpcollations): its LCID (sort-variant bits 16–19 included, as
// clients read them from the TDS record), the code page of char/varchar
// data (0: Unicode-only, varchar not allowed) and which collation
// versions exist.
type locale struct {
	name string
	lcid uint32
	cp   int
	fam  family
}

// family says which versions of a designator exist (and so which
// suffixes, see suffixes in catalog.go).
type family uint8

const (
	famV100     family = iota // Name_100_* only
	famV80V100                // Name_* and Name_100_*
	famV90V100                // Name_90_* and Name_100_*
	famV80V90                 // Name_* and Name_90_*
	famV80                    // Name_* only
	famV100V140               // Name_100_* and Name_140_* (Japanese 2017 families)
	famV90                    // Name_90_* only
	famLatin1                 // Latin1_General: v80, v100 and the one _100_BIN2_UTF8
)

// versions lists the version ordinals (0 = 80, 1 = 90, 2 = 100, 3 = 140)
// of a family in fn_helpcollations order.
func (f family) versions() []uint8 {
	switch f {
	case famV100:
		return []uint8{2}
	case famV80V100, famLatin1:
		return []uint8{0, 2}
	case famV90V100:
		return []uint8{1, 2}
	case famV80V90:
		return []uint8{0, 1}
	case famV80:
		return []uint8{0}
	case famV100V140:
		return []uint8{2, 3}
	case famV90:
		return []uint8{1}
	}
	return nil
}

func (f family) has(version uint8) bool {
	for _, v := range f.versions() {
		if v == version {
			return true
		}
	}
	return false
}

// localeTable is every Windows collation designator of SQL Server 2022
// (88). LCIDs and code pages are what COLLATIONPROPERTY reports and what
// clients map to a code page when decoding varchar (MS-LCID; the twelve
// Unicode-only designators have code page 0). Designators new in SQL
// Server 2008 that share a Windows locale with an older one share its
// LCID (Japanese_XJIS with Japanese, Chinese_Simplified_Pinyin with
// Chinese_PRC, Danish_Greenlandic with Danish_Norwegian …).
var localeTable = []locale{
	{"Albanian", 0x041C, 1250, famV80V100},
	{"Arabic", 0x0401, 1256, famV80V100},
	{"Assamese", 0x044D, 0, famV100},
	{"Azeri_Cyrillic", 0x082C, 1251, famV100},
	{"Azeri_Latin", 0x042C, 1254, famV100},
	{"Bashkir", 0x046D, 1251, famV100},
	{"Bengali", 0x0445, 0, famV100},
	{"Bosnian_Cyrillic", 0x201A, 1251, famV100},
	{"Bosnian_Latin", 0x141A, 1250, famV100},
	{"Breton", 0x047E, 1252, famV100},
	{"Chinese_Hong_Kong_Stroke", 0x0C04, 950, famV90},
	{"Chinese_PRC", 0x0804, 936, famV80V90},
	{"Chinese_PRC_Stroke", 0x20804, 936, famV80V90},
	{"Chinese_Simplified_Pinyin", 0x0804, 936, famV100},
	{"Chinese_Simplified_Stroke_Order", 0x20804, 936, famV100},
	{"Chinese_Taiwan_Bopomofo", 0x30404, 950, famV80V90},
	{"Chinese_Taiwan_Stroke", 0x0404, 950, famV80V90},
	{"Chinese_Traditional_Bopomofo", 0x30404, 950, famV100},
	{"Chinese_Traditional_Pinyin", 0x1404, 950, famV100},
	{"Chinese_Traditional_Stroke_Count", 0x0404, 950, famV100},
	{"Chinese_Traditional_Stroke_Order", 0x21404, 950, famV100},
	{"Corsican", 0x0483, 1252, famV100},
	{"Croatian", 0x041A, 1250, famV80V100},
	{"Cyrillic_General", 0x0419, 1251, famV80V100},
	{"Czech", 0x0405, 1250, famV80V100},
	{"Danish_Greenlandic", 0x0406, 1252, famV100},
	{"Danish_Norwegian", 0x0406, 1252, famV80},
	{"Dari", 0x048C, 1256, famV100},
	{"Divehi", 0x0465, 0, famV90V100},
	{"Estonian", 0x0425, 1257, famV80V100},
	{"Finnish_Swedish", 0x040B, 1252, famV80V100},
	{"French", 0x040C, 1252, famV80V100},
	{"Frisian", 0x0462, 1252, famV100},
	{"Georgian_Modern_Sort", 0x10437, 1252, famV80V100},
	{"German_PhoneBook", 0x10407, 1252, famV80V100},
	{"Greek", 0x0408, 1253, famV80V100},
	{"Hebrew", 0x040D, 1255, famV80V100},
	{"Hungarian", 0x040E, 1250, famV80V100},
	{"Hungarian_Technical", 0x1040E, 1250, famV80V100},
	{"Icelandic", 0x040F, 1252, famV80V100},
	{"Indic_General", 0x0439, 0, famV90V100},
	{"Japanese", 0x0411, 932, famV80V90},
	{"Japanese_Bushu_Kakusu", 0x40411, 932, famV100V140},
	{"Japanese_Unicode", 0x10411, 932, famV80},
	{"Japanese_XJIS", 0x0411, 932, famV100V140},
	{"Kazakh", 0x043F, 1251, famV90V100},
	{"Khmer", 0x0453, 0, famV100},
	{"Korean", 0x0412, 949, famV90V100},
	{"Korean_Wansung", 0x0412, 949, famV80},
	{"Lao", 0x0454, 0, famV100},
	{"Latin1_General", 0x0409, 1252, famLatin1},
	{"Latvian", 0x0426, 1257, famV80V100},
	{"Lithuanian", 0x0427, 1257, famV80V100},
	{"Macedonian_FYROM", 0x042F, 1251, famV90V100},
	{"Maltese", 0x043A, 0, famV100},
	{"Maori", 0x0481, 0, famV100},
	{"Mapudungan", 0x047A, 1252, famV100},
	{"Modern_Spanish", 0x0C0A, 1252, famV80V100},
	{"Mohawk", 0x047C, 1252, famV100},
	{"Nepali", 0x0461, 0, famV100},
	{"Norwegian", 0x0414, 1252, famV100},
	{"Pashto", 0x0463, 0, famV100},
	{"Persian", 0x0429, 1256, famV100},
	{"Polish", 0x0415, 1250, famV80V100},
	{"Romanian", 0x0418, 1250, famV80V100},
	{"Romansh", 0x0417, 1252, famV100},
	{"Sami_Norway", 0x043B, 1252, famV100},
	{"Sami_Sweden_Finland", 0x083B, 1252, famV100},
	{"Serbian_Cyrillic", 0x0C1A, 1251, famV100},
	{"Serbian_Latin", 0x081A, 1250, famV100},
	{"Slovak", 0x041B, 1250, famV80V100},
	{"Slovenian", 0x0424, 1250, famV80V100},
	{"Syriac", 0x045A, 0, famV90V100},
	{"Tamazight", 0x085F, 1252, famV100},
	{"Tatar", 0x0444, 1251, famV90V100},
	{"Thai", 0x041E, 874, famV80V100},
	{"Tibetan", 0x0451, 0, famV100},
	{"Traditional_Spanish", 0x040A, 1252, famV80V100},
	{"Turkish", 0x041F, 1254, famV80V100},
	{"Turkmen", 0x0442, 1250, famV100},
	{"Uighur", 0x0480, 1256, famV100},
	{"Ukrainian", 0x0422, 1251, famV80V100},
	{"Upper_Sorbian", 0x042E, 1252, famV100},
	{"Urdu", 0x0420, 1256, famV100},
	{"Uzbek_Latin", 0x0443, 1254, famV90V100},
	{"Vietnamese", 0x042A, 1258, famV80V100},
	{"Welsh", 0x0452, 1252, famV100},
	{"Yakut", 0x0485, 1251, famV100},
}

// localeByKey indexes localeTable by lower-case designator.
var localeByKey = func() map[string]*locale {
	m := make(map[string]*locale, len(localeTable))
	for i := range localeTable {
		m[strings.ToLower(localeTable[i].name)] = &localeTable[i]
	}
	if !sort.SliceIsSorted(localeTable, func(i, j int) bool { return localeTable[i].name < localeTable[j].name }) {
		panic("collation: localeTable must be sorted (fn_helpcollations order)")
	}
	return m
}()

// human is the designator as descriptions spell it ("Chinese-PRC-Stroke").
func (l *locale) human() string { return strings.ReplaceAll(l.name, "_", "-") }

// versionNames are the name tokens of the version ordinals.
var versionNames = [...]string{"", "90", "100", "140"}
