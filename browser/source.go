package browser

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"

	"gopkg.in/ini.v1"
)

// Instance is what the Browser advertises for one running instance.
type Instance struct {
	Name       string
	ServerName string
	Version    string
	Clustered  bool
	// TCPPort is the listening TDS port (0: TCP disabled → no "tcp;").
	TCPPort int
	// DACPort is the listening DAC port (0: no DAC → no DAC reply).
	DACPort int
	Hidden  bool
}

// Record converts the instance to its SVR_RESP record.
func (i Instance) Record() Record {
	return Record{ServerName: i.ServerName, InstanceName: i.Name, IsClustered: i.Clustered, Version: i.Version, TCPPort: i.TCPPort}
}

// Source lists the instances to advertise; it is called per request, so
// changes (a start, a stop, HideInstance) show at once.
type Source interface {
	Instances() ([]Instance, error)
}

// StaticSource is a fixed list (tests, embedding).
type StaticSource []Instance

// Instances returns the list.
func (s StaticSource) Instances() ([]Instance, error) { return s, nil }

// HomeSource discovers the instances of a tsqld home: every
// <home>/<INSTANCE>/runtime.json whose process is alive.
type HomeSource struct {
	Home string
	// ServerName overrides the runtime files' machine name.
	ServerName string
}

// runtimeFile is the part of the service's runtime.json the Browser uses.
type runtimeFile struct {
	Instance   string `json:"instance"`
	PID        int    `json:"pid"`
	ServerName string `json:"server_name"`
	Version    string `json:"version"`
	TCPPort    int    `json:"tcp_port"`
	DACPort    int    `json:"dac_port"`
	Clustered  bool   `json:"clustered"`
}

// Instances reads the runtime files.
func (h HomeSource) Instances() ([]Instance, error) {
	paths, err := filepath.Glob(filepath.Join(h.Home, "*", "runtime.json"))
	if err != nil {
		return nil, err
	}
	var out []Instance
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			continue // stopped between Glob and read
		}
		var rf runtimeFile
		if json.Unmarshal(b, &rf) != nil || rf.Instance == "" || !alive(rf.PID) {
			continue
		}
		inst := Instance{Name: rf.Instance, ServerName: rf.ServerName, Version: rf.Version,
			Clustered: rf.Clustered, TCPPort: rf.TCPPort, DACPort: rf.DACPort}
		if h.ServerName != "" {
			inst.ServerName = h.ServerName
		}
		if inst.ServerName == "" {
			inst.ServerName = hostName()
		}
		inst.Hidden = hidden(filepath.Join(filepath.Dir(p), "mssql.conf"))
		out = append(out, inst)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// hidden reads network.hideinstance from mssql.conf now, not from the
// runtime file: HideInstance takes effect without a restart.
func hidden(conf string) bool {
	f, err := ini.LoadSources(ini.LoadOptions{Insensitive: true, Loose: true}, conf)
	if err != nil {
		return false
	}
	v := strings.ToLower(strings.TrimSpace(f.Section("network").Key("hideinstance").String()))
	return v == "1" || v == "true" || v == "yes" || v == "on"
}

func alive(pid int) bool {
	if pid <= 0 {
		return false
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

func hostName() string {
	h, _ := os.Hostname()
	h, _, _ = strings.Cut(h, ".")
	return strings.ToUpper(h)
}
