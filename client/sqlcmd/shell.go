package sqlcmd

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/tsqld/tsqld/sql/msgs"
)

// lineReader is a source of script lines: a file, -Q text, or the
// terminal (which shows the prompt).
type lineReader interface {
	ReadLine(prompt string) (string, error)
}

// scanReader reads lines from a stream, ignoring prompts.
type scanReader struct{ sc *bufio.Scanner }

func newScanReader(r io.Reader) *scanReader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 64<<20)
	return &scanReader{sc: sc}
}

func (r *scanReader) ReadLine(string) (string, error) {
	if r.sc.Scan() {
		return strings.TrimSuffix(r.sc.Text(), "\r"), nil
	}
	if err := r.sc.Err(); err != nil {
		return "", err
	}
	return "", io.EOF
}

// shell runs sqlcmd scripts against one session at a time.
type shell struct {
	opt  *Options
	vars *Vars
	f    *Formatter
	lang msgs.Lang
	// stdout/stderr are the process streams (:out stdout goes back there).
	stdout, stderr io.Writer
	files          []*os.File
	sess           *session
	conn           ConnectOptions
	// onErrorExit is :on error exit; -b starts with it set.
	onErrorExit bool
	exitCode    int
	exited      bool
	batch       strings.Builder
	batchLines  int
	lex         lexState
	depth       int
	interactive bool
	// batchContext returns the context one batch runs under (Ctrl-C and
	// -t cancel it).
	batchContext func() (context.Context, context.CancelFunc)
	ctx          context.Context
	// runner executes a batch; nil means the session (tests plug in a fake
	// server here).
	runner func(ctx context.Context, text string) batchResult
}

func (s *shell) prompt() string { return fmt.Sprintf("%d> ", s.batchLines+1) }

// errorf prints one of sqlcmd's own errors and counts it for -b.
func (s *shell) errorf(format string, a ...any) {
	s.f.ErrorText(errorPrefix(s.lang) + fmt.Sprintf(format, a...))
}

// run reads lines until the source ends or the script exits. top marks a
// whole input (-i file, -Q text, stdin): its last batch runs without GO.
func (s *shell) run(r lineReader, top bool) {
	for !s.exited {
		line, err := r.ReadLine(s.prompt())
		if err != nil {
			if !errors.Is(err, io.EOF) {
				s.errorf("%v", err)
			}
			break
		}
		s.line(line)
	}
	if top && !s.exited && !s.interactive && strings.TrimSpace(s.batch.String()) != "" {
		s.execute(1)
	}
}

// line handles one input line: batch terminator, command or T-SQL.
func (s *shell) line(raw string) {
	if !s.lex.inside() {
		trimmed := strings.TrimSpace(raw)
		if n, ok := s.terminator(trimmed); ok {
			s.execute(n)
			return
		}
		if s.command(trimmed) {
			return
		}
	}
	text, err := s.vars.Expand(raw)
	if err != nil {
		s.errorf("%v", err)
		s.fail()
		text = raw
	}
	s.batch.WriteString(text)
	s.batch.WriteByte('\n')
	s.batchLines++
	s.lex.scan(text)
}

// terminator recognises "GO" and "GO n".
func (s *shell) terminator(t string) (int, bool) {
	fields := strings.Fields(t)
	if len(fields) == 0 || len(fields) > 2 || !strings.EqualFold(fields[0], s.opt.BatchTerminator) {
		return 0, false
	}
	if len(fields) == 1 {
		return 1, true
	}
	n, err := strconv.Atoi(fields[1])
	if err != nil || n < 1 {
		return 0, false
	}
	return n, true
}

// resetBatch forgets the pending batch.
func (s *shell) resetBatch() {
	s.batch.Reset()
	s.batchLines = 0
	s.lex = lexState{}
}

// fail applies -b / :on error exit to a failure of sqlcmd's own.
func (s *shell) fail() {
	if s.onErrorExit {
		s.exit(1)
	}
}

func (s *shell) exit(code int) {
	s.exitCode = code
	s.exited = true
}

// execute runs the pending batch n times (GO n).
func (s *shell) execute(n int) batchResult {
	text := s.batch.String()
	s.resetBatch()
	var last batchResult
	if strings.TrimSpace(text) == "" {
		return last
	}
	if s.opt.Echo {
		s.f.Text(strings.TrimSuffix(text, "\n"))
	}
	if s.sess == nil && s.runner == nil {
		s.errorf("Microsoft %s : Communication link failure.", ODBCDriver)
		s.fail()
		return last
	}
	for i := 0; i < n && !s.exited; i++ {
		ctx, cancel := s.batchContext()
		if s.runner != nil {
			last = s.runner(ctx, text)
		} else {
			last = runBatch(ctx, s.sess, text, s.f, s.opt.Format.Control)
		}
		cancel()
		if s.failedBatch(last) {
			s.exit(1)
		}
		if last.cancelled {
			break
		}
	}
	return last
}

// failedBatch applies -b, -V and :on error exit to a batch result.
func (s *shell) failedBatch(r batchResult) bool {
	if !s.onErrorExit {
		return false
	}
	if r.failed && !r.cancelled {
		return true
	}
	if r.maxSeverity <= 10 {
		return false
	}
	return s.opt.Severity <= 0 || r.maxSeverity >= s.opt.Severity
}

// command handles sqlcmd commands; it reports whether t was one.
func (s *shell) command(t string) bool {
	if strings.HasPrefix(t, "!!") {
		s.shellCommand(strings.TrimSpace(t[2:]))
		return true
	}
	colon := strings.HasPrefix(t, ":")
	body := strings.TrimPrefix(t, ":")
	name, rest := splitWord(body)
	lname := strings.ToLower(name)
	if !colon {
		// Without a colon only QUIT, EXIT, RESET, ED and !! are commands.
		switch {
		case lname == "quit" || lname == "reset" || lname == "ed":
			if rest != "" {
				return false
			}
		case lname == "exit" || strings.HasPrefix(lname, "exit("):
		default:
			return false
		}
	}
	if strings.HasPrefix(lname, "exit(") {
		rest = body[4:]
		lname = "exit"
	}
	if s.opt.DisableCommands && lname != "quit" && lname != "exit" {
		s.f.ErrorText(fmt.Sprintf("Sqlcmd: Warning: '%s' command is disabled.", name))
		return true
	}
	expanded, err := s.vars.Expand(rest)
	if err != nil && lname != "setvar" {
		s.errorf("%v", err)
		s.fail()
		return true
	}
	switch lname {
	case "quit":
		s.exit(s.exitCode)
	case "exit":
		s.exitCommand(expanded)
	case "reset":
		s.resetBatch()
	case "ed":
		s.errorf("the :ED command is not supported.")
	case "r":
		s.include(unquote(strings.TrimSpace(expanded)))
	case "setvar":
		s.setvar(rest)
	case "listvar":
		for _, l := range s.vars.List() {
			s.f.Text(l)
		}
	case "on":
		w, arg := splitWord(expanded)
		switch {
		case strings.EqualFold(w, "error") && strings.EqualFold(arg, "exit"):
			s.onErrorExit = true
		case strings.EqualFold(w, "error") && strings.EqualFold(arg, "ignore"):
			s.onErrorExit = false
		default:
			s.errorf("Syntax error at line %d near command ':ON ERROR'.", s.batchLines+1)
		}
	case "out":
		s.redirect(strings.TrimSpace(expanded), false)
	case "error":
		s.redirect(strings.TrimSpace(expanded), true)
	case "connect":
		s.connectCommand(expanded)
	case "serverlist":
		listServers(s.ctx, s.f.Out, false)
	case "help":
		s.f.Text(strings.TrimSuffix(Usage[strings.Index(Usage, "Commands:"):], "\n"))
	default:
		if !colon {
			return false
		}
		s.errorf("Syntax error at line %d near command '%s'.", s.batchLines+1, ":"+strings.ToUpper(name))
		s.fail()
	}
	return true
}

func splitWord(s string) (string, string) {
	s = strings.TrimSpace(s)
	i := strings.IndexAny(s, " \t")
	if i < 0 {
		return s, ""
	}
	return s[:i], strings.TrimSpace(s[i+1:])
}

// exitCommand is :EXIT, :EXIT() and :EXIT(query).
func (s *shell) exitCommand(arg string) {
	arg = strings.TrimSpace(arg)
	if arg == "" {
		s.exit(s.exitCode)
		return
	}
	if !strings.HasPrefix(arg, "(") || !strings.HasSuffix(arg, ")") {
		s.errorf("Syntax error at line %d near command ':EXIT'.", s.batchLines+1)
		s.fail()
		return
	}
	q := strings.TrimSpace(arg[1 : len(arg)-1])
	if q != "" {
		s.batch.WriteString(q)
		s.batch.WriteByte('\n')
	}
	r := s.execute(1)
	if s.exited {
		return
	}
	code := 0
	if q != "" && r.hasFirst {
		v := strings.TrimSpace(r.first)
		if n, err := strconv.ParseInt(v, 10, 64); err == nil {
			code = int(int32(n))
		} else if f, err := strconv.ParseFloat(v, 64); err == nil {
			code = int(int32(f))
		} else {
			code = 1
		}
	} else if r.maxSeverity > 10 || r.failed {
		code = 1
	}
	s.exit(code)
}

// include is :r file: its lines join the current batch.
func (s *shell) include(name string) {
	if name == "" {
		s.errorf("Syntax error at line %d near command ':R'.", s.batchLines+1)
		s.fail()
		return
	}
	if s.depth > 100 {
		s.errorf("Syntax error: :r nesting is too deep.")
		s.fail()
		return
	}
	f, err := os.Open(name)
	if err != nil {
		s.errorf("%s", fileError(name, err))
		s.fail()
		return
	}
	defer f.Close()
	s.depth++
	s.run(newScanReader(f), false)
	s.depth--
}

// fileError is sqlcmd's text for a file it cannot open.
func fileError(name string, err error) string {
	return fmt.Sprintf("Error occurred while opening or operating on file %s (Reason: %s).", name, describeOpen(err))
}

func describeOpen(err error) string {
	if errors.Is(err, os.ErrNotExist) {
		return "The system cannot find the file specified"
	}
	if errors.Is(err, os.ErrPermission) {
		return "Access is denied"
	}
	return err.Error()
}

// setvar is :setvar name ["value"]; without a value the variable is removed.
func (s *shell) setvar(rest string) {
	name, val := splitWord(rest)
	if !validVarName(name) {
		s.errorf("Syntax error at line %d near command ':SETVAR'.", s.batchLines+1)
		s.fail()
		return
	}
	if val == "" {
		s.vars.Unset(name)
		return
	}
	if strings.HasPrefix(val, `"`) && !strings.HasSuffix(val, `"`) || val == `"` {
		s.errorf("Syntax error at line %d near command ':SETVAR'.", s.batchLines+1)
		s.fail()
		return
	}
	s.vars.Set(name, unquote(val))
}

// redirect is :out and :error.
func (s *shell) redirect(target string, errs bool) {
	target = unquote(target)
	var w io.Writer
	switch strings.ToLower(target) {
	case "stdout":
		w = s.stdout
	case "stderr":
		w = s.stderr
	case "":
		s.errorf("Syntax error at line %d.", s.batchLines+1)
		return
	default:
		f, err := os.Create(filepath.Clean(target))
		if err != nil {
			s.errorf("%s", fileError(target, err))
			s.fail()
			return
		}
		s.files = append(s.files, f)
		w = f
	}
	if errs {
		s.f.Err = w
		if s.f.Opt.Redirect < 0 {
			s.f.Opt.Redirect = 0
		}
	} else {
		s.f.Out = w
	}
}

// connectCommand is :connect server [-l timeout] [-U user [-P password]].
func (s *shell) connectCommand(arg string) {
	fields := strings.Fields(arg)
	if len(fields) == 0 {
		s.errorf("Syntax error at line %d near command ':CONNECT'.", s.batchLines+1)
		return
	}
	c := s.conn
	c.Server = fields[0]
	c.User, c.Password = "", ""
	for i := 1; i < len(fields); i++ {
		if i+1 >= len(fields) {
			break
		}
		switch strings.ToLower(fields[i]) {
		case "-l":
			if n, err := strconv.Atoi(fields[i+1]); err == nil {
				c.LoginTimeout = time.Duration(n) * time.Second
			}
		case "-u":
			c.User = fields[i+1]
		case "-p":
			c.Password = unquote(fields[i+1])
		}
		i++
	}
	if c.User == "" {
		c.User, c.Password = s.conn.User, s.conn.Password
	}
	sess, err := connect(s.ctx, c, s.lang)
	if err != nil {
		s.connectFailed(err, c)
		s.fail()
		return
	}
	s.sess.Close()
	s.sess, s.conn = sess, c
	s.vars.Set("SQLCMDSERVER", c.Server)
	s.vars.Set("SQLCMDUSER", c.User)
}

func (s *shell) connectFailed(err error, c ConnectOptions) {
	var ce *ConnectError
	if errors.As(err, &ce) {
		for _, l := range ce.Lines {
			fmt.Fprintln(s.stderr, l)
		}
	} else {
		fmt.Fprintln(s.stderr, errorPrefix(s.lang)+err.Error())
	}
	fmt.Fprintln(s.stderr, doctorHint(c, s.lang))
}

// shellCommand is !! command.
func (s *shell) shellCommand(cmdline string) {
	if cmdline == "" {
		return
	}
	cmd := exec.CommandContext(s.ctx, "/bin/sh", "-c", cmdline)
	cmd.Stdout = s.f.Out
	cmd.Stderr = s.f.Err
	if err := cmd.Run(); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			s.errorf("%v", err)
		}
	}
}

func (s *shell) close() {
	s.sess.Close()
	for _, f := range s.files {
		f.Close()
	}
}
