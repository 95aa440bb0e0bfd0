package service

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"time"
)

// ControlTimeout bounds one control-channel exchange.
var ControlTimeout = 10 * time.Second

// call sends one request to a running instance's control socket.
func call(p Paths, req ControlRequest) (*ControlResponse, error) {
	d := net.Dialer{Timeout: ControlTimeout}
	c, err := d.Dial("unix", p.ControlSocket)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(ControlTimeout))
	b, _ := json.Marshal(req)
	if _, err := c.Write(append(b, '\n')); err != nil {
		return nil, err
	}
	line, err := bufio.NewReader(c).ReadBytes('\n')
	if err != nil && len(line) == 0 {
		return nil, fmt.Errorf("control channel: %w", err)
	}
	var resp ControlResponse
	if err := json.Unmarshal(line, &resp); err != nil {
		return nil, fmt.Errorf("control channel: bad response: %w", err)
	}
	return &resp, nil
}

// stoppedStatus describes an instance that is not running.
func stoppedStatus(p Paths) *InstanceStatus {
	return &InstanceStatus{Instance: p.Instance, DisplayName: DisplayName(p.Instance), State: Stopped,
		StateCode: int(Stopped), ConfigFile: p.Conf, ErrorLog: p.ErrorLog}
}

// Status is `tsqld status`: the live status of a running instance, or
// STOPPED (not an error) when it is not running. An instance whose lock is
// held but whose control socket does not answer yet is START_PENDING.
func Status(home, instance string) (*InstanceStatus, error) {
	p, _, err := ResolvePaths(home, instance)
	if err != nil {
		return nil, err
	}
	held, pid := lockHeld(p.PIDFile)
	if !held {
		return stoppedStatus(p), nil
	}
	resp, err := call(p, ControlRequest{Op: OpStatus})
	if err != nil {
		st := stoppedStatus(p)
		st.State, st.StateCode, st.PID = StartPending, int(StartPending), pid
		return st, nil
	}
	if resp.Status == nil {
		return nil, errors.New(resp.Error)
	}
	return resp.Status, nil
}

// control sends a control and turns a refusal into a *ControlError.
func control(home, instance string, req ControlRequest) (*InstanceStatus, error) {
	p, _, err := ResolvePaths(home, instance)
	if err != nil {
		return nil, err
	}
	if held, _ := lockHeld(p.PIDFile); !held {
		return stoppedStatus(p), &ControlError{Code: 1062, State: Stopped, Text: "The service has not been started.", Service: DisplayName(p.Instance)}
	}
	resp, err := call(p, req)
	// Right after the lock is taken the socket may not exist yet: give a
	// starting instance a moment before refusing like the SCM does.
	for i := 0; err != nil && i < 40; i++ {
		time.Sleep(50 * time.Millisecond)
		if held, _ := lockHeld(p.PIDFile); !held {
			break
		}
		resp, err = call(p, req)
	}
	if err != nil {
		return nil, &ControlError{Code: 1061, State: StartPending, Text: "The service cannot accept control messages at this time.", Service: DisplayName(p.Instance)}
	}
	if !resp.OK {
		st := Stopped
		if resp.Status != nil {
			st = resp.Status.State
		}
		if resp.Code != 0 {
			return resp.Status, &ControlError{Code: resp.Code, State: st, Text: resp.Error, Service: DisplayName(p.Instance)}
		}
		return resp.Status, errors.New(resp.Error)
	}
	return resp.Status, nil
}

// Pause is `tsqld pause`: existing sessions continue, new logins fail.
func Pause(home, instance string) (*InstanceStatus, error) {
	return control(home, instance, ControlRequest{Op: OpPause})
}

// Continue is `tsqld continue`.
func Continue(home, instance string) (*InstanceStatus, error) {
	return control(home, instance, ControlRequest{Op: OpContinue})
}

// CycleErrorLog is sp_cycle_errorlog from the command line.
func CycleErrorLog(home, instance string) error {
	_, err := control(home, instance, ControlRequest{Op: OpCycleErrorLog})
	return err
}

// Reload asks a running instance to apply immediate settings from
// mssql.conf; it is a no-op (nil) when the instance is not running.
func Reload(home, instance string) error {
	_, err := control(home, instance, ControlRequest{Op: OpReload})
	var ce *ControlError
	if errors.As(err, &ce) && ce.Code == 1062 {
		return nil
	}
	return err
}

// Stop is `tsqld stop [--nowait]`: it sends the stop control and waits
// until the process has released the instance (or ctx ends).
func Stop(ctx context.Context, home, instance string, nowait bool) error {
	p, _, err := ResolvePaths(home, instance)
	if err != nil {
		return err
	}
	if _, err := control(home, instance, ControlRequest{Op: OpStop, NoWait: nowait}); err != nil {
		return err
	}
	for {
		if held, _ := lockHeld(p.PIDFile); !held {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%s: stop requested but the service is still STOP_PENDING: %w", DisplayName(p.Instance), ctx.Err())
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// StatusAll is the status of every instance under home.
func StatusAll(home string) ([]*InstanceStatus, error) {
	names, err := Instances(home)
	if err != nil {
		return nil, err
	}
	out := make([]*InstanceStatus, 0, len(names))
	for _, n := range names {
		st, err := Status(home, n)
		if err != nil {
			return out, err
		}
		out = append(out, st)
	}
	return out, nil
}
