package tds

import (
	"bytes"
	"testing"
)

// LOGIN7 example of MS-TDS 4.2 (payload after the packet header).
const specLogin7 = `88 00 00 00 02 00 09 72 00 10 00 00 00 00 00 07 00 01 00 00 00 00 00 00
E0 03 00 00 00 00 00 00 09 04 00 00 5E 00 08 00 6E 00 02 00 72 00 00 00 72 00 07 00 80 00 00 00
80 00 00 00 80 00 04 00 88 00 00 00 88 00 00 00 00 50 8B E2 B7 8F 88 00 00 00 88 00 00 00 88 00
00 00 00 00 00 00 73 00 6B 00 6F 00 73 00 74 00 6F 00 76 00 31 00 73 00 61 00 4F 00 53 00 51 00
4C 00 2D 00 33 00 32 00 4F 00 44 00 42 00 43 00`

func TestLogin7SpecExample(t *testing.T) {
	var l Login7
	if err := l.Decode(hx(t, specLogin7)); err != nil {
		t.Fatal(err)
	}
	if l.TDSVersion != Version72 || l.PacketSize != 4096 || l.FixedLen != 94 {
		t.Fatalf("fixed: %+v", l)
	}
	if l.HostName != "skostov1" || l.UserName != "sa" || l.Password != "" || l.AppName != "OSQL-32" || l.CltIntName != "ODBC" {
		t.Fatalf("strings: %q %q %q %q %q", l.HostName, l.UserName, l.Password, l.AppName, l.CltIntName)
	}
	if !l.UseDB() || !l.DBFatal() || !l.SetLang() || !l.ODBC() || l.OLEDB() || l.Extension() || l.ClientLCID != 0x409 {
		t.Fatalf("flags %x %x %x %x", l.OptionFlags1, l.OptionFlags2, l.TypeFlags, l.OptionFlags3)
	}
	if l.ClientID != [6]byte{0x00, 0x50, 0x8B, 0xE2, 0xB7, 0x8F} {
		t.Fatalf("client id % X", l.ClientID)
	}
	// Our encoder lays the same fields out in the same order.
	l.FixedLen = 0
	eqBytes(t, "re-encode", l.Encode(nil), hx(t, specLogin7))
}

func TestLogin7RoundTrip(t *testing.T) {
	l := Login7{
		TDSVersion: Version74, PacketSize: 8192, ClientProgVer: 7, ClientPID: 1234, ConnectionID: 9,
		OptionFlags1: 0xA0, OptionFlags2: Login2ODBC, TypeFlags: LoginTypeOLEDB | LoginTypeReadOnlyIntent,
		ClientTimeZone: -60, ClientLCID: 0x40C, ClientID: [6]byte{1, 2, 3, 4, 5, 6},
		HostName: "hôte", UserName: "sa", Password: "Pässw0rd!😀", AppName: "app", ServerName: "localhost",
		CltIntName: "go-mssqldb", Language: "Français", Database: "master", AtchDBFile: "x.mdf",
		ChangePassword: "new", SSPI: []byte{9, 8, 7},
		Features: []Feature{{ID: FeatureUTF8Support, Data: []byte{1}}, {ID: FeatureSessionRecovery, Data: nil}},
	}
	b := l.Encode(nil)
	var g Login7
	if err := g.Decode(b); err != nil {
		t.Fatal(err)
	}
	if g.HostName != l.HostName || g.Password != l.Password || g.Language != l.Language || g.Database != l.Database ||
		g.CltIntName != l.CltIntName || g.ChangePassword != "new" || g.AtchDBFile != "x.mdf" || g.ServerName != "localhost" ||
		!bytes.Equal(g.SSPI, l.SSPI) || g.ClientTimeZone != -60 || g.PacketSize != 8192 || !g.ReadOnlyIntent() || !g.OLEDB() {
		t.Fatalf("round trip: %+v", g)
	}
	if !g.Extension() || len(g.Features) != 2 {
		t.Fatalf("features %+v", g.Features)
	}
	if d, ok := g.Feature(FeatureUTF8Support); !ok || !bytes.Equal(d, []byte{1}) {
		t.Fatal("UTF8 feature lost")
	}
	if _, ok := g.Feature(FeatureFedAuth); ok {
		t.Fatal("phantom feature")
	}
}

func TestLogin7Password(t *testing.T) {
	// "a" = 61 00: nibble swap 16 00, XOR A5 → B3 A5.
	b := []byte{0x61, 0x00}
	ManglePassword(b)
	eqBytes(t, "mangled", b, []byte{0xB3, 0xA5})
	UnmanglePassword(b)
	eqBytes(t, "unmangled", b, []byte{0x61, 0x00})
}

func TestLogin7Seventy1(t *testing.T) {
	// jTDS: 86-byte fixed part, TDS 7.1, packet size 0.
	l := Login7{TDSVersion: Version71A, UserName: "sa", Password: "pw", HostName: "h", CltIntName: "jTDS", Database: "db"}
	b := l.Encode(nil)
	if got := int(b[36]) | int(b[37])<<8; got != 86 {
		t.Fatalf("ibHostName %d, want 86", got)
	}
	var g Login7
	if err := g.Decode(b); err != nil || g.FixedLen != 86 || g.UserName != "sa" || g.Password != "pw" || g.Database != "db" {
		t.Fatalf("7.1: %+v %v", g, err)
	}
}

func TestLogin7TediousEmptyHost(t *testing.T) {
	// tedious writes cchHostName = the data offset when the host is empty.
	l := Login7{TDSVersion: Version74, UserName: "sa", Password: "pw", AppName: "Tedious"}
	b := l.Encode(nil)
	putU16(b[38:], 94)
	var g Login7
	if err := g.Decode(b); err != nil || g.HostName != "" || g.UserName != "sa" || g.Password != "pw" {
		t.Fatalf("tedious: %q %q %q %v", g.HostName, g.UserName, g.Password, err)
	}
}

func TestLogin7RuneCountedLengths(t *testing.T) {
	// go-mssqldb counts runes: "a😀b" is 3 runes but 4 UTF-16 units.
	l := Login7{TDSVersion: Version74, UserName: "a😀b", Password: "p😀", Database: "db"}
	b := l.Encode(nil)
	putU16(b[42:], 3) // cchUserName
	putU16(b[46:], 2) // cchPassword
	var g Login7
	if err := g.Decode(b); err != nil || g.UserName != "a😀b" || g.Password != "p😀" || g.Database != "db" {
		t.Fatalf("rune counts: %q %q %q %v", g.UserName, g.Password, g.Database, err)
	}
}

func TestLogin7Malformed(t *testing.T) {
	l := Login7{TDSVersion: Version74, UserName: "sa", Features: []Feature{{ID: 0x0A, Data: []byte{1}}}}
	b := l.Encode(nil)
	var g Login7
	if err := g.Decode(b[:50]); err == nil {
		t.Fatal("short LOGIN7 accepted")
	}
	bad := append([]byte(nil), b...)
	putU32(bad[int(bad[56])|int(bad[57])<<8:], 0xFFFF) // FeatureExt offset out of bounds
	if err := g.Decode(bad); err == nil {
		t.Fatal("bad FeatureExt offset accepted")
	}
	// A string pointing outside the message decodes as empty, no panic.
	bad = append([]byte(nil), b...)
	putU16(bad[40:], 0xFFF0)
	if err := g.Decode(bad); err != nil || g.UserName != "" {
		t.Fatalf("out-of-bounds user name: %q %v", g.UserName, err)
	}
}
