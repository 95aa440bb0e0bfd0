package tds

import (
	"math"
	"testing"
	"time"
)

func readOne(t *testing.T, b []byte, ti TypeInfo, inRow bool) ([]byte, bool) {
	t.Helper()
	val, null, n, _, err := ReadValue(b, &ti, inRow, nil)
	if err != nil || n != len(b) {
		t.Fatalf("ReadValue(% X): n=%d err=%v", b, n, err)
	}
	return val, null
}

func TestCalendar(t *testing.T) {
	if d := daysFromCivil(1, 1, 1); d != 0 {
		t.Fatalf("0001-01-01 = %d", d)
	}
	if d := daysFromCivil(1900, 1, 1); d != DaysTo1900 {
		t.Fatalf("1900-01-01 = %d", d)
	}
	if d := daysFromCivil(9999, 12, 31); d != MaxDays {
		t.Fatalf("9999-12-31 = %d", d)
	}
	for _, d := range []int64{0, 1, 59, 60, 365, DaysTo1900, 730000, MaxDays} {
		y, m, dd := civilFromDays(d)
		if daysFromCivil(y, m, dd) != d {
			t.Fatalf("civil round trip %d → %d-%d-%d", d, y, m, dd)
		}
	}
	tm := time.Date(2024, 2, 29, 13, 45, 30, 123456700, time.UTC)
	if got := TimeFromTicks(TicksFromTime(tm), 0); !got.Equal(tm) {
		t.Fatalf("time round trip %v", got)
	}
}

func TestDateTimeEncoding(t *testing.T) {
	ticks := TicksFromTime(time.Date(1900, 1, 1, 0, 0, 1, 0, time.UTC))
	eqBytes(t, "datetime", AppendDateTimeN(nil, 8, ticks), hx(t, "08 00 00 00 00 2C 01 00 00"))
	// 1753-01-01 is day -53690.
	ticks = TicksFromTime(time.Date(1753, 1, 1, 0, 0, 0, 0, time.UTC))
	if d, _ := DateTimeParts(ticks); d != -53690 {
		t.Fatalf("1753 = %d", d)
	}
	// Rounding to 1/300 s: .0015 s → .000 or .003; 23:59:59.999 → next day.
	ticks = TicksFromTime(time.Date(2000, 1, 1, 23, 59, 59, 999000000, time.UTC))
	d, t300 := DateTimeParts(ticks)
	if t300 != 0 || d != int32(daysFromCivil(2000, 1, 2)-DaysTo1900) {
		t.Fatalf("rollover %d %d", d, t300)
	}
	ticks = TicksFromTime(time.Date(2000, 1, 1, 0, 0, 0, 5000000, time.UTC)) // .005 → .007 (2 ticks? 1.5 → 2)
	if _, t300 = DateTimeParts(ticks); t300 != 2 {
		t.Fatalf(".005 → %d ticks", t300)
	}
	val, _ := readOne(t, AppendDateTimeN(nil, 8, ticks), TypeInfo{Type: TypeDateTimeN, Size: 8}, true)
	back, err := DecodeDateTime(val)
	if err != nil || TimeFromTicks(back, 0).Nanosecond() != 6666700 {
		t.Fatalf("datetime decode %v %v", TimeFromTicks(back, 0), err)
	}
	// smalldatetime rounds to the minute.
	ticks = TicksFromTime(time.Date(2020, 5, 6, 7, 8, 31, 0, time.UTC))
	val, _ = readOne(t, AppendDateTimeN(nil, 4, ticks), TypeInfo{Type: TypeDateTimeN, Size: 4}, true)
	back, _ = DecodeDateTime(val)
	if got := TimeFromTicks(back, 0); !got.Equal(time.Date(2020, 5, 6, 7, 9, 0, 0, time.UTC)) {
		t.Fatalf("smalldatetime %v", got)
	}
	// date, time, datetime2 at every scale.
	ticks = TicksFromTime(time.Date(2023, 12, 31, 23, 59, 59, 123456700, time.UTC))
	val, _ = readOne(t, AppendDateN(nil, ticks), TypeInfo{Type: TypeDateN}, true)
	if dd, _ := DecodeDate(val); dd != ticks/TicksPerDay*TicksPerDay {
		t.Fatal("date")
	}
	eqBytes(t, "date 0001-01-02", AppendDateN(nil, TicksPerDay), hx(t, "03 01 00 00"))
	for scale := uint8(0); scale <= 7; scale++ {
		trunc := ticks / pow10[7-scale] * pow10[7-scale]
		b := AppendTimeN(nil, scale, ticks)
		if int(b[0]) != TimeSize(scale) {
			t.Fatalf("time(%d) length %d", scale, b[0])
		}
		val, _ = readOne(t, b, TypeInfo{Type: TypeTimeN, Scale: scale}, true)
		if tt, err := DecodeTime(val, scale); err != nil || tt != trunc%TicksPerDay {
			t.Fatalf("time(%d) %d %v", scale, tt, err)
		}
		val, _ = readOne(t, AppendDateTime2N(nil, scale, ticks), TypeInfo{Type: TypeDateTime2N, Scale: scale}, true)
		if tt, err := DecodeDateTime2(val, scale); err != nil || tt != trunc {
			t.Fatalf("datetime2(%d) %d %v", scale, tt, err)
		}
		val, _ = readOne(t, AppendDateTimeOffsetN(nil, scale, ticks, -330), TypeInfo{Type: TypeDateTimeOffsetN, Scale: scale}, true)
		if tt, off, err := DecodeDateTimeOffset(val, scale); err != nil || tt != trunc || off != -330 {
			t.Fatalf("datetimeoffset(%d) %d %d %v", scale, tt, off, err)
		}
	}
	// datetimeoffset is UTC on the wire: 2000-01-01 02:00 +02:00 = 00:00 UTC.
	ticks = TicksFromTime(time.Date(2000, 1, 1, 2, 0, 0, 0, time.UTC))
	b := AppendDateTimeOffsetN(nil, 0, ticks, 120)
	days := daysFromCivil(2000, 1, 1)
	eqBytes(t, "dto utc", b, []byte{8, 0, 0, 0, byte(days), byte(days >> 8), byte(days >> 16), 120, 0})
	if _, _, err := DecodeDateTimeOffset([]byte{0, 0, 0, 0, 0, 0, 0, 0x10, 0x27}, 0); err == nil {
		t.Fatal("offset 10000 accepted")
	}
}

func TestNumericEncodings(t *testing.T) {
	for _, c := range []struct {
		size int
		v    int64
		want string
	}{{1, 255, "01 FF"}, {2, -2, "02 FE FF"}, {4, 1, "04 01 00 00 00"}, {8, -1, "08 FF FF FF FF FF FF FF FF"}} {
		b := AppendIntN(nil, c.size, c.v)
		eqBytes(t, "intn", b, hx(t, c.want))
		val, _ := readOne(t, b, TypeInfo{Type: TypeIntN, Size: c.size}, true)
		if got, _ := DecodeInt(val); got != c.v {
			t.Fatalf("int %d → %d", c.v, got)
		}
	}
	eqBytes(t, "bitn", AppendBitN(nil, true), hx(t, "01 01"))
	eqBytes(t, "money", AppendMoneyN(nil, 8, 0x0000000100000002), hx(t, "08 01 00 00 00 02 00 00 00"))
	for _, m := range []int64{0, 1, -1, math.MaxInt64, math.MinInt64, -123456789012} {
		val, _ := readOne(t, AppendMoneyN(nil, 8, m), TypeInfo{Type: TypeMoneyN, Size: 8}, true)
		if got, _ := DecodeMoney(val); got != m {
			t.Fatalf("money %d → %d", m, got)
		}
	}
	val, _ := readOne(t, AppendMoneyN(nil, 4, -214748), TypeInfo{Type: TypeMoneyN, Size: 4}, true)
	if got, _ := DecodeMoney(val); got != -214748 {
		t.Fatalf("smallmoney %d", got)
	}
	for _, size := range []int{4, 8} {
		val, _ := readOne(t, AppendFltN(nil, size, 1.5), TypeInfo{Type: TypeFltN, Size: size}, true)
		if f, _ := DecodeFloat(val); f != 1.5 {
			t.Fatalf("float%d %v", size, f)
		}
	}
	// decimal lengths per precision, sign byte 1 = positive.
	for _, c := range []struct {
		prec uint8
		size int
	}{{1, 5}, {9, 5}, {10, 9}, {19, 9}, {20, 13}, {28, 13}, {29, 17}, {38, 17}} {
		b := AppendDecimalN(nil, c.prec, false, 7, 0)
		if int(b[0]) != c.size || b[1] != 1 || len(b) != c.size+1 {
			t.Fatalf("decimal(%d): % X", c.prec, b)
		}
		ti := TypeInfo{Type: TypeDecimalN, Precision: c.prec}
		if enc := ti.Encode(nil); int(enc[1]) != c.size {
			t.Fatalf("decimal(%d) TYPE_INFO size %d", c.prec, enc[1])
		}
	}
	eqBytes(t, "decimal -1.5 (p5)", AppendDecimalN(nil, 5, true, 15, 0), hx(t, "05 00 0F 00 00 00"))
	val, _ = readOne(t, AppendDecimalN(nil, 25, true, math.MaxUint64, 0xFFFFFFFF), TypeInfo{Type: TypeDecimalN, Size: 13, Precision: 25}, true)
	if neg, lo, hi, err := DecodeDecimal(val); !neg || lo != math.MaxUint64 || hi != 0xFFFFFFFF || err != nil {
		t.Fatalf("decimal 12-byte %v %x %x %v", neg, lo, hi, err)
	}
}

func TestGUID(t *testing.T) {
	rfc := [16]byte{0x6F, 0x96, 0x19, 0xFF, 0x8B, 0x86, 0xD0, 0x11, 0xB4, 0x2D, 0x00, 0xC0, 0x4F, 0xC9, 0x64, 0xFF}
	w := GUIDToWire(rfc)
	eqBytes(t, "guid wire", w[:], hx(t, "FF 19 96 6F 86 8B 11 D0 B4 2D 00 C0 4F C9 64 FF"))
	val, _ := readOne(t, AppendGUIDN(nil, w[:]), TypeInfo{Type: TypeGUID, Size: 16}, true)
	g, _ := DecodeGUID(val)
	if GUIDFromWire(g) != rfc {
		t.Fatal("guid round trip")
	}
}

func TestStringsAndPLP(t *testing.T) {
	b := AppendNVarChar(nil, "a😀")
	eqBytes(t, "nvarchar", b, hx(t, "06 00 61 00 3D D8 00 DE"))
	b = AppendVarCharString(nil, "€é✓")
	eqBytes(t, "varchar cp1252", b, hx(t, "03 00 80 E9 3F"))
	val, _ := readOne(t, b, TypeInfo{Type: TypeBigVarChar, Size: 10}, true)
	if s := DecodeVarChar(val, SQLLatin1GeneralCP1CIAS); s != "€é?" {
		t.Fatalf("decode varchar %q", s)
	}
	if s := DecodeVarChar([]byte("é"), Collation{Info: CollationUTF8 | 0x409}); s != "é" {
		t.Fatalf("utf8 varchar %q", s)
	}
	plpTI := TypeInfo{Type: TypeBigVarChar, Size: MaxLen}
	eqBytes(t, "plp varchar", AppendPLPVarCharString(nil, "ab"), hx(t, "02 00 00 00 00 00 00 00 02 00 00 00 61 62 00 00 00 00"))
	eqBytes(t, "plp empty", AppendPLPVarCharString(nil, ""), hx(t, "00 00 00 00 00 00 00 00 00 00 00 00"))
	// Unknown length, several chunks, assembled into scratch.
	var s []byte
	s = AppendPLPUnknownLen(s)
	s = AppendPLPChunk(s, []byte("hel"))
	s = AppendPLPChunk(s, nil)
	s = AppendPLPChunk(s, []byte("lo "))
	s = AppendPLPChunk(s, []byte("world"))
	s = AppendPLPTerminator(s)
	val, null := readOne(t, s, plpTI, false)
	if null || string(val) != "hello world" {
		t.Fatalf("chunked plp %q", val)
	}
	// Known length that disagrees with the chunks is an error.
	bad := AppendPLP(nil, []byte("abc"))
	bad[0] = 4
	if _, _, _, _, err := ReadValue(bad, &plpTI, false, nil); err == nil {
		t.Fatal("PLP length mismatch accepted")
	}
	// PLP NULL and the NULL encodings of every class.
	for _, c := range []struct {
		ti    TypeInfo
		inRow bool
		want  string
	}{
		{plpTI, true, "FF FF FF FF FF FF FF FF"},
		{TypeInfo{Type: TypeIntN, Size: 4}, true, "00"},
		{TypeInfo{Type: TypeNVarChar, Size: 20}, true, "FF FF"},
		{TypeInfo{Type: TypeText, Size: 100}, true, "00"},
		{TypeInfo{Type: TypeText, Size: 100}, false, "FF FF FF FF"},
		{TypeInfo{Type: TypeVariant, Size: 8009}, true, "00 00 00 00"},
		{TypeInfo{Type: TypeXML}, true, "FF FF FF FF FF FF FF FF"},
	} {
		b := AppendNull(nil, &c.ti, c.inRow)
		eqBytes(t, "null", b, hx(t, c.want))
		if _, null := readOne(t, b, c.ti, c.inRow); !null {
			t.Fatalf("NULL of 0x%02X not read as NULL", c.ti.Type)
		}
	}
	// text in RPC framing and in row framing.
	val, _ = readOne(t, AppendLongParam(nil, []byte("txt")), TypeInfo{Type: TypeText}, false)
	if string(val) != "txt" {
		t.Fatal("text param")
	}
	val, _ = readOne(t, AppendTextRow(nil, []byte("txt")), TypeInfo{Type: TypeText}, true)
	if string(val) != "txt" {
		t.Fatal("text row")
	}
}

func TestVariant(t *testing.T) {
	cases := []struct {
		base TypeInfo
		data []byte
	}{
		{TypeInfo{Type: TypeInt4, Size: 4}, AppendIntFixed(nil, 4, 42)},
		{TypeInfo{Type: TypeNVarChar, Size: 8, Collation: SQLLatin1GeneralCP1CIAS}, AppendUTF16(nil, "16.0")},
		{TypeInfo{Type: TypeDecimalN, Precision: 10, Scale: 2}, []byte{1, 1, 0, 0, 0, 0, 0, 0, 0}},
		{TypeInfo{Type: TypeDateTime2N, Scale: 3}, []byte{1, 2, 3, 4, 5, 6, 7}},
		{TypeInfo{Type: TypeBigVarBinary, Size: 3}, []byte{1, 2, 3}},
	}
	for _, c := range cases {
		b := AppendVariant(nil, &c.base, c.data)
		val, null := readOne(t, b, TypeInfo{Type: TypeVariant, Size: 8009}, true)
		if null {
			t.Fatal("variant null")
		}
		var v Variant
		if err := v.Decode(val); err != nil {
			t.Fatal(err)
		}
		if v.Base.Type != c.base.Type || string(v.Value) != string(c.data) || v.Base.Scale != c.base.Scale ||
			v.Base.Precision != c.base.Precision || v.Base.Collation != c.base.Collation {
			t.Fatalf("variant %+v", v)
		}
	}
	eqBytes(t, "variant int", AppendVariant(nil, &cases[0].base, cases[0].data), hx(t, "06 00 00 00 38 00 2A 00 00 00"))
	var v Variant
	if err := v.Decode([]byte{TypeInt4, 3, 0}); err == nil {
		t.Fatal("bad prop count accepted")
	}
}

func TestTypeInfoRoundTrip(t *testing.T) {
	for _, ti := range []TypeInfo{
		{Type: TypeInt4, Size: 4}, {Type: TypeIntN, Size: 8}, {Type: TypeBitN, Size: 1}, {Type: TypeFltN, Size: 8},
		{Type: TypeMoneyN, Size: 4}, {Type: TypeDateTimeN, Size: 8}, {Type: TypeGUID, Size: 16},
		{Type: TypeDecimalN, Size: 17, Precision: 38, Scale: 10}, {Type: TypeNumericN, Size: 5, Precision: 5, Scale: 0},
		{Type: TypeDateN, Size: 3}, {Type: TypeTimeN, Scale: 3, Size: 4}, {Type: TypeDateTime2N, Scale: 7, Size: 8},
		{Type: TypeDateTimeOffsetN, Scale: 0, Size: 8},
		{Type: TypeBigVarChar, Size: 8000, Collation: SQLLatin1GeneralCP1CIAS}, {Type: TypeNVarChar, Size: MaxLen, Collation: SQLLatin1GeneralCP1CIAS},
		{Type: TypeBigBinary, Size: 8}, {Type: TypeText, Size: 0x7FFFFFFF, Collation: SQLLatin1GeneralCP1CIAS}, {Type: TypeImage, Size: 0x7FFFFFFF},
		{Type: TypeVariant, Size: 8009}, {Type: TypeXML, Size: MaxLen},
		{Type: TypeXML, Size: MaxLen, XMLSchemaPresent: true, XMLDBName: "db", XMLOwningSchema: "dbo", XMLSchemaColl: "c"},
		{Type: TypeUDT, Size: MaxLen, UDTDBName: "db", UDTSchema: "sys", UDTTypeName: "hierarchyid", UDTAssembly: "asm"},
		{Type: TypeChar, Size: 10}, {Type: TypeNull},
	} {
		b := ti.Encode(nil)
		var g TypeInfo
		n, err := g.Decode(b)
		if err != nil || n != len(b) || g != ti {
			t.Fatalf("type 0x%02X: %+v (n=%d err=%v)", ti.Type, g, n, err)
		}
	}
	eqBytes(t, "xml has no max length", (&TypeInfo{Type: TypeXML}).Encode(nil), hx(t, "F1 00"))
	for _, bad := range []string{"26 03", "6A 11 27 00", "6A 05 05 06", "29 08", "99", "E7 FF"} {
		var g TypeInfo
		if _, err := g.Decode(hx(t, bad)); err == nil {
			t.Errorf("TYPE_INFO %s accepted", bad)
		}
	}
}

func TestCodePages(t *testing.T) {
	for _, c := range []struct {
		col  Collation
		cp   int
		text string
	}{
		{SQLLatin1GeneralCP1CIAS, 1252, "café €"},
		{Collation{Info: 0x00D00409}, 1252, "naïve"},
		{Collation{Info: 0x00D00419}, 1251, "Привет"},
		{Collation{Info: 0x00D00415}, 1250, "Zażółć"},
		{Collation{Info: 0x00D00408}, 1253, "Ωμέγα"},
		{Collation{Info: 0x00D00411}, 932, "日本語"},
		{Collation{Info: 0x00D00804}, 936, "中文"},
		{Collation{Info: 0x00D00404}, 950, "中文"},
		{Collation{Info: 0x00D00412}, 949, "한국어"},
		{Collation{Info: 0x00D00C1A}, 1251, "Србија"},
		{Collation{Info: 0x00D0041E}, 874, "ไทย"},
		{Collation{SortID: 30}, 437, "é"},
		{Collation{SortID: 106}, 1251, "Да"},
		{Collation{Info: CollationUTF8 | 0x409}, CodePageUTF8, "😀 ok"},
	} {
		if cp := CodePage(c.col); cp != c.cp {
			t.Errorf("CodePage(%+v) = %d, want %d", c.col, cp, c.cp)
			continue
		}
		b := AppendVarCharIn(nil, c.col, c.text)
		if got := DecodeVarChar(b[2:], c.col); got != c.text {
			t.Errorf("cp %d round trip %q → % X → %q", c.cp, c.text, b[2:], got)
		}
	}
	if got := string(AppendCodePage(nil, 932, "a€é")); got != "a??" {
		t.Fatalf("unmappable in 932: %q", got)
	}
	if got := string(AppendCodePage(nil, 1251, "aé")); got != "a?" {
		t.Fatalf("unmappable: %q", got)
	}
	b := make([]byte, 0, 64)
	if n := testing.AllocsPerRun(50, func() { b = AppendVarCharIn(b[:0], SQLLatin1GeneralCP1CIAS, "café") }); n != 0 {
		t.Fatalf("single-byte encode allocates %v", n)
	}
}
