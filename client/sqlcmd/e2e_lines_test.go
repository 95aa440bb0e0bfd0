package sqlcmd_test

import (
	"os"
	"path/filepath"
	"testing"
)

// Golden output of a script file: line numbers inside each batch, GO n
// repeating a failing batch, RAISERROR below and above severity 10, and
// the exit code with and without -b.
func TestEndToEndScriptLines(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a server")
	}
	server, pw := startServer(t)
	file := filepath.Join(t.TempDir(), "s.sql")
	script := "SELECT 1 AS a\nGO\nPRINT 'start'\n\nSELECT * FROM nosuch\nGO 2\n" +
		"RAISERROR('info %d', 10, 1, 7)\nRAISERROR('bad %s', 16, 2, 'x')\nSELECT 2 AS b\n"
	if err := os.WriteFile(file, []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	first := "a          \n-----------\n          1\n\n(1 row affected)\n"
	failing := "start\nMsg 208, Level 16, State 1, Server TESTSRV, Line 3\nInvalid object name 'nosuch'.\n"
	last := "info 7\nMsg 50000, Level 16, State 2, Server TESTSRV, Line 2\nbad x\n" +
		"b          \n-----------\n          2\n\n(1 row affected)\n"

	out, errOut, code := runSQL(t, "", "-S", server, "-U", "sa", "-P", pw, "-i", file)
	if want := first + failing + failing + last; out != want || code != 0 || errOut != "" {
		t.Errorf("without -b: code %d\nout:\n%q\nwant:\n%q\nstderr %q", code, out, want, errOut)
	}
	// -b: the first failing batch ends the run with exit code 1.
	out, errOut, code = runSQL(t, "", "-S", server, "-U", "sa", "-P", pw, "-b", "-i", file)
	if want := first + failing; out != want || code != 1 {
		t.Errorf("-b: code %d\nout:\n%q\nwant:\n%q\nstderr %q", code, out, want, errOut)
	}
	// -V 17: level-16 errors no longer count as failures.
	out, _, code = runSQL(t, "", "-S", server, "-U", "sa", "-P", pw, "-b", "-V", "17", "-i", file)
	if want := first + failing + failing + last; out != want || code != 0 {
		t.Errorf("-b -V 17: code %d\nout:\n%q\nwant:\n%q", code, out, want)
	}
}

// A result set begun by a statement whose error CATCH handles is closed
// before CATCH's own result set: each keeps its header.
func TestEndToEndTryCatchResultSets(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a server")
	}
	server, pw := startServer(t)
	q := "BEGIN TRY SELECT 1/0 AS x END TRY BEGIN CATCH SELECT ERROR_NUMBER() AS n END CATCH"
	out, errOut, code := runSQL(t, "", "-S", server, "-U", "sa", "-P", pw, "-Q", q)
	want := "x          \n-----------\n\nn          \n-----------\n       8134\n\n(1 row affected)\n"
	if out != want || code != 0 || errOut != "" {
		t.Errorf("code %d\nout:\n%q\nwant:\n%q\nstderr %q", code, out, want, errOut)
	}
}
