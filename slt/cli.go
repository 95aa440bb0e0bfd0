package slt

import (
	"context"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"golang.org/x/term"
)

// Main is the sqllogictest command: flags, then files or directories
// (directories are searched for *.test). open supplies databases; when nil,
// -dsn is required and each file gets a fresh database on that server.
// The last line written to stdout is "N passed, N failed, N skipped". It
// returns the process exit code: 0 when nothing failed, 1 on failures, 2 on
// usage errors.
func Main(ctx context.Context, args []string, stdout, stderr io.Writer, open OpenFunc) int {
	fl := flag.NewFlagSet("slt", flag.ContinueOnError)
	fl.SetOutput(stderr)
	dsn := fl.String("dsn", "", "go-mssqldb DSN (sqlserver://user:pass@host:port?…) of the server to test")
	div := fl.String("divergences", "", "known T-SQL divergence list (<path>:<line> <reason> per line)")
	timeout := fl.Duration("timeout", 60*time.Second, "time limit per record (0: none)")
	maxFail := fl.Int("max-failures", 0, "stop a file after this many failures (0: no limit)")
	verbose := fl.Bool("v", false, "show SQL and value excerpts for failures")
	engine := fl.String("engine", Engine, "engine name for skipif/onlyif")
	progress := fl.Bool("progress", term.IsTerminal(int(os.Stderr.Fd())), "show progress on stderr")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "usage: slt [flags] file-or-directory…")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() == 0 {
		fl.Usage()
		return 2
	}
	files, err := CollectFiles(fl.Args())
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	r := &Runner{EngineName: *engine, Timeout: *timeout, MaxFailures: *maxFail, Log: stdout, Verbose: *verbose, Open: open}
	if *div != "" {
		d, err := LoadDivergences(*div)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 2
		}
		r.Divergences = d
	}
	if r.Open == nil {
		if *dsn == "" {
			fmt.Fprintln(stderr, "slt: -dsn is required")
			return 2
		}
		pool, err := OpenSQL(*dsn)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 2
		}
		defer pool.Close()
		r.Open = FreshDatabases(pool, "slt")
	}
	if *progress {
		r.Progress = progressPrinter(stderr, len(files))
	}
	_, tot := r.RunFiles(ctx, files)
	if *progress {
		fmt.Fprint(stderr, "\r\033[K")
	}
	if tot.Failed > 0 {
		return 1
	}
	return 0
}

// CollectFiles expands directories into their *.test files (sorted) and
// keeps plain files as given.
func CollectFiles(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			out = append(out, a)
			continue
		}
		var found []string
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && strings.HasSuffix(p, ".test") {
				found = append(found, p)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		sort.Strings(found)
		out = append(out, found...)
	}
	return out, nil
}

// progressPrinter redraws one status line at most ten times a second.
func progressPrinter(w io.Writer, nfiles int) func(string, int, int) {
	var last time.Time
	fileNo := 0
	cur := ""
	return func(file string, done, total int) {
		if file != cur {
			cur = file
			fileNo++
		}
		if now := time.Now(); now.Sub(last) >= 100*time.Millisecond || done == total {
			last = now
			fmt.Fprintf(w, "\r\033[K[%d/%d] %s %d/%d", fileNo, nfiles, filepath.Base(file), done, total)
		}
	}
}
