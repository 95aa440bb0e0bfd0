package service

import (
	"encoding/json"
	"errors"
	"os"
	"sort"
	"time"
)

// Runtime is the state file a running instance writes in its directory
// (runtime.json) once its listeners are open. The Browser reads it to
// advertise the ports actually listening (not the configured ones: a port
// change shows only after a restart), and status/pending read Effective.
type Runtime struct {
	Instance   string            `json:"instance"`
	PID        int               `json:"pid"`
	ServerName string            `json:"server_name"`
	Version    string            `json:"version"`
	Edition    string            `json:"edition"`
	Started    time.Time         `json:"started"`
	Endpoints  []Endpoint        `json:"endpoints"`
	TCPPort    int               `json:"tcp_port,omitempty"`
	DACPort    int               `json:"dac_port,omitempty"`
	Clustered  bool              `json:"clustered"`
	ErrorLog   string            `json:"errorlog"`
	Effective  map[string]string `json:"effective"`
}

// derivePorts fills TCPPort/DACPort from Endpoints.
func (r *Runtime) derivePorts() {
	r.TCPPort, r.DACPort = 0, 0
	for _, e := range r.Endpoints {
		switch e.Protocol {
		case ProtoTCP:
			if r.TCPPort == 0 {
				r.TCPPort = e.Port
			}
		case ProtoDAC:
			if r.DACPort == 0 {
				r.DACPort = e.Port
			}
		}
	}
}

// writeRuntime writes the file atomically.
func writeRuntime(path string, r *Runtime) error {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, append(b, '\n'), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// ReadRuntime reads an instance's runtime file; ok is false when the
// instance is not running (no file, or its process is gone).
func ReadRuntime(home, instance string) (*Runtime, bool, error) {
	p, err := PathsFor(home, instance)
	if err != nil {
		return nil, false, err
	}
	return readRuntimeFile(p.RuntimeFile)
}

func readRuntimeFile(path string) (*Runtime, bool, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, false, nil
		}
		return nil, false, err
	}
	var r Runtime
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, false, err
	}
	if !processAlive(r.PID) {
		return &r, false, nil
	}
	return &r, true, nil
}

// PendingChange is a setting whose configured value differs from the one
// the running engine started with.
type PendingChange struct {
	Key        string `json:"key"`
	Running    string `json:"running"`
	Configured string `json:"configured"`
}

// pending compares the effective values recorded at start with cfg; only
// restart settings can be pending (the others apply at once).
func pending(effective map[string]string, cfg *Config) []PendingChange {
	var out []PendingChange
	for _, s := range registry {
		if !s.Restart {
			continue
		}
		now := cfg.get(s)
		was, ok := effective[s.Key]
		if !ok {
			was = s.DefaultFor(cfg.instance)
		}
		if now != was {
			out = append(out, PendingChange{Key: s.Key, Running: was, Configured: now})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}

// Pending is `tsqld config pending`: changes in mssql.conf that wait for a
// restart. Nil when the instance is not running (everything applies at
// the next start).
func Pending(home, instance string) ([]PendingChange, error) {
	p, cfg, err := ResolvePaths(home, instance)
	if err != nil {
		return nil, err
	}
	r, ok, err := readRuntimeFile(p.RuntimeFile)
	if err != nil || !ok {
		return nil, err
	}
	return pending(r.Effective, cfg), nil
}
