package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"
	"github.com/tsqld/tsqld/embed"
	"github.com/tsqld/tsqld/server"
	"github.com/tsqld/tsqld/service"
	"github.com/tsqld/tsqld/sql/engine"
)

func init() {
	subcommands = append(subcommands, newServeCmd)
}

// serveFlags override mssql.conf for this run only (they are not saved).
type serveFlags struct {
	home, instance, data, listen string
	port                         int
	detached                     bool
	gcPercent                    int // 0: Go's default (or GOGC)
}

func newServeCmd() *cobra.Command {
	var f serveFlags
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Run an instance in the foreground (what containers and systemd units run)",
		Long: `Runs the instance in the foreground until SIGTERM/SIGINT or 'tsqld stop'.
Settings come from the instance's mssql.conf (see 'tsqld config'); the official
container's variables (MSSQL_SA_PASSWORD, MSSQL_PID, MSSQL_TCP_PORT, MSSQL_LCID,
MSSQL_COLLATION) are applied when the instance is created. Flags override the
configuration for this run only.`,
		RunE: func(cmd *cobra.Command, _ []string) error { return serve(cmd.Context(), f) },
	}
	fl := cmd.Flags()
	fl.StringVar(&f.home, "home", "", "instances' home directory (default $TSQLD_HOME, /var/opt/tsqld for root, else ~/.tsqld)")
	fl.StringVar(&f.instance, "instance", "", "instance name (default MSSQLSERVER)")
	fl.StringVar(&f.data, "data", "", "data directory (default <home>/<instance>/data)")
	fl.StringVar(&f.listen, "listen", "", "listen address, e.g. 127.0.0.1 or 0.0.0.0 or :: (default from network.ipaddress / network.remoteconnections)")
	fl.IntVar(&f.port, "port", -1, "TCP port; 0 = dynamic (default network.tcpport, 1433)")
	fl.BoolVar(&f.detached, "detached", false, "started by 'tsqld start': do not copy the error log to stdout")
	fl.MarkHidden("detached")
	fl.IntVar(&f.gcPercent, "gc-percent", 0, "Go GC target percentage when GOGC is unset (0: Go's default, 100; -1: collect only near the soft memory limit, which is 90% of memory.memorylimitmb)")
	return cmd
}

func serve(ctx context.Context, f serveFlags) error {
	if f.home == "" {
		f.home = os.Getenv("TSQLD_HOME")
	}
	opts := service.Options{Home: f.home, Instance: f.instance}
	if !f.detached {
		opts.Console = os.Stdout
	}
	svc, err := service.Open(opts)
	if err != nil {
		return err
	}
	defer svc.Close()
	cfg, err := instanceConfig(svc, f)
	if err != nil {
		return err
	}
	if fs := svc.FirstStart(); fs != nil && fs.Generated && dirEmpty(cfg.DataDir) {
		fmt.Fprintf(os.Stderr, "The sa password is: %s\n(shown once; set MSSQL_SA_PASSWORD before the first start to choose it)\n", fs.SAPassword)
	}
	if desc := applyGCTuning(f.gcPercent, svc.Config().Int("memory.memorylimitmb")); desc != "" {
		svc.ErrorLog().Log("Server", "Go runtime: "+desc+".")
	}
	if addr := os.Getenv("TSQLD_PPROF"); addr != "" {
		if err := startProfiler(addr); err != nil {
			return err
		}
	}
	ctx, stop := signal.NotifyContext(ctx, syscall.SIGTERM, syscall.SIGINT)
	defer stop()
	return svc.Run(ctx, embed.NewInstance(cfg))
}

// instanceConfig turns the instance's settings (and the flags) into the
// embedded server's configuration.
func instanceConfig(svc *service.Service, f serveFlags) (embed.Config, error) {
	n := svc.Network()
	if f.port >= 0 {
		n.TCPPort = f.port
		n.TCPEnabled = true
	}
	if f.listen != "" {
		if net.ParseIP(f.listen) == nil {
			return embed.Config{}, fmt.Errorf("--listen %q is not an IP address", f.listen)
		}
		n.IPAddress = f.listen
	}
	cfg := embed.Config{
		Addrs:          n.TCPAddrs(),
		UnixSocket:     n.LocalSocket,
		DataDir:        svc.Paths().DataDir,
		ServerName:     svc.ServerName(),
		InstanceName:   svc.Paths().Instance,
		Edition:        svc.Edition(),
		Collation:      svc.Config().Get("sqlserver.collation"),
		CertFile:       n.TLSCert,
		KeyFile:        n.TLSKey,
		MaxConnections: n.UserConnections,
		DACAddrs:       n.DACAddrs(),
		ErrorLog:       errorLogAdapter{svc.ErrorLog()},
		OnShutdown:     func(nowait bool) { svc.Stop(nowait) },
		CycleErrorLog:  svc.CycleErrorLog,
		ReadErrorLog: func(archive int, s1, s2 string) ([]engine.ErrorLogRow, error) {
			rows, err := service.ReadErrorLog(svc.ErrorLog().Path(), archive, s1, s2)
			out := make([]engine.ErrorLogRow, len(rows))
			for i, r := range rows {
				out[i] = engine.ErrorLogRow{LogDate: r.LogDate, ProcessInfo: r.ProcessInfo, Text: r.Text}
			}
			return out, err
		},
		NoListenLog: true,
	}
	if f.data != "" {
		cfg.DataDir = f.data
	}
	// What sp_configure / sys.configurations report for the settings
	// mssql.conf controls.
	cfg.Configurations = map[string]int64{
		"user connections":         int64(svc.Config().Int("sqlserver.userconnections")),
		"remote admin connections": boolInt(n.RemoteAdmin),
		"remote access":            boolInt(svc.Config().Bool("sqlserver.remoteaccess")),
	}
	if mb := svc.Config().Int("memory.memorylimitmb"); mb > 0 {
		cfg.Configurations["max server memory (MB)"] = int64(mb)
	}
	if n.ForceEncryption {
		cfg.Encryption = server.EncryptForced
	}
	if fs := svc.FirstStart(); fs != nil {
		cfg.SAPassword = fs.SAPassword
	} else if pw := os.Getenv("MSSQL_SA_PASSWORD"); pw != "" {
		// Like the container: the variable is used when master is
		// created; a later start with a data directory keeps the stored
		// password. It is still passed so a fresh --data works.
		cfg.SAPassword = pw
	}
	if cfg.SAPassword == "" && dirEmpty(cfg.DataDir) {
		// master will be created without a configured password: make one
		// and show it once, as the container does with a generated one.
		pw, err := embed.GeneratePassword()
		if err != nil {
			return cfg, err
		}
		cfg.SAPassword = pw
		fmt.Fprintf(os.Stderr, "The sa password is: %s\n(shown once; set MSSQL_SA_PASSWORD before the first start to choose it)\n", pw)
	}
	if len(cfg.Addrs) == 0 && cfg.UnixSocket == "" {
		return cfg, fmt.Errorf("no protocol enabled: TCP is off (network.tcpenabled) and the local socket is off (network.localsocket)")
	}
	return cfg, nil
}

// errorLogAdapter writes the server's error-log events into the instance's
// ERRORLOG in SQL Server's format.
type errorLogAdapter struct{ l *service.ErrorLog }

func (a errorLogAdapter) Error(source string, number int32, severity, state uint8, text string) {
	a.l.Error(source, int(number), int(severity), int(state), text)
}

func (a errorLogAdapter) Info(source, text string) { a.l.Log(source, text) }

// dirEmpty reports whether dir is missing or has no entries (no master yet).
func dirEmpty(dir string) bool {
	ents, err := os.ReadDir(dir)
	return err != nil || len(ents) == 0
}

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}
