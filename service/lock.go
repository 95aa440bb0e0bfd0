package service

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// AlreadyRunningError is returned when the instance's lock is held.
type AlreadyRunningError struct {
	Instance string
	PID      int
}

func (e *AlreadyRunningError) Error() string {
	if e.PID > 0 {
		return fmt.Sprintf("instance %s is already running (pid %d)", e.Instance, e.PID)
	}
	return fmt.Sprintf("instance %s is already running", e.Instance)
}

// pidLock is the pid file held with an exclusive flock for the process's
// life. flock (not the pid's liveness) decides, so a stale file left by a
// crash never blocks a start, and the kernel drops the lock on exit.
type pidLock struct {
	f    *os.File
	path string
}

func acquirePIDLock(path, instance string) (*pidLock, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			pid, _ := readPIDFile(path)
			return nil, &AlreadyRunningError{Instance: instance, PID: pid}
		}
		return nil, err
	}
	if err := f.Truncate(0); err != nil {
		f.Close()
		return nil, err
	}
	if _, err := f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0); err != nil {
		f.Close()
		return nil, err
	}
	return &pidLock{f: f, path: path}, nil
}

// release empties and unlocks the file; the file stays so that a reader
// racing with the exit sees "no pid" rather than a missing file.
func (l *pidLock) release() {
	if l == nil || l.f == nil {
		return
	}
	l.f.Truncate(0)
	syscall.Flock(int(l.f.Fd()), syscall.LOCK_UN)
	l.f.Close()
	l.f = nil
}

func readPIDFile(path string) (int, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	s := strings.TrimSpace(string(b))
	if s == "" {
		return 0, nil
	}
	return strconv.Atoi(s)
}

// lockHeld reports whether some process holds the instance lock, and its
// pid: the ground truth for "is it running" that does not depend on the
// control socket answering.
func lockHeld(path string) (bool, int) {
	f, err := os.OpenFile(path, os.O_RDONLY, 0)
	if err != nil {
		return false, 0
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_SH|syscall.LOCK_NB); err != nil {
		pid, _ := readPIDFile(path)
		return true, pid
	}
	syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	return false, 0
}

// processAlive reports whether pid exists (EPERM means it does, owned by
// someone else).
func processAlive(pid int) bool {
	if pid <= 0 {
		return false
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
