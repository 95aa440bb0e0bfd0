package service

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Error-log sources (the ProcessInfo column).
const (
	SourceServer = "Server"
	SourceLogon  = "Logon"
	SourceBackup = "Backup"
)

// SpidSource is the source column of a session ("spid51") or, with
// system true, of a system task ("spid9s").
func SpidSource(spid int, system bool) string {
	s := "spid" + strconv.Itoa(spid)
	if system {
		s += "s"
	}
	return s
}

// LogTimeLayout is SQL Server's ERRORLOG timestamp: local time with
// hundredths of a second.
const LogTimeLayout = "2006-01-02 15:04:05.00"

// sourceWidth is the ProcessInfo column width; SQL Server pads the source
// to 12 characters ("Server      ", "spid51      ").
const sourceWidth = 12

// FormatLine renders one ERRORLOG entry. Continuation lines of text (the
// banner, startup parameters) are written as they are, without a prefix.
func FormatLine(t time.Time, source, text string) string {
	var b strings.Builder
	b.Grow(len(LogTimeLayout) + 1 + sourceWidth + len(text) + 1)
	// Truncate, not round: SQL Server shows the hundredths it has.
	b.WriteString(t.Truncate(10 * time.Millisecond).Format(LogTimeLayout))
	b.WriteByte(' ')
	b.WriteString(source)
	for i := len(source); i < sourceWidth; i++ {
		b.WriteByte(' ')
	}
	if len(source) >= sourceWidth {
		b.WriteByte(' ')
	}
	b.WriteString(text)
	b.WriteByte('\n')
	return b.String()
}

// ErrorLog writes an instance's errorlog in SQL Server's format. It is
// safe for concurrent use (sessions log login failures concurrently).
type ErrorLog struct {
	mu      sync.Mutex
	path    string
	f       *os.File
	console io.Writer
	keep    int
	now     func() time.Time
	// header writes the banner at the top of each new file (after a
	// cycle); set by the service.
	header func(*ErrorLog)
	closed bool
}

// ErrorLogOptions configures OpenErrorLog.
type ErrorLogOptions struct {
	// Keep is the number of archives (errorlog.1 … errorlog.Keep); default 6.
	Keep int
	// Console receives a copy of every line (container mode: stdout).
	Console io.Writer
	// Rotate archives the existing errorlog first, as every SQL Server
	// start does.
	Rotate bool
	// Now replaces time.Now (tests).
	Now func() time.Time
}

// OpenErrorLog opens (creating) the error log at path for appending.
func OpenErrorLog(path string, o ErrorLogOptions) (*ErrorLog, error) {
	if o.Keep <= 0 {
		o.Keep = 6
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	if o.Rotate {
		if err := rotateFiles(path, o.Keep); err != nil {
			return nil, err
		}
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o640)
	if err != nil {
		return nil, err
	}
	return &ErrorLog{path: path, f: f, console: o.Console, keep: o.Keep, now: o.Now}, nil
}

// Path is the current log file.
func (l *ErrorLog) Path() string { return l.path }

// SetKeep changes how many archives cycling keeps (sqlserver.numerrorlogs).
func (l *ErrorLog) SetKeep(n int) {
	l.mu.Lock()
	if n > 0 {
		l.keep = n
	}
	l.mu.Unlock()
}

// SetHeader sets what a new file after Cycle starts with.
func (l *ErrorLog) SetHeader(h func(*ErrorLog)) {
	l.mu.Lock()
	l.header = h
	l.mu.Unlock()
}

// Log writes one entry. Nil-safe so that optional logging needs no checks.
func (l *ErrorLog) Log(source, text string) {
	if l == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.writeLocked(l.now(), source, text)
}

// Logf formats and writes one entry.
func (l *ErrorLog) Logf(source, format string, args ...any) {
	l.Log(source, fmt.Sprintf(format, args...))
}

// LogLines writes entries with one timestamp under one lock, so that the
// "Error: n, Severity …" line and its text stay adjacent.
func (l *ErrorLog) LogLines(source string, texts ...string) {
	if l == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	t := l.now()
	for _, s := range texts {
		l.writeLocked(t, source, s)
	}
}

func (l *ErrorLog) writeLocked(t time.Time, source, text string) {
	if l.closed {
		return
	}
	line := FormatLine(t, source, text)
	if l.f != nil {
		l.f.WriteString(line)
	}
	if l.console != nil {
		io.WriteString(l.console, line)
	}
}

// Error writes SQL Server's two-line error entry:
// "Error: 18456, Severity: 14, State: 8." then the message text.
func (l *ErrorLog) Error(source string, number, severity, state int, text string) {
	l.LogLines(source, fmt.Sprintf("Error: %d, Severity: %d, State: %d.", number, severity, state), text)
}

// Cycle is sp_cycle_errorlog: log 17183 in the current file, archive it
// (errorlog → errorlog.1 …, keeping Keep archives), start a new file with
// the header and 17184.
func (l *ErrorLog) Cycle() error {
	if l == nil {
		return nil
	}
	l.mu.Lock()
	l.writeLocked(l.now(), SourceServer, MsgCycling)
	if l.f != nil {
		l.f.Close()
		l.f = nil
	}
	err := rotateFiles(l.path, l.keep)
	f, ferr := os.OpenFile(l.path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o640)
	if ferr == nil {
		l.f = f
	} else if err == nil {
		err = ferr
	}
	h := l.header
	l.mu.Unlock()
	if h != nil {
		h(l)
	}
	l.Log(SourceServer, MsgReinitialized)
	return err
}

// Close flushes and closes the file; later writes are dropped.
func (l *ErrorLog) Close() error {
	if l == nil {
		return nil
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.closed = true
	if l.f == nil {
		return nil
	}
	err := l.f.Close()
	l.f = nil
	return err
}

// ArchivePath is the file of archive n (0 = current).
func ArchivePath(current string, n int) string {
	if n == 0 {
		return current
	}
	return current + "." + strconv.Itoa(n)
}

// rotateFiles shifts errorlog.(keep-1) → errorlog.keep … errorlog →
// errorlog.1, dropping the oldest.
func rotateFiles(path string, keep int) error {
	os.Remove(ArchivePath(path, keep))
	for i := keep - 1; i >= 0; i-- {
		from := ArchivePath(path, i)
		if _, err := os.Stat(from); err != nil {
			continue
		}
		if err := os.Rename(from, ArchivePath(path, i+1)); err != nil {
			return err
		}
	}
	return nil
}
