package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"
	"github.com/tsqld/tsqld/browser"
	"github.com/tsqld/tsqld/service"
)

// The service control commands: thin wrappers over package service.

func init() {
	subcommands = append(subcommands,
		newStartCmd, newStopCmd, newRestartCmd, newPauseCmd, newContinueCmd,
		newStatusCmd, newConfigCmd, newLogCmd, newBrowserCmd)
}

// configSubcommands are added under `tsqld config` by other files.
var configSubcommands []func() *cobra.Command

// instanceFlags are --home and --instance, shared by every control command.
type instanceFlags struct{ home, instance string }

func (f *instanceFlags) add(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.home, "home", "", "instances' home directory (default $TSQLD_HOME, /var/opt/tsqld for root, else ~/.tsqld)")
	cmd.Flags().StringVarP(&f.instance, "instance", "i", "", "instance name (default MSSQLSERVER)")
}

func (f *instanceFlags) homeDir() string {
	if f.home != "" {
		return f.home
	}
	return service.DefaultHome()
}

func startInstance(ctx context.Context, f instanceFlags, w io.Writer) error {
	inst := f.instance
	if inst == "" {
		inst = service.DefaultInstance
	}
	st, err := service.Start(ctx, service.StartOptions{
		Home: f.homeDir(), Instance: inst,
		Args: []string{"serve", "--instance", inst, "--detached"},
	})
	if err != nil {
		return err
	}
	return st.WriteText(w)
}

func newStartCmd() *cobra.Command {
	var f instanceFlags
	cmd := &cobra.Command{
		Use:   "start",
		Short: "Start an instance in the background; returns once it accepts connections",
		RunE: func(cmd *cobra.Command, _ []string) error {
			return startInstance(cmd.Context(), f, cmd.OutOrStdout())
		},
	}
	f.add(cmd)
	return cmd
}

func newStopCmd() *cobra.Command {
	var f instanceFlags
	var nowait bool
	cmd := &cobra.Command{
		Use:   "stop",
		Short: "Stop an instance (waits for running batches unless --nowait)",
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := service.Stop(cmd.Context(), f.homeDir(), f.instance, nowait); err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), "stopped")
			return nil
		},
	}
	f.add(cmd)
	cmd.Flags().BoolVar(&nowait, "nowait", false, "cancel running batches instead of waiting (SHUTDOWN WITH NOWAIT)")
	return cmd
}

func newRestartCmd() *cobra.Command {
	var f instanceFlags
	cmd := &cobra.Command{
		Use:   "restart",
		Short: "Stop then start an instance (applies pending configuration changes)",
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := service.Stop(cmd.Context(), f.homeDir(), f.instance, false); err != nil {
				if _, ok := err.(*service.ControlError); !ok {
					return err
				} // not running: just start it
			}
			return startInstance(cmd.Context(), f, cmd.OutOrStdout())
		},
	}
	f.add(cmd)
	return cmd
}

func newPauseCmd() *cobra.Command {
	var f instanceFlags
	cmd := &cobra.Command{
		Use:   "pause",
		Short: "Pause an instance: existing sessions go on, new logins are refused (17142)",
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := service.Pause(f.homeDir(), f.instance)
			if err != nil {
				return err
			}
			return st.WriteText(cmd.OutOrStdout())
		},
	}
	f.add(cmd)
	return cmd
}

func newContinueCmd() *cobra.Command {
	var f instanceFlags
	cmd := &cobra.Command{
		Use:   "continue",
		Short: "Resume a paused instance",
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := service.Continue(f.homeDir(), f.instance)
			if err != nil {
				return err
			}
			return st.WriteText(cmd.OutOrStdout())
		},
	}
	f.add(cmd)
	return cmd
}

func newStatusCmd() *cobra.Command {
	var f instanceFlags
	var asJSON, all bool
	cmd := &cobra.Command{
		Use:   "status",
		Short: "Show an instance's state, endpoints, sessions and pending changes",
		RunE: func(cmd *cobra.Command, _ []string) error {
			var sts []*service.InstanceStatus
			if all {
				var err error
				if sts, err = service.StatusAll(f.homeDir()); err != nil {
					return err
				}
			} else {
				st, err := service.Status(f.homeDir(), f.instance)
				if err != nil {
					return err
				}
				sts = append(sts, st)
			}
			out := cmd.OutOrStdout()
			for i, st := range sts {
				if asJSON {
					out.Write(st.JSON())
					continue
				}
				if i > 0 {
					fmt.Fprintln(out)
				}
				st.WriteText(out)
			}
			return nil
		},
	}
	f.add(cmd)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().BoolVar(&all, "all", false, "every instance under the home directory")
	return cmd
}

func newConfigCmd() *cobra.Command {
	var f instanceFlags
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Read and change an instance's settings (mssql.conf), like mssql-conf",
	}
	get := &cobra.Command{
		Use: "get KEY", Short: "Show one setting", Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			e, err := service.GetConfig(f.homeDir(), f.instance, args[0])
			if err != nil {
				return err
			}
			fmt.Fprintln(cmd.OutOrStdout(), e.Value)
			return nil
		},
	}
	set := &cobra.Command{
		Use: "set KEY VALUE", Short: "Change a setting", Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := service.SetConfig(f.homeDir(), f.instance, args[0], args[1])
			if err != nil {
				return err
			}
			if s.Restart {
				fmt.Fprintln(cmd.OutOrStdout(), service.RestartMessage(f.instance))
			}
			return nil
		},
	}
	unset := &cobra.Command{
		Use: "unset KEY", Short: "Return a setting to its default", Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := service.UnsetConfig(f.homeDir(), f.instance, args[0])
			if err != nil {
				return err
			}
			if s.Restart {
				fmt.Fprintln(cmd.OutOrStdout(), service.RestartMessage(f.instance))
			}
			return nil
		},
	}
	list := &cobra.Command{
		Use: "list", Short: "List every setting with its value, default and pending changes",
		RunE: func(cmd *cobra.Command, _ []string) error {
			entries, err := service.ListConfig(f.homeDir(), f.instance)
			if err != nil {
				return err
			}
			pend, _ := service.Pending(f.homeDir(), f.instance)
			pending := map[string]service.PendingChange{}
			for _, p := range pend {
				pending[p.Key] = p
			}
			out := cmd.OutOrStdout()
			if asJSON {
				return writeJSON(out, map[string]any{"settings": entries, "pending_restart": pend})
			}
			tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "KEY\tVALUE\tDEFAULT\tNOTE")
			for _, e := range entries {
				note := ""
				if p, ok := pending[e.Key]; ok {
					note = fmt.Sprintf("pending restart (running with %q)", p.Running)
				}
				if e.Invalid != "" {
					note = "invalid: " + e.Invalid
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", e.Key, e.Value, e.Default, note)
			}
			return tw.Flush()
		},
	}
	list.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	for _, c := range []*cobra.Command{get, set, unset, list} {
		f.add(c)
		cmd.AddCommand(c)
	}
	// Subcommands defined in other files (alias.go: client aliases).
	for _, sub := range configSubcommands {
		cmd.AddCommand(sub())
	}
	return cmd
}

func newLogCmd() *cobra.Command {
	var f instanceFlags
	var follow bool
	var n, archive int
	cmd := &cobra.Command{
		Use:   "log",
		Short: "Show an instance's error log (SQL Server's ERRORLOG)",
		RunE: func(cmd *cobra.Command, _ []string) error {
			p, err := service.PathsFor(f.home, f.instance)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if follow {
				ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
				defer stop()
				err := service.Follow(ctx, p.ErrorLog, n, func(line string) { fmt.Fprintln(out, line) })
				if ctx.Err() != nil {
					return nil
				}
				return err
			}
			b, err := os.ReadFile(service.ArchivePath(p.ErrorLog, archive))
			if err != nil {
				return err
			}
			_, err = out.Write(b)
			return err
		},
	}
	f.add(cmd)
	cmd.Flags().BoolVarP(&follow, "follow", "f", false, "keep printing new lines (survives log cycling)")
	cmd.Flags().IntVarP(&n, "lines", "n", 20, "with --follow: lines of history to show first")
	cmd.Flags().IntVar(&archive, "archive", 0, "show archived log N (errorlog.N)")
	return cmd
}

func newBrowserCmd() *cobra.Command {
	var home, addr string
	cmd := &cobra.Command{
		Use:   "browser",
		Short: "Run the SQL Server Browser (SSRP on UDP 1434) for this host's instances",
		RunE: func(cmd *cobra.Command, _ []string) error {
			if home == "" {
				home = service.DefaultHome()
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			fmt.Fprintf(cmd.ErrOrStderr(), "%s SQL Server Browser listening on udp %s (instances under %s)\n",
				time.Now().Format("2006-01-02 15:04:05.00"), addr, home)
			err := browser.ListenAndServe(ctx, addr, home)
			if ctx.Err() != nil {
				return nil
			}
			return err
		},
	}
	cmd.Flags().StringVar(&home, "home", "", "instances' home directory")
	cmd.Flags().StringVar(&addr, "listen", ":1434", "UDP address to answer on")
	return cmd
}
