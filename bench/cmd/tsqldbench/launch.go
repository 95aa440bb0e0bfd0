package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"syscall"
	"time"
)

// cmdLaunch starts a server command in a session of its own (so a Ctrl-C
// in the terminal reaches the script's trap, which stops it in order),
// writes its pid at once, and polls with real logins until one succeeds.
// It prints the time from just before the exec to the first successful
// login, in milliseconds, and exits leaving the server running.
func cmdLaunch(args []string) error {
	fs := flag.NewFlagSet("launch", flag.ContinueOnError)
	side := fs.String("side", "", "tsqld or postgresql")
	addr := fs.String("addr", "", "host:port the server will listen on")
	pidfile := fs.String("pidfile", "", "file to write the started process's pid to")
	logfile := fs.String("log", "", "file for the server's stdout and stderr")
	timeout := fs.Duration("timeout", 2*time.Minute, "give up when no login succeeds within this")
	if err := fs.Parse(normalizeFlags(args)); err != nil {
		return err
	}
	cmdline := fs.Args()
	if len(cmdline) == 0 || *addr == "" || *pidfile == "" {
		return fmt.Errorf("launch: usage: launch --side S --addr H:P --pidfile F [--log L] -- command...")
	}
	d, err := dialectOf(*side)
	if err != nil {
		return err
	}
	pw := os.Getenv("MSSQL_SA_PASSWORD")
	dsn, err := d.dsn(*addr, pw)
	if err != nil {
		return err
	}
	conn, err := d.connector(dsn)
	if err != nil {
		return err
	}

	cmd := exec.Command(cmdline[0], cmdline[1:]...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	if *logfile != "" {
		f, err := os.OpenFile(*logfile, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
		if err != nil {
			return err
		}
		defer f.Close()
		cmd.Stdout, cmd.Stderr = f, f
	}
	t0 := time.Now()
	if err := cmd.Start(); err != nil {
		return err
	}
	if err := os.WriteFile(*pidfile, []byte(strconv.Itoa(cmd.Process.Pid)+"\n"), 0o644); err != nil {
		return err
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()

	deadline := t0.Add(*timeout)
	var last error
	for time.Now().Before(deadline) {
		select {
		case err := <-exited:
			return fmt.Errorf("launch: %s exited before accepting a login: %v (see %s)", d.name, err, *logfile)
		default:
		}
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		db := sql.OpenDB(conn)
		var one int
		last = db.QueryRowContext(ctx, "SELECT 1").Scan(&one)
		db.Close()
		cancel()
		if last == nil {
			fmt.Printf("%.1f\n", float64(time.Since(t0).Microseconds())/1000)
			// The server keeps running in its own session; the script
			// stops it.
			return nil
		}
		time.Sleep(2 * time.Millisecond)
	}
	return fmt.Errorf("launch: no login to %s within %v: %v", d.name, *timeout, last)
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
