package service

import (
	"fmt"
	"os"
	"slices"
	"time"
)

// Pause is the pause control: new logins are refused (17144 logged).
func (s *Service) Pause() error {
	do, err := s.machine.Begin(ControlPause)
	if err != nil || !do {
		return err
	}
	s.inst.Pause()
	s.log.Log(SourceServer, MsgPaused)
	return s.settle(Paused)
}

// settle ends a pause/continue; a stop that arrived meanwhile wins and is
// not an error for the pause or continue.
func (s *Service) settle(to State) error {
	err := s.machine.To(to)
	if err != nil && s.machine.State() == StopPending {
		return nil
	}
	return err
}

// Continue is the continue control (17146 logged).
func (s *Service) Continue() error {
	do, err := s.machine.Begin(ControlContinue)
	if err != nil || !do {
		return err
	}
	s.inst.Continue()
	s.log.Log(SourceServer, MsgContinued)
	return s.settle(Running)
}

// Stop is the stop control; it returns once STOP_PENDING is entered and
// Run finishes the stop. T-SQL SHUTDOWN [WITH NOWAIT] calls it too.
func (s *Service) Stop(nowait bool) error {
	do, err := s.machine.Begin(ControlStop)
	if err != nil || !do {
		return err
	}
	s.stopCh <- stopRequest{nowait: nowait}
	return nil
}

// CycleErrorLog is sp_cycle_errorlog.
func (s *Service) CycleErrorLog() error {
	if cfg, err := LoadConfig(s.paths.Conf, s.paths.Instance); err == nil {
		s.log.SetKeep(cfg.Int("sqlserver.numerrorlogs"))
	}
	return s.log.Cycle()
}

// Status reports the live state.
func (s *Service) Status() *InstanceStatus {
	st := &InstanceStatus{
		Instance: s.paths.Instance, DisplayName: DisplayName(s.paths.Instance),
		PID: os.Getpid(), Version: s.opts.Version, Edition: s.Edition(),
		ConfigFile: s.paths.Conf, ErrorLog: s.paths.ErrorLog,
	}
	st.State = s.machine.State()
	st.StateCode = int(st.State)
	s.mu.Lock()
	inst, started, eff := s.inst, s.started, s.effective
	st.Endpoints = append([]Endpoint(nil), s.endpoints...)
	s.mu.Unlock()
	if !started.IsZero() {
		t := started
		st.Started = &t
		st.Uptime = time.Since(started).Seconds()
	}
	if inst != nil && (st.State == Running || st.State == Paused || st.State == PausePending || st.State == ContinuePending) {
		st.Sessions = inst.Sessions()
	}
	if eff != nil {
		if cfg, err := LoadConfig(s.paths.Conf, s.paths.Instance); err == nil {
			st.Pending = pending(eff, cfg)
		}
	}
	return st
}

// reconfigure passes the file's immediate settings to the instance.
func (s *Service) reconfigure() error {
	cfg, err := LoadConfig(s.paths.Conf, s.paths.Instance)
	if err != nil {
		return err
	}
	s.log.SetKeep(cfg.Int("sqlserver.numerrorlogs"))
	s.mu.Lock()
	inst := s.inst
	s.mu.Unlock()
	if r, ok := inst.(Reconfigurer); ok {
		m := cfg.Effective()
		// Restart settings keep their running values.
		s.mu.Lock()
		for _, set := range registry {
			if set.Restart {
				if v, ok := s.effective[set.Key]; ok {
					m[set.Key] = v
				}
			}
		}
		s.mu.Unlock()
		r.Reconfigure(m)
		s.refreshDACEndpoints()
	}
	return nil
}

// refreshDACEndpoints picks up a DAC the instance moved (remote admin
// connections applies at once): the new listeners are logged as at
// start-up and the runtime file (the Browser's DAC port) is rewritten.
func (s *Service) refreshDACEndpoints() {
	s.mu.Lock()
	inst, started, old := s.inst, s.started, s.endpoints
	s.mu.Unlock()
	if inst == nil || started.IsZero() {
		return
	}
	eps := inst.Endpoints()
	dac := func(eps []Endpoint) []Endpoint {
		var out []Endpoint
		for _, e := range eps {
			if e.Protocol == ProtoDAC {
				out = append(out, e)
			}
		}
		return out
	}
	before, after := dac(old), dac(eps)
	if slices.Equal(before, after) {
		return
	}
	s.mu.Lock()
	s.endpoints = eps
	s.mu.Unlock()
	s.log.ListeningDAC(after)
	if err := s.writeRuntimeFile(); err != nil {
		s.log.Logf(SourceServer, "Could not write the runtime state file '%s': %v", s.paths.RuntimeFile, err)
	}
}

func (s *Service) handleControl(req ControlRequest) ControlResponse {
	var err error
	switch req.Op {
	case OpStatus:
	case OpPause:
		err = s.Pause()
	case OpContinue:
		err = s.Continue()
	case OpStop:
		err = s.Stop(req.NoWait)
	case OpCycleErrorLog:
		err = s.CycleErrorLog()
	case OpReload:
		err = s.reconfigure()
	default:
		return ControlResponse{Error: fmt.Sprintf("unknown control operation %q", req.Op)}
	}
	return controlResponseFor(err, s.Status())
}
