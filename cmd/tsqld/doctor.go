package main

import (
	"github.com/spf13/cobra"
	"github.com/tsqld/tsqld/client/doctor"
)

func init() {
	subcommands = append(subcommands, func() *cobra.Command {
		return &cobra.Command{
			Use:   "doctor [SERVER | connection string] [-U login -P password] [-d db] [--json] [--lang fr]",
			Short: "Diagnose a connection layer by layer (name, Browser, TCP, PRELOGIN, TLS, login) and say how to fix it",
			// -U/-P/-d are sqlcmd-style single-dash switches.
			DisableFlagParsing: true,
			RunE: func(cmd *cobra.Command, args []string) error {
				code := doctor.Run(cmd.Context(), args, cmd.OutOrStdout(), cmd.ErrOrStderr())
				if code != 0 {
					return exitStatus(code)
				}
				return nil
			},
		}
	})
}
