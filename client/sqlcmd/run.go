package sqlcmd

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"time"

	"github.com/tsqld/tsqld/client"
	"github.com/tsqld/tsqld/sql/msgs"
)

// Env abstracts the process environment so tests can run Run in-process.
type Env struct {
	Getenv func(string) string
	// Interrupt, when set, delivers Ctrl-C presses during an interactive
	// batch (default: os.Interrupt signals).
	Interrupt <-chan os.Signal
	// Home is the tsqld home for np:/lpc: names.
	Home string
}

// Run is `tsqld sql`: it parses sqlcmd's arguments, connects, runs the
// input (-Q/-q text, -i files, or stdin, interactive on a terminal) and
// returns sqlcmd's exit code.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return RunEnv(ctx, args, stdin, stdout, stderr, Env{})
}

// RunEnv is Run with an explicit environment.
func RunEnv(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, env Env) int {
	if env.Getenv == nil {
		env.Getenv = os.Getenv
	}
	lang := LangFromEnv(env.Getenv)
	opt, err := ParseArgs(args, env.Getenv)
	if err != nil {
		fmt.Fprintln(stderr, err.Error())
		return 1
	}
	if opt.Help {
		io.WriteString(stdout, Usage)
		return 0
	}
	if opt.List {
		listServers(ctx, stdout, opt.ListClean)
		return 0
	}
	out := stdout
	if opt.Output != "" {
		f, err := os.Create(opt.Output)
		if err != nil {
			fmt.Fprintln(stderr, errorPrefix(lang)+fileError(opt.Output, err))
			return 1
		}
		defer f.Close()
		out = f
	}
	s := &shell{
		opt:    opt,
		vars:   NewVars(),
		f:      NewFormatter(out, stderr, opt.Format),
		lang:   lang,
		stdout: out,
		stderr: stderr,
		ctx:    ctx,

		onErrorExit: opt.ExitOnErr,
	}
	if opt.Output != "" {
		// -o captures errors too unless -r sends them to stderr.
		s.f.Err = stderr
	}
	s.vars.Env = env.Getenv
	if opt.User != "" && !opt.PasswordSet {
		// sqlcmd asks for the password when -U comes without -P.
		if f := terminalOf(stdin); f != nil {
			pw, err := readPassword(f, out)
			if err != nil {
				return 1
			}
			opt.Password, opt.PasswordSet = pw, true
		}
	}
	server := opt.Server
	if server == "" {
		server = "."
	}
	s.conn = ConnectOptions{Server: server, User: opt.User, Password: opt.Password,
		Database: opt.Database, Encrypt: opt.Encrypt, TrustCert: opt.TrustCert,
		LoginTimeout: time.Duration(opt.LoginTimeout) * time.Second, DAC: opt.DAC,
		PacketSize: opt.PacketSize, Workstation: opt.Workstation, Home: env.Home,
		AliasFile: client.AliasPath(env.Getenv)}
	if opt.LoginTimeout == 0 {
		// -l 0 means wait forever.
		s.conn.LoginTimeout = 24 * time.Hour
	}
	s.predefine()
	for _, kv := range opt.Vars {
		s.vars.Set(kv[0], kv[1])
	}

	sess, err := connect(ctx, s.conn, lang)
	if err != nil {
		s.connectFailed(err, s.conn)
		return 1
	}
	s.sess = sess
	defer s.close()

	term := terminalOf(stdin)
	s.batchContext = s.plainContext
	if env.Interrupt != nil {
		s.batchContext = func() (context.Context, context.CancelFunc) { return s.interruptible(env.Interrupt) }
	}
	switch {
	case opt.Query != "":
		s.run(newScanReader(strings.NewReader(opt.Query)), true)
		if opt.QueryExit || s.exited {
			return s.exitCode
		}
	case len(opt.Inputs) > 0:
		for _, name := range opt.Inputs {
			f, err := os.Open(name)
			if err != nil {
				s.errorf("%s", fileError(name, err))
				return 1
			}
			s.run(newScanReader(f), true)
			f.Close()
			if s.exited {
				break
			}
		}
		return s.exitCode
	}
	if term != nil {
		s.interactive = true
		intr := env.Interrupt
		if intr == nil {
			ch := make(chan os.Signal, 1)
			signal.Notify(ch, os.Interrupt)
			defer signal.Stop(ch)
			intr = ch
		}
		s.batchContext = func() (context.Context, context.CancelFunc) { return s.interruptible(intr) }
		r, err := newTermReader(term, stdout)
		if err != nil {
			s.run(newScanReader(stdin), true)
		} else {
			s.run(r, true)
		}
		return s.exitCode
	}
	s.run(newScanReader(stdin), true)
	return s.exitCode
}

// plainContext bounds a batch by -t.
func (s *shell) plainContext() (context.Context, context.CancelFunc) {
	if s.opt.QueryTimeout > 0 {
		return context.WithTimeout(s.ctx, time.Duration(s.opt.QueryTimeout)*time.Second)
	}
	return context.WithCancel(s.ctx)
}

// interruptible is plainContext plus cancellation on Ctrl-C, which makes
// go-mssqldb send an attention: the batch stops, the shell stays.
func (s *shell) interruptible(intr <-chan os.Signal) (context.Context, context.CancelFunc) {
	ctx, cancel := s.plainContext()
	// Drop a press that arrived while nothing ran.
	select {
	case <-intr:
	default:
	}
	done := make(chan struct{})
	go func() {
		select {
		case <-intr:
			cancel()
		case <-done:
		case <-ctx.Done():
		}
	}()
	return ctx, func() { close(done); cancel() }
}

// predefine sets sqlcmd's SQLCMD* variables.
func (s *shell) predefine() {
	o := s.opt
	set := func(k, v string) { s.vars.Set(k, v) }
	set("SQLCMDSERVER", s.conn.Server)
	set("SQLCMDUSER", o.User)
	set("SQLCMDDBNAME", o.Database)
	set("SQLCMDWORKSTATION", o.Workstation)
	set("SQLCMDLOGINTIMEOUT", strconv.Itoa(o.LoginTimeout))
	set("SQLCMDSTATTIMEOUT", strconv.Itoa(o.QueryTimeout))
	set("SQLCMDHEADERS", strconv.Itoa(o.Format.Headers))
	set("SQLCMDCOLSEP", o.Format.ColSep)
	set("SQLCMDCOLWIDTH", strconv.Itoa(o.Format.ScreenWidth))
	set("SQLCMDPACKETSIZE", strconv.Itoa(max(o.PacketSize, 4096)))
	set("SQLCMDERRORLEVEL", strconv.Itoa(o.Format.ErrorLevel))
	set("SQLCMDMAXVARTYPEWIDTH", strconv.Itoa(o.Format.Widths.MaxVar))
	set("SQLCMDMAXFIXEDTYPEWIDTH", strconv.Itoa(o.Format.Widths.MaxFixed))
	set("SQLCMDEDITOR", "edit.com")
	set("SQLCMDINI", "")
}

// LangFromEnv picks the client language from LC_ALL, LC_MESSAGES or LANG
// (French when it starts with "fr").
func LangFromEnv(getenv func(string) string) msgs.Lang {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			if strings.HasPrefix(strings.ToLower(v), "fr") {
				return msgs.French
			}
			return msgs.English
		}
	}
	return msgs.English
}
