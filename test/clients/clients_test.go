package clients

import (
	"context"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tsqld/tsqld/embed"
)

const password = "Client-Matrix-1"

// start runs an in-process server for one client test.
func start(t *testing.T) (host, port string) {
	t.Helper()
	ctx := context.Background()
	srv, err := embed.Start(ctx, embed.Config{SAPassword: password})
	if err != nil {
		t.Fatalf("embed.Start: %v", err)
	}
	t.Cleanup(func() { srv.Close() })
	h, p, err := net.SplitHostPort(srv.Addr())
	if err != nil {
		t.Fatal(err)
	}
	return h, p
}

// need returns the path of a client program or fails/skips the test.
func need(t *testing.T, path string) {
	t.Helper()
	if _, err := os.Stat(path); err == nil {
		return
	}
	if _, err := exec.LookPath(path); err == nil {
		return
	}
	if os.Getenv("TSQLD_CLIENT_TESTS") != "" {
		t.Fatalf("client %s is not installed (run scripts/install-clients.sh)", path)
	}
	t.Skipf("client %s is not installed; scripts/test.sh installs it", path)
}

func run(t *testing.T, dir string, stdin string, name string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	if stdin != "" {
		cmd.Stdin = strings.NewReader(stdin)
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Logf("%s output:\n%s", name, out)
		t.Fatalf("%s: %v", name, err)
	}
	return string(out)
}

// checkLines asserts that every want line appears in out.
func checkLines(t *testing.T, out string, want ...string) {
	t.Helper()
	have := map[string]bool{}
	for _, l := range strings.Split(out, "\n") {
		have[strings.TrimSpace(l)] = true
	}
	for _, w := range want {
		if !have[w] {
			t.Errorf("missing line %q in output:\n%s", w, out)
		}
	}
}

var scenarioLines = []string{
	"select=1|héllo|12.34",
	"params=42|x'y",
	"count=2",
	"done=ok",
}

func TestPymssql(t *testing.T) {
	need(t, "/usr/bin/python3")
	if err := exec.Command("/usr/bin/python3", "-c", "import pymssql").Run(); err != nil {
		if os.Getenv("TSQLD_CLIENT_TESTS") != "" {
			t.Fatal("python3-pymssql is not installed")
		}
		t.Skip("python3-pymssql is not installed")
	}
	host, port := start(t)
	out := run(t, "python", "", "/usr/bin/python3", "scenario.py", host, port, "sa", password)
	checkLines(t, out, append(scenarioLines, "error=50001")...)
}

func TestTedious(t *testing.T) {
	need(t, "node/node_modules/tedious")
	for _, encrypt := range []string{"false", "true"} {
		t.Run("encrypt="+encrypt, func(t *testing.T) {
			host, port := start(t)
			out := run(t, "node", "", "node", "scenario.js", host, port, "sa", password, encrypt)
			checkLines(t, out, append(scenarioLines, "varchar=plain", "error=50001 boom")...)
		})
	}
}

func TestJTDS(t *testing.T) {
	need(t, "/usr/share/java/jtds.jar")
	need(t, "javac")
	dir := t.TempDir()
	src, err := filepath.Abs("java/Scenario.java")
	if err != nil {
		t.Fatal(err)
	}
	run(t, dir, "", "javac", "-d", dir, src)
	host, port := start(t)
	out := run(t, dir, "", "java", "-cp", dir+":/usr/share/java/jtds.jar", "Scenario", host, port, "sa", password)
	checkLines(t, out, append(scenarioLines, "error=50001 boom")...)
}

func TestFreeTDSTsql(t *testing.T) {
	need(t, "tsql")
	host, port := start(t)
	script := "SELECT 1 AS one, N'h\u00e9llo' AS s, CAST(12.34 AS decimal(10,2)) AS d\ngo\n" +
		"THROW 50001, 'boom', 3\ngo\nexit\n"
	out := run(t, "", script, "tsql", "-H", host, "-p", port, "-U", "sa", "-P", password, "-o", "q")
	if !strings.Contains(out, "1\théllo\t12.34") {
		t.Errorf("tsql select output unexpected:\n%s", out)
	}
	if !strings.Contains(out, "Msg 50001") || !strings.Contains(out, "boom") {
		t.Errorf("tsql did not show the THROW error:\n%s", out)
	}
}
