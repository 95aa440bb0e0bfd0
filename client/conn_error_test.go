package client

import (
	"crypto/x509"
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tsqld/tsqld/sql/msgs"
)

const (
	snixConnectEN = "A network-related or instance-specific error occurred while establishing a connection to SQL Server. The server was not found or was not accessible. Verify that the instance name is correct and that SQL Server is configured to allow remote connections."
	snixConnectFR = "Une erreur liée au réseau ou spécifique à l'instance s'est produite lors de l'établissement d'une connexion à SQL Server. Le serveur est introuvable ou n'est pas accessible. Vérifiez que le nom de l'instance est correct et que SQL Server est configuré pour autoriser les connexions distantes."
	legacyEN      = "An error has occurred while establishing a connection to the server. When connecting to SQL Server, this failure may be caused by the fact that under the default settings SQL Server does not allow remote connections."
)

// Texts quoted in connectivity.md §1, built from the catalogue.
func TestConnErrorTextsEnglish(t *testing.T) {
	cases := []struct {
		name string
		e    *ConnError
		text string
	}{
		{"10061 SqlClient", Refused(nil), snixConnectEN + " (provider: TCP Provider, error: 0 - No connection could be made because the target machine actively refused it.)"},
		{"10060", NewOSError(PhaseConnect, ProviderTCP, NumTimedOut, nil), snixConnectEN + " (provider: TCP Provider, error: 0 - A connection attempt failed because the connected party did not properly respond after a period of time, or established connection failed because connected host has failed to respond.)"},
		{"10054 prelogin", NewOSError(PhasePreLogin, ProviderTCP, NumReset, nil), "A connection was successfully established with the server, but then an error occurred during the pre-login handshake. (provider: TCP Provider, error: 0 - An existing connection was forcibly closed by the remote host.)"},
		{"10054 login SSL", NewOSError(PhaseLogin, ProviderSSL, NumReset, nil), "A connection was successfully established with the server, but then an error occurred during the login process. (provider: SSL Provider, error: 0 - An existing connection was forcibly closed by the remote host.)"},
		{"26", InstanceNotFound(nil), snixConnectEN + " (provider: SQL Network Interfaces, error: 26 - Error Locating Server/Instance Specified)"},
		{"53", NewSNIError(PhaseConnect, ProviderNamedPipes, SNICannotOpen, NumBadNetPath, nil), snixConnectEN + " (provider: Named Pipes Provider, error: 40 - Could not open a connection to SQL Server)"},
		{"-2", NewTimeout(PhaseConnect, nil), "Timeout expired. The timeout period elapsed prior to completion of the operation or the server is not responding."},
		{"-2 prelogin", NewPreLoginTimeout(21036, 0, nil), "Connection Timeout Expired. The timeout period elapsed while attempting to consume the pre-login handshake acknowledgement. This could be because the pre-login handshake failed or the server was unable to respond back in time. The duration spent while attempting to connect to this server was - [Pre-Login] initialization=21036; handshake=0; "},
		{"31", NewSNIError(PhasePreLogin, ProviderSSL, SNITLSHandshake, NumSNI, nil), "A connection was successfully established with the server, but then an error occurred during the pre-login handshake. (provider: SSL Provider, error: 31 - Encryption(ssl/tls) handshake failed)"},
		{"cert chain", NewOSError(PhaseLogin, ProviderSSL, NumUntrustedRoot, nil), "A connection was successfully established with the server, but then an error occurred during the login process. (provider: SSL Provider, error: 0 - The certificate chain was issued by an authority that is not trusted.)"},
	}
	for _, c := range cases {
		if got := c.e.Error(); got != c.text {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.text)
		}
		if c.e.Class != 20 || c.e.State != 0 {
			t.Errorf("%s: class %d state %d", c.name, c.e.Class, c.e.State)
		}
	}
}

// The documentation's full texts (KindConn entries) come out of the same
// pieces: legacy or current context, provider, SNI/OS detail, suffix.
func TestConnErrorMatchesDocs(t *testing.T) {
	cases := []struct {
		e      *ConnError
		render func(*ConnError, msgs.Lang) string
	}{
		{NewOSError(PhaseLegacyConnect, ProviderTCP, NumRefused, nil), (*ConnError).SSMSText},
		{NewOSError(PhaseLegacyConnect, ProviderTCP, NumTimedOut, nil), (*ConnError).SSMSText},
		{NewOSError(PhaseConnect, ProviderTCP, NumHostNotFound, nil), (*ConnError).SqlClientText},
		{NewSNIError(PhaseLegacyConnect, ProviderNamedPipes, SNICannotOpen, NumBadNetPath, nil), (*ConnError).SqlClientText},
		{NewSNIError(PhaseLegacyConnect, ProviderNamedPipes, SNICannotOpen, NumFileNotFound, nil), (*ConnError).SqlClientText},
		{NewOSError(PhaseLogin, ProviderSharedMemory, NumPipeNotConn, nil), (*ConnError).SSMSText},
		{NewSNIError(PhaseLegacyConnect, ProviderSNI, SNIProtocolNotSupp, NumSNI, nil), (*ConnError).SSMSText},
		{NewTimeout(PhaseConnect, nil), (*ConnError).SSMSText},
		{NewOSError(PhasePreLogin, ProviderTCP, NumReset, nil), (*ConnError).Message},
	}
	norm := strings.NewReplacer("’", "'", "–", "-")
	for _, c := range cases {
		doc, ok := c.e.Doc()
		if !ok {
			t.Errorf("%d: no documentation", c.e.Number)
			continue
		}
		if got := c.render(c.e, msgs.English); got != doc.English {
			t.Errorf("%d EN:\n got %q\nwant %q", c.e.Number, got, doc.English)
		}
		// The French docs page is a translation artifact ("fournisseur :"),
		// but its provider name and detail are the ones we print.
		fr := strings.ToLower(norm.Replace(doc.French))
		if c.e.Number != NumTimeout {
			for _, part := range []string{c.e.ProviderName(msgs.French), c.e.Detail(msgs.French)} {
				if !strings.Contains(fr, strings.ToLower(norm.Replace(part))) {
					t.Errorf("%d FR: %q not in docs text %q", c.e.Number, part, doc.French)
				}
			}
		}
		if doc.Explain(msgs.English) == "" || doc.Action(msgs.French) == "" {
			t.Errorf("%d: explanation/action missing", c.e.Number)
		}
	}
	if d, ok := InstanceNotFound(nil).Doc(); !ok || d.Kind != msgs.KindSNI || !strings.Contains(d.ActionEN, "Browser") {
		t.Errorf("26 docs: %+v", d)
	}
}

func TestConnErrorTextsFrench(t *testing.T) {
	cases := []struct {
		e    *ConnError
		text string
	}{
		// FR-real SqlClient output (connectivity.md §1.4, error 26).
		{InstanceNotFound(nil), snixConnectFR + " (provider: Interfaces réseau SQL, error: 26 - Erreur lors de la localisation de Server/Instance spécifié)"},
		{Refused(nil), snixConnectFR + " (provider: Fournisseur TCP, error: 0 - Aucune connexion n’a pu être établie, car l’ordinateur cible l’a expressément refusée.)"},
		{NewOSError(PhaseConnect, ProviderTCP, NumTimedOut, nil), snixConnectFR + " (provider: Fournisseur TCP, error: 0 - Une tentative de connexion a échoué car le participant connecté n’a pas répondu convenablement au-delà d’une certaine durée, ou une connexion établie a échoué car l’hôte de connexion n’a pas répondu.)"},
		{NewOSError(PhasePreLogin, ProviderTCP, NumReset, nil), "Une connexion a été établie avec le serveur, mais une erreur s'est ensuite produite pendant la négociation préalable à l'ouverture de session. (provider: Fournisseur TCP, error: 0 - Une connexion existante a dû être fermée par l’hôte distant.)"},
		{NewOSError(PhaseLogin, ProviderSharedMemory, NumPipeNotConn, nil), "Une connexion a été établie avec le serveur, mais une erreur s'est ensuite produite pendant le processus d'ouverture de session. (provider: Fournisseur de mémoire partagée, error: 0 - Il n’y a pas de processus à l’autre extrémité du canal.)"},
		{NewOSError(PhaseConnect, ProviderTCP, NumHostNotFound, nil), snixConnectFR + " (provider: Fournisseur TCP, error: 0 - Hôte inconnu)"},
		{NewSNIError(PhaseConnect, ProviderNamedPipes, SNICannotOpen, NumBadNetPath, nil), snixConnectFR + " (provider: Fournisseur de canaux nommés, error: 40 - Impossible d'ouvrir une connexion à SQL Server)"},
		{NewSNIError(PhaseConnect, ProviderSNI, SNIProtocolNotSupp, NumSNI, nil), snixConnectFR + " (provider: Interfaces réseau SQL, error: 28 - Le serveur ne prend pas en charge le protocole demandé)"},
		{NewTimeout(PhaseLogin, nil), "Délai expiré. Période de délai d'attente écoulée avant l'achèvement de l'opération, ou le serveur ne répond pas."},
	}
	for _, c := range cases {
		if got := c.e.Message(msgs.French); got != c.text {
			t.Errorf("%d FR:\n got %q\nwant %q", c.e.Number, got, c.text)
		}
	}
	if got := Refused(nil).SSMSText(msgs.French); !strings.HasSuffix(got, "(Microsoft SQL Server, Erreur : 10061)") {
		t.Errorf("FR SSMS suffix: %q", got)
	}
	if got := Refused(nil).SqlClientText(msgs.French); !strings.HasSuffix(got, "(Fournisseur de données SqlClient .Net)") {
		t.Errorf("FR SqlClient suffix: %q", got)
	}
}

func TestSqlcmdLines(t *testing.T) {
	got := Refused(nil).SqlcmdLines(msgs.English, "ODBC Driver 17 for SQL Server")
	want := []string{
		"Sqlcmd: Error: Microsoft ODBC Driver 17 for SQL Server : Login timeout expired.",
		"Sqlcmd: Error: Microsoft ODBC Driver 17 for SQL Server : TCP Provider: Error code 0x274D.",
		"Sqlcmd: Error: Microsoft ODBC Driver 17 for SQL Server : A network-related or instance-specific error has occurred while establishing a connection to SQL Server. Server is not found or not accessible. Check if instance name is correct and if SQL Server is configured to allow remote connections. For more information see SQL Server Books Online..",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	recs := NewOSError(PhaseConnect, ProviderTCP, NumHostNotFound, nil).ODBCRecords(msgs.English, "ODBC Driver 18 for SQL Server")
	if len(recs) != 3 || recs[0].SQLState != "HYT00" || recs[1].Text != "[Microsoft][ODBC Driver 18 for SQL Server]TCP Provider: Error code 0x2AF9" || recs[1].SQLState != "08001" {
		t.Fatalf("%+v", recs)
	}
	recs = InstanceNotFound(nil).ODBCRecords(msgs.English, "ODBC Driver 18 for SQL Server")
	if recs[1].Text != "[Microsoft][ODBC Driver 18 for SQL Server]SQL Network Interfaces: Error Locating Server/Instance Specified [xFFFFFFFF]." {
		t.Fatalf("%q", recs[1].Text)
	}
	recs = NewOSError(PhaseLogin, ProviderSSL, NumUntrustedRoot, nil).ODBCRecords(msgs.English, "ODBC Driver 18 for SQL Server")
	if len(recs) != 2 || recs[1].Text != "[Microsoft][ODBC Driver 18 for SQL Server]Client unable to establish connection" {
		t.Fatalf("%+v", recs)
	}
}

type timeoutErr struct{}

func (timeoutErr) Error() string   { return "i/o timeout" }
func (timeoutErr) Timeout() bool   { return true }
func (timeoutErr) Temporary() bool { return true }

func TestFromDialErrorLoopback(t *testing.T) {
	// A port nobody listens on: the OS refuses → 10061.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	_, derr := net.DialTimeout("tcp", addr, 2*time.Second)
	if derr == nil {
		t.Skip("port was reused")
	}
	ce := FromDialError(derr, ProtoTCP, PhaseConnect)
	if ce.Number != NumRefused || ce.Provider != ProviderTCP || ce.Phase != PhaseConnect || !errors.Is(ce, syscall.ECONNREFUSED) {
		t.Fatalf("%+v", ce)
	}

	// The server accepts and closes before answering PRELOGIN → 10054.
	l, err = net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	go func() {
		c, err := l.Accept()
		if err == nil {
			c.Close()
		}
	}()
	c, err := net.Dial("tcp", l.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	_, rerr := c.Read(make([]byte, 8))
	ce = FromDialError(rerr, ProtoTCP, PhaseConnect)
	if ce.Number != NumReset || ce.Phase != PhasePreLogin {
		t.Fatalf("closed during pre-login: %v → %+v", rerr, ce)
	}

	// A Unix socket that does not exist (lpc:/np:) → 2, error 40.
	_, uerr := net.Dial("unix", filepath.Join(t.TempDir(), "nope.sock"))
	ce = FromDialError(uerr, ProtoSharedMemory, PhaseConnect)
	if ce.Number != NumFileNotFound || ce.SNIError != SNICannotOpen || ce.Provider != ProviderSharedMemory {
		t.Fatalf("missing socket: %+v", ce)
	}
	if !strings.HasSuffix(ce.Error(), "(provider: Shared Memory Provider, error: 40 - Could not open a connection to SQL Server)") {
		t.Fatalf("%q", ce.Error())
	}
}

func TestFromDialErrorMapping(t *testing.T) {
	wrap := func(errno syscall.Errno) error {
		return &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", errno)}
	}
	cases := []struct {
		err    error
		proto  Protocol
		phase  Phase
		number int32
		sni    int32
		prov   Provider
		wantPh Phase
	}{
		{wrap(syscall.ECONNREFUSED), ProtoTCP, PhaseConnect, NumRefused, 0, ProviderTCP, PhaseConnect},
		{wrap(syscall.ETIMEDOUT), ProtoTCP, PhaseConnect, NumTimedOut, 0, ProviderTCP, PhaseConnect},
		{wrap(syscall.ECONNRESET), ProtoTCP, PhaseLogin, NumReset, 0, ProviderTCP, PhaseLogin},
		{wrap(syscall.EPIPE), ProtoTCP, PhaseExecute, NumReset, 0, ProviderTCP, PhaseExecute},
		{wrap(syscall.ECONNABORTED), ProtoTCP, PhaseRead, NumAborted, 0, ProviderTCP, PhaseRead},
		{wrap(syscall.EHOSTUNREACH), ProtoTCP, PhaseConnect, NumHostUnreachable, 0, ProviderTCP, PhaseConnect},
		{wrap(syscall.ENETUNREACH), ProtoTCP, PhaseConnect, NumNetUnreachable, 0, ProviderTCP, PhaseConnect},
		{io.EOF, ProtoTCP, PhasePreLogin, NumReset, 0, ProviderTCP, PhasePreLogin},
		{&net.DNSError{Err: "no such host", Name: "nohost.invalid", IsNotFound: true}, ProtoTCP, PhaseConnect, NumHostNotFound, 0, ProviderTCP, PhaseConnect},
		{&net.DNSError{Err: "server misbehaving", Name: "h", IsTemporary: true}, ProtoTCP, PhaseConnect, NumTryAgain, 0, ProviderTCP, PhaseConnect},
		{timeoutErr{}, ProtoTCP, PhaseConnect, NumTimedOut, 0, ProviderTCP, PhaseConnect},
		{timeoutErr{}, ProtoTCP, PhasePreLogin, NumTimeout, 0, 0, PhasePreLogin},
		{os.ErrDeadlineExceeded, ProtoTCP, PhaseRead, NumTimeout, 0, 0, PhaseRead},
		{x509.UnknownAuthorityError{}, ProtoTCP, PhasePreLogin, NumUntrustedRoot, 0, ProviderSSL, PhaseLogin},
		{x509.HostnameError{Host: "db1"}, ProtoTCP, PhasePreLogin, NumCertNameInvalid, 0, ProviderSSL, PhaseLogin},
		{wrap(syscall.ENOENT), ProtoNamedPipe, PhaseConnect, NumFileNotFound, SNICannotOpen, ProviderNamedPipes, PhaseConnect},
		{wrap(syscall.ECONNREFUSED), ProtoSharedMemory, PhaseConnect, NumFileNotFound, SNICannotOpen, ProviderSharedMemory, PhaseConnect},
		{io.EOF, ProtoSharedMemory, PhaseConnect, NumPipeNotConn, 0, ProviderSharedMemory, PhaseLogin},
		{errors.New("something odd"), ProtoTCP, PhaseLogin, NumSNI, 0, ProviderTCP, PhaseLogin},
	}
	for i, c := range cases {
		ce := FromDialError(c.err, c.proto, c.phase)
		if ce.Number != c.number || ce.SNIError != c.sni || ce.Provider != c.prov || ce.Phase != c.wantPh || ce.Class != 20 {
			t.Errorf("%d (%v): got number %d sni %d provider %d phase %d", i, c.err, ce.Number, ce.SNIError, ce.Provider, ce.Phase)
		}
		if ce.Unwrap() != c.err {
			t.Errorf("%d: Unwrap", i)
		}
	}
	if FromDialError(nil, ProtoTCP, PhaseConnect) != nil {
		t.Error("nil")
	}
	orig := Refused(nil)
	if FromDialError(orig, ProtoTCP, PhaseLogin) != orig {
		t.Error("a ConnError passes through")
	}
	// An unknown OS error keeps the Go text as the detail.
	if got := FromDialError(errors.New("something odd"), ProtoTCP, PhaseLogin).Error(); !strings.HasSuffix(got, "(provider: TCP Provider, error: 0 - something odd)") {
		t.Errorf("%q", got)
	}
	if !NewTimeout(PhaseLogin, nil).Timeout() || Refused(nil).Timeout() {
		t.Error("Timeout()")
	}
}
