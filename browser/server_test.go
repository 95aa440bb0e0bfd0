package browser

import (
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

func startServer(t *testing.T, src Source) (*Server, string) {
	t.Helper()
	s, err := Listen("127.0.0.1:0", src)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	})
	return s, s.Addr().String()
}

var testInstances = StaticSource{
	{Name: "MSSQLSERVER", ServerName: "HOST1", Version: "16.0.4000.0", TCPPort: 1433, DACPort: 1434},
	{Name: "SQLEXPRESS", ServerName: "HOST1", Version: "16.0.4000.0", TCPPort: 49974},
	{Name: "NOTCP", ServerName: "HOST1", Version: "16.0.4000.0"},
	{Name: "SECRET", ServerName: "HOST1", Version: "16.0.4000.0", TCPPort: 50000, DACPort: 50001, Hidden: true},
}

func TestUDPRoundTrip(t *testing.T) {
	_, addr := startServer(t, testInstances)
	c := &Client{Timeout: 2 * time.Second}
	ctx := context.Background()

	recs, err := c.List(ctx, addr)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 || recs[0].InstanceName != "MSSQLSERVER" || recs[1].TCPPort != 49974 || recs[2].TCPPort != 0 {
		t.Fatalf("List = %+v", recs)
	}
	if port, err := c.Resolve(ctx, addr, "sqlexpress"); err != nil || port != 49974 {
		t.Fatalf("Resolve = %d %v", port, err)
	}
	if port, err := c.ResolveDAC(ctx, addr, "MSSQLSERVER"); err != nil || port != 1434 {
		t.Fatalf("ResolveDAC = %d %v", port, err)
	}
	var nf *InstanceNotFoundError
	if _, err := c.Resolve(ctx, addr, "NOPE"); !errors.As(err, &nf) || len(nf.Available) != 3 {
		t.Fatalf("unknown instance: %v", err)
	}
	if _, err := c.Resolve(ctx, addr, "SECRET"); !errors.As(err, &nf) {
		t.Fatalf("hidden instance: %v", err)
	}
	var nt *NoTCPError
	if _, err := c.Resolve(ctx, addr, "NOTCP"); !errors.As(err, &nt) {
		t.Fatalf("no tcp: %v", err)
	}
	// No DAC / hidden: the Browser stays silent, the client times out.
	short := &Client{Timeout: 200 * time.Millisecond}
	for _, inst := range []string{"SQLEXPRESS", "SECRET"} {
		if _, err := short.ResolveDAC(ctx, addr, inst); !errors.Is(err, ErrNoResponse) {
			t.Fatalf("DAC %s: %v", inst, err)
		}
	}
}

func TestServerSilence(t *testing.T) {
	s := &Server{Source: testInstances}
	for _, req := range [][]byte{
		{0x04, 'N', 'O', 'P', 'E', 0},
		{0x04, 'S', 'E', 'C', 'R', 'E', 'T', 0},
		{0x0F, 0x01, 'S', 'Q', 'L', 'E', 'X', 'P', 'R', 'E', 'S', 'S', 0},
		{0x09},
		{},
	} {
		if out := s.Reply(nil, req); len(out) != 0 {
			t.Errorf("reply to % X: % X", req, out)
		}
	}
	empty := &Server{Source: StaticSource{{Name: "H", Hidden: true}}}
	if out := empty.Reply(nil, []byte{0x03}); len(out) != 0 {
		t.Errorf("reply with no visible instance: %q", out)
	}
	got := s.Reply(nil, []byte{0x04, 'm', 's', 's', 'q', 'l', 's', 'e', 'r', 'v', 'e', 'r', 0})
	want := "ServerName;HOST1;InstanceName;MSSQLSERVER;IsClustered;No;Version;16.0.4000.0;tcp;1433;;"
	if string(got[3:]) != want || int(got[1])|int(got[2])<<8 != len(want) {
		t.Errorf("0x04 reply %q", got)
	}
}

func TestNoBrowser(t *testing.T) {
	// A closed UDP port: ICMP unreachable or silence, both are "no response".
	pc, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := pc.LocalAddr().String()
	pc.Close()
	c := &Client{Timeout: 300 * time.Millisecond}
	if _, err := c.Resolve(context.Background(), addr, "X"); !errors.Is(err, ErrNoResponse) {
		t.Fatalf("err = %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := (&Client{Timeout: 5 * time.Second}).List(ctx, "192.0.2.1:1434"); err == nil {
		t.Fatal("List to a black hole succeeded")
	}
}

func TestHomeSource(t *testing.T) {
	home := t.TempDir()
	write := func(inst, body, conf string) {
		d := filepath.Join(home, inst)
		os.MkdirAll(d, 0o755)
		if body != "" {
			os.WriteFile(filepath.Join(d, "runtime.json"), []byte(body), 0o644)
		}
		if conf != "" {
			os.WriteFile(filepath.Join(d, "mssql.conf"), []byte(conf), 0o644)
		}
	}
	pid := strconv.Itoa(os.Getpid())
	write("MSSQLSERVER", `{"instance":"MSSQLSERVER","pid":`+pid+`,"server_name":"H","version":"16.0.4000.0","tcp_port":1433,"dac_port":1434}`, "[network]\ntcpport = 1500\n")
	write("HIDDEN", `{"instance":"HIDDEN","pid":`+pid+`,"server_name":"H","version":"16.0.4000.0","tcp_port":50001}`, "[network]\nhideinstance = 1\n")
	write("DEAD", `{"instance":"DEAD","pid":2147483000,"server_name":"H","version":"16.0.4000.0","tcp_port":50002}`, "")
	write("STOPPED", "", "[network]\ntcpport = 1600\n")
	insts, err := HomeSource{Home: home}.Instances()
	if err != nil {
		t.Fatal(err)
	}
	if len(insts) != 2 || insts[0].Name != "HIDDEN" || !insts[0].Hidden || insts[1].Name != "MSSQLSERVER" || insts[1].TCPPort != 1433 || insts[1].Hidden {
		t.Fatalf("instances %+v", insts)
	}
	// Served: the configured-but-not-restarted port 1500 is not advertised.
	_, addr := startServer(t, HomeSource{Home: home})
	recs, err := (&Client{Timeout: 2 * time.Second}).List(context.Background(), addr)
	if err != nil || len(recs) != 1 || recs[0].TCPPort != 1433 {
		t.Fatalf("List = %+v %v", recs, err)
	}
}

func TestRateLimit(t *testing.T) {
	s := &Server{RatePerSecond: 5}
	n := 0
	for i := 0; i < 50; i++ {
		if s.allow() {
			n++
		}
	}
	if n < 5 || n > 6 {
		t.Fatalf("allowed %d of 50 at 5/s", n)
	}
}
