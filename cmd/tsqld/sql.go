package main

import (
	"os"

	"github.com/spf13/cobra"
	"github.com/tsqld/tsqld/client/sqlcmd"
)

func init() {
	subcommands = append(subcommands, func() *cobra.Command {
		return &cobra.Command{
			Use:   "sql [sqlcmd options]",
			Short: "sqlcmd-compatible shell (-S server -U login -P password -Q query …; -? for help)",
			// sqlcmd's single-dash switches (-S, -Q, -?) are not POSIX
			// flags: the sqlcmd package parses them itself.
			DisableFlagParsing: true,
			RunE: func(cmd *cobra.Command, args []string) error {
				code := sqlcmd.Run(cmd.Context(), args, os.Stdin, cmd.OutOrStdout(), cmd.ErrOrStderr())
				if code != 0 {
					return exitStatus(code)
				}
				return nil
			},
		}
	})
}

// exitStatus ends tsqld with a tool's exit code and no further message.
type exitStatus int

func (e exitStatus) Error() string { return "" }
func (e exitStatus) ExitCode() int { return int(e) }
