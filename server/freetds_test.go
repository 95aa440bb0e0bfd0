package server

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestFreeTDS runs FreeTDS' tsql (GnuTLS) against the server in its
// encryption modes: "request" is login-only TLS 1.2, "require" full TLS,
// "off" none. The CI integration script installs freetds-bin; a machine
// without it skips this test and says so.
func TestFreeTDS(t *testing.T) {
	tsql, err := exec.LookPath("tsql")
	if err != nil {
		t.Skip("tsql (freetds-bin) not installed")
	}
	ts := startServer(t, nil)
	for _, enc := range []string{"off", "request", "require"} {
		t.Run(enc, func(t *testing.T) {
			dir := t.TempDir()
			conf := filepath.Join(dir, "freetds.conf")
			os.WriteFile(conf, []byte(fmt.Sprintf("[tsqld]\n\thost = 127.0.0.1\n\tport = %d\n\ttds version = 7.4\n\tencryption = %s\n", ts.Port(), enc)), 0o644)
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			cmd := exec.CommandContext(ctx, tsql, "-S", "tsqld", "-U", "sa", "-P", testPassword)
			cmd.Env = append(os.Environ(), "FREETDSCONF="+conf, "TDSDUMP=")
			cmd.Stdin = strings.NewReader("select * from fixed\ngo\nthrow 1\ngo\nexit\n")
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("tsql: %v\n%s", err, out)
			}
			s := string(out)
			for _, want := range []string{"café", "日本語 ✓", "12345.6789", "(1 row affected)", "Msg 50001 (severity 16, state 3)", "boom"} {
				if !strings.Contains(s, want) {
					t.Errorf("tsql output lacks %q:\n%s", want, s)
				}
			}
		})
	}
}
