package service

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// DefaultInstance is the default instance's name, as on SQL Server.
const DefaultInstance = "MSSQLSERVER"

// File names inside an instance directory.
const (
	confFileName    = "mssql.conf"
	errorLogName    = "errorlog"
	controlSockName = "control.sock"
	sqlSockName     = "sql.sock"
	pidFileName     = "tsqld.pid"
	runtimeFileName = "runtime.json"
	serveOutName    = "serve.out"
	certFileName    = "server.crt"
	keyFileName     = "server.key"
)

// DefaultHome is $TSQLD_HOME, else /var/opt/tsqld for root (like
// /var/opt/mssql), else ~/.tsqld.
func DefaultHome() string {
	if h := os.Getenv("TSQLD_HOME"); h != "" {
		return h
	}
	if os.Geteuid() == 0 {
		return "/var/opt/tsqld"
	}
	if d, err := os.UserHomeDir(); err == nil {
		return filepath.Join(d, ".tsqld")
	}
	return ".tsqld"
}

// NormalizeInstance validates an instance name with SQL Server's rules and
// returns its canonical (upper-case) spelling; instance names are not case
// sensitive, so one directory per name. "" means the default instance.
func NormalizeInstance(name string) (string, error) {
	if name == "" {
		return DefaultInstance, nil
	}
	up := strings.ToUpper(name)
	if up == "DEFAULT" {
		return "", fmt.Errorf("instance name %q is reserved", name)
	}
	if len(name) > 16 {
		return "", fmt.Errorf("instance name %q is longer than 16 characters", name)
	}
	for i, r := range name {
		ok := r == '_' || (r >= 'A' && r <= 'Z') || (r >= 'a' && r <= 'z') ||
			(i > 0 && (r == '$' || (r >= '0' && r <= '9')))
		if !ok {
			return "", fmt.Errorf("instance name %q is not valid: it must start with a letter or '_' and contain only letters, digits, '_' and '$'", name)
		}
	}
	return up, nil
}

// Paths are the files of one instance.
type Paths struct {
	Home     string `json:"home"`
	Instance string `json:"instance"`
	Dir      string `json:"dir"`
	Conf     string `json:"conf"`
	DataDir  string `json:"data_dir"`
	LogDir   string `json:"log_dir"`
	ErrorLog string `json:"errorlog"`
	// ServeOut receives the detached process's stdout/stderr (Go panics).
	ServeOut      string `json:"serve_out"`
	ControlSocket string `json:"control_socket"`
	// LocalSocket is the Unix socket the engine listens on for local TDS
	// connections (network.localsocket); SQL Server's shared memory.
	LocalSocket string `json:"local_socket"`
	PIDFile     string `json:"pid_file"`
	RuntimeFile string `json:"runtime_file"`
	CertFile    string `json:"cert_file"`
	KeyFile     string `json:"key_file"`
}

// PathsFor returns the default layout of an instance (no configuration is
// read: see ResolvePaths for filelocation.* overrides).
func PathsFor(home, instance string) (Paths, error) {
	inst, err := NormalizeInstance(instance)
	if err != nil {
		return Paths{}, err
	}
	if home == "" {
		home = DefaultHome()
	}
	dir := filepath.Join(home, inst)
	logDir := filepath.Join(dir, "log")
	return Paths{
		Home:          home,
		Instance:      inst,
		Dir:           dir,
		Conf:          filepath.Join(dir, confFileName),
		DataDir:       filepath.Join(dir, "data"),
		LogDir:        logDir,
		ErrorLog:      filepath.Join(logDir, errorLogName),
		ServeOut:      filepath.Join(logDir, serveOutName),
		ControlSocket: filepath.Join(dir, controlSockName),
		LocalSocket:   filepath.Join(dir, sqlSockName),
		PIDFile:       filepath.Join(dir, pidFileName),
		RuntimeFile:   filepath.Join(dir, runtimeFileName),
		CertFile:      filepath.Join(dir, certFileName),
		KeyFile:       filepath.Join(dir, keyFileName),
	}, nil
}

// ResolvePaths is PathsFor with the filelocation.* settings of the
// instance's mssql.conf applied (a missing file means defaults).
func ResolvePaths(home, instance string) (Paths, *Config, error) {
	p, err := PathsFor(home, instance)
	if err != nil {
		return p, nil, err
	}
	cfg, err := LoadConfig(p.Conf, p.Instance)
	if err != nil {
		return p, nil, err
	}
	p.applyConfig(cfg)
	return p, cfg, nil
}

func (p *Paths) applyConfig(cfg *Config) {
	if d := cfg.Get("filelocation.defaultdatadir"); d != "" {
		p.DataDir = d
	}
	if d := cfg.Get("filelocation.errorlogdir"); d != "" {
		p.LogDir = d
		p.ErrorLog = filepath.Join(d, errorLogName)
		p.ServeOut = filepath.Join(d, serveOutName)
	}
	if c := cfg.Get("network.tlscert"); c != "" {
		p.CertFile = c
	}
	if k := cfg.Get("network.tlskey"); k != "" {
		p.KeyFile = k
	}
}

// Instances lists the instance directories under home (those holding an
// mssql.conf or a runtime file), sorted.
func Instances(home string) ([]string, error) {
	if home == "" {
		home = DefaultHome()
	}
	ents, err := os.ReadDir(home)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, nil
		}
		return nil, err
	}
	var out []string
	for _, e := range ents {
		if !e.IsDir() {
			continue
		}
		if _, err := NormalizeInstance(e.Name()); err != nil {
			continue
		}
		d := filepath.Join(home, e.Name())
		if fileExists(filepath.Join(d, confFileName)) || fileExists(filepath.Join(d, runtimeFileName)) {
			out = append(out, e.Name())
		}
	}
	return out, nil
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
