package client

import (
	"testing"

	"github.com/tsqld/tsqld/sql/msgs"
)

func TestParseNativeCode(t *testing.T) {
	cases := map[string]int32{"10061": 10061, "0x274D": 10061, "0x274c": 10060, "2746h": 10054, "0x2AF9": 11001,
		"0x102": 258, "[xFFFFFFFF]": -1, "-2": -2, " 53 ": 53}
	for in, want := range cases {
		if got, ok := ParseNativeCode(in); !ok || got != want {
			t.Errorf("%q: %d %v, want %d", in, got, ok, want)
		}
	}
	for _, bad := range []string{"", "0xZZ", "abc", "99999999999"} {
		if _, ok := ParseNativeCode(bad); ok {
			t.Errorf("%q should not parse", bad)
		}
	}
}

func TestExplain(t *testing.T) {
	ex, ok := Explain(10061, msgs.English)
	if !ok || ex.Symbol != "WSAECONNREFUSED" || ex.OSText != "No connection could be made because the target machine actively refused it." ||
		!ex.HasDoc || ex.Doc.Action(msgs.English) != "Make sure that the server is started." {
		t.Fatalf("%+v", ex)
	}
	ex, ok = Explain(10061, msgs.French)
	if !ok || ex.Doc.Action(msgs.French) != "Assurez-vous que le serveur a été démarré." {
		t.Fatalf("%+v", ex)
	}
	ex, ok = Explain(18456, msgs.English)
	if !ok || !ex.HasDoc || ex.Doc.English != "Login failed for user '%.*ls'.%.*ls%.*ls" || ex.Doc.ExplainEN == "" {
		t.Fatalf("%+v", ex)
	}
	ex, ok = Explain(258, msgs.English)
	if !ok || ex.Symbol != "WAIT_TIMEOUT" || ex.HasDoc {
		t.Fatalf("%+v", ex)
	}
	if _, ok := Explain(123456, msgs.English); ok {
		t.Fatal("unknown number")
	}
}
