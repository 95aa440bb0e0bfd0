package doctor

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/tsqld/tsqld/browser"
	"github.com/tsqld/tsqld/client"
	"github.com/tsqld/tsqld/service"
	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/tds"
)

// ODBCDriver names the driver in the sqlcmd lines of a failure.
const ODBCDriver = "ODBC Driver 18 for SQL Server"

// Options configure a diagnosis.
type Options struct {
	// Target is a server name (sqlcmd's -S grammar) or a connection
	// string (ADO keywords or a sqlserver:// URL).
	Target                   string
	User, Password, Database string
	// UserSet etc. mark values given on the command line, which win over
	// the connection string's.
	Encrypt   client.EncryptMode
	TrustCert bool
	Lang      msgs.Lang
	// Home is the tsqld home to match local instances against
	// (default service.DefaultHome()).
	Home string
	// Timeout bounds each probe (default 5 s).
	Timeout time.Duration
	// Browser is the SSRP client (default browser.DefaultClient).
	Browser *browser.Client
	// NoLocal disables the local-instance lookup (tests).
	NoLocal bool
	// AliasFile is the client alias file looked up first
	// (client.AliasPath); "" disables aliases.
	AliasFile string
}

// prober carries the facts from one layer to the next.
type prober struct {
	o    Options
	r    *Report
	vars map[string]string

	target   client.Target
	host     string
	port     int
	socket   string
	addrs    []string
	local    *LocalInstance
	conn     net.Conn
	serverPL *tds.Prelogin
	tlsConn  *tls.Conn
	loginOnl bool
	// strict: TDS 8, the TLS facts were measured before PRELOGIN.
	strict   *tlsFacts
	strictMs float64
	facts    map[string]string
	// aliasUsed is the alias the target named; aliasLayer its row.
	aliasUsed  *client.Alias
	aliasLayer int
}

// Diagnose walks the layers and returns the report.
func Diagnose(ctx context.Context, o Options) *Report {
	if o.Timeout <= 0 {
		o.Timeout = 5 * time.Second
	}
	if o.Home == "" {
		o.Home = service.DefaultHome()
	}
	if o.Browser == nil {
		o.Browser = browser.DefaultClient
	}
	p := &prober{o: o, r: &Report{Target: o.Target, lang: o.Lang}, vars: map[string]string{}, facts: map[string]string{}}
	defer func() {
		if p.conn != nil {
			p.conn.Close()
		}
	}()
	steps := []struct {
		name string
		fn   func(context.Context) bool
	}{
		{LayerAlias, p.alias},
		{LayerParse, p.parse},
		{LayerInstance, p.instance},
		{"", p.aliasCheck},
		{LayerResolve, p.resolve},
		{LayerBrowser, p.browser},
		{LayerTCP, p.tcp},
		{LayerPrelogin, p.prelogin},
		{LayerTLS, p.tls},
		{LayerLogin, p.login},
		{LayerPostLogin, p.postLogin},
	}
	for i, s := range steps {
		if !s.fn(ctx) {
			for _, rest := range steps[i+1:] {
				if rest.name == "" || rest.name == LayerAlias {
					continue
				}
				p.add(rest.name, Skipped, p.t("not reached", "non atteint"))
			}
			break
		}
	}
	if len(p.facts) > 0 {
		p.r.Facts = p.facts
	}
	p.r.Local = p.local
	return p.r
}

func (p *prober) t(en, fr string) string { return tr(p.o.Lang, en, fr) }

func (p *prober) add(name string, st Status, summary string, details ...string) *Layer {
	p.r.Layers = append(p.r.Layers, Layer{Name: name, Status: st, Summary: summary, Details: details})
	return &p.r.Layers[len(p.r.Layers)-1]
}

// fail records the failure of a layer with the client's error and causes.
func (p *prober) fail(layer string, ce *client.ConnError, number int32, text string, causeIDs ...string) {
	f := &Failure{Layer: layer, Number: number, ClientError: text}
	if ce != nil {
		f.Number = ce.Number
		f.ClientError = ce.SSMSText(p.o.Lang)
		f.Sqlcmd = ce.SqlcmdLines(p.o.Lang, ODBCDriver)
	}
	for _, id := range causeIDs {
		f.Causes = append(f.Causes, cause(p.o.Lang, id, p.vars))
	}
	p.r.Failure = f
}

func (p *prober) ms(start time.Time) float64 {
	return float64(time.Since(start).Microseconds()) / 1000
}

// parse: layer 0.
func (p *prober) parse(context.Context) bool {
	s := strings.TrimSpace(p.o.Target)
	var t client.Target
	var err error
	if strings.Contains(s, "=") || strings.Contains(s, "://") {
		var cfg *client.Config
		cfg, err = client.Parse(s)
		if err == nil {
			t = cfg.Target
			if p.o.User == "" {
				p.o.User = cfg.User
			}
			if p.o.Password == "" {
				p.o.Password = cfg.Password
			}
			if p.o.Database == "" {
				p.o.Database = cfg.Database
			}
			if p.o.Encrypt == client.EncryptUnset {
				p.o.Encrypt = cfg.Encrypt
			}
			p.o.TrustCert = p.o.TrustCert || cfg.TrustServerCertificate
		}
	} else {
		t, err = client.ParseServer(s)
	}
	if err != nil {
		p.add(LayerParse, Failed, err.Error())
		p.fail(LayerParse, nil, int32(client.SNIBadConnString), err.Error(), "bad-name")
		return false
	}
	p.target, p.host, p.port = t, t.Host, t.Port
	inst := t.Instance
	if inst == "" {
		inst = service.DefaultInstance
	}
	p.vars["host"] = t.Host
	p.vars["instance"] = inst
	p.vars["user"] = p.o.User
	p.vars["db"] = p.o.Database
	p.vars["target"] = p.o.Target
	if !strings.EqualFold(inst, service.DefaultInstance) {
		p.vars["iflag"] = " --instance " + inst
	} else {
		p.vars["iflag"] = ""
	}
	p.r.Normalized = normalized(t)
	var parts []string
	parts = append(parts, p.t("protocol ", "protocole ")+protoName(t.Protocol))
	parts = append(parts, p.t("host ", "hôte ")+t.Host)
	if t.Instance != "" {
		parts = append(parts, "instance "+t.Instance)
	}
	if t.Port != 0 {
		parts = append(parts, "port "+strconv.Itoa(t.Port))
	}
	if t.Admin {
		parts = append(parts, "DAC")
	}
	var details []string
	if t.Instance != "" && t.Port != 0 {
		details = append(details, p.t("both an instance and a port: the port wins and the Browser is not asked",
			"instance et port donnés : le port l'emporte et le Browser n'est pas interrogé"))
	}
	if p.o.User != "" {
		details = append(details, p.t("login ", "connexion ")+p.o.User)
	}
	p.add(LayerParse, OK, strings.Join(parts, ", "), details...)
	return true
}

func protoName(pr client.Protocol) string {
	switch pr {
	case client.ProtoNamedPipe:
		return "np (unix socket)"
	case client.ProtoSharedMemory:
		return "lpc (unix socket)"
	}
	return "tcp"
}

func normalized(t client.Target) string {
	var b strings.Builder
	switch {
	case t.Admin:
		b.WriteString("admin:")
	case t.Protocol == client.ProtoNamedPipe:
		b.WriteString("np:")
	case t.Protocol == client.ProtoSharedMemory:
		b.WriteString("lpc:")
	default:
		b.WriteString("tcp:")
	}
	b.WriteString(t.Host)
	if t.Instance != "" {
		b.WriteString(`\` + t.Instance)
	}
	if t.Port != 0 {
		b.WriteString("," + strconv.Itoa(t.Port))
	}
	return b.String()
}

// instance: is the target a tsqld instance of this host?
func (p *prober) instance(context.Context) bool {
	if p.o.NoLocal || !isLocalHost(p.host) {
		p.add(LayerInstance, Skipped, p.t("not this host", "pas cet hôte"))
		return true
	}
	port := p.port
	name := p.target.Instance
	switch {
	case p.target.Admin && name == "":
		// admin: names an instance (its DAC), not a TCP port.
		name = service.DefaultInstance
	case port == 0 && name == "":
		port = client.DefaultPort
	}
	li := findLocal(p.o.Home, name, port)
	if li == nil {
		p.add(LayerInstance, Skipped, p.t("no tsqld instance of ", "aucune instance tsqld de ")+p.o.Home+p.t(" matches", " ne correspond"))
		return true
	}
	p.local = li
	p.vars["instance"] = li.Instance
	if !strings.EqualFold(li.Instance, service.DefaultInstance) {
		p.vars["iflag"] = " --instance " + li.Instance
	}
	p.vars["state"] = li.State
	p.vars["listen"] = li.listenText()
	p.vars["actualport"] = strconv.Itoa(li.tcpPort())
	sum := fmt.Sprintf("tsqld %s: %s", li.Instance, li.State)
	var details []string
	if len(li.Endpoints) > 0 {
		details = append(details, p.t("listening: ", "écoute : ")+strings.Join(li.Endpoints, ", "))
	}
	details = append(details, fmt.Sprintf("mssql.conf: network.tcpenabled=%v network.tcpport=%d network.forceencryption=%v",
		li.TCPEnabled, li.ConfiguredPort, li.ForceEncrypt))
	st := OK
	if li.State != service.Running.String() {
		st = Warning
	}
	p.add(LayerInstance, st, sum, details...)
	return true
}

// resolve: every address of the host.
func (p *prober) resolve(ctx context.Context) bool {
	if p.target.Protocol == client.ProtoNamedPipe || p.target.Protocol == client.ProtoSharedMemory {
		inst := p.vars["instance"]
		paths, _, err := service.ResolvePaths(p.o.Home, inst)
		if err == nil {
			p.socket = paths.LocalSocket
		}
		p.add(LayerResolve, Skipped, p.t("local socket ", "socket local ")+p.socket)
		return true
	}
	start := time.Now()
	ctx, cancel := context.WithTimeout(ctx, p.o.Timeout)
	defer cancel()
	ips, err := net.DefaultResolver.LookupIPAddr(ctx, p.host)
	if err != nil {
		l := p.add(LayerResolve, Failed, err.Error())
		l.Millis = p.ms(start)
		p.fail(LayerResolve, client.FromDialError(err, client.ProtoTCP, client.PhaseConnect), 0, "", "dns")
		return false
	}
	for _, ip := range ips {
		p.addrs = append(p.addrs, ip.IP.String())
	}
	l := p.add(LayerResolve, OK, strings.Join(p.addrs, ", "))
	l.Millis = p.ms(start)
	if line := hostsEntry("/etc/hosts", p.host); line != "" {
		l.Details = append(l.Details, p.t("from /etc/hosts: ", "depuis /etc/hosts : ")+line)
	}
	if len(p.addrs) > 1 && !isLocalHost(p.host) {
		l.Details = append(l.Details, p.t("several addresses: each is tried below (MultiSubnetFailover=True helps clients of an AG listener)",
			"plusieurs adresses : chacune est essayée ci-dessous (MultiSubnetFailover=True aide les clients d'un écouteur AG)"))
	}
	return true
}

// browser: SSRP for a named instance without a port.
func (p *prober) browser(ctx context.Context) bool {
	if p.socket != "" {
		p.add(LayerBrowser, Skipped, p.t("local socket", "socket local"))
		return true
	}
	inst := p.target.Instance
	if p.target.Admin && p.port == 0 {
		name := inst
		if name == "" {
			name = service.DefaultInstance
		}
		start := time.Now()
		port, err := p.o.Browser.ResolveDAC(ctx, p.host, name)
		if err != nil {
			if inst != "" {
				p.vars["port"] = "<port>"
				p.add(LayerBrowser, Failed, p.t("no DAC answer: ", "pas de réponse DAC : ")+err.Error())
				p.fail(LayerBrowser, client.InstanceNotFound(err), 0, "", "browser-silent")
				return false
			}
			port = 1434
		}
		p.port = port
		l := p.add(LayerBrowser, OK, fmt.Sprintf(p.t("DAC port %d", "port DAC %d"), port))
		l.Millis = p.ms(start)
		if err != nil {
			l.Details = append(l.Details, p.t("no Browser answer: clients try the default DAC port 1434",
				"pas de réponse du Browser : les clients essaient le port DAC par défaut 1434"))
		}
		if dp := p.local.dacPortOrZero(); dp != 0 && dp != port {
			// Whatever answers on that port is not this instance's DAC.
			l.Status = Warning
			l.Details = append(l.Details, fmt.Sprintf(p.t("tsqld %s's DAC listens on port %d: whatever answers on %d is another server",
				"la DAC de tsqld %s écoute sur le port %d : ce qui répond sur %d est un autre serveur"), p.local.Instance, dp, port))
		}
		p.vars["port"] = strconv.Itoa(p.port)
		return true
	}
	if p.port != 0 || inst == "" {
		if p.port == 0 {
			p.port = client.DefaultPort
			p.add(LayerBrowser, Skipped, p.t("default instance: port 1433", "instance par défaut : port 1433"))
		} else {
			p.add(LayerBrowser, Skipped, fmt.Sprintf(p.t("port %d given", "port %d donné"), p.port))
		}
		p.vars["port"] = strconv.Itoa(p.port)
		return true
	}
	start := time.Now()
	rec, err := p.o.Browser.Lookup(ctx, p.host, inst)
	took := p.ms(start)
	if err != nil {
		p.vars["port"] = "<port>"
		if p.local != nil && p.local.tcpPort() != 0 {
			p.vars["port"] = strconv.Itoa(p.local.tcpPort())
		}
		var nf *browser.InstanceNotFoundError
		if errors.As(err, &nf) {
			p.vars["available"] = strings.Join(nf.Available, ", ")
			if p.vars["available"] == "" {
				p.vars["available"] = p.t("none", "aucune")
			}
			l := p.add(LayerBrowser, Failed, fmt.Sprintf(p.t("UDP 1434 answered without instance %s (instances: %s)", "UDP 1434 a répondu sans l'instance %s (instances : %s)"), inst, p.vars["available"]))
			l.Millis = took
			ids := []string{"instance-unknown"}
			if p.local != nil && p.local.Hidden {
				ids = []string{"hidden-local", "instance-unknown"}
			}
			p.fail(LayerBrowser, client.InstanceNotFound(err), 0, "", ids...)
			return false
		}
		l := p.add(LayerBrowser, Failed, p.t("no answer on UDP 1434 within ", "aucune réponse sur UDP 1434 en ")+p.browserTimeout(), err.Error())
		l.Millis = took
		id := "browser-silent"
		if p.local != nil && p.local.tcpPort() != 0 {
			id = "browser-silent-local"
		}
		ids := []string{id}
		if p.local != nil && p.local.Hidden {
			ids = []string{"hidden-local", id}
		}
		p.fail(LayerBrowser, client.InstanceNotFound(err), 0, "", ids...)
		return false
	}
	if rec.TCPPort == 0 {
		l := p.add(LayerBrowser, Failed, fmt.Sprintf(p.t("instance %s advertised without tcp (version %s)", "instance %s annoncée sans tcp (version %s)"), rec.InstanceName, rec.Version))
		l.Millis = took
		id := "no-tcp"
		if p.local != nil {
			id = "no-tcp-local"
		}
		p.fail(LayerBrowser, client.ProtocolNotSupported(&browser.NoTCPError{Instance: rec.InstanceName}), 0, "", id)
		return false
	}
	p.port = rec.TCPPort
	p.vars["port"] = strconv.Itoa(p.port)
	l := p.add(LayerBrowser, OK, fmt.Sprintf(p.t("instance %s: tcp port %d, version %s", "instance %s : port tcp %d, version %s"), rec.InstanceName, rec.TCPPort, rec.Version))
	l.Millis = took
	return true
}

func (p *prober) browserTimeout() string {
	t := p.o.Browser.Timeout
	if t <= 0 {
		t = time.Second
	}
	return t.String()
}

// tcp: connect to every address.
func (p *prober) tcp(ctx context.Context) bool {
	type attempt struct {
		addr string
		err  error
		ms   float64
	}
	var tries []attempt
	var first net.Conn
	var d net.Dialer
	dial := func(network, addr string) {
		start := time.Now()
		cctx, cancel := context.WithTimeout(ctx, p.o.Timeout)
		c, err := d.DialContext(cctx, network, addr)
		cancel()
		tries = append(tries, attempt{addr, err, p.ms(start)})
		if err == nil {
			if first == nil {
				first = c
			} else {
				c.Close()
			}
		}
	}
	proto := client.ProtoTCP
	if p.socket != "" {
		proto = p.target.Protocol
		dial("unix", p.socket)
	} else {
		for _, a := range p.addrs {
			dial("tcp", net.JoinHostPort(a, strconv.Itoa(p.port)))
		}
	}
	var details []string
	var firstErr error
	for _, t := range tries {
		if t.err == nil {
			details = append(details, fmt.Sprintf("%s %s (%.1f ms)", t.addr, p.t("connected", "connecté"), t.ms))
			continue
		}
		if firstErr == nil {
			firstErr = t.err
		}
		details = append(details, fmt.Sprintf("%s %s (%.1f ms)", t.addr, p.dialWord(t.err), t.ms))
	}
	if first != nil {
		p.conn = first
		sum := fmt.Sprintf(p.t("connected to %s", "connecté à %s"), first.RemoteAddr())
		if p.socket != "" {
			sum = fmt.Sprintf(p.t("connected to %s", "connecté à %s"), p.socket)
		}
		st := OK
		if firstErr != nil {
			st = Warning
		}
		if len(tries) == 1 {
			l := p.add(LayerTCP, st, sum)
			l.Millis = tries[0].ms
			return true
		}
		p.add(LayerTCP, st, sum, details...)
		return true
	}
	sum := p.t("no address accepted the connection", "aucune adresse n'a accepté la connexion")
	if len(details) == 1 {
		sum, details = details[0], nil
	}
	p.add(LayerTCP, Failed, sum, details...)
	ce := client.FromDialError(firstErr, proto, client.PhaseConnect)
	p.fail(LayerTCP, ce, 0, "", p.tcpCauses(firstErr)...)
	return false
}

func (p *prober) dialWord(err error) string {
	var ne net.Error
	switch {
	case errors.Is(err, syscall.ECONNREFUSED):
		return p.t("refused", "refusé")
	case errors.Is(err, syscall.EHOSTUNREACH), errors.Is(err, syscall.ENETUNREACH):
		return p.t("unreachable", "injoignable")
	case errors.Is(err, syscall.ENOENT):
		return p.t("no such socket", "socket inexistant")
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return p.t("timed out", "délai expiré")
	}
	return err.Error()
}

// tcpCauses ranks why nobody accepted the connection.
func (p *prober) tcpCauses(err error) []string {
	refused := errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ENOENT)
	var ne net.Error
	timedOut := errors.Is(err, context.DeadlineExceeded) || errors.As(err, &ne) && ne.Timeout()
	switch {
	case errors.Is(err, syscall.EHOSTUNREACH), errors.Is(err, syscall.ENETUNREACH):
		return []string{"unreachable"}
	case timedOut:
		return []string{"timeout"}
	case !refused:
		return []string{"refused"}
	}
	li := p.local
	if li == nil {
		return []string{"refused"}
	}
	switch li.State {
	case service.Stopped.String():
		return []string{"stopped"}
	case service.StartPending.String():
		return []string{"starting"}
	case service.StopPending.String():
		return []string{"shutting-down"}
	}
	if p.target.Admin {
		switch dp := li.dacPort(); {
		case dp == 0:
			return []string{"dac-disabled"}
		case dp != p.port:
			p.vars["dacport"] = strconv.Itoa(dp)
			return []string{"dac-port"}
		}
	}
	if !li.TCPEnabled || li.tcpPort() == 0 {
		return []string{"tcp-disabled"}
	}
	if li.tcpPort() != p.port {
		if li.ConfiguredPort == p.port {
			return []string{"restart-pending"}
		}
		return []string{"wrong-port"}
	}
	return []string{"refused"}
}

// clientEncryption is the PRELOGIN ENCRYPTION value the client sends.
func (p *prober) clientEncryption() uint8 {
	switch p.o.Encrypt {
	case client.EncryptDisable:
		return tds.EncryptNotSup
	case client.EncryptMandatory, client.EncryptStrict:
		return tds.EncryptOn
	}
	return tds.EncryptOff
}

// prelogin: layer 5.
func (p *prober) prelogin(context.Context) bool {
	start := time.Now()
	inst := p.target.Instance
	enc := p.clientEncryption()
	if p.o.Encrypt == client.EncryptStrict {
		tc, f, err := strictHandshake(p.conn, p.host, p.o.Timeout)
		p.strictMs = p.ms(start)
		if err != nil {
			l := p.add(LayerPrelogin, Failed, p.t("TDS 8 (strict) TLS handshake failed before PRELOGIN: ", "la négociation TLS de TDS 8 (strict) a échoué avant le PRELOGIN : ")+err.Error())
			l.Millis = p.strictMs
			p.fail(LayerPrelogin, client.FromDialError(err, client.ProtoTCP, client.PhasePreLogin), 0, "", "tls-failed")
			return false
		}
		p.strict, p.tlsConn = f, tc
		enc = tds.EncryptStrict
		start = time.Now()
	}
	var rw net.Conn = p.conn
	if p.strict != nil {
		rw = p.tlsConn
	}
	resp, err := preloginExchange(rw, enc, inst, p.o.Timeout)
	took := p.ms(start)
	proto := client.ProtoTCP
	if p.socket != "" {
		proto = p.target.Protocol
	}
	if err != nil {
		var ne net.Error
		var nt *notTDSError
		switch {
		case errors.As(err, &nt):
			l := p.add(LayerPrelogin, Failed, err.Error())
			l.Millis = took
			p.fail(LayerPrelogin, client.NewOSError(client.PhasePreLogin, client.ProviderFor(proto), client.NumReset, err), 0, "", "not-sql")
		case errors.As(err, &ne) && ne.Timeout():
			l := p.add(LayerPrelogin, Failed, p.t("no PRELOGIN reply within ", "aucune réponse PRELOGIN en ")+p.o.Timeout.String())
			l.Millis = took
			p.fail(LayerPrelogin, client.NewPreLoginTimeout(int64(took), 0, err), 0, "", "prelogin-timeout")
		default:
			l := p.add(LayerPrelogin, Failed, p.t("connection closed during PRELOGIN: ", "connexion fermée pendant le PRELOGIN : ")+err.Error())
			l.Millis = took
			p.fail(LayerPrelogin, client.FromDialError(err, proto, client.PhasePreLogin), 0, "", "not-sql")
		}
		return false
	}
	p.serverPL = resp
	v := resp.Version
	sum := fmt.Sprintf(p.t("server %d.%d.%d, encryption %s", "serveur %d.%d.%d, chiffrement %s"), v.Major, v.Minor, v.Build, encryptionName(resp.Encryption))
	p.facts["prelogin_version"] = fmt.Sprintf("%d.%d.%d", v.Major, v.Minor, v.Build)
	p.facts["prelogin_encryption"] = encryptionName(resp.Encryption)
	var details []string
	if resp.HasInstance && resp.Instance != "" && resp.Instance != "\x00" {
		details = append(details, p.t("server rejected the instance name (INSTOPT): wrong instance on this port",
			"le serveur a rejeté le nom d'instance (INSTOPT) : mauvaise instance sur ce port"))
	}
	if enc == tds.EncryptNotSup && resp.Encryption == tds.EncryptReq {
		l := p.add(LayerPrelogin, Failed, sum, p.t("the server requires encryption and the client offers none (17835)", "le serveur exige le chiffrement et le client n'en propose aucun (17835)"))
		l.Millis = took
		p.fail(LayerPrelogin, client.FromDialError(errConnReset, proto, client.PhasePreLogin), 0, "", "encryption-required")
		return false
	}
	l := p.add(LayerPrelogin, OK, sum, details...)
	l.Millis = took
	return true
}

var errConnReset = syscall.ECONNRESET

// tls: layer 6.
func (p *prober) tls(context.Context) bool {
	if p.strict != nil {
		return p.reportTLS(p.strict, p.strictMs, p.t("TDS 8 (strict), before PRELOGIN", "TDS 8 (strict), avant le PRELOGIN"))
	}
	srv := p.serverPL.Encryption &^ tds.EncryptClientCert
	cli := p.clientEncryption()
	if cli == tds.EncryptNotSup || (srv == tds.EncryptNotSup && cli != tds.EncryptOn) {
		p.add(LayerTLS, Skipped, p.t("no encryption negotiated (client ", "aucun chiffrement négocié (client ")+encryptionName(cli)+", server "+encryptionName(srv)+")")
		return true
	}
	if srv == tds.EncryptNotSup {
		p.add(LayerTLS, Failed, p.t("the client requires encryption but the server offers none", "le client exige le chiffrement mais le serveur n'en propose pas"))
		p.fail(LayerTLS, client.NewSNIError(client.PhasePreLogin, client.ProviderSSL, 21, client.NumSNI, nil), 0, "", "tls-failed")
		return false
	}
	start := time.Now()
	tc, hc, f, err := handshake(p.conn, p.host, p.o.Timeout)
	took := p.ms(start)
	if err != nil {
		l := p.add(LayerTLS, Failed, p.t("handshake failed: ", "négociation échouée : ")+err.Error())
		l.Millis = took
		p.fail(LayerTLS, client.FromDialError(err, client.ProtoTCP, client.PhaseLogin), 0, "", "tls-failed")
		return false
	}
	p.loginOnl = srv == tds.EncryptOff && cli == tds.EncryptOff
	if err := hc.Passthrough(p.loginOnl); err != nil {
		p.add(LayerTLS, Failed, err.Error())
		p.fail(LayerTLS, client.FromDialError(err, client.ProtoTCP, client.PhaseLogin), 0, "", "tls-failed")
		return false
	}
	p.tlsConn = tc
	mode := p.t("whole session", "toute la session")
	if p.loginOnl {
		mode = p.t("login packet only", "paquet d'ouverture de session seulement")
	}
	return p.reportTLS(f, took, mode)
}

// reportTLS records the TLS layer from the handshake facts and fails it
// when a validating client would refuse the certificate.
func (p *prober) reportTLS(f *tlsFacts, took float64, mode string) bool {
	sum := fmt.Sprintf("%s %s, %s", f.Version, f.Cipher, mode)
	details := []string{
		p.t("subject: ", "sujet : ") + f.Subject,
		p.t("issuer: ", "émetteur : ") + f.Issuer,
		"SAN: " + strings.Join(f.Names, ", "),
		p.t("expires: ", "expire : ") + f.NotAfter.UTC().Format(time.RFC3339),
	}
	trust := p.t("trusted by this machine", "approuvé par cette machine")
	if !f.Trusted {
		trust = p.t("NOT trusted by this machine", "NON approuvé par cette machine")
		if f.SelfSigned {
			trust += p.t(" (self-signed)", " (auto-signé)")
		}
	}
	details = append(details, trust)
	if f.NameMatch {
		details = append(details, fmt.Sprintf(p.t("host name %s matches", "le nom d'hôte %s correspond"), p.host))
	} else {
		details = append(details, fmt.Sprintf(p.t("host name %s does NOT match", "le nom d'hôte %s NE correspond PAS"), p.host))
	}
	if f.Expired {
		details = append(details, p.t("certificate EXPIRED", "certificat EXPIRÉ"))
	}
	p.vars["subject"] = f.Subject
	p.vars["issuer"] = f.Issuer
	p.vars["names"] = strings.Join(f.Names, ", ")
	for k, v := range map[string]string{"tls_version": f.Version, "tls_cipher": f.Cipher, "certificate_subject": f.Subject, "certificate_issuer": f.Issuer} {
		p.facts[k] = v
	}
	// Strict always validates (TrustServerCertificate is ignored).
	validating := p.o.Encrypt == client.EncryptStrict || p.o.Encrypt == client.EncryptMandatory && !p.o.TrustCert
	l := p.add(LayerTLS, OK, sum, details...)
	l.Millis = took
	switch {
	case validating && (!f.Trusted || f.Expired):
		l.Status = Failed
		p.fail(LayerTLS, client.NewOSError(client.PhaseLogin, client.ProviderSSL, client.NumUntrustedRoot, errors.New(f.TrustErr)), 0, "", "tls-untrusted")
		return false
	case validating && !f.NameMatch:
		l.Status = Failed
		p.fail(LayerTLS, client.NewOSError(client.PhaseLogin, client.ProviderSSL, client.NumCertNameInvalid, nil), 0, "", "tls-name")
		return false
	case !f.Trusted || !f.NameMatch || f.Expired:
		l.Status = Warning
		l.Details = append(l.Details, p.t("a client with Encrypt=Mandatory/Strict (ODBC 18, SqlClient 4+) and no TrustServerCertificate would refuse this certificate",
			"un client avec Encrypt=Mandatory/Strict (ODBC 18, SqlClient 4+) sans TrustServerCertificate refuserait ce certificat"))
	}
	return true
}

// login: layer 7.
func (p *prober) login(context.Context) bool {
	if p.o.User == "" {
		p.add(LayerLogin, Skipped, p.t("no login name given (-U)", "aucun nom de connexion (-U)"))
		return false
	}
	w, r := p.conn, p.conn
	if p.tlsConn != nil {
		w = p.tlsConn
		if !p.loginOnl {
			r = p.tlsConn
		}
	}
	start := time.Now()
	res, err := login(w, r, p.host, p.o.User, p.o.Password, p.o.Database, p.o.Timeout)
	took := p.ms(start)
	if err != nil {
		l := p.add(LayerLogin, Failed, p.t("connection lost during login: ", "connexion perdue pendant l'ouverture de session : ")+err.Error())
		l.Millis = took
		p.fail(LayerLogin, client.FromDialError(err, client.ProtoTCP, client.PhaseLogin), 0, "", "not-sql")
		return false
	}
	if res.ack != nil && len(res.errors) == 0 {
		sum := fmt.Sprintf(p.t("accepted: %s %d.%d.%d", "acceptée : %s %d.%d.%d"), strings.TrimRight(res.ack.ProgName, "\x00 "), res.ack.Major, res.ack.Minor, res.ack.Build)
		var details []string
		for _, k := range []string{"database", "language", "packet_size"} {
			if v, ok := res.env[k]; ok {
				details = append(details, k+": "+v)
				p.facts[k] = v
			}
		}
		p.facts["loginack_version"] = fmt.Sprintf("%d.%d.%d", res.ack.Major, res.ack.Minor, res.ack.Build)
		l := p.add(LayerLogin, OK, sum, details...)
		l.Millis = took
		p.r.Success = true
		return true
	}
	var lines []string
	for _, e := range res.errors {
		lines = append(lines, fmt.Sprintf("Msg %d, Level %d, State %d, Server %s, Line %d", e.Number, e.Class, e.State, e.ServerName, e.Line), e.Text)
	}
	first := tds.ServerMessage{Number: 18456, Text: "Login failed"}
	if len(res.errors) > 0 {
		first = res.errors[0]
	}
	var nums []string
	for _, e := range res.errors {
		nums = append(nums, strconv.Itoa(int(e.Number)))
	}
	l := p.add(LayerLogin, Failed, p.t("refused: ", "refusée : ")+strings.Join(nums, ", ")+" - "+first.Text)
	l.Millis = took
	p.vars["number"] = strconv.Itoa(int(first.Number))
	ids := p.loginCauses(res.errors)
	p.fail(LayerLogin, nil, first.Number, strings.Join(lines, "\n"), ids...)
	f := p.r.Failure
	for _, e := range res.errors {
		f.Sqlcmd = append(f.Sqlcmd, "Sqlcmd: Error: Microsoft "+ODBCDriver+" : "+e.Text+".")
	}
	return false
}

// loginCauses ranks a login refusal, reading the local error log when the
// target is a tsqld instance of this host.
func (p *prober) loginCauses(errs []tds.ServerMessage) []string {
	has := func(n int32) bool {
		for _, e := range errs {
			if e.Number == n {
				return true
			}
		}
		return false
	}
	if p.local != nil && has(18456) {
		p.local.readLoginEvidence(p.o.User)
		if p.local.LoginState != 0 {
			p.vars["state"] = strconv.Itoa(p.local.LoginState)
			p.vars["reason"] = p.local.LoginReason
		}
	}
	var ids []string
	switch {
	case has(17142):
		if p.local != nil {
			ids = append(ids, "paused-local")
		} else {
			ids = append(ids, "paused")
		}
	case has(4060):
		ids = append(ids, "database")
	case has(4064):
		ids = append(ids, "default-database")
	case has(17809):
		if p.local != nil {
			p.vars["limit"] = "?"
			for _, e := range errs {
				// "…the maximum number of '2' user connections…"
				if _, rest, ok := strings.Cut(e.Text, "'"); e.Number == 17809 && ok {
					if n, _, ok := strings.Cut(rest, "'"); ok {
						p.vars["limit"] = n
					}
				}
			}
			ids = append(ids, "connection-limit-local")
		} else {
			ids = append(ids, "connection-limit")
		}
	case has(17810):
		ids = append(ids, "dac-in-use")
	case has(17188):
		ids = append(ids, "shutting-down")
	case has(17187):
		ids = append(ids, "not-ready")
	case has(18461), has(18401), has(18451):
		ids = append(ids, "restricted")
	case has(18456):
		st := 0
		if p.local != nil {
			st = p.local.LoginState
		}
		switch st {
		case 8, 9:
			ids = append(ids, "login-password")
		case 2, 5:
			ids = append(ids, "login-unknown")
		case 7:
			ids = append(ids, "login-disabled")
		case 38, 46:
			ids = append(ids, "database")
		case 13:
			ids = append(ids, "paused-local")
		case 0:
		default:
			ids = append(ids, "login-logged")
		}
		ids = append(ids, "login-failed")
	default:
		ids = append(ids, "login-other")
	}
	return ids
}
