package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"
)

type runFlags struct {
	tsqldAddr, pgAddr       string
	tsqldPID, pgPID         int
	tsqldReady, pgReady     string
	tsqldStarted            string
	quick, json             bool
	accounts                int
	warmup, duration, grace time.Duration
	conc, only, pinned      string
	rounds                  int
}

func cmdRun(args []string) error {
	var f runFlags
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.StringVar(&f.tsqldAddr, "tsqld-addr", "", "tsqld host:port")
	fs.IntVar(&f.tsqldPID, "tsqld-pid", 0, "tsqld server pid (server CPU and memory)")
	fs.StringVar(&f.tsqldReady, "tsqld-ready-ms", "", "tsqld start → login times in ms, comma-separated (from launch; the first on a fresh data directory)")
	fs.StringVar(&f.tsqldStarted, "tsqld-started", "", "how tsqld was started (for the report)")
	fs.StringVar(&f.pgAddr, "pg-addr", "", "PostgreSQL host:port")
	fs.IntVar(&f.pgPID, "pg-pid", 0, "postmaster pid (server CPU and memory over all its processes)")
	fs.StringVar(&f.pgReady, "pg-ready-ms", "", "PostgreSQL start → login times in ms, comma-separated (from launch)")
	fs.BoolVar(&f.quick, "quick", false, "100k accounts and short windows: the whole run in under 3 minutes")
	fs.BoolVar(&f.json, "json", false, "print the report as JSON on stdout (the table goes to stderr)")
	fs.IntVar(&f.accounts, "accounts", 0, "accounts rows (multiple of 100000; default 1M, 100k with --quick)")
	fs.DurationVar(&f.warmup, "warmup", 0, "warm-up per run (default 5s, 0.5s with --quick)")
	fs.DurationVar(&f.duration, "duration", 0, "measured window per run (default 20s, 2.5s with --quick)")
	fs.DurationVar(&f.grace, "grace", 0, "how long in-flight operations may overrun a window before they are cancelled (default 60s, 15s with --quick)")
	fs.IntVar(&f.rounds, "rounds", 0, "rounds each window is split into, the sides alternating (default 3, 2 with --quick)")
	fs.StringVar(&f.conc, "conc", "1,8", "concurrency levels, comma-separated")
	fs.StringVar(&f.only, "only", "", "comma-separated workload keys to run (bulk,insert,"+workloadKeys()+"); default all")
	fs.StringVar(&f.pinned, "pinned", "", "CPU pinning in effect (for the report)")
	if err := fs.Parse(normalizeFlags(args)); err != nil {
		return err
	}
	if f.tsqldAddr == "" || f.pgAddr == "" {
		return fmt.Errorf("run: --tsqld-addr and --pg-addr are required (scripts/bench.sh sets everything up)")
	}
	def := func(d *time.Duration, full, quick time.Duration) {
		if *d == 0 {
			*d = full
			if f.quick {
				*d = quick
			}
		}
	}
	def(&f.warmup, 5*time.Second, 500*time.Millisecond)
	def(&f.duration, 20*time.Second, 2500*time.Millisecond)
	def(&f.grace, 60*time.Second, 15*time.Second)
	if f.rounds <= 0 {
		f.rounds = 3
		if f.quick {
			f.rounds = 2
		}
	}
	if f.accounts == 0 {
		f.accounts = 1000000
		if f.quick {
			f.accounts = 100000
		}
	}
	if f.accounts < accountsPerBranch || f.accounts%accountsPerBranch != 0 {
		return fmt.Errorf("run: --accounts must be a positive multiple of %d", accountsPerBranch)
	}
	var concs []int
	for _, c := range strings.Split(f.conc, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(c))
		if err != nil || n < 1 {
			return fmt.Errorf("run: bad --conc %q", f.conc)
		}
		concs = append(concs, n)
	}
	want := map[string]bool{}
	for _, k := range strings.Split(f.only, ",") {
		if k = strings.TrimSpace(k); k != "" {
			want[k] = true
		}
	}
	selected := func(k string) bool { return len(want) == 0 || want[k] }

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return run(ctx, &f, concs, selected)
}

func workloadKeys() string {
	var ks []string
	for _, w := range workloads {
		ks = append(ks, w.key)
	}
	return strings.Join(ks, ",")
}

func run(ctx context.Context, f *runFlags, concs []int, selected func(string) bool) error {
	pw := os.Getenv("MSSQL_SA_PASSWORD")
	if pw == "" {
		return fmt.Errorf("run: MSSQL_SA_PASSWORD (the password of sa and postgres) is not set")
	}
	maxConc := 1
	for _, c := range concs {
		maxConc = max(maxConc, c)
	}
	mode := "full"
	if f.quick {
		mode = "quick"
	}
	rep := &report{
		Mode:    mode,
		Started: time.Now().UTC().Format(time.RFC3339),
		Machine: machine{CPUs: runtime.NumCPU(), Kernel: kernel(), GoVersion: runtime.Version(), Pinned: f.pinned},
		Settings: settings{Accounts: f.accounts, Warmup: f.warmup.Seconds(), Duration: f.duration.Seconds(),
			Rounds: f.rounds, Concurrency: concs},
		RatioNote: "tsqld / PostgreSQL: throughput > 1 favours tsqld; latency, CPU, memory and start-up < 1 favour tsqld",
	}

	nTimed := 0
	for _, w := range workloads {
		if selected(w.key) {
			nTimed += len(concs) * 2 * f.rounds
		}
	}
	// The bulk load also fills the table the other workloads read.
	needAccounts := selected("bulk") || selected("point") || selected("write") || selected("groupby") || selected("join")
	nLoad := 0
	if needAccounts {
		nLoad += 2
	}
	if selected("insert") {
		nLoad += 2
	}
	prog := newProgress(2 + nLoad + nTimed)
	defer prog.close()

	prog.start("connecting")
	ts, err := openSide(ctx, tsqldDialect, f.tsqldAddr, pw, f.tsqldPID, maxConc)
	if err != nil {
		return err
	}
	defer ts.db.Close()
	pg, err := openSide(ctx, pgDialect, f.pgAddr, pw, f.pgPID, maxConc)
	if err != nil {
		return err
	}
	defer pg.db.Close()
	ts.started = f.tsqldStarted
	rep.Servers = servers{
		Tsqld:      serverInfo{Version: ts.version, PID: f.tsqldPID, Started: f.tsqldStarted},
		PostgreSQL: serverInfo{Version: pg.version, PID: f.pgPID},
	}
	rep.Startup = newStartup(f.tsqldReady, f.pgReady)
	addMem := func(when string, t, p *memInfo) {
		r := memRow{When: when, Tsqld: t, PG: p}
		if t != nil && p != nil {
			r.Ratio = ratio(float64(t.PSSKiB), float64(p.PSSKiB))
		}
		rep.Memory = append(rep.Memory, r)
	}
	addMem("idle after start", ts.memory(), pg.memory())
	prog.finish("connected: " + firstLine(ts.version) + " / " + firstLine(pg.version))

	// Schema on both sides. A tsqld failure here is recorded in every
	// row; PostgreSQL failing means the harness itself is broken.
	prog.start("creating the pgbench schema on both sides")
	tsSchemaErr := createSchema(ctx, ts, f.accounts)
	if err := createSchema(ctx, pg, f.accounts); err != nil {
		return fmt.Errorf("postgresql schema: %w", err)
	}
	if tsSchemaErr != nil {
		prog.logf("tsqld schema failed: %v", tsSchemaErr)
	}
	prog.finish("schema created")
	failSchema := func() *measurement {
		return &measurement{Error: "schema: " + oneLine(tsSchemaErr)}
	}

	// 5. Bulk load of accounts: the table the other workloads read.
	bulkRow := row{Key: "bulk", Workload: "bulk load accounts", Conc: 1, Unit: "row"}
	if needAccounts {
		label := "bulk load accounts (tsqld: TDS bulk copy)"
		prog.start(label)
		if tsSchemaErr != nil {
			bulkRow.Tsqld = failSchema()
		} else if perr := probeBulk(ctx, ts); perr == nil {
			bulkRow.Tsqld = measureLoad(ts, f.accounts, func(*latencies) error {
				return bulkLoad(ctx, ts, "accounts", f.accounts)
			})
			bulkRow.Tsqld.Method, bulkRow.Tsqld.Note = "tds-bulk-copy", "TDS bulk copy (INSERT BULK)"
		} else {
			prog.logf("tsqld: TDS bulk copy not available (%s); loading with multi-row INSERTs", oneLine(perr))
			bulkRow.Tsqld = measureLoad(ts, f.accounts, func(lat *latencies) error {
				return insertRows(ctx, ts, "accounts", accountCols, f.accounts, accountRow, lat)
			})
			bulkRow.Workload = "bulk load (tsqld: INSERT fallback)"
			bulkRow.Tsqld.Method = "multi-row-insert"
			bulkRow.Tsqld.Note = "FALLBACK: batched multi-row INSERT (500 rows/stmt); TDS bulk copy failed: " + oneLine(perr)
		}
		prog.finish("tsqld: " + summary(bulkRow.Tsqld, "row"))
		prog.start("bulk load accounts (postgresql: COPY)")
		bulkRow.PG = measureLoad(pg, f.accounts, func(*latencies) error {
			return bulkLoad(ctx, pg, "accounts", f.accounts)
		})
		bulkRow.PG.Method, bulkRow.PG.Note = "copy", "COPY FROM STDIN (pgx CopyFrom)"
		if !bulkRow.PG.ok() {
			return fmt.Errorf("postgresql COPY: %s", bulkRow.PG.Error)
		}
		prog.finish("postgresql: " + summary(bulkRow.PG, "row"))
		if n := countRows(ctx, ts.db, "accounts"); bulkRow.Tsqld.ok() && n != f.accounts {
			bulkRow.Tsqld.Note += fmt.Sprintf("; accounts holds %d rows, want %d", n, f.accounts)
		}
		// pgbench vacuums and analyzes after loading; not timed.
		if _, err := pg.db.ExecContext(ctx, "VACUUM ANALYZE"); err != nil {
			return fmt.Errorf("postgresql VACUUM ANALYZE: %w", err)
		}
		bulkRow.computeRatios()
		if selected("bulk") {
			rep.Rows = append(rep.Rows, bulkRow)
		}
	}

	// 5b. The same multi-row INSERTs on both sides: the like-for-like
	// load comparison while tsqld has no bulk copy.
	if selected("insert") {
		n := max(f.accounts/5, insertBatch)
		r := row{Key: "insert", Workload: fmt.Sprintf("multi-row INSERT (%d/stmt)", insertBatch), Conc: 1, Unit: "row"}
		for _, s := range []*side{ts, pg} {
			prog.start(fmt.Sprintf("multi-row INSERT of %d rows (%s)", n, s.d.name))
			var m *measurement
			if s == ts && tsSchemaErr != nil {
				m = failSchema()
			} else if _, err := s.db.ExecContext(ctx, s.d.insertTable()); err != nil {
				m = &measurement{Error: "CREATE TABLE accounts_ins: " + oneLine(err)}
			} else {
				m = measureLoad(s, n, func(lat *latencies) error {
					return insertRows(ctx, s, "accounts_ins", accountCols, n, accountRow, lat)
				})
				m.Method = "multi-row-insert"
				s.db.ExecContext(ctx, "DROP TABLE accounts_ins")
			}
			if s == ts {
				r.Tsqld = m
			} else {
				r.PG = m
			}
			prog.finish(s.d.name + ": " + summary(m, "row"))
		}
		r.computeRatios()
		rep.Rows = append(rep.Rows, r)
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if needAccounts || selected("insert") {
		addMem("idle, accounts loaded", ts.memory(), pg.memory())
	}

	// 1–4, 6: timed workloads, the two sides one after the other for
	// each row so that drift on the machine hits both alike.
	tm := timing{warmup: f.warmup, duration: f.duration, grace: f.grace, rounds: f.rounds}
	var loadMem [2]*memInfo
	for _, w := range workloads {
		if !selected(w.key) {
			continue
		}
		for _, c := range concs {
			r := row{Key: w.key, Workload: w.name, Conc: c, Unit: "op"}
			sides := []*side{ts, pg}
			rounds := make([][]*window, 2)
			results := make([]*measurement, 2)
			for i, s := range sides {
				if s == ts && tsSchemaErr != nil && w.key != "select1" && w.key != "connect" {
					results[i] = failSchema()
				} else if err := probe(ctx, s, w, f.accounts, tm, uint64(c)); err != nil {
					results[i] = &measurement{Error: oneLine(err)}
				}
			}
			slice := tm.duration / time.Duration(tm.rounds)
			for round := 0; round < tm.rounds; round++ {
				for i, s := range sides {
					if results[i] != nil {
						continue // failed its probe
					}
					prog.start(fmt.Sprintf("%s, %d client(s), %s, round %d/%d", w.name, c, s.d.name, round+1, tm.rounds))
					var sample func()
					if w.key == "point" && c == maxConc {
						sample = func() {
							if m := s.memory(); m != nil && (loadMem[i] == nil || m.PSSKiB > loadMem[i].PSSKiB) {
								loadMem[i] = m
							}
						}
					}
					warm := time.Duration(0)
					if round == 0 {
						warm = tm.warmup
					}
					wn := runWindow(ctx, s, w, c, f.accounts, warm, slice, tm.grace, uint64(c)<<16|uint64(round)<<8|uint64(i), sample)
					rounds[i] = append(rounds[i], wn)
					prog.finish(fmt.Sprintf("%s: %d ops in %.2fs", s.d.name, len(wn.lat), wn.elapsed.Seconds()))
					if ctx.Err() != nil {
						return ctx.Err()
					}
				}
			}
			for i := range sides {
				if results[i] == nil {
					results[i] = summarize(rounds[i])
				} else {
					prog.skip(tm.rounds)
				}
				prog.logf("        %s, %d client(s), %s: %s", w.name, c, sides[i].d.name, summary(results[i], "op"))
			}
			r.Tsqld, r.PG = results[0], results[1]
			r.computeRatios()
			rep.Rows = append(rep.Rows, r)
		}
	}
	if loadMem[0] != nil || loadMem[1] != nil {
		addMem(fmt.Sprintf("point select, %d clients", maxConc), loadMem[0], loadMem[1])
	}
	prog.close()

	if f.json {
		writeTable(os.Stderr, rep)
		return writeJSON(os.Stdout, rep)
	}
	writeTable(os.Stdout, rep)
	return nil
}

func kernel() string {
	b, err := os.ReadFile("/proc/sys/kernel/osrelease")
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}
