package scenario

import (
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// Issue must-show #3: `tsqld doctor` (the built binary) against each
// server state of the suite names the failing layer, the error number a
// client would get, the cause and the fix, in English and in French.

// doctor runs `tsqld doctor ARGS --home HOME --lang LANG` with an empty
// alias file of the test's own (TSQLD_ALIASES) unless aliases is given.
func (i *instance) doctor(lang, aliases string, args ...string) (string, int) {
	i.t.Helper()
	if aliases == "" {
		aliases = filepath.Join(i.t.TempDir(), "aliases.ini")
	}
	args = append(append([]string{"doctor"}, args...), "--home", i.home, "--lang", lang, "--timeout", "3")
	cmd := exec.Command(tsqldBin, args...)
	cmd.Env = append(os.Environ(), "TSQLD_HOME="+i.home, "TSQLD_ALIASES="+aliases, "LANG=C", "LC_ALL=")
	out, err := cmd.CombinedOutput()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		i.t.Fatalf("tsqld doctor: %v", err)
	}
	return string(out), code
}

// diagnosis is what one doctor run must print.
type diagnosis struct {
	layer  string // the ✗ layer
	number string // "(N)" after "Error a client would show"; "" = not checked
	// cause and fix are substrings of the numbered cause and of its
	// "Fix:" / "Correction :" line.
	cause, fix string
	// more are further substrings (error log evidence …).
	more []string
}

func wantDiagnosis(t *testing.T, lang, out string, code int, d diagnosis) {
	t.Helper()
	if code == 0 {
		t.Errorf("doctor (%s) exit code 0 for a failing connection", lang)
	}
	if !regexp.MustCompile(`(?m)^✗ ` + regexp.QuoteMeta(d.layer) + `\s`).MatchString(out) {
		t.Errorf("doctor (%s): failing layer is not %q:\n%s", lang, d.layer, out)
	}
	for _, l := range regexp.MustCompile(`(?m)^✗ (\S+)`).FindAllStringSubmatch(out, -1) {
		if l[1] != d.layer {
			t.Errorf("doctor (%s): layer %s also marked failed:\n%s", lang, l[1], out)
		}
	}
	head, fixWord := "Error a client would show", "Fix:"
	if lang == "fr" {
		head, fixWord = "Erreur qu'afficherait un client", "Correction :"
	}
	if d.number != "" && !strings.Contains(out, head+" ("+d.number+")") {
		t.Errorf("doctor (%s): want %q:\n%s", lang, head+" ("+d.number+")", out)
	}
	causes := out
	if i := strings.Index(out, map[string]string{"en": "Most likely causes:", "fr": "Causes les plus probables :"}[lang]); i >= 0 {
		causes = out[i:]
	} else {
		t.Errorf("doctor (%s): no causes section:\n%s", lang, out)
	}
	if !regexp.MustCompile(`(?m)^  \d\. .*` + regexp.QuoteMeta(d.cause)).MatchString(causes) {
		t.Errorf("doctor (%s): no cause containing %q:\n%s", lang, d.cause, out)
	}
	if !strings.Contains(causes, fixWord+" "+d.fix) && !(strings.Contains(causes, fixWord) && strings.Contains(causes, d.fix)) {
		t.Errorf("doctor (%s): no fix %q:\n%s", lang, d.fix, out)
	}
	for _, m := range d.more {
		if !strings.Contains(out, m) {
			t.Errorf("doctor (%s): missing %q:\n%s", lang, m, out)
		}
	}
}

// both runs the doctor in English and French with the same arguments.
func (i *instance) wantDoctor(en, fr diagnosis, args ...string) {
	i.t.Helper()
	out, code := i.doctor("en", "", args...)
	wantDiagnosis(i.t, "en", out, code, en)
	out, code = i.doctor("fr", "", args...)
	wantDiagnosis(i.t, "fr", out, code, fr)
}

func (i *instance) tcpTarget() string { return "127.0.0.1," + itoa(i.port) }

// Row 1: stopped → 10061 at the tcp layer, "tsqld start".
func TestDoctorStopped(t *testing.T) {
	t.Parallel()
	in := newInstance(t, "")
	in.start()
	in.stop()
	p := itoa(in.port)
	in.wantDoctor(
		diagnosis{layer: "tcp", number: "10061",
			cause: "The tsqld instance MSSQLSERVER is stopped: nothing listens on port " + p + ".", fix: "tsqld start",
			more: []string{"actively refused it", "TCP Provider: Error code 0x274D"}},
		diagnosis{layer: "tcp", number: "10061",
			cause: "L'instance tsqld MSSQLSERVER est arrêtée : rien n'écoute sur le port " + p + ".", fix: "tsqld start"},
		in.tcpTarget(), "-U", "sa", "-P", saPassword)
}

// 18456: the client sees state 1; the doctor reads the error log for the
// real state (8) and Reason.
func TestDoctorWrongPassword(t *testing.T) {
	t.Parallel()
	in := newInstance(t, "")
	in.start()
	const reason = "Password did not match that for the login provided."
	in.wantDoctor(
		diagnosis{layer: "login", number: "18456",
			cause: "The password for 'sa' is wrong (error log: 18456 state 8: " + reason + ")",
			fix:   "Use the right password; an administrator can reset it: ALTER LOGIN [sa] WITH PASSWORD",
			more:  []string{"Msg 18456, Level 14, State 1,", "Error: 18456, Severity: 14, State: 8.", "Reason: " + reason}},
		diagnosis{layer: "login", number: "18456",
			cause: "Le mot de passe de 'sa' est faux (journal : 18456 état 8 : " + reason + ")",
			fix:   "ALTER LOGIN [sa] WITH PASSWORD = '<nouveau mot de passe>';",
			more:  []string{"Journal des erreurs de MSSQLSERVER"}},
		in.tcpTarget(), "-U", "sa", "-P", "not-the-password")
}

// 4060: a database that does not exist.
func TestDoctorMissingDatabase(t *testing.T) {
	t.Parallel()
	in := newInstance(t, "")
	in.start()
	in.wantDoctor(
		diagnosis{layer: "login", number: "4060",
			cause: "The database 'nosuchdb' requested by the login cannot be opened",
			fix:   "SELECT name, state_desc FROM sys.databases",
			more:  []string{`Cannot open database "nosuchdb" requested by the login. The login failed.`, "State: 38."}},
		diagnosis{layer: "login", number: "4060",
			cause: "La base de données 'nosuchdb' demandée par la connexion ne peut pas être ouverte",
			fix:   "USE [nosuchdb]; CREATE USER [sa] FOR LOGIN [sa];"},
		in.tcpTarget(), "-U", "sa", "-P", saPassword, "-d", "nosuchdb")
}

// Row 4: paused → 17142, "tsqld continue".
func TestDoctorPaused(t *testing.T) {
	t.Parallel()
	in := newInstance(t, "")
	in.start()
	in.mustTsqld("pause")
	in.wantDoctor(
		diagnosis{layer: "login", number: "17142",
			cause: "The tsqld instance MSSQLSERVER is paused: existing sessions continue, new logins are refused.",
			fix:   "tsqld continue",
			more:  []string{"SQL Server service has been paused. No new connections will be allowed."}},
		diagnosis{layer: "login", number: "17142",
			cause: "L'instance tsqld MSSQLSERVER est en pause", fix: "tsqld continue"},
		in.tcpTarget(), "-U", "sa", "-P", saPassword)
	in.mustTsqld("continue")
	if out, code := in.doctor("en", "", in.tcpTarget(), "-U", "sa", "-P", saPassword); code != 0 || !strings.Contains(out, "Login succeeded.") {
		t.Errorf("doctor after continue: exit %d\n%s", code, out)
	}
}

// Row 7: a named instance whose Browser does not answer → SNI 26 at the
// browser layer, "tsqld browser" or the port.
func TestDoctorBrowserNotAnswering(t *testing.T) {
	t.Parallel()
	lock1434(t)
	in := newInstance(t, "DOCB")
	in.start()
	port := itoa(in.endpoint("tcp").Port)
	in.wantDoctor(
		diagnosis{layer: "browser", number: "-1",
			cause: "No SQL Server Browser answers on UDP 1434 of 127.0.0.1, so the port of instance DOCB cannot be found.",
			fix:   "Start the Browser: tsqld browser",
			more:  []string{"error: 26 - Error Locating Server/Instance Specified", "127.0.0.1," + port}},
		diagnosis{layer: "browser", number: "-1",
			cause: "Aucun SQL Server Browser ne répond sur le port UDP 1434 de 127.0.0.1",
			fix:   "Démarrez le Browser : tsqld browser",
			more:  []string{"127.0.0.1," + port}},
		`127.0.0.1\DOCB`, "-U", "sa", "-P", saPassword)
}

// Row 2: TCP disabled → 10061, the exact re-enable command.
func TestDoctorTCPDisabled(t *testing.T) {
	t.Parallel()
	in := newInstance(t, "")
	in.set("network.tcpenabled", "false")
	in.start()
	const fix = "tsqld config set network.tcpenabled true && tsqld restart"
	in.wantDoctor(
		diagnosis{layer: "tcp", number: "10061",
			cause: "The tsqld instance MSSQLSERVER runs with TCP/IP disabled (network.tcpenabled = false).", fix: fix},
		diagnosis{layer: "tcp", number: "10061",
			cause: "L'instance tsqld MSSQLSERVER tourne avec TCP/IP désactivé", fix: fix},
		in.tcpTarget(), "-U", "sa", "-P", saPassword)
	// The local socket still serves: lpc: gets through.
	if out, code := in.doctor("en", "", "lpc:.", "-U", "sa", "-P", saPassword); code != 0 {
		t.Errorf("doctor lpc:. with TCP disabled: exit %d\n%s", code, out)
	}
}

// Row 9: user connections limit → 17809.
func TestDoctorUserConnectionsLimit(t *testing.T) {
	t.Parallel()
	in := newInstance(t, "")
	in.set("sqlserver.userconnections", "2")
	in.start()
	d := dsn("127.0.0.1", in.port)
	mustLogin(t, d, nil)
	mustLogin(t, d, nil)
	in.wantDoctor(
		diagnosis{layer: "login", number: "17809",
			cause: "The tsqld instance MSSQLSERVER has reached its maximum of 2 user connections",
			fix:   "tsqld config set sqlserver.userconnections 0 && tsqld restart",
			more:  []string{"maximum number of '2' user connections has already been reached"}},
		diagnosis{layer: "login", number: "17809",
			cause: "a atteint son maximum de 2 connexions utilisateur",
			fix:   "tsqld config set sqlserver.userconnections 0 && tsqld restart"},
		in.tcpTarget(), "-U", "sa", "-P", saPassword)
}

// Row 10: force encryption, and a client that refuses to encrypt
// (sqlcmd -N disable) → the server closes the connection (17835).
func TestDoctorForceEncryptionClientRefuses(t *testing.T) {
	t.Parallel()
	in := newInstance(t, "")
	in.set("network.forceencryption", "1")
	in.start()
	in.wantDoctor(
		diagnosis{layer: "prelogin",
			cause: "The server requires encryption (ForceEncryption) and the client asked for none (encrypt=disable)",
			fix:   "Use encrypt=true (sqlcmd -N)"},
		diagnosis{layer: "prelogin",
			cause: "Le serveur exige le chiffrement (ForceEncryption) et le client n'en demande aucun",
			fix:   "Utilisez encrypt=true (sqlcmd -N)"},
		in.tcpTarget(), "-U", "sa", "-P", saPassword, "-N", "disable")
	// An encrypting client (the default) gets in.
	if out, code := in.doctor("en", "", in.tcpTarget(), "-U", "sa", "-P", saPassword, "-C"); code != 0 {
		t.Errorf("doctor with encryption under ForceEncryption: exit %d\n%s", code, out)
	}
}

// Row 8: a hidden named instance cannot be found by name; the doctor says
// it is hidden and gives both ways out.
func TestDoctorHiddenInstance(t *testing.T) {
	t.Parallel()
	lock1434(t)
	in := newInstance(t, "DOCH")
	in.set("network.hideinstance", "1")
	in.start()
	startBrowser(t, in.home, 1434)
	port := itoa(in.endpoint("tcp").Port)
	in.wantDoctor(
		diagnosis{layer: "browser", number: "-1",
			cause: "The tsqld instance DOCH is hidden (network.hideinstance = 1)",
			fix:   "Connect with its port: 127.0.0.1," + port,
			more:  []string{"tsqld config unset --instance DOCH network.hideinstance"}},
		diagnosis{layer: "browser", number: "-1",
			cause: "L'instance tsqld DOCH est masquée (network.hideinstance = 1)",
			fix:   "Connectez-vous avec son port : 127.0.0.1," + port},
		`127.0.0.1\DOCH`, "-U", "sa", "-P", saPassword)
	if out, code := in.doctor("en", "", "127.0.0.1,"+port, "-U", "sa", "-P", saPassword); code != 0 {
		t.Errorf("doctor on the hidden instance's port: exit %d\n%s", code, out)
	}
}

// Row 5: port changed but not restarted → the new port is refused and the
// doctor says a restart is pending.
func TestDoctorPortChangePendingRestart(t *testing.T) {
	t.Parallel()
	in := newInstance(t, "")
	in.start()
	newPort := freeTCPPort(t)
	in.set("network.tcpport", itoa(newPort))
	in.wantDoctor(
		diagnosis{layer: "tcp", number: "10061",
			cause: "mssql.conf of MSSQLSERVER sets port " + itoa(newPort) + ", but the running engine still listens on 127.0.0.1:" + itoa(in.port),
			fix:   "tsqld restart",
			more:  []string{"(or connect to 127.0.0.1," + itoa(in.port) + " until then)"}},
		diagnosis{layer: "tcp", number: "10061",
			cause: "Le mssql.conf de MSSQLSERVER fixe le port " + itoa(newPort),
			fix:   "tsqld restart"},
		"127.0.0.1,"+itoa(newPort), "-U", "sa", "-P", saPassword)
}

// Row 11: the DAC is taken → 17810, how to free it.
func TestDoctorDACInUse(t *testing.T) {
	t.Parallel()
	in := newInstance(t, "")
	in.start()
	dac := itoa(in.endpoint("dac").Port)
	mustLogin(t, dsn("127.0.0.1", in.endpoint("dac").Port), nil)
	in.wantDoctor(
		diagnosis{layer: "login", number: "17810",
			cause: "The dedicated administrator connection is already in use",
			fix:   "WHERE e.name = 'Dedicated Admin Connection'; then KILL <session_id>;",
			more:  []string{dac17810}},
		diagnosis{layer: "login", number: "17810",
			cause: "La connexion administrateur dédiée est déjà utilisée",
			fix:   "puis KILL <session_id>;"},
		"127.0.0.1,"+dac, "-U", "sa", "-P", saPassword)
}

// The DAC on a dynamic port with no Browser: admin:127.0.0.1 tries 1434
// and is refused; the doctor names the DAC's real port. On Express there
// is no DAC at all.
func TestDoctorDACNotFound(t *testing.T) {
	t.Parallel()
	lock1434(t)
	// admin:host without a Browser tries TCP 1434: another SQL Server
	// there would answer instead.
	if c, err := net.DialTimeout("tcp", "127.0.0.1:1434", time.Second); err == nil {
		c.Close()
		t.Skip("TCP 127.0.0.1:1434 is in use by another server: admin:127.0.0.1 would reach it")
	}
	in := newInstance(t, "")
	in.start()
	dac := itoa(in.endpoint("dac").Port)
	in.wantDoctor(
		diagnosis{layer: "tcp", number: "10061",
			cause: "The dedicated admin connection of MSSQLSERVER listens on port " + dac + ", not 1434",
			fix:   "Connect with admin:127.0.0.1," + dac,
			more:  []string{"tsqld config set network.dacport 1434 && tsqld restart"}},
		diagnosis{layer: "tcp", number: "10061",
			cause: "La connexion administrateur dédiée de MSSQLSERVER écoute sur le port " + dac + ", pas 1434",
			fix:   "Connectez-vous avec admin:127.0.0.1," + dac},
		"admin:127.0.0.1", "-U", "sa", "-P", saPassword)
	if out, code := in.doctor("en", "", "admin:127.0.0.1,"+dac, "-U", "sa", "-P", saPassword); code != 0 {
		t.Errorf("doctor admin:127.0.0.1,%s: exit %d\n%s", dac, code, out)
	}

	ex := newInstance(t, "")
	ex.set("sqlserver.edition", "Express")
	ex.start()
	out, code := ex.doctor("en", "", "admin:127.0.0.1", "-U", "sa", "-P", saPassword)
	wantDiagnosis(t, "en", out, code, diagnosis{layer: "tcp", number: "10061",
		cause: "The tsqld instance MSSQLSERVER has no dedicated admin connection listener", fix: "trace flag 7806"})
}
