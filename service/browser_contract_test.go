package service

import (
	"context"
	"testing"
	"time"

	"github.com/tsqld/tsqld/browser"
)

// The Browser reads the runtime file the service writes: this pins the
// contract between the two packages (ports actually listening; a pending
// port change not advertised; HideInstance applied at once).
func TestBrowserSeesRunningInstance(t *testing.T) {
	home := t.TempDir()
	inst := &tcpInstance{addr: "127.0.0.1:0"}
	svc, done := runService(t, home, "named2", inst, nil)
	port := inst.Endpoints()[0].Port

	srv, err := browser.Listen("127.0.0.1:0", browser.HomeSource{Home: home})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go srv.Serve(ctx)
	c := &browser.Client{Timeout: 2 * time.Second}
	addr := srv.Addr().String()

	if got, err := c.Resolve(ctx, addr, "named2"); err != nil || got != port {
		t.Fatalf("Resolve = %d %v, want %d", got, err, port)
	}
	SetConfig(home, "named2", "network.tcpport", "1599")
	if got, _ := c.Resolve(ctx, addr, "NAMED2"); got != port {
		t.Errorf("after a pending port change the Browser advertises %d, want the listening %d", got, port)
	}
	SetConfig(home, "named2", "network.hideinstance", "1")
	if recs, err := (&browser.Client{Timeout: 200 * time.Millisecond}).List(ctx, addr); err == nil && len(recs) > 0 {
		t.Errorf("hidden instance still listed: %+v", recs)
	}
	SetConfig(home, "named2", "network.hideinstance", "0")

	svc.Stop(false)
	<-done
	if recs, err := (&browser.Client{Timeout: 200 * time.Millisecond}).List(ctx, addr); err == nil {
		t.Errorf("stopped instance still listed: %+v", recs)
	}
}
