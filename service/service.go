package service

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/tsqld/tsqld/internal/version"
)

// Options configures Open (what `tsqld serve` passes).
type Options struct {
	Home     string
	Instance string
	// Console receives a copy of the error log (container mode: stdout).
	Console io.Writer
	// Getenv reads the container variables at first start (os.Getenv).
	Getenv func(string) string
	// ServerName is the machine name (os.Hostname, upper-cased).
	ServerName string
	// Version is the product version (internal/version).
	Version string
	// Now replaces time.Now in the error log (tests).
	Now func() time.Time
}

// Service is one instance being served by this process: it owns the lock,
// the configuration, the error log, the state machine and the control
// socket, and drives an Instance through start, pause, continue and stop.
type Service struct {
	opts    Options
	paths   Paths
	cfg     *Config
	log     *ErrorLog
	lock    *pidLock
	machine *Machine
	first   *FirstStart

	mu        sync.Mutex
	inst      Instance
	started   time.Time
	endpoints []Endpoint
	effective map[string]string
	ctl       *controlServer
	stopCh    chan stopRequest
	ran       bool
}

type stopRequest struct {
	nowait   bool
	shutdown bool // system shutdown (signal) rather than a service stop
}

// Open prepares an instance for serving: it creates its directories, takes
// the instance lock (a second Open of the same instance fails with
// *AlreadyRunningError), applies the container environment when the
// instance is new, validates mssql.conf, and starts a new error log
// (archiving the previous one) with SQL Server's startup banner.
func Open(o Options) (*Service, error) {
	p, err := PathsFor(o.Home, o.Instance)
	if err != nil {
		return nil, err
	}
	if o.Version == "" {
		o.Version = version.Product()
	}
	if o.ServerName == "" {
		h, _ := os.Hostname()
		h, _, _ = strings.Cut(h, ".")
		o.ServerName = strings.ToUpper(h)
	}
	if err := os.MkdirAll(p.Dir, 0o755); err != nil {
		return nil, err
	}
	lock, err := acquirePIDLock(p.PIDFile, p.Instance)
	if err != nil {
		return nil, err
	}
	s := &Service{opts: o, lock: lock, machine: NewMachine(), stopCh: make(chan stopRequest, 1)}
	fail := func(err error) (*Service, error) {
		lock.release()
		return nil, err
	}
	cfg, err := LoadConfig(p.Conf, p.Instance)
	if err != nil {
		return fail(err)
	}
	if !fileExists(p.Conf) {
		fs, err := ApplyEnvironment(cfg, o.Getenv)
		if err != nil {
			return fail(err)
		}
		if err := cfg.SaveTo(p.Conf); err != nil {
			return fail(err)
		}
		s.first = fs
	}
	if err := cfg.Validate(); err != nil {
		return fail(fmt.Errorf("%s: %w", p.Conf, err))
	}
	p.applyConfig(cfg)
	if s.first == nil && dirEmpty(p.DataDir) {
		// mssql.conf exists but there are no databases yet (configured
		// before the first start, or data removed): master will be created,
		// so the sa password is needed; settings stay as configured.
		fs, err := ApplyEnvironment(cfg.clone(), o.Getenv)
		if err != nil {
			return fail(err)
		}
		fs.Applied = nil
		s.first = fs
	}
	for _, d := range []string{p.DataDir, p.LogDir} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return fail(err)
		}
	}
	s.paths, s.cfg = p, cfg
	s.log, err = OpenErrorLog(p.ErrorLog, ErrorLogOptions{Keep: cfg.Int("sqlserver.numerrorlogs"), Console: o.Console, Rotate: true, Now: o.Now})
	if err != nil {
		return fail(err)
	}
	s.log.SetHeader(s.writeBanner)
	s.writeBanner(s.log)
	s.writeStartupLines()
	return s, nil
}

// Paths returns the instance's files (filelocation.* applied).
func (s *Service) Paths() Paths { return s.paths }

// Config returns mssql.conf as read at start: the effective configuration.
func (s *Service) Config() *Config { return s.cfg }

// ErrorLog is the log the engine writes login failures and such to.
func (s *Service) ErrorLog() *ErrorLog { return s.log }

// FirstStart is non-nil when Open created the instance or its data
// directory is empty; its SAPassword is for the engine's new master
// database (print it once when Generated).
func (s *Service) FirstStart() *FirstStart { return s.first }

// ServerName is the machine name used for @@SERVERNAME and the Browser.
func (s *Service) ServerName() string { return s.opts.ServerName }

// State is the current service state.
func (s *Service) State() State { return s.machine.State() }

// Edition is the SERVERPROPERTY('Edition') text of the configuration.
func (s *Service) Edition() string { return EditionName(s.cfg.Get("sqlserver.edition")) }

// Run starts inst and serves controls until the instance stops: by a stop
// control (17148), by Stop, or by ctx ending (a signal: 17147). It writes
// the listening lines, the runtime file and the "ready for client
// connections" line, and on return everything is released (lock, socket,
// runtime file, log).
func (s *Service) Run(ctx context.Context, inst Instance) error {
	s.mu.Lock()
	if s.ran {
		s.mu.Unlock()
		return errors.New("service: Run called twice")
	}
	s.ran, s.inst = true, inst
	s.mu.Unlock()
	defer s.release()

	if _, err := s.machine.Begin(ControlStart); err != nil {
		return err
	}
	ctl, err := listenControl(s.paths.ControlSocket, s.handleControl)
	if err != nil {
		s.log.Logf(SourceServer, "Could not open the control channel '%s': %v", s.paths.ControlSocket, err)
		s.finishStopped()
		return err
	}
	s.mu.Lock()
	s.ctl = ctl
	s.mu.Unlock()

	if !s.cfg.Bool("network.tcpenabled") && !s.cfg.Bool("network.localsocket") {
		s.log.NoProtocols()
		s.finishStopped()
		return errors.New("all protocols are disabled (network.tcpenabled and network.localsocket are 0)")
	}

	// Not derived from ctx: a signal must stop the engine through Stop,
	// in order, not by cancelling whatever the instance tied to this
	// context. It is cancelled by hand when a stop interrupts the start.
	startCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	defer cancel()
	startErr := make(chan error, 1)
	go func() { startErr <- inst.Start(startCtx) }()
	var req stopRequest
	select {
	case err := <-startErr:
		if err != nil {
			s.logStartFailure(err)
			s.finishStopped()
			return err
		}
	case req = <-s.stopCh:
		cancel()
		if err := <-startErr; err != nil {
			s.finishStopped()
			return nil
		}
		return s.finishStop(req)
	case <-ctx.Done():
		cancel()
		if err := <-startErr; err != nil {
			s.finishStopped()
			return nil
		}
		if do, _ := s.machine.Begin(ControlStop); !do {
			return s.finishStop(<-s.stopCh)
		}
		return s.finishStop(stopRequest{shutdown: true})
	}

	s.mu.Lock()
	s.started = time.Now()
	s.endpoints = inst.Endpoints()
	s.effective = s.cfg.Effective()
	s.mu.Unlock()
	var dac []Endpoint
	for _, e := range s.endpoints {
		if e.Protocol == ProtoDAC {
			dac = append(dac, e)
			continue
		}
		s.log.Listening(e)
	}
	s.log.ListeningDAC(dac)
	if strings.EqualFold(s.cfg.Get("sqlserver.edition"), "Express") && !hasProto(s.endpoints, ProtoDAC) {
		s.log.Log(SourceServer, MsgDACDisabled)
	}
	if err := s.writeRuntimeFile(); err != nil {
		s.log.Logf(SourceServer, "Could not write the runtime state file '%s': %v", s.paths.RuntimeFile, err)
	}
	if err := s.machine.To(Running); err != nil {
		// A stop arrived between Start returning and here.
		return s.finishStop(<-s.stopCh)
	}
	s.log.Log(SourceServer, MsgReady)
	s.log.Log(SourceServer, MsgRecoveryComplete)

	select {
	case req = <-s.stopCh:
	case <-ctx.Done():
		if do, _ := s.machine.Begin(ControlStop); do {
			req = stopRequest{shutdown: true}
		} else {
			req = <-s.stopCh // a stop control got there first
		}
	}
	return s.finishStop(req)
}

func hasProto(eps []Endpoint, proto string) bool {
	for _, e := range eps {
		if e.Protocol == proto {
			return true
		}
	}
	return false
}

func (s *Service) logStartFailure(err error) {
	if ep, ok := listenFailure(err); ok {
		s.log.ListenFailed(ep, err)
		return
	}
	s.log.Logf(SourceServer, "SQL Server could not start: %v", err)
}

func (s *Service) writeRuntimeFile() error {
	s.mu.Lock()
	r := &Runtime{
		Instance: s.paths.Instance, PID: os.Getpid(), ServerName: s.opts.ServerName,
		Version: s.opts.Version, Edition: s.Edition(), Started: s.started,
		Endpoints: s.endpoints, ErrorLog: s.paths.ErrorLog, Effective: s.effective,
	}
	s.mu.Unlock()
	r.derivePorts()
	return writeRuntime(s.paths.RuntimeFile, r)
}

// finishStop performs a stop already moved to STOP_PENDING.
func (s *Service) finishStop(req stopRequest) error {
	if req.shutdown {
		s.log.Log(SourceServer, MsgSysShutdwn)
	} else {
		s.log.Log(SourceServer, MsgStopping)
	}
	os.Remove(s.paths.RuntimeFile)
	err := s.inst.Stop(req.nowait)
	s.finishStopped()
	return err
}

func (s *Service) finishStopped() {
	st := s.machine.State()
	if st != Stopped && st != StopPending {
		s.machine.To(StopPending)
	}
	if s.machine.State() == StopPending {
		s.machine.To(Stopped)
	}
}

// release frees everything the process holds for the instance.
func (s *Service) release() {
	s.mu.Lock()
	ctl := s.ctl
	s.ctl = nil
	s.mu.Unlock()
	// Not ctl.close(): it waits for in-flight handlers, and a stop handler
	// may be the caller's own request; closing the listener is enough.
	if ctl != nil {
		close(ctl.closing)
		ctl.ln.Close()
	}
	os.Remove(s.paths.RuntimeFile)
	s.log.Close()
	s.lock.release()
}

// Close releases an opened service that was never Run (a failure between
// Open and Run in the caller).
func (s *Service) Close() {
	s.mu.Lock()
	ran := s.ran
	s.mu.Unlock()
	if !ran {
		s.release()
	}
}

func dirEmpty(dir string) bool {
	ents, err := os.ReadDir(dir)
	return err != nil || len(ents) == 0
}
