package doctor

import (
	"context"
	"fmt"
	"net"
	"strconv"
	"strings"
	"time"

	"github.com/tsqld/tsqld/client"
	"github.com/tsqld/tsqld/service"
)

// LayerAlias is the client alias lookup, done before anything else.
const LayerAlias = "alias"

func init() {
	causes["alias-stale"] = causeText{
		"The client alias {alias} points at {host},{port}, but {source} says instance {instance} listens on TCP port {actualport}.",
		"L'alias client {alias} pointe vers {host},{port}, mais {source} indique que l'instance {instance} écoute sur le port TCP {actualport}.",
		"tsqld config alias set {alias} tcp:{host},{actualport}",
		"tsqld config alias set {alias} tcp:{host},{actualport}",
	}
	causes["alias-nothing"] = causeText{
		"The client alias {alias} points at {host},{port}, where nothing listens{available}.",
		"L'alias client {alias} pointe vers {host},{port}, où rien n'écoute{available}.",
		"Find the instance's port (tsqld status, or \"Server is listening on\" in its error log) and correct the alias: tsqld config alias set {alias} tcp:{host},<port>\nor remove it: tsqld config alias unset {alias}",
		"Trouvez le port de l'instance (tsqld status, ou « Server is listening on » dans son journal des erreurs) et corrigez l'alias : tsqld config alias set {alias} tcp:{host},<port>\nou supprimez-le : tsqld config alias unset {alias}",
	}
}

// alias: layer -1, SqlClient/ODBC replace an aliased name before parsing.
func (p *prober) alias(context.Context) bool {
	if p.o.AliasFile == "" {
		return true
	}
	a := strings.TrimSpace(p.o.Target)
	target, al, err := client.ResolveAlias(p.o.AliasFile, a)
	if err != nil {
		p.add(LayerAlias, Failed, err.Error())
		p.fail(LayerAlias, nil, 0, err.Error())
		return false
	}
	if al == nil {
		// Most runs use no alias: say so only when the file has some.
		if all, _ := client.LoadAliases(p.o.AliasFile); len(all) > 0 && !strings.ContainsAny(a, "=:") {
			p.add(LayerAlias, Skipped, fmt.Sprintf(p.t("%s is not an alias (%s)", "%s n'est pas un alias (%s)"), a, p.o.AliasFile))
		}
		return true
	}
	p.aliasUsed = al
	p.aliasLayer = len(p.r.Layers)
	p.vars["alias"] = al.Name
	p.o.Target = target
	p.add(LayerAlias, OK, fmt.Sprintf("%s → %s", al.Name, al.Target), p.t("from ", "depuis ")+p.o.AliasFile)
	return true
}

// aliasCheck runs once the target and the local instances are known: an
// alias whose port nobody listens on, or that the Browser or the local
// instance contradict, is the failing layer (the client would quietly
// go to the wrong place).
func (p *prober) aliasCheck(ctx context.Context) bool {
	al := p.aliasUsed
	if al == nil || p.target.Protocol == client.ProtoNamedPipe || p.target.Protocol == client.ProtoSharedMemory {
		return true
	}
	port := p.port
	if port == 0 {
		if p.target.Instance != "" {
			return true // the Browser layer resolves it
		}
		port = client.DefaultPort
	}
	p.vars["port"] = strconv.Itoa(port)
	inst := p.target.Instance
	if inst == "" {
		if t, err := client.ParseServer(al.Name); err == nil {
			inst = t.Instance
		}
	}
	timeout := p.o.Timeout
	if timeout > 2*time.Second {
		timeout = 2 * time.Second
	}
	var d net.Dialer
	dctx, cancel := context.WithTimeout(ctx, timeout)
	c, err := d.DialContext(dctx, "tcp", net.JoinHostPort(p.host, strconv.Itoa(port)))
	cancel()
	listening := err == nil
	if listening {
		c.Close()
	}
	truth, source := 0, ""
	if inst != "" {
		if bp, err := p.o.Browser.Resolve(ctx, p.host, inst); err == nil && bp != 0 {
			truth, source = bp, fmt.Sprintf(p.t("the Browser of %s", "le Browser de %s"), p.host)
		}
	}
	configured := false // a stopped local instance is configured on this port
	if truth == 0 && !p.o.NoLocal && isLocalHost(p.host) {
		var li *LocalInstance
		if inst != "" {
			li = findLocal(p.o.Home, inst, 0)
		} else if !listening {
			li = findLocal(p.o.Home, "", port)
			if li == nil {
				li = onlyRunningTCP(p.o.Home)
			}
		}
		if li != nil {
			if inst == "" {
				inst = li.Instance
			}
			if li.State == service.Running.String() && li.tcpPort() != 0 && !listensOn(li, port) {
				truth = li.tcpPort()
				source = "tsqld status"
			}
			configured = li.ConfiguredPort == port && li.State != service.Running.String()
		}
	}
	if inst == "" {
		inst = service.DefaultInstance
	}
	p.vars["instance"] = inst
	l := &p.r.Layers[p.aliasLayer]
	switch {
	case truth != 0 && truth != port:
		p.vars["actualport"] = strconv.Itoa(truth)
		p.vars["source"] = source
		l.Status = Failed
		l.Details = append(l.Details, fmt.Sprintf(p.t("%s says port %d, the alias says %d", "%s indique le port %d, l'alias dit %d"), source, truth, port))
		var ce *client.ConnError
		if !listening {
			ce = client.FromDialError(err, client.ProtoTCP, client.PhaseConnect)
		}
		p.fail(LayerAlias, ce, 0, "", "alias-stale")
		return false
	case !listening && !configured:
		p.vars["available"] = p.browserListing(ctx)
		l.Status = Failed
		l.Details = append(l.Details, fmt.Sprintf(p.t("nothing listens on %s,%d", "rien n'écoute sur %s,%d"), p.host, port))
		p.fail(LayerAlias, client.FromDialError(err, client.ProtoTCP, client.PhaseConnect), 0, "", "alias-nothing")
		return false
	}
	return true
}

// onlyRunningTCP is the home's single running instance with a TCP port.
func onlyRunningTCP(home string) *LocalInstance {
	names, err := service.Instances(home)
	if err != nil {
		return nil
	}
	var found *LocalInstance
	for _, n := range names {
		li := describeLocal(home, n)
		if li != nil && li.State == service.Running.String() && li.tcpPort() != 0 {
			if found != nil {
				return nil
			}
			found = li
		}
	}
	return found
}

// browserListing names the TCP ports the host's Browser advertises, as a
// clause for the alias-nothing cause.
func (p *prober) browserListing(ctx context.Context) string {
	recs, err := p.o.Browser.List(ctx, p.host)
	if err != nil || len(recs) == 0 {
		return ""
	}
	var parts []string
	for _, r := range recs {
		if r.TCPPort != 0 {
			parts = append(parts, r.InstanceName+" "+strconv.Itoa(int(r.TCPPort)))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return p.t("; the Browser advertises ", " ; le Browser annonce ") + strings.Join(parts, ", ")
}
