package client

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tsqld/tsqld/sql/msgs"
)

// Every SNI and OS text of the catalogue comes out of ConnError in both
// languages, inside SqlClient's "(provider: …, error: n - …)" frame.
func TestConnErrorEveryCatalogueText(t *testing.T) {
	sni := msgs.All(msgs.KindSNI)
	osErrs := msgs.All(msgs.KindOS)
	if len(sni) == 0 || len(osErrs) == 0 {
		t.Fatalf("catalogue: %d SNI, %d OS entries", len(sni), len(osErrs))
	}
	for _, lang := range []msgs.Lang{msgs.English, msgs.French} {
		ctx := ctxText(lang, int32(PhaseConnect))
		for _, s := range sni {
			if s.Number == SNIOSError {
				continue
			}
			e := NewSNIError(PhaseConnect, ProviderSNI, s.Number, NumSNI, nil)
			want := fmt.Sprintf("%s (provider: %s, error: %d - %s)", ctx, e.ProviderName(lang), s.Number, s.Text(lang))
			if got := e.Message(lang); got != want {
				t.Errorf("SNI %d (%v):\n got %q\nwant %q", s.Number, lang, got, want)
			}
			if s.Text(lang) == "" {
				t.Errorf("SNI %d has no %v text", s.Number, lang)
			}
		}
		for _, o := range osErrs {
			e := NewOSError(PhaseConnect, ProviderTCP, o.Number, nil)
			if got := e.Detail(lang); got != o.Text(lang) || got == "" {
				t.Errorf("OS %d (%v): detail %q; want %q", o.Number, lang, got, o.Text(lang))
			}
			if !strings.Contains(e.Message(lang), "error: 0 - "+o.Text(lang)+")") {
				t.Errorf("OS %d (%v): message %q", o.Number, lang, e.Message(lang))
			}
			if got := e.SSMSText(lang); !strings.HasSuffix(got, fmt.Sprintf(" %d)", o.Number)) {
				t.Errorf("OS %d (%v): SSMS text %q does not end with the number", o.Number, lang, got)
			}
		}
	}
}
