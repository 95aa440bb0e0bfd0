package client

import "testing"

func TestParseServer(t *testing.T) {
	cases := []struct {
		in   string
		want Target
		str  string
		addr string // TCPAddress, "" when not directly dialable
	}{
		{"db1", Target{Host: "db1"}, "db1", "db1:1433"},
		{" db1 ", Target{Host: "db1"}, "db1", "db1:1433"},
		{"db1,1500", Target{Host: "db1", Port: 1500}, "db1,1500", "db1:1500"},
		{"db1 , 1500", Target{Host: "db1", Port: 1500}, "db1,1500", "db1:1500"},
		{`db1\SQLEXPRESS`, Target{Host: "db1", Instance: "SQLEXPRESS"}, `db1\SQLEXPRESS`, ""},
		{`db1\SQLEXPRESS,49974`, Target{Host: "db1", Instance: "SQLEXPRESS", Port: 49974}, `db1\SQLEXPRESS,49974`, "db1:49974"},
		{"db1/inst", Target{Host: "db1", Instance: "inst"}, `db1\inst`, ""},
		{"tcp:db1", Target{Protocol: ProtoTCP, Host: "db1"}, "tcp:db1", "db1:1433"},
		{"TCP:db1,1433", Target{Protocol: ProtoTCP, Host: "db1", Port: 1433}, "tcp:db1,1433", "db1:1433"},
		{`tcp:db1\inst`, Target{Protocol: ProtoTCP, Host: "db1", Instance: "inst"}, `tcp:db1\inst`, ""},
		{"10.0.0.5,1433", Target{Host: "10.0.0.5", Port: 1433}, "10.0.0.5,1433", "10.0.0.5:1433"},
		{"::1,1433", Target{Host: "::1", Local: true, Port: 1433}, "::1,1433", "[::1]:1433"},
		{"[::1]", Target{Host: "::1", Local: true}, "::1", "[::1]:1433"},
		{"fe80::1", Target{Host: "fe80::1"}, "fe80::1", "[fe80::1]:1433"},
		{"127.0.0.1", Target{Host: "127.0.0.1", Local: true}, "127.0.0.1", "127.0.0.1:1433"},
		{".", Target{Host: "localhost", Local: true}, "localhost", "localhost:1433"},
		{"(local)", Target{Host: "localhost", Local: true}, "localhost", "localhost:1433"},
		{"(LOCAL)", Target{Host: "localhost", Local: true}, "localhost", "localhost:1433"},
		{"", Target{Host: "localhost", Local: true}, "localhost", "localhost:1433"},
		{"localhost", Target{Host: "localhost", Local: true}, "localhost", "localhost:1433"},
		{`.\SQLEXPRESS`, Target{Host: "localhost", Local: true, Instance: "SQLEXPRESS"}, `localhost\SQLEXPRESS`, ""},
		{"lpc:(local)", Target{Protocol: ProtoSharedMemory, Host: "localhost", Local: true}, "lpc:localhost", ""},
		{"lpc:.", Target{Protocol: ProtoSharedMemory, Host: "localhost", Local: true}, "lpc:localhost", ""},
		{`lpc:.\INST`, Target{Protocol: ProtoSharedMemory, Host: "localhost", Local: true, Instance: "INST"}, `lpc:localhost\INST`, ""},
		{"sm:localhost", Target{Protocol: ProtoSharedMemory, Host: "localhost", Local: true}, "lpc:localhost", ""},
		{"np:db1", Target{Protocol: ProtoNamedPipe, Host: "db1"}, "np:db1", ""},
		{`np:\\db1\pipe\sql\query`, Target{Protocol: ProtoNamedPipe, Host: "db1", Pipe: `sql\query`}, `np:\\db1\pipe\sql\query`, ""},
		{`np:\\.\pipe\MSSQL$SQL2017\sql\query`, Target{Protocol: ProtoNamedPipe, Host: "localhost", Local: true, Pipe: `MSSQL$SQL2017\sql\query`, Instance: "SQL2017"}, `np:\\localhost\pipe\MSSQL$SQL2017\sql\query`, ""},
		{"admin:db1", Target{Admin: true, Host: "db1"}, "admin:db1", "db1:1434"},
		{`admin:db1\inst`, Target{Admin: true, Host: "db1", Instance: "inst"}, `admin:db1\inst`, ""},
		{"admin:tcp:db1,1500", Target{Admin: true, Protocol: ProtoTCP, Host: "db1", Port: 1500}, "admin:tcp:db1,1500", "db1:1500"},
		{`(localdb)\MSSQLLocalDB`, Target{Host: "localhost", Local: true, LocalDB: true, Instance: "MSSQLLocalDB"}, `(localdb)\MSSQLLocalDB`, ""},
		{"db1.corp.example.com,0", Target{Host: "db1.corp.example.com", Port: 0}, "db1.corp.example.com", "db1.corp.example.com:1433"},
	}
	for _, c := range cases {
		got, err := ParseServer(c.in)
		if err != nil {
			t.Errorf("ParseServer(%q): %v", c.in, err)
			continue
		}
		if got != c.want {
			t.Errorf("ParseServer(%q) = %+v, want %+v", c.in, got, c.want)
		}
		if s := got.String(); s != c.str {
			t.Errorf("ParseServer(%q).String() = %q, want %q", c.in, s, c.str)
		}
		addr, ok := got.TCPAddress()
		if addr != c.addr || ok != (c.addr != "") {
			t.Errorf("ParseServer(%q).TCPAddress() = %q %v, want %q", c.in, addr, ok, c.addr)
		}
		// The canonical form parses back to the same target.
		again, err := ParseServer(got.String())
		if err != nil || again != got {
			t.Errorf("round trip of %q: %+v %v", got.String(), again, err)
		}
	}
}

func TestParseServerErrors(t *testing.T) {
	for _, in := range []string{
		"db1,abc", "db1,70000", "db1,-1", "db1,", `db1\`, `db1\a\b`, "lpc:remotehost", "np:db1,1433",
		`np:\\db1`, `np:\\db1\pipe\`, `np:\\db1\nopipe\x`, "(localdb)", "bad host", "admin:admin:db1",
	} {
		if _, err := ParseServer(in); err == nil {
			t.Errorf("ParseServer(%q) should fail", in)
		} else if _, ok := err.(*ParseError); !ok {
			t.Errorf("ParseServer(%q): error type %T", in, err)
		}
	}
}

func TestTargetBrowserAndSocket(t *testing.T) {
	tg, _ := ParseServer(`db1\INST`)
	if !tg.UsesBrowser() || tg.UsesSocket() {
		t.Error(`db1\INST needs the Browser`)
	}
	tg, _ = ParseServer(`db1\INST,1500`)
	if tg.UsesBrowser() {
		t.Error("a port skips the Browser even with an instance")
	}
	tg, _ = ParseServer("lpc:.")
	if !tg.UsesSocket() || tg.UsesBrowser() {
		t.Error("lpc: is the socket")
	}
	if ProviderFor(ProtoSharedMemory) != ProviderSharedMemory || ProviderFor(ProtoNamedPipe) != ProviderNamedPipes || ProviderFor(ProtoAny) != ProviderTCP {
		t.Error("ProviderFor")
	}
}
