package udt

import (
	"context"
	"log/slog"
	"os"
	"os/exec"
	"testing"

	"github.com/tsqld/tsqld/embed"
)

func TestZZDebugSuite(t *testing.T) {
	if os.Getenv("UDT_DEBUG") == "" {
		t.Skip()
	}
	s, err := embed.Start(context.Background(), embed.Config{DataDir: t.TempDir(), Logger: slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	cmd := exec.Command("/tmp/mssql.test", "-test.run", "^"+os.Getenv("UDT_DEBUG")+"$", "-test.count", "1")
	cmd.Dir = os.Getenv("SRCDIR")
	cmd.Env = append(os.Environ(), "SQLSERVER_DSN="+s.DSN())
	out, _ := cmd.CombinedOutput()
	t.Log(string(out[max(0, len(out)-3000):]))
}
