package service

import (
	"fmt"
	"strings"
	"sync"
)

// State is a service state with the Service Control Manager's numbers
// (sc query, SMO ServiceState).
type State int

const (
	Stopped         State = 1
	StartPending    State = 2
	StopPending     State = 3
	Running         State = 4
	ContinuePending State = 5
	PausePending    State = 6
	Paused          State = 7
)

var stateNames = map[State]string{
	Stopped: "STOPPED", StartPending: "START_PENDING", StopPending: "STOP_PENDING", Running: "RUNNING",
	ContinuePending: "CONTINUE_PENDING", PausePending: "PAUSE_PENDING", Paused: "PAUSED",
}

func (s State) String() string {
	if n, ok := stateNames[s]; ok {
		return n
	}
	return fmt.Sprintf("UNKNOWN(%d)", int(s))
}

// ParseState is the inverse of String.
func ParseState(s string) (State, bool) {
	for k, v := range stateNames {
		if strings.EqualFold(v, s) {
			return k, true
		}
	}
	return 0, false
}

// MarshalText makes states readable in JSON.
func (s State) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText parses the names MarshalText writes.
func (s *State) UnmarshalText(b []byte) error {
	v, ok := ParseState(string(b))
	if !ok {
		return fmt.Errorf("unknown service state %q", b)
	}
	*s = v
	return nil
}

// transitions are the allowed moves; the pending states exist because a
// control takes time (listeners close, checkpoints run) and status callers
// must see it happening.
var transitions = map[State][]State{
	Stopped:         {StartPending},
	StartPending:    {Running, StopPending, Stopped},
	Running:         {PausePending, StopPending},
	PausePending:    {Paused, Running, StopPending},
	Paused:          {ContinuePending, StopPending},
	ContinuePending: {Running, Paused, StopPending},
	StopPending:     {Stopped},
}

// ControlError is the SCM's refusal of a control, with Win32's texts.
type ControlError struct {
	Code  int // Win32 error code (1052, 1056, 1061, 1062)
	State State
	Text  string
	// Service is the display name ("SQL Server (MSSQLSERVER)") when known.
	Service string
}

func (e *ControlError) Error() string {
	if e.Service != "" {
		return e.Service + ": " + e.Text
	}
	return e.Text
}

// DisplayName is the service's display name, as in services.msc.
func DisplayName(instance string) string {
	inst, err := NormalizeInstance(instance)
	if err != nil {
		inst = instance
	}
	return "SQL Server (" + inst + ")"
}

func errNotActive(s State) error {
	return &ControlError{Code: 1062, State: s, Text: "The service has not been started."}
}
func errAlreadyRunning(s State) error {
	return &ControlError{Code: 1056, State: s, Text: "An instance of the service is already running."}
}
func errCannotAccept(s State) error {
	return &ControlError{Code: 1061, State: s, Text: "The service cannot accept control messages at this time."}
}
func errInvalidControl(s State) error {
	return &ControlError{Code: 1052, State: s, Text: "The requested control is not valid for this service."}
}

// Machine is the state of one service; safe for concurrent use. Waiters
// are woken on every change.
type Machine struct {
	mu     sync.Mutex
	state  State
	change chan struct{}
}

// NewMachine starts in STOPPED.
func NewMachine() *Machine { return &Machine{state: Stopped, change: make(chan struct{})} }

// State returns the current state.
func (m *Machine) State() State {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.state
}

// Changed returns a channel closed at the next state change.
func (m *Machine) Changed() <-chan struct{} {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.change
}

// To moves to next if the transition is allowed.
func (m *Machine) To(next State) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.toLocked(next)
}

func (m *Machine) toLocked(next State) error {
	for _, s := range transitions[m.state] {
		if s == next {
			m.state = next
			close(m.change)
			m.change = make(chan struct{})
			return nil
		}
	}
	return fmt.Errorf("invalid service state transition %s -> %s", m.state, next)
}

// Control kinds accepted by Begin.
type Control int

const (
	ControlStart Control = iota
	ControlPause
	ControlContinue
	ControlStop
)

func (c Control) String() string {
	return [...]string{"start", "pause", "continue", "stop"}[c]
}

// Begin validates a control against the current state and moves to its
// pending state. done is false when the control is a no-op (pausing a
// paused service), in which case nothing must be done and no error is
// returned. Errors carry the SCM's Win32 texts.
func (m *Machine) Begin(c Control) (done bool, err error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	s := m.state
	switch c {
	case ControlStart:
		if s != Stopped {
			return false, errAlreadyRunning(s)
		}
		return true, m.toLocked(StartPending)
	case ControlPause:
		switch s {
		case Running:
			return true, m.toLocked(PausePending)
		case Paused:
			return false, nil
		case Stopped:
			return false, errNotActive(s)
		}
		return false, errCannotAccept(s)
	case ControlContinue:
		switch s {
		case Paused:
			return true, m.toLocked(ContinuePending)
		case Running:
			return false, nil
		case Stopped:
			return false, errNotActive(s)
		}
		return false, errCannotAccept(s)
	case ControlStop:
		switch s {
		case Running, Paused, StartPending, PausePending, ContinuePending:
			return true, m.toLocked(StopPending)
		case StopPending:
			return false, nil
		case Stopped:
			return false, errNotActive(s)
		}
	}
	return false, errInvalidControl(s)
}
