package sqlcmd

import (
	"bytes"
	"context"
	"net"
	"strconv"
	"strings"
	"testing"
)

func TestConnectionRefusedLines(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	server := "127.0.0.1," + strconv.Itoa(port)
	for _, tc := range []struct {
		lang  string
		lines []string
	}{
		{"en_US.UTF-8", []string{
			"Sqlcmd: Error: Microsoft ODBC Driver 18 for SQL Server : Login timeout expired.",
			"Sqlcmd: Error: Microsoft ODBC Driver 18 for SQL Server : TCP Provider: Error code 0x274D.",
			"Sqlcmd: Error: Microsoft ODBC Driver 18 for SQL Server : A network-related or instance-specific error has occurred while establishing a connection to SQL Server. Server is not found or not accessible. Check if instance name is correct and if SQL Server is configured to allow remote connections. For more information see SQL Server Books Online..",
			"To find out why: tsqld doctor " + server + " -U sa",
		}},
		{"fr_FR.UTF-8", []string{"Pour savoir pourquoi : tsqld doctor " + server + " -U sa"}},
	} {
		var out, errOut bytes.Buffer
		env := map[string]string{"LANG": tc.lang}
		code := RunEnv(context.Background(), []string{"-S", server, "-U", "sa", "-P", "x", "-Q", "SELECT 1"},
			strings.NewReader(""), &out, &errOut, Env{Getenv: func(k string) string { return env[k] }})
		if code != 1 || out.Len() != 0 {
			t.Fatalf("%s: exit %d stdout %q", tc.lang, code, out.String())
		}
		got := strings.Split(strings.TrimSuffix(errOut.String(), "\n"), "\n")
		if tc.lang == "fr_FR.UTF-8" {
			if !strings.HasPrefix(got[0], "Sqlcmd : Erreur : ") {
				t.Errorf("FR prefix: %q", got[0])
			}
			got = got[len(got)-1:]
		}
		if strings.Join(got, "\n") != strings.Join(tc.lines, "\n") {
			t.Errorf("%s:\n%s\nwant\n%s", tc.lang, strings.Join(got, "\n"), strings.Join(tc.lines, "\n"))
		}
	}
}

func TestBadServerName(t *testing.T) {
	var out, errOut bytes.Buffer
	code := RunEnv(context.Background(), []string{"-S", "tcp:host,port?", "-Q", "SELECT 1"},
		strings.NewReader(""), &out, &errOut, Env{Getenv: func(string) string { return "" }})
	if code != 1 || !strings.HasPrefix(errOut.String(), "Sqlcmd: Error: ") {
		t.Fatalf("exit %d stderr %q", code, errOut.String())
	}
}

func TestMissingInputFile(t *testing.T) {
	s, _, out := fakeShell(nil)
	runScript(s, ":r /nonexistent/x.sql\n")
	want := "Sqlcmd: Error: Error occurred while opening or operating on file /nonexistent/x.sql (Reason: The system cannot find the file specified).\n"
	if out.String() != want {
		t.Fatalf("%q", out.String())
	}
}
