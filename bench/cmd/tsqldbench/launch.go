package main

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// cmdLaunch starts a server command in a session of its own (so a Ctrl-C
// in the terminal reaches the script's trap, which stops it in order),
// writes its pid at once, and polls with real logins until one succeeds.
// With --repeat N it stops the server (SIGINT to its process group: a
// fast shutdown for both servers) and starts it again, N starts in all;
// the first start is on the fresh data directory, the others are
// restarts. It prints each start → first-login time in milliseconds,
// comma-separated, and exits leaving the last start running.
func cmdLaunch(args []string) error {
	fs := flag.NewFlagSet("launch", flag.ContinueOnError)
	side := fs.String("side", "", "tsqld or postgresql")
	addr := fs.String("addr", "", "host:port the server will listen on")
	pidfile := fs.String("pidfile", "", "file to write the started process's pid to")
	logfile := fs.String("log", "", "file for the server's stdout and stderr")
	repeat := fs.Int("repeat", 1, "number of starts (all but the last are stopped again)")
	timeout := fs.Duration("timeout", 2*time.Minute, "give up when no login succeeds within this")
	if err := fs.Parse(normalizeFlags(args)); err != nil {
		return err
	}
	cmdline := fs.Args()
	if len(cmdline) == 0 || *addr == "" || *pidfile == "" || *repeat < 1 {
		return fmt.Errorf("launch: usage: launch --side S --addr H:P --pidfile F [--log L] [--repeat N] -- command...")
	}
	d, err := dialectOf(*side)
	if err != nil {
		return err
	}
	dsn, err := d.dsn(*addr, os.Getenv("MSSQL_SA_PASSWORD"))
	if err != nil {
		return err
	}
	conn, err := d.connector(dsn)
	if err != nil {
		return err
	}
	var times []string
	for i := 0; i < *repeat; i++ {
		cmd, exited, ms, err := startOnce(d, conn, cmdline, *pidfile, *logfile, *timeout)
		if err != nil {
			return err
		}
		times = append(times, strconv.FormatFloat(ms, 'f', 1, 64))
		if i == *repeat-1 {
			break // the server keeps running in its own session
		}
		if err := stopGroup(cmd, exited); err != nil {
			return err
		}
	}
	fmt.Println(strings.Join(times, ","))
	return nil
}

func startOnce(d dialect, conn driver.Connector, cmdline []string, pidfile, logfile string, timeout time.Duration) (*exec.Cmd, chan error, float64, error) {
	cmd := exec.Command(cmdline[0], cmdline[1:]...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	if logfile != "" {
		f, err := os.OpenFile(logfile, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
		if err != nil {
			return nil, nil, 0, err
		}
		defer f.Close()
		cmd.Stdout, cmd.Stderr = f, f
	}
	t0 := time.Now()
	if err := cmd.Start(); err != nil {
		return nil, nil, 0, err
	}
	if err := os.WriteFile(pidfile, []byte(strconv.Itoa(cmd.Process.Pid)+"\n"), 0o644); err != nil {
		return nil, nil, 0, err
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()

	deadline := t0.Add(timeout)
	var last error
	for time.Now().Before(deadline) {
		select {
		case err := <-exited:
			return nil, nil, 0, fmt.Errorf("launch: %s exited before accepting a login: %v (see %s)", d.name, err, logfile)
		default:
		}
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		db := sql.OpenDB(conn)
		var one int
		last = db.QueryRowContext(ctx, "SELECT 1").Scan(&one)
		db.Close()
		cancel()
		if last == nil {
			return cmd, exited, float64(time.Since(t0).Microseconds()) / 1000, nil
		}
		time.Sleep(2 * time.Millisecond)
	}
	stopGroup(cmd, exited)
	return nil, nil, 0, fmt.Errorf("launch: no login to %s within %v: %v", d.name, timeout, last)
}

// stopGroup sends SIGINT to the started process group (runuser and the
// postmaster under it, or tsqld) and waits for the process to exit,
// killing the group after 30 s.
func stopGroup(cmd *exec.Cmd, exited chan error) error {
	pgid := cmd.Process.Pid // Setsid: the process leads its own group
	syscall.Kill(-pgid, syscall.SIGINT)
	select {
	case <-exited:
		return nil
	case <-time.After(30 * time.Second):
		syscall.Kill(-pgid, syscall.SIGKILL)
		<-exited
		return fmt.Errorf("launch: server did not stop within 30s after SIGINT")
	}
}

func dialectOf(side string) (dialect, error) {
	switch side {
	case "tsqld":
		return tsqldDialect, nil
	case "postgresql", "pg":
		return pgDialect, nil
	}
	return dialect{}, fmt.Errorf("unknown side %q (tsqld or postgresql)", side)
}
