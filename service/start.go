package service

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// StartOptions configures Start.
type StartOptions struct {
	Home     string
	Instance string
	// Exe is the tsqld binary (default: this executable).
	Exe string
	// Args default to ["serve", "--instance", <INSTANCE>]; TSQLD_HOME is
	// passed in the environment.
	Args []string
	// Env is added to this process's environment.
	Env []string
	// Timeout bounds the wait for the ready line (default 2 minutes).
	Timeout time.Duration
}

// StartError is a start that failed: the process exited (or never became
// ready) and Lines holds the error-log and console lines that say why.
type StartError struct {
	Instance string
	ExitCode int // -1 when the process is still running (timeout)
	Lines    []string
}

func (e *StartError) Error() string {
	var b strings.Builder
	if e.ExitCode == -1 {
		fmt.Fprintf(&b, "%s did not report ready for client connections in time", DisplayName(e.Instance))
	} else {
		fmt.Fprintf(&b, "%s failed to start (exit status %d)", DisplayName(e.Instance), e.ExitCode)
	}
	for _, l := range e.Lines {
		b.WriteString("\n  ")
		b.WriteString(l)
	}
	return b.String()
}

// Start is `tsqld start`: it launches `tsqld serve` detached (own session,
// output to log/serve.out) and returns its status once the error log says
// "SQL Server is now ready for client connections.", or a *StartError with
// the failure lines if the process exits first.
func Start(ctx context.Context, o StartOptions) (*InstanceStatus, error) {
	p, _, err := ResolvePaths(o.Home, o.Instance)
	if err != nil {
		return nil, err
	}
	if held, pid := lockHeld(p.PIDFile); held {
		return nil, &AlreadyRunningError{Instance: p.Instance, PID: pid}
	}
	if o.Exe == "" {
		if o.Exe, err = os.Executable(); err != nil {
			return nil, err
		}
	}
	if o.Args == nil {
		o.Args = []string{"serve", "--instance", p.Instance}
	}
	if o.Timeout <= 0 {
		o.Timeout = 2 * time.Minute
	}
	if err := os.MkdirAll(p.LogDir, 0o755); err != nil {
		return nil, err
	}
	out, err := os.OpenFile(p.ServeOut, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o640)
	if err != nil {
		return nil, err
	}
	defer out.Close()
	cmd := exec.Command(o.Exe, o.Args...)
	cmd.Env = append(append(os.Environ(), "TSQLD_HOME="+p.Home), o.Env...)
	cmd.Stdout, cmd.Stderr = out, out
	cmd.Dir = p.Dir
	// A new session: the service outlives the terminal and ignores its
	// SIGHUP/SIGINT.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	pid := cmd.Process.Pid
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()

	deadline := time.NewTimer(o.Timeout)
	defer deadline.Stop()
	marker := "Server process ID is " + strconv.Itoa(pid) + "."
	for {
		if rows, ok := logSince(p.ErrorLog, marker); ok && readyIn(rows) {
			return Status(o.Home, p.Instance)
		}
		select {
		case err := <-exited:
			code := 0
			var ee *exec.ExitError
			if errors.As(err, &ee) {
				code = ee.ExitCode()
			}
			rows, _ := logSince(p.ErrorLog, marker)
			return nil, &StartError{Instance: p.Instance, ExitCode: code, Lines: failureLines(rows, p.ServeOut)}
		case <-deadline.C:
			rows, _ := logSince(p.ErrorLog, marker)
			return nil, &StartError{Instance: p.Instance, ExitCode: -1, Lines: failureLines(rows, p.ServeOut)}
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// logSince returns the rows of the current log from the marker row on;
// ok is false while the log is still the previous run's.
func logSince(path, marker string) ([]LogRow, bool) {
	rows, err := ReadErrorLog(path, 0, "", "")
	if err != nil {
		return nil, false
	}
	for i, r := range rows {
		if r.Text == marker {
			return rows[i:], true
		}
	}
	return nil, false
}

func readyIn(rows []LogRow) bool {
	for _, r := range rows {
		if r.Text == MsgReady {
			return true
		}
	}
	return false
}

// failureLines picks the "Error: …" entries with their text lines and the
// last lines of the console output (a panic, a bad flag).
func failureLines(rows []LogRow, serveOut string) []string {
	var out []string
	for i, r := range rows {
		if strings.HasPrefix(r.Text, "Error: ") {
			out = append(out, r.Text)
			if i+1 < len(rows) {
				out = append(out, rows[i+1].Text)
			}
		} else if strings.HasPrefix(r.Text, "SQL Server could not start") || strings.HasPrefix(r.Text, "Could not open the control channel") {
			out = append(out, r.Text)
		}
	}
	if b, err := os.ReadFile(serveOut); err == nil {
		lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
		// Console lines that merely repeat the error log add nothing.
		var own []string
		for _, l := range lines {
			if _, isLog := ParseLine(l); !isLog && strings.TrimSpace(l) != "" {
				own = append(own, l)
			}
		}
		if len(own) > 20 {
			own = own[len(own)-20:]
		}
		out = append(out, own...)
	}
	return out
}
