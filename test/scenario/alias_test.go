package scenario

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// aliasFile is a fresh client alias file managed with `tsqld config alias`.
type aliasFile struct {
	t    *testing.T
	path string
}

func newAliasFile(t *testing.T) *aliasFile {
	return &aliasFile{t: t, path: filepath.Join(t.TempDir(), "aliases.ini")}
}

func (a *aliasFile) run(args ...string) (string, error) {
	cmd := exec.Command(tsqldBin, args...)
	cmd.Env = append(os.Environ(), "TSQLD_ALIASES="+a.path)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func (a *aliasFile) set(name, target string) {
	a.t.Helper()
	if out, err := a.run("config", "alias", "set", name, target); err != nil {
		a.t.Fatalf("config alias set %s %s: %v\n%s", name, target, err, out)
	}
}

// Client aliases: `tsqld config alias` manages them, `tsqld sql -S NAME`
// and `tsqld doctor NAME` resolve them first, and the doctor fails the
// alias layer when the alias points where the instance is not.
func TestClientAliases(t *testing.T) {
	t.Parallel()
	in := newInstance(t, "")
	in.start()
	al := newAliasFile(t)
	al.set("Prod", "tcp:127.0.0.1,"+itoa(in.port))
	stale := freeTCPPort(t)
	al.set("OLD", "tcp:127.0.0.1,"+itoa(stale))
	al.set("sock", "lpc:.")
	if _, err := al.run("config", "alias", "set", "bad", "127.0.0.1,1433"); err == nil {
		t.Error("alias without a protocol accepted")
	}
	if out, _ := al.run("config", "alias", "get", "PROD"); strings.TrimSpace(out) != "tcp:127.0.0.1,"+itoa(in.port) {
		t.Errorf("config alias get PROD = %q", out)
	}
	out, _ := al.run("config", "alias", "list")
	for _, n := range []string{"OLD", "Prod", "sock"} {
		if !strings.Contains(out, n) {
			t.Errorf("config alias list lacks %s:\n%s", n, out)
		}
	}

	// tsqld sql -S prod goes through the alias.
	sql := func(server string) (string, error) {
		cmd := exec.Command(tsqldBin, "sql", "-S", server, "-U", "sa", "-P", saPassword, "-C", "-h", "-1",
			"-Q", "SET NOCOUNT ON; SELECT CAST(SERVERPROPERTY('InstanceName') AS varchar(20))")
		cmd.Env = append(os.Environ(), "TSQLD_ALIASES="+al.path, "TSQLD_HOME="+in.home)
		b, err := cmd.CombinedOutput()
		return string(b), err
	}
	if out, err := sql("prod"); err != nil {
		t.Errorf("tsqld sql -S prod: %v\n%s", err, out)
	}
	if out, err := sql("sock"); err != nil {
		t.Errorf("tsqld sql -S sock (lpc:.): %v\n%s", err, out)
	}
	if out, err := sql("old"); err == nil || !strings.Contains(out, "0x274D") {
		t.Errorf("tsqld sql -S old (stale alias): %v; want the 10061 lines\n%s", err, out)
	}

	out, code := in.doctor("en", al.path, "PROD", "-U", "sa", "-P", saPassword)
	if code != 0 || !strings.Contains(out, "✓ alias       Prod → tcp:127.0.0.1,"+itoa(in.port)) {
		t.Errorf("doctor PROD: exit %d\n%s", code, out)
	}
	for _, lang := range []string{"en", "fr"} {
		out, code = in.doctor(lang, al.path, "old", "-U", "sa", "-P", saPassword)
		d := diagnosis{layer: "alias", number: "10061",
			cause: "The client alias OLD points at 127.0.0.1," + itoa(stale) + ", but tsqld status says instance MSSQLSERVER listens on TCP port " + itoa(in.port) + ".",
			fix:   "tsqld config alias set OLD tcp:127.0.0.1," + itoa(in.port)}
		if lang == "fr" {
			d.cause = "L'alias client OLD pointe vers 127.0.0.1," + itoa(stale) + ", mais tsqld status indique que l'instance MSSQLSERVER écoute sur le port TCP " + itoa(in.port) + "."
		}
		wantDiagnosis(t, lang, out, code, d)
	}

	// With the instance stopped the alias is right: the doctor blames the
	// stopped instance, not the alias.
	in.stop()
	out, code = in.doctor("en", al.path, "prod", "-U", "sa", "-P", saPassword)
	wantDiagnosis(t, "en", out, code, diagnosis{layer: "tcp", number: "10061",
		cause: "The tsqld instance MSSQLSERVER is stopped", fix: "tsqld start"})

	if out, err := al.run("config", "alias", "unset", "old"); err != nil {
		t.Errorf("config alias unset old: %v\n%s", err, out)
	}
	if _, err := al.run("config", "alias", "get", "old"); err == nil {
		t.Error("alias old still there after unset")
	}
}

// An alias for host\instance that the Browser contradicts.
func TestDoctorAliasContradictedByBrowser(t *testing.T) {
	t.Parallel()
	lock1434(t)
	in := newInstance(t, "DOCA")
	in.start()
	startBrowser(t, in.home, 1434)
	real := itoa(in.endpoint("tcp").Port)
	wrong := itoa(freeTCPPort(t))
	al := newAliasFile(t)
	al.set(`127.0.0.1\DOCA`, "tcp:127.0.0.1,"+wrong)
	out, code := in.doctor("en", al.path, `127.0.0.1\doca`, "-U", "sa", "-P", saPassword)
	wantDiagnosis(t, "en", out, code, diagnosis{layer: "alias", number: "10061",
		cause: "The client alias 127.0.0.1\\DOCA points at 127.0.0.1," + wrong + ", but the Browser of 127.0.0.1 says instance DOCA listens on TCP port " + real + ".",
		fix:   "tsqld config alias set 127.0.0.1\\DOCA tcp:127.0.0.1," + real})
	out, code = in.doctor("fr", al.path, `127.0.0.1\doca`, "-U", "sa", "-P", saPassword)
	wantDiagnosis(t, "fr", out, code, diagnosis{layer: "alias", number: "10061",
		cause: "mais le Browser de 127.0.0.1 indique que l'instance DOCA écoute sur le port TCP " + real + ".",
		fix:   "tsqld config alias set 127.0.0.1\\DOCA tcp:127.0.0.1," + real})
}
