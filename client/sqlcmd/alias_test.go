package sqlcmd

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/tsqld/tsqld/client"
)

// -S NAME is looked up in the client alias file before it is parsed.
func TestResolveTargetAlias(t *testing.T) {
	file := filepath.Join(t.TempDir(), "aliases.ini")
	if err := client.SetAlias(file, "Prod", "tcp:db1.example.com,1500"); err != nil {
		t.Fatal(err)
	}
	if err := client.SetAlias(file, `OLD\INST`, "tcp:10.0.0.7,41433"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		server, host string
		port         int
	}{
		{"prod", "db1.example.com", 1500},
		{`old\inst`, "10.0.0.7", 41433}, // no Browser lookup: the alias gives the port
		{"tcp:prod,1433", "prod", 1433}, // a protocol prefix bypasses aliases
		{"other,2000", "other", 2000},
	} {
		r, err := resolveTarget(context.Background(), ConnectOptions{Server: c.server, AliasFile: file})
		if err != nil {
			t.Errorf("%s: %v", c.server, err)
			continue
		}
		if r.host != c.host || r.port != c.port || r.proto != client.ProtoTCP {
			t.Errorf("%s resolved to %s,%d (%v); want %s,%d", c.server, r.host, r.port, r.proto, c.host, c.port)
		}
	}
	// Without an alias file the name is a host.
	r, err := resolveTarget(context.Background(), ConnectOptions{Server: "prod"})
	if err != nil || r.host != "prod" || r.port != client.DefaultPort {
		t.Errorf("no alias file: %+v %v", r, err)
	}
}
