package client

import (
	"reflect"
	"testing"
	"time"
)

func TestSplitConnString(t *testing.T) {
	cases := []struct {
		in   string
		want []Pair
	}{
		{"Server=db1;Database=x", []Pair{{"server", "db1"}, {"database", "x"}}},
		{" Server = db1 ; ;Database= x ;", []Pair{{"server", "db1"}, {"database", "x"}}},
		{"Password='a;b'", []Pair{{"password", "a;b"}}},
		{"Password='it''s'", []Pair{{"password", "it's"}}},
		{`Password="say ""hi"""`, []Pair{{"password", `say "hi"`}}},
		{`Password="it's"`, []Pair{{"password", "it's"}}},
		{"Password={a;b}}c}", []Pair{{"password", "a;b}c"}}},
		{"Password={ spaced }", []Pair{{"password", " spaced "}}},
		{"Pass==word=x", []Pair{{"pass=word", "x"}}},
		{"User  ID=sa", []Pair{{"user id", "sa"}}},
		{"Password=", []Pair{{"password", ""}}},
		{"Password='' ; Database=d", []Pair{{"password", ""}, {"database", "d"}}},
		{"a=1;A=2", []Pair{{"a", "1"}, {"a", "2"}}},
		{"", nil},
	}
	for _, c := range cases {
		got, err := SplitConnString(c.in)
		if err != nil {
			t.Errorf("%q: %v", c.in, err)
			continue
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("SplitConnString(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	for _, bad := range []string{"Server", "Server;Database=x", "Password='abc", "Password={abc", "Password='a'b", "=x"} {
		if _, err := SplitConnString(bad); err == nil {
			t.Errorf("SplitConnString(%q) should fail", bad)
		}
	}
}

func TestParseADO(t *testing.T) {
	c, err := Parse(`Server=tcp:db1,1500;Initial Catalog=shop;User Id=sa;Password="p;w";Encrypt=yes;TrustServerCertificate=True;Connect Timeout=30;Application Name=app;Current Language=Français;Packet Size=8000;WSID=ws;MultiSubnetFailover=yes;ApplicationIntent=ReadOnly;Pooling=false`)
	if err != nil {
		t.Fatal(err)
	}
	want := Target{Protocol: ProtoTCP, Host: "db1", Port: 1500}
	if c.Target != want || c.Server != "tcp:db1,1500" || c.Database != "shop" || c.User != "sa" || c.Password != "p;w" ||
		c.Encrypt != EncryptMandatory || !c.TrustServerCertificate || c.ConnectTimeout != 30*time.Second ||
		c.AppName != "app" || c.Language != "Français" || c.PacketSize != 8000 || c.Workstation != "ws" ||
		!c.MultiSubnetFailover || !c.ReadOnlyIntent || c.Extra["pooling"] != "false" || c.CommandTimeout != DefaultCommandTimeout {
		t.Fatalf("%+v", c)
	}
}

func TestKeywordSynonyms(t *testing.T) {
	for _, k := range []string{"Server", "Data Source", "Address", "Addr", "Network Address", "DATA  SOURCE"} {
		c, err := Parse(k + `=h\i`)
		if err != nil || c.Target.Host != "h" || c.Target.Instance != "i" {
			t.Errorf("%s: %+v %v", k, c, err)
		}
	}
	for _, k := range []string{"Database", "Initial Catalog"} {
		if c, err := Parse(k + "=d"); err != nil || c.Database != "d" {
			t.Errorf("%s: %v", k, err)
		}
	}
	for _, k := range []string{"User Id", "UID", "User", "user id"} {
		if c, err := Parse(k + "=u"); err != nil || c.User != "u" {
			t.Errorf("%s: %v", k, err)
		}
	}
	for _, k := range []string{"Password", "PWD"} {
		if c, err := Parse(k + "=p"); err != nil || c.Password != "p" {
			t.Errorf("%s: %v", k, err)
		}
	}
	for _, k := range []string{"Connect Timeout", "Connection Timeout", "Timeout"} {
		if c, err := Parse(k + "=0"); err != nil || c.ConnectTimeout != 0 {
			t.Errorf("%s: %v", k, err)
		}
	}
	for _, k := range []string{"Application Name", "App"} {
		if c, err := Parse(k + "=a"); err != nil || c.AppName != "a" {
			t.Errorf("%s: %v", k, err)
		}
	}
	for _, v := range []string{"true", "yes", "SSPI"} {
		if c, err := Parse("Integrated Security=" + v); err != nil || !c.Integrated {
			t.Errorf("Integrated Security=%s: %v", v, err)
		}
	}
	if c, err := Parse("Trusted_Connection=no"); err != nil || c.Integrated {
		t.Errorf("Trusted_Connection: %v", err)
	}
	enc := map[string]EncryptMode{"true": EncryptMandatory, "Mandatory": EncryptMandatory, "no": EncryptOptional,
		"optional": EncryptOptional, "false": EncryptOptional, "strict": EncryptStrict, "disable": EncryptDisable}
	for v, m := range enc {
		if c, err := Parse("Encrypt=" + v); err != nil || c.Encrypt != m {
			t.Errorf("Encrypt=%s: %v %v", v, c.Encrypt, err)
		}
	}
	// Later duplicates win, as in SqlClient.
	if c, _ := Parse("Database=a;Initial Catalog=b"); c.Database != "b" {
		t.Errorf("duplicate: %q", c.Database)
	}
	// go-mssqldb's separate port keyword; a port in the server name wins.
	if c, _ := Parse("server=db1;port=1500"); c.Target.Port != 1500 {
		t.Errorf("port keyword: %+v", c.Target)
	}
	if c, _ := Parse("port=1500;server=db1,1600"); c.Target.Port != 1600 {
		t.Errorf("port precedence: %+v", c.Target)
	}
	// No server means the local default instance.
	if c, _ := Parse("Database=x"); !c.Target.Local || c.Target.Host != "localhost" {
		t.Errorf("default server: %+v", c.Target)
	}
	if c, err := Parse("odbc:server={db1};uid=sa;pwd={a}}b}"); err != nil || c.Target.Host != "db1" || c.Password != "a}b" {
		t.Errorf("odbc: %+v %v", c, err)
	}
}

func TestParseADOErrors(t *testing.T) {
	for _, bad := range []string{
		"Encrypt=maybe", "Connect Timeout=-1", "Connect Timeout=abc", "TrustServerCertificate=perhaps",
		"Server=db1,99999", "Packet Size=10", "ApplicationIntent=sideways", "port=x;server=h", "Server=lpc:remote",
	} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q) should fail", bad)
		}
	}
}

func TestParseURL(t *testing.T) {
	c, err := Parse("sqlserver://sa:p%40ss@db1:1500/INST?database=shop&encrypt=disable&connection+timeout=5&app+name=x&TrustServerCertificate=true&dial+timeout=3&keepAlive=30")
	if err != nil {
		t.Fatal(err)
	}
	if c.User != "sa" || c.Password != "p@ss" || c.Target != (Target{Host: "db1", Port: 1500, Instance: "INST"}) ||
		c.Database != "shop" || c.Encrypt != EncryptDisable || c.ConnectTimeout != 5*time.Second || c.AppName != "x" ||
		!c.TrustServerCertificate || c.DialTimeout != 3*time.Second || c.Extra["keepalive"] != "30" {
		t.Fatalf("%+v", c)
	}
	c, err = Parse("sqlserver://[::1]:1433")
	if err != nil || c.Target.Host != "::1" || c.Target.Port != 1433 || !c.Target.Local {
		t.Fatalf("%+v %v", c, err)
	}
	c, err = Parse("SQLSERVER://localhost?initial+catalog=d&user+id=u&password=p")
	if err != nil || c.Database != "d" || c.User != "u" || c.Password != "p" {
		t.Fatalf("%+v %v", c, err)
	}
	for _, bad := range []string{"sqlserver://h/a/b", "sqlserver://h?encrypt=perhaps", "sqlserver://h:99999", "sqlserver://h?server=x", "sqlserver://bad host"} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q) should fail", bad)
		}
	}
}

func TestRenderRoundTrip(t *testing.T) {
	in := `Server=db1\INST,1500;Database=shop;User ID=sa;Password="p;w'x";Encrypt=strict;TrustServerCertificate=true;Connect Timeout=7;Application Name=my app;Current Language=French`
	c, err := Parse(in)
	if err != nil {
		t.Fatal(err)
	}
	u, err := Parse(c.URL())
	if err != nil {
		t.Fatalf("URL %q: %v", c.URL(), err)
	}
	if u.Target != c.Target || u.Database != c.Database || u.User != c.User || u.Password != c.Password ||
		u.Encrypt != c.Encrypt || u.TrustServerCertificate != c.TrustServerCertificate || u.ConnectTimeout != c.ConnectTimeout ||
		u.AppName != c.AppName || u.Language != c.Language {
		t.Fatalf("URL round trip:\n%+v\n%+v", c, u)
	}
	a, err := Parse(c.ADO(true))
	if err != nil {
		t.Fatalf("ADO %q: %v", c.ADO(true), err)
	}
	if a.Target != c.Target || a.Password != c.Password || a.Database != c.Database || a.AppName != c.AppName || a.Encrypt != c.Encrypt {
		t.Fatalf("ADO round trip:\n%+v\n%+v", c, a)
	}
	if s := c.ADO(false); s == c.ADO(true) {
		t.Fatal("ADO(false) must omit the password")
	}
	if QuoteValue("plain") != "plain" || QuoteValue("a;b") != `"a;b"` || QuoteValue(`a"b;`) != `'a"b;'` || QuoteValue(`it's"`) != `'it''s"'` {
		t.Fatal("QuoteValue")
	}
}
