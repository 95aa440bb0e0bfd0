package doctor

import (
	"fmt"
	"net"
	"os"
	"regexp"
	"strconv"
	"strings"

	"github.com/tsqld/tsqld/service"
)

// isLocalHost reports whether host names this machine.
func isLocalHost(host string) bool {
	h := strings.ToLower(host)
	if h == "" || h == "localhost" || h == "." || h == "(local)" {
		return true
	}
	if ip := net.ParseIP(h); ip != nil {
		if ip.IsLoopback() || ip.IsUnspecified() {
			return true
		}
		addrs, _ := net.InterfaceAddrs()
		for _, a := range addrs {
			if n, ok := a.(*net.IPNet); ok && n.IP.Equal(ip) {
				return true
			}
		}
		return false
	}
	if hn, err := os.Hostname(); err == nil && strings.EqualFold(hn, h) {
		return true
	}
	return false
}

// hostsEntry returns the hosts-file line that names host (an entry there
// silently redirects a name, like a stale client alias).
func hostsEntry(path, host string) string {
	if net.ParseIP(host) != nil {
		return ""
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	for _, line := range strings.Split(string(b), "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(line)
		for _, name := range f[min(1, len(f)):] {
			if strings.EqualFold(name, host) {
				return strings.Join(f, " ")
			}
		}
	}
	return ""
}

// findLocal matches the target against the instances of a tsqld home:
// by the instance name when one is given, else by the port (the running
// instance's listeners, or the configured port of a stopped one).
func findLocal(home, instance string, port int) *LocalInstance {
	names, err := service.Instances(home)
	if err != nil || len(names) == 0 {
		return nil
	}
	var best *LocalInstance
	for _, name := range names {
		li := describeLocal(home, name)
		if li == nil {
			continue
		}
		switch {
		case instance != "" && strings.EqualFold(instance, name):
			li.MatchedBy = "instance"
			return li
		case instance == "" && port > 0 && listensOn(li, port):
			li.MatchedBy = "port"
			return li
		case instance == "" && port > 0 && li.ConfiguredPort == port && best == nil:
			li.MatchedBy = "port"
			best = li
		case instance == "" && port == 0 && strings.EqualFold(name, service.DefaultInstance) && best == nil:
			li.MatchedBy = "instance"
			best = li
		}
	}
	return best
}

func listensOn(li *LocalInstance, port int) bool {
	suffix := ":" + strconv.Itoa(port)
	for _, e := range li.Endpoints {
		if strings.HasPrefix(e, "tcp ") && strings.HasSuffix(e, suffix) {
			return true
		}
	}
	return false
}

// describeLocal reads one instance's state, configuration and log path.
func describeLocal(home, name string) *LocalInstance {
	li := &LocalInstance{Instance: name, State: service.Stopped.String()}
	if st, err := service.Status(home, name); err == nil && st != nil {
		li.State = st.State.String()
		li.ErrorLog = st.ErrorLog
		for _, e := range st.Endpoints {
			li.Endpoints = append(li.Endpoints, endpointText(e))
		}
	}
	if paths, cfg, err := service.ResolvePaths(home, name); err == nil {
		if li.ErrorLog == "" {
			li.ErrorLog = paths.ErrorLog
		}
		if cfg != nil {
			li.ConfiguredPort = cfg.Int("network.tcpport")
			li.TCPEnabled = cfg.Bool("network.tcpenabled")
			li.ForceEncrypt = cfg.Bool("network.forceencryption")
			li.Hidden = cfg.Bool("network.hideinstance")
		}
	}
	if rt, ok, err := service.ReadRuntime(home, name); err == nil && ok && len(li.Endpoints) == 0 {
		for _, e := range rt.Endpoints {
			li.Endpoints = append(li.Endpoints, endpointText(e))
		}
	}
	return li
}

func endpointText(e service.Endpoint) string {
	if e.Protocol == service.ProtoLocal {
		return "local " + e.Address
	}
	return fmt.Sprintf("%s %s", e.Protocol, net.JoinHostPort(e.Address, strconv.Itoa(e.Port)))
}

// tcpPort returns the first TCP port the instance listens on (0: none).
func (li *LocalInstance) tcpPort() int {
	for _, e := range li.Endpoints {
		if strings.HasPrefix(e, "tcp ") {
			if i := strings.LastIndexByte(e, ':'); i >= 0 {
				if p, err := strconv.Atoi(e[i+1:]); err == nil {
					return p
				}
			}
		}
	}
	return 0
}

// dacPort returns the port of the instance's DAC listener (0: none).
func (li *LocalInstance) dacPort() int {
	for _, e := range li.Endpoints {
		if strings.HasPrefix(e, "dac ") {
			if i := strings.LastIndexByte(e, ':'); i >= 0 {
				if p, err := strconv.Atoi(e[i+1:]); err == nil {
					return p
				}
			}
		}
	}
	return 0
}

// dacPortOrZero is dacPort on a possibly nil instance.
func (li *LocalInstance) dacPortOrZero() int {
	if li == nil {
		return 0
	}
	return li.dacPort()
}

// listenText lists the TCP listeners for a message.
func (li *LocalInstance) listenText() string {
	var out []string
	for _, e := range li.Endpoints {
		if strings.HasPrefix(e, "tcp ") {
			out = append(out, strings.TrimPrefix(e, "tcp "))
		}
	}
	if len(out) == 0 {
		return "no TCP port"
	}
	return strings.Join(out, ", ")
}

var errorLine = regexp.MustCompile(`^Error: (\d+), Severity: (\d+), State: (\d+)\.$`)

// readLoginEvidence finds the last logged failure for the user (18456 and
// its Reason line, 17142, 4060 …) in the instance's current error log.
func (li *LocalInstance) readLoginEvidence(user string) {
	if li.ErrorLog == "" {
		return
	}
	rows, err := service.ReadErrorLog(li.ErrorLog, 0, "", "")
	if err != nil {
		return
	}
	needle := fmt.Sprintf("for user '%s'.", user)
	for i := len(rows) - 1; i >= 1; i-- {
		text := rows[i].Text
		if !strings.Contains(text, needle) {
			continue
		}
		m := errorLine.FindStringSubmatch(rows[i-1].Text)
		if m == nil || m[1] != "18456" {
			continue
		}
		li.LoginState, _ = strconv.Atoi(m[3])
		if j := strings.Index(text, "Reason: "); j >= 0 {
			reason := text[j+len("Reason: "):]
			if k := strings.Index(reason, " [CLIENT:"); k >= 0 {
				reason = reason[:k]
			}
			li.LoginReason = reason
		}
		ts := rows[i].LogDate.Format(service.LogTimeLayout)
		li.LogEvidence = append(li.LogEvidence,
			ts+" "+rows[i-1].ProcessInfo+" "+rows[i-1].Text,
			ts+" "+rows[i].ProcessInfo+" "+text)
		return
	}
}
