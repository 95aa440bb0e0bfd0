package sqlcmd_test

import (
	"bytes"
	"context"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tsqld/tsqld/client/sqlcmd"
	"github.com/tsqld/tsqld/embed"
	"github.com/tsqld/tsqld/service"
)

// startServer starts an in-memory tsqld and returns its -S value and the
// sa password.
func startServer(t *testing.T) (string, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	srv, err := embed.Start(ctx, embed.Config{ServerName: "TESTSRV", Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatalf("embed.Start: %v", err)
	}
	t.Cleanup(func() { srv.Close() })
	host, port, _ := net.SplitHostPort(srv.Addr())
	return host + "," + port, srv.Password()
}

func runSQL(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	code := sqlcmd.RunEnv(ctx, args, strings.NewReader(stdin), &out, &errb,
		sqlcmd.Env{Getenv: func(string) string { return "" }})
	return out.String(), errb.String(), code
}

func TestEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a server")
	}
	server, pw := startServer(t)
	base := []string{"-S", server, "-U", "sa", "-P", pw}

	t.Run("select", func(t *testing.T) {
		out, errOut, code := runSQL(t, "", append(base, "-Q", "SELECT 1 AS a, N'abc' AS b")...)
		want := "a           b  \n----------- ---\n          1 abc\n\n(1 row affected)\n"
		if out != want || code != 0 {
			t.Fatalf("code %d\nout:\n%q\nwant:\n%q\nstderr: %s", code, out, want, errOut)
		}
	})
	t.Run("print", func(t *testing.T) {
		out, _, code := runSQL(t, "", append(base, "-Q", "PRINT 'hello'")...)
		if out != "hello\n" || code != 0 {
			t.Fatalf("code %d out %q", code, out)
		}
	})
	t.Run("error and -b", func(t *testing.T) {
		out, _, code := runSQL(t, "", append(base, "-b", "-Q", "SELECT * FROM nosuchtable")...)
		want := "Msg 208, Level 16, State 1, Server TESTSRV, Line 1\nInvalid object name 'nosuchtable'.\n"
		if out != want || code != 1 {
			t.Fatalf("code %d\nout %q\nwant %q", code, out, want)
		}
		_, _, code = runSQL(t, "", append(base, "-Q", "SELECT * FROM nosuchtable")...)
		if code != 0 {
			t.Fatalf("without -b: exit %d, want 0", code)
		}
	})
	t.Run("throw", func(t *testing.T) {
		out, _, _ := runSQL(t, "", append(base, "-Q", "THROW 50001, 'boom', 3")...)
		want := "Msg 50001, Level 16, State 3, Server TESTSRV, Line 1\nboom\n"
		if out != want {
			t.Fatalf("out %q want %q", out, want)
		}
	})
	t.Run("script", func(t *testing.T) {
		script := ":setvar v 42\nSELECT $(v) AS x\nGO 2\nPRINT 'done'\n"
		out, errOut, code := runSQL(t, script, base...)
		one := "x          \n-----------\n         42\n\n(1 row affected)\n"
		want := one + one + "done\n"
		if out != want || code != 0 {
			t.Fatalf("code %d\nout %q\nwant %q\nerr %s", code, out, want, errOut)
		}
	})
	t.Run("exit(query)", func(t *testing.T) {
		_, _, code := runSQL(t, ":exit(SELECT 7)\n", base...)
		if code != 7 {
			t.Fatalf("exit code %d, want 7", code)
		}
	})
	t.Run("login failed", func(t *testing.T) {
		_, errOut, code := runSQL(t, "", "-S", server, "-U", "sa", "-P", "wrong", "-Q", "SELECT 1")
		want := "Sqlcmd: Error: Microsoft ODBC Driver 18 for SQL Server : Login failed for user 'sa'..\n" +
			"To find out why: tsqld doctor " + server + " -U sa\n"
		if errOut != want || code != 1 {
			t.Fatalf("code %d\nstderr %q\nwant %q", code, errOut, want)
		}
	})
	t.Run("multiple result sets and formats", func(t *testing.T) {
		q := "SELECT 1 AS a; PRINT 'mid'; SELECT N'x' AS b, 2 AS c"
		out, _, _ := runSQL(t, "", append(base, "-Q", q)...)
		want := "a          \n-----------\n          1\n\n(1 row affected)\nmid\n" +
			"b c          \n- -----------\nx           2\n\n(1 row affected)\n"
		if out != want {
			t.Errorf("default:\n%q\nwant\n%q", out, want)
		}
		out, _, _ = runSQL(t, "", append(base, "-h", "-1", "-W", "-s", ",", "-Q", "SET NOCOUNT ON; SELECT 1 AS a, N'x' AS b")...)
		if out != "1,x\n\n" {
			t.Errorf("-h-1 -W -s,: %q", out)
		}
	})
	t.Run("input files with :r and -v", func(t *testing.T) {
		dir := t.TempDir()
		inc := filepath.Join(dir, "inc.sql")
		main := filepath.Join(dir, "main.sql")
		os.WriteFile(inc, []byte("PRINT '$(greeting)'\n"), 0o644)
		os.WriteFile(main, []byte(":r "+inc+"\nGO\nSELECT $(n) AS n\n"), 0o644)
		out, errOut, code := runSQL(t, "", append(base, "-v", "greeting=hi", "n=3", "-i", main)...)
		want := "hi\nn          \n-----------\n          3\n\n(1 row affected)\n"
		if out != want || code != 0 {
			t.Errorf("code %d out %q want %q err %q", code, out, want, errOut)
		}
	})
	t.Run("-o and -e", func(t *testing.T) {
		file := filepath.Join(t.TempDir(), "out.txt")
		out, _, _ := runSQL(t, "", append(base, "-e", "-o", file, "-Q", "PRINT 'x'")...)
		b, _ := os.ReadFile(file)
		if out != "" || string(b) != "PRINT 'x'\nx\n" {
			t.Errorf("stdout %q file %q", out, b)
		}
	})
	t.Run(":connect", func(t *testing.T) {
		script := ":connect " + server + " -U sa -P " + pw + "\nPRINT 'again'\nGO\n:connect 127.0.0.1,1 -l 1\n"
		out, errOut, _ := runSQL(t, script, base...)
		if out != "again\n" || !strings.Contains(errOut, "TCP Provider: Error code 0x274D.") || !strings.Contains(errOut, "tsqld doctor 127.0.0.1,1") {
			t.Errorf("out %q err %q", out, errOut)
		}
	})
	t.Run("interrupt cancels the batch, not the shell", func(t *testing.T) {
		intr := make(chan os.Signal, 1)
		go func() {
			time.Sleep(500 * time.Millisecond)
			intr <- os.Interrupt
		}()
		var out, errb bytes.Buffer
		start := time.Now()
		code := sqlcmd.RunEnv(context.Background(), base,
			strings.NewReader("WAITFOR DELAY '00:00:10'\nGO\nPRINT 'after'\nGO\n"), &out, &errb,
			sqlcmd.Env{Getenv: func(string) string { return "" }, Interrupt: intr})
		if d := time.Since(start); d > 8*time.Second {
			t.Fatalf("batch not cancelled (%v)", d)
		}
		want := "Sqlcmd: Warning: The last operation was terminated because the user pressed CTRL+C.\nafter\n"
		if out.String() != want || code != 0 {
			t.Errorf("code %d out %q err %q", code, out.String(), errb.String())
		}
	})
	t.Run("USE prints the context change", func(t *testing.T) {
		out, _, _ := runSQL(t, "", append(base, "-Q", "USE master")...)
		if out != "Changed database context to 'master'.\n" {
			t.Errorf("out %q", out)
		}
	})
	t.Run("types and widths", func(t *testing.T) {
		q := "SELECT CAST(5 AS bigint) AS b, CAST(1.5 AS decimal(5,2)) AS d, CAST(NULL AS int) AS n"
		out, errOut, _ := runSQL(t, "", append(base, "-Q", q)...)
		want := "b                    d       n          \n" +
			"-------------------- ------- -----------\n" +
			"                   5    1.50        NULL\n\n(1 row affected)\n"
		if out != want {
			t.Errorf("out\n%q\nwant\n%q\nerr %q", out, want, errOut)
		}
	})
	t.Run("-t query timeout", func(t *testing.T) {
		out, _, code := runSQL(t, "", append(base, "-b", "-t", "1", "-Q", "WAITFOR DELAY '00:00:05'")...)
		if out != "Sqlcmd: Error: Microsoft ODBC Driver 18 for SQL Server : Query timeout expired.\n" || code != 1 {
			t.Errorf("exit %d out %q", code, out)
		}
	})
	t.Run("4060", func(t *testing.T) {
		_, errOut, code := runSQL(t, "", append(base, "-d", "nosuchdb", "-Q", "SELECT 1")...)
		want := "Sqlcmd: Error: Microsoft ODBC Driver 18 for SQL Server : Cannot open database \"nosuchdb\" requested by the login. The login failed..\n" +
			"Sqlcmd: Error: Microsoft ODBC Driver 18 for SQL Server : Login failed for user 'sa'..\n" +
			"To find out why: tsqld doctor " + server + " -U sa -d nosuchdb\n"
		if errOut != want || code != 1 {
			t.Errorf("code %d\n%q\nwant\n%q", code, errOut, want)
		}
	})
}

func TestEndToEndLocalSocket(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a server")
	}
	home := t.TempDir()
	paths, _, err := service.ResolvePaths(home, service.DefaultInstance)
	if err != nil || len(paths.LocalSocket) > 100 {
		t.Skip("no usable socket path")
	}
	os.MkdirAll(filepath.Dir(paths.LocalSocket), 0o700)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	srv, err := embed.Start(ctx, embed.Config{ServerName: "SOCKSRV", UnixSocket: paths.LocalSocket, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	var out, errb bytes.Buffer
	code := sqlcmd.RunEnv(ctx, []string{"-S", "lpc:.", "-U", "sa", "-P", srv.Password(), "-h-1", "-Q", "SELECT @@SERVERNAME"},
		strings.NewReader(""), &out, &errb, sqlcmd.Env{Getenv: func(string) string { return "" }, Home: home})
	if code != 0 || !strings.HasPrefix(out.String(), "SOCKSRV") {
		t.Fatalf("exit %d out %q err %q", code, out.String(), errb.String())
	}
}
