package sqlcmd

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// fakeShell runs scripts against a recorder instead of a server: each
// batch is recorded; a batch containing "FAIL" reports a severity-16
// error and "SELECT n" returns n as the first column.
func fakeShell(opt *Options) (*shell, *[]string, *bytes.Buffer) {
	if opt == nil {
		opt = &Options{Format: DefaultFormat(), BatchTerminator: "GO"}
	}
	var out bytes.Buffer
	var batches []string
	s := &shell{opt: opt, vars: NewVars(), f: NewFormatter(&out, &out, opt.Format),
		stdout: &out, stderr: &out, ctx: context.Background(), onErrorExit: opt.ExitOnErr}
	s.batchContext = s.plainContext
	s.runner = func(ctx context.Context, text string) batchResult {
		batches = append(batches, text)
		var r batchResult
		if strings.Contains(text, "FAIL") {
			s.f.Message(Message{Number: 50000, Class: 16, State: 1, Server: "S", Line: 1, Text: "failed"})
			r.maxSeverity = 16
		}
		if i := strings.Index(text, "SELECT "); i >= 0 {
			r.first = strings.Fields(text[i+7:])[0]
			r.hasFirst = true
		}
		return r
	}
	return s, &batches, &out
}

func runScript(s *shell, script string) {
	s.run(newScanReader(strings.NewReader(script)), true)
}

func TestScriptBatches(t *testing.T) {
	s, batches, _ := fakeShell(nil)
	runScript(s, "SELECT 1\ngo\nSELECT 2\nGO 3\n/*\nGO\n*/\nSELECT 'x\nGO\n'\nSELECT 4")
	want := []string{
		"SELECT 1\n",
		"SELECT 2\n", "SELECT 2\n", "SELECT 2\n",
		"/*\nGO\n*/\nSELECT 'x\nGO\n'\nSELECT 4\n",
	}
	if !reflect.DeepEqual(*batches, want) {
		t.Fatalf("batches %q\nwant %q", *batches, want)
	}
}

func TestScriptVariables(t *testing.T) {
	dir := t.TempDir()
	inc := filepath.Join(dir, "inc.sql")
	os.WriteFile(inc, []byte("SELECT $(col) FROM $(tbl)\n"), 0o644)
	s, batches, out := fakeShell(nil)
	s.vars.Set("tbl", "t1")
	runScript(s, ":setvar col \"a \"\"b\"\"\"\n:setvar path "+inc+"\n:r $(path)\nGO\n:listvar\nSELECT $(nope)\nGO\n")
	if len(*batches) < 1 || (*batches)[0] != "SELECT a \"b\" FROM t1\n" {
		t.Fatalf("batches %q", *batches)
	}
	if !strings.Contains(out.String(), "col = \"a \"b\"\"\n") || !strings.Contains(out.String(), "tbl = \"t1\"") {
		t.Errorf(":listvar output %q", out.String())
	}
	if !strings.Contains(out.String(), "Sqlcmd: Error: 'nope' scripting variable not defined.") {
		t.Errorf("undefined variable not reported: %q", out.String())
	}
}

func TestScriptExitCodes(t *testing.T) {
	tests := []struct {
		name    string
		b       bool
		v       int
		script  string
		code    int
		batches int
	}{
		{"errors do not change the exit code without -b", false, 0, "FAIL\nGO\nSELECT 1\nGO\n", 0, 2},
		{"-b stops at the first error", true, 0, "FAIL\nGO\nSELECT 1\nGO\n", 1, 1},
		{"-V above the severity keeps going", true, 17, "FAIL\nGO\nSELECT 1\nGO\n", 0, 2},
		{":on error exit", false, 0, ":on error exit\nFAIL\nGO\nSELECT 1\nGO\n", 1, 1},
		{":on error ignore", true, 0, ":on error ignore\nFAIL\nGO\nSELECT 1\nGO\n", 0, 2},
		{":exit(query)", false, 0, "PRINT 1\n:exit(SELECT 42)\nSELECT 1\nGO\n", 42, 1},
		{":exit() runs the batch", false, 0, "SELECT 5\n:exit()\n", 0, 1},
		{":exit without parentheses", false, 0, "SELECT 5\n:EXIT\n", 0, 0},
		{"quit", false, 0, "SELECT 5\nGO\nquit\nSELECT 6\nGO\n", 0, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			opt := &Options{Format: DefaultFormat(), BatchTerminator: "GO", ExitOnErr: tc.b, Severity: tc.v}
			s, batches, _ := fakeShell(opt)
			runScript(s, tc.script)
			if s.exitCode != tc.code || len(*batches) != tc.batches {
				t.Fatalf("exit %d after %d batches (%q), want %d after %d", s.exitCode, len(*batches), *batches, tc.code, tc.batches)
			}
		})
	}
}

func TestParseArgs(t *testing.T) {
	env := map[string]string{"SQLCMDSERVER": "envsrv", "SQLCMDPASSWORD": "pw"}
	o, err := ParseArgs([]string{"-Ulogin", "-d", "db", "-Q", "select 1", "-h-1", "-s", ",", "-W",
		"-r1", "-k2", "-N", "s", "-C", "-l", "3", "-v", "a=1", "b=\"x y\"", "-y", "0", "-b", "-V", "12"},
		func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	if o.Server != "envsrv" || o.User != "login" || o.Password != "pw" || o.Database != "db" ||
		!o.QueryExit || o.Format.Headers != -1 || o.Format.ColSep != "," || !o.Format.TrimSpaces ||
		o.Format.Redirect != 1 || o.Format.Control != ControlCollapse || o.Encrypt != "strict" ||
		!o.TrustCert || o.LoginTimeout != 3 || len(o.Vars) != 2 || o.Vars[1][1] != "x y" ||
		o.Format.Widths.MaxVar != 0 || !o.ExitOnErr || o.Severity != 12 {
		t.Fatalf("parsed %+v", o)
	}
	o, _ = ParseArgs([]string{"-i", "a.sql", "b.sql", "-N"}, func(string) string { return "" })
	if len(o.Inputs) != 2 || o.Encrypt != "true" {
		t.Fatalf("parsed %+v", o)
	}
	if _, err := ParseArgs([]string{"-Z9"}, func(string) string { return "" }); err != nil {
		t.Fatalf("-Z: %v", err)
	}
	if _, err := ParseArgs([]string{"-%"}, func(string) string { return "" }); err == nil {
		t.Fatal("unknown option accepted")
	}
	if _, err := ParseArgs([]string{"-h", "-2"}, func(string) string { return "" }); err == nil {
		t.Fatal("-h -2 accepted")
	}
}

func TestScriptRedirectionAndShell(t *testing.T) {
	dir := t.TempDir()
	outFile := filepath.Join(dir, "out.txt")
	errFile := filepath.Join(dir, "err.txt")
	s, _, out := fakeShell(nil)
	runScript(s, ":out "+outFile+"\n:error "+errFile+"\nFAIL\nGO\n!! echo from shell\n:out stdout\n!! echo back\n")
	s.close()
	o, _ := os.ReadFile(outFile)
	e, _ := os.ReadFile(errFile)
	if string(o) != "from shell\n" {
		t.Errorf(":out file %q", o)
	}
	if string(e) != "Msg 50000, Level 16, State 1, Server S, Line 1\nfailed\n" {
		t.Errorf(":error file %q", e)
	}
	if out.String() != "back\n" {
		t.Errorf("stdout %q", out.String())
	}
}
