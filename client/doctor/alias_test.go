package doctor

import (
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tsqld/tsqld/browser"
	"github.com/tsqld/tsqld/client"
)

func TestAliasLayer(t *testing.T) {
	file := filepath.Join(t.TempDir(), "aliases.ini")
	good := fakeServer(t, fakeError{18456, 14, "Login failed for user 'sa'."})
	dead := closedPort(t)
	for name, target := range map[string]string{"GOOD": "tcp:127.0.0.1," + strconv.Itoa(good), "DEAD": "tcp:127.0.0.1," + strconv.Itoa(dead)} {
		if err := client.SetAlias(file, name, target); err != nil {
			t.Fatal(err)
		}
	}
	// A silent Browser (nothing on that UDP port) must not change the verdict.
	br := &browser.Client{Port: closedPort(t), Timeout: 200 * time.Millisecond}

	r := diagnose(t, Options{Target: "good", User: "sa", Password: "x", AliasFile: file, NoLocal: true, Browser: br})
	if l := r.Layer(LayerAlias); l == nil || l.Status != OK || !strings.Contains(l.Summary, "GOOD → tcp:127.0.0.1,"+strconv.Itoa(good)) {
		t.Fatalf("alias layer for GOOD: %+v", l)
	}
	if r.FailedLayer() != LayerLogin {
		t.Errorf("GOOD: failed layer %q; want login (the alias led to the server)", r.FailedLayer())
	}

	r = diagnose(t, Options{Target: "dead", AliasFile: file, NoLocal: true, Browser: br})
	if r.FailedLayer() != LayerAlias || !reflect.DeepEqual(causeIDs(r), []string{"alias-nothing"}) || r.Failure.Number != 10061 {
		t.Fatalf("DEAD: failed %q causes %v number %d", r.FailedLayer(), causeIDs(r), r.Failure.Number)
	}
	if fix := r.Failure.Causes[0].Fix; !strings.Contains(fix, "tsqld config alias set DEAD tcp:127.0.0.1,<port>") ||
		!strings.Contains(fix, "tsqld config alias unset DEAD") {
		t.Errorf("DEAD fix: %q", fix)
	}
	for _, l := range r.Layers {
		if l.Name == LayerTCP && l.Status != Skipped {
			t.Errorf("layers after the alias ran: %+v", r.Layers)
		}
	}

	// A name that is not an alias goes on as a host name, and says so.
	r = diagnose(t, Options{Target: "127.0.0.1," + strconv.Itoa(dead), AliasFile: file, NoLocal: true, Browser: br})
	if l := r.Layer(LayerAlias); l == nil || l.Status != Skipped || r.FailedLayer() != LayerTCP {
		t.Errorf("non-alias: alias layer %+v, failed %q", l, r.FailedLayer())
	}
	// No alias file configured: no alias row.
	r = diagnose(t, Options{Target: "127.0.0.1," + strconv.Itoa(dead), NoLocal: true, Browser: br})
	if r.Layer(LayerAlias) != nil {
		t.Errorf("alias row without an alias file: %+v", r.Layers)
	}
}
