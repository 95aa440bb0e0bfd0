package service

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestConfigDefaults(t *testing.T) {
	c, err := ParseConfig(nil, "")
	if err != nil {
		t.Fatal(err)
	}
	for k, want := range map[string]string{
		"network.tcpport": "1433", "network.tcpenabled": "1", "network.forceencryption": "0",
		"network.tlsprotocols": "1.2", "sqlserver.collation": "SQL_Latin1_General_CP1_CI_AS",
		"language.lcid": "1033", "sqlserver.edition": "Developer", "network.dacport": "1434",
		"sqlserver.userconnections": "0", "network.hideinstance": "0",
	} {
		if got := c.Get(k); got != want {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
	named, _ := ParseConfig(nil, "sqlexpress")
	if got := named.Get("network.tcpport"); got != "0" {
		t.Errorf("named instance tcpport default = %q, want 0 (dynamic)", got)
	}
}

func TestConfigSetValidation(t *testing.T) {
	c, _ := ParseConfig(nil, "")
	cases := []struct {
		key, val, want string
		errSub         []string
	}{
		{"network.tcpport", "1401", "1401", nil},
		{"network.tcpport", " 0 ", "0", nil},
		{"network.tcpport", "70000", "", []string{"network.tcpport", "0 to 65535", "out of range"}},
		{"network.tcpport", "abc", "", []string{`"abc"`, "network.tcpport", "an integer from 0 to 65535 (0 = dynamic port)"}},
		{"network.forceencryption", "true", "1", nil},
		{"network.forceencryption", "off", "0", nil},
		{"network.forceencryption", "2", "", []string{"network.forceencryption", "0 or 1"}},
		{"network.tlsprotocols", "1.3, 1.2,1.2", "1.3,1.2", nil},
		{"network.tlsprotocols", "1.2,1.4", "", []string{"network.tlsprotocols", `"1.4" is not allowed`, "1.0, 1.1, 1.2, 1.3"}},
		{"network.ipaddress", "10.0.0.5", "10.0.0.5", nil},
		{"network.ipaddress", "::1", "::1", nil},
		{"network.ipaddress", "host.example", "", []string{"network.ipaddress", "not an IP address"}},
		{"sqlserver.edition", "express", "Express", nil},
		{"sqlserver.edition", "ABCDE-12345-FGHIJ-67890-KLMNO", "ABCDE-12345-FGHIJ-67890-KLMNO", nil},
		{"sqlserver.edition", "Web", "", []string{"sqlserver.edition", "Developer, Express, Standard, Enterprise, EnterpriseCore, Evaluation"}},
		{"language.lcid", "1036", "1036", nil},
		{"language.lcid", "9999", "", []string{"language.lcid", "1033"}},
		{"sqlserver.collation", "French_CI_AS", "French_CI_AS", nil},
		{"sqlserver.collation", "Latin1_General_100_BIN2", "Latin1_General_100_BIN2", nil},
		{"sqlserver.collation", "Latin1", "", []string{"sqlserver.collation", "_CI/_CS"}},
		{"sqlserver.userconnections", "32768", "", []string{"0 to 32767"}},
		{"network.tlscert", "relative.pem", "", []string{"absolute"}},
		{"NETWORK.TCPPORT", "1500", "1500", nil},
	}
	for _, tc := range cases {
		_, err := c.Set(tc.key, tc.val)
		if tc.errSub != nil {
			if err == nil {
				t.Errorf("Set(%s, %q) accepted", tc.key, tc.val)
				continue
			}
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Errorf("Set(%s, %q): %T, want *ValidationError", tc.key, tc.val, err)
			}
			for _, s := range tc.errSub {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("Set(%s, %q) error %q lacks %q", tc.key, tc.val, err, s)
				}
			}
			continue
		}
		if err != nil {
			t.Errorf("Set(%s, %q): %v", tc.key, tc.val, err)
			continue
		}
		if got := c.Get(tc.key); got != tc.want {
			t.Errorf("after Set(%s, %q) Get = %q, want %q", tc.key, tc.val, got, tc.want)
		}
	}
}

func TestConfigUnknownKey(t *testing.T) {
	c, _ := ParseConfig(nil, "")
	_, err := c.Set("network.port", "1")
	var ue *UnknownSettingError
	if !errors.As(err, &ue) {
		t.Fatalf("err = %v, want *UnknownSettingError", err)
	}
	if !strings.Contains(err.Error(), "network.tcpport") {
		t.Errorf("no suggestion in %q", err)
	}
}

func TestConfigFileRoundTrip(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "mssql.conf")
	orig := "[EULA]\naccepteula = Y\n\n# operator's note\n[network]\ntcpport = 1401\n\n[traceflag]\ntraceflag0 = 1204\n"
	if err := os.WriteFile(path, []byte(orig), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := LoadConfig(path, "")
	if err != nil {
		t.Fatal(err)
	}
	if c.Int("network.tcpport") != 1401 || !c.IsSet("network.tcpport") {
		t.Fatalf("tcpport = %d", c.Int("network.tcpport"))
	}
	if _, err := c.Set("network.forceencryption", "1"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Unset("network.tcpport"); err != nil {
		t.Fatal(err)
	}
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	text := string(b)
	for _, want := range []string{"accepteula = Y", "traceflag0 = 1204", "forceencryption = 1", "operator's note"} {
		if !strings.Contains(text, want) {
			t.Errorf("saved file lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "tcpport") {
		t.Errorf("unset key still in file:\n%s", text)
	}
	c2, _ := LoadConfig(path, "")
	if c2.Get("network.tcpport") != "1433" || !c2.Bool("network.forceencryption") {
		t.Errorf("reload: tcpport %s forceencryption %v", c2.Get("network.tcpport"), c2.Bool("network.forceencryption"))
	}
	if u := c2.Unknown(); len(u) != 0 {
		t.Errorf("Unknown = %v", u)
	}
}

func TestConfigValidateFile(t *testing.T) {
	c, _ := ParseConfig([]byte("[network]\ntcpport = 99999\nbogus = 1\n[memory]\nmemorylimitmb = 64\n"), "")
	err := c.Validate()
	if err == nil || !strings.Contains(err.Error(), "network.tcpport") || !strings.Contains(err.Error(), "memory.memorylimitmb") {
		t.Fatalf("Validate = %v", err)
	}
	if u := c.Unknown(); len(u) != 1 || u[0] != "network.bogus" {
		t.Errorf("Unknown = %v", u)
	}
	var invalid int
	for _, e := range c.List() {
		if e.Invalid != "" {
			invalid++
		}
	}
	if invalid != 2 {
		t.Errorf("List marks %d invalid entries, want 2", invalid)
	}
}

func TestPendingChanges(t *testing.T) {
	c, _ := ParseConfig(nil, "")
	eff := c.Effective()
	c.Set("network.tcpport", "1500")     // restart: pending
	c.Set("network.hideinstance", "1")   // immediate: never pending
	c.Set("network.tlsprotocols", "1.2") // same as running: not pending
	p := pending(eff, c)
	if len(p) != 1 || p[0] != (PendingChange{Key: "network.tcpport", Running: "1433", Configured: "1500"}) {
		t.Fatalf("pending = %+v", p)
	}
}

func TestSetConfigWritesFile(t *testing.T) {
	home := t.TempDir()
	s, err := SetConfig(home, "", "network.tcpport", "1402")
	if err != nil {
		t.Fatal(err)
	}
	if !s.Restart {
		t.Error("tcpport should need a restart")
	}
	p, cfg, err := ResolvePaths(home, "")
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Get("network.tcpport") != "1402" || !fileExists(p.Conf) {
		t.Fatalf("file not written: %s", p.Conf)
	}
	if _, err := SetConfig(home, "", "network.tcpport", "x"); err == nil {
		t.Fatal("bad value accepted")
	}
	if _, err := UnsetConfig(home, "", "network.tcpport"); err != nil {
		t.Fatal(err)
	}
	_, cfg, _ = ResolvePaths(home, "")
	if cfg.Get("network.tcpport") != "1433" {
		t.Error("unset did not restore default")
	}
	if !strings.Contains(RestartMessage("sqlexpress"), "--instance SQLEXPRESS") {
		t.Error(RestartMessage("sqlexpress"))
	}
}

func TestInstanceNames(t *testing.T) {
	for in, want := range map[string]string{"": "MSSQLSERVER", "sqlexpress": "SQLEXPRESS", "Dev_1": "DEV_1"} {
		if got, err := NormalizeInstance(in); err != nil || got != want {
			t.Errorf("NormalizeInstance(%q) = %q, %v", in, got, err)
		}
	}
	for _, bad := range []string{"default", "1abc", "a b", "x/y", "averyveryverylongname"} {
		if _, err := NormalizeInstance(bad); err == nil {
			t.Errorf("NormalizeInstance(%q) accepted", bad)
		}
	}
}

func TestGetListConfig(t *testing.T) {
	home := t.TempDir()
	SetConfig(home, "", "network.tcpport", "1444")
	e, err := GetConfig(home, "", "Network.TcpPort")
	if err != nil || e.Value != "1444" || e.Default != "1433" || !e.Set || !e.Restart || e.Kind != "int" {
		t.Fatalf("GetConfig = %+v %v", e, err)
	}
	if _, err := GetConfig(home, "", "nope.nope"); err == nil {
		t.Error("unknown key")
	}
	all, err := ListConfig(home, "")
	if err != nil || len(all) != len(Settings()) {
		t.Fatalf("ListConfig: %d entries, %v", len(all), err)
	}
	for _, e := range all {
		if e.Key == "memory.memorylimitmb" && e.Default != "80% of physical memory" {
			t.Errorf("computed default shown as %q", e.Default)
		}
	}
}
