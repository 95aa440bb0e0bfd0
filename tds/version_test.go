package tds

import "testing"

func TestNegotiate(t *testing.T) {
	for _, c := range []struct{ client, max, want Version }{
		{Version74, Version74, Version74},
		{Version80, Version74, Version74}, // TDS 8 answers 7.4 (go-mssqldb compares numerically)
		{0x75000000, Version74, Version74},
		{Version73B, Version74, Version73B},
		{Version73A, Version74, Version73A},
		{Version72, Version74, Version72},
		{Version71A, Version74, Version71A}, // jTDS
		{Version71, Version74, Version71A},
		{Version74, Version73B, Version73B},
		{Version74, Version71A, Version71A},
		{0x72000000, Version74, Version71A}, // below 7.2.9: 7.1 dialect
	} {
		if got := Negotiate(c.client, c.max); got != c.want {
			t.Errorf("Negotiate(%v, %v) = %v, want %v", c.client, c.max, got, c.want)
		}
	}
	if !Version80.Is72() || !Version80.HasNBCRow() || Version71A.Is72() || Version72.HasDateTime() || !Version73A.HasDateTime() ||
		Version73A.HasNBCRow() || !Version73B.HasNBCRow() {
		t.Fatal("dialect predicates")
	}
	if Version74.String() != "7.4" || Version71A.String() != "7.1" || Version(1).String() != "0x00000001" {
		t.Fatal("String")
	}
}

func TestProcIDNames(t *testing.T) {
	want := []string{"", "sp_cursor", "sp_cursoropen", "sp_cursorprepare", "sp_cursorexecute", "sp_cursorprepexec",
		"sp_cursorunprepare", "sp_cursorfetch", "sp_cursoroption", "sp_cursorclose", "sp_executesql", "sp_prepare",
		"sp_execute", "sp_prepexec", "sp_prepexecrpc", "sp_unprepare", ""}
	for id, w := range want {
		if got := ProcIDName(uint16(id)); got != w {
			t.Errorf("ProcIDName(%d) = %q, want %q", id, got, w)
		}
	}
}

func TestPacketSizeClamp(t *testing.T) {
	mw := NewMessageWriter(nil, 100)
	if mw.PacketSize() != MinPacketSize {
		t.Fatalf("min clamp %d", mw.PacketSize())
	}
	mw.SetPacketSize(1 << 20)
	if mw.PacketSize() != MaxPacketSize {
		t.Fatalf("max clamp %d", mw.PacketSize())
	}
}
