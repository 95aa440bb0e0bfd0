package service

import (
	"errors"
	"testing"
)

func TestStateNumbers(t *testing.T) {
	want := map[State]string{1: "STOPPED", 2: "START_PENDING", 3: "STOP_PENDING", 4: "RUNNING", 5: "CONTINUE_PENDING", 6: "PAUSE_PENDING", 7: "PAUSED"}
	for s, n := range want {
		if s.String() != n {
			t.Errorf("%d = %s, want %s", int(s), s, n)
		}
		var back State
		if err := back.UnmarshalText([]byte(n)); err != nil || back != s {
			t.Errorf("UnmarshalText(%s) = %v %v", n, back, err)
		}
	}
}

func TestStateMachine(t *testing.T) {
	m := NewMachine()
	code := func(err error) int {
		var ce *ControlError
		if errors.As(err, &ce) {
			return ce.Code
		}
		return 0
	}
	if _, err := m.Begin(ControlPause); code(err) != 1062 {
		t.Fatalf("pause while stopped: %v", err)
	}
	ch := m.Changed()
	if do, err := m.Begin(ControlStart); !do || err != nil || m.State() != StartPending {
		t.Fatalf("start: %v %v %s", do, err, m.State())
	}
	select {
	case <-ch:
	default:
		t.Fatal("Changed not signalled")
	}
	if _, err := m.Begin(ControlStart); code(err) != 1056 {
		t.Fatalf("second start: %v", err)
	}
	if _, err := m.Begin(ControlPause); code(err) != 1061 {
		t.Fatalf("pause while starting: %v", err)
	}
	if err := m.To(Running); err != nil {
		t.Fatal(err)
	}
	if err := m.To(Stopped); err == nil {
		t.Fatal("RUNNING -> STOPPED allowed without STOP_PENDING")
	}
	if do, err := m.Begin(ControlContinue); do || err != nil {
		t.Fatalf("continue while running should be a no-op: %v %v", do, err)
	}
	if do, _ := m.Begin(ControlPause); !do || m.State() != PausePending {
		t.Fatal("pause")
	}
	m.To(Paused)
	if do, err := m.Begin(ControlPause); do || err != nil {
		t.Fatal("pause while paused should be a no-op")
	}
	if do, _ := m.Begin(ControlContinue); !do || m.State() != ContinuePending {
		t.Fatal("continue")
	}
	m.To(Running)
	if do, _ := m.Begin(ControlStop); !do || m.State() != StopPending {
		t.Fatal("stop")
	}
	if do, err := m.Begin(ControlStop); do || err != nil {
		t.Fatal("second stop should be a no-op")
	}
	if _, err := m.Begin(ControlPause); code(err) != 1061 {
		t.Fatalf("pause while stopping: %v", err)
	}
	if err := m.To(Stopped); err != nil || m.State() != Stopped {
		t.Fatal(err)
	}
	if _, err := m.Begin(ControlStop); code(err) != 1062 {
		t.Fatalf("stop while stopped: %v", err)
	}
}
